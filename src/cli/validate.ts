/** `dcp validate FILE.xlsx`: the election sheet checked against the plan (rules E01–E16). */
import path from "path";
import ExcelJS from "exceljs";
import { parseIsoDate, parseMonthDay } from "../engine/dates";
import { PlanError } from "../engine/errors";
import type { PriceTable } from "../engine/prices";
import { DEFAULT_ELECTION_SETTINGS, type ElectionSettings } from "../engine/validation";
import { validateElectionSheet, type ElectionSheetResult } from "../sheets/elections";
import { priceTableFrom } from "../sheets/prices";
import { findSheet, openWorkbook, sheetGrid, sheetNames, UnusableInput } from "../workbook/xlsx";
import { plural } from "../engine/format";
import { alignedTable } from "./table";

export interface ValidateOptions {
  file: string;
  sheet?: string;
  prices?: string;
  out?: string;
  json?: boolean;
  effectiveDate?: string;
  fyEnd?: string;
}

function pickSheet(workbook: ExcelJS.Workbook, wanted?: string): ExcelJS.Worksheet {
  if (wanted !== undefined) {
    const sheet = findSheet(workbook, wanted);
    if (!sheet) throw new UnusableInput(`there is no sheet "${wanted}"; the workbook has ${sheetNames(workbook).map((n) => `"${n}"`).join(", ")}`);
    return sheet;
  }
  const sheet = findSheet(workbook, "Elections") ?? workbook.worksheets[0];
  if (!sheet) throw new UnusableInput("the workbook has no sheets");
  return sheet;
}

function settingsFrom(options: ValidateOptions, workbook: ExcelJS.Workbook): Omit<ElectionSettings, "hasApprovalColumn"> {
  const planEffectiveDate = options.effectiveDate === undefined ? DEFAULT_ELECTION_SETTINGS.planEffectiveDate : parseIsoDate(options.effectiveDate);
  if (planEffectiveDate === undefined) throw new UnusableInput(`--effective-date ${options.effectiveDate} is not a YYYY-MM-DD date`);
  let fiscalYearEnd = DEFAULT_ELECTION_SETTINGS.fiscalYearEnd;
  if (options.fyEnd !== undefined) {
    const monthDay = parseMonthDay(options.fyEnd);
    if (monthDay === undefined) throw new UnusableInput(`--fy-end ${options.fyEnd} is not a month and day such as 12-31`);
    fiscalYearEnd = monthDay;
  }
  const pricesSheet = options.prices !== undefined ? findSheet(workbook, options.prices) : findSheet(workbook, "Prices");
  if (options.prices !== undefined && !pricesSheet) throw new UnusableInput(`there is no prices sheet "${options.prices}"`);
  let prices: PriceTable | undefined;
  if (pricesSheet) {
    try {
      prices = priceTableFrom(sheetGrid(pricesSheet));
    } catch (error) {
      if (error instanceof PlanError) throw new UnusableInput(`the prices sheet cannot be used: ${error.message}`);
      throw error;
    }
  }
  return { planEffectiveDate, fiscalYearEnd, prices };
}

async function writeReport(result: ElectionSheetResult, source: string, out: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("DCP Validation");
  const columns = [["Row", 6], ["Cell", 8], ["Column", 24], ["Rule", 6], ["Section", 18], ["Severity", 9], ["Message", 100]] as const;
  sheet.addTable({
    name: "DCPValidation",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: columns.map(([name]) => ({ name })),
    rows: result.findings.map((f, i) => [f.row, result.addresses[i], f.column, f.rule, f.section, f.severity, f.message]),
  });
  columns.forEach(([, width], i) => (sheet.getColumn(i + 1).width = width));
  const relative = path.relative(path.dirname(path.resolve(out)), path.resolve(source));
  result.addresses.forEach((address, i) => {
    sheet.getCell(i + 2, 2).value = { text: address, hyperlink: `${relative}#'${result.sheet}'!${address}` };
  });
  await workbook.xlsx.writeFile(out);
}

/** Returns the exit code: 0 clean, 1 findings. */
export async function validateCommand(options: ValidateOptions): Promise<number> {
  const workbook = await openWorkbook(options.file);
  const sheet = pickSheet(workbook, options.sheet);
  const result = validateElectionSheet(sheetGrid(sheet), settingsFrom(options, workbook));
  if (result.unusable) throw new UnusableInput(result.unusable);

  if (options.out) await writeReport(result, options.file, options.out);
  if (options.json) {
    const findings = result.findings.map(({ row, column, rule, section, severity, message }) => ({ row, column, rule, section, severity, message }));
    console.log(JSON.stringify({ sheet: result.sheet, findings }, null, 2));
  } else {
    const errors = result.findings.filter((f) => f.severity === "error").length;
    const warnings = result.findings.length - errors;
    console.log(`Sheet "${result.sheet}": ${plural(result.rowsChecked, "election")} checked, ${plural(errors, "error")}, ${plural(warnings, "warning")}.`);
    if (result.findings.length > 0) {
      console.log("");
      console.log(
        alignedTable(
          ["Row", "Cell", "Column", "Rule", "§", "Severity", "Message"],
          result.findings.map((f, i) => [String(f.row), result.addresses[i], f.column, f.rule, f.section, f.severity, f.message]),
        ),
      );
    }
    if (options.out) console.log(`\nReport written to ${options.out}.`);
  }
  return result.findings.length > 0 ? 1 : 0;
}
