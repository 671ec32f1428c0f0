/**
 * The share reserve (§13.8): units credited and option shares granted count
 * against 6,000,000 shares, adjusted for splits; nothing counted returns
 * (reading 14). Once it is used up, §15.2 stops deferrals and §5.4(c) grants.
 */
import { requirePositive } from "./checks";
import { DEFAULT_UNIT_PLACES, SHARE_RESERVE } from "./constants";
import { addDays, addMonths, compareDates, daysBetween, isSupportedDate, previousQuarter, quarterLastDay, quarterOf, type IsoDate } from "./dates";
import { Decimal, fitsLargestFigure, ZERO } from "./decimal";
import { invalidValue } from "./errors";
import { formatShares as shares } from "./format";
import { implausibleShares } from "./plausibility";
import { declaredAs, RULES, type Declared } from "./rules";

export type LedgerKind = "units" | "option" | "split" | "reserve";

export interface LedgerEntry {
  /** Where the row came from, as a person counts rows (range row or worksheet row). */
  rowNumber: number;
  date: IsoDate;
  kind: LedgerKind;
  /** Units or option shares counted; new shares per old share for a split; ± shares for a reserve change. */
  quantity: Decimal;
  participant?: string;
  reference?: string;
  /** The remaining reserve the company's own records show after this row. */
  reportedRemaining?: Decimal;
  /** An option's exercise price per share (for the Open Cap Format export). */
  exercisePrice?: Decimal;
}

/** `E` is the entry as the caller made it (a sheet reader adds where each row came from); the engine only reads its LedgerEntry fields. */
export interface LedgerLine<E extends LedgerEntry = LedgerEntry> extends LedgerEntry {
  /** The row as entered. */
  entry: E;
  /** Shares counted after this row, in shares as of its date (post-split). */
  used: Decimal;
  /** The authorised reserve after this row. */
  reserve: Decimal;
  remaining: Decimal;
}

/** R08: a row that takes the reserve past what remained; `section` cites §15.2 for a credit, §5.4(c) for a grant. */
export interface ReserveViolation<E extends LedgerEntry = LedgerEntry> extends Declared {
  line: LedgerLine<E>;
  /** Shares credited or granted beyond what remained before the row. */
  shortfall: Decimal;
  message: string;
}

/** R09: a row whose Reported Remaining is not the remaining computed. */
export interface ReserveDivergence<E extends LedgerEntry = LedgerEntry> extends Declared {
  line: LedgerLine<E>;
  reported: Decimal;
  computed: Decimal;
  /** reported − computed */
  difference: Decimal;
}

export interface ReserveReconciliation<E extends LedgerEntry = LedgerEntry> {
  initialReserve: Decimal;
  /** Every row in the order it applies: by date, splits first on a date, then as entered. */
  lines: Array<LedgerLine<E>>;
  exhaustionDate?: IsoDate;
  violations: Array<ReserveViolation<E>>;
  divergences: Array<ReserveDivergence<E>>;
  firstDivergenceDate?: IsoDate;
}

export interface ReserveStatus {
  reserve: Decimal;
  used: Decimal;
  remaining: Decimal;
}

const KIND_ALIASES: Record<string, LedgerKind> = {
  units: "units",
  unit: "units",
  option: "option",
  options: "option",
  split: "split",
  reserve: "reserve",
};

/** A ledger kind in any case, or undefined when it is none of the four. */
export function parseLedgerKind(text: string): LedgerKind | undefined {
  return KIND_ALIASES[text.trim().toLowerCase()];
}

/** Checks the quantity a ledger row may hold; returns a reason or undefined. */
export function ledgerQuantityProblem(kind: LedgerKind, quantity: Decimal): string | undefined {
  if ((kind === "units" || kind === "option") && quantity.isNegative() && !quantity.isZero()) {
    return `a ${kind} row counts shares against the reserve and cannot be negative; the plan returns nothing to the reserve (§13.8)`;
  }
  if (kind === "split" && !quantity.greaterThan(0)) {
    return `a split is new shares per old share (2 for a 2-for-1, 0.1 for a 1-for-10) and must be greater than 0 (§13.8)`;
  }
  return undefined;
}

function applicationOrder(a: LedgerEntry, b: LedgerEntry): number {
  if (a.date !== b.date) return compareDates(a.date, b.date);
  const aSplit = a.kind === "split" ? 0 : 1;
  const bSplit = b.kind === "split" ? 0 : 1;
  return aSplit - bSplit || a.rowNumber - b.rowNumber;
}

interface Totals {
  reserve: Decimal;
  used: Decimal;
}

/** One row applied to the authorised reserve and the shares counted: the arithmetic of §13.8 in one place (reading 14). */
function applyRow({ reserve, used }: Totals, entry: LedgerEntry): Totals {
  if (entry.kind === "split") return { reserve: reserve.times(entry.quantity), used: used.times(entry.quantity) };
  if (entry.kind === "reserve") return { reserve: reserve.plus(entry.quantity), used };
  return { reserve, used: used.plus(entry.quantity) };
}

/** Units are kept to six places: a count below a millionth of a share would print, and compare, as nothing. */
const SMALLEST_COUNT = new Decimal(1).dividedBy(new Decimal(10).pow(DEFAULT_UNIT_PLACES));

/**
 * Why a row cannot be applied to the totals before it, or undefined: a reserve
 * change that takes the authorised reserve below zero; any row after which the
 * reserve or the shares counted are too large for a cell; a split that leaves
 * either, when not zero, under a millionth of a share.
 */
function rowProblem(after: Totals, entry: LedgerEntry): string | undefined {
  if (entry.kind === "reserve" && after.reserve.isNegative()) {
    return `a reserve change of ${shares(entry.quantity)} shares would leave the authorised reserve at ${shares(after.reserve)}; it cannot fall below zero (§13.8)`;
  }
  const what = entry.kind === "split" ? `a split of ${entry.quantity.toString()} new shares per old share` : `this row`;
  for (const [name, value] of [
    ["the reserve", after.reserve],
    ["the shares counted", after.used],
  ] as const) {
    if (!fitsLargestFigure(value)) return `${what} would make ${name} ${value.toSignificantDigits(6).toString()}, too large for a cell (§13.8)`;
    if (entry.kind === "split" && !value.isZero() && value.abs().lessThan(SMALLEST_COUNT)) {
      return `${what} would make ${name} ${value.toSignificantDigits(6).toString()} shares, less than a millionth of a share (§13.8)`;
    }
  }
  return undefined;
}

export interface RefusedRow<E extends LedgerEntry = LedgerEntry> {
  entry: E;
  /** Why the row cannot count, without the row: the caller names it. */
  reason: string;
  /** Set when the row could be counted but moves more shares than the plan could hold (engine/plausibility.ts). */
  implausible?: true;
}

/** §15.2: the counted shares have reached the reserve (and some were counted). */
function usedUp({ reserve, used }: Totals): boolean {
  const remaining = reserve.minus(used);
  return (remaining.isNegative() || remaining.isZero()) && !used.isZero();
}

/**
 * Splits the rows into those the reserve can take and those it cannot, in
 * the order they apply, each refused row left out of the totals after it:
 * a sheet reports these as findings on their rows before reconciling. A
 * units, option or reserve row of more shares than the whole reserve on its
 * date is refused too, as implausible (the RESERVE functions still count it).
 * `exhaustionDate` is the accepted rows' own (`reconcileReserve(accepted)`),
 * found on the way for a caller that needs no ledger.
 */
export function screenLedger<E extends LedgerEntry>(
  entries: readonly E[],
  initialReserve: Decimal = new Decimal(SHARE_RESERVE),
): { accepted: E[]; refused: Array<RefusedRow<E>>; exhaustionDate?: IsoDate } {
  const accepted: E[] = [];
  const refused: Array<RefusedRow<E>> = [];
  let totals: Totals = { reserve: initialReserve, used: ZERO };
  let exhaustionDate: IsoDate | undefined;
  // As reconcileReserve, the totals are looked at once a date's last accepted row is applied.
  let lastDate: IsoDate | undefined;
  const closeDate = () => {
    if (exhaustionDate === undefined && lastDate !== undefined && usedUp(totals)) exhaustionDate = lastDate;
    lastDate = undefined;
  };
  for (const entry of [...entries].sort(applicationOrder)) {
    if (entry.date !== lastDate) closeDate();
    const after = applyRow(totals, entry);
    const reason = rowProblem(after, entry);
    const implausible = reason || entry.kind === "split" ? undefined : implausibleShares(entry.quantity, totals.reserve);
    if (reason) {
      refused.push({ entry, reason });
    } else if (implausible) {
      refused.push({ entry, reason: implausible, implausible: true });
    } else {
      accepted.push(entry);
      totals = after;
      lastDate = entry.date;
    }
  }
  closeDate();
  return { accepted, refused, exhaustionDate };
}

/**
 * Runs the ledger from the start: the running used, reserve and remaining on
 * every row; the first date the shares counted reach the reserve; each credit
 * or grant beyond what remained (§15.2, §5.4(c)); and where the company's
 * reported remaining differs from the computed one. A row the reserve cannot
 * take (see `screenLedger`) is #VALUE! naming the row.
 */
export function reconcileReserve<E extends LedgerEntry>(entries: readonly E[], initialReserve: Decimal = new Decimal(SHARE_RESERVE)): ReserveReconciliation<E> {
  requirePositive(initialReserve, "initialReserve");
  if (!fitsLargestFigure(initialReserve)) throw invalidValue(`initialReserve ${initialReserve.toString()} is too large for a cell`);
  const ordered = [...entries].sort(applicationOrder);
  let totals: Totals = { reserve: initialReserve, used: ZERO };
  let exhaustionDate: IsoDate | undefined;
  const lines: Array<LedgerLine<E>> = [];
  const violations: Array<ReserveViolation<E>> = [];
  const divergences: Array<ReserveDivergence<E>> = [];

  for (let i = 0; i < ordered.length; i++) {
    const entry = ordered[i];
    const remainingBefore = totals.reserve.minus(totals.used);
    const counts = entry.kind === "units" || entry.kind === "option";
    totals = applyRow(totals, entry);
    const problem = rowProblem(totals, entry);
    if (problem) throw invalidValue(`ledger row ${entry.rowNumber}: ${problem}`);
    const { reserve, used } = totals;
    const remaining = reserve.minus(used);
    const line = new RunningLine(entry, used, reserve, remaining);
    lines.push(line);

    if (counts && entry.quantity.greaterThan(remainingBefore) && !entry.quantity.isZero()) {
      const available = remainingBefore.isPositive() ? remainingBefore : ZERO;
      const shortfall = entry.quantity.minus(available);
      const section = entry.kind === "units" ? "§13.8, §15.2" : "§13.8, §5.4(c)";
      violations.push({
        ...declaredAs(RULES.R08, { cites: section }),
        line,
        shortfall,
        // Worded when read: once the reserve is used up every later credit is a violation, and a statement reads none of them.
        get message() {
          const what = entry.kind === "units" ? `${shares(entry.quantity)} units credited` : `${shares(entry.quantity)} option shares granted`;
          const after = available.isZero() ? `the reserve was already used up` : `only ${shares(available)} shares remained in the reserve`;
          return `${what} on ${entry.date}, but ${after}: ${shares(shortfall)} shares beyond the reserve (${section})`;
        },
      });
    }
    if (entry.reportedRemaining !== undefined && !entry.reportedRemaining.equals(remaining)) {
      divergences.push({
        ...declaredAs(RULES.R09),
        line,
        reported: entry.reportedRemaining,
        computed: remaining,
        difference: entry.reportedRemaining.minus(remaining),
      });
    }
    const endOfDate = i === ordered.length - 1 || ordered[i + 1].date !== entry.date;
    if (endOfDate && exhaustionDate === undefined && usedUp(totals)) {
      exhaustionDate = entry.date;
    }
  }
  return {
    initialReserve,
    lines,
    exhaustionDate,
    violations,
    divergences,
    firstDivergenceDate: divergences[0]?.line.date,
  };
}

/**
 * A line reads its row's fields from the entry rather than copying them: a
 * million-row ledger keeps one copy of each row. `remaining` is kept, not
 * worked out when read, so every reader sees the one value reconciled.
 */
class RunningLine<E extends LedgerEntry> implements LedgerLine<E> {
  constructor(
    readonly entry: E,
    readonly used: Decimal,
    readonly reserve: Decimal,
    readonly remaining: Decimal,
  ) {}

  get rowNumber(): number {
    return this.entry.rowNumber;
  }
  get date(): IsoDate {
    return this.entry.date;
  }
  get kind(): LedgerKind {
    return this.entry.kind;
  }
  get quantity(): Decimal {
    return this.entry.quantity;
  }
  get participant(): string | undefined {
    return this.entry.participant;
  }
  get reference(): string | undefined {
    return this.entry.reference;
  }
  get reportedRemaining(): Decimal | undefined {
    return this.entry.reportedRemaining;
  }
  get exercisePrice(): Decimal | undefined {
    return this.entry.exercisePrice;
  }
}

/** Reserve, shares used and remaining at the close of `asOfDate` (every row when undefined). */
export function reserveStatus(reconciliation: ReserveReconciliation, asOfDate?: IsoDate): ReserveStatus {
  let status: ReserveStatus = { reserve: reconciliation.initialReserve, used: ZERO, remaining: reconciliation.initialReserve };
  for (const line of reconciliation.lines) {
    if (asOfDate !== undefined && line.date > asOfDate) break;
    status = { reserve: line.reserve, used: line.used, remaining: line.remaining };
  }
  return status;
}

/** Shares counted by units and option rows dated in (from, to], in shares as of `asOf` (later splits applied). */
function sharesCountedBetween(reconciliation: ReserveReconciliation, from: IsoDate, to: IsoDate, asOf: IsoDate): Decimal {
  let total = ZERO;
  for (const line of reconciliation.lines) {
    if (line.date > asOf) break;
    if (line.kind === "split") total = total.times(line.quantity);
    else if ((line.kind === "units" || line.kind === "option") && line.date > from && line.date <= to) total = total.plus(line.quantity);
  }
  return total;
}

export interface ReserveProjection {
  /** The pace over the last four calendar quarters ended on or before `asOf`, shares a day. */
  sharesPerDay: Decimal;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  /** When the reserve would be used up at that pace; undefined when the pace is nil or it lies past 2099. */
  projectedDate?: IsoDate;
}

/**
 * When the reserve runs out at the pace of the last four quarters: the shares
 * counted in them, per day, against what remains at `asOf`.
 */
export function projectExhaustion(reconciliation: ReserveReconciliation, asOf: IsoDate): ReserveProjection {
  const current = quarterOf(asOf);
  const windowEnd = quarterLastDay(current) <= asOf ? quarterLastDay(current) : quarterLastDay(previousQuarter(current));
  const windowStart = addMonths(windowEnd, -12);
  const days = daysBetween(windowStart, windowEnd);
  const sharesPerDay = sharesCountedBetween(reconciliation, windowStart, windowEnd, asOf).dividedBy(days);
  const { remaining } = reserveStatus(reconciliation, asOf);
  let projectedDate: IsoDate | undefined;
  if (sharesPerDay.greaterThan(0)) {
    const daysLeft = remaining.lessThanOrEqualTo(0) ? 0 : remaining.dividedBy(sharesPerDay).ceil().toNumber();
    const date = daysLeft > 50_000 ? undefined : addDays(asOf, daysLeft);
    projectedDate = date !== undefined && isSupportedDate(date) ? date : undefined;
  }
  return { sharesPerDay, windowStart: addDays(windowStart, 1), windowEnd, projectedDate };
}
