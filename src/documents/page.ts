/**
 * The page every document shares: US Letter, its margins and colours, text
 * that wraps and shortens, a flow down the page that starts new pages, tables
 * sized to their contents, footers, and the PDF written to bytes.
 */
import PDFDocument from "pdfkit";
import { loadDocumentFonts, type FontLoader } from "./fonts";
import { Typesetter, type TextStyle } from "./text";

export const LETTER = { width: 612, height: 792 };
export const MARGIN = 45;
export const LEFT = MARGIN;
export const RIGHT = LETTER.width - MARGIN;
export const WIDTH = RIGHT - LEFT;
export const TOP = MARGIN;
/** Content stops here; the footer sits below, inside pdfkit's own bottom margin so it never starts a page. */
export const CONTENT_BOTTOM = LETTER.height - 64;
export const FOOTER_TOP = LETTER.height - 46;
export const PDFKIT_BOTTOM_MARGIN = 28;

export const INK = "#1a1a1a";
export const MUTED = "#5c5c5c";
export const RULE = "#b5b5b5";
export const ACCENT = "#1f3a5f";
export const BAND = "#e8edf3";

const CELL_PAD_X = 3;
const CELL_PAD_Y = 3;

export type Doc = PDFKit.PDFDocument;
export type { TextStyle };

/** What a document draws with besides pdfkit: its typesetter, and the root of its structure tree (the tags a screen reader follows). */
interface Page {
  type: Typesetter;
  root: PDFKit.PDFStructureElement;
}

const pages = new WeakMap<Doc, Page>();

function page(doc: Doc): Page {
  const found = pages.get(doc);
  if (found === undefined) throw new Error("a document is drawn only inside renderPdf");
  return found;
}

/** The structure types this layer tags with (ISO 32000-1, 14.8.4). */
export type StructureType = "H1" | "H2" | "P" | "Caption" | "Table" | "TR" | "TH" | "TD" | "Figure" | "Sect";

/** Content a screen reader reads, tagged as `type` under the document (or under `parent`). */
export function tagged(doc: Doc, type: StructureType, draw: () => void, options: { alt?: string; parent?: PDFKit.PDFStructureElement } = {}): void {
  const element = doc.struct(type, options.alt === undefined ? {} : { alt: options.alt }, draw);
  (options.parent ?? page(doc).root).add(element);
}

/** A structure element to add children to (a table, its rows). */
export function structure(doc: Doc, type: StructureType, parent?: PDFKit.PDFStructureElement): PDFKit.PDFStructureElement {
  const element = doc.struct(type);
  (parent ?? page(doc).root).add(element);
  return element;
}

/** Drawing a screen reader skips: rules, bands, the running header and the footers. */
export function artifact(doc: Doc, draw: () => void, type: "Layout" | "Pagination" = "Layout"): void {
  doc.markContent("Artifact", { type });
  draw();
  doc.endMarkedContent();
}

export function textHeight(doc: Doc, text: string, textStyle: TextStyle, width: number): number {
  return page(doc).type.height(text, textStyle, width);
}

export function textWidth(doc: Doc, text: string, textStyle: TextStyle): number {
  return page(doc).type.width(text, textStyle);
}

/** Text drawn in its box, untagged: for content already inside a tag (a table cell) or an artifact. */
export function drawText(doc: Doc, text: string, x: number, y: number, width: number, textStyle: TextStyle, align: "left" | "right" = "left"): void {
  page(doc).type.draw(text, x, y, width, { ...textStyle, color: textStyle.color ?? INK }, align);
}

/** Text drawn in its box and tagged (a paragraph unless said otherwise). */
export function write(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  textStyle: TextStyle,
  align: "left" | "right" = "left",
  type: StructureType = "P",
): void {
  tagged(doc, type, () => drawText(doc, text, x, y, width, textStyle, align));
}

/** Shortened with "…" to at most `lines` lines of `width`: for the places that have room for so much and no more. */
export function fitLines(doc: Doc, text: string, textStyle: TextStyle, width: number, lines: number): string {
  const fits = (candidate: string) => textHeight(doc, candidate, textStyle, width) <= lines * textHeight(doc, "X", textStyle, width) + 0.01;
  if (fits(text)) return text;
  const characters = [...text];
  let low = 0;
  let high = characters.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(`${characters.slice(0, middle).join("").trimEnd()}…`)) low = middle;
    else high = middle - 1;
  }
  return `${characters.slice(0, low).join("").trimEnd()}…`;
}

/** One line: the running header and the footer have room for no more. */
export function oneLine(doc: Doc, text: string, textStyle: TextStyle, width: number): string {
  return fitLines(doc, text, textStyle, width, 1);
}

/** The vertical position down the page, starting a new page when the next block would not fit. */
export class Flow {
  y = TOP;

  constructor(
    private readonly doc: Doc,
    private readonly runningHeader: string,
  ) {}

  /** Makes room for `height` points; true when that took a new page. */
  room(height: number): boolean {
    if (this.y + height <= CONTENT_BOTTOM) return false;
    this.doc.addPage();
    const headerStyle = { size: 7.5, color: MUTED };
    const header = oneLine(this.doc, this.runningHeader, headerStyle, WIDTH);
    artifact(this.doc, () => drawText(this.doc, header, LEFT, TOP, WIDTH, headerStyle), "Pagination");
    this.y = TOP + 18;
    return true;
  }

  /** The document's title (H1) over a rule the width of the page. */
  title(text: string): void {
    const titleStyle = { size: 10.5, bold: true, color: ACCENT };
    write(this.doc, text, LEFT, this.y, WIDTH, titleStyle, "left", "H1");
    this.y += textHeight(this.doc, text, titleStyle, WIDTH) + 4;
    const rule = this.y;
    artifact(this.doc, () => this.doc.moveTo(LEFT, rule).lineTo(RIGHT, rule).lineWidth(1).strokeColor(ACCENT).stroke());
    this.y += 10;
  }

  /** A paragraph the width of the page, starting a new page when it would not fit. */
  paragraph(text: string, textStyle: TextStyle, spaceAfter = 4): void {
    const height = textHeight(this.doc, text, textStyle, WIDTH);
    this.room(height);
    write(this.doc, text, LEFT, this.y, WIDTH, textStyle);
    this.y += height + spaceAfter;
  }

  heading(text: string, spaceAfter = 5): void {
    const headingStyle = { size: 11, bold: true, color: ACCENT };
    write(this.doc, text, LEFT, this.y, WIDTH, headingStyle, "left", "H2");
    this.y += textHeight(this.doc, text, headingStyle, WIDTH) + spaceAfter;
  }
}

// ---------------------------------------------------------------------------
// Tables: columns sized to their contents, rows as tall as their tallest cell,
// the header repeated on every page a table reaches.

export interface Column {
  header: string;
  align: "left" | "right";
}

export interface Cell {
  text: string;
  /** A smaller grey second line, such as an account's key. */
  detail?: string;
  bold?: boolean;
}

export interface FittedTable {
  size: number;
  widths: number[];
}

/** pdfkit wraps a word that exactly fills its box: a hair of slack keeps measured text on its line. */
const SLACK = 0.5;

function longestWord(doc: Doc, text: string, textStyle: TextStyle): number {
  return Math.max(0, ...text.split(/\s+/).map((word) => textWidth(doc, word, textStyle)));
}

/** The narrowest width that holds `text` on at most two lines, breaking at a space. */
function twoLines(doc: Doc, text: string, textStyle: TextStyle): number {
  const words = text.split(/\s+/);
  let best = textWidth(doc, text, textStyle);
  for (let i = 1; i < words.length; i++) {
    const widest = Math.max(textWidth(doc, words.slice(0, i).join(" "), textStyle), textWidth(doc, words.slice(i).join(" "), textStyle));
    best = Math.min(best, widest);
  }
  return best;
}

/**
 * The largest of `sizes` at which every figure fits on one line and the first
 * column (the names) on at most two, spare width going first to the first
 * column (up to one line per name), then evenly to the others. At the smallest
 * size, if figures still do not fit, columns shrink in proportion and pdfkit
 * wraps inside the cell: taller rows, never a figure past the margin.
 */
export function fitTable(doc: Doc, columns: Column[], rows: Cell[][], sizes: number[]): FittedTable {
  const needs = (size: number) =>
    columns.map((column, i) => {
      const header = longestWord(doc, column.header, { size, bold: true });
      const width = (cell: Cell, measure: (doc: Doc, text: string, textStyle: TextStyle) => number) =>
        Math.max(measure(doc, cell.text, { size, bold: cell.bold }), cell.detail === undefined ? 0 : textWidth(doc, cell.detail, { size: size - 1 }));
      const pad = 2 * CELL_PAD_X + SLACK;
      const least = Math.max(header, ...rows.map((row) => width(row[i], i === 0 ? twoLines : textWidth))) + pad;
      const most = Math.max(least, ...rows.map((row) => width(row[i], textWidth) + pad));
      const shortest = Math.max(header, ...rows.map((row) => width(row[i], longestWord))) + pad;
      return { least, most, shortest };
    });
  for (const size of sizes) {
    const need = needs(size);
    const others = need.slice(1).reduce((total, n) => total + n.least, 0);
    if (need[0].least + others > WIDTH) continue;
    const first = Math.min(need[0].most, WIDTH - others);
    const spare = (WIDTH - first - others) / (columns.length - 1);
    return { size, widths: [first, ...need.slice(1).map((n) => n.least + spare)] };
  }
  const size = sizes[sizes.length - 1];
  const need = needs(size);
  const others = need.slice(1).reduce((total, n) => total + n.least, 0);
  const first = Math.min(need[0].shortest, WIDTH / 4);
  const scale = (WIDTH - first) / others;
  return { size, widths: [first, ...need.slice(1).map((n) => n.least * scale)] };
}

/**
 * Every column but the last as wide as its widest text (the first at most a
 * quarter of the page), the last taking what they leave and wrapping: for a
 * table whose last column is a sentence, such as a finding's message.
 */
export function fitLastColumnWide(doc: Doc, columns: Column[], rows: Cell[][], size: number): FittedTable {
  const pad = 7;
  const widths = columns
    .slice(0, -1)
    .map(
      (column, i) =>
        Math.max(
          textWidth(doc, column.header, { size, bold: true }),
          ...rows.map((row) => textWidth(doc, row[i].text, { size, bold: row[i].bold })),
          ...rows.map((row) => textWidth(doc, row[i].detail ?? "", { size: size - 1 })),
        ) + pad,
    );
  widths[0] = Math.min(widths[0], WIDTH / 4);
  return { size, widths: [...widths, WIDTH - widths.reduce((total, width) => total + width, 0)] };
}

function cellHeight(doc: Doc, cell: Cell, width: number, size: number): number {
  const inner = width - 2 * CELL_PAD_X;
  const detail = cell.detail === undefined ? 0 : textHeight(doc, cell.detail, { size: size - 1 }, inner);
  return textHeight(doc, cell.text, { size, bold: cell.bold }, inner) + detail;
}

export function rowHeight(doc: Doc, cells: Cell[], fitted: FittedTable): number {
  return Math.max(...cells.map((cell, i) => cellHeight(doc, cell, fitted.widths[i], fitted.size))) + 2 * CELL_PAD_Y;
}

/** A row of the table `table`: its band and rule are artifacts, each cell a TH or TD. */
function drawRow(
  doc: Doc,
  table: PDFKit.PDFStructureElement,
  y: number,
  columns: Column[],
  cells: Cell[],
  fitted: FittedTable,
  height: number,
  header: boolean,
): void {
  if (header) artifact(doc, () => doc.rect(LEFT, y, WIDTH, height).fill(BAND));
  const row = structure(doc, "TR", table);
  let x = LEFT;
  cells.forEach((cell, i) => {
    const inner = fitted.widths[i] - 2 * CELL_PAD_X;
    const cellStyle = { size: fitted.size, bold: cell.bold, color: header ? ACCENT : INK };
    const left = x + CELL_PAD_X;
    tagged(
      doc,
      header ? "TH" : "TD",
      () => {
        drawText(doc, cell.text, left, y + CELL_PAD_Y, inner, cellStyle, columns[i].align);
        if (cell.detail === undefined) return;
        const below = y + CELL_PAD_Y + textHeight(doc, cell.text, cellStyle, inner);
        drawText(doc, cell.detail, left, below, inner, { size: fitted.size - 1, color: MUTED }, columns[i].align);
      },
      { parent: row },
    );
    x += fitted.widths[i];
  });
  artifact(doc, () =>
    doc
      .moveTo(LEFT, y + height)
      .lineTo(RIGHT, y + height)
      .lineWidth(header ? 0.8 : 0.4)
      .strokeColor(header ? ACCENT : RULE)
      .stroke(),
  );
}

export function drawTable(doc: Doc, flow: Flow, columns: Column[], rows: Cell[][], fitted: FittedTable, continued: string): void {
  const headerCells = columns.map((column) => ({ text: column.header, bold: true }));
  const headerHeight = rowHeight(doc, headerCells, fitted);
  const heights = rows.map((row) => rowHeight(doc, row, fitted));
  flow.room(headerHeight + (heights[0] ?? 0));
  const table = structure(doc, "Table");
  const header = () => {
    drawRow(doc, table, flow.y, columns, headerCells, fitted, headerHeight, true);
    flow.y += headerHeight;
  };
  header();
  rows.forEach((row, i) => {
    if (flow.room(heights[i])) {
      flow.heading(continued);
      header();
    }
    drawRow(doc, table, flow.y, columns, row, fitted, heights[i], false);
    flow.y += heights[i];
  });
}

// ---------------------------------------------------------------------------
// The document.

/** "Page N of M" on every page, once all pages exist, beside a line saying whose document it is. */
export function drawFooters(doc: Doc, footer: string): void {
  const { start, count } = doc.bufferedPageRange();
  const footerStyle = { size: 7.5, color: MUTED };
  const pageWidth = 70;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    artifact(
      doc,
      () => {
        doc
          .moveTo(LEFT, FOOTER_TOP - 5)
          .lineTo(RIGHT, FOOTER_TOP - 5)
          .lineWidth(0.4)
          .strokeColor(RULE)
          .stroke();
        drawText(doc, oneLine(doc, footer, footerStyle, WIDTH - pageWidth - 10), LEFT, FOOTER_TOP, WIDTH - pageWidth - 10, footerStyle);
        drawText(doc, `Page ${i - start + 1} of ${count}`, RIGHT - pageWidth, FOOTER_TOP, pageWidth, footerStyle, "right");
      },
      "Pagination",
    );
  }
}

export const PLAN_TITLE = "Hecla Mining Company Key Employee Deferred Compensation Plan";

export interface DocumentInfo {
  title: string;
  subject: string;
  /** The command that writes it: a later run recognises its own output by it. */
  creator: string;
  /** The document's creation and modification date: the same input always gives the same bytes. */
  date: string;
  /** Atop every page after the first. */
  runningHeader: string;
  /** Beside "Page N of M" at the foot of every page. */
  footer: string;
}

/**
 * A US Letter document drawn by `draw` down a Flow, with footers on every
 * page, as PDF bytes: tagged for screen readers (PDF/UA: every text in the
 * structure tree in reading order, every rule and footer an artifact), in
 * US English, titled, its fonts embedded. `text` is every text the document
 * may show, so the fonts its scripts need are loaded before drawing.
 */
export async function renderPdf(info: DocumentInfo, text: string, fonts: FontLoader, draw: (doc: Doc, flow: Flow) => void): Promise<Uint8Array> {
  const loaded = await loadDocumentFonts([info.title, info.runningHeader, info.footer, text].join("\n"), fonts);
  const stamp = new Date(`${info.date}T00:00:00Z`);
  const doc = new PDFDocument({
    size: "LETTER",
    margins: { top: TOP, left: LEFT, right: MARGIN, bottom: PDFKIT_BOTTOM_MARGIN },
    bufferPages: true,
    pdfVersion: "1.7",
    // pdfkit's types know only the PDF/A subsets.
    subset: "PDF/UA" as PDFKit.Mixins.PDFSubsets,
    tagged: true,
    lang: "en-US",
    displayTitle: true,
    // No standard font: every text is drawn in an embedded face.
    font: null as unknown as string,
    info: { Title: info.title, Author: PLAN_TITLE, Subject: info.subject, Creator: info.creator, CreationDate: stamp, ModDate: stamp },
  });
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
    doc.on("end", () => resolve(concatenated(chunks)));
    doc.on("error", reject);
    try {
      const root = doc.struct("Document");
      doc.addStructure(root);
      pages.set(doc, { type: new Typesetter(doc, loaded), root });
      draw(doc, new Flow(doc, info.runningHeader));
      drawFooters(doc, info.footer);
      root.end();
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

/** The chunks as one array of bytes (Buffer.concat is Node's; the task pane has none). */
function concatenated(chunks: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
