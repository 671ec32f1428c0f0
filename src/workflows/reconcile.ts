/**
 * "Reconcile the reserve", written once for the task pane and `dcp reserve`:
 * the workbook's Ledger, Credits (valued at Prices) and plan records
 * (Activity, replayed as a statement replays them, with its Dividends, Splits
 * and Prime Rates) in; the §13.8 reserve row by row, its summary as of a
 * date, and every row left out, on its cell, out.
 */
import type { IsoDate } from "../engine/dates";
import { projectExhaustion, reconcileReserve, reserveStatus, type ReserveProjection, type ReserveReconciliation, type ReserveStatus } from "../engine/reserve";
import type { PlanTotals } from "../engine/statement";
import { OUTSIDE_RULE } from "../sheets/extent";
import { compareCellFindings, type CellFinding } from "../sheets/findings";
import type { SheetGrid } from "../sheets/grid";
import { readPricesSheet } from "../sheets/prices";
import { emptyRead, readCreditsSheet, readLedgerSheet, screenEntries, type CreditSummary, type SourcedEntry } from "../sheets/reserve";
import { reserveEntries, statementWorkflow } from "./statement";

export interface ReserveGrids {
  ledger?: SheetGrid;
  credits?: SheetGrid;
  /** The closing prices credits and plan records are valued at. */
  prices?: SheetGrid;
  /** The plan records (STATEMENT.md, "Input"), and the tables their replay reads. */
  activity?: SheetGrid;
  dividends?: SheetGrid;
  splits?: SheetGrid;
  primeRates?: SheetGrid;
}

export interface ReconcileSettings {
  /**
   * The summary's date (else the last row's). The plan records are replayed
   * through it (else through the last Activity date); ledger and credit rows
   * after it still count toward exhaustion and violations.
   */
  asOf?: IsoDate;
}

export interface ReconcileResult {
  /** Every row, each entry with its cells; violations and divergences reach their row's cell through `line.entry.cells`. */
  reconciliation: ReserveReconciliation<SourcedEntry>;
  /** The summary's date: the one asked for, else the last row's; undefined without rows. */
  asOf?: IsoDate;
  status: ReserveStatus;
  /** Shares used as a percent of the reserve, to two places ("103.33"); undefined while the reserve is 0. */
  percentUsed?: string;
  /** When the reserve would run out at the last four quarters' pace, while it has not. */
  projection?: ReserveProjection;
  /** Units from the Credits sheet, by quarter and participant. */
  credits: CreditSummary[];
  /** What the plan records add up to on the day they were replayed through, when the Activity sheet was read (§13.3). */
  records?: { through: IsoDate; totals: PlanTotals };
  /** Rows left out and values outside the tables, by sheet and row, each on its cell. */
  findings: CellFinding[];
  /** Set when the input cannot be used at all (the CLI's exit 2); everything else is then empty. */
  unusable?: string;
}

function unusable(why: string): ReconcileResult {
  const reconciliation = reconcileReserve<SourcedEntry>([]);
  return { reconciliation, status: reserveStatus(reconciliation), credits: [], findings: [], unusable: why };
}

/** Reconciles everything that counts against the reserve; never throws on the workbook's content. */
export function reconcileWorkflow(grids: ReserveGrids, settings: ReconcileSettings = {}): ReconcileResult {
  const { ledger, credits, activity } = grids;
  if (!ledger && !credits && !activity) return unusable("there is no Ledger, Credits or Activity sheet to reconcile");
  const read = emptyRead();
  if (ledger) readLedgerSheet(ledger, read);
  if (read.unusable) return unusable(read.unusable);

  const prices = grids.prices && (credits || activity) ? readPricesSheet(grids.prices) : undefined;
  // Loops, not push(...list): a list of a few hundred thousand would overflow the call stack.
  if (prices) for (const finding of prices.findings) read.findings.push(finding);
  if (prices?.unusable) return unusable(prices.unusable);
  let creditSummary: CreditSummary[] = [];
  if (credits) {
    creditSummary = readCreditsSheet(credits, prices?.table, read).summary;
    if (read.unusable) return unusable(read.unusable);
  }
  let records: ReconcileResult["records"];
  if (activity) {
    const { dividends, splits, primeRates } = grids;
    // A one-day period: the replay runs from the first record whatever the period, and the totals are the balances at its end.
    const replayed = statementWorkflow({ activity, dividends, splits, prices: grids.prices, primeRates }, { from: settings.asOf, to: settings.asOf });
    if (replayed.unusable) return unusable(replayed.unusable);
    for (const entry of reserveEntries(replayed)) read.entries.push(entry);
    for (const finding of replayed.findings) read.findings.push(finding);
    if (replayed.to !== undefined) records = { through: replayed.to, totals: replayed.totals };
  }

  const screened = screenEntries(read.entries);
  const reconciliation = reconcileReserve(screened.entries);
  const asOf = settings.asOf ?? reconciliation.lines[reconciliation.lines.length - 1]?.date;
  const status = reserveStatus(reconciliation, asOf);
  return {
    reconciliation,
    asOf,
    status,
    percentUsed: status.reserve.isZero() ? undefined : status.used.dividedBy(status.reserve).times(100).toFixed(2),
    projection: asOf !== undefined && reconciliation.exhaustionDate === undefined ? projectExhaustion(reconciliation, asOf) : undefined,
    credits: creditSummary,
    records,
    findings: [...read.findings, ...screened.findings].sort(compareCellFindings),
  };
}

/** The findings as every output of the reserve heads them, so no heading says "left out" over a row that still counts. */
export interface ReserveFindingGroups {
  /** Errors on rows the reserve (or the prices behind it) could not take: left out. */
  leftOut: CellFinding[];
  /** Errors and warnings on rows that still count: a value ignored, a row entered twice, a name spelled two ways. */
  counted: CellFinding[];
  /** Values outside the tables, not read. */
  outside: CellFinding[];
}

export function reserveFindingGroups(result: ReconcileResult): ReserveFindingGroups {
  const rowKey = (sheet: string, row: number) => `${sheet}\u001f${row}`;
  const counted = new Set(result.reconciliation.lines.map((l) => rowKey(l.entry.cells.source.sheet, l.rowNumber)));
  const groups: ReserveFindingGroups = { leftOut: [], counted: [], outside: [] };
  for (const finding of result.findings) {
    if (finding.rule === OUTSIDE_RULE) groups.outside.push(finding);
    else if (finding.severity === "warning" || counted.has(rowKey(finding.sheet, finding.row))) groups.counted.push(finding);
    else groups.leftOut.push(finding);
  }
  return groups;
}

/** Whether the reserve reconciles: no row beyond it, no divergence, nothing left out or outside a table (the CLI's exit 0). */
export function reconciles(result: ReconcileResult): boolean {
  const { violations, divergences } = result.reconciliation;
  return violations.length === 0 && divergences.length === 0 && result.findings.length === 0;
}
