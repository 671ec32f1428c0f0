/**
 * .xlsx files through ExcelJS, for the command line. Cells come out in the
 * same shape Office.js `Range.values` gives the task pane (serial numbers for
 * dates, "" for empty, formulas as their cached result), so `sheets/` reads
 * both alike.
 */
import fs from "fs";
import path from "path";
import type ExcelJS from "exceljs";
import { isoDateToSerial } from "../cells/serials";
import { isBlank } from "../cells/values";
import { rowsBlock, type ValueRow } from "../sheets/extent";
import { qualifiedCell } from "../sheets/findings";
import { UnsavedFormula, type SheetGrid } from "../sheets/grid";
import { cellValues, NUMBER_FORMATS, type SheetTemplate } from "../sheets/templates";
import type { ReportCell, ReportSheet } from "../workflows/reports";

/** A file that cannot be used at all: the CLI prints `message` and exits 2. */
export class UnusableInput extends Error {}

/**
 * ExcelJS, loaded when a command first writes a workbook or opens one whole: loading it costs every run of dcp a few
 * tenths of a second, and the commands that only read stream the file instead (xlsxStream.ts).
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}

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
 * ExcelJS holds every cell of a workbook in memory, up to 17 times the size of
 * its XML (75 MB of one-digit cells: 1.4 GB), so a file that unpacks to more
 * than this (a "zip bomb", or a sheet of a few hundred thousand rows) is
 * refused before it is read, and the commands that read whole workbooks
 * (payout, claims, cic) stay within 2 GB. The others stream (xlsxStream.ts).
 */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

/** One file in a zip, as its central directory records it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** 0xFFFFFFFF: the real size is in a Zip64 field, and is at least this large. */
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/**
 * A zip's entries, from its central directory (the End Of Central Directory
 * record, then one 46-byte header per entry); undefined when the directory
 * cannot be found.
 */
export function zipDirectory(zip: Buffer): ZipEntry[] | undefined {
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
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== ENTRY) return undefined;
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** The total unpacked size of a zip's entries; undefined when its directory cannot be read. */
export function unpackedSize(zip: Buffer): number | undefined {
  return zipDirectory(zip)?.reduce((total, entry) => total + entry.size, 0);
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

/**
 * The bytes of an .xlsx file, after the checks every reader makes: a file
 * (not a folder), a zip, a directory that can be read, and an unpacked size
 * within `maxUnpacked`; else exit 2 in one line.
 */
export function readXlsxBytes(file: string, maxUnpacked: number): Buffer {
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
  if (unpacked > maxUnpacked) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024).toLocaleString("en-US")} MB`;
    throw new UnusableInput(
      `${name} unpacks to ${mb(unpacked)}, more than dcp reads (${mb(maxUnpacked)}); keep only the sheets it needs, or split the workbook`,
    );
  }
  return bytes;
}

/** The whole workbook in memory (ExcelJS): for small files and tests; the commands stream (xlsxStream.ts). */
export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const bytes = readXlsxBytes(file, MAX_UNPACKED_BYTES);
  const name = path.basename(file);
  const workbook = new (await loadExcelJS()).Workbook();
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

/** A sheet as both readers list it: ExcelJS's in-memory worksheets, and the streamed ones (xlsxStream.ts). */
export interface ListedSheet {
  name: string;
  state: string;
}

/** A workbook's sheets, in order, as both readers give them. */
export interface SheetList<S extends ListedSheet> {
  worksheets: readonly S[];
}

export function sheetNames(workbook: SheetList<ListedSheet>): string[] {
  return workbook.worksheets.map((sheet) => sheet.name);
}

/** A sheet by name, ignoring case; undefined when there is none. Hidden sheets too: the user named it. */
export function findSheet<S extends ListedSheet>(workbook: SheetList<S>, name: string): S | undefined {
  return workbook.worksheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
}

/** The sheet the user named (hidden ones too), else exit 2 listing the workbook's sheets. */
export function namedSheet<S extends ListedSheet>(workbook: SheetList<S>, name: string): S {
  const sheet = findSheet(workbook, name);
  if (!sheet)
    throw new UnusableInput(
      `there is no sheet "${name}"; the workbook has ${sheetNames(workbook)
        .map((n) => `"${n}"`)
        .join(", ")}`,
    );
  return sheet;
}

function isHidden(sheet: ListedSheet): boolean {
  return sheet.state === "hidden" || sheet.state === "veryHidden";
}

function hiddenSheet(sheet: ListedSheet, option: string): UnusableInput {
  const how = sheet.state === "veryHidden" ? "very hidden (hidden from Excel's Unhide list)" : "hidden";
  return new UnusableInput(`the sheet "${sheet.name}" is ${how}, so it is not used unless named: add ${option} "${sheet.name}"`);
}

/**
 * The sheet a command uses when the user named none: the visible sheet
 * called `name`. A hidden sheet is never picked silently: when the only
 * sheet of that name is hidden, the user is told how to name it.
 */
export function defaultSheet<S extends ListedSheet>(workbook: SheetList<S>, name: string, option: string): S | undefined {
  const sheet = findSheet(workbook, name);
  if (sheet && isHidden(sheet)) throw hiddenSheet(sheet, option);
  return sheet;
}

/** The first visible sheet, for a command whose usual sheet is missing. */
export function firstVisibleSheet<S extends ListedSheet>(workbook: SheetList<S>, option: string): S {
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
  const rows: ValueRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (cell.isMerged && cell.master !== cell) return;
      const value = plainValue(cell.value);
      if (isBlank(value)) return;
      while (values.length < columnNumber - 1) values.push("");
      values[columnNumber - 1] = value;
    });
    if (values.length > 0) rows.push({ row: rowNumber, values });
  });
  return gridOfRows(sheet.name, rows);
}

/**
 * The grid of a sheet's rows (in order, as a reader meets them; blank cells
 * as "", never a string of spaces or null): their block
 * (extent.ts), and the values far outside it in `outside`. A row already as
 * wide as the block, from column A, becomes the grid's row as it is.
 */
export function gridOfRows(sheetName: string, rows: readonly ValueRow[]): SheetGrid {
  const block = rowsBlock(rows);
  if (!block) return { sheet: sheetName, values: [], firstRow: 1, firstColumn: 0, outside: [] };
  const { firstRow, lastRow, firstColumn, lastColumn } = block;
  const width = lastColumn - firstColumn + 1;
  // Blank rows inside the block share one row: a table with long gaps costs a pointer a row.
  const blankRow: readonly unknown[] = Object.freeze(new Array<unknown>(width).fill(""));
  const values = new Array<unknown[]>(lastRow - firstRow + 1).fill(blankRow as unknown[]);
  for (const row of rows) {
    if (row.row < firstRow || row.row > lastRow) continue;
    let cells: unknown[];
    if (firstColumn === 0 && row.values.length <= width) {
      cells = row.values;
      while (cells.length < width) cells.push("");
    } else {
      cells = row.values.slice(firstColumn, lastColumn + 1);
      while (cells.length < width) cells.push("");
    }
    if (cells.every((value) => value === "")) continue;
    values[row.row - firstRow] = cells;
  }
  return { sheet: sheetName, values, firstRow, firstColumn, outside: block.outside };
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
export function reportValue(cell: ReportCell): ExcelJS.CellValue {
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
