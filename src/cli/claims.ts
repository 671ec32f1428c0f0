/** `dcp claims FILE.xlsx`: the §12.3 docket of the Claims sheet (PAYOUT.md §1, §8). */
import fs from "fs";
import path from "path";
import { DEADLINE_LABELS } from "../engine/claims";
import { localDate } from "../engine/dates";
import { exactJson, plural } from "../engine/format";
import { cellName } from "../sheets/findings";
import { addReportSheet, findSheet, loadExcelJS, openWorkbook, sheetGrid, UnusableInput, type ListedSheet } from "../workbook/xlsx";
import { claimsJson, claimsReport, claimsWorkflow, type ClaimsResult } from "../workflows/claims";
import { docketCalendar } from "../workflows/icalendar";
import { validationReport } from "../workflows/reports";
import { dateOption, type CommandSpec, type ParsedOptions } from "./options";
import { prepareOutputs } from "./output";
import { reportRequest, type ReportKind } from "./report";
import { alignedTable, readThoughHidden } from "./table";

export const CLAIMS_COMMAND: CommandSpec = {
  name: "claims",
  summary: "the §12.3 claims docket: every deadline, open, passed or due soon",
  description: [
    "Reads the Claims sheet of FILE.xlsx and prints every §12.3 date of each claim (PAYOUT.md §8),",
    "sorted by the next open deadline, with which are open, passed or due within 30 days of",
    "--as-of. FILE.xlsx is only read, never changed.",
  ].join("\n"),
  options: [
    { name: "as-of", value: "YYYY-MM-DD", help: "the day deadlines are judged on (default: today)" },
    { name: "json", help: "print the claims document (PAYOUT.md §1) instead of tables" },
    { name: "out", value: "FILE.xlsx", help: "also write the docket and the findings to a workbook, each linked to its cell" },
    { name: "ics", value: "FILE.ics", help: "also write the open deadlines as an iCalendar file (RFC 5545)" },
    { name: "force", help: "replace FILE.xlsx or FILE.ics even when dcp did not write it" },
  ],
};

export const CLAIMS_REPORT: ReportKind = { command: "dcp claims", noun: "claims docket", marker: "dcp-claims-docket" };

function printText(result: ClaimsResult, sheets: readonly ListedSheet[], written: readonly string[]): void {
  const header = [`Claims docket of sheet "${result.sheet}" as of ${result.asOf}: ${plural(result.claims.length, "claim")}.`];
  const hidden = readThoughHidden(sheets);
  if (hidden) header.push(hidden);
  const blocks = [header.join("\n")];
  for (const claim of result.claims) {
    if (claim.error) {
      blocks.push(`${claim.claimant} (row ${claim.source.row}): cannot be computed: ${claim.error}`);
      continue;
    }
    const rows = claim.docket.map((d) => [
      DEADLINE_LABELS[d.name].label,
      d.date,
      d.status + (d.dueSoon ? " (due within 30 days)" : ""),
      `§${DEADLINE_LABELS[d.name].section}`,
    ]);
    blocks.push(`${claim.claimant} (row ${claim.source.row}):\n${alignedTable(["Deadline", "Date", "Status", "§"], rows).replace(/^/gm, "  ")}`);
  }
  if (result.findings.length > 0) {
    const rows = result.findings.map((f) => [cellName(f, result.sheet ?? ""), f.rule, f.section, f.severity, f.message]);
    blocks.push(`${plural(result.findings.length, "finding")}:\n${alignedTable(["Cell", "Rule", "§", "Severity", "Message"], rows)}`);
  }
  blocks.push(...written);
  console.log(blocks.join("\n\n"));
}

/** Returns the exit code: 0 clean, 1 findings. */
export async function claimsCommand(file: string, values: ParsedOptions): Promise<number> {
  const asOf = dateOption("as-of", values["as-of"] as string | undefined) ?? localDate(new Date());
  const force = Boolean(values.force);
  const out = values.out as string | undefined;
  const ics = values.ics as string | undefined;
  const prepared = await prepareOutputs([
    out ? reportRequest(out, file, force, CLAIMS_REPORT) : undefined,
    ics
      ? {
          path: ics,
          option: "--ics",
          what: "a claims calendar",
          inputs: [file],
          force,
          kind: "file",
          isOwnOutput: async (existing) => fs.readFileSync(existing, "latin1").includes("PRODID:-//Hecla DCP//dcp claims//EN"),
        }
      : undefined,
  ]);
  const [output, calendar] = prepared.outputs;
  const workbook = await openWorkbook(file);
  const sheet = findSheet(workbook, "Claims");
  const result = claimsWorkflow({ claims: sheet && sheetGrid(sheet) }, asOf);
  if (result.unusable) throw new UnusableInput(result.unusable);

  const written: string[] = [];
  if (output) {
    const book = new (await loadExcelJS()).Workbook();
    book.creator = CLAIMS_REPORT.command;
    book.title = `DCP claims docket of ${path.basename(file)}`;
    book.keywords = CLAIMS_REPORT.marker;
    const linked = path.relative(path.dirname(output.path), path.resolve(file));
    addReportSheet(book, claimsReport(result), linked);
    if (result.findings.length > 0)
      addReportSheet(
        book,
        { ...validationReport({ sheet: result.sheet ?? "Claims", findings: result.findings }), sheet: "DCP Claims Findings", table: "DCPClaimsFindings" },
        linked,
      );
    await output.write((temporary) => book.xlsx.writeFile(temporary));
    written.push(`Docket written to ${out}.`);
  }
  if (calendar) {
    await calendar.write((temporary) => fs.writeFileSync(temporary, docketCalendar(result), "utf8"));
    written.push(`Calendar written to ${ics}.`);
  }
  prepared.putInPlace();
  if (values.json) console.log(exactJson(claimsJson(result)));
  else printText(result, sheet ? [sheet] : [], written);
  return result.findings.length > 0 ? 1 : 0;
}
