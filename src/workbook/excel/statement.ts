/**
 * "Write statement": one participant's statement, or the summary of all, on
 * a sheet the add-in owns and recreates (`DCP <participant>`, `DCP
 * Statements`), laid out as sheets/statementSheets.ts lays it out for the
 * command line too. Rows go in chunks within a round trip's budget; each
 * table goes on over its block once its rows are in; a table meant for a
 * chart gets an Excel line chart beside the tables.
 */
import { isoDateToSerial } from "../../cells/serials";
import { columnLetter } from "../../sheets/grid";
import { placeSheet, STATEMENT_FORMATS, type SheetCell, type StatementSheet } from "../../sheets/statementSheets";
import { uniqueTableName, worksheetName } from "../names";
import { quoteSheet } from "./addresses";
import { lookAround, replaceOwnedSheet } from "./names";
import { COMMAND_BYTES, jsonBytes, runs } from "./batch";
import { asText, linkFormula } from "./values";

/** The summary of every participant's statement. */
export const STATEMENTS_SHEET = "DCP Statements";

/** The sheet a participant's statement is written to: "DCP Ann Lee", within Excel's rules for sheet names. */
export function statementSheetName(participant: string): string {
  return worksheetName(`DCP ${participant.trim()}`, [STATEMENTS_SHEET]);
}

/** A cell as written through `formulas`: text kept as text, dates as serials, a finding's cell as a link to it. */
function entry(cell: SheetCell): unknown {
  if (typeof cell === "string") return asText(cell);
  if ("number" in cell) return cell.number;
  if ("date" in cell) return isoDateToSerial(cell.date);
  return linkFormula(`${quoteSheet(cell.link.sheet)}!${cell.link.cell}`, `${cell.link.sheet}!${cell.link.cell}`);
}

function numberFormat(cell: SheetCell): string {
  if (typeof cell === "string" || "link" in cell) return "General";
  return "number" in cell ? cell.format : STATEMENT_FORMATS.date;
}

/** Replaces the sheet `laid.name` (all or nothing) with the statement: title, lines, each table under its heading, a chart where one is asked for. */
export async function writeStatementSheet(laid: StatementSheet): Promise<void> {
  await Excel.run(async (context) => {
    const around = await lookAround(context, laid.name);
    const placed = placeSheet(laid);
    await replaceOwnedSheet(context, laid.name, around, async (sheet, trips, nameTable) => {
      await trips.queue({ bytes: jsonBytes([laid.title, laid.lines, laid.widths]) + 10 * COMMAND_BYTES }, () => {
        laid.widths.forEach((w, c) => (sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = w * 7));
        const title = sheet.getRange(`A${placed.title}`);
        title.formulas = [[asText(laid.title)]];
        title.format.font.bold = true;
        title.format.font.size = 14;
        if (laid.lines.length > 0)
          sheet.getRange(`A${placed.lines[0]}:A${placed.lines[placed.lines.length - 1]}`).formulas = laid.lines.map((line) => [asText(line)]);
      });

      const taken = new Set(around.names);
      // Charts sit right of the widest table, one below the other.
      const chartColumn = columnLetter(laid.widths.length + 1);
      let chartRow = placed.title + 1;
      for (const { table, heading, header, lastRow } of placed.tables) {
        const last = columnLetter(table.header.length - 1);
        await trips.queue({ bytes: jsonBytes([table.heading, table.header]) + 4 * COMMAND_BYTES }, () => {
          const headingCell = sheet.getRange(`A${heading}`);
          headingCell.formulas = [[asText(table.heading)]];
          headingCell.format.font.bold = true;
          sheet.getRange(`A${header}:${last}${header}`).formulas = [table.header.map(asText)];
        });
        const rows = table.rows.map((row) => row.map(entry));
        const formats = table.rows.map((row) => row.map(numberFormat));
        const rowBytes = (i: number) => jsonBytes(rows[i]) + jsonBytes(formats[i]);
        for (const [start, end] of runs(rows.length, rowBytes)) {
          let bytes = 2 * COMMAND_BYTES;
          for (let i = start; i < end; i++) bytes += rowBytes(i);
          await trips.queue({ bytes }, () => {
            const block = sheet.getRange(`A${header + 1 + start}:${last}${header + end}`);
            block.numberFormat = formats.slice(start, end);
            block.formulas = rows.slice(start, end);
          });
        }
        const name = uniqueTableName(table.name, taken);
        taken.add(name);
        await trips.queue({ bytes: 6 * COMMAND_BYTES }, () => {
          const range = sheet.getRange(`A${header}:${last}${lastRow}`);
          nameTable(sheet.tables.add(range, true), name);
          if (table.chart) {
            const chart = sheet.charts.add("Line", range, "Columns");
            chart.title.text = table.chart;
            chart.setPosition(`${chartColumn}${chartRow}`, `${columnLetter(laid.widths.length + 8)}${chartRow + 17}`);
            chartRow += 19;
          }
        });
      }
    });
  });
}
