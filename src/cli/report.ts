/**
 * `--out REPORT.xlsx`: a report sheet (workflows/reports.ts) in a workbook of
 * its own, each link pointing into the input file. The report carries a
 * keyword in its document properties, so a later run knows the file as its
 * own output and replaces it without --force.
 */
import path from "path";
import ExcelJS from "exceljs";
import { addReportSheet } from "../workbook/xlsx";
import type { ReportSheet } from "../workflows/reports";
import { hasDocumentKeyword, prepareOutput, type Output } from "./output";

export interface ReportKind {
  /** The command that writes it: the workbook's creator. */
  command: string;
  /** What it is, for messages and the title: "validation". */
  noun: string;
  /** Set as the document's keywords. */
  marker: string;
}

export const VALIDATION_REPORT: ReportKind = { command: "dcp validate", noun: "validation", marker: "dcp-validation-report" };
export const RESERVE_REPORT: ReportKind = { command: "dcp reserve", noun: "reserve", marker: "dcp-reserve-report" };
export const PAYOUT_REPORT: ReportKind = { command: "dcp payout", noun: "payout", marker: "dcp-payout-report" };

/** Checks the --out target before any work: exit 2 when it is the input, or exists and is not this kind of report (without --force). */
export function prepareReportOutput(out: string, input: string, force: boolean, kind: ReportKind): Promise<Output> {
  return prepareOutput({
    path: out,
    option: "--out",
    what: `a ${kind.noun} report`,
    inputs: [input],
    force,
    kind: "file",
    isOwnOutput: (file) => hasDocumentKeyword(file, kind.marker),
  });
}

/** One report sheet, or several in order (the payout report: payments, withdrawals, findings). */
export async function writeReportFile(report: ReportSheet | readonly ReportSheet[], input: string, output: Output, kind: ReportKind): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = kind.command;
  workbook.title = `DCP ${kind.noun} of ${path.basename(input)}`;
  workbook.keywords = kind.marker;
  const linked = path.relative(path.dirname(output.path), path.resolve(input));
  for (const sheet of Array.isArray(report) ? report : [report]) addReportSheet(workbook, sheet, linked);
  await output.write((temporary) => workbook.xlsx.writeFile(temporary));
}
