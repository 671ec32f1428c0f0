/**
 * Tables as Excel hands them to a formula: a matrix of cell values, rows in any
 * order, an optional header row, fully blank rows (a whole-column reference is
 * mostly those). Every call validates the whole table; a table identical to
 * one read moments ago reuses that reading after a single comparison pass,
 * which is what keeps 10,000 formulas over the same range cheap.
 */
import { invalidValue, PlanError } from "../engine/errors";
import { parseIsoDate } from "../engine/dates";
import { cellErrorCode, isBlankOrZero, type CellValue } from "./values";

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

/**
 * A reading kept for a table's exact cells. The cells are held as the rows up
 * to `headRows`, flattened, and one row that every later row repeats: a
 * whole-column reference (1,048,576 rows, nearly all the same blank row) costs
 * the cells of its data, not two million. Numbers sit unboxed in `numbers`
 * (NaN where the cell held something else), anything else in `others` (`NUMBER`
 * where the cell held a number): comparing a price table, nearly all
 * numbers, then costs little more than reading it.
 */
interface CachedTable {
  kind: string;
  width: number;
  rows: number;
  headRows: number;
  numbers: Float64Array;
  others: CellValue[];
  tail: CellValue[];
  result: unknown;
  lastUsed: number;
}

const NUMBER = Symbol("a number cell");

/**
 * Cells held across every kept table. A table larger than this is read on
 * every call; smaller ones push out the least recently used. About the
 * size of a 100,000-row ledger ten times over, and a few tens of megabytes at most.
 */
export const MAX_CACHED_CELLS = 3_000_000;

const cache = new Map<string, CachedTable[]>();
let cellsHeld = 0;
let clock = 0;

function sizeOf(entry: CachedTable): number {
  return entry.numbers.length + entry.tail.length;
}

/**
 * Read once: a runtime that runs the add-in in a contextified global (as node's vm does) looks every global name up
 * through the host, which made `Array.isArray` in the row loop below cost more than the rest of the comparison.
 */
const isArray = Array.isArray;

/** Whether `matrix` holds exactly the cells `entry` was read from (strict equality, cell by cell). */
function sameCells(entry: CachedTable, matrix: CellValue[][]): boolean {
  const { width, numbers, others, headRows, tail } = entry;
  if (matrix.length !== entry.rows) return false;
  let k = 0;
  for (let i = 0; i < headRows; i++) {
    const row = matrix[i];
    if (!isArray(row) || row.length !== width) return false;
    for (let j = 0; j < width; j++, k++) {
      const cell: CellValue = row[j];
      if (typeof cell === "number" ? cell !== numbers[k] : cell !== others[k]) return false;
    }
  }
  if (width === 2) {
    // The million rows below a whole column's data, compared without indexing `tail` each time.
    const [first, second] = tail;
    for (let i = headRows; i < matrix.length; i++) {
      const row = matrix[i];
      if (!isArray(row) || row.length !== 2 || row[0] !== first || row[1] !== second) return false;
    }
    return true;
  }
  for (let i = headRows; i < matrix.length; i++) {
    const row = matrix[i];
    if (!isArray(row) || row.length !== width) return false;
    for (let j = 0; j < width; j++) if (row[j] !== tail[j]) return false;
  }
  return true;
}

/** The cells to keep for `matrix`, or undefined when it is not a rectangle of `width` (such a table is read every time). */
function keptCells(matrix: CellValue[][], width: number): Pick<CachedTable, "headRows" | "numbers" | "others" | "tail"> | undefined {
  if (!matrix.every((row) => Array.isArray(row) && row.length === width)) return undefined;
  const tail = matrix[matrix.length - 1];
  let headRows = matrix.length - 1;
  while (headRows > 0 && matrix[headRows - 1].every((cell, j) => cell === tail[j])) headRows--;
  const numbers = new Float64Array(headRows * width);
  const others: CellValue[] = [];
  for (let i = 0, k = 0; i < headRows; i++) {
    for (let j = 0; j < width; j++, k++) {
      const cell: CellValue = matrix[i][j];
      numbers[k] = typeof cell === "number" ? cell : NaN;
      others.push(typeof cell === "number" ? NUMBER : cell);
    }
  }
  return { headRows, numbers, others, tail: [...tail] };
}

function evictUntilWithin(limit: number): void {
  while (cellsHeld > limit) {
    let oldest: CachedTable | undefined;
    for (const entries of cache.values()) for (const entry of entries) if (!oldest || entry.lastUsed < oldest.lastUsed) oldest = entry;
    if (!oldest) return;
    const entries = cache.get(oldest.kind) ?? [];
    entries.splice(entries.indexOf(oldest), 1);
    if (entries.length === 0) cache.delete(oldest.kind);
    cellsHeld -= sizeOf(oldest);
  }
}

function remember(kind: string, matrix: CellValue[][], width: number, result: unknown): void {
  const kept = keptCells(matrix, width);
  if (!kept) return;
  const entry: CachedTable = { kind, width, rows: matrix.length, ...kept, result, lastUsed: ++clock };
  if (sizeOf(entry) > MAX_CACHED_CELLS) return;
  evictUntilWithin(MAX_CACHED_CELLS - sizeOf(entry));
  const entries = cache.get(kind) ?? [];
  entries.unshift(entry);
  cache.set(kind, entries);
  cellsHeld += sizeOf(entry);
}

/** Cells the table cache holds now (for tests of its bound). */
export function cachedCells(): number {
  return cellsHeld;
}

/**
 * A table holding an error cell is refused naming its first one: the
 * functions receive errors (functions.json opts in, so the formula gets a
 * message rather than a bare #N/A), and no plan figure comes out of a table
 * with a hole in it.
 */
function assertNoErrorCells(matrix: CellValue[][], name: string, columns: readonly string[]): void {
  for (let i = 0; i < matrix.length; i++) {
    const row = matrix[i];
    for (let j = 0; j < row.length; j++) {
      const code = cellErrorCode(row[j]);
      if (code !== undefined) {
        throw invalidValue(`${name} row ${i + 1} holds the error ${code} in its ${columns[j]} column; correct or clear that cell`);
      }
    }
  }
}

/**
 * `build(matrix)`, or the result (or error) of an earlier build over a matrix
 * with exactly the same cells. `kind` keeps tables of different meaning apart.
 * `build` must depend on nothing but the cells.
 */
export function parseTableCached<T>(matrix: CellValue, kind: string, columns: readonly string[], build: (matrix: CellValue[][]) => T): T {
  assertMatrix(matrix, kind, columns);
  for (const entry of cache.get(kind) ?? []) {
    if (entry.width === columns.length && sameCells(entry, matrix)) {
      entry.lastUsed = ++clock;
      if (entry.result instanceof PlanError) throw entry.result;
      return entry.result as T;
    }
  }
  let result: T | PlanError;
  try {
    assertNoErrorCells(matrix, kind, columns);
    result = build(matrix);
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    result = error;
  }
  remember(kind, matrix, columns.length, result);
  if (result instanceof PlanError) throw result;
  return result;
}
