/**
 * .xlsx files through ExcelJS, for the command line. Cells come out in the
 * same shape Office.js `Range.values` gives the task pane (serial numbers for
 * dates, "" for empty, formulas as their cached result), so `sheets/` reads
 * both alike.
 */
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { UnsavedFormula, type SheetGrid } from "../sheets/grid";
import { cellValues, NUMBER_FORMATS, type SheetTemplate } from "../sheets/templates";

/** A file that cannot be used at all: the CLI prints `message` and exits 2. */
export class UnusableInput extends Error {}

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_OFFSET = 25_569;

function plainValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
  if (typeof value !== "object") return value;
  if ("formula" in value || "sharedFormula" in value) {
    const { formula, sharedFormula, result } = value as Partial<ExcelJS.CellFormulaValue & ExcelJS.CellSharedFormulaValue>;
    // Never calculated: not a blank to read silently. (ExcelJS reads a saved "" result the same way.)
    if (result === undefined) return new UnsavedFormula(formula, sharedFormula);
    return plainValue(result as ExcelJS.CellValue);
  }
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("text" in value) return String((value as ExcelJS.CellHyperlinkValue).text);
  if ("error" in value) return String((value as ExcelJS.CellErrorValue).error);
  return String(value);
}

export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  if (!fs.existsSync(file)) throw new UnusableInput(`cannot read ${file}: no such file`);
  if (fs.statSync(file).isDirectory()) throw new UnusableInput(`cannot read ${file}: it is a folder, not an .xlsx file`);
  const head = Buffer.alloc(4);
  const fd = fs.openSync(file, "r");
  fs.readSync(fd, head, 0, 4, 0);
  fs.closeSync(fd);
  if (head.toString("latin1", 0, 2) !== "PK") throw new UnusableInput(`${path.basename(file)} is not an .xlsx workbook (save it from Excel as .xlsx)`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw new UnusableInput(`${path.basename(file)} is not a readable .xlsx workbook (${(error as Error).message})`);
  }
  return workbook;
}

export function sheetNames(workbook: ExcelJS.Workbook): string[] {
  return workbook.worksheets.map((sheet) => sheet.name);
}

/** A sheet by name, ignoring case; undefined when there is none. */
export function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
}

/** Every cell from A1 to the last used row and column, merged cells blank but their first. */
export function sheetGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  const rowCount = sheet.rowCount;
  const columnCount = sheet.columnCount;
  const values: unknown[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = new Array<unknown>(columnCount);
    for (let c = 1; c <= columnCount; c++) {
      const cell = row.getCell(c);
      cells[c - 1] = cell.isMerged && cell.master !== cell ? "" : plainValue(cell.value);
    }
    values.push(cells);
  }
  return { sheet: sheet.name, values, firstRow: 1, firstColumn: 0 };
}

/** Writes a template as a formatted sheet with an Excel table and its data-validation lists. */
export function addTemplateSheet(workbook: ExcelJS.Workbook, template: SheetTemplate): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(template.sheet);
  const values = cellValues(template);
  sheet.addTable({
    name: template.table,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: template.columns.map((c) => ({ name: c.header })),
    rows: values.map((row) => row.map((v) => (v === "" ? null : v)) as ExcelJS.CellValue[]),
  });
  template.columns.forEach((column, i) => {
    const sheetColumn = sheet.getColumn(i + 1);
    sheetColumn.width = column.width;
    sheetColumn.numFmt = NUMBER_FORMATS[column.format];
    if (column.list) {
      for (let r = 2; r <= values.length + 1; r++) {
        sheet.getCell(r, i + 1).dataValidation = { type: "list", allowBlank: true, formulae: [`"${column.list.join(",")}"`] };
      }
    }
  });
  return sheet;
}
