/**
 * Where a sheet's table is, found from the cells that hold values rather than
 * from the extent the file records: one stray value or a formatted cell at
 * row 1,048,576 stretches that extent over a million rows. Values far below
 * or to the right of the table are kept aside and reported, never read as
 * rows of the table.
 */
import { declaredAs, RULES } from "../engine/rules";
import { describe, isBlank } from "../cells/values";
import type { CellFinding } from "./findings";
import { cellAddress, columnLetter, type SheetGrid, type ValueCell } from "./grid";

/**
 * Blank rows (columns) a table may hold between its rows (columns) before
 * what follows counts as outside it. A table with a few empty lines between
 * its sections stays one table; a value a hundred rows below it does not.
 */
export const MAX_BLANK_ROWS_INSIDE = 100;
export const MAX_BLANK_COLUMNS_INSIDE = 10;

/** At most this many outside cells are reported one by one; the last finding counts the rest. */
export const MAX_OUTSIDE_REPORTED = 20;

export const OUTSIDE_RULE = RULES.T01.id;

export interface DataBlock {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
  /** Values outside the block, in the order given. */
  outside: ValueCell[];
}

/**
 * Splits sorted positions into runs whose gaps are at most `maxGap` blank
 * positions and returns the run holding the most cells (the first on a tie).
 */
function busiestRun(counts: Map<number, number>, maxGap: number): { first: number; last: number } {
  const positions = Array.from(counts.keys()).sort((a, b) => a - b);
  let best = { first: positions[0], last: positions[0], cells: -1 };
  let run = { first: positions[0], last: positions[0], cells: 0 };
  for (const position of positions) {
    if (position - run.last - 1 > maxGap) {
      if (run.cells > best.cells) best = run;
      run = { first: position, last: position, cells: 0 };
    }
    run.last = position;
    run.cells += counts.get(position) ?? 0;
  }
  if (run.cells > best.cells) best = run;
  return { first: best.first, last: best.last };
}

/** A worksheet row's values by column (0-based, A = 0), "" where blank, as far as its last value. */
export interface ValueRow {
  row: number;
  values: unknown[];
}

/**
 * The table: the rows holding the most values with no more than
 * MAX_BLANK_ROWS_INSIDE blank rows between them, narrowed to the columns
 * holding the most of those values likewise. Undefined for a sheet without values.
 */
export function dataBlock(cells: readonly ValueCell[]): DataBlock | undefined {
  const rows = new Map<number, ValueRow>();
  for (const cell of cells) {
    let row = rows.get(cell.row);
    if (!row) rows.set(cell.row, (row = { row: cell.row, values: [] }));
    while (row.values.length < cell.column) row.values.push("");
    row.values[cell.column] = cell.value;
  }
  return rowsBlock(Array.from(rows.values()));
}

/**
 * `dataBlock` over rows, as a file reader meets them: a million-row sheet
 * costs an array a row rather than an object a cell. Outside values come
 * row by row, left to right.
 */
export function rowsBlock(rows: readonly ValueRow[]): DataBlock | undefined {
  const perRow = new Map<number, number>();
  // Index loops, not reduce and forEach: these three passes meet every cell of the sheet (a hole reads as undefined, blank).
  for (const { row, values } of rows) {
    let count = 0;
    for (let column = 0; column < values.length; column++) if (!isBlank(values[column])) count++;
    if (count > 0) perRow.set(row, (perRow.get(row) ?? 0) + count);
  }
  if (perRow.size === 0) return undefined;
  const rowRun = busiestRun(perRow, MAX_BLANK_ROWS_INSIDE);
  const inRows = (row: number) => row >= rowRun.first && row <= rowRun.last;
  const perColumn = new Map<number, number>();
  for (const { row, values } of rows) {
    if (!inRows(row)) continue;
    for (let column = 0; column < values.length; column++) if (!isBlank(values[column])) perColumn.set(column, (perColumn.get(column) ?? 0) + 1);
  }
  const columns = busiestRun(perColumn, MAX_BLANK_COLUMNS_INSIDE);
  let firstRow = Infinity;
  let lastRow = -Infinity;
  const outside: ValueCell[] = [];
  for (const { row, values } of rows) {
    for (let column = 0; column < values.length; column++) {
      const value = values[column];
      if (isBlank(value)) continue;
      if (!inRows(row) || column < columns.first || column > columns.last) outside.push({ row, column, value });
      else {
        firstRow = Math.min(firstRow, row);
        lastRow = Math.max(lastRow, row);
      }
    }
  }
  return { firstRow, lastRow, firstColumn: columns.first, lastColumn: columns.last, outside };
}

/**
 * One warning for each value the grid left outside its table (up to
 * MAX_OUTSIDE_REPORTED, the last counting the rest): the value is not read,
 * and the user should know it is there.
 */
export function outsideTableFindings(grid: SheetGrid): CellFinding[] {
  const outside = grid.outside ?? [];
  if (outside.length === 0) return [];
  const rowCount = grid.values.length;
  const width = rowCount === 0 ? 0 : grid.values[0].length;
  const table = rowCount === 0 ? "the table" : `the table (${cellAddress(grid, 0, 0)}:${cellAddress(grid, rowCount - 1, Math.max(width - 1, 0))})`;
  const shown = outside.slice(0, MAX_OUTSIDE_REPORTED);
  return shown.map((cell, i) => {
    const address = `${columnLetter(cell.column)}${cell.row}`;
    const rest = outside.length - shown.length;
    const more = i === shown.length - 1 && rest > 0 ? ` ${rest} more ${rest === 1 ? "cell lies" : "cells lie"} outside it too.` : "";
    return {
      sheet: grid.sheet,
      cell: address,
      row: cell.row,
      column: columnLetter(cell.column),
      ...declaredAs(RULES.T01),
      message: `Cell ${address} holds ${describe(cell.value)}, outside ${table} on ${grid.sheet}; it is not read. Move it into the table or clear it.${more}`,
    };
  });
}
