/** Plain-text output for a terminal: aligned columns, the last one free. */
export function alignedTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => (i === headers.length - 1 ? 0 : Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join("  ");
  return [line(headers), line(widths.map((w, i) => "-".repeat(i === headers.length - 1 ? headers[i].length : w))), ...rows.map(line)].join("\n");
}
