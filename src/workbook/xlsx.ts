/**
 * .xlsx files through ExcelJS, for the command line. Cells come out in the
 * same shape Office.js `Range.values` gives the task pane (serial numbers for
 * dates, "" for empty, formulas as their cached result), so `sheets/` reads
 * both alike.
 */
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { isoDateToSerial } from "../cells/serials";
import { isBlank } from "../cells/values";
import { dataBlock } from "../sheets/extent";
import { qualifiedCell } from "../sheets/findings";
import { UnsavedFormula, type SheetGrid, type ValueCell } from "../sheets/grid";
import { cellValues, NUMBER_FORMATS, type SheetTemplate } from "../sheets/templates";
import type { ReportCell, ReportSheet } from "../workflows/reports";

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

/**
 * ExcelJS holds every cell of a workbook in memory, several times the size of
 * its XML, so a file that unpacks to more than this (a "zip bomb", or a sheet
 * far beyond Excel's own 1,048,576 rows) is refused before it is read.
 */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

/**
 * The total unpacked size of a zip's entries, from its central directory
 * (the End Of Central Directory record, then one 46-byte header per entry);
 * undefined when the directory cannot be found.
 */
export function unpackedSize(zip: Buffer): number | undefined {
  const END = 0x06054b50;
  const ENTRY = 0x02014b50;
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (zip.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== ENTRY) return undefined;
    const size = zip.readUInt32LE(at + 24);
    // 0xFFFFFFFF: the real size is in a Zip64 field, and is at least this large.
    total += size;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

function readFailure(file: string, error: unknown): UnusableInput {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === "EACCES" || code === "EPERM"
      ? "permission denied"
      : code === "EISDIR"
        ? "it is a folder, not an .xlsx file"
        : (error as Error).message.split("\n")[0];
  return new UnusableInput(`cannot read ${file}: ${reason}`);
}

export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  if (!fs.existsSync(file)) throw new UnusableInput(`cannot read ${file}: no such file`);
  if (fs.statSync(file).isDirectory()) throw new UnusableInput(`cannot read ${file}: it is a folder, not an .xlsx file`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw readFailure(file, error);
  }
  const name = path.basename(file);
  if (bytes.toString("latin1", 0, 2) !== "PK") throw new UnusableInput(`${name} is not an .xlsx workbook (save it from Excel as .xlsx)`);
  const unpacked = unpackedSize(bytes);
  if (unpacked === undefined) throw new UnusableInput(`${name} is not a readable .xlsx workbook: its zip directory is damaged (save it again from Excel)`);
  if (unpacked > MAX_UNPACKED_BYTES) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024).toLocaleString("en-US")} MB`;
    throw new UnusableInput(
      `${name} unpacks to ${mb(unpacked)}, more than dcp reads (${mb(MAX_UNPACKED_BYTES)}); keep only the sheets it needs, or split the workbook`,
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    // ExcelJS reports a damaged part as whatever JavaScript error it ran into; that says nothing to a user.
    const internal = error instanceof TypeError || error instanceof RangeError;
    const reason = internal ? "its contents are damaged or not what Excel writes" : (error as Error).message.split("\n")[0];
    throw new UnusableInput(`${name} is not a readable .xlsx workbook (${reason}); open it in Excel and save it as .xlsx`);
  }
  return workbook;
}

export function sheetNames(workbook: ExcelJS.Workbook): string[] {
  return workbook.worksheets.map((sheet) => sheet.name);
}

/** A sheet by name, ignoring case; undefined when there is none. Hidden sheets too: the user named it. */
export function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
}

/** The sheet the user named (hidden ones too), else exit 2 listing the workbook's sheets. */
export function namedSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = findSheet(workbook, name);
  if (!sheet)
    throw new UnusableInput(
      `there is no sheet "${name}"; the workbook has ${sheetNames(workbook)
        .map((n) => `"${n}"`)
        .join(", ")}`,
    );
  return sheet;
}

function isHidden(sheet: ExcelJS.Worksheet): boolean {
  return sheet.state === "hidden" || sheet.state === "veryHidden";
}

function hiddenSheet(sheet: ExcelJS.Worksheet, option: string): UnusableInput {
  const how = sheet.state === "veryHidden" ? "very hidden (hidden from Excel's Unhide list)" : "hidden";
  return new UnusableInput(`the sheet "${sheet.name}" is ${how}, so it is not used unless named: add ${option} "${sheet.name}"`);
}

/**
 * The sheet a command uses when the user named none: the visible sheet
 * called `name`. A hidden sheet is never picked silently: when the only
 * sheet of that name is hidden, the user is told how to name it.
 */
export function defaultSheet(workbook: ExcelJS.Workbook, name: string, option: string): ExcelJS.Worksheet | undefined {
  const sheet = findSheet(workbook, name);
  if (sheet && isHidden(sheet)) throw hiddenSheet(sheet, option);
  return sheet;
}

/** The first visible sheet, for a command whose usual sheet is missing. */
export function firstVisibleSheet(workbook: ExcelJS.Workbook, option: string): ExcelJS.Worksheet {
  const sheet = workbook.worksheets.find((candidate) => !isHidden(candidate));
  if (sheet) return sheet;
  if (workbook.worksheets.length > 0) throw hiddenSheet(workbook.worksheets[0], option);
  throw new UnusableInput("the workbook has no sheets");
}

/**
 * The sheet's table as a grid: only the cells that hold values are visited
 * (ExcelJS keeps rows sparse, so a stray cell at row 1,048,576 costs one
 * row, not a million), the grid spans their block (extent.ts), and values far
 * outside it go to `outside` for the readers to report. Merged cells are
 * blank but their first, as Office.js gives them.
 */
export function sheetGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  const cells: ValueCell[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (cell.isMerged && cell.master !== cell) return;
      const value = plainValue(cell.value);
      if (!isBlank(value)) cells.push({ row: rowNumber, column: columnNumber - 1, value });
    });
  });
  const block = dataBlock(cells);
  if (!block) return { sheet: sheet.name, values: [], firstRow: 1, firstColumn: 0, outside: [] };
  const width = block.lastColumn - block.firstColumn + 1;
  // Blank rows inside the block share one row: a table with long gaps costs a pointer a row.
  const blankRow: readonly unknown[] = Object.freeze(new Array<unknown>(width).fill(""));
  const values = new Array<unknown[]>(block.lastRow - block.firstRow + 1).fill(blankRow as unknown[]);
  const outside = new Set(block.outside);
  for (const cell of cells) {
    if (outside.has(cell)) continue;
    const r = cell.row - block.firstRow;
    if (values[r] === blankRow) values[r] = new Array<unknown>(width).fill("");
    values[r][cell.column - block.firstColumn] = cell.value;
  }
  return { sheet: sheet.name, values, firstRow: block.firstRow, firstColumn: block.firstColumn, outside: block.outside };
}

/** A new sheet holding one formatted Excel table from A1: the headers, then the rows. */
function addTableSheet(
  workbook: ExcelJS.Workbook,
  sheetName: string,
  table: string,
  headers: readonly string[],
  rows: ExcelJS.CellValue[][],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addTable({
    name: table,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((name) => ({ name })),
    rows,
  });
  return sheet;
}

/** Writes a template as a formatted sheet with an Excel table and its data-validation lists. */
export function addTemplateSheet(workbook: ExcelJS.Workbook, template: SheetTemplate): ExcelJS.Worksheet {
  const values = cellValues(template);
  const rows = values.map((row) => row.map((v) => (v === "" ? null : v)) as ExcelJS.CellValue[]);
  const sheet = addTableSheet(
    workbook,
    template.sheet,
    template.table,
    template.columns.map((c) => c.header),
    rows,
  );
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

/** A report cell as ExcelJS takes it: a date as its serial (the column's format shows it), a link first as its text. */
function reportValue(cell: ReportCell): ExcelJS.CellValue {
  if (typeof cell !== "object") return cell === "" ? null : cell;
  return "date" in cell ? isoDateToSerial(cell.date) : cell.text;
}

/**
 * Writes a report (workflows/reports.ts) as a formatted sheet with an Excel
 * table, each link a hyperlink to its cell in `linkedFile` (a path from the
 * report's folder). ExcelJS writes no charts, so a report's chart is left out.
 */
export function addReportSheet(workbook: ExcelJS.Workbook, report: ReportSheet, linkedFile: string): ExcelJS.Worksheet {
  const sheet = addTableSheet(
    workbook,
    report.sheet,
    report.table,
    report.columns.map((c) => c.header),
    report.rows.map((row) => row.map(reportValue)),
  );
  report.columns.forEach((column, c) => {
    sheet.getColumn(c + 1).width = column.width;
    report.rows.forEach((row, r) => {
      const value = row[c];
      const cell = sheet.getCell(r + 2, c + 1);
      if (typeof value === "object" && "link" in value) cell.value = { text: value.text, hyperlink: `${linkedFile}#${qualifiedCell(value.link)}` };
      if (column.format) cell.numFmt = column.format;
    });
  });
  return sheet;
}
