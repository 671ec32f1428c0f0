/**
 * Plain-text output for a terminal: aligned columns, the last one free.
 * Widths are found by a loop, never by spreading rows into Math.max: a
 * sheet with 150,000 findings would overflow the call stack.
 */
export function alignedTable(headers: string[], rows: string[][]): string {
  const last = headers.length - 1;
  const widths = headers.map((header) => header.length);
  for (const row of rows) for (let i = 0; i < last; i++) widths[i] = Math.max(widths[i], row[i].length);
  const line = (cells: string[]) => cells.map((cell, i) => (i === last ? cell : cell.padEnd(widths[i]))).join("  ");
  const rule = headers.map((header, i) => "-".repeat(i === last ? header.length : widths[i]));
  const lines = [line(headers), line(rule)];
  for (const row of rows) lines.push(line(row));
  return lines.join("\n");
}
