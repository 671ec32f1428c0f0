/** `dcp validate FILE.xlsx`: the election sheet checked against the plan (rules E01–E16). */
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { PLAN_EFFECTIVE_DATE } from "../engine/constants";
import { parseMonthDay } from "../engine/dates";
import { PlanError } from "../engine/errors";
import type { PriceTable } from "../engine/prices";
import { DEFAULT_ELECTION_SETTINGS, type ElectionSettings } from "../engine/validation";
import { validateElectionSheet } from "../sheets/elections";
import { outsideTableFindings, type LocatedFinding } from "../sheets/extent";
import { priceTableFrom } from "../sheets/prices";
import { defaultSheet, findSheet, firstVisibleSheet, openWorkbook, sheetGrid, sheetNames, UnusableInput } from "../workbook/xlsx";
import { plural } from "../engine/format";
import { dateOption, type CommandSpec, type ParsedOptions } from "./options";
import { prepareOutput, type Output } from "./output";
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
    { name: "effective-date", value: "YYYY-MM-DD", help: `the plan's effective date (default ${PLAN_EFFECTIVE_DATE})` },
    { name: "fy-end", value: "MM-DD", help: "the last day of the bonus fiscal year (default 12-31)" },
    { name: "json", help: 'print {"sheet", "prices", "findings": [...]} instead of a table' },
    { name: "out", value: "REPORT.xlsx", help: "also write the findings to a workbook, each linked to its cell" },
    { name: "force", help: "replace REPORT.xlsx even when it is not a report dcp wrote" },
  ],
};

/** Set in the report's document properties: how a later run knows the file is its own output. */
const REPORT_MARKER = "dcp-validation-report";

async function isValidationReport(file: string): Promise<boolean> {
  try {
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const core = await zip.file("docProps/core.xml")?.async("string");
    return core !== undefined && core.includes(`<cp:keywords>${REPORT_MARKER}</cp:keywords>`);
  } catch {
    return false;
  }
}

function pickSheet(workbook: ExcelJS.Workbook, wanted: string | undefined): ExcelJS.Worksheet {
  if (wanted === undefined) return defaultSheet(workbook, "Elections", "--sheet") ?? firstVisibleSheet(workbook, "--sheet");
  const sheet = findSheet(workbook, wanted);
  if (!sheet) throw new UnusableInput(`there is no sheet "${wanted}"; the workbook has ${sheetNames(workbook).map((n) => `"${n}"`).join(", ")}`);
  return sheet;
}

interface Prices {
  sheet?: ExcelJS.Worksheet;
  table?: PriceTable;
  /** Findings on the prices sheet, with their sheet-qualified cells. */
  outside: LocatedFinding[];
}

function readPrices(workbook: ExcelJS.Workbook, wanted: string | undefined): Prices {
  const sheet = wanted !== undefined ? findSheet(workbook, wanted) : defaultSheet(workbook, "Prices", "--prices");
  if (wanted !== undefined && !sheet) throw new UnusableInput(`there is no prices sheet "${wanted}"`);
  if (!sheet) return { outside: [] };
  const grid = sheetGrid(sheet);
  try {
    return { sheet, table: priceTableFrom(grid), outside: outsideTableFindings(grid).map(({ finding, address }) => ({ finding, address: `'${sheet.name}'!${address}` })) };
  } catch (error) {
    if (error instanceof PlanError) throw new UnusableInput(`the prices sheet cannot be used: ${error.message}`);
    throw error;
  }
}

function settingsFrom(values: ParsedOptions): Omit<ElectionSettings, "hasApprovalColumn" | "prices"> {
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

interface Report {
  sheet: string;
  prices?: string;
  rowsChecked: number;
  findings: LocatedFinding[];
}

async function writeReport(report: Report, source: string, output: Output): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "dcp validate";
  workbook.title = `DCP validation of ${path.basename(source)}`;
  workbook.keywords = REPORT_MARKER;
  const sheet = workbook.addWorksheet("DCP Validation");
  const columns = [["Row", 6], ["Cell", 8], ["Column", 24], ["Rule", 6], ["Section", 18], ["Severity", 9], ["Message", 100]] as const;
  sheet.addTable({
    name: "DCPValidation",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: columns.map(([name]) => ({ name })),
    rows: report.findings.map(({ finding: f, address }) => [f.row, address, f.column, f.rule, f.section, f.severity, f.message]),
  });
  columns.forEach(([, width], i) => (sheet.getColumn(i + 1).width = width));
  const relative = path.relative(path.dirname(output.path), path.resolve(source));
  report.findings.forEach(({ address }, i) => {
    const target = address.includes("!") ? address : `'${report.sheet}'!${address}`;
    sheet.getCell(i + 2, 2).value = { text: address, hyperlink: `${relative}#${target}` };
  });
  await output.write((temporary) => workbook.xlsx.writeFile(temporary));
}

function printReport(report: Report, out: string | undefined): void {
  const errors = report.findings.filter(({ finding }) => finding.severity === "error").length;
  const warnings = report.findings.length - errors;
  console.log(`Sheet "${report.sheet}": ${plural(report.rowsChecked, "election")} checked, ${plural(errors, "error")}, ${plural(warnings, "warning")}.`);
  console.log(report.prices ? `Closing prices from sheet "${report.prices}" (§5.1 discount check).` : "No prices sheet: option discounts are not checked against the closing price (§5.1).");
  if (report.findings.length > 0) {
    console.log("");
    console.log(
      alignedTable(
        ["Row", "Cell", "Column", "Rule", "§", "Severity", "Message"],
        report.findings.map(({ finding: f, address }) => [String(f.row), address, f.column, f.rule, f.section, f.severity, f.message]),
      ),
    );
  }
  if (out) console.log(`\nReport written to ${out}.`);
}

/** Returns the exit code: 0 clean, 1 findings. */
export async function validateCommand(file: string, values: ParsedOptions): Promise<number> {
  const settings = settingsFrom(values);
  const out = values.out as string | undefined;
  const output = out
    ? await prepareOutput({ path: out, option: "--out", what: "a validation report", inputs: [file], force: Boolean(values.force), kind: "file", isOwnOutput: isValidationReport })
    : undefined;
  const workbook = await openWorkbook(file);
  const sheet = pickSheet(workbook, values.sheet as string | undefined);
  const prices = readPrices(workbook, values.prices as string | undefined);
  const result = validateElectionSheet(sheetGrid(sheet), { ...settings, prices: prices.table });
  if (result.unusable) throw new UnusableInput(result.unusable);

  const report: Report = {
    sheet: result.sheet,
    prices: prices.sheet?.name,
    rowsChecked: result.rowsChecked,
    findings: result.findings.map((finding, i) => ({ finding, address: result.addresses[i] })).concat(prices.outside),
  };
  if (output) await writeReport(report, file, output);
  if (values.json) {
    const findings = report.findings.map(({ finding: { row, column, rule, section, severity, message } }) => ({ row, column, rule, section, severity, message }));
    console.log(JSON.stringify({ sheet: report.sheet, prices: report.prices ?? null, findings }, null, 2));
  } else {
    printReport(report, out);
  }
  return report.findings.length > 0 ? 1 : 0;
}
