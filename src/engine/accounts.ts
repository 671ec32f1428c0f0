/**
 * A participant's Accounts (§1.1(a), §4.5) replayed from the plan records in
 * date order into dated postings: the Deferred Compensation, Company Matching
 * Stock and Company Stock Accounts in units, the Investment Account in
 * dollars, and the options granted from it (Art. V). STATEMENT.md fixes the
 * readings; every amount is computed by the rule that owns it (units.ts,
 * investment.ts, options.ts, calendar.ts), never restated here.
 */
import { electionWindowEnd, quarterEnd } from "./calendar";
import { MATCH_RATE } from "./constants";
import { addDays, compareDates, nextQuarter, quarterFirstDay, quarterLabel, quarterLastDay, quarterOf, type IsoDate, type Quarter } from "./dates";
import { Decimal, ZERO } from "./decimal";
import { PlanError } from "./errors";
import { capitalize, formatDollars, plural } from "./format";
import { primeRateForQuarter, quarterInterest, type Flow, type PrimeRate } from "./investment";
import { discountProblem, optionExercisableDate, optionPrice, optionShares, splitAdjustOption, type DiscountType } from "./options";
import type { PriceTable } from "./prices";
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

export type PlanRecord<T = unknown> = (ActivityRecord | DividendRecord | SplitRecord) & T;
export type RecordField = keyof ActivityRecord | keyof DividendRecord | keyof SplitRecord;

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
}

export type PostingKind = "credited" | "dividends" | "splitAdjustment" | "interest" | "allocatedOut";

export interface Posting<T = unknown> {
  date: IsoDate;
  account: AccountKey;
  kind: PostingKind;
  /** Signed: units for DCA, CMSA and CSA, dollars for IA; an allocation out is negative. */
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
export interface ReplayProblem<T = unknown> {
  rule: "S01" | "S02" | "S03" | "S04";
  section: string;
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

/** One participant's Activity rows, by participant key, in the order given. */
export function groupByParticipant<R extends ActivityRecord>(activity: readonly R[]): Map<string, R[]> {
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

class Replayer<T> {
  readonly postings: Array<Posting<T>> = [];
  readonly options: Array<OptionGrant<T>> = [];
  readonly problems: Array<ReplayProblem<T>> = [];
  private readonly balance: Record<AccountKey, Decimal> = { DCA: ZERO, CMSA: ZERO, CSA: ZERO, IA: ZERO };
  /** Units held at the close of each record date (§8.1(d); reading 3). */
  private readonly holdings = new Map<IsoDate, Record<UnitAccount, Decimal>>();
  /** What allocations may still take today: the Investment Account at the close of the day before, less today's earlier allocations (reading 6). */
  private allocatable = ZERO;
  private openingIA = ZERO;
  /** The quarter's opening Investment Account balance and its flows so far, for its interest (§5.2(b)). */
  private quarterOpening = ZERO;
  private quarterFlows: Flow[] = [];
  readonly quartersWithoutRate: Quarter[] = [];

  constructor(private readonly records: PlanRecords<T>) {}

  startDay(): void {
    this.openingIA = this.allocatable = this.balance.IA;
  }

  private post(date: IsoDate, account: AccountKey, kind: PostingKind, change: Decimal, record?: PlanRecord<T>): void {
    if (change.isZero()) return;
    this.balance[account] = this.balance[account].plus(change);
    this.postings.push({ date, account, kind, change, record });
    if (account === "IA" && kind !== "interest") this.quarterFlows.push({ date, amount: change });
  }

  private problem(record: PlanRecord<T>, field: RecordField, rule: ReplayProblem["rule"], section: string, message: string): void {
    this.problems.push({ record, field, rule, section, message });
  }

  /** A price (or date) the row needs is missing: S03 naming the day, the row left out; the section is cited once. */
  private unavailable(record: PlanRecord<T>, field: RecordField, section: string, error: unknown, consequence: string): void {
    if (!(error instanceof PlanError)) throw error;
    // Cite the row's own section unless the engine's message already cites that section (a §1.1(d) note is not §8.1's).
    const cited = error.message.includes(`§${section.split("(")[0]}`) ? "" : ` (§${section})`;
    this.problem(record, field, error.code === "#N/A" ? "S03" : "S02", section, `${capitalize(error.message)}; ${consequence}${cited}.`);
  }

  /** At the start of its day, every unit balance and every outstanding option (§8.1(e); STATEMENT.md "Splits"). */
  split(date: IsoDate, split: SplitRecord & T): void {
    for (const account of UNIT_ACCOUNTS) {
      const units = this.balance[account];
      if (!units.isZero()) this.post(date, account, "splitAdjustment", splitAdjust(units, split.newShares, split.oldShares).minus(units), split);
    }
    for (const grant of this.options) {
      const current = grant.adjustments[grant.adjustments.length - 1] ?? grant;
      grant.adjustments.push({ date, ...splitAdjustOption(current.shares, current.exercisePrice, split.newShares, split.oldShares) });
    }
  }

  activity(date: IsoDate, record: ActivityRecord & T): void {
    const { section } = ACTIVITY_KINDS[record.kind];
    const { prices } = this.records;
    switch (record.kind) {
      case "deferral": {
        const rate = record.matchRate ?? PLAN_MATCH_RATE;
        const why = matchRateProblem(rate);
        if (why) return this.problem(record, "matchRate", "S04", "4.3", `Match Rate ${why}: the deferral is not credited.`);
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
        return this.post(date, "CSA", "credited", units, record);
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
        return this.post(date, "CSA", "credited", units, record);
      }
      case "option allocation":
        return this.grant(date, record);
    }
  }

  /** An option granted on the determination date at its close (§5.4(a)): price and whole shares as OPTION_PRICE, OPTION_SHARES. */
  private grant(date: IsoDate, record: ActivityRecord & T): void {
    const { discount } = record;
    if (discount === undefined) return this.problem(record, "discount", "S02", "5.1", "The Discount is blank; an option allocation needs one (§5.1).");
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
        "S04",
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
        "S03",
        "5.2(b),(c)",
        `${what} is more than the ${formatDollars(this.allocatable)} the Investment Account held before interest at the close of ${dayBefore}${held}; without prime rates it cannot be told whether interest covers it (§5.2(b),(c)).`,
      );
    } else {
      this.problem(
        record,
        "amount",
        "S01",
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
        "S02",
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
    for (const [account, units] of credits) this.post(date, account, "dividends", units, dividend);
  }

  closeRecordDate(date: IsoDate): void {
    this.holdings.set(date, { DCA: this.balance.DCA, CMSA: this.balance.CMSA, CSA: this.balance.CSA });
  }

  /** At the close of the quarter's last calendar day, on its average daily balance (§5.2(b); reading 4). */
  interest(quarter: Quarter): void {
    const { primeRates } = this.records;
    if (primeRates !== undefined) {
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

/**
 * Replays `participant`'s records through the close of `through`: each day,
 * splits first, then credits and allocations (in the order given), then
 * dividends paid, then Investment Account interest when the day ends a
 * calendar quarter (reading 1). A row that cannot be applied is a problem and
 * is left out; the rest still replays.
 */
export function replayAccounts<T>(records: PlanRecords<T>, participant: string, through: IsoDate): AccountsReplay<T> {
  const key = participantKey(participant);
  const own = records.activity.filter((record) => participantKey(record.participant) === key);
  const replayer = new Replayer<T>(records);
  const days = new Map<IsoDate, Day<T>>();
  const day = (date: IsoDate): Day<T> => {
    let entry = days.get(date);
    if (!entry) days.set(date, (entry = { splits: [], activity: [], dividends: [], recordDate: false }));
    return entry;
  };

  let firstInvestment: (ActivityRecord & T) | undefined;
  for (const record of own) {
    let date: IsoDate;
    try {
      date = postingDate(record);
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      replayer.problems.push({
        record,
        field: "date",
        rule: error.code === "#N/A" ? "S03" : "S02",
        section: ACTIVITY_KINDS[record.kind].section,
        message: `${capitalize(error.message)}.`,
      });
      continue;
    }
    if (date > through) continue;
    day(date).activity.push(record);
    if (record.kind === "investment deferral" && (firstInvestment === undefined || record.date < firstInvestment.date)) firstInvestment = record;
  }
  for (const split of records.splits) if (split.date <= through) day(split.date).splits.push(split);
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

  for (const date of [...days.keys()].sort(compareDates)) {
    const { splits, activity, dividends, recordDate, quarterEnd: endsQuarter } = day(date);
    replayer.startDay();
    for (const split of splits) replayer.split(date, split);
    for (const record of activity) replayer.activity(date, record);
    for (const dividend of dividends) replayer.dividend(date, dividend);
    if (recordDate) replayer.closeRecordDate(date);
    if (endsQuarter) replayer.interest(endsQuarter);
  }

  const missing = replayer.quartersWithoutRate;
  if (firstInvestment !== undefined && missing.length > 0) {
    const [first, last] = [missing[0], missing[missing.length - 1]];
    const which = missing.length === 1 ? quarterLabel(first) : `${plural(missing.length, "quarter")} from ${quarterLabel(first)} to ${quarterLabel(last)}`;
    replayer.problems.push({
      record: firstInvestment,
      field: "date",
      rule: "S03",
      section: "5.2(b)",
      message: `No prime rate quoted on or before ${quarterFirstDay(first)}, the beginning of ${quarterLabel(first)}: the Investment Account interest for ${which} is left out (§5.2(b)).`,
    });
  }

  return {
    participant: own[0]?.participant.trim() ?? participant.trim(),
    through,
    firstDate: own.reduce<IsoDate | undefined>((first, { date }) => (first === undefined || date < first ? date : first), undefined),
    postings: replayer.postings,
    options: replayer.options,
    problems: replayer.problems,
  };
}
