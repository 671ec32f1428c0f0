/** Plain-text output for a terminal. */
import type { ListedSheet } from "../workbook/xlsx";

/**
 * Aligned columns, the last one free. Widths are found by a loop, never by
 * spreading rows into Math.max: a sheet with 150,000 findings would overflow
 * the call stack.
 */
export function alignedTable(headers: string[], rows: string[][], rightAligned: readonly boolean[] = []): string {
  const last = headers.length - 1;
  const widths = headers.map((header) => header.length);
  // A right-aligned last column needs its width too; a left-aligned one runs free.
  const measured = rightAligned[last] ? headers.length : last;
  for (const row of rows) for (let i = 0; i < measured; i++) widths[i] = Math.max(widths[i], row[i].length);
  const pad = (cell: string, i: number) => (rightAligned[i] ? cell.padStart(widths[i]) : i === last ? cell : cell.padEnd(widths[i]));
  const line = (cells: string[]) => cells.map(pad).join("  ");
  const rule = headers.map((header, i) => "-".repeat(i === last && !rightAligned[i] ? header.length : widths[i]));
  const lines = [line(headers), line(rule)];
  for (const row of rows) lines.push(line(row));
  return lines.join("\n");
}

/**
 * The line the text output gives the sheets read though hidden, or
 * undefined when none was: a command that finds its sheets by name (the
 * records of statement and payout, Claims, CIC Events) reads a hidden one
 * too, and the reader should know it, since Excel does not show it.
 */
export function readThoughHidden(sheets: readonly ListedSheet[]): string | undefined {
  const hidden = sheets.filter((sheet) => sheet.state === "hidden" || sheet.state === "veryHidden");
  return hidden.length > 0 ? `Read though hidden: ${hidden.map((sheet) => `"${sheet.name}"`).join(", ")}.` : undefined;
}
