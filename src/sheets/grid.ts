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

/** Rows searched for the header: a sheet may open with a title or notes above its table. */
const HEADER_SEARCH_ROWS = 20;

function mapHeader<K extends string>(grid: SheetGrid, specs: ReadonlyArray<ColumnSpec<K>>, headerIndex: number, normalize: (text: unknown) => string): HeaderMap<K> {
  const headers = grid.values[headerIndex].map(normalize);
  const columns: Partial<Record<K, number>> = {};
  const labels: Partial<Record<K, string>> = {};
  const missing: Array<ColumnSpec<K>> = [];
  for (const spec of specs) {
    const names = [spec.header, ...spec.aliases].map(normalize);
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

/**
 * The header row: the first of the sheet's first non-blank rows that names
 * every required column (by header or alias), else the first non-blank row,
 * whose missing columns are then reported. `normalize` is how a header and a
 * column's names are compared.
 */
export function findHeader<K extends string>(
  grid: SheetGrid,
  specs: ReadonlyArray<ColumnSpec<K>>,
  normalize: (text: unknown) => string = normalizeHeader,
): HeaderMap<K> | undefined {
  let first: HeaderMap<K> | undefined;
  let seen = 0;
  for (let r = 0; r < grid.values.length && seen < HEADER_SEARCH_ROWS; r++) {
    if (isBlankRow(grid.values[r])) continue;
    seen++;
    const header = mapHeader(grid, specs, r, normalize);
    if (header.missing.length === 0) return header;
    first ??= header;
  }
  return first;
}
