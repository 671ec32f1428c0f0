/**
 * `--out REPORT.xlsx`: a report sheet (workflows/reports.ts) in a workbook of
 * its own, each link pointing into the input file. The report carries a
 * keyword in its document properties, so a later run knows the file as its
 * own output and replaces it without --force.
 */
import path from "path";
import { addReportSheet, loadExcelJS } from "../workbook/xlsx";
import { writeStreamedReport } from "../workbook/xlsxStream";
import { reportSheet, reportStream, type ReportSheet, type ReportStream } from "../workflows/reports";
import { hasDocumentKeyword, type Output, type OutputRequest } from "./output";

export interface ReportKind {
  /** The command that writes it: the workbook's creator. */
  command: string;
  /** What it is, without the word "report", which messages add ("a validation report"): "validation". */
  noun: string;
  /** Set as the document's keywords. */
  marker: string;
}

export const VALIDATION_REPORT: ReportKind = { command: "dcp validate", noun: "validation", marker: "dcp-validation-report" };
export const RESERVE_REPORT: ReportKind = { command: "dcp reserve", noun: "reserve", marker: "dcp-reserve-report" };
export const PAYOUT_REPORT: ReportKind = { command: "dcp payout", noun: "payout", marker: "dcp-payout-report" };

/** The --out target of a report: never the input; an existing file only when it is this kind of report, or with --force. */
export function reportRequest(out: string, input: string, force: boolean, kind: ReportKind): OutputRequest {
  return {
    path: out,
    option: "--out",
    what: `a ${kind.noun} report`,
    inputs: [input],
    force,
    kind: "file",
    extension: ".xlsx",
    isOwnOutput: (file) => hasDocumentKeyword(file, kind.marker),
  };
}

/**
 * Past this many rows a report is written a row at a time (no Excel table:
 * ExcelJS cannot stream one), since the whole workbook in memory would cost
 * gigabytes; below it, as a formatted Excel table.
 */
export const STREAMED_REPORT_ROWS = 50_000;

/** One report sheet (its rows made, or made as they are written), or several in order (the payout report: payments, withdrawals, findings). */
export async function writeReportFile(
  report: ReportSheet | ReportStream | readonly ReportSheet[],
  input: string,
  output: Output,
  kind: ReportKind,
): Promise<void> {
  const properties = { creator: kind.command, title: `DCP ${kind.noun} of ${path.basename(input)}`, keywords: kind.marker };
  const linkedFile = path.relative(path.dirname(output.path), path.resolve(input));
  const sheets: ReadonlyArray<ReportSheet | ReportStream> = Array.isArray(report) ? report : [report as ReportSheet | ReportStream];
  const only = sheets.length === 1 ? reportStream(sheets[0]) : undefined;
  if (only && only.rowCount > STREAMED_REPORT_ROWS) {
    await output.write((temporary) => writeStreamedReport(temporary, properties, only, linkedFile));
    return;
  }
  const workbook = new (await loadExcelJS()).Workbook();
  Object.assign(workbook, properties);
  for (const sheet of sheets) addReportSheet(workbook, reportSheet(sheet), linkedFile);
  await output.write((temporary) => workbook.xlsx.writeFile(temporary));
}
