/**
 * The printed participant statement (STATEMENT.md, `dcp statement --pdf DIR`):
 * one US Letter PDF per participant that a person can read and file. Drawn
 * with pdfkit and its built-in Helvetica, so it needs no font file and no
 * network, and the same statement always gives the same bytes.
 */
import PDFDocument from "pdfkit";
import { DEFAULT_UNIT_PLACES, OPTION_PRICE_PLACES } from "../engine/constants";
import { dayNumber, parseIsoDate, type IsoDate } from "../engine/dates";
import { type Decimal, ZERO, dec } from "../engine/decimal";
import { invalidValue } from "../engine/errors";
import { formatShares, plural } from "../engine/format";
import { planSectionsThatApply } from "./statementSections";

// ---------------------------------------------------------------------------
// Input: one participant of `dcp statement --json`, plus the period and the
// value series the chart draws.

export type AccountKey = "DCA" | "CMSA" | "CSA" | "IA";

/** One account's line of the statement; units for DCA, CMSA and CSA, dollars for IA; `value` always dollars. */
export interface AccountFigures {
  opening: number;
  credited: number;
  dividends: number;
  splitAdjustment: number;
  interest: number;
  allocatedOut: number;
  closing: number;
  value: number;
}

export interface OptionGrantRow {
  grantDate: IsoDate;
  shares: number;
  exercisePrice: number;
  exercisableDate: IsoDate;
  value: number;
}

/** Exactly one element of `participants` in `dcp statement --json` (STATEMENT.md, "Command line"). */
export interface ParticipantStatement {
  participant: string;
  accounts: Record<AccountKey, AccountFigures>;
  options: OptionGrantRow[];
  totalValue: number;
}

/** The statement's total value (accounts and options, dollars) at the close of `date`. */
export interface ValuePoint {
  date: IsoDate;
  value: number;
}

export interface StatementPdfInput extends ParticipantStatement {
  from: IsoDate;
  to: IsoDate;
  /** For the chart: any dates within `from .. to`, in any order; empty draws no chart. */
  valueSeries: ValuePoint[];
}

/** The plan's four Accounts, in the plan's order, with what each is measured in (§1.1(a), §4.5). */
export const PLAN_ACCOUNTS: ReadonlyArray<{ key: AccountKey; name: string; measure: "units" | "dollars" }> = [
  { key: "DCA", name: "Deferred Compensation Account", measure: "units" },
  { key: "CMSA", name: "Company Matching Stock Account", measure: "units" },
  { key: "CSA", name: "Company Stock Account", measure: "units" },
  { key: "IA", name: "Investment Account", measure: "dollars" },
];

/** The statement's columns; a column that never moves an account of that measure prints a dash when zero. */
const ACCOUNT_COLUMNS: ReadonlyArray<{ field: keyof AccountFigures; header: string; movesUnits: boolean; movesDollars: boolean }> = [
  { field: "opening", header: "Opening", movesUnits: true, movesDollars: true },
  { field: "credited", header: "Credited", movesUnits: true, movesDollars: true },
  { field: "dividends", header: "Dividends", movesUnits: true, movesDollars: false },
  { field: "splitAdjustment", header: "Split adjustment", movesUnits: true, movesDollars: false },
  { field: "interest", header: "Interest", movesUnits: false, movesDollars: true },
  { field: "allocatedOut", header: "Allocated out", movesUnits: false, movesDollars: true },
  { field: "closing", header: "Closing", movesUnits: true, movesDollars: true },
];

export const PLAN_TITLE = "Hecla Mining Company Key Employee Deferred Compensation Plan";

// ---------------------------------------------------------------------------
// Checking the input: a statement that does not add up is refused, never printed.

function fail(statement: { participant?: unknown }, problem: string): never {
  const who = typeof statement.participant === "string" ? `statement for "${statement.participant}"` : "statement";
  throw invalidValue(`${who}: ${problem} (STATEMENT.md, "Output")`);
}

/** A value as a message shows it: NaN as NaN (JSON would say null), text in quotes. */
function shown(value: unknown): string {
  return typeof value === "number" || value === undefined ? String(value) : JSON.stringify(value);
}

function requireNumber(statement: StatementPdfInput, value: unknown, where: string): Decimal {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(statement, `${where} is ${shown(value)}, not a number`);
  return dec(value);
}

function requireDate(statement: StatementPdfInput, value: unknown, where: string): IsoDate {
  if (typeof value !== "string" || parseIsoDate(value) !== value) fail(statement, `${where} is ${shown(value)}, not a YYYY-MM-DD date`);
  return value;
}

const sum = (values: Decimal[]) => values.reduce((total, value) => total.plus(value), ZERO);

/**
 * Every figure a finite number and every date real; each account adds up
 * (opening + credited + dividends + split adjustment + interest − allocated out
 * = closing, exactly); the total value is the accounts' and options' values.
 */
function checkStatement(statement: StatementPdfInput): void {
  if (typeof statement.participant !== "string" || statement.participant.trim() === "") fail(statement, "participant has no name");
  const from = requireDate(statement, statement.from, "from");
  const to = requireDate(statement, statement.to, "to");
  if (from > to) fail(statement, `from ${from} is after to ${to}`);
  const values: Decimal[] = [];
  for (const { key } of PLAN_ACCOUNTS) {
    const account = statement.accounts?.[key];
    if (account === undefined || account === null) fail(statement, `accounts.${key} is missing`);
    const figure = (field: keyof AccountFigures) => requireNumber(statement, account[field], `accounts.${key}.${field}`);
    const closing = figure("opening")
      .plus(figure("credited"))
      .plus(figure("dividends"))
      .plus(figure("splitAdjustment"))
      .plus(figure("interest"))
      .minus(figure("allocatedOut"));
    if (!closing.equals(figure("closing")))
      fail(statement, `accounts.${key} does not add up: its movements give ${closing.toString()}, its closing is ${account.closing}`);
    values.push(figure("value"));
  }
  if (!Array.isArray(statement.options)) fail(statement, "options is not a list");
  statement.options.forEach((grant, i) => {
    requireDate(statement, grant?.grantDate, `options[${i}].grantDate`);
    requireDate(statement, grant.exercisableDate, `options[${i}].exercisableDate`);
    requireNumber(statement, grant.shares, `options[${i}].shares`);
    requireNumber(statement, grant.exercisePrice, `options[${i}].exercisePrice`);
    values.push(requireNumber(statement, grant.value, `options[${i}].value`));
  });
  const total = requireNumber(statement, statement.totalValue, "totalValue");
  if (!sum(values).equals(total)) fail(statement, `totalValue ${statement.totalValue} is not the accounts' and options' values, ${sum(values).toString()}`);
  if (!Array.isArray(statement.valueSeries)) fail(statement, "valueSeries is not a list");
  statement.valueSeries.forEach((point, i) => {
    const date = requireDate(statement, point?.date, `valueSeries[${i}].date`);
    if (date < from || date > to) fail(statement, `valueSeries[${i}].date ${date} is outside the period ${from} to ${to}`);
    requireNumber(statement, point.value, `valueSeries[${i}].value`);
  });
}

// ---------------------------------------------------------------------------
// How figures and dates read on paper.

function withThousands(fixed: string): string {
  const [whole, fraction] = fixed.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const grouped = whole.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped}.${fraction}`;
}

/** Exact decimal text at `places`, with thousands separators, never "-0". */
function fixed(value: Decimal, places: number): string {
  const rounded = value.toDecimalPlaces(places);
  return withThousands((rounded.isZero() ? ZERO : rounded).toFixed(places));
}

function dollarsAt(value: Decimal, places: number): string {
  const text = fixed(value, places);
  return text.startsWith("-") ? `-$${text.slice(1)}` : `$${text}`;
}

/** Units as the statement shows them: always six decimals, 1,234.500000. */
export function formatUnits(value: number): string {
  return fixed(dec(value), DEFAULT_UNIT_PLACES);
}

/** Dollars to the cent: $1,234.50, -$12.00. */
export function formatDollars(value: number): string {
  return dollarsAt(dec(value), 2);
}

/** An exercise price: cents, or up to four decimals when a split left more (STATEMENT.md, "Splits"). */
function formatPrice(value: number): string {
  const rounded = dec(value).toDecimalPlaces(OPTION_PRICE_PLACES);
  return dollarsAt(rounded, Math.max(2, rounded.decimalPlaces()));
}

const LONG_DATE = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

/** "December 31, 2003". */
export function formatLongDate(date: IsoDate): string {
  return LONG_DATE.format(new Date(`${date}T00:00:00Z`));
}

// The standard PDF fonts carry only the Windows-1252 (WinAnsi) characters: the
// printable ASCII and Latin-1 ranges plus these. Anything else is spelled
// without its accent where Unicode can take it off, else shown as "?".
const WIN_ANSI_EXTRAS = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const SPELLED_WITHOUT_ACCENT: Record<string, string> = { Ł: "L", ł: "l", Đ: "D", đ: "d", Ħ: "H", ħ: "h", ı: "i", "−": "-", "‐": "-", "‑": "-" };

function isWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(ch);
}

/** Text the built-in Helvetica can draw. */
export function printableText(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    if (isWinAnsi(ch)) out += ch;
    else if (/\s/u.test(ch)) out += " ";
    else {
      const bare = SPELLED_WITHOUT_ACCENT[ch] ?? ch.normalize("NFD").replace(/\p{M}/gu, "");
      out += bare !== "" && [...bare].every(isWinAnsi) ? bare : "?";
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// File names.

/** Longest file name kept, in characters before ".pdf": well inside the 255 bytes file systems allow, even in UTF-8. */
const MAX_FILE_NAME_CHARACTERS = 100;
const WINDOWS_DEVICE_NAMES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/**
 * A safe file name for a participant's statement: letters (accented too),
 * digits, spaces and `- _ ' ’ , . ( )` are kept; any other run of characters
 * (path separators, control characters, what Windows forbids) becomes "-";
 * never "..", never a leading or trailing dot or space. Two participants can
 * get the same name ("Ann/Lee" and "Ann-Lee"): the caller resolves that, for
 * example with `statementFileNames`.
 *
 * @example statementFileName("José Núñez") // "José Núñez.pdf"
 * @example statementFileName("../etc/passwd") // "etc-passwd.pdf"
 */
export function statementFileName(participant: string): string {
  const tidy = (text: string) =>
    text
      .replace(/\.{2,}/g, ".")
      .replace(/\s+/g, " ")
      .replace(/-{2,}/g, "-")
      .replace(/^[\s.-]+|[\s.-]+$/g, "");
  let base = tidy(participant.normalize("NFC").replace(/[^\p{L}\p{M}\p{N} \-_'’,.()]+/gu, "-"));
  base = tidy([...base].slice(0, MAX_FILE_NAME_CHARACTERS).join(""));
  if (base === "") base = "participant";
  if (WINDOWS_DEVICE_NAMES.test(base)) base = `${base}_`;
  return `${base}.pdf`;
}

/**
 * File names for several participants, in their order: a name another
 * participant's file already took, ignoring case as macOS and Windows do, gets
 * " (2)", " (3)" and so on.
 */
export function statementFileNames(participants: readonly string[]): string[] {
  const taken = new Set<string>();
  return participants.map((participant) => {
    const base = statementFileName(participant).slice(0, -".pdf".length);
    let name = `${base}.pdf`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n}).pdf`;
    taken.add(name.toLowerCase());
    return name;
  });
}

// ---------------------------------------------------------------------------
// Page layout, in points (1/72 inch).

const LETTER = { width: 612, height: 792 };
const MARGIN = 45;
const LEFT = MARGIN;
const RIGHT = LETTER.width - MARGIN;
const WIDTH = RIGHT - LEFT;
const TOP = MARGIN;
/** Content stops here; the footer sits below, inside pdfkit's own bottom margin so it never starts a page. */
const CONTENT_BOTTOM = LETTER.height - 64;
const FOOTER_TOP = LETTER.height - 46;
const PDFKIT_BOTTOM_MARGIN = 28;

const INK = "#1a1a1a";
const MUTED = "#5c5c5c";
const RULE = "#b5b5b5";
const ACCENT = "#1f3a5f";
const BAND = "#e8edf3";
const REGULAR = "Helvetica";
const BOLD = "Helvetica-Bold";

const CELL_PAD_X = 3;
const CELL_PAD_Y = 3;

type Doc = PDFKit.PDFDocument;

interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
}

function style(doc: Doc, { size, bold, color }: TextStyle): Doc {
  return doc
    .font(bold ? BOLD : REGULAR)
    .fontSize(size)
    .fillColor(color ?? INK);
}

function textHeight(doc: Doc, text: string, textStyle: TextStyle, width: number): number {
  return style(doc, textStyle).heightOfString(printableText(text), { width });
}

function textWidth(doc: Doc, text: string, textStyle: TextStyle): number {
  return style(doc, textStyle).widthOfString(printableText(text));
}

function write(doc: Doc, text: string, x: number, y: number, width: number, textStyle: TextStyle, align: "left" | "right" = "left"): void {
  style(doc, textStyle).text(printableText(text), x, y, { width, align });
}

/** Shortened with "…" to at most `lines` lines of `width`: for the places that have room for so much and no more. */
function fitLines(doc: Doc, text: string, textStyle: TextStyle, width: number, lines: number): string {
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
function oneLine(doc: Doc, text: string, textStyle: TextStyle, width: number): string {
  return fitLines(doc, text, textStyle, width, 1);
}

/** The vertical position down the page, starting a new page when the next block would not fit. */
class Flow {
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
    write(this.doc, oneLine(this.doc, this.runningHeader, headerStyle, WIDTH), LEFT, TOP, WIDTH, headerStyle);
    this.y = TOP + 18;
    return true;
  }

  heading(text: string, spaceAfter = 5): void {
    const headingStyle = { size: 11, bold: true, color: ACCENT };
    write(this.doc, text, LEFT, this.y, WIDTH, headingStyle);
    this.y += textHeight(this.doc, text, headingStyle, WIDTH) + spaceAfter;
  }
}

// ---------------------------------------------------------------------------
// Tables: columns sized to their contents, rows as tall as their tallest cell,
// the header repeated on every page a table reaches.

interface Column {
  header: string;
  align: "left" | "right";
}

interface Cell {
  text: string;
  /** A smaller grey second line, such as an account's key. */
  detail?: string;
  bold?: boolean;
}

interface FittedTable {
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
function fitTable(doc: Doc, columns: Column[], rows: Cell[][], sizes: number[]): FittedTable {
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

function cellHeight(doc: Doc, cell: Cell, width: number, size: number): number {
  const inner = width - 2 * CELL_PAD_X;
  const detail = cell.detail === undefined ? 0 : textHeight(doc, cell.detail, { size: size - 1 }, inner);
  return textHeight(doc, cell.text, { size, bold: cell.bold }, inner) + detail;
}

function rowHeight(doc: Doc, cells: Cell[], fitted: FittedTable): number {
  return Math.max(...cells.map((cell, i) => cellHeight(doc, cell, fitted.widths[i], fitted.size))) + 2 * CELL_PAD_Y;
}

function drawRow(doc: Doc, y: number, columns: Column[], cells: Cell[], fitted: FittedTable, height: number, header: boolean): void {
  if (header) doc.rect(LEFT, y, WIDTH, height).fill(BAND);
  let x = LEFT;
  cells.forEach((cell, i) => {
    const inner = fitted.widths[i] - 2 * CELL_PAD_X;
    const cellStyle = { size: fitted.size, bold: cell.bold, color: header ? ACCENT : INK };
    write(doc, cell.text, x + CELL_PAD_X, y + CELL_PAD_Y, inner, cellStyle, columns[i].align);
    if (cell.detail !== undefined) {
      const below = y + CELL_PAD_Y + textHeight(doc, cell.text, cellStyle, inner);
      write(doc, cell.detail, x + CELL_PAD_X, below, inner, { size: fitted.size - 1, color: MUTED }, columns[i].align);
    }
    x += fitted.widths[i];
  });
  doc
    .moveTo(LEFT, y + height)
    .lineTo(RIGHT, y + height)
    .lineWidth(header ? 0.8 : 0.4)
    .strokeColor(header ? ACCENT : RULE)
    .stroke();
}

function drawTable(doc: Doc, flow: Flow, columns: Column[], rows: Cell[][], fitted: FittedTable, continued: string): void {
  const headerCells = columns.map((column) => ({ text: column.header, bold: true }));
  const headerHeight = rowHeight(doc, headerCells, fitted);
  const header = () => {
    drawRow(doc, flow.y, columns, headerCells, fitted, headerHeight, true);
    flow.y += headerHeight;
  };
  const heights = rows.map((row) => rowHeight(doc, row, fitted));
  flow.room(headerHeight + (heights[0] ?? 0));
  header();
  rows.forEach((row, i) => {
    if (flow.room(heights[i])) {
      flow.heading(continued);
      header();
    }
    drawRow(doc, flow.y, columns, row, fitted, heights[i], false);
    flow.y += heights[i];
  });
}

// ---------------------------------------------------------------------------
// The statement's parts, top to bottom.

function drawTitle(doc: Doc, flow: Flow, statement: StatementPdfInput): void {
  const title = `${PLAN_TITLE} — Participant statement`;
  const titleStyle = { size: 11.5, bold: true, color: ACCENT };
  write(doc, title, LEFT, flow.y, WIDTH, titleStyle);
  flow.y += textHeight(doc, title, titleStyle, WIDTH) + 4;
  doc.moveTo(LEFT, flow.y).lineTo(RIGHT, flow.y).lineWidth(1).strokeColor(ACCENT).stroke();
  flow.y += 10;

  const totalWidth = 170;
  const nameWidth = WIDTH - totalWidth - 10;
  const nameStyle = { size: 17, bold: true };
  const periodStyle = { size: 9.5, color: MUTED };
  const period = `Statement period: ${formatLongDate(statement.from)} to ${formatLongDate(statement.to)}`;
  const top = flow.y;
  const name = fitLines(doc, statement.participant, nameStyle, nameWidth, 3);
  write(doc, name, LEFT, top, nameWidth, nameStyle);
  const nameHeight = textHeight(doc, name, nameStyle, nameWidth);
  write(doc, period, LEFT, top + nameHeight + 3, nameWidth, periodStyle);
  const left = nameHeight + 3 + textHeight(doc, period, periodStyle, nameWidth);

  const labelStyle = { size: 8, color: MUTED };
  const label = `Total value on ${formatLongDate(statement.to)}`;
  const totalStyle = { size: 15, bold: true };
  const total = formatDollars(statement.totalValue);
  write(doc, label, RIGHT - totalWidth, top + 2, totalWidth, labelStyle, "right");
  const labelHeight = textHeight(doc, label, labelStyle, totalWidth);
  write(doc, total, RIGHT - totalWidth, top + 2 + labelHeight + 2, totalWidth, totalStyle, "right");
  const right = 2 + labelHeight + 2 + textHeight(doc, total, totalStyle, totalWidth);
  flow.y = top + Math.max(left, right) + 16;
}

function figureCell(account: AccountFigures, measure: "units" | "dollars", column: (typeof ACCOUNT_COLUMNS)[number]): Cell {
  const value = account[column.field];
  const moves = measure === "units" ? column.movesUnits : column.movesDollars;
  if (value === 0 && !moves) return { text: "—" };
  return { text: measure === "units" ? formatUnits(value) : formatDollars(value), bold: column.field === "closing" };
}

function drawAccounts(doc: Doc, flow: Flow, statement: StatementPdfInput): void {
  const columns: Column[] = [
    { header: "Account", align: "left" },
    ...ACCOUNT_COLUMNS.map((column) => ({ header: column.header, align: "right" as const })),
    { header: "Value", align: "right" },
  ];
  const rows: Cell[][] = PLAN_ACCOUNTS.map(({ key, name, measure }) => {
    const account = statement.accounts[key];
    return [
      { text: name, detail: `${key} · ${measure}` },
      ...ACCOUNT_COLUMNS.map((column) => figureCell(account, measure, column)),
      { text: formatDollars(account.value), bold: true },
    ];
  });
  const fitted = fitTable(doc, columns, rows, [8, 7.5, 7, 6.5, 6]);
  const note =
    "Units are in the Deferred Compensation, Company Matching Stock and Company Stock Accounts, each unit measured by one share of " +
    "Common Stock; the Investment Account is in dollars (§4.5). Opening + credited + dividends + split adjustment + interest − allocated " +
    `out = closing. Value: units at the closing price on ${formatLongDate(statement.to)} (or the last Business Day before it); the Investment Account at its balance.`;
  const noteStyle = { size: 7.5, color: MUTED };
  const noteHeight = textHeight(doc, note, noteStyle, WIDTH);
  const tableHeight =
    rowHeight(
      doc,
      columns.map((c) => ({ text: c.header, bold: true })),
      fitted,
    ) + rows.reduce((total, row) => total + rowHeight(doc, row, fitted), 0);
  flow.room(20 + tableHeight + noteHeight + 6);
  flow.heading("Accounts");
  drawTable(doc, flow, columns, rows, fitted, "Accounts (continued)");
  flow.y += 5;
  write(doc, note, LEFT, flow.y, WIDTH, noteStyle);
  flow.y += noteHeight + 16;
}

function drawOptions(doc: Doc, flow: Flow, statement: StatementPdfInput): void {
  const columns: Column[] = [
    { header: "Grant date", align: "left" },
    { header: "Shares", align: "right" },
    { header: "Exercise price", align: "right" },
    { header: "Exercisable on", align: "right" },
    { header: "Value", align: "right" },
  ];
  const grants = [...statement.options].sort((a, b) => (a.grantDate < b.grantDate ? -1 : a.grantDate > b.grantDate ? 1 : 0));
  const rows: Cell[][] = grants.map((grant) => [
    { text: formatLongDate(grant.grantDate) },
    { text: formatShares(grant.shares, 0) },
    { text: formatPrice(grant.exercisePrice) },
    { text: formatLongDate(grant.exercisableDate) },
    { text: formatDollars(grant.value) },
  ]);
  const bodyStyle = { size: 9 };
  if (rows.length === 0) {
    flow.room(40);
    flow.heading("Options");
    write(doc, "No options granted.", LEFT, flow.y, WIDTH, bodyStyle);
    flow.y += textHeight(doc, "No options granted.", bodyStyle, WIDTH) + 8;
  } else {
    const fitted = fitTable(doc, columns, rows, [9, 8.5, 8, 7.5, 7, 6.5, 6]);
    flow.room(
      20 +
        rowHeight(
          doc,
          columns.map((c) => ({ text: c.header, bold: true })),
          fitted,
        ) +
        rowHeight(doc, rows[0], fitted),
    );
    flow.heading("Options");
    drawTable(doc, flow, columns, rows, fitted, "Options (continued)");
    flow.y += 8;
  }

  const accounts = sum(PLAN_ACCOUNTS.map(({ key }) => dec(statement.accounts[key].value)));
  const options = sum(statement.options.map((grant) => dec(grant.value)));
  const lines: Array<[string, string, boolean]> = [
    ["Accounts", dollarsAt(accounts, 2), false],
    [statement.options.length === 0 ? "Options" : `Options (${plural(statement.options.length, "grant")})`, dollarsAt(options, 2), false],
    [`Total value on ${formatLongDate(statement.to)}`, formatDollars(statement.totalValue), true],
  ];
  const labelWidth = 220;
  const amountWidth = 130;
  const lineHeight = 14;
  flow.room(lines.length * lineHeight + 4);
  for (const [label, amount, total] of lines) {
    const lineStyle = { size: total ? 10 : 9, bold: total };
    if (total) {
      doc
        .moveTo(RIGHT - labelWidth - amountWidth, flow.y - 2)
        .lineTo(RIGHT, flow.y - 2)
        .lineWidth(0.6)
        .strokeColor(INK)
        .stroke();
      flow.y += 2;
    }
    write(doc, oneLine(doc, label, lineStyle, labelWidth), RIGHT - labelWidth - amountWidth, flow.y, labelWidth, lineStyle);
    write(doc, oneLine(doc, amount, lineStyle, amountWidth), RIGHT - amountWidth, flow.y, amountWidth, lineStyle, "right");
    flow.y += lineHeight;
  }
  flow.y += 12;
}

const CHART_HEIGHT = 150;

/** The chart in words, for whoever cannot see it and for text search: where the value started and ended, and its low and high. */
function valueCaption(points: ValuePoint[], low: number, high: number): string {
  const at = (point: ValuePoint) => `${formatDollars(point.value)} on ${formatLongDate(point.date)}`;
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length === 1) return `Total value of the accounts and options: ${at(first)}.`;
  const range =
    low === high ? "" : `; low ${at(points[points.findIndex((p) => p.value === low)])}, high ${at(points[points.findIndex((p) => p.value === high)])}`;
  return `Total value of the accounts and options: ${at(first)}, ${at(last)}${range}.`;
}

/** The value over the period as a line: the period along the bottom, dollars up the side, labelled at the low and the high. */
function drawValueChart(doc: Doc, flow: Flow, statement: StatementPdfInput): void {
  const points = [...statement.valueSeries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const captionStyle = { size: 8, color: MUTED };
  if (points.length === 0) {
    flow.room(40);
    flow.heading("Value over the period");
    write(doc, "No values recorded in the period.", LEFT, flow.y, WIDTH, captionStyle);
    flow.y += 22;
    return;
  }
  // A fold, not Math.min(...values): a long period's points must not overflow the call stack.
  const low = points.reduce((least, point) => Math.min(least, point.value), Infinity);
  const high = points.reduce((most, point) => Math.max(most, point.value), -Infinity);
  const first = points[0];
  const last = points[points.length - 1];
  const caption = valueCaption(points, low, high);
  const captionHeight = textHeight(doc, caption, captionStyle, WIDTH);
  flow.room(20 + CHART_HEIGHT + captionHeight + 8);
  flow.heading("Value over the period", 8);

  const axisStyle = { size: 7.5, color: MUTED };
  const highLabel = formatDollars(high);
  const lowLabel = formatDollars(low);
  const labelWidth = Math.max(textWidth(doc, highLabel, axisStyle), textWidth(doc, lowLabel, axisStyle));
  const plot = { left: LEFT + labelWidth + 8, right: RIGHT - 4, top: flow.y + 4, bottom: flow.y + CHART_HEIGHT - 18 };
  // The line stays clear of the frame: the low and the high sit a little inside it.
  const inset = 8;
  const start = dayNumber(statement.from);
  const days = dayNumber(statement.to) - start;
  const xOf = (date: IsoDate) => (days === 0 ? (plot.left + plot.right) / 2 : plot.left + ((dayNumber(date) - start) / days) * (plot.right - plot.left));
  const yOf = (value: number) =>
    high === low ? (plot.top + plot.bottom) / 2 : plot.bottom - inset - ((value - low) / (high - low)) * (plot.bottom - plot.top - 2 * inset);

  doc.save();
  const levels = high === low ? [high] : [high, low];
  for (const level of levels) {
    doc.moveTo(plot.left, yOf(level)).lineTo(plot.right, yOf(level)).lineWidth(0.4).dash(2, { space: 2 }).strokeColor(RULE).stroke().undash();
    const label = formatDollars(level);
    write(doc, label, LEFT, yOf(level) - 3.5, labelWidth, axisStyle, "right");
  }
  doc.moveTo(plot.left, plot.top).lineTo(plot.left, plot.bottom).lineTo(plot.right, plot.bottom).lineWidth(0.8).strokeColor(INK).stroke();

  const floor = plot.bottom;
  doc.moveTo(xOf(first.date), floor);
  for (const point of points) doc.lineTo(xOf(point.date), yOf(point.value));
  doc.lineTo(xOf(last.date), floor).closePath().fillOpacity(0.12).fill(ACCENT).fillOpacity(1);

  if (points.length === 1) {
    doc.circle(xOf(first.date), yOf(first.value), 2).fill(ACCENT);
  } else {
    doc.moveTo(xOf(first.date), yOf(first.value));
    for (const point of points.slice(1)) doc.lineTo(xOf(point.date), yOf(point.value));
    doc.lineWidth(1.3).lineJoin("round").strokeColor(ACCENT).stroke();
  }
  doc.restore();

  const dateWidth = (plot.right - plot.left) / 2;
  write(doc, formatLongDate(statement.from), plot.left, plot.bottom + 4, dateWidth, axisStyle);
  write(doc, formatLongDate(statement.to), plot.right - dateWidth, plot.bottom + 4, dateWidth, axisStyle, "right");
  flow.y += CHART_HEIGHT;
  write(doc, caption, LEFT, flow.y, WIDTH, captionStyle);
  flow.y += captionHeight + 16;
}

function drawSections(doc: Doc, flow: Flow, statement: StatementPdfInput): void {
  const sections = planSectionsThatApply(statement);
  const citeWidth = 104;
  const gap = 8;
  const bodyWidth = WIDTH - citeWidth - gap;
  const citeStyle = { size: 8.5, bold: true, color: ACCENT };
  const titleStyle = { size: 8.5, bold: true };
  const bodyStyle = { size: 8.5 };
  const heights = sections.map((s) =>
    Math.max(
      textHeight(doc, s.section, citeStyle, citeWidth),
      textHeight(doc, s.title, titleStyle, bodyWidth) + 1 + textHeight(doc, s.text, bodyStyle, bodyWidth),
    ),
  );
  flow.room(20 + heights[0]);
  flow.heading("Plan sections that apply", 6);
  sections.forEach((s, i) => {
    if (flow.room(heights[i])) flow.heading("Plan sections that apply (continued)", 6);
    write(doc, s.section, LEFT, flow.y, citeWidth, citeStyle);
    write(doc, s.title, LEFT + citeWidth + gap, flow.y, bodyWidth, titleStyle);
    write(doc, s.text, LEFT + citeWidth + gap, flow.y + textHeight(doc, s.title, titleStyle, bodyWidth) + 1, bodyWidth, bodyStyle);
    flow.y += heights[i] + 7;
  });
}

/** "Page N of M" on every page, once all pages exist. */
function drawFooters(doc: Doc, statement: StatementPdfInput): void {
  const { start, count } = doc.bufferedPageRange();
  const footerStyle = { size: 7.5, color: MUTED };
  const pageWidth = 70;
  const left = `${statement.participant} — statement for ${formatLongDate(statement.from)} to ${formatLongDate(statement.to)}`;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    doc
      .moveTo(LEFT, FOOTER_TOP - 5)
      .lineTo(RIGHT, FOOTER_TOP - 5)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke();
    write(doc, oneLine(doc, left, footerStyle, WIDTH - pageWidth - 10), LEFT, FOOTER_TOP, WIDTH - pageWidth - 10, footerStyle);
    write(doc, `Page ${i - start + 1} of ${count}`, RIGHT - pageWidth, FOOTER_TOP, pageWidth, footerStyle, "right");
  }
}

/**
 * One participant's statement as a PDF: the plan and period, the four
 * Accounts, the options, the total value, the value over the period as a
 * chart, the plan sections that apply and "Page N of M" on every page. The
 * document's dates are the statement's `to` date, so rendering the same
 * statement twice gives the same bytes. A statement whose figures do not add
 * up is refused with a `#VALUE!` PlanError naming the figure.
 */
export async function renderStatementPdf(statement: StatementPdfInput): Promise<Buffer> {
  checkStatement(statement);
  const stamp = new Date(`${statement.to}T00:00:00Z`);
  const doc = new PDFDocument({
    size: "LETTER",
    margins: { top: TOP, left: LEFT, right: MARGIN, bottom: PDFKIT_BOTTOM_MARGIN },
    bufferPages: true,
    pdfVersion: "1.4",
    lang: "en-US",
    displayTitle: true,
    info: {
      Title: `Participant statement — ${statement.participant} — ${statement.from} to ${statement.to}`,
      Author: PLAN_TITLE,
      Subject: "The participant's Accounts and options under the plan for the period",
      Creator: "dcp statement",
      CreationDate: stamp,
      ModDate: stamp,
    },
  });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    try {
      const flow = new Flow(
        doc,
        `${statement.participant} — participant statement, ${formatLongDate(statement.from)} to ${formatLongDate(statement.to)} (continued)`,
      );
      drawTitle(doc, flow, statement);
      drawAccounts(doc, flow, statement);
      drawOptions(doc, flow, statement);
      drawValueChart(doc, flow, statement);
      drawSections(doc, flow, statement);
      drawFooters(doc, statement);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}
