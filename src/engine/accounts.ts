/**
 * A participant's Accounts (§1.1(a), §4.5) replayed from the plan records in
 * date order into dated postings: the Deferred Compensation, Company Matching
 * Stock and Company Stock Accounts in units, the Investment Account in
 * dollars, and the options granted from it (Art. V). STATEMENT.md fixes the
 * readings; every amount is computed by the rule that owns it (units.ts,
 * investment.ts, options.ts, calendar.ts), never restated here.
 */
import { electionWindowEnd, quarterEnd } from "./calendar";
import { DEFAULT_UNIT_PLACES, MATCH_RATE } from "./constants";
import { addDays, compareDates, laterOf, nextQuarter, quarterFirstDay, quarterLabel, quarterLastDay, quarterOf, type IsoDate, type Quarter } from "./dates";
import { Decimal, roundHalfUp, ZERO } from "./decimal";
import { PlanError } from "./errors";
import { capitalize, formatDollars, plural } from "./format";
import { primeRateForQuarter, quarterInterest, type Flow, type PrimeRate } from "./investment";
import { describeWindow, stopWindowAt, type StopWindow } from "./lifecycle";
import { discountProblem, optionExercisableDate, optionPrice, optionShares, splitAdjustOption, type DiscountType } from "./options";
import type { PriceTable } from "./prices";
import { declaredAs, RULES, type Declared, type Rule } from "./rules";
import { allocationUnits, discretionaryUnits, dividendUnits, matchRateProblem, matchUnits, splitAdjust, unitsCredited } from "./units";

export type UnitAccount = "DCA" | "CMSA" | "CSA";
export type AccountKey = UnitAccount | "IA";
export const UNIT_ACCOUNTS: readonly UnitAccount[] = ["DCA", "CMSA", "CSA"];
export const ACCOUNT_KEYS: readonly AccountKey[] = ["DCA", "CMSA", "CSA", "IA"];

/** The Accounts as the plan names them (§1.1(a),(i),(j),(m)). */
export const ACCOUNT_NAMES: Record<AccountKey, string> = {
  DCA: "Deferred Compensation Account",
  CMSA: "Company Matching Stock Account",
  CSA: "Company Stock Account",
  IA: "Investment Account",
};

export type ActivityKind = "deferral" | "investment deferral" | "discretionary" | "stock allocation" | "option allocation";

/** The five kinds of Activity row, each with the sections that credit it (STATEMENT.md, "Activity"). */
export const ACTIVITY_KINDS: Record<ActivityKind, { section: string }> = {
  deferral: { section: "8.1(a),(c)" },
  "investment deferral": { section: "5.2(b)" },
  discretionary: { section: "8.1(b)" },
  "stock allocation": { section: "5.2(d)" },
  "option allocation": { section: "5.4" },
};

/** A kind as typed, matched ignoring case and spacing. */
export function parseActivityKind(text: string): ActivityKind | undefined {
  const key = text.trim().toLowerCase().replace(/\s+/g, " ");
  return Object.prototype.hasOwnProperty.call(ACTIVITY_KINDS, key) ? (key as ActivityKind) : undefined;
}

/** Participants match ignoring case and surrounding spaces (STATEMENT.md, "Activity"). */
export function participantKey(name: string): string {
  return name.trim().toLowerCase();
}

export interface ActivityRecord {
  participant: string;
  date: IsoDate;
  kind: ActivityKind;
  /** Dollars, above 0. */
  amount: Decimal;
  /** `deferral` only; blank is the plan's 10% (§4.3). */
  matchRate?: Decimal;
  /** `option allocation` only (§5.1). */
  discount?: { value: Decimal; type: DiscountType };
  reference?: string;
}

export interface DividendRecord {
  recordDate: IsoDate;
  paymentDate: IsoDate;
  /** Dollars per share. */
  perShare: Decimal;
}

export interface SplitRecord {
  date: IsoDate;
  newShares: Decimal;
  oldShares: Decimal;
}

/** A §7.3 early withdrawal the Committee approved (PAYOUT.md, sheet `Withdrawals`). */
export interface WithdrawalRecord {
  participant: string;
  approvalDate: IsoDate;
  /** 25%, 50%, 75% or 100% (§7.3), as a fraction. */
  fraction: Decimal;
}

/** The row a payout comes from (PAYOUT.md, sheet `Payouts`): who, and the Distributable Event's day. */
export interface PayoutRecord {
  participant: string;
}

export type PlanRecord<T = unknown> = (ActivityRecord | DividendRecord | SplitRecord | WithdrawalRecord | PayoutRecord) & T;
export type RecordField = keyof ActivityRecord | keyof DividendRecord | keyof SplitRecord | keyof WithdrawalRecord | "event";

/** Where a Company Stock Account unit came from: a Discretionary Amount (§4.4, §8.1(b)) or an Investment Account allocation (§5.2(d), Art. V). */
export type StockSource = "discretionary" | "allocation";

/**
 * A Company Stock Account lot: one credit, with the dividend units and split
 * adjustments its units earned since, in proportion (exact, unrounded: the
 * account's postings are what is rounded). A withdrawal draws only on
 * discretionary lots (P-R14); a §7.1(f) hold pays each lot on its own date.
 */
export interface StockLot {
  creditDate: IsoDate;
  source: StockSource;
  units: Decimal;
}

/**
 * A payout the replay posts (PAYOUT.md §7): the Investment Account at the
 * close of the Distributable Event's day, paid on the distribution date and
 * earning no interest after the event (§5.2(f), P-R11); every unit account
 * at the close of the day before its payment date. `lotPaymentDate` moves a
 * Company Stock Account lot held by §7.1(f) to its own date.
 */
export interface PayoutPlan<T = unknown> {
  record: PayoutRecord & T;
  eventDate: IsoDate;
  paymentDate: IsoDate;
  lotPaymentDate?: (lot: StockLot) => IsoDate;
}

/**
 * One participant's life in the plan beyond the Activity rows (PAYOUT.md §7):
 * the windows that refuse credits, the withdrawals and the payout that post
 * out of the Accounts.
 */
export interface Lifecycle<T = unknown> {
  windows: readonly StopWindow[];
  withdrawals: ReadonlyArray<WithdrawalRecord & T>;
  /**
   * UNITS_WITHDRAWN as engine/withdrawal.ts rules it (fraction × units, 6
   * decimals half-up per account), handed in so the replay does not import
   * the payout engine that imports it.
   */
  unitsWithdrawn?: (units: Record<UnitAccount, Decimal>, fraction: Decimal) => Record<UnitAccount, Decimal>;
  payout?: PayoutPlan<T>;
}

/**
 * The records a replay reads. `T` is whatever the caller attaches to a record
 * (where it came from); postings and problems hand the record back.
 */
export interface PlanRecords<T = unknown> {
  activity: ReadonlyArray<ActivityRecord & T>;
  dividends: ReadonlyArray<DividendRecord & T>;
  splits: ReadonlyArray<SplitRecord & T>;
  prices: PriceTable;
  /**
   * Omitted: no Investment Account interest is credited, and an allocation
   * above the balance before interest cannot be decided (OPTION_GRANTS takes
   * no prime rates). Callers reading the Investment Account pass them.
   */
  primeRates?: readonly PrimeRate[];
  /** The replayed participant's stop windows, withdrawals and payout; omitted: none (OPTION_GRANTS takes no such tables). */
  lifecycle?: Lifecycle<T>;
}

export type PostingKind = "credited" | "dividends" | "splitAdjustment" | "interest" | "allocatedOut" | "paidOut";

export interface Posting<T = unknown> {
  date: IsoDate;
  account: AccountKey;
  kind: PostingKind;
  /** Signed: units for DCA, CMSA and CSA, dollars for IA; an allocation or a payment out is negative. */
  change: Decimal;
  /** The record it comes from; none for interest. */
  record?: PlanRecord<T>;
}

export interface OptionTerms {
  shares: Decimal;
  exercisePrice: Decimal;
}

export interface OptionGrant<T = unknown> extends OptionTerms {
  record: ActivityRecord & T;
  /** The determination date (§5.4(a)). */
  grantDate: IsoDate;
  amount: Decimal;
  fairMarketValue: Decimal;
  exercisableDate: IsoDate;
  /** The terms after each split since the grant, in date order. */
  adjustments: Array<OptionTerms & { date: IsoDate }>;
}

/** The STATEMENT.md error a row the replay cannot apply is reported as; the row is left out. */
export interface ReplayProblem<T = unknown> extends Declared {
  message: string;
  record: PlanRecord<T>;
  /** The field (column) of the record the problem is about. */
  field: RecordField;
}

export interface AccountsReplay<T = unknown> {
  /** The name as its first Activity row spells it. */
  participant: string;
  /** The replay covers postings through the close of this day. */
  through: IsoDate;
  /** The participant's first Activity date, if any. */
  firstDate?: IsoDate;
  /** In the order they apply. */
  postings: Array<Posting<T>>;
  options: Array<OptionGrant<T>>;
  problems: Array<ReplayProblem<T>>;
}

/** Rows (Activity, Withdrawals, ...) by participant key, in the order given. */
export function groupByParticipant<R extends { participant: string }>(activity: readonly R[]): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const record of activity) {
    const key = participantKey(record.participant);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return groups;
}

/** The terms of an option at the close of `date` (on or after its grant), splits through `date` applied. */
export function optionTermsAt(grant: OptionGrant, date: IsoDate): OptionTerms {
  let terms: OptionTerms = grant;
  for (const adjustment of grant.adjustments) {
    if (adjustment.date > date) break;
    terms = adjustment;
  }
  return { shares: terms.shares, exercisePrice: terms.exercisePrice };
}

interface Day<T> {
  withdrawals: Array<WithdrawalRecord & T>;
  /** A payment date of the payout: the distribution date (every account), or a day a §7.1(f) held lot is released. */
  payment: boolean;
  /** The Distributable Event's day: the Investment Account is valued at its close (P-R11). */
  eventDay: boolean;
  splits: Array<SplitRecord & T>;
  activity: Array<ActivityRecord & T>;
  dividends: Array<DividendRecord & T>;
  recordDate: boolean;
  quarterEnd?: Quarter;
}

/**
 * The day an Activity row posts: deferral and match units on the quarter's
 * crediting date (§8.1(a),(c)), allocations on the determination date
 * (§5.2(d), §5.4(a)), the rest on their own date.
 */
export function postingDate(record: ActivityRecord): IsoDate {
  switch (record.kind) {
    case "deferral":
      return quarterEnd(record.date);
    case "stock allocation":
    case "option allocation":
      return electionWindowEnd(record.date);
    default:
      return record.date;
  }
}

const WHAT: Record<ActivityKind, string> = {
  deferral: "deferral",
  "investment deferral": "Investment Account deferral",
  discretionary: "discretionary credit",
  "stock allocation": "allocation to the Company Stock Account",
  "option allocation": "allocation to a discounted option",
};

const PLAN_MATCH_RATE = new Decimal(MATCH_RATE);

/** Units held at the close of a record date (reading 3), the Company Stock Account lot by lot. */
interface Held {
  DCA: Decimal;
  CMSA: Decimal;
  CSA: Decimal;
  /** Each lot's units, by its index in the replay's lots. */
  lots: Decimal[];
}

/** Spreads a change to the Company Stock Account over lots in proportion to `basis` (their units then). */
function spreadOverLots(lots: readonly StockLot[], basis: readonly Decimal[], change: Decimal): void {
  const total = basis.reduce((sum, units) => sum.plus(units), ZERO);
  if (total.isZero()) return;
  basis.forEach((units, i) => {
    if (!units.isZero()) lots[i].units = lots[i].units.plus(change.times(units).dividedBy(total));
  });
}

/**
 * What a replay holds at the start of a day, copied where the replay changes
 * it in place, so that the replay goes on and another can start from here.
 */
interface ReplayerState {
  postings: number;
  problems: number;
  /** How many split adjustments each grant had then, one number a grant. */
  options: number[];
  balance: Record<AccountKey, Decimal>;
  lots: StockLot[];
  /** Shared with the replay: a Held is replaced, never changed. */
  holdings: ReadonlyMap<IsoDate, Held>;
  investmentAtEvent?: Decimal;
  quarterOpening: Decimal;
  quarterFlows: Flow[];
  quartersWithoutRate: number;
}

class Replayer<T> {
  readonly postings: Array<Posting<T>> = [];
  readonly options: Array<OptionGrant<T>> = [];
  readonly problems: Array<ReplayProblem<T>> = [];
  private readonly balance: Record<AccountKey, Decimal> = { DCA: ZERO, CMSA: ZERO, CSA: ZERO, IA: ZERO };
  /** The Company Stock Account lot by lot, in the order credited. */
  readonly lots: StockLot[] = [];
  /** Units held at the close of each record date (§8.1(d); reading 3), less what has been paid out of them since. */
  private readonly holdings = new Map<IsoDate, Held>();
  /** The Investment Account at the close of the Distributable Event's day: what the payout pays (§5.2(f), P-R11). */
  private investmentAtEvent?: Decimal;
  /** What allocations may still take today: the Investment Account at the close of the day before, less today's earlier allocations (reading 6). */
  private allocatable = ZERO;
  private openingIA = ZERO;
  /** The quarter's opening Investment Account balance and its flows so far, for its interest (§5.2(b)). */
  private quarterOpening = ZERO;
  private quarterFlows: Flow[] = [];
  readonly quartersWithoutRate: Quarter[] = [];

  /** Only a withdrawal or a payout reads the lots (P-R14, §7.1(f)): without either, spreading every dividend over them is work nobody sees. */
  private readonly tracksLots: boolean;

  /** A replay from the start, or one that goes on from where `resumed.from` stood at `resumed.state`. */
  constructor(
    private readonly records: PlanRecords<T>,
    private readonly windows: readonly StopWindow[] = records.lifecycle?.windows ?? [],
    resumed?: { from: Replayer<T>; state: ReplayerState },
  ) {
    this.tracksLots = (records.lifecycle?.withdrawals.length ?? 0) > 0 || records.lifecycle?.payout !== undefined;
    if (resumed) {
      const { from, state } = resumed;
      this.postings = from.postings.slice(0, state.postings);
      this.problems = from.problems.slice(0, state.problems);
      this.options = state.options.map((adjusted, i) => ({ ...from.options[i], adjustments: from.options[i].adjustments.slice(0, adjusted) }));
      this.balance = { ...state.balance };
      this.lots = state.lots.map((lot) => ({ ...lot }));
      this.holdings = new Map(state.holdings);
      this.investmentAtEvent = state.investmentAtEvent;
      this.quarterOpening = state.quarterOpening;
      this.quarterFlows = [...state.quarterFlows];
      this.quartersWithoutRate = from.quartersWithoutRate.slice(0, state.quartersWithoutRate);
    }
  }

  /** The state at the start of a day (before `startDay`, which sets what allocations may take from the balance). */
  state(): ReplayerState {
    return {
      postings: this.postings.length,
      problems: this.problems.length,
      options: this.options.map((grant) => grant.adjustments.length),
      balance: { ...this.balance },
      lots: this.lots.map((lot) => ({ ...lot })),
      holdings: new Map(this.holdings),
      investmentAtEvent: this.investmentAtEvent,
      quarterOpening: this.quarterOpening,
      quarterFlows: [...this.quarterFlows],
      quartersWithoutRate: this.quartersWithoutRate.length,
    };
  }

  startDay(): void {
    this.openingIA = this.allocatable = this.balance.IA;
  }

  private post(date: IsoDate, account: AccountKey, kind: PostingKind, change: Decimal, record?: PlanRecord<T>): void {
    if (change.isZero()) return;
    this.balance[account] = this.balance[account].plus(change);
    this.postings.push({ date, account, kind, change, record });
    if (account === "IA" && kind !== "interest") this.quarterFlows.push({ date, amount: change });
  }

  /** `rule` on the record's `field`, citing `cites`: the row is left out. */
  private problem(record: PlanRecord<T>, field: RecordField, rule: Rule, cites: string, message: string): void {
    this.problems.push({ record, field, ...declaredAs(rule, { cites }), message });
  }

  /** A price (or date) the row needs is missing: S03 naming the day, the row left out; the section is cited once. */
  private unavailable(record: PlanRecord<T>, field: RecordField, section: string, error: unknown, consequence: string): void {
    if (!(error instanceof PlanError)) throw error;
    // Cite the row's own section unless the engine's message already cites that section (a §1.1(d) note is not §8.1's).
    const cited = error.message.includes(`§${section.split("(")[0]}`) ? "" : ` (§${section})`;
    this.problem(record, field, error.code === "#N/A" ? RULES.S03 : RULES.S02, section, `${capitalize(error.message)}; ${consequence}${cited}.`);
  }

  /** At the start of its day, every unit balance and every outstanding option (§8.1(e); STATEMENT.md "Splits"). */
  split(date: IsoDate, split: SplitRecord & T): void {
    for (const account of UNIT_ACCOUNTS) {
      const units = this.balance[account];
      if (units.isZero()) continue;
      const change = splitAdjust(units, split.newShares, split.oldShares).minus(units);
      this.post(date, account, "splitAdjustment", change, split);
      if (account === "CSA")
        spreadOverLots(
          this.lots,
          this.lots.map((lot) => lot.units),
          change,
        );
    }
    for (const grant of this.options) {
      const current = grant.adjustments[grant.adjustments.length - 1] ?? grant;
      grant.adjustments.push({ date, ...splitAdjustOption(current.shares, current.exercisePrice, split.newShares, split.oldShares) });
    }
  }

  activity(date: IsoDate, record: ActivityRecord & T): void {
    const { section } = ACTIVITY_KINDS[record.kind];
    const { prices } = this.records;
    // A credit's date for the stop windows is its Activity Date (PAYOUT.md §7).
    const window = stopWindowAt(this.windows, record.date);
    if (window) {
      return this.problem(
        record,
        "date",
        RULES.S05,
        window.section,
        `The ${WHAT[record.kind]} of ${formatDollars(record.amount)} dated ${record.date} falls in ${describeWindow(window)}: nothing is credited under §8.1(a),(b),(c) or Art. V then, so it is not applied (§${window.section}).`,
      );
    }
    switch (record.kind) {
      case "deferral": {
        const rate = record.matchRate ?? PLAN_MATCH_RATE;
        const why = matchRateProblem(rate);
        if (why) return this.problem(record, "matchRate", RULES.S04, "4.3", `Match Rate ${why}: the deferral is not credited.`);
        let units: Decimal, match: Decimal;
        try {
          units = unitsCredited(record.amount, prices, record.date);
          match = matchUnits(record.amount, prices, record.date, rate);
        } catch (error) {
          return this.unavailable(record, "date", section, error, "the deferral is not credited");
        }
        this.post(date, "DCA", "credited", units, record);
        this.post(date, "CMSA", "credited", match, record);
        return;
      }
      case "investment deferral":
        return this.post(date, "IA", "credited", record.amount, record);
      case "discretionary": {
        let units: Decimal;
        try {
          units = discretionaryUnits(record.amount, prices, record.date);
        } catch (error) {
          return this.unavailable(record, "date", section, error, "the credit is not applied");
        }
        this.post(date, "CSA", "credited", units, record);
        return this.addLot(date, "discretionary", units);
      }
      case "stock allocation": {
        let units: Decimal;
        try {
          units = allocationUnits(record.amount, prices, record.date);
        } catch (error) {
          return this.unavailable(record, "date", section, error, "the allocation is not applied");
        }
        if (!this.allocate(date, record)) return;
        this.post(date, "IA", "allocatedOut", record.amount.negated(), record);
        this.post(date, "CSA", "credited", units, record);
        return this.addLot(date, "allocation", units);
      }
      case "option allocation":
        return this.grant(date, record);
    }
  }

  private addLot(creditDate: IsoDate, source: StockSource, units: Decimal): void {
    if (this.tracksLots && !units.isZero()) this.lots.push({ creditDate, source, units });
  }

  /** An option granted on the determination date at its close (§5.4(a)): price and whole shares as OPTION_PRICE, OPTION_SHARES. */
  private grant(date: IsoDate, record: ActivityRecord & T): void {
    const { discount } = record;
    if (discount === undefined) return this.problem(record, "discount", RULES.S02, "5.1", "The Discount is blank; an option allocation needs one (§5.1).");
    let fairMarketValue: Decimal;
    try {
      fairMarketValue = this.records.prices.closePrice(date);
    } catch (error) {
      return this.unavailable(record, "date", "5.4", error, "no option is granted");
    }
    const why = discountProblem(fairMarketValue, discount.value, discount.type);
    if (why) {
      return this.problem(
        record,
        "discount",
        RULES.S04,
        "5.1",
        `${capitalize(why)} at the fair market value ${formatDollars(fairMarketValue)} on ${date}; no option is granted (§5.1).`,
      );
    }
    if (!this.allocate(date, record)) return;
    this.post(date, "IA", "allocatedOut", record.amount.negated(), record);
    this.options.push({
      record,
      grantDate: date,
      amount: record.amount,
      fairMarketValue,
      shares: optionShares(record.amount, fairMarketValue, discount.value, discount.type),
      exercisePrice: optionPrice(fairMarketValue, discount.value, discount.type),
      exercisableDate: optionExercisableDate(date),
      adjustments: [],
    });
  }

  /** An allocation takes no more than the Investment Account held at the close of the day before (reading 6, §5.2(c)). */
  private allocate(date: IsoDate, record: ActivityRecord & T): boolean {
    if (record.amount.lessThanOrEqualTo(this.allocatable)) {
      this.allocatable = this.allocatable.minus(record.amount);
      return true;
    }
    const held = this.allocatable.equals(this.openingIA) ? "" : " after the day's earlier allocations";
    const what = `The ${WHAT[record.kind]} of ${formatDollars(record.amount)} (released ${record.date}, determined ${date})`;
    const dayBefore = addDays(date, -1);
    if (this.records.primeRates === undefined) {
      this.problem(
        record,
        "amount",
        RULES.S03,
        "5.2(b),(c)",
        `${what} is more than the ${formatDollars(this.allocatable)} the Investment Account held before interest at the close of ${dayBefore}${held}; without prime rates it cannot be told whether interest covers it (§5.2(b),(c)).`,
      );
    } else {
      this.problem(
        record,
        "amount",
        RULES.S01,
        "5.2(c)",
        `${what} is more than the ${formatDollars(this.allocatable)} in the Investment Account at the close of ${dayBefore}${held}; it is not applied (§5.2(c)).`,
      );
    }
    return false;
  }

  /** Units held at the record date × per share / close on the payment date, for each unit account apart (§8.1(d)). */
  dividend(date: IsoDate, dividend: DividendRecord & T): void {
    const held = this.holdings.get(dividend.recordDate);
    if (held === undefined) {
      return this.problem(
        dividend,
        "recordDate",
        RULES.S02,
        "8.1(d)",
        `The record date ${dividend.recordDate} is not before the payment date ${date}; a dividend is credited on the units held at an earlier record date, so it is not credited (§8.1(d)).`,
      );
    }
    const credits: Array<[UnitAccount, Decimal]> = [];
    for (const account of UNIT_ACCOUNTS) {
      if (held[account].isZero()) continue;
      try {
        credits.push([account, dividendUnits(held[account], dividend.perShare, this.records.prices, date)]);
      } catch (error) {
        return this.unavailable(dividend, "paymentDate", "8.1(d)", error, "the dividend is not credited");
      }
    }
    for (const [account, units] of credits) {
      this.post(date, account, "dividends", units, dividend);
      if (account === "CSA") spreadOverLots(this.lots, held.lots, units);
    }
  }

  closeRecordDate(date: IsoDate): void {
    this.holdings.set(date, { DCA: this.balance.DCA, CMSA: this.balance.CMSA, CSA: this.balance.CSA, lots: this.lots.map((lot) => lot.units) });
  }

  /**
   * Units leaving an account: a later dividend counts the record date's units
   * less the same fraction of them (units paid out earn nothing more, PAYOUT.md §7).
   */
  private payOut(date: IsoDate, account: UnitAccount, units: Decimal, record: PlanRecord<T>, lots?: ReadonlyArray<[number, Decimal]>): void {
    const before = this.balance[account];
    if (units.isZero() || before.isZero()) return;
    this.post(date, account, "paidOut", units.negated(), record);
    const kept = before.minus(units).dividedBy(before);
    for (const [recordDate, earlier] of this.holdings) {
      if (recordDate >= date) continue;
      // A new Held rather than a change to the old one, which a checkpoint (`state`) may share.
      const held = { ...earlier, lots: [...earlier.lots] };
      this.holdings.set(recordDate, held);
      if (account !== "CSA") held[account] = held[account].times(kept);
      else if (lots) {
        for (const [i, taken] of lots) {
          if (i >= held.lots.length || this.lots[i].units.isZero()) continue;
          const share = held.lots[i].times(taken).dividedBy(this.lots[i].units);
          held.CSA = held.CSA.minus(share);
          held.lots[i] = held.lots[i].minus(share);
        }
      }
    }
    for (const [i, taken] of lots ?? []) this.lots[i].units = this.lots[i].units.minus(taken);
  }

  /**
   * A §7.3 withdrawal on its approval date: fraction × the units held at the
   * close of the day before, 6 decimals half-up per account, out of the DCA,
   * the CMSA and the Company Stock Account's discretionary lots; Art. V
   * benefits (allocation lots, the Investment Account) stay (P-R13, P-R14).
   */
  withdraw(date: IsoDate, withdrawal: WithdrawalRecord & T): void {
    const rule = this.records.lifecycle?.unitsWithdrawn;
    if (rule === undefined) throw new TypeError("a lifecycle with withdrawals needs its unitsWithdrawn rule");
    const discretionary = this.lots.map((lot, i) => [i, lot.units] as [number, Decimal]).filter(([i]) => this.lots[i].source === "discretionary");
    const held = discretionary.reduce((sum, [, units]) => sum.plus(units), ZERO);
    const withdrawn = rule({ DCA: this.balance.DCA, CMSA: this.balance.CMSA, CSA: held }, withdrawal.fraction);
    for (const account of ["DCA", "CMSA"] as const) this.payOut(date, account, withdrawn[account], withdrawal);
    if (held.isZero()) return;
    const taken = withdrawn.CSA;
    this.payOut(
      date,
      "CSA",
      taken,
      withdrawal,
      discretionary.map(([i, units]) => [i, units.times(taken).dividedBy(held)]),
    );
  }

  /** The Investment Account at the close of the Distributable Event's day (P-R11). */
  closeEventDay(): void {
    this.investmentAtEvent = this.balance.IA;
  }

  /**
   * A payout on its payment date: the unit accounts as held at the close of
   * the day before (the Company Stock Account's lots due today), and on the
   * distribution date the Investment Account as it stood at the event's close.
   */
  payout(date: IsoDate, plan: PayoutPlan<T>): void {
    if (date === plan.paymentDate) {
      for (const account of ["DCA", "CMSA"] as const) this.payOut(date, account, this.balance[account], plan.record);
      const investment = Decimal.min(this.investmentAtEvent ?? ZERO, this.balance.IA);
      if (investment.isPositive()) this.post(date, "IA", "paidOut", investment.negated(), plan.record);
    }
    const paymentDate = (lot: StockLot) => laterOf(plan.paymentDate, plan.lotPaymentDate?.(lot) ?? plan.paymentDate);
    const due = this.lots.flatMap((lot, i): Array<[number, Decimal]> => (!lot.units.isZero() && paymentDate(lot) <= date ? [[i, lot.units]] : []));
    if (due.length === 0) return;
    // Lots hold their dividend units exactly: a payment is rounded as a posting is (reading 2), and the last takes what is left.
    const last = this.lots.every((lot) => lot.units.isZero() || paymentDate(lot) <= date);
    const units = last
      ? this.balance.CSA
      : roundHalfUp(
          due.reduce((sum, [, u]) => sum.plus(u), ZERO),
          DEFAULT_UNIT_PLACES,
        );
    this.payOut(date, "CSA", units, plan.record, due);
  }

  /** At the close of the quarter's last calendar day, on its average daily balance (§5.2(b); reading 4). */
  interest(quarter: Quarter): void {
    const { primeRates, lifecycle } = this.records;
    const day = quarterLastDay(quarter);
    // Not credited inside a §3.3, §7.3 or §15.2 window (P-R27), nor after the Distributable Event's day (§5.2(f), P-R11); no Activity row, so no finding.
    const stopped = stopWindowAt(this.windows, day, true) !== undefined || (lifecycle?.payout !== undefined && lifecycle.payout.eventDate < day);
    if (primeRates !== undefined && !stopped) {
      try {
        const interest = quarterInterest(this.quarterOpening, this.quarterFlows, quarter, primeRateForQuarter(primeRates, quarter));
        this.post(quarterLastDay(quarter), "IA", "interest", interest);
      } catch (error) {
        if (!(error instanceof PlanError)) throw error;
        this.quartersWithoutRate.push(quarter);
      }
    }
    this.quarterOpening = this.balance.IA;
    this.quarterFlows = [];
  }
}

/** A participant's days in date order, each with what happens on it, and what the replay reports before any day. */
interface DayPlan<T> {
  participant: string;
  through: IsoDate;
  own: ReadonlyArray<ActivityRecord & T>;
  days: Array<[IsoDate, Day<T>]>;
  /** Rows with no posting date: problems before the first day. */
  problems: Array<ReplayProblem<T>>;
  firstInvestment?: ActivityRecord & T;
  payout?: PayoutPlan<T>;
}

function planDays<T>(records: PlanRecords<T>, participant: string, through: IsoDate): DayPlan<T> {
  const key = participantKey(participant);
  const own = records.activity.filter((record) => participantKey(record.participant) === key);
  const problems: Array<ReplayProblem<T>> = [];
  const days = new Map<IsoDate, Day<T>>();
  const day = (date: IsoDate): Day<T> => {
    let entry = days.get(date);
    if (!entry) days.set(date, (entry = { withdrawals: [], payment: false, eventDay: false, splits: [], activity: [], dividends: [], recordDate: false }));
    return entry;
  };

  let firstInvestment: (ActivityRecord & T) | undefined;
  for (const record of own) {
    let date: IsoDate;
    try {
      date = postingDate(record);
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      problems.push({
        record,
        field: "date",
        ...declaredAs(error.code === "#N/A" ? RULES.S03 : RULES.S02, { cites: ACTIVITY_KINDS[record.kind].section }),
        message: `${capitalize(error.message)}.`,
      });
      continue;
    }
    if (date > through) continue;
    day(date).activity.push(record);
    if (record.kind === "investment deferral" && (firstInvestment === undefined || record.date < firstInvestment.date)) firstInvestment = record;
  }
  for (const split of records.splits) if (split.date <= through) day(split.date).splits.push(split);
  const { withdrawals = [], payout } = records.lifecycle ?? {};
  for (const withdrawal of withdrawals) if (withdrawal.approvalDate <= through) day(withdrawal.approvalDate).withdrawals.push(withdrawal);
  if (payout !== undefined && payout.paymentDate <= through) {
    day(payout.eventDate).eventDay = true;
    day(payout.paymentDate).payment = true;
    // A Company Stock Account lot held by §7.1(f) is paid on its own date: the lots are credited on their posting dates.
    if (payout.lotPaymentDate) {
      for (const [date, { activity }] of [...days]) {
        for (const record of activity) {
          if (record.kind !== "discretionary" && record.kind !== "stock allocation") continue;
          const source: StockSource = record.kind === "discretionary" ? "discretionary" : "allocation";
          const release = payout.lotPaymentDate({ creditDate: date, source, units: ZERO });
          if (release > payout.paymentDate && release <= through) day(release).payment = true;
        }
      }
    }
  }
  for (const dividend of records.dividends) {
    if (dividend.paymentDate > through) continue;
    day(dividend.paymentDate).dividends.push(dividend);
    if (dividend.recordDate < dividend.paymentDate) day(dividend.recordDate).recordDate = true;
  }
  // Interest runs from the first flow's quarter, as INVESTMENT_BALANCE credits it (reading 4).
  if (firstInvestment !== undefined) {
    for (let quarter = quarterOf(firstInvestment.date); quarterLastDay(quarter) <= through; quarter = nextQuarter(quarter)) {
      day(quarterLastDay(quarter)).quarterEnd = quarter;
    }
  }
  const ordered = [...days].sort(([a], [b]) => compareDates(a, b));
  return { participant, through, own, days: ordered, problems, firstInvestment, payout };
}

/** Where a replay stood at the start of a day: the day's index in the plan, and the state then. */
interface Checkpoint {
  index: number;
  date: IsoDate;
  state: ReplayerState;
}

/** Replays the plan's days from `first` on; with `checkpoints`, the state at the start of each quarter's first day is kept there. */
function replayDays<T>(plan: DayPlan<T>, replayer: Replayer<T>, first: number, checkpoints?: Array<Checkpoint>): void {
  const { days, payout } = plan;
  let quarterEnds: IsoDate | undefined;
  for (let i = first; i < days.length; i++) {
    const [date, { withdrawals: withdrawn, payment, eventDay, splits, activity, dividends, recordDate, quarterEnd: endsQuarter }] = days[i];
    if (checkpoints && (quarterEnds === undefined || date > quarterEnds)) {
      checkpoints.push({ index: i, date, state: replayer.state() });
      quarterEnds = quarterLastDay(quarterOf(date));
    }
    replayer.startDay();
    // What leaves is what was held at the close of the day before: it goes before the day's splits (PAYOUT.md §7).
    for (const withdrawal of withdrawn) replayer.withdraw(date, withdrawal);
    if (payment && payout) replayer.payout(date, payout);
    for (const split of splits) replayer.split(date, split);
    for (const record of activity) replayer.activity(date, record);
    for (const dividend of dividends) replayer.dividend(date, dividend);
    if (recordDate) replayer.closeRecordDate(date);
    if (endsQuarter) replayer.interest(endsQuarter);
    if (eventDay) replayer.closeEventDay();
  }
}

/** The replay once every day is replayed: quarters without a prime rate become one problem. */
function replayOf<T>(plan: DayPlan<T>, replayer: Replayer<T>): AccountsReplay<T> {
  const { own, firstInvestment } = plan;
  const missing = replayer.quartersWithoutRate;
  if (firstInvestment !== undefined && missing.length > 0) {
    const [first, last] = [missing[0], missing[missing.length - 1]];
    const which = missing.length === 1 ? quarterLabel(first) : `${plural(missing.length, "quarter")} from ${quarterLabel(first)} to ${quarterLabel(last)}`;
    replayer.problems.push({
      record: firstInvestment,
      field: "date",
      ...declaredAs(RULES.S03, { cites: "5.2(b)" }),
      message: `No prime rate quoted on or before ${quarterFirstDay(first)}, the beginning of ${quarterLabel(first)}: the Investment Account interest for ${which} is left out (§5.2(b)).`,
    });
  }

  return {
    participant: own[0]?.participant.trim() ?? plan.participant.trim(),
    through: plan.through,
    firstDate: own.reduce<IsoDate | undefined>((first, { date }) => (first === undefined || date < first ? date : first), undefined),
    postings: replayer.postings,
    options: replayer.options,
    problems: replayer.problems,
  };
}

function startReplay<T>(records: PlanRecords<T>, plan: DayPlan<T>, windows?: readonly StopWindow[]): Replayer<T> {
  const replayer = new Replayer<T>(records, windows);
  for (const problem of plan.problems) replayer.problems.push(problem);
  return replayer;
}

/**
 * The first day a new stop window can change: the day it opens (a credit is
 * refused by its own date, interest by its quarter's last day), or an earlier
 * one a credit dated inside it posts on (a deferral paid on a holiday after
 * the quarter's last Business Day is credited on that Business Day).
 */
function firstDayChanged<T>(plan: DayPlan<T>, window: StopWindow): IsoDate {
  for (const [date, { activity }] of plan.days) {
    if (date >= window.from) break;
    if (activity.some((record) => record.date >= window.from)) return date;
  }
  return window.from;
}

/**
 * Replays `participant`'s records through the close of `through`: each day,
 * splits first, then credits and allocations (in the order given), then
 * dividends paid, then Investment Account interest when the day ends a
 * calendar quarter (reading 1). A row that cannot be applied is a problem and
 * is left out; the rest still replays.
 */
export function replayAccounts<T>(records: PlanRecords<T>, participant: string, through: IsoDate): AccountsReplay<T> {
  const plan = planDays(records, participant, through);
  const replayer = startReplay(records, plan);
  replayDays(plan, replayer, 0);
  return replayOf(plan, replayer);
}

/** A replay, and the same records replayed with one more stop window, which changes nothing before the window opens. */
export interface ResumableReplay<T> {
  replay: AccountsReplay<T>;
  /**
   * As `replayAccounts` with `window` among the lifecycle's windows: the
   * days before it are taken from `replay` (from the start of the quarter
   * it opens in), only the rest replayed. §15.2 opens such a window once
   * every participant's replay is counted against the reserve.
   */
  withWindow(window: StopWindow): AccountsReplay<T>;
}

/** `replayAccounts`, keeping the state at the start of each quarter to replay `withWindow` from. */
export function resumableReplay<T>(records: PlanRecords<T>, participant: string, through: IsoDate): ResumableReplay<T> {
  const plan = planDays(records, participant, through);
  const replayer = startReplay(records, plan);
  const checkpoints: Array<Checkpoint> = [];
  replayDays(plan, replayer, 0, checkpoints);
  const replay = replayOf(plan, replayer);
  return {
    replay,
    withWindow(window) {
      const windows = [...(records.lifecycle?.windows ?? []), window];
      const changed = firstDayChanged(plan, window);
      const start = checkpoints.filter((checkpoint) => checkpoint.date <= changed).pop();
      const resumed = start ? new Replayer<T>(records, windows, { from: replayer, state: start.state }) : startReplay(records, plan, windows);
      replayDays(plan, resumed, start?.index ?? 0);
      return replayOf(plan, resumed);
    },
  };
}
