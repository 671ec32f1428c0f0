/** `dcp validate FILE.xlsx`: the election sheet checked against the plan (rules E01–E16). */
import { formatMonthDay, parseMonthDay } from "../engine/dates";
import { plural } from "../engine/format";
import { DEFAULT_ELECTION_SETTINGS } from "../engine/validation";
import { cellName } from "../sheets/findings";
import type { SheetGrid } from "../sheets/grid";
import { defaultSheet, firstVisibleSheet, namedSheet, UnusableInput } from "../workbook/xlsx";
import { openXlsx, type StreamedSheet, type StreamedWorkbook } from "../workbook/xlsxStream";
import { validationReport } from "../workflows/reports";
import { validateWorkflow, type ValidationResult, type ValidationSettings } from "../workflows/validate";
import { dateOption, type CommandSpec, type ParsedOptions } from "./options";
import { prepareOutput } from "./output";
import { reportRequest, VALIDATION_REPORT, writeReportFile } from "./report";
import { alignedTable } from "./table";

export const VALIDATE_COMMAND: CommandSpec = {
  name: "validate",
  summary: "check an election sheet against the plan (rules E01–E16)",
  description: [
    "Checks the election sheet of FILE.xlsx against the plan and prints every finding",
    "with its row, cell, rule and section. FILE.xlsx is only read, never changed.",
  ].join("\n"),
  options: [
    { name: "sheet", value: "NAME", help: 'the election sheet (default: the sheet "Elections", else the first visible sheet; a hidden sheet only when named)' },
    { name: "prices", value: "NAME", help: 'the closing prices for the §5.1 discount check (default: the sheet "Prices" when there is one)' },
    { name: "effective-date", value: "YYYY-MM-DD", help: `the plan's effective date (default ${DEFAULT_ELECTION_SETTINGS.planEffectiveDate})` },
    { name: "fy-end", value: "MM-DD", help: `the last day of the bonus fiscal year (default ${formatMonthDay(DEFAULT_ELECTION_SETTINGS.fiscalYearEnd)})` },
    { name: "json", help: 'print {"sheet", "prices", "findings": [...]} instead of a table' },
    { name: "out", value: "REPORT.xlsx", help: "also write the findings to a workbook, each linked to its cell" },
    { name: "force", help: "replace REPORT.xlsx even when it is not a report dcp wrote" },
  ],
};

function electionSheet(workbook: StreamedWorkbook, wanted: string | undefined): StreamedSheet {
  if (wanted !== undefined) return namedSheet(workbook, wanted);
  return defaultSheet(workbook, "Elections", "--sheet") ?? firstVisibleSheet(workbook, "--sheet");
}

function pricesSheet(workbook: StreamedWorkbook, wanted: string | undefined): StreamedSheet | undefined {
  return wanted === undefined ? defaultSheet(workbook, "Prices", "--prices") : namedSheet(workbook, wanted);
}

function settingsFrom(values: ParsedOptions): ValidationSettings {
  const planEffectiveDate = dateOption("effective-date", values["effective-date"] as string | undefined) ?? DEFAULT_ELECTION_SETTINGS.planEffectiveDate;
  let fiscalYearEnd = DEFAULT_ELECTION_SETTINGS.fiscalYearEnd;
  const fyEnd = values["fy-end"] as string | undefined;
  if (fyEnd !== undefined) {
    const monthDay = parseMonthDay(fyEnd);
    if (monthDay === undefined) throw new UnusableInput(`--fy-end ${fyEnd} is not a month and day such as 12-31`);
    fiscalYearEnd = monthDay;
  }
  return { planEffectiveDate, fiscalYearEnd };
}

function printResult(result: ValidationResult, out: string | undefined): void {
  const { error, warning } = result.counts;
  console.log(`Sheet "${result.sheet}": ${plural(result.rowsChecked, "election")} checked, ${plural(error, "error")}, ${plural(warning, "warning")}.`);
  console.log(
    result.prices
      ? `Closing prices from sheet "${result.prices.sheet}" (§5.1 discount check).`
      : "No prices sheet: option discounts are not checked against the closing price (§5.1).",
  );
  if (result.findings.length > 0) {
    console.log("");
    console.log(
      alignedTable(
        ["Row", "Cell", "Column", "Rule", "§", "Severity", "Message"],
        result.findings.map((f) => [String(f.row), cellName(f, result.sheet), f.column, f.rule, f.section, f.severity, f.message]),
      ),
    );
  }
  if (out) console.log(`\nReport written to ${out}.`);
}

/**
 * Past this many rows the checks across rows (E07, E10, E13, E15) would hold
 * more than 2 GB (bench, 1,048,576 rows of as many participants: 2.1 GB), so
 * dcp validate refuses in one line.
 */
export const ELECTION_ROWS = 500_000;

function refuseOversized(elections: SheetGrid): void {
  const rows = elections.values.length;
  if (rows <= ELECTION_ROWS) return;
  throw new UnusableInput(
    `the ${elections.sheet} sheet has ${rows.toLocaleString("en-US")} rows, more than dcp validate checks within 2 GB of memory (${ELECTION_ROWS.toLocaleString("en-US")}); split the elections into workbooks by plan year or participant`,
  );
}

/** Returns the exit code: 0 clean, 1 findings. */
export async function validateCommand(file: string, values: ParsedOptions): Promise<number> {
  const settings = settingsFrom(values);
  const out = values.out as string | undefined;
  const output = out ? await prepareOutput(reportRequest(out, file, Boolean(values.force), VALIDATION_REPORT)) : undefined;
  const workbook = await openXlsx(file);
  const elections = electionSheet(workbook, values.sheet as string | undefined);
  const prices = pricesSheet(workbook, values.prices as string | undefined);
  const electionGrid = await workbook.grid(elections);
  refuseOversized(electionGrid);
  const result = validateWorkflow({ elections: electionGrid, prices: prices && (await workbook.grid(prices)) }, settings);
  if (result.prices?.unusable) throw new UnusableInput(result.prices.unusable);
  if (result.unusable) throw new UnusableInput(result.unusable);

  if (output) await writeReportFile(validationReport(result), file, output, VALIDATION_REPORT);
  if (values.json) {
    const findings = result.findings.map(({ row, column, rule, section, severity, message }) => ({ row, column, rule, section, severity, message }));
    console.log(JSON.stringify({ sheet: result.sheet, prices: result.prices?.sheet ?? null, findings }, null, 2));
  } else {
    printResult(result, out);
  }
  return result.findings.length > 0 ? 1 : 0;
}
