/**
 * The printed participant statement (STATEMENT.md, `dcp statement --pdf DIR`):
 * one US Letter PDF per participant that a person can read and file. Drawn
 * with pdfkit and its built-in Helvetica, so it needs no font file and no
 * network, and the same statement always gives the same bytes.
 */
import { dayNumber, parseIsoDate, type IsoDate } from "../engine/dates";
import { type Decimal, ZERO, dec } from "../engine/decimal";
import { invalidValue } from "../engine/errors";
import { ACCOUNT_MOVEMENTS, type AccountLineField } from "../engine/statement";
import { formatShares, plural } from "../engine/format";
import { dollarsAt, formatDollars, formatLongDate, formatPrice, formatUnits } from "./format";
import {
  ACCENT,
  artifact,
  type Cell,
  type Column,
  type Doc,
  drawTable,
  fitLastColumnWide,
  fitLines,
  fitTable,
  type Flow,
  INK,
  LEFT,
  MUTED,
  oneLine,
  PLAN_TITLE,
  renderPdf,
  RIGHT,
  RULE,
  rowHeight,
  textHeight,
  textWidth,
  WIDTH,
  drawText,
  tagged,
  write,
} from "./page";
import { STATEMENT_CREATOR } from "./fileNames";
import type { FontLoader } from "./fonts";
import { PLAN_ACCOUNTS, type AccountFigures, type StatementPdfInput, type ValuePoint } from "./statementInput";
import { planSectionsThatApply } from "./statementSections";

/** Columns that never move an account measured in units, or in dollars: a zero there prints as a dash. */
const MOVES_NO_UNITS: ReadonlySet<AccountLineField> = new Set(["interest", "allocatedOut"]);
const MOVES_NO_DOLLARS: ReadonlySet<AccountLineField> = new Set(["dividends", "splitAdjustment"]);

/**
 * The accounts table's figures, from opening to closing, taken from the list
 * every statement output shares (a column added there prints here too);
 * `value` is the table's last column, apart.
 */
const ACCOUNT_COLUMNS = ACCOUNT_MOVEMENTS.map(([field, header]) => ({
  field,
  header,
  movesUnits: !MOVES_NO_UNITS.has(field),
  movesDollars: !MOVES_NO_DOLLARS.has(field),
}));

/** "Opening + credited + … − allocated out = closing", from the columns. */
function movementsSentence(): string {
  const [opening, ...rest] = ACCOUNT_COLUMNS.filter(({ field }) => field !== "closing");
  const terms = rest.map(({ field, header }) => `${isOutflow(field) ? "−" : "+"} ${header.toLowerCase()}`);
  return `${opening.header} ${terms.join(" ")} = closing`;
}

/** Columns that take out of an account ("allocated out", "paid out"): the movements subtract them, whatever they are. */
const isOutflow = (field: AccountLineField) => field.endsWith("Out");

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
    const closing = ACCOUNT_COLUMNS.filter(({ field }) => field !== "opening" && field !== "closing").reduce(
      (total, { field }) => (isOutflow(field) ? total.minus(figure(field)) : total.plus(figure(field))),
      figure("opening"),
    );
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
// The statement's parts, top to bottom.

function drawTitle(doc: Doc, flow: Flow, statement: StatementPdfInput): void {
  flow.title(`${PLAN_TITLE} — Participant statement`);

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
    `Common Stock; the Investment Account is in dollars (§4.5). ${movementsSentence()}. Value: units at the closing price on ${formatLongDate(statement.to)} (or the last Business Day before it); the Investment Account at its balance.`;
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
      const rule = flow.y - 2;
      artifact(doc, () =>
        doc
          .moveTo(RIGHT - labelWidth - amountWidth, rule)
          .lineTo(RIGHT, rule)
          .lineWidth(0.6)
          .strokeColor(INK)
          .stroke(),
      );
      flow.y += 2;
    }
    write(doc, oneLine(doc, label, lineStyle, labelWidth), RIGHT - labelWidth - amountWidth, flow.y, labelWidth, lineStyle);
    write(doc, oneLine(doc, amount, lineStyle, amountWidth), RIGHT - amountWidth, flow.y, amountWidth, lineStyle, "right");
    flow.y += lineHeight;
  }
  flow.y += 12;
}

/**
 * What the statement left out or warns about (issue 19): each finding with its
 * cell, so the person reading it sees why a credit or an allocation they
 * expected is not in the figures above.
 */
function drawFindings(doc: Doc, flow: Flow, statement: StatementPdfInput): void {
  const findings = statement.findings ?? [];
  if (findings.length === 0) return;
  const columns: Column[] = [
    { header: "Cell", align: "left" },
    { header: "Rule", align: "left" },
    { header: "Severity", align: "left" },
    { header: "Finding", align: "left" },
  ];
  const rows: Cell[][] = findings.map((finding) => [
    { text: `${finding.sheet}!${finding.cell}` },
    { text: finding.rule, detail: finding.section === "—" ? undefined : `§${finding.section.replace(/^§/, "")}` },
    { text: finding.severity },
    { text: finding.message },
  ]);
  const errors = findings.filter((finding) => finding.severity === "error").length;
  const warned = findings.length - errors;
  const counted = warned === 0 ? "" : ` The ${plural(warned, "warning")} ${warned === 1 ? "is" : "are"} about records that are in the figures above.`;
  const intro =
    errors > 0
      ? `${plural(errors, "record")} of this participant's could not be applied and ${errors === 1 ? "is" : "are"} not in the figures above; correct the cell named and state again.${counted}`
      : "Warnings about this participant's records; every record is in the figures above.";
  const introStyle = { size: 8.5 };
  const fitted = fitLastColumnWide(doc, columns, rows, 8);
  flow.room(20 + textHeight(doc, intro, introStyle, WIDTH) + 6 + rowHeight(doc, rows[0], fitted) * 2);
  flow.heading("Findings");
  write(doc, intro, LEFT, flow.y, WIDTH, introStyle);
  flow.y += textHeight(doc, intro, introStyle, WIDTH) + 6;
  drawTable(doc, flow, columns, rows, fitted, "Findings (continued)");
  flow.y += 14;
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

  // The chart is one figure; its words are the caption below, read in its place.
  tagged(
    doc,
    "Figure",
    () => {
      doc.save();
      const levels = high === low ? [high] : [high, low];
      for (const level of levels) {
        doc.moveTo(plot.left, yOf(level)).lineTo(plot.right, yOf(level)).lineWidth(0.4).dash(2, { space: 2 }).strokeColor(RULE).stroke().undash();
        const label = formatDollars(level);
        drawText(doc, label, LEFT, yOf(level) - 3.5, labelWidth, axisStyle, "right");
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
      drawText(doc, formatLongDate(statement.from), plot.left, plot.bottom + 4, dateWidth, axisStyle);
      drawText(doc, formatLongDate(statement.to), plot.right - dateWidth, plot.bottom + 4, dateWidth, axisStyle, "right");
    },
    { alt: caption },
  );
  flow.y += CHART_HEIGHT;
  write(doc, caption, LEFT, flow.y, WIDTH, captionStyle, "left", "Caption");
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

/**
 * One participant's statement as a PDF: the plan and period, the four
 * Accounts, the options, the total value, the value over the period as a
 * chart, the plan sections that apply and "Page N of M" on every page. The
 * document's dates are the statement's `to` date, so rendering the same
 * statement twice gives the same bytes. A statement whose figures do not add
 * up is refused with a `#VALUE!` PlanError naming the figure.
 */
export async function renderStatementPdf(statement: StatementPdfInput, fonts: FontLoader): Promise<Uint8Array> {
  checkStatement(statement);
  const period = `${formatLongDate(statement.from)} to ${formatLongDate(statement.to)}`;
  return renderPdf(
    {
      title: `Participant statement — ${statement.participant} — ${statement.from} to ${statement.to}`,
      subject: "The participant's Accounts and options under the plan for the period",
      creator: STATEMENT_CREATOR,
      date: statement.to,
      runningHeader: `${statement.participant} — participant statement, ${period} (continued)`,
      footer: `${statement.participant} — statement for ${period}`,
    },
    JSON.stringify(statement),
    fonts,
    (doc, flow) => {
      drawTitle(doc, flow, statement);
      drawAccounts(doc, flow, statement);
      drawOptions(doc, flow, statement);
      drawFindings(doc, flow, statement);
      drawValueChart(doc, flow, statement);
      drawSections(doc, flow, statement);
    },
  );
}
