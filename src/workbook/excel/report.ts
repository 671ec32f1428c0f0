/**
 * The sheets the add-in owns and recreates: the reports workflows/reports.ts
 * describes (`DCP Validation`, `DCP Reserve`) and `DCP OCF` (an Open Cap
 * Format package, line by line, where no download works). Rows go in chunks
 * within a round trip's budget; the table goes on last, over the whole block.
 */
import { isoDateToSerial } from "../../cells/serials";
import { columnLetter } from "../../sheets/grid";
import { qualifiedCell } from "../../sheets/findings";
import { blockFromA1 } from "./addresses";
import { COMMAND_BYTES, jsonBytes, runs } from "./batch";
import { lookAround, replaceOwnedSheet, type Surroundings } from "./names";
import type { PackageLine } from "../../formats/ocfPackage";
import { CELL_CHARACTERS, type ReportCell, type ReportSheet } from "../../workflows/reports";
import { uniqueTableName } from "../names";
import { asText, linkFormula } from "./values";

/** Office.js errors carry a code; the ones that mean "the workbook changed since it was read". */
function isStale(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "ItemNotFound" || code === "ItemAlreadyExists" || code === "InvalidArgument";
}

/** A report cell as written through `formulas`: text escaped, a date as its serial, a link as a HYPERLINK formula. */
function formula(cell: ReportCell): unknown {
  if (typeof cell === "string") return asText(cell);
  if (typeof cell === "number") return cell;
  if ("date" in cell) return isoDateToSerial(cell.date);
  return linkFormula(qualifiedCell(cell.link), cell.text);
}

/** Replaces the sheet with the rows as a formatted table, in as many round trips as the rows need, all or nothing. */
async function writeOwnedSheet(context: Excel.RequestContext, report: ReportSheet, around: Surroundings): Promise<void> {
  await replaceOwnedSheet(context, report.sheet, around, async (sheet, trips, nameTable) => {
    const width = report.columns.length;
    sheet.getRange(blockFromA1(width, 1)).formulas = [report.columns.map((c) => asText(c.header))];
    report.columns.forEach((c, i) => (sheet.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = c.width * 7));
    const formats = report.columns.some((c) => c.format) ? report.columns.map((c) => c.format ?? "General") : undefined;
    const rows = report.rows.map((row) => row.map(formula));
    const rowBytes = (i: number) => jsonBytes(rows[i]) + (formats ? jsonBytes(formats) : 0);
    for (const [start, end] of runs(rows.length, rowBytes)) {
      let bytes = COMMAND_BYTES;
      for (let i = start; i < end; i++) bytes += rowBytes(i);
      await trips.queue({ bytes: bytes + COMMAND_BYTES }, () => {
        const block = sheet.getRange(`A${start + 2}:${columnLetter(width - 1)}${end + 1}`);
        if (formats) block.numberFormat = rows.slice(start, end).map(() => formats);
        block.formulas = rows.slice(start, end);
      });
    }
    const lastRow = rows.length + 1;
    await trips.queue({ bytes: 4 * COMMAND_BYTES }, () => {
      nameTable(sheet.tables.add(sheet.getRange(blockFromA1(width, lastRow)), true), uniqueTableName(report.table, around.names));
      if (report.chart) {
        const chart = sheet.charts.add("Line", sheet.getRange(`A1:B${lastRow}`), "Columns");
        chart.title.text = report.chart.title;
        chart.setPosition("L2", "T20");
      }
    });
  });
}

/**
 * Replaces a sheet the add-in owns (`DCP Validation`, `DCP Reserve`, as
 * workflows/reports.ts describes them) with the report. `exists`, when the
 * caller read it (`readElections` does), saves a look: a report of up to
 * some 20,000 rows is then one round trip. Should the workbook have changed
 * since, it looks again and writes once more.
 */
export async function writeReport(report: ReportSheet, exists?: boolean): Promise<void> {
  const write = (around?: Surroundings) => Excel.run(async (context) => writeOwnedSheet(context, report, around ?? (await lookAround(context, report.sheet))));
  try {
    await write(exists === undefined ? undefined : { exists, names: [] });
  } catch (error) {
    if (exists === undefined || !isStale(error)) throw error;
    await write();
  }
}

export const OCF_SHEET = "DCP OCF";

/**
 * Replaces the add-in's own `DCP OCF` sheet with every line of an OCF
 * package, for hosts that cannot download a file: a row per line, under the
 * file it belongs to. Each file is its Text lines in order, joined by line
 * breaks, with a line break at the end.
 */
export async function writeOcfSheet(lines: readonly PackageLine[]): Promise<void> {
  const tooLong = lines.find((l) => l.text.length > CELL_CHARACTERS);
  if (tooLong)
    throw new Error(`Line ${tooLong.line} of ${tooLong.path} is longer than an Excel cell holds (${CELL_CHARACTERS} characters); export the .zip instead.`);
  await writeReport({
    sheet: OCF_SHEET,
    table: "DCPOCF",
    columns: [
      { header: "File", width: 22, format: "@" },
      { header: "Line", width: 6, format: "0" },
      { header: "Text", width: 100, format: "@" },
    ],
    rows: lines.map((l) => [l.path, l.line, l.text]),
  });
}
