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
    rows: result.reconciliation.lines.map((l) => {
      const { sheet, cell } = l.entry.cells.source;
      return fitRow([
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
    }),
    chart: { title: "Shares remaining in the §13.8 reserve" },
  };
}
