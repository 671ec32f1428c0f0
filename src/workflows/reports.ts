/**
 * The report sheets the add-in and `dcp` write, described once: columns
 * (header, width in characters, number format) and rows from a workflow's
 * result. Each writer renders the description its own way: the Office.js
 * adapter (workbook/excel/report.ts) writes a link as a HYPERLINK formula and
 * draws the chart; the ExcelJS adapter (workbook/xlsx.ts) writes a link as a
 * hyperlink into the source file and has no charts.
 */
import type { IsoDate } from "../engine/dates";
import { toNumber } from "../engine/decimal";
import { cellName, type CellFinding, type CellRef } from "../sheets/findings";
import type { PayoutResult } from "./payout";
import type { ReconcileResult } from "./reconcile";

export const VALIDATION_SHEET = "DCP Validation";
export const RESERVE_SHEET = "DCP Reserve";

/** What one cell of a report holds: text, a number, a date, or a link to a cell of the workbook read. */
export type ReportCell = string | number | { date: IsoDate } | { link: CellRef; text: string };

export interface ReportColumn {
  header: string;
  /** In characters. */
  width: number;
  /** An Excel number format; General when omitted. */
  format?: string;
}

export interface ReportSheet {
  sheet: string;
  /** The name of the Excel table over the rows. */
  table: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** A line chart of the first two columns, titled so, where the writer can draw one. */
  chart?: { title: string };
}

/**
 * A report whose rows are made as they are written, each time it is iterated:
 * the command line's streamed writer never holds a million of them at once.
 */
export interface ReportStream extends Omit<ReportSheet, "rows"> {
  rowCount: number;
  rows: Iterable<ReportCell[]>;
}

/** A report sheet as a stream of its rows (the rows already made). */
export function reportStream(report: ReportSheet | ReportStream): ReportStream {
  return "rowCount" in report ? report : { ...report, rowCount: report.rows.length };
}

/** A stream's rows made, for the writers that need them all at once (an Excel table, the task pane's chunks). */
export function reportSheet(report: ReportSheet | ReportStream): ReportSheet {
  if (!("rowCount" in report)) return report;
  const { rowCount: _made, rows, ...sheet } = report;
  return { ...sheet, rows: Array.from(rows) };
}

/** Excel's limit on the characters of one cell. */
export const CELL_CHARACTERS = 32_767;

const CUT_MARKER = ` … (cut: an Excel cell holds at most ${CELL_CHARACTERS.toLocaleString("en-US")} characters)`;

/** Text as a report cell can hold it: past Excel's cell limit, cut with a visible marker, since Excel refuses the whole file otherwise. */
export function cellText(text: string): string {
  return text.length <= CELL_CHARACTERS ? text : `${text.slice(0, CELL_CHARACTERS - CUT_MARKER.length)}${CUT_MARKER}`;
}

/** Every text of a row, a link's included, within Excel's cell limit: both writers take rows only from here. */
function fitRow(row: ReportCell[]): ReportCell[] {
  return row.map((value) => {
    if (typeof value === "string") return cellText(value);
    if (typeof value === "object" && "link" in value) return { ...value, text: cellText(value.text) };
    return value;
  });
}

/** The `DCP Validation` sheet: every finding, linked to its cell. */
export function validationReport(result: { sheet: string; findings: readonly CellFinding[] }): ReportSheet {
  return {
    sheet: VALIDATION_SHEET,
    table: "DCPValidation",
    columns: [
      { header: "Row", width: 6 },
      { header: "Cell", width: 8 },
      { header: "Column", width: 24 },
      { header: "Rule", width: 6 },
      { header: "Section", width: 18 },
      { header: "Severity", width: 9 },
      { header: "Message", width: 90 },
    ],
    rows: result.findings.map((f) =>
      fitRow([f.row, { link: { sheet: f.sheet, cell: f.cell }, text: cellName(f, result.sheet) }, f.column, f.rule, f.section, f.severity, f.message]),
    ),
  };
}

const DATE = "yyyy-mm-dd";
const SHARES = "#,##0.######";

/** The `DCP Reserve` sheet: the running ledger, row by row, and a chart of shares remaining. */
export function reserveReport(result: ReconcileResult): ReportSheet {
  return reportSheet(reserveReportStream(result));
}

/** The `DCP Reserve` sheet with its rows made one at a time, as a million-row ledger is written. */
export function reserveReportStream(result: ReconcileResult): ReportStream {
  const { lines } = result.reconciliation;
  function* rows(): Generator<ReportCell[]> {
    for (const l of lines) {
      const { sheet, cell } = l.entry.cells.source;
      yield fitRow([
        { date: l.date },
        toNumber(l.remaining),
        toNumber(l.used),
        toNumber(l.reserve),
        l.kind,
        toNumber(l.quantity),
        l.participant ?? "",
        l.reference ?? "",
        `${sheet}!${cell}`,
        l.reportedRemaining === undefined ? "" : toNumber(l.reportedRemaining),
      ]);
    }
  }
  return {
    sheet: RESERVE_SHEET,
    table: "DCPReserve",
    columns: [
      { header: "Date", width: 12, format: DATE },
      { header: "Remaining", width: 14, format: SHARES },
      { header: "Used", width: 14, format: SHARES },
      { header: "Reserve", width: 14, format: SHARES },
      { header: "Kind", width: 8 },
      { header: "Quantity", width: 12, format: SHARES },
      { header: "Participant", width: 18 },
      { header: "Reference", width: 34 },
      { header: "Source", width: 12 },
      { header: "Reported Remaining", width: 18, format: SHARES },
    ],
    rowCount: lines.length,
    rows: { [Symbol.iterator]: rows },
    chart: { title: "Shares remaining in the §13.8 reserve" },
  };
}

export const PAYMENTS_SHEET = "DCP Payments";
export const WITHDRAWALS_SHEET = "DCP Withdrawals";
export const PAYOUT_FINDINGS_SHEET = "DCP Payout Findings";

const UNITS = "#,##0.000000";
const DOLLARS = "$#,##0.00";
const WHOLE = "#,##0";

const blank = (count: number): ReportCell[] => Array.from({ length: count }, () => "");

/** The `DCP Payments` sheet: one row a payment (PAYOUT.md §3–§5); a participant that cannot be computed is one row saying why. */
export function paymentsReport(result: PayoutResult): ReportSheet {
  const rows: ReportCell[][] = [];
  for (const outcome of result.payouts) {
    const link = { link: { sheet: outcome.row.source.layout.sheet, cell: `A${outcome.row.source.row}` }, text: outcome.participant };
    if ("error" in outcome) {
      rows.push(fitRow([link, ...blank(19), outcome.error]));
      continue;
    }
    const { event, payments, payee } = outcome.payout;
    if (payments.length === 0) {
      const why = event.date === undefined ? "no Distributable Event (§7.1)" : "nothing held to pay";
      rows.push(fitRow([link, event.date ? { date: event.date } : "", event.kinds.join(", "), ...blank(17), why]));
      continue;
    }
    for (const p of payments) {
      rows.push(
        fitRow([
          link,
          { date: event.date as IsoDate },
          event.kinds.join(", "),
          { date: p.date },
          p.payeeKind,
          { date: p.fmvDate },
          toNumber(p.fmv),
          toNumber(p.units.DCA),
          toNumber(p.units.CMSA),
          toNumber(p.units.CSA),
          toNumber(p.grossShares),
          toNumber(p.shareValue),
          toNumber(p.iaCash),
          toNumber(p.taxOnShares),
          toNumber(p.taxOnCash),
          toNumber(p.withheldShares),
          toNumber(p.fractionCash),
          toNumber(p.netShares),
          toNumber(p.netCash),
          toNumber(p.cashDueFromPayee),
          payee && p.payeeKind !== "participant" ? `paid to ${payee.paidTo}` : "",
        ]),
      );
    }
  }
  return {
    sheet: PAYMENTS_SHEET,
    table: "DCPPayments",
    columns: [
      { header: "Participant", width: 22 },
      { header: "Event", width: 12, format: DATE },
      { header: "Kinds", width: 16 },
      { header: "Date", width: 12, format: DATE },
      { header: "Payee", width: 12 },
      { header: "FMV date", width: 12, format: DATE },
      { header: "FMV", width: 10, format: DOLLARS },
      { header: "DCA units", width: 14, format: UNITS },
      { header: "CMSA units", width: 14, format: UNITS },
      { header: "CSA units", width: 14, format: UNITS },
      { header: "Gross shares", width: 12, format: WHOLE },
      { header: "Share value", width: 14, format: DOLLARS },
      { header: "IA cash", width: 14, format: DOLLARS },
      { header: "Tax on shares", width: 14, format: DOLLARS },
      { header: "Tax on cash", width: 14, format: DOLLARS },
      { header: "Withheld shares", width: 14, format: WHOLE },
      { header: "Fraction cash", width: 12, format: DOLLARS },
      { header: "Net shares", width: 12, format: WHOLE },
      { header: "Net cash", width: 14, format: DOLLARS },
      { header: "Cash due from payee", width: 14, format: DOLLARS },
      { header: "Note", width: 60 },
    ],
    rows,
  };
}

/** The `DCP Withdrawals` sheet: one row a withdrawal (§7.3; PAYOUT.md §6). */
export function withdrawalsReport(result: PayoutResult): ReportSheet {
  return {
    sheet: WITHDRAWALS_SHEET,
    table: "DCPWithdrawals",
    columns: [
      { header: "Participant", width: 22 },
      { header: "Approval date", width: 12, format: DATE },
      { header: "FMV", width: 10, format: DOLLARS },
      { header: "DCA units", width: 14, format: UNITS },
      { header: "CMSA units", width: 14, format: UNITS },
      { header: "CSA units", width: 14, format: UNITS },
      { header: "Value withdrawn", width: 14, format: DOLLARS },
      { header: "Penalty", width: 12, format: DOLLARS },
      { header: "Net value", width: 14, format: DOLLARS },
      { header: "Shares delivered", width: 14, format: WHOLE },
      { header: "Tax on shares", width: 14, format: DOLLARS },
      { header: "Withheld shares", width: 14, format: WHOLE },
      { header: "Net shares", width: 12, format: WHOLE },
      { header: "Fraction cash", width: 12, format: DOLLARS },
      { header: "Credits resume", width: 14, format: DATE },
      { header: "Not computed", width: 60 },
    ],
    rows: result.withdrawals.map((outcome) => {
      const link = { link: { sheet: outcome.row.source.layout.sheet, cell: `A${outcome.row.source.row}` }, text: outcome.participant };
      if ("error" in outcome) return fitRow([link, { date: outcome.row.approvalDate }, ...blank(13), outcome.error]);
      const w = outcome.withdrawal;
      return fitRow([
        link,
        { date: w.approvalDate },
        toNumber(w.fmv),
        toNumber(w.unitsWithdrawn.DCA),
        toNumber(w.unitsWithdrawn.CMSA),
        toNumber(w.unitsWithdrawn.CSA),
        toNumber(w.valueWithdrawn),
        toNumber(w.penalty),
        toNumber(w.netValue),
        toNumber(w.sharesDelivered),
        toNumber(w.taxOnShares),
        toNumber(w.withheldShares),
        toNumber(w.netShares),
        toNumber(w.fractionCash),
        { date: w.creditsResume },
        "",
      ]);
    }),
  };
}

/** The payout report: payments, withdrawals and every finding linked to its cell. */
export function payoutReports(result: PayoutResult, sheet: string): ReportSheet[] {
  const findings = validationReport({ sheet, findings: result.findings });
  return [paymentsReport(result), withdrawalsReport(result), { ...findings, sheet: PAYOUT_FINDINGS_SHEET, table: "DCPPayoutFindings" }];
}
