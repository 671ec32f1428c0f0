/** `dcp cic FILE.xlsx`: the §1.1(e) Change in Control and the §13.4(b) Trust funding (PAYOUT.md §9). */
import path from "path";
import type ExcelJS from "exceljs";
import { exactJson, formatDollars, plural } from "../engine/format";
import { cellName } from "../sheets/findings";
import { addReportSheet, findSheet, loadExcelJS, openWorkbook, sheetGrid, UnusableInput, type ListedSheet } from "../workbook/xlsx";
import { cicJson, cicWorkflow, type CicGrids, type CicResult } from "../workflows/changeInControl";
import { validationReport } from "../workflows/reports";
import type { CommandSpec, ParsedOptions } from "./options";
import { prepareOutput } from "./output";
import { reportRequest, type ReportKind } from "./report";
import { alignedTable, readThoughHidden } from "./table";

export const CIC_COMMAND: CommandSpec = {
  name: "cic",
  summary: "the §1.1(e) Change in Control and the §13.4(b) Trust funding",
  description: [
    "Runs the four §1.1(e) tests over the CIC Events sheet of FILE.xlsx: the first date any is met",
    "and every clause met that day; with Trust, Holdings and Prices, the Accounts' value then, the",
    "shortfall, the 30-day deadline and each employer's share. FILE.xlsx is only read, never changed.",
  ].join("\n"),
  options: [
    { name: "json", help: "print the changeInControl and funding document (PAYOUT.md §1)" },
    { name: "out", value: "FILE.xlsx", help: "also write the findings to a workbook, each linked to its cell" },
    { name: "force", help: "replace FILE.xlsx even when it is not a report dcp wrote" },
  ],
};

export const CIC_REPORT: ReportKind = { command: "dcp cic", noun: "Change in Control", marker: "dcp-cic-report" };

const SHEETS: Record<keyof CicGrids, string> = { events: "CIC Events", trust: "Trust", holdings: "Holdings", prices: "Prices" };

function printText(result: CicResult, sheets: readonly ListedSheet[], out: string | undefined): void {
  const blocks: string[] = [];
  const hidden = readThoughHidden(sheets);
  if (hidden) blocks.push(hidden);
  const rows = result.tests.map(({ event, test }) => [
    String(event.source.row),
    event.date,
    event.type,
    test.clause,
    test.met ? "met" : "not met",
    test.reason,
  ]);
  blocks.push(`${plural(result.tests.length, "event")} tested:\n${alignedTable(["Row", "Date", "Type", "Clause", "Test", "Why"], rows)}`);
  const cic = result.changeInControl;
  blocks.push(cic ? `Change in Control on ${cic.date} (${cic.clauses.join(", ")}).` : "No Change in Control: no event meets a §1.1(e) test.");
  const f = result.funding;
  if (f) {
    const lines = [
      `Accounts at the close of ${f.fmvDate}, fair market value ${formatDollars(f.fmv)}: ${formatDollars(f.aggregateValue)}; Trust assets ${formatDollars(f.trustAssets)}.`,
      f.trustEstablished
        ? `Shortfall ${formatDollars(f.shortfall)}, to fund by ${f.fundingDeadline} (§13.4(b)).`
        : "No Trust established: nothing to fund (§13.4(a)).",
      alignedTable(
        ["Employer", "Account value", "Contribution"],
        Object.entries(f.byEmployer).map(([name, e]) => [name, formatDollars(e.accountValue), formatDollars(e.contribution)]),
        [false, true, true],
      ),
    ];
    blocks.push(lines.join("\n"));
  }
  if (result.findings.length > 0) {
    const findings = result.findings.map((x) => [cellName(x, "CIC Events"), x.rule, x.section, x.severity, x.message]);
    blocks.push(`${plural(result.findings.length, "finding")}:\n${alignedTable(["Cell", "Rule", "§", "Severity", "Message"], findings)}`);
  }
  if (out) blocks.push(`Report written to ${out}.`);
  console.log(blocks.join("\n\n"));
}

/** Returns the exit code: 0 clean, 1 findings. */
export async function cicCommand(file: string, values: ParsedOptions): Promise<number> {
  const out = values.out as string | undefined;
  const output = out ? await prepareOutput(reportRequest(out, file, Boolean(values.force), CIC_REPORT)) : undefined;
  const workbook = await openWorkbook(file);
  const grids: CicGrids = {};
  const sheets: ExcelJS.Worksheet[] = [];
  for (const [key, name] of Object.entries(SHEETS) as Array<[keyof CicGrids, string]>) {
    const sheet = findSheet(workbook, name);
    if (!sheet) continue;
    grids[key] = sheetGrid(sheet);
    sheets.push(sheet);
  }
  const result = cicWorkflow(grids);
  if (result.unusable) throw new UnusableInput(result.unusable);
  if (output) {
    const book = new (await loadExcelJS()).Workbook();
    book.creator = CIC_REPORT.command;
    book.keywords = CIC_REPORT.marker;
    addReportSheet(
      book,
      { ...validationReport({ sheet: "CIC Events", findings: result.findings }), sheet: "DCP CIC Findings", table: "DCPCICFindings" },
      path.relative(path.dirname(output.path), path.resolve(file)),
    );
    await output.write((temporary) => book.xlsx.writeFile(temporary));
  }
  if (values.json) console.log(exactJson(cicJson(result)));
  else printText(result, sheets, out);
  return result.findings.length > 0 ? 1 : 0;
}
