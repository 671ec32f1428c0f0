/**
 * Reading sheets as grids, in as few round trips as Excel on the web's
 * limits allow: the first round trip learns each range's extent and reads
 * its first rows (the whole of most sheets); longer sheets follow in chunks
 * sized by what those rows weighed.
 */
import type { SheetGrid } from "../../sheets/grid";
import { parseAddress } from "./addresses";
import { VALIDATION_SHEET } from "../../workflows/reports";
import { COMMAND_BYTES, isTooLarge, jsonBytes, ROUND_TRIP_BUDGET } from "./batch";

/** Rows read with the first round trip: most sheets (a 10,000-row election sheet, a 6,000-row price table) are one read. */
const HEAD_ROWS = 20_000;

/** A guess at a cell's JSON size before any row was read (a short text). */
const ASSUMED_CELL_BYTES = 32;

export type ElectionSource = { kind: "table"; table: string; sheet: string } | { kind: "sheet"; sheet: string };

export interface WorkbookOverview {
  source: ElectionSource;
  sheets: string[];
}

/** The workbook as both pages need it: its sheets, and where the election sheet is (a table named Elections, else the active sheet). */
export async function readWorkbookOverview(): Promise<WorkbookOverview> {
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject("Elections");
    table.load("name,worksheet/name");
    const active = context.workbook.worksheets.getActiveWorksheet();
    active.load("name");
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const source: ElectionSource = table.isNullObject
      ? { kind: "sheet", sheet: active.name }
      : { kind: "table", table: table.name, sheet: table.worksheet.name };
    return { source, sheets: sheets.items.map((s) => s.name) };
  });
}

interface GridTarget {
  /** The sheet named when the range holds nothing. */
  sheet: string;
  range: (context: Excel.RequestContext) => Excel.Range;
}

interface Chunk {
  target: number;
  /** 0-based sheet row and column, as getRangeByIndexes takes them. */
  row: number;
  column: number;
  rows: number;
  columns: number;
  bytesPerRow: number;
}

/** A used range of one empty cell is an empty sheet (getUsedRange answers A1 for a blank sheet). */
function isBlank(values: unknown[][]): boolean {
  return values.length === 1 && values[0].length === 1 && values[0][0] === "";
}

/** Splits chunks too large for one round trip, then packs them into round trips. */
function chunksOf(target: number, row: number, column: number, rows: number, columns: number, bytesPerRow: number): Chunk[] {
  const perChunk = Math.max(1, Math.min(Math.floor(ROUND_TRIP_BUDGET.bytes / bytesPerRow), Math.floor(ROUND_TRIP_BUDGET.cells / columns)));
  const out: Chunk[] = [];
  for (let start = 0; start < rows; start += perChunk)
    out.push({ target, row: row + start, column, rows: Math.min(perChunk, rows - start), columns, bytesPerRow });
  return out;
}

/**
 * The values of each target range. `alsoLoad` queues other loads that ride
 * along with the first round trip.
 */
async function readGrids(context: Excel.RequestContext, targets: readonly GridTarget[], alsoLoad?: () => void): Promise<SheetGrid[]> {
  let headRows = HEAD_ROWS;
  let first: Array<{ range: Excel.Range; head?: Excel.Range }>;
  for (;;) {
    first = targets.map((target) => {
      const range = target.range(context);
      range.load("address,rowIndex,columnIndex,rowCount,columnCount");
      const head = headRows > 0 ? range.getIntersectionOrNullObject(range.worksheet.getRange(`1:${headRows}`)) : undefined;
      head?.load("rowCount,values");
      return { range, head };
    });
    alsoLoad?.();
    try {
      await context.sync();
      break;
    } catch (error) {
      // Rows far wider or longer-texted than expected: learn the extents alone, then read in chunks.
      if (!isTooLarge(error) || headRows === 0) throw error;
      headRows = 0;
    }
  }

  const rowsOf: unknown[][][] = [];
  let pending: Chunk[] = [];
  first.forEach(({ range, head }, i) => {
    const headValues = head && !head.isNullObject ? head.values : [];
    rowsOf.push(headValues);
    const rest = range.rowCount - headValues.length;
    if (rest <= 0) return;
    const bytesPerRow = headValues.length > 0 ? Math.ceil(jsonBytes(headValues) / headValues.length) + 1 : range.columnCount * ASSUMED_CELL_BYTES;
    pending.push(...chunksOf(i, range.rowIndex + headValues.length, range.columnIndex, rest, range.columnCount, bytesPerRow));
  });

  const received = new Map<Chunk, unknown[][]>();
  const order = [...pending];
  while (pending.length > 0) {
    const round: Chunk[] = [];
    let bytes = 0;
    let cells = 0;
    for (const chunk of pending) {
      const cost = COMMAND_BYTES + chunk.rows * chunk.bytesPerRow;
      if (round.length > 0 && (bytes + cost > ROUND_TRIP_BUDGET.bytes || cells + chunk.rows * chunk.columns > ROUND_TRIP_BUDGET.cells)) break;
      round.push(chunk);
      bytes += cost;
      cells += chunk.rows * chunk.columns;
    }
    const ranges = round.map((chunk) => {
      const range = first[chunk.target].range.worksheet.getRangeByIndexes(chunk.row, chunk.column, chunk.rows, chunk.columns);
      range.load("values");
      return range;
    });
    try {
      await context.sync();
    } catch (error) {
      if (!isTooLarge(error) || round.every((chunk) => chunk.rows === 1)) throw error;
      // Heavier rows than the first ones: halve the chunks of this round and try again.
      const halves = round.flatMap((chunk) => chunksOf(chunk.target, chunk.row, chunk.column, chunk.rows, chunk.columns, chunk.bytesPerRow * 2));
      order.splice(order.indexOf(round[0]), round.length, ...halves);
      pending = [...halves, ...pending.slice(round.length)];
      continue;
    }
    round.forEach((chunk, i) => received.set(chunk, ranges[i].values));
    pending = pending.slice(round.length);
  }
  for (const chunk of order) rowsOf[chunk.target].push(...(received.get(chunk) ?? []));

  return first.map(({ range }, i) => {
    const values = rowsOf[i];
    if (isBlank(values)) return { sheet: targets[i].sheet, values: [], firstRow: 1, firstColumn: 0 };
    const { sheet, row, column } = parseAddress(range.address);
    return { sheet, values, firstRow: row, firstColumn: column };
  });
}

function usedRange(sheet: string): GridTarget {
  return { sheet, range: (context) => context.workbook.worksheets.getItem(sheet).getUsedRange(true) };
}

export interface SheetRead {
  grid: SheetGrid;
  /** The prices sheet's used range, when one was named and it is not empty. */
  prices?: SheetGrid;
  /** Whether the add-in's report sheet exists, so writing the report needs no second look. */
  reportExists: boolean;
}

/** Reads the election rows (and the prices sheet): one round trip up to 20,000 rows, a few more beyond. */
export async function readElections(source: ElectionSource, pricesSheet?: string): Promise<SheetRead> {
  return Excel.run(async (context) => {
    const elections: GridTarget =
      source.kind === "table" ? { sheet: source.sheet, range: (c) => c.workbook.tables.getItem(source.table).getRange() } : usedRange(source.sheet);
    const report = context.workbook.worksheets.getItemOrNullObject(VALIDATION_SHEET);
    const [grid, prices] = await readGrids(context, pricesSheet ? [elections, usedRange(pricesSheet)] : [elections], () => report.load("name"));
    return { grid, prices: prices && prices.values.length > 0 ? prices : undefined, reportExists: !report.isNullObject };
  });
}

/** The used ranges of several sheets (by name; each must exist). */
export async function readSheets(names: readonly string[]): Promise<Map<string, SheetGrid>> {
  return Excel.run(async (context) => {
    const grids = await readGrids(context, names.map(usedRange));
    return new Map(names.map((name, i) => [name, grids[i]]));
  });
}
