/**
 * .xlsx files read and written a row at a time, for the command line: a
 * sheet Excel can hold (1,048,576 rows) costs the grid its values take, not
 * the kilobytes a cell ExcelJS's whole-workbook model spends. The zip stays
 * compressed in memory and each sheet's XML is scanned as it inflates
 * (Node's zlib); cells come out as `sheetGrid` (xlsx.ts) gives them, in
 * Office.js `Range.values` conventions, so `sheets/` reads both alike.
 * Writing goes through ExcelJS's streaming writer, a row committed at a time.
 */
import { once, type EventEmitter } from "events";
import path from "path";
import { StringDecoder } from "string_decoder";
import zlib from "zlib";
import type ExcelJS from "exceljs";
import { isBlank } from "../cells/values";
import { type ValueRow } from "../sheets/extent";
import { columnLetter, UnsavedFormula, type SheetGrid } from "../sheets/grid";
import { qualifiedCell } from "../sheets/findings";
import type { ReportStream } from "../workflows/reports";
import { gridOfRows, loadExcelJS, readXlsxBytes, reportValue, UnusableInput, zipDirectory, type ZipEntry } from "./xlsx";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface StreamedSheet {
  name: string;
  state: SheetState;
  /** The sheet's part in the zip: "xl/worksheets/sheet1.xml". */
  part: string;
}

/**
 * The most cells with values dcp holds from one workbook: Excel's 1,048,576
 * rows × 16 columns. The grid and the records read from it stay well within
 * 2 GB; a file beyond it is refused in one line before memory runs out.
 */
export const MAX_CELLS = 1_048_576 * 16;

/** What a streamed workbook may unpack to: far above a full sheet of plain values, and a bound on the time a zip bomb takes. */
export const MAX_STREAMED_UNPACKED_BYTES = 4 * 1024 * 1024 * 1024 - 1;

/** The shared strings and the other parts read whole are bounded on their own. */
export const MAX_WHOLE_PART_BYTES = 256 * 1024 * 1024;

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_OFFSET = 25_569;
const DAYS_1904 = 1462;

/** Excel's built-in number formats that show a date or time (ECMA-376 §18.8.30, and the East Asian ones ExcelJS knows). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** A custom format shows a date when, outside quotes and brackets, it has a date or time letter (as ExcelJS decides). */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

const localName = (tag: string) => tag.slice(tag.indexOf(":") + 1);

function damaged(name: string): UnusableInput {
  return new UnusableInput(
    `${name} is not a readable .xlsx workbook (its contents are damaged or not what Excel writes); open it in Excel and save it as .xlsx`,
  );
}

function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_, entity: string) => {
    if (entity[0] === "#") return String.fromCodePoint(entity[1] === "x" ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
    return { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" }[entity] ?? "";
  });
}

function attributesOf(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, name, double, single] of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    attributes[localName(name)] = unescapeXml(double ?? single);
  return attributes;
}

/** One attribute of a tag's attribute text, for the tags met a million times (a cell's r, t and s). */
function attribute(text: string, name: string): string | undefined {
  const at = text.indexOf(` ${name}="`);
  // Other spacing (a tab or newline before the name, spaces around "=") or single quotes are legal, and rare: the full parse.
  if (at < 0) return /\s[\w:]+\s*=\s*'|[\t\n\r]|\s=|=\s/.test(text) ? attributesOf(text)[name] : undefined;
  const start = at + name.length + 3;
  return unescapeXml(text.slice(start, text.indexOf('"', start)));
}

interface XmlHandler {
  /** A start tag (local name, its attribute text); `empty` for `<x/>`. */
  open(name: string, attributes: string, empty: boolean): void;
  close(name: string): void;
  /** Character data, entities already replaced. */
  text(text: string): void;
}

/**
 * A scanner for the XML Excel writes, fed in pieces as it inflates: tags,
 * text, CDATA; comments, declarations and processing instructions skipped.
 * Not a validating parser: what it cannot make sense of is "damaged".
 */
class XmlScanner {
  private rest = "";

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    const xml = this.rest + chunk;
    const { handler } = this;
    let at = 0;
    for (;;) {
      const lt = xml.indexOf("<", at);
      if (lt < 0) {
        // Text may continue in the next chunk; keep it whole so an entity is never cut.
        this.rest = xml.slice(at);
        return;
      }
      if (lt > at) handler.text(unescapeXml(xml.slice(at, lt)));
      at = lt;
      let end: number;
      const first = xml.charCodeAt(lt + 1);
      if (first === BANG && xml.startsWith("<![CDATA[", lt)) {
        end = xml.indexOf("]]>", lt);
        if (end < 0) break;
        handler.text(xml.slice(lt + 9, end));
        at = end + 3;
        continue;
      }
      if (first === BANG && xml.startsWith("<!--", lt)) {
        end = xml.indexOf("-->", lt);
        if (end < 0) break;
        at = end + 3;
        continue;
      }
      end = tagEnd(xml, lt);
      if (end < 0) break;
      at = end + 1;
      if (first === QUESTION || first === BANG) continue;
      if (first === SLASH) {
        handler.close(localName(xml.slice(lt + 2, end).trim()));
        continue;
      }
      // Tags are sliced out of the chunk by index, not copied and searched again: the scanner meets every cell's three tags.
      const empty = xml.charCodeAt(end - 1) === SLASH;
      const bodyEnd = empty ? end - 1 : end;
      const space = firstSpace(xml, lt + 1, bodyEnd);
      const name = localName(xml.slice(lt + 1, space < 0 ? bodyEnd : space));
      handler.open(name, space < 0 ? "" : xml.slice(space, bodyEnd), empty);
      if (empty) handler.close(name);
    }
    this.rest = xml.slice(at);
  }

  end(): void {
    if (this.rest.trim() !== "") throw new Error("unfinished XML");
  }
}

const BANG = 0x21;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const SLASH = 0x2f;
const GREATER_THAN = 0x3e;
const QUESTION = 0x3f;

/** Where the `>` closing the tag at `lt` is, quotes respected; -1 when the chunk ends first. */
function tagEnd(xml: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < xml.length; i++) {
    const ch = xml.charCodeAt(i);
    if (quote !== 0) {
      if (ch === quote) quote = 0;
    } else if (ch === DOUBLE_QUOTE || ch === SINGLE_QUOTE) quote = ch;
    else if (ch === GREATER_THAN) return i;
  }
  return -1;
}

/** The first white space (as `\s` matches it) in `xml` from `from` up to `to`, or -1. */
function firstSpace(xml: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const ch = xml.charCodeAt(i);
    if (ch === 0x20 || (ch >= 0x09 && ch <= 0x0d) || (ch > 0x7f && /\s/.test(xml[i]))) return i;
  }
  return -1;
}

/** "C7" → { row: 7, column: 2 }; undefined for anything else. */
function parseReference(reference: string): { row: number; column: number } | undefined {
  const A = 0x41;
  const Z = 0x5a;
  const DOLLAR = 0x24;
  let i = reference.charCodeAt(0) === DOLLAR ? 1 : 0;
  const lettersFrom = i;
  let column = 0;
  for (let ch = reference.charCodeAt(i); ch >= A && ch <= Z; ch = reference.charCodeAt(++i)) column = column * 26 + ch - A + 1;
  if (i === lettersFrom || i - lettersFrom > 3) return undefined;
  if (reference.charCodeAt(i) === DOLLAR) i++;
  const digitsFrom = i;
  for (let ch = reference.charCodeAt(i); ch >= 0x30 && ch <= 0x39; ch = reference.charCodeAt(++i));
  if (i === digitsFrom || i !== reference.length) return undefined;
  return { row: Number(reference.slice(digitsFrom)), column: column - 1 };
}

interface RawCell {
  row: number;
  column: number;
  type: string;
  style: number;
  value?: string;
  formula?: string;
  shared?: string;
}

/** A zip held compressed, its entries inflated on demand (Node's zlib, well ahead of a JavaScript inflater). */
class Zip {
  private readonly entries: Map<string, ZipEntry>;

  constructor(
    private readonly bytes: Buffer,
    entries: readonly ZipEntry[],
    private readonly name: string,
  ) {
    this.entries = new Map(entries.map((entry) => [entry.name, entry]));
  }

  has(part: string): boolean {
    return this.entries.has(part);
  }

  size(part: string): number {
    return this.entries.get(part)?.size ?? 0;
  }

  private data(part: string): { entry: ZipEntry; data: Buffer } {
    const entry = this.entries.get(part);
    const { bytes } = this;
    if (!entry || entry.offset + 30 > bytes.length || bytes.readUInt32LE(entry.offset) !== 0x04034b50) throw damaged(this.name);
    const start = entry.offset + 30 + bytes.readUInt16LE(entry.offset + 26) + bytes.readUInt16LE(entry.offset + 28);
    if (start + entry.compressedSize > bytes.length || (entry.method !== 0 && entry.method !== 8)) throw damaged(this.name);
    return { entry, data: bytes.subarray(start, start + entry.compressedSize) };
  }

  /** A small part whole, as text; undefined when there is none. */
  text(part: string): string | undefined {
    if (!this.has(part)) return undefined;
    if (this.size(part) > MAX_WHOLE_PART_BYTES) throw new UnusableInput(`${this.name} holds a part too large for dcp to read (${part}); split the workbook`);
    const { entry, data } = this.data(part);
    try {
      return (entry.method === 0 ? data : zlib.inflateRawSync(data)).toString("utf8");
    } catch {
      throw damaged(this.name);
    }
  }

  /** Scans a part as it inflates, a piece at a time. */
  async scan(part: string, handler: XmlHandler): Promise<void> {
    const { entry, data } = this.data(part);
    const scanner = new XmlScanner(handler);
    const decoder = new StringDecoder("utf8");
    try {
      if (entry.method === 0) scanner.write(decoder.write(data));
      else {
        const inflate = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
        inflate.end(data);
        for await (const chunk of inflate) scanner.write(decoder.write(chunk as Buffer));
      }
      scanner.write(decoder.end());
      scanner.end();
    } catch (error) {
      if (error instanceof UnusableInput) throw error;
      // zlib's "invalid block type", a cut-off part, XML that does not close: the file is damaged, whatever the cause.
      throw damaged(this.name);
    }
  }
}

export class StreamedWorkbook {
  private strings?: string[];
  /** Cells with values read so far, against MAX_CELLS. */
  private cellsRead = 0;

  constructor(
    /** The file's name, for messages. */
    readonly name: string,
    readonly worksheets: readonly StreamedSheet[],
    private readonly zip: Zip,
    private readonly date1904: boolean,
    /** By cell style index: whether its number format shows a date. */
    private readonly dateStyles: readonly boolean[],
    private readonly sharedStringsPart: string | undefined,
  ) {}

  private async sharedStrings(): Promise<string[]> {
    if (this.strings) return this.strings;
    const strings: string[] = [];
    const part = this.sharedStringsPart;
    if (part !== undefined && this.zip.has(part)) {
      let text = "";
      let inText = false;
      let phonetic = 0;
      await this.zip.scan(part, {
        open(name) {
          if (name === "si") text = "";
          else if (name === "rPh") phonetic++;
          else if (name === "t" && phonetic === 0) inText = true;
        },
        text(chunk) {
          if (inText) text += chunk;
        },
        close(name) {
          if (name === "t") inText = false;
          else if (name === "rPh") phonetic--;
          else if (name === "si") strings.push(text);
        },
      });
    }
    this.strings = strings;
    return strings;
  }

  /**
   * The sheet's table as a grid, as `sheetGrid` gives it for ExcelJS: only
   * the cells that hold values count, the grid spans their block, values
   * far outside it go to `outside`, and merged cells are blank but their first.
   */
  async grid(sheet: StreamedSheet): Promise<SheetGrid> {
    const strings = await this.sharedStrings();
    const rows: ValueRow[] = [];
    let current: ValueRow | undefined;
    const merged: string[] = [];
    const sharedFormulas = new Map<string, string>();
    let row = 0;
    let column = -1;
    let cell: RawCell | undefined;
    let reading: "v" | "f" | "t" | undefined;
    let phonetic = 0;
    const finish = () => {
      if (!cell) return;
      const value = this.cellValue(cell, strings, sharedFormulas);
      cell = undefined;
      if (isBlank(value)) return;
      if (++this.cellsRead > MAX_CELLS)
        throw new UnusableInput(
          `${this.name} holds more than ${MAX_CELLS.toLocaleString("en-US")} cells with values, more than dcp reads; keep only the sheets and columns it needs, or split the workbook`,
        );
      if (current?.row !== cellRow) {
        // Rows come in order in what Excel writes; one out of order starts a row of its own, and the block sorts it out.
        current = { row: cellRow, values: [] };
        rows.push(current);
      }
      const { values } = current;
      while (values.length < cellColumn) values.push("");
      values[cellColumn] = value;
    };
    let cellRow = 0;
    let cellColumn = 0;
    await this.zip.scan(sheet.part, {
      open(name, text) {
        if (name === "c") {
          const r = attribute(text, "r");
          const at = r !== undefined ? parseReference(r) : undefined;
          column = at ? at.column : column + 1;
          cellRow = at ? at.row : row;
          cellColumn = column;
          cell = { row: cellRow, column, type: attribute(text, "t") ?? "n", style: Number(attribute(text, "s") ?? 0) };
        } else if (name === "row") {
          const r = attribute(text, "r");
          row = r !== undefined ? Number(r) : row + 1;
          column = -1;
        } else if (cell && name === "v") {
          reading = "v";
          cell.value = "";
        } else if (cell && name === "f") {
          reading = "f";
          cell.formula = "";
          const attributes = attributesOf(text);
          if (attributes.t === "shared" && attributes.si !== undefined) {
            cell.shared = attributes.si;
            if (attributes.ref !== undefined) sharedFormulas.set(attributes.si, `${columnLetter(cell.column)}${cell.row}`);
          }
        } else if (name === "rPh") phonetic++;
        else if (cell && name === "t" && phonetic === 0) {
          reading = "t";
          cell.value ??= "";
        } else if (name === "mergeCell") {
          const ref = attributesOf(text).ref;
          if (ref !== undefined) merged.push(ref);
        }
      },
      text(chunk) {
        if (!cell || reading === undefined) return;
        if (reading === "f") cell.formula += chunk;
        else cell.value += chunk;
      },
      close(name) {
        if (name === "v" || name === "f" || name === "t") reading = undefined;
        else if (name === "rPh") phonetic--;
        else if (name === "c") finish();
      },
    });
    return gridOfRows(sheet.name, withoutMergedFollowers(rows, merged));
  }

  private cellValue(cell: RawCell, strings: readonly string[], sharedFormulas: ReadonlyMap<string, string>): unknown {
    const { type, value } = cell;
    if (cell.formula !== undefined && (value === undefined || value === "")) {
      // Never calculated (or saved as ""): not a blank to read silently, as sheetGrid reads it.
      const formula = cell.formula === "" ? undefined : cell.formula;
      return new UnsavedFormula(formula, formula === undefined && cell.shared !== undefined ? sharedFormulas.get(cell.shared) : undefined);
    }
    if (value === undefined) return "";
    switch (type) {
      case "s":
        return strings[Number(value)] ?? "";
      case "str":
      case "inlineStr":
      case "e":
        return value;
      case "b":
        return value === "1" || value === "true";
      case "d": {
        const time = Date.parse(value);
        return Number.isNaN(time) ? value : time / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
      }
      default: {
        const number = Number(value);
        if (value.trim() === "" || Number.isNaN(number)) return value;
        if (!this.dateStyles[cell.style]) return number;
        // As ExcelJS reads a date cell: to the millisecond, and 1904-based files moved to the 1900 system.
        const ms = Math.round((number - EXCEL_EPOCH_OFFSET + (this.date1904 ? DAYS_1904 : 0)) * MS_PER_DAY);
        return ms / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
      }
    }
  }
}

/** Blanks the values of merged cells but the first of each merge, as Office.js gives them. */
function withoutMergedFollowers(rows: ValueRow[], merged: readonly string[]): ValueRow[] {
  if (merged.length === 0) return rows;
  const byRow = new Map(rows.map((row) => [row.row, row]));
  for (const ref of merged) {
    const [from, to] = ref.split(":").map(parseReference);
    if (!from || !to) continue;
    for (const [row, { values }] of byRow) {
      if (row < from.row || row > to.row) continue;
      for (let column = from.column; column <= Math.min(to.column, values.length - 1); column++) {
        if (row !== from.row || column !== from.column) values[column] = "";
      }
    }
  }
  return rows;
}

/** Attributes of each `<tag …>` in a small part (workbook.xml, styles.xml, rels). */
function tagsOf(xml: string, tag: string): Array<Record<string, string>> {
  return Array.from(xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${tag}\\b([^>]*)>`, "g")), (match) => attributesOf(match[1]));
}

/** The relationships of a part ("" for the package's own): where each related part is. */
function relationships(zip: Zip, part: string): Array<{ id: string; type: string; target: string }> {
  const folder = path.posix.dirname(part);
  const xml = zip.text(part === "" ? "_rels/.rels" : `${folder}/_rels/${path.posix.basename(part)}.rels`);
  if (xml === undefined) return [];
  return tagsOf(xml, "Relationship").map(({ Id, Type, Target = "" }) => ({
    id: Id,
    type: Type ?? "",
    target: Target.startsWith("/") ? Target.slice(1) : path.posix.normalize(`${folder}/${Target}`),
  }));
}

/** Which cell styles show dates: the numFmtId of each `<xf>` of `<cellXfs>`, read against the custom formats. */
function dateStylesOf(styles: string | undefined): boolean[] {
  if (styles === undefined) return [];
  const custom = new Map(tagsOf(styles, "numFmt").map(({ numFmtId, formatCode }) => [Number(numFmtId), formatCode ?? ""]));
  const cellXfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(styles)?.[1] ?? "";
  return tagsOf(cellXfs, "xf").map(({ numFmtId }) => {
    const id = Number(numFmtId ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id);
  });
}

/**
 * Opens an .xlsx file for streaming: the checks `openWorkbook` makes (a
 * file, a zip, a size within bounds), then the sheet list; the zip is kept
 * compressed, and each sheet is read when asked for.
 */
export async function openXlsx(file: string): Promise<StreamedWorkbook> {
  const bytes = readXlsxBytes(file, MAX_STREAMED_UNPACKED_BYTES);
  const name = path.basename(file);
  const zip = new Zip(bytes, zipDirectory(bytes) ?? [], name);
  const workbookPart = relationships(zip, "").find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const workbookXml = zip.text(workbookPart);
  if (workbookXml === undefined) throw damaged(name);
  const related = relationships(zip, workbookPart);
  const target = new Map(related.map((r) => [r.id, r]));
  const worksheets: StreamedSheet[] = [];
  for (const sheet of tagsOf(workbookXml, "sheet")) {
    const part = target.get(sheet.id);
    if (!part || !part.type.endsWith("/worksheet") || !zip.has(part.target)) continue;
    const state = sheet.state === "hidden" || sheet.state === "veryHidden" ? sheet.state : "visible";
    worksheets.push({ name: sheet.name ?? "", state, part: part.target });
  }
  const sharedStrings = related.find((r) => r.type.endsWith("/sharedStrings"))?.target;
  if (sharedStrings !== undefined && zip.size(sharedStrings) > MAX_WHOLE_PART_BYTES)
    throw new UnusableInput(
      `${name} holds more text than dcp reads (its shared strings unpack to more than ${MAX_WHOLE_PART_BYTES / 1024 / 1024} MB); split the workbook`,
    );
  const date1904 = tagsOf(workbookXml, "workbookPr").some((p) => p.date1904 === "1" || p.date1904 === "true");
  const stylesPart = related.find((r) => r.type.endsWith("/styles"))?.target;
  const dateStyles = dateStylesOf(stylesPart === undefined ? undefined : zip.text(stylesPart));
  return new StreamedWorkbook(name, worksheets, zip, date1904, dateStyles, sharedStrings);
}

// ---------------------------------------------------------------------------
// Writing.

/** Document properties of a written workbook; `keywords` is how dcp knows its own output again. */
export interface WorkbookProperties {
  creator: string;
  title: string;
  keywords: string;
}

/**
 * A report (workflows/reports.ts) as a workbook written a row at a time
 * (ExcelJS's streaming writer): each row is made as it is written and leaves
 * memory once the zip takes it, so a million-row report costs what a few
 * thousand rows do. ExcelJS streams no Excel tables, so the header is bold,
 * frozen and filtered instead; links are hyperlinks into `linkedFile`, as
 * `addReportSheet` writes them.
 */
export async function writeStreamedReport(file: string, properties: WorkbookProperties, report: ReportStream, linkedFile: string): Promise<void> {
  await writeStreamedWorkbook(file, properties, async (workbook) => {
    const sheet = workbook.addWorksheet(report.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = report.columns.map((column) => ({ header: column.header, width: column.width, style: column.format ? { numFmt: column.format } : {} }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: report.rowCount + 1, column: report.columns.length } };
    let written = 0;
    for (const cells of report.rows) {
      sheet
        .addRow(
          cells.map((cell) => {
            if (typeof cell === "object" && "link" in cell) return { text: cell.text, hyperlink: `${linkedFile}#${qualifiedCell(cell.link)}` };
            return reportValue(cell);
          }),
        )
        .commit();
      if (++written % ROWS_BETWEEN_WAITS === 0) await zipCaughtUp(sheet);
    }
    sheet.commit();
  });
}

const ROWS_BETWEEN_WAITS = 1000;

/**
 * ExcelJS's streaming writer hands each committed row to the zip without
 * waiting for it (its worksheet stream ignores the zip input's backpressure),
 * so a loop committing a million rows would queue the whole sheet's XML in
 * memory, 400 MB for the reserve's. Every so many rows the writer waits here
 * until that input has drained; where ExcelJS's internals differ, it lets the
 * zip run a turn instead.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  type ZipInput = EventEmitter & { _writableState?: { needDrain?: boolean } };
  const input = (sheet as unknown as { stream?: { pipes?: ZipInput[] } }).stream?.pipes?.[0];
  if (input?._writableState?.needDrain) await once(input, "drain");
  else await new Promise((resolve) => setImmediate(resolve));
}

/**
 * A workbook written a row at a time (ExcelJS's streaming writer): each row
 * leaves memory once committed, so an output of a million rows costs what
 * one row does. `fill` adds and commits the sheets; the file is complete
 * when the returned promise settles.
 */
export async function writeStreamedWorkbook(
  file: string,
  properties: WorkbookProperties,
  fill: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void> | void,
): Promise<void> {
  const workbook = new (await loadExcelJS()).stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  Object.assign(workbook, properties);
  await fill(workbook);
  await workbook.commit();
}
