/**
 * The sheets the add-in owns and recreates: `DCP Validation` (findings, each
 * linked to its cell), `DCP Reserve` (the running ledger and a chart) and
 * `DCP OCF` (an Open Cap Format package, line by line, where no download works).
 * Rows go in chunks within a round trip's budget; the table goes on last,
 * over the whole block.
 */
import { isoDateToSerial } from "../../engine/dates";
import type { Finding } from "../../engine/findings";
import { columnLetter } from "../../sheets/grid";
import { blockFromA1, quoteSheet } from "./addresses";
import { COMMAND_BYTES, jsonBytes, RoundTrips, runs } from "./batch";
import { VALIDATION_SHEET } from "./read";
import type { PackageLine } from "../ocf-package";
import { uniqueTableName } from "../names";
import { asText, linkFormula } from "./values";

export { VALIDATION_SHEET };
export const RESERVE_SHEET = "DCP Reserve";

export interface LocatedFinding extends Finding {
  sheet: string;
  address: string;
}

/** Office.js errors carry a code; the ones that mean "the workbook changed since it was read". */
function isStale(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "ItemNotFound" || code === "ItemAlreadyExists" || code === "InvalidArgument";
}

export { uniqueTableName } from "../names";

/** Whether a sheet exists, and the names tables and defined names already use. */
interface Surroundings {
  exists: boolean;
  names: string[];
}

async function lookAround(context: Excel.RequestContext, sheet: string): Promise<Surroundings> {
  const existing = context.workbook.worksheets.getItemOrNullObject(sheet);
  existing.load("name");
  const tables = context.workbook.tables;
  tables.load("items/name");
  const names = context.workbook.names;
  names.load("items/name");
  await context.sync();
  return { exists: !existing.isNullObject, names: [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)] };
}

interface OwnedSheet {
  sheet: string;
  table: string;
  header: string[];
  /** Each row as written through `formulas`: numbers, escaped text, link formulas. */
  rows: unknown[][];
  /** A number format per column, where one is needed. */
  formats?: string[];
  widths: number[];
  /** Queued after the table, in the last round trip. */
  finish?: (sheet: Excel.Worksheet, lastRow: number) => void;
}

/** Replaces the sheet with the rows as a formatted table, in as many round trips as the rows need. */
async function writeOwnedSheet(context: Excel.RequestContext, owned: OwnedSheet, around: Surroundings): Promise<void> {
  const trips = new RoundTrips(context);
  const sheets = context.workbook.worksheets;
  if (around.exists) sheets.getItem(owned.sheet).delete();
  const sheet = sheets.add(owned.sheet);
  const width = owned.header.length;
  sheet.getRange(blockFromA1(width, 1)).formulas = [owned.header.map(asText)];
  owned.widths.forEach((w, c) => (sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = w * 7));
  const formats = owned.formats;
  const rowBytes = (i: number) => jsonBytes(owned.rows[i]) + (formats ? jsonBytes(formats) : 0);
  for (const [start, end] of runs(owned.rows.length, rowBytes)) {
    let bytes = COMMAND_BYTES;
    for (let i = start; i < end; i++) bytes += rowBytes(i);
    await trips.queue({ bytes: bytes + COMMAND_BYTES }, () => {
      const block = sheet.getRange(`A${start + 2}:${columnLetter(width - 1)}${end + 1}`);
      if (formats) block.numberFormat = owned.rows.slice(start, end).map(() => formats);
      block.formulas = owned.rows.slice(start, end);
    });
  }
  const lastRow = owned.rows.length + 1;
  await trips.queue({ bytes: 4 * COMMAND_BYTES }, () => {
    const table = sheet.tables.add(sheet.getRange(blockFromA1(width, lastRow)), true);
    table.name = uniqueTableName(owned.table, around.names);
    owned.finish?.(sheet, lastRow);
    sheet.activate();
  });
  await trips.send();
}

/**
 * Writes a sheet the add-in owns, given what it knew of the workbook; should
 * the workbook have changed since, it looks again and writes once more.
 */
async function replaceOwnedSheet(owned: OwnedSheet, known?: Surroundings): Promise<void> {
  const write = (around?: Surroundings) => Excel.run(async (context) => writeOwnedSheet(context, owned, around ?? (await lookAround(context, owned.sheet))));
  try {
    await write(known);
  } catch (error) {
    if (!known || !isStale(error)) throw error;
    await write();
  }
}

/**
 * Replaces the add-in's own `DCP Validation` sheet with the findings as a
 * table, each linked to its cell. `reportExists` comes from the read, so a
 * report of up to some 20,000 findings is one round trip.
 */
export async function writeValidationReport(findings: readonly LocatedFinding[], reportExists: boolean): Promise<void> {
  await replaceOwnedSheet(
    {
      sheet: VALIDATION_SHEET,
      table: "DCPValidation",
      header: ["Row", "Cell", "Column", "Rule", "Section", "Severity", "Message"],
      rows: findings.map((f) => [
        f.row,
        linkFormula(`${quoteSheet(f.sheet)}!${f.address}`, f.address),
        asText(f.column),
        asText(f.rule),
        asText(f.section),
        asText(f.severity),
        asText(f.message),
      ]),
      widths: [6, 8, 24, 6, 18, 9, 90],
    },
    { exists: reportExists, names: [] },
  );
}

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

const SHARES = "#,##0.######";

/** Replaces the add-in's own `DCP Reserve` sheet: the running ledger as a table and a chart of shares remaining. */
export async function writeReserveReport(lines: readonly ReserveReportLine[]): Promise<void> {
  await replaceOwnedSheet({
    sheet: RESERVE_SHEET,
    table: "DCPReserve",
    header: ["Date", "Remaining", "Used", "Reserve", "Kind", "Quantity", "Participant", "Reference", "Source", "Reported Remaining"],
    rows: lines.map((l) => [
      isoDateToSerial(l.date),
      l.remaining,
      l.used,
      l.reserve,
      asText(l.kind),
      l.quantity,
      asText(l.participant),
      asText(l.reference),
      asText(l.source),
      l.reported,
    ]),
    formats: ["yyyy-mm-dd", SHARES, SHARES, SHARES, "General", SHARES, "General", "General", "General", SHARES],
    widths: [12, 14, 14, 14, 8, 12, 18, 34, 12, 18],
    finish: (sheet, lastRow) => {
      const chart = sheet.charts.add("Line", sheet.getRange(`A1:B${lastRow}`), "Columns");
      chart.title.text = "Shares remaining in the §13.8 reserve";
      chart.setPosition("L2", "T20");
    },
  });
}

export const OCF_SHEET = "DCP OCF";

/** Excel's limit on the characters of one cell. */
const CELL_CHARACTERS = 32_767;

/**
 * Replaces the add-in's own `DCP OCF` sheet with every line of an OCF
 * package, for hosts that cannot download a file: a row per line, under the
 * file it belongs to. Each file is its Text lines in order, joined by line
 * breaks, with a line break at the end.
 */
export async function writeOcfSheet(lines: readonly PackageLine[]): Promise<void> {
  const tooLong = lines.find((l) => l.text.length > CELL_CHARACTERS);
  if (tooLong) throw new Error(`Line ${tooLong.line} of ${tooLong.path} is longer than an Excel cell holds (${CELL_CHARACTERS} characters); export the .zip instead.`);
  await replaceOwnedSheet({
    sheet: OCF_SHEET,
    table: "DCPOCF",
    header: ["File", "Line", "Text"],
    rows: lines.map((l) => [asText(l.path), l.line, asText(l.text)]),
    formats: ["@", "0", "@"],
    widths: [22, 6, 100],
  });
}
