/**
 * A block of worksheet cells as every adapter hands it over (Office.js
 * `Range.values` conventions: numbers for dates, "" for empty), with where it
 * sits, so every finding can name its cell.
 */
import { isBlank } from "../engine/tables";

export interface SheetGrid {
  sheet: string;
  values: unknown[][];
  /** Worksheet row number (1-based) of values[0]. */
  firstRow: number;
  /** Column index (0-based, A = 0) of values[r][0]. */
  firstColumn: number;
}

export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** "C7" for the cell at grid position (r, c). */
export function cellAddress(grid: SheetGrid, r: number, c: number): string {
  return `${columnLetter(grid.firstColumn + c)}${grid.firstRow + r}`;
}

/** Headers match ignoring case and spaces: "Date Filed" = "datefiled" = "DATE  FILED". */
export function normalizeHeader(text: unknown): string {
  return typeof text === "string" ? text.toLowerCase().replace(/\s+/g, "") : "";
}

export function isBlankRow(cells: readonly unknown[]): boolean {
  return cells.every(isBlank);
}

export interface ColumnSpec<K extends string> {
  key: K;
  /** The header a template writes, and a missing column is reported by. */
  header: string;
  aliases: readonly string[];
  required?: boolean;
}

export interface HeaderMap<K extends string> {
  /** Grid index of the header row. */
  headerIndex: number;
  /** Grid column of each field found. */
  columns: Partial<Record<K, number>>;
  /** The header text as the sheet spells it, for each field found. */
  labels: Partial<Record<K, string>>;
  missing: Array<ColumnSpec<K>>;
}

/** The first non-blank row is the header; each field is found by its header or an alias. */
export function findHeader<K extends string>(grid: SheetGrid, specs: ReadonlyArray<ColumnSpec<K>>): HeaderMap<K> | undefined {
  const headerIndex = grid.values.findIndex((cells) => !isBlankRow(cells));
  if (headerIndex < 0) return undefined;
  const headers = grid.values[headerIndex].map(normalizeHeader);
  const columns: Partial<Record<K, number>> = {};
  const labels: Partial<Record<K, string>> = {};
  const missing: Array<ColumnSpec<K>> = [];
  for (const spec of specs) {
    const names = [spec.header, ...spec.aliases].map(normalizeHeader);
    const index = headers.findIndex((h) => h !== "" && names.includes(h));
    if (index >= 0) {
      columns[spec.key] = index;
      labels[spec.key] = String(grid.values[headerIndex][index]).trim();
    } else if (spec.required) {
      missing.push(spec);
    }
  }
  return { headerIndex, columns, labels, missing };
}
