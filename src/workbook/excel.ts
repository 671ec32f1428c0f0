/**
 * The only module that calls `Excel.run` (and Office document settings).
 * Each command is at most one read round trip and one write round trip,
 * whatever the number of rows: reads queue every load first, writes queue
 * every change first, and each is sent with one `context.sync()`.
 */
import { isoDateToSerial } from "../cells/serials";
import type { Finding } from "../engine/findings";
import { columnLetter, type SheetGrid } from "../sheets/grid";
import { cellValues, NUMBER_FORMATS, type SheetTemplate } from "../sheets/templates";
import type { PackageLine } from "./ocf-package";

export const VALIDATION_SHEET = "DCP Validation";
const SETTINGS_KEY = "dcp.settings";
const MARKS_KEY = "dcp.marks";
const NOTE_PREFIX = "DCP add-in:";
const MARK_COLORS = { error: "#F8CBAD", warning: "#FFE699" } as const;

export type ElectionSource = { kind: "table"; table: string; sheet: string } | { kind: "sheet"; sheet: string };

export interface WorkbookOverview {
  source: ElectionSource;
  sheets: string[];
}

/** "'My Sheet'!B3:D9" → sheet, first row and column of the block. */
export function parseAddress(address: string): { sheet: string; row: number; column: number } {
  const bang = address.lastIndexOf("!");
  const sheet = address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  const match = /^\$?([A-Z]+)\$?(\d+)/.exec(address.slice(bang + 1));
  if (!match) throw new Error(`unexpected range address ${address}`);
  const column = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { sheet, row: Number(match[2]), column };
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The workbook as both pages need it: its sheets, and where the election sheet is (a table named Elections, else the active sheet). */
export async function readWorkbookOverview(): Promise<WorkbookOverview> {
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject("Elections");
    table.load("name,worksheet/name");
    const active = context.workbook.worksheets.getActiveWorksheet();
    active.load("name");
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const source: ElectionSource = table.isNullObject
      ? { kind: "sheet", sheet: active.name }
      : { kind: "table", table: table.name, sheet: table.worksheet.name };
    return { source, sheets: sheets.items.map((s) => s.name) };
  });
}

export interface SheetRead {
  grid: SheetGrid;
  /** The prices sheet's used range, when one was named and it is not empty. */
  prices?: SheetGrid;
  /** Whether the add-in's report sheet exists, so writing the report needs no second look. */
  reportExists: boolean;
}

function gridFrom(range: Excel.Range, fallbackSheet: string): SheetGrid {
  if (range.isNullObject) return { sheet: fallbackSheet, values: [], firstRow: 1, firstColumn: 0 };
  const { sheet, row, column } = parseAddress(range.address);
  return { sheet, values: range.values, firstRow: row, firstColumn: column };
}

/** Reads the election rows (and the prices sheet) in one round trip. */
export async function readElections(source: ElectionSource, pricesSheet?: string): Promise<SheetRead> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const range =
      source.kind === "table" ? context.workbook.tables.getItem(source.table).getRange() : sheets.getItem(source.sheet).getUsedRangeOrNullObject(true);
    range.load("address,values");
    const prices = pricesSheet ? sheets.getItem(pricesSheet).getUsedRangeOrNullObject(true) : undefined;
    prices?.load("address,values");
    const report = sheets.getItemOrNullObject(VALIDATION_SHEET);
    report.load("name");
    await context.sync();
    return {
      grid: gridFrom(range, source.sheet),
      prices: prices && !prices.isNullObject ? gridFrom(prices, pricesSheet!) : undefined,
      reportExists: !report.isNullObject,
    };
  });
}

export interface LocatedFinding extends Finding {
  sheet: string;
  address: string;
}

/** Office.js errors carry a code; the ones that mean "the workbook changed since it was read". */
function isStale(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "ItemNotFound" || code === "ItemAlreadyExists" || code === "InvalidArgument";
}

async function sheetExists(name: string): Promise<boolean> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load("name");
    await context.sync();
    return !sheet.isNullObject;
  });
}

/**
 * Replaces the add-in's own `DCP Validation` sheet with the findings as a
 * table, each linked to its cell: one round trip, given whether the sheet
 * exists (from the read). Should the workbook have changed since, it looks
 * again and writes once more.
 */
export async function writeValidationReport(findings: readonly LocatedFinding[], reportExists: boolean): Promise<void> {
  const write = (replace: boolean) =>
    Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      if (replace) sheets.getItem(VALIDATION_SHEET).delete();
      const sheet = sheets.add(VALIDATION_SHEET);
      const header = ["Row", "Cell", "Column", "Rule", "Section", "Severity", "Message"];
      const rows = findings.map((f) => [f.row, f.address, f.column, f.rule, f.section, f.severity, f.message]);
      const all = sheet.getRange(`A1:G${rows.length + 1}`);
      all.numberFormat = [header.map(() => "@"), ...rows.map(() => ["0", "@", "@", "@", "@", "@", "@"])];
      all.values = [header, ...rows];
      const table = sheet.tables.add(all, true);
      table.name = "DCPValidation";
      findings.forEach((f, i) => {
        sheet.getRange(`B${i + 2}`).hyperlink = { documentReference: `${quoteSheet(f.sheet)}!${f.address}`, textToDisplay: f.address, screenTip: `Go to ${f.sheet}!${f.address}` };
      });
      [6, 8, 24, 6, 18, 9, 90].forEach((width, c) => (sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = width * 7));
      sheet.activate();
      await context.sync();
    });
  try {
    await write(reportExists);
  } catch (error) {
    if (!isStale(error)) throw error;
    await write(await sheetExists(VALIDATION_SHEET));
  }
}

/** Selects a cell for the user (click on a finding). */
export async function selectCell(sheet: string, address: string): Promise<void> {
  await Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(address).select();
    await context.sync();
  });
}

interface SavedMark {
  sheet: string;
  address: string;
  fill: { color: string; pattern: string; patternColor: string; tintAndShade: number };
  addedNote: boolean;
}

function savedMarks(): SavedMark[] {
  return (Office.context.document.settings.get(MARKS_KEY) as SavedMark[] | null) ?? [];
}

function saveSetting(key: string, value: unknown): Promise<void> {
  const settings = Office.context.document.settings;
  settings.set(key, value);
  return new Promise((resolve, reject) =>
    settings.saveAsync((result) => (result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error.message)))),
  );
}

export interface MarkRequest {
  sheet: string;
  address: string;
  severity: "error" | "warning";
  note: string;
}

/**
 * Fills each offending cell and adds a note (where the cell has none), after
 * remembering its fill so `clearMarks` can put it back exactly.
 */
export async function markCells(requests: readonly MarkRequest[]): Promise<number> {
  const already = new Set(savedMarks().map((m) => `${m.sheet}!${m.address}`));
  const byCell = new Map<string, MarkRequest>();
  for (const request of requests) {
    const key = `${request.sheet}!${request.address}`;
    if (already.has(key)) continue;
    const earlier = byCell.get(key);
    byCell.set(key, earlier ? { ...earlier, severity: earlier.severity === "error" ? "error" : request.severity, note: `${earlier.note}\n${request.note}` } : request);
  }
  const targets = [...byCell.values()];
  if (targets.length === 0) return 0;
  const added = await Excel.run(async (context) => {
    const cells = targets.map((t) => {
      const worksheet = context.workbook.worksheets.getItem(t.sheet);
      const range = worksheet.getRange(t.address);
      range.format.fill.load("color,pattern,patternColor,tintAndShade");
      const note = worksheet.notes.getItemOrNullObject(t.address);
      note.load("content");
      return { target: t, worksheet, range, note };
    });
    await context.sync();

    const marks: SavedMark[] = cells.map(({ target, worksheet, range, note }) => {
      const { color, pattern, patternColor, tintAndShade } = range.format.fill;
      range.format.fill.color = MARK_COLORS[target.severity];
      const addNote = note.isNullObject;
      if (addNote) worksheet.notes.add(target.address, `${NOTE_PREFIX}\n${target.note}`);
      return { sheet: target.sheet, address: target.address, fill: { color, pattern, patternColor, tintAndShade }, addedNote: addNote };
    });
    await context.sync();
    return marks;
  });
  await saveSetting(MARKS_KEY, [...savedMarks(), ...added]);
  return added.length;
}

/** Puts back every marked cell's fill and removes the notes the add-in added. */
export async function clearMarks(): Promise<number> {
  const marks = savedMarks();
  if (marks.length === 0) return 0;
  await Excel.run(async (context) => {
    const notes = marks.map((mark) => {
      const note = mark.addedNote ? context.workbook.worksheets.getItem(mark.sheet).notes.getItemOrNullObject(mark.address) : undefined;
      note?.load("content");
      return note;
    });
    await context.sync();

    marks.forEach((mark, i) => {
      const fill = context.workbook.worksheets.getItem(mark.sheet).getRange(mark.address).format.fill;
      if (mark.fill.pattern === "None") {
        fill.clear();
      } else {
        fill.color = mark.fill.color;
        fill.pattern = mark.fill.pattern as Excel.FillPattern;
        fill.patternColor = mark.fill.patternColor;
        fill.tintAndShade = mark.fill.tintAndShade;
      }
      const note = notes[i];
      if (note && !note.isNullObject && note.content.startsWith(NOTE_PREFIX)) note.delete();
    });
    await context.sync();
  });
  await saveSetting(MARKS_KEY, []);
  return marks.length;
}

/** The cell text a template value becomes: text that Excel would read as a date or number is kept as text. */
function templateCell(value: unknown): unknown {
  return typeof value === "string" && value !== "" ? `'${value}` : value;
}

function uniqueName(wanted: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) if (!lower.has(`${wanted} (${i})`.toLowerCase())) return `${wanted} (${i})`;
}

/** Adds each template as a new sheet holding a formatted Excel table with its sample rows. */
export async function insertTemplates(templates: readonly SheetTemplate[]): Promise<string[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();

    const sheetNames = new Set(sheets.items.map((s) => s.name));
    const tableNames = new Set(tables.items.map((t) => t.name));
    const added: string[] = [];
    for (const template of templates) {
      const name = uniqueName(template.sheet, sheetNames);
      sheetNames.add(name);
      const tableName = uniqueName(template.table, tableNames).replace(/ \((\d+)\)$/, "$1");
      tableNames.add(tableName);
      const sheet = sheets.add(name);
      const width = template.columns.length;
      const last = `${columnLetter(width - 1)}${template.rows.length + 1}`;
      const values = cellValues(template);
      const block = sheet.getRange(`A1:${last}`);
      block.numberFormat = [template.columns.map(() => "@"), ...values.map(() => template.columns.map((c) => NUMBER_FORMATS[c.format]))];
      block.values = [template.columns.map((c) => c.header), ...values.map((row) => row.map(templateCell))];
      const table = sheet.tables.add(block, true);
      table.name = tableName;
      template.columns.forEach((column, c) => {
        const body = sheet.getRange(`${columnLetter(c)}2:${columnLetter(c)}${template.rows.length + 1}`);
        body.format.columnWidth = column.width * 7;
        if (column.list) body.dataValidation.rule = { list: { inCellDropDown: true, source: column.list.join(",") } };
      });
      added.push(name);
    }
    sheets.getItem(added[0]).activate();
    await context.sync();
    return added;
  });
}

export interface PaneSettings {
  planEffectiveDate: string;
  /** Month and day, MM-DD. */
  fiscalYearEnd: string;
  pricesSheet: string;
}

/** The pane's settings as this workbook remembers them (document settings; no round trip). */
export function loadPaneSettings(defaults: PaneSettings): PaneSettings {
  const saved = Office.context.document.settings.get(SETTINGS_KEY) as Partial<PaneSettings> | null;
  return { ...defaults, ...(saved ?? {}) };
}

export function savePaneSettings(settings: PaneSettings): Promise<void> {
  return saveSetting(SETTINGS_KEY, settings);
}

/** Whether Office shows a dark theme, from `Office.context.officeTheme` (light when unknown). */
export function officeThemeIsDark(): boolean {
  const theme = (typeof Office !== "undefined" ? Office.context?.officeTheme : undefined) as { bodyBackgroundColor?: string; isDarkTheme?: boolean } | undefined;
  if (!theme) return false;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const hex = /^#?([0-9a-f]{6})$/i.exec(theme.bodyBackgroundColor ?? "")?.[1];
  if (!hex) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

/** Whether the pane runs in Excel on the Mac, whose task panes do not save blob downloads. */
export function hostCannotDownload(): boolean {
  const platform = typeof Office !== "undefined" ? Office.context?.diagnostics?.platform : undefined;
  return platform !== undefined && String(platform) === "Mac";
}

/** The used ranges of several sheets (by name; each must exist), in one round trip. */
export async function readSheets(names: readonly string[]): Promise<Map<string, SheetGrid>> {
  return Excel.run(async (context) => {
    const ranges = names.map((name) => {
      const range = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
      range.load("address,values");
      return { name, range };
    });
    await context.sync();
    return new Map(ranges.map(({ name, range }) => [name, gridFrom(range, name)]));
  });
}

export const RESERVE_SHEET = "DCP Reserve";

export interface ReserveReportLine {
  date: string;
  remaining: number;
  used: number;
  reserve: number;
  kind: string;
  quantity: number;
  participant: string;
  reference: string;
  /** Where the row came from: "Ledger!A5". */
  source: string;
  reported: number | "";
}

/** Replaces the add-in's own `DCP Reserve` sheet: the running ledger as a table and a chart of shares remaining. */
export async function writeReserveReport(lines: readonly ReserveReportLine[]): Promise<void> {
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(RESERVE_SHEET);
    existing.load("name");
    await context.sync();

    if (!existing.isNullObject) existing.delete();
    const sheet = sheets.add(RESERVE_SHEET);
    const header = ["Date", "Remaining", "Used", "Reserve", "Kind", "Quantity", "Participant", "Reference", "Source", "Reported Remaining"];
    const last = lines.length + 1;
    const block = sheet.getRange(`A1:J${last}`);
    const formats = ["yyyy-mm-dd", "#,##0.######", "#,##0.######", "#,##0.######", "@", "#,##0.######", "@", "@", "@", "#,##0.######"];
    block.numberFormat = [header.map(() => "@"), ...lines.map(() => formats)];
    block.values = [header, ...lines.map((l) => [isoDateToSerial(l.date), l.remaining, l.used, l.reserve, l.kind, l.quantity, l.participant, l.reference, l.source, l.reported])];
    const table = sheet.tables.add(block, true);
    table.name = "DCPReserve";
    [12, 14, 14, 14, 8, 12, 18, 34, 12, 18].forEach((width, c) => (sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = width * 7));
    const chart = sheet.charts.add("Line", sheet.getRange(`A1:B${last}`), "Columns");
    chart.title.text = "Shares remaining in the §13.8 reserve";
    chart.setPosition("L2", "T20");
    sheet.activate();
    await context.sync();
  });
}

export const OCF_SHEET = "DCP OCF";

/** Excel's limit on the characters of one cell. */
const CELL_CHARACTERS = 32_767;

/**
 * Replaces the add-in's own `DCP OCF` sheet with every line of an OCF
 * package, for hosts that cannot download a file: a row per line, under the
 * file it belongs to, and a first row that says how to make the files again.
 */
export async function writeOcfSheet(lines: readonly PackageLine[]): Promise<void> {
  const tooLong = lines.find((l) => l.text.length > CELL_CHARACTERS);
  if (tooLong) throw new Error(`Line ${tooLong.line} of ${tooLong.path} is longer than an Excel cell holds (${CELL_CHARACTERS} characters); export the .zip instead.`);
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(OCF_SHEET);
    existing.load("name");
    await context.sync();

    if (!existing.isNullObject) existing.delete();
    const sheet = sheets.add(OCF_SHEET);
    const note = "Each file is its Text lines in order, joined by line breaks, with a line break at the end: save them under the File name (UTF-8), all in one folder.";
    sheet.getRange("A1").values = [[note]];
    const header = ["File", "Line", "Text"];
    const block = sheet.getRange(`A3:C${lines.length + 3}`);
    block.numberFormat = [header.map(() => "@"), ...lines.map(() => ["@", "0", "@"])];
    block.values = [header, ...lines.map((l) => [l.path, l.line, l.text])];
    const table = sheet.tables.add(block, true);
    table.name = "DCPOCF";
    [22, 6, 100].forEach((width, c) => (sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = width * 7));
    sheet.activate();
    await context.sync();
  });
}
