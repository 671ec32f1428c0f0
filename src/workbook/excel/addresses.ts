/** A1 addresses as Office.js gives and takes them. */
import { columnLetter } from "../../sheets/grid";

/** "'My Sheet'!B3:D9" → sheet, first row (1-based) and column (0-based) of the block. */
export function parseAddress(address: string): { sheet: string; row: number; column: number } {
  const bang = address.lastIndexOf("!");
  const sheet = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  const match = /^\$?([A-Z]+)\$?(\d+)/.exec(address.slice(bang + 1));
  if (!match) throw new Error(`unexpected range address ${address}`);
  const column = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { sheet, row: Number(match[2]), column };
}

export { quoteSheet } from "../../sheets/findings";

/** "C4:C9" from a column letter and a run of rows. */
export function columnBlock(column: string, firstRow: number, lastRow: number): string {
  return firstRow === lastRow ? `${column}${firstRow}` : `${column}${firstRow}:${column}${lastRow}`;
}

/** "C4" → column letters and row; undefined for anything but one cell. */
export function splitCell(address: string): { column: string; row: number } | undefined {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  return match ? { column: match[1], row: Number(match[2]) } : undefined;
}

/** The whole block a table of `columns` columns and `rows` rows (header included) takes from A1. */
export function blockFromA1(columns: number, rows: number): string {
  return `A1:${columnLetter(columns - 1)}${rows}`;
}

/**
 * A defined name's formula that refers to cells of one column ("='My Sheet'!$C$2:$C$9")
 * → sheet, column and rows; undefined for anything else, such as "=#REF!$C$2" once its cells or sheet are gone.
 */
export function columnReference(formula: string): { sheet: string; column: string; first: number; last: number } | undefined {
  const match = /^=(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(formula);
  if (!match || match[2] === "#REF") return undefined;
  const [, quoted, plain, column, first, lastColumn = column, last = first] = match;
  if (lastColumn !== column) return undefined;
  return { sheet: quoted !== undefined ? quoted.replace(/''/g, "'") : plain, column, first: Number(first), last: Number(last) };
}
