/**
 * Tables as Excel hands them to a formula: a matrix of cell values, rows in any
 * order, an optional header row, fully blank rows (a whole-column reference is
 * mostly those). Every call validates the whole table; a table identical to
 * one seen moments ago reuses that parse after a single comparison pass, which
 * is what keeps 10,000 formulas over the same 6,000-row range fast.
 */
import { parseIsoDate, serialToIsoDate, assertSupportedDate, type IsoDate } from "./dates";
import { Decimal } from "./decimal";
import { invalidValue, PlanError } from "./errors";

export type CellValue = unknown;

/** `null`, `undefined`, `""` (or only spaces): an empty cell. */
export function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Excel desktop hands an empty cell in a date position as 0. */
export function isBlankOrZero(value: CellValue): boolean {
  return value === 0 || isBlank(value);
}

/**
 * The largest number an Excel cell holds (Excel specifications and limits);
 * a figure beyond it cannot be shown, so it is refused where it is read.
 */
export const LARGEST_CELL_NUMBER = new Decimal("9.99999999999999e307");

export function fitsInCell(value: Decimal): boolean {
  return value.abs().lessThanOrEqualTo(LARGEST_CELL_NUMBER);
}

/** Text this long is shortened in messages: a 400-digit cell must not fill the screen. */
const LONGEST_QUOTED = 40;

/** A cell value as a message quotes it. */
export function describe(value: CellValue): string {
  if (typeof value === "string") {
    if (value.length <= LONGEST_QUOTED) return `"${value}"`;
    return `"${value.slice(0, 20)}…${value.slice(-10)}" (${value.length.toLocaleString("en-US")} characters)`;
  }
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** A date cell: an Excel serial or `YYYY-MM-DD` text; blank (or 0) is undefined. */
export function readDateCell(value: CellValue, what: string): IsoDate | undefined {
  if (isBlankOrZero(value)) return undefined;
  let date: IsoDate | undefined;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw invalidValue(`${what} ${describe(value)} is not a date`);
    date = serialToIsoDate(value);
    if (date === undefined) throw invalidValue(`${what} ${describe(value)} is not a date serial Excel can show`);
  } else if (typeof value === "string") {
    date = parseIsoDate(value);
    if (date === undefined) throw invalidValue(`${what} ${describe(value)} is not a date (expected a date cell or YYYY-MM-DD)`);
  } else if (value instanceof Date && !Number.isNaN(value.getTime())) {
    date = value.toISOString().slice(0, 10);
  } else {
    throw invalidValue(`${what} ${describe(value)} is not a date`);
  }
  return assertSupportedDate(date, what);
}

/** A number cell, exact: binary numbers are read through their shortest decimal form. */
export function readNumberCell(value: CellValue, what: string): Decimal {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw invalidValue(`${what} ${describe(value)} is not a number`);
  }
  return new Decimal(value);
}

export interface TableRow {
  /** 1-based row within the range handed in, as a person counts it. */
  rowNumber: number;
  cells: CellValue[];
}

/** A row whose date position holds text that is not a date is taken as the header. */
function isHeaderRow(cells: CellValue[]): boolean {
  const first = cells[0];
  return typeof first === "string" && parseIsoDate(first) === undefined && first.trim() !== "";
}

function assertMatrix(matrix: CellValue, name: string, columns: readonly string[]): asserts matrix is CellValue[][] {
  const shape = `a ${columns.length}-column range [${columns.join(", ")}]`;
  if (!Array.isArray(matrix) || matrix.length === 0 || !Array.isArray(matrix[0])) {
    throw invalidValue(`${name} must be ${shape}`);
  }
  const width = (matrix[0] as CellValue[]).length;
  if (width !== columns.length) throw invalidValue(`${name} has ${width} column(s); it must be ${shape}`);
}

/**
 * The data rows of a table: blank rows dropped, the header (the first non-blank
 * row, when its first cell is text that is not a date) skipped.
 */
export function dataRows(matrix: CellValue, name: string, columns: readonly string[]): TableRow[] {
  assertMatrix(matrix, name, columns);
  const rows: TableRow[] = [];
  let seenContent = false;
  for (let i = 0; i < matrix.length; i++) {
    const cells = matrix[i];
    if (!Array.isArray(cells) || cells.length !== columns.length) {
      throw invalidValue(`${name} row ${i + 1} does not have ${columns.length} columns`);
    }
    if (cells.every(isBlankOrZero)) continue;
    if (!seenContent) {
      seenContent = true;
      if (isHeaderRow(cells)) continue;
    }
    rows.push({ rowNumber: i + 1, cells });
  }
  return rows;
}

interface CacheEntry {
  width: number;
  cells: CellValue[];
  result: unknown;
}

const MAX_CACHED_TABLES = 4;
const cache = new Map<string, CacheEntry[]>();

function sameCells(entry: CacheEntry, matrix: CellValue[][]): boolean {
  const { width, cells } = entry;
  if (cells.length !== matrix.length * width) return false;
  let k = 0;
  for (let i = 0; i < matrix.length; i++) {
    const row = matrix[i];
    if (!Array.isArray(row) || row.length !== width) return false;
    for (let j = 0; j < width; j++) if (row[j] !== cells[k++]) return false;
  }
  return true;
}

function flatten(matrix: CellValue[][], width: number): CellValue[] {
  const cells = new Array<CellValue>(matrix.length * width);
  let k = 0;
  for (const row of matrix) for (let j = 0; j < width; j++) cells[k++] = row[j];
  return cells;
}

/**
 * `build(matrix)`, or the result (or error) of an earlier build over a matrix
 * with exactly the same cells. `kind` keeps tables of different meaning apart.
 */
export function parseTableCached<T>(matrix: CellValue, kind: string, columns: readonly string[], build: (matrix: CellValue[][]) => T): T {
  assertMatrix(matrix, kind, columns);
  const entries = cache.get(kind) ?? [];
  for (const entry of entries) {
    if (sameCells(entry, matrix)) {
      if (entry.result instanceof PlanError) throw entry.result;
      return entry.result as T;
    }
  }
  let result: T | PlanError;
  try {
    result = build(matrix);
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    result = error;
  }
  entries.unshift({ width: columns.length, cells: flatten(matrix, columns.length), result });
  if (entries.length > MAX_CACHED_TABLES) entries.pop();
  cache.set(kind, entries);
  if (result instanceof PlanError) throw result;
  return result;
}
