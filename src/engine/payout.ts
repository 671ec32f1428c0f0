/**
 * A participant's benefit from the Distributable Event to the shares and cash
 * paid (PAYOUT.md §2–§5): which event counts (§7.1, §7.5, §7.6), when it is
 * paid (§7.2(a), the §7.1(f) hold), how many shares (§6.2, §8.1) and how much
 * cash (§7.2(b), §5.2(f)), what is withheld (§10.2), and who is paid (§7.2(e),
 * §9.2, §9.3, §12.4). Every rule owned elsewhere is called, not restated:
 * `distributionDate`, `earliestElectedDistribution`, `stockAccountReleaseDate`,
 * `withholdShares`, `withholdCash`, `PriceTable.fairMarketValue`.
 */
import { UNIT_ACCOUNTS, type AccountKey, type UnitAccount } from "./accounts";
import { businessDayOnOrBefore } from "./calendar";
import { requireFraction, requireNonNegative } from "./checks";
import { UNLOCATED_BENEFICIARY_YEARS_AFTER_DEATH, UNLOCATED_BENEFICIARY_YEARS_AFTER_DEEMED_DEATH, UNLOCATED_PARTICIPANT_YEARS } from "./constants";
import { addDays, addMonths, laterOf, type IsoDate } from "./dates";
import { roundCents, wholeUp, ZERO, type Decimal } from "./decimal";
import { distributionDate, earliestElectedDistribution, stockAccountReleaseDate, withholdCash, withholdShares } from "./distributionTerms";
import { invalidField, PlanError } from "./errors";
import { declaredAs, RULES, type Declared } from "./rules";
import type { PriceTable } from "./prices";

/** The Distributable Events of §7.1, in its order: (a) … (f). There is no (g) (P-R3). */
export type EventKind = "disability" | "death" | "separation" | "planTermination" | "cause" | "elected";
export const EVENT_KINDS: readonly EventKind[] = ["disability", "death", "separation", "planTermination", "cause", "elected"];

/** Each event's section. */
export const EVENT_SECTIONS: Record<EventKind, string> = {
  disability: "§7.1(a)",
  death: "§7.1(b)",
  separation: "§7.1(c)",
  planTermination: "§7.1(d)",
  cause: "§7.1(e)",
  elected: "§7.1(f)",
};

/** The dates and Committee decisions that decide the event (the `Payouts` columns, PAYOUT.md §1). */
export interface EventFacts {
  disability?: IsoDate;
  death?: IsoDate;
  /** The last day employed by any Participating Employer; separation is the day after (P-R2). */
  lastDayWorked?: IsoDate;
  /** The effective date of the Board's action (P-R5). */
  planTermination?: IsoDate;
  /** The date the Committee treats as the event after a termination for cause: the Last Day Worked or later (§7.6). */
  causeDate?: IsoDate;
  electedDate?: IsoDate;
  electionEffective?: IsoDate;
  /** The Committee accepted and approved the §7.1(f) election; omitted is yes. */
  electedApproved?: boolean;
  changeInControl?: IsoDate;
  parachuteDetermined?: boolean;
  auditorOpinion?: IsoDate;
}

export interface ExcludedCandidate {
  kind: EventKind;
  date: IsoDate;
  reason: string;
}

/** A warning or error about one participant's payout (its rule as the table declares it), with the input field it concerns when there is one. */
export interface PayoutNote extends Declared {
  message: string;
  field?: string;
}

export interface DistributableEvent {
  /** Undefined when no candidate remains: "no Distributable Event". */
  date?: IsoDate;
  /** Every candidate on that date, in §7.1's order. */
  kinds: EventKind[];
  sections: string[];
  /** Every candidate that does not count, with why. */
  excluded: ExcludedCandidate[];
  notes: PayoutNote[];
}

/**
 * §7.5 for (d) and (e) only (P-R3): a parachute determination excludes the
 * event whenever it occurs; an event strictly after the Change in Control
 * (P-R4) waits for the independent auditor's opinion and then counts on the
 * later of the two. Returns the date it counts on, or the reason it does not.
 */
function auditorGate(date: IsoDate, facts: EventFacts): { date: IsoDate } | { reason: string } {
  if (facts.parachuteDetermined) {
    return { reason: "the Compensation Committee determined the distribution will likely be a parachute payment (§7.5)" };
  }
  if (facts.changeInControl === undefined || date <= facts.changeInControl) return { date };
  if (facts.auditorOpinion === undefined) {
    return { reason: `awaiting the independent auditor's opinion: the event follows the Change in Control of ${facts.changeInControl} (§7.5)` };
  }
  return { date: laterOf(date, facts.auditorOpinion) };
}

/**
 * The Distributable Event (§7.1, §7.5, §7.6; PAYOUT.md §2): every candidate,
 * the excluded ones with their reasons, and the earliest that remains.
 * Throws a FieldError (#VALUE!) for a Cause Date without or before the Last
 * Day Worked, and for an approved Elected Date without its election's
 * effective date.
 * @example distributableEvent({ lastDayWorked: "2003-03-14" }).date // "2003-03-15" (§7.1(c), P-R2)
 */
export function distributableEvent(facts: EventFacts): DistributableEvent {
  const candidates: Array<{ kind: EventKind; date: IsoDate }> = [];
  const excluded: ExcludedCandidate[] = [];
  const notes: PayoutNote[] = [];
  const { causeDate, lastDayWorked } = facts;
  if (causeDate !== undefined) {
    if (lastDayWorked === undefined) {
      throw invalidField("causeDate", `causeDate ${causeDate} needs the lastDayWorked: the termination for cause is that day (§7.6)`);
    }
    if (causeDate < lastDayWorked) {
      throw invalidField(
        "causeDate",
        `causeDate ${causeDate} is before the lastDayWorked ${lastDayWorked}; §7.6 treats the termination day or a later date as the event`,
      );
    }
  }
  if (facts.disability !== undefined) candidates.push({ kind: "disability", date: facts.disability });
  if (facts.death !== undefined) candidates.push({ kind: "death", date: facts.death });
  if (lastDayWorked !== undefined) {
    const separation = addDays(lastDayWorked, 1);
    if (causeDate !== undefined) excluded.push({ kind: "separation", date: separation, reason: "displaced by §7.6 termination for cause (P-R28)" });
    else candidates.push({ kind: "separation", date: separation });
  }
  for (const [kind, date] of [
    ["planTermination", facts.planTermination],
    ["cause", causeDate],
  ] as const) {
    if (date === undefined) continue;
    const gated = auditorGate(date, facts);
    if ("reason" in gated) excluded.push({ kind, date, reason: gated.reason });
    else candidates.push({ kind, date: gated.date });
  }
  if (facts.electedDate !== undefined) {
    const date = facts.electedDate;
    if (facts.electedApproved === false) {
      excluded.push({ kind: "elected", date, reason: "not accepted and approved by the Committee, §7.1(f)" });
    } else if (facts.electionEffective === undefined) {
      throw invalidField("electionEffective", `electedDate ${date} needs the electionEffective date: an elected date is at least 13 months after it (§7.1(f))`);
    } else {
      const earliest = earliestElectedDistribution(facts.electionEffective);
      if (date < earliest) {
        const reason = `earlier than ${earliest}, 13 months after the election took effect on ${facts.electionEffective} (§7.1(f))`;
        excluded.push({ kind: "elected", date, reason });
        notes.push({
          ...declaredAs(RULES.P05),
          field: "electedDate",
          message: `electedDate ${date} is not a Distributable Event: it is ${reason}.`,
        });
      } else {
        candidates.push({ kind: "elected", date });
      }
    }
  }
  if (candidates.length === 0) return { kinds: [], sections: [], excluded, notes };
  const date = candidates.reduce((earliest, c) => (c.date < earliest ? c.date : earliest), candidates[0].date);
  const kinds = EVENT_KINDS.filter((kind) => candidates.some((c) => c.kind === kind && c.date === date));
  const sections = kinds.map((kind) => EVENT_SECTIONS[kind]);
  if (kinds.includes("cause")) sections.push("§7.6");
  if (kinds.some((kind) => kind === "planTermination" || kind === "cause") && facts.changeInControl !== undefined) sections.push("§7.5");
  return { date, kinds, sections, excluded, notes };
}

// ---------------------------------------------------------------------------
// Holdings and the payment dates.

export type HoldingSource = "discretionary" | "allocation";

/** The employer a holding belongs to when the sheet names none (PAYOUT.md §1). */
export const DEFAULT_EMPLOYER = "Company";

/**
 * One row of a participant's holdings: units of DCA, CMSA or a CSA lot at the
 * close of the day before the payment date, or IA dollars at the close of the
 * event's day (P-R11).
 */
export interface Holding {
  employer: string;
  account: AccountKey;
  quantity: Decimal;
  /** CSA lots: §4.4 discretionary or Art. V allocation (P-R14). */
  lotSource?: HoldingSource;
  /** CSA lots: when the lot was credited, for the §7.1(f) hold. */
  creditDate?: IsoDate;
}

export type UnitAmounts = Record<UnitAccount, Decimal>;

export function zeroUnits(): UnitAmounts {
  return { DCA: ZERO, CMSA: ZERO, CSA: ZERO };
}

/** What falls due on one date, before shares are counted. */
export interface ScheduledPayment {
  date: IsoDate;
  units: UnitAmounts;
  /** Dollars, unrounded. */
  ia: Decimal;
}

/**
 * The payments, one per distinct date (PAYOUT.md §3.1–3.3): everything on the
 * distribution date, except that when the event is (f) alone each CSA lot
 * waits for its own release date (§7.1(f), P-R7).
 */
export function paymentSchedule(event: Pick<DistributableEvent, "date" | "kinds">, holdings: readonly Holding[]): ScheduledPayment[] {
  if (event.date === undefined) return [];
  const paid = distributionDate(event.date);
  const held = event.kinds.length === 1 && event.kinds[0] === "elected";
  const byDate = new Map<IsoDate, ScheduledPayment>();
  const on = (date: IsoDate) => {
    let payment = byDate.get(date);
    if (!payment) byDate.set(date, (payment = { date, units: zeroUnits(), ia: ZERO }));
    return payment;
  };
  for (const holding of holdings) {
    if (holding.account === "IA") {
      on(paid).ia = on(paid).ia.plus(holding.quantity);
      continue;
    }
    let date = paid;
    if (held && holding.account === "CSA") {
      if (holding.creditDate === undefined) {
        throw invalidField(
          "creditDate",
          `a Company Stock Account lot of ${holding.quantity.toString()} units has no creditDate; under an elected date each lot waits for its release (§7.1(f))`,
        );
      }
      date = laterOf(paid, stockAccountReleaseDate(holding.creditDate));
    }
    const payment = on(date);
    payment.units[holding.account] = payment.units[holding.account].plus(holding.quantity);
  }
  return [...byDate.values()]
    .filter((p) => !p.ia.isZero() || UNIT_ACCOUNTS.some((a) => !p.units[a].isZero()))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Whole shares delivered by each payment: the units paid so far rounded up
 * to a whole share, less the shares already delivered (§6.2, §8.1; P-R8), so
 * the shares never exceed the cap however the benefit is split.
 * @example cumulativeShares([dec("10.4"), dec("0.3")]) // [11, 0]: 10.7 units are 11 shares in all
 */
export function cumulativeShares(unitsPerPayment: readonly Decimal[]): Decimal[] {
  let units = ZERO;
  let delivered = ZERO;
  return unitsPerPayment.map((paid) => {
    units = units.plus(paid);
    const shares = wholeUp(units).minus(delivered);
    delivered = delivered.plus(shares);
    return shares;
  });
}

// ---------------------------------------------------------------------------
// Withholding (§10.1, §10.2).

export interface WithholdingTerms {
  /** The combined rate the Company determined (§10.1); default 0. */
  taxRate?: Decimal;
  /** Dollars; override the rate for the first payment. */
  shareTax?: Decimal;
  cashTax?: Decimal;
  /** When the Secretary received the notice to pay the share tax in cash (§10.2). */
  cashTaxElectionDate?: IsoDate;
}

export interface Withholding {
  taxOnShares: Decimal;
  taxOnCash: Decimal;
  withheldShares: Decimal;
  fractionCash: Decimal;
  netShares: Decimal;
  netCash: Decimal;
  cashDueFromPayee: Decimal;
  notes: PayoutNote[];
}

/**
 * What §10.2 withholds from one payment of `shares` worth `shareValue` and
 * `iaCash` (PAYOUT.md §4): shares rounded up (P-R9) with the rest of the last
 * share in cash, or with a timely cash election nothing withheld and the tax
 * due from the payee; a tax above the shares takes them all, then IA cash,
 * then the payee's cash.
 */
export function withhold(
  shares: Decimal,
  shareValue: Decimal,
  iaCash: Decimal,
  fmv: Decimal,
  taxOnShares: Decimal,
  taxOnCash: Decimal,
  cashElection: boolean,
): Withholding {
  const notes: PayoutNote[] = [];
  let withheldShares = ZERO;
  let fractionCash = ZERO;
  let shortfall = ZERO;
  let cashDueFromPayee = ZERO;
  if (cashElection) {
    cashDueFromPayee = taxOnShares;
  } else if (!taxOnShares.isZero()) {
    withheldShares = withholdShares(taxOnShares, fmv);
    if (withheldShares.greaterThan(shares)) {
      withheldShares = shares;
      shortfall = taxOnShares.minus(shareValue);
      notes.push({
        ...declaredAs(RULES.P07),
        message: `the tax on shares ${taxOnShares.toFixed(2)} is more than the ${shares.toString()} shares' value ${shareValue.toFixed(2)}: every share is withheld and the ${shortfall.toFixed(2)} short is taken from the Investment Account cash, then from the payee`,
      });
    } else {
      fractionCash = withholdCash(taxOnShares, fmv);
    }
  }
  const cash = iaCash.minus(taxOnCash).plus(fractionCash).minus(shortfall);
  if (cash.isNegative()) cashDueFromPayee = cashDueFromPayee.plus(cash.negated());
  return {
    taxOnShares,
    taxOnCash,
    withheldShares,
    fractionCash,
    netShares: shares.minus(withheldShares),
    netCash: cash.isNegative() ? ZERO : cash,
    cashDueFromPayee,
    notes,
  };
}

// ---------------------------------------------------------------------------
// The payee (§7.2(e), §9.2, §9.3, §12.4).

export type PayeeKind = "participant" | "beneficiary" | "will" | "intestate" | "conservator";

export interface PayeeFacts {
  death?: IsoDate;
  beneficiary?: string;
  /** The Committee accepted the Beneficiary Designation Form (§9.3). */
  formApproved?: boolean;
  will?: boolean;
  /** When the Committee approved the beneficiary's written application (§7.2(e)). */
  applicationApproved?: IsoDate;
  incompetent?: boolean;
  conservator?: string;
  /** False when the Company cannot locate the participant (§12.4); omitted is located. */
  located?: boolean;
}

export interface Payee {
  kind: PayeeKind;
  name: string;
  section: string;
  /** Undefined while the beneficiary's application is awaited. */
  payableFrom?: IsoDate;
  awaitingApplication: boolean;
  optionsPassTo: string;
  paidTo: string;
}

export interface Unlocated {
  deemedDeathDate?: IsoDate;
  locateBeneficiaryBy?: IsoDate;
  section: string;
}

function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, 12 * years);
}

/**
 * §12.4 (P-R12): a participant who cannot be located is deemed to die three
 * years after the distribution date (clamped: 2004-02-29 + 3y = 2007-02-28).
 */
export function deemedDeathDate(distribution: IsoDate): IsoDate {
  return addYears(distribution, UNLOCATED_PARTICIPANT_YEARS);
}

/** The §9.3 payee after a death: a designated beneficiary the Committee accepted, else the will, else the intestate heirs. */
function successor(facts: PayeeFacts): { kind: PayeeKind; name: string } {
  if (facts.beneficiary !== undefined && facts.formApproved) return { kind: "beneficiary", name: facts.beneficiary };
  if (facts.will) return { kind: "will", name: "as the will requires" };
  return { kind: "intestate", name: "intestate heirs at the date of death" };
}

export interface PayeeResult {
  /** Who receives each payment, in the order given. */
  payeeKinds: PayeeKind[];
  payee: Payee;
  unlocated?: Unlocated;
  notes: PayoutNote[];
}

/**
 * Who is paid (PAYOUT.md §5): payment by payment, a payment dated after the
 * death goes to the §9.3 payee (P-R10); under §12.4 every payment does.
 * `payee` is who receives the first unpaid payment; §9.2 puts a conservator
 * in that person's place.
 */
export function payeeOf(participant: string, facts: PayeeFacts, distribution: IsoDate, paymentDates: readonly IsoDate[]): PayeeResult {
  const notes: PayoutNote[] = [];
  const first = paymentDates[0] ?? distribution;
  const deathBeforeFirst = facts.death !== undefined && facts.death < first;
  const deemedDeath = facts.located === false && !deathBeforeFirst ? deemedDeathDate(distribution) : undefined;
  const next = successor(facts);
  if (facts.beneficiary !== undefined && !facts.formApproved) {
    notes.push({
      ...declaredAs(RULES.P08, { cites: "9.3" }),
      field: "formApproved",
      message: `beneficiary "${facts.beneficiary}" is ignored: the Committee has not accepted the Beneficiary Designation Form (§9.3)`,
    });
  }
  const toSuccessor = (date: IsoDate) => deemedDeath !== undefined || (facts.death !== undefined && date > facts.death);
  const successorDates = paymentDates.filter(toSuccessor);
  const dead = facts.death !== undefined || deemedDeath !== undefined;
  let payee: Payee;
  if (successorDates.length > 0 || (deemedDeath !== undefined && paymentDates.length === 0)) {
    const from = deemedDeath ?? successorDates[0];
    const awaiting = facts.applicationApproved === undefined;
    payee = {
      kind: next.kind,
      name: next.name,
      section: "§9.3",
      payableFrom: awaiting ? undefined : laterOf(from, facts.applicationApproved as IsoDate),
      awaitingApplication: awaiting,
      optionsPassTo: "by will or descent (§7.2(c)(i))",
      paidTo: next.name,
    };
  } else {
    payee = {
      kind: "participant",
      name: participant,
      section: "§7.2(e)",
      payableFrom: first,
      awaitingApplication: false,
      optionsPassTo: dead ? "by will or descent (§7.2(c)(i))" : participant,
      paidTo: participant,
    };
  }
  let conservatorFor: PayeeKind | undefined;
  if (facts.incompetent) {
    if (facts.conservator !== undefined) {
      conservatorFor = payee.kind;
      payee = { ...payee, kind: "conservator", section: "§9.2", paidTo: facts.conservator };
    } else {
      notes.push({
        ...declaredAs(RULES.P08, { cites: "9.2" }),
        field: "incompetent",
        message: `the payee is declared incompetent but no conservator is named: §9.2 acts only once one has been appointed, so ${payee.name} is paid`,
      });
    }
  }
  const payeeKinds = paymentDates.map((date) => {
    const kind = toSuccessor(date) ? next.kind : "participant";
    return conservatorFor === kind ? "conservator" : kind;
  });
  let unlocated: Unlocated | undefined;
  if (deemedDeath !== undefined) {
    const locateBeneficiaryBy = next.kind === "beneficiary" ? addYears(deemedDeath, UNLOCATED_BENEFICIARY_YEARS_AFTER_DEEMED_DEATH) : undefined;
    unlocated = { deemedDeathDate: deemedDeath, locateBeneficiaryBy, section: "§12.4" };
  } else if (facts.death !== undefined && next.kind === "beneficiary" && successorDates.length > 0) {
    unlocated = { locateBeneficiaryBy: addYears(facts.death, UNLOCATED_BENEFICIARY_YEARS_AFTER_DEATH), section: "§12.4" };
  }
  return { payeeKinds, payee, unlocated, notes };
}

// ---------------------------------------------------------------------------
// The whole payout.

export interface PayoutFacts extends EventFacts, WithholdingTerms, PayeeFacts {
  participant: string;
}

export interface Payment extends Omit<Withholding, "notes"> {
  date: IsoDate;
  payeeKind: PayeeKind;
  /** The last Business Day on or before the date (P-R6). */
  fmvDate: IsoDate;
  fmv: Decimal;
  units: UnitAmounts;
  /** Cents (§7.2(b), §5.2(f)). */
  iaCash: Decimal;
  grossShares: Decimal;
  /** Cents. */
  shareValue: Decimal;
}

export type EmployerAmounts = Record<AccountKey, Decimal>;

export interface Payout {
  participant: string;
  event: DistributableEvent;
  distributionDate?: IsoDate;
  payments: Payment[];
  /** Units and IA dollars by Participating Employer, as given (§2.5, §2.2). */
  perEmployer: Record<string, EmployerAmounts>;
  /** Undefined when there is no event. */
  payee?: Payee;
  unlocated?: Unlocated;
  notes: PayoutNote[];
}

function checkTerms(terms: WithholdingTerms): void {
  const field = (name: keyof WithholdingTerms, check: () => unknown) => {
    try {
      check();
    } catch (error) {
      if (error instanceof PlanError) throw invalidField(name, `${error.message} (§10.1)`);
      throw error;
    }
  };
  if (terms.taxRate) field("taxRate", () => requireFraction(terms.taxRate as Decimal, "taxRate"));
  if (terms.shareTax) field("shareTax", () => requireNonNegative(terms.shareTax as Decimal, "shareTax"));
  if (terms.cashTax) field("cashTax", () => requireNonNegative(terms.cashTax as Decimal, "cashTax"));
}

/** Units and IA dollars by employer and account, as the holdings give them (§2.5). */
export function perEmployer(holdings: readonly Holding[]): Record<string, EmployerAmounts> {
  const result: Record<string, EmployerAmounts> = {};
  for (const { employer, account, quantity } of holdings) {
    const amounts = (result[employer] ??= { DCA: ZERO, CMSA: ZERO, CSA: ZERO, IA: ZERO });
    amounts[account] = amounts[account].plus(quantity);
  }
  return result;
}

/**
 * A participant's whole payout (PAYOUT.md §2–§5) from the `Payouts` facts,
 * the holdings and the closing prices. Throws a PlanError (a FieldError
 * naming its input where there is one) when the payout cannot be computed:
 * `#VALUE!` for bad input, `#N/A` for a missing price.
 */
export function payout(facts: PayoutFacts, holdings: readonly Holding[], prices: PriceTable): Payout {
  checkTerms(facts);
  const event = distributableEvent(facts);
  const notes = [...event.notes];
  const employers = perEmployer(holdings);
  if (event.date === undefined) {
    notes.push({ ...declaredAs(RULES.P06), message: "no Distributable Event: nothing is payable yet (§7.1)" });
    return { participant: facts.participant, event, payments: [], perEmployer: employers, notes };
  }
  const paid = distributionDate(event.date);
  const schedule = paymentSchedule(event, holdings);
  const shares = cumulativeShares(schedule.map((p) => UNIT_ACCOUNTS.reduce((sum, a) => sum.plus(p.units[a]), ZERO)));
  const who = payeeOf(
    facts.participant,
    facts,
    paid,
    schedule.map((p) => p.date),
  );
  notes.push(...who.notes);
  const cashElection = facts.cashTaxElectionDate !== undefined && facts.cashTaxElectionDate < event.date;
  if (facts.cashTaxElectionDate !== undefined && !cashElection) {
    notes.push({
      ...declaredAs(RULES.P07),
      field: "cashTaxElectionDate",
      message: `the cash election of ${facts.cashTaxElectionDate} was not received before the Distributable Event on ${event.date} (§10.2): shares are withheld`,
    });
  }
  const rate = facts.taxRate ?? ZERO;
  const payments = schedule.map((scheduled, i): Payment => {
    const fmv = prices.fairMarketValue(scheduled.date);
    const iaCash = roundCents(scheduled.ia);
    const shareValue = roundCents(shares[i].times(fmv));
    const taxOnShares = i === 0 && facts.shareTax !== undefined ? facts.shareTax : roundCents(rate.times(shareValue));
    const taxOnCash = i === 0 && facts.cashTax !== undefined ? facts.cashTax : roundCents(rate.times(iaCash));
    const { notes: withholdingNotes, ...withholding } = withhold(shares[i], shareValue, iaCash, fmv, taxOnShares, taxOnCash, cashElection);
    notes.push(...withholdingNotes.map((note) => ({ ...note, message: `payment of ${scheduled.date}: ${note.message}` })));
    return {
      date: scheduled.date,
      payeeKind: who.payeeKinds[i],
      fmvDate: businessDayOnOrBefore(scheduled.date),
      fmv,
      units: scheduled.units,
      iaCash,
      grossShares: shares[i],
      shareValue,
      ...withholding,
    };
  });
  return {
    participant: facts.participant,
    event,
    distributionDate: paid,
    payments,
    perEmployer: employers,
    payee: who.payee,
    unlocated: who.unlocated,
    notes,
  };
}
