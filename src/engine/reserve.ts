/**
 * The share reserve (§13.8): units credited and option shares granted count
 * against 6,000,000 shares, adjusted for splits; nothing counted returns
 * (reading 14). Once it is used up, §15.2 stops deferrals and §5.4(c) grants.
 */
import { requirePositive } from "./checks";
import { SHARE_RESERVE } from "./constants";
import { addDays, addMonths, compareDates, daysBetween, isSupportedDate, previousQuarter, quarterLastDay, quarterOf, type IsoDate } from "./dates";
import { Decimal, ZERO } from "./decimal";
import { invalidValue } from "./errors";
import { formatShares as shares } from "./format";
import { dataRows, describe, parseTableCached, readDateCell, readNumberCell, type CellValue } from "./tables";

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

export interface LedgerLine extends LedgerEntry {
  /** The row as entered. */
  entry: LedgerEntry;
  /** Shares counted after this row, in shares as of its date (post-split). */
  used: Decimal;
  /** The authorised reserve after this row. */
  reserve: Decimal;
  remaining: Decimal;
}

export interface ReserveViolation {
  line: LedgerLine;
  /** Shares credited or granted beyond what remained before the row. */
  shortfall: Decimal;
  section: string;
  message: string;
}

export interface ReserveDivergence {
  line: LedgerLine;
  reported: Decimal;
  computed: Decimal;
  /** reported − computed */
  difference: Decimal;
}

export interface ReserveReconciliation {
  initialReserve: Decimal;
  /** Every row in the order it applies: by date, splits first on a date, then as entered. */
  lines: LedgerLine[];
  exhaustionDate?: IsoDate;
  violations: ReserveViolation[];
  divergences: ReserveDivergence[];
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

const LEDGER_COLUMNS = ["date", "kind", "quantity"] as const;

/** A `[date, kind, quantity]` range as a formula receives it. */
export function ledgerFromCells(matrix: CellValue): LedgerEntry[] {
  return parseTableCached(matrix, "ledger", LEDGER_COLUMNS, (cells) =>
    dataRows(cells, "ledger", LEDGER_COLUMNS).map(({ rowNumber, cells: [dateCell, kindCell, quantityCell] }) => {
      const where = `ledger row ${rowNumber}`;
      const date = readDateCell(dateCell, `${where}: date`);
      if (date === undefined) throw invalidValue(`${where}: the date is blank`);
      const kind = typeof kindCell === "string" ? parseLedgerKind(kindCell) : undefined;
      if (kind === undefined) throw invalidValue(`${where}: kind ${describe(kindCell)} is not units, option, split or reserve`);
      const quantity = readNumberCell(quantityCell, `${where}: quantity`);
      const problem = ledgerQuantityProblem(kind, quantity);
      if (problem) throw invalidValue(`${where}: quantity ${quantity.toString()}: ${problem}`);
      return { rowNumber, date, kind, quantity };
    }),
  );
}

function applicationOrder(a: LedgerEntry, b: LedgerEntry): number {
  if (a.date !== b.date) return compareDates(a.date, b.date);
  const aSplit = a.kind === "split" ? 0 : 1;
  const bSplit = b.kind === "split" ? 0 : 1;
  return aSplit - bSplit || a.rowNumber - b.rowNumber;
}

/**
 * Runs the ledger from the start: the running used, reserve and remaining on
 * every row; the first date the shares counted reach the reserve; each credit
 * or grant beyond what remained (§15.2, §5.4(c)); and where the company's
 * reported remaining differs from the computed one.
 */
export function reconcileReserve(entries: readonly LedgerEntry[], initialReserve: Decimal = new Decimal(SHARE_RESERVE)): ReserveReconciliation {
  requirePositive(initialReserve, "initialReserve");
  const ordered = [...entries].sort(applicationOrder);
  let reserve = initialReserve;
  let used = ZERO;
  let exhaustionDate: IsoDate | undefined;
  const lines: LedgerLine[] = [];
  const violations: ReserveViolation[] = [];
  const divergences: ReserveDivergence[] = [];

  let remaining = reserve;
  for (let i = 0; i < ordered.length; i++) {
    const entry = ordered[i];
    const remainingBefore = remaining;
    const counts = entry.kind === "units" || entry.kind === "option";
    if (entry.kind === "split") {
      reserve = reserve.times(entry.quantity);
      used = used.times(entry.quantity);
    } else if (entry.kind === "reserve") {
      reserve = reserve.plus(entry.quantity);
    } else {
      used = used.plus(entry.quantity);
    }
    remaining = reserve.minus(used);
    // Written out rather than spread: a spread per row costs more than the arithmetic on 100,000-row ledgers.
    const line: LedgerLine = {
      rowNumber: entry.rowNumber,
      date: entry.date,
      kind: entry.kind,
      quantity: entry.quantity,
      participant: entry.participant,
      reference: entry.reference,
      reportedRemaining: entry.reportedRemaining,
      exercisePrice: entry.exercisePrice,
      entry,
      used,
      reserve,
      remaining,
    };
    lines.push(line);

    if (counts && entry.quantity.greaterThan(remainingBefore) && !entry.quantity.isZero()) {
      const available = remainingBefore.isPositive() ? remainingBefore : ZERO;
      const shortfall = entry.quantity.minus(available);
      const section = entry.kind === "units" ? "§13.8, §15.2" : "§13.8, §5.4(c)";
      const what = entry.kind === "units" ? `${shares(entry.quantity)} units credited` : `${shares(entry.quantity)} option shares granted`;
      const after = available.isZero() ? `the reserve was already used up` : `only ${shares(available)} shares remained in the reserve`;
      violations.push({
        line,
        shortfall,
        section,
        message: `${what} on ${entry.date}, but ${after}: ${shares(shortfall)} shares beyond the reserve (${section})`,
      });
    }
    if (entry.reportedRemaining !== undefined && !entry.reportedRemaining.equals(remaining)) {
      divergences.push({ line, reported: entry.reportedRemaining, computed: remaining, difference: entry.reportedRemaining.minus(remaining) });
    }
    const endOfDate = i === ordered.length - 1 || ordered[i + 1].date !== entry.date;
    if (endOfDate && exhaustionDate === undefined && remaining.lessThanOrEqualTo(0) && !used.isZero()) {
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
