/**
 * Marks on the user's cells: a fill on each offending cell and, where this
 * Excel has notes (ExcelApi 1.18), a note with the findings. Each run of
 * marked cells is kept by a hidden defined name (ExcelApi 1.4), which Excel
 * moves with the cells through inserted and deleted rows and columns and
 * sheet renames, with the fill the cells had before; `clearMarks` puts that
 * fill back only on cells still showing the mark, so a cell the user has
 * re-formatted since stays as the user left it, and a run whose cells or
 * sheet were deleted is simply gone. Cells are handled as runs of rows in a
 * column: one read of their fills, one fill and one name per run.
 */
import { columnBlock, columnReference, splitCell } from "./addresses";
import { COMMAND_BYTES, jsonBytes, ROUND_TRIP_BUDGET, RoundTrips, runs } from "./batch";
import { cellNotes, type CellRef } from "./notes";
import { excelApiSupported, NOTES_API } from "./requirements";
import { readSetting, saveSetting } from "./settings";

const MARKS_KEY = "dcp.marks";
const NOTE_PREFIX = "DCP add-in:";
const MARK_COLORS = { error: "#F8CBAD", warning: "#FFE699" } as const;
/** One cell's fill in a getCellProperties answer. */
const FILL_BYTES = 120;
const FILLS_PER_READ = Math.floor(ROUND_TRIP_BUDGET.bytes / FILL_BYTES);
/** One note looked up: the command and its answer. */
const NOTE_LOOKUP_BYTES = 2 * COMMAND_BYTES;
/**
 * Notes go on at most this many cells a Mark: each note is a command of its
 * own, and past a thousand cells the notes would bury the sheet while the
 * report sheet lists every message anyway.
 */
export const NOTES_LIMIT = 1_000;

export interface Fill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
}

const NO_FILL: Fill = { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: 0 };

/** Defined names the add-in keeps its marks by: `_DCP_mark_1`, `_DCP_mark_2`, … */
const NAME_PREFIX = "_DCP_mark_";

/**
 * A run of marked cells as the workbook keeps it (document settings): the
 * hidden name that follows its cells, the fill they had before, whether the
 * add-in added their notes, and the colour of the mark.
 */
interface SavedRun {
  name: string;
  fill: Fill;
  note: boolean;
  color: string;
}

/** Marks saved before names kept them (releases 1 and 2): cells by sheet, column and rows ("2-9,12"). */
interface SavedGroup {
  sheet: string;
  column: string;
  rows: string;
  fill: Fill;
  note: boolean;
}

interface SavedMarks {
  version: 3;
  /** The number the next name takes, so a name is never reused. */
  next: number;
  runs: SavedRun[];
  legacy: SavedGroup[];
}

/** Where a run's cells are now, and what to put back. */
interface LiveRun {
  sheet: string;
  column: string;
  first: number;
  last: number;
  fill: Fill;
  note: boolean;
  /** The fills that mean the cell still shows the mark. */
  marks: string[];
}

function rowsOf(text: string): number[] {
  return text.split(",").flatMap((part) => {
    const [from, to = from] = part.split("-").map(Number);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

const cellKey = (cell: CellRef) => `${cell.sheet}!${cell.address}`;

function savedMarks(): SavedMarks {
  const saved = readSetting<SavedMarks | { groups: SavedGroup[] } | Array<{ sheet: string; address: string; fill: Fill; addedNote: boolean }>>(MARKS_KEY);
  if (!saved) return { version: 3, next: 1, runs: [], legacy: [] };
  if (Array.isArray(saved)) {
    const legacy = saved.map((m) => {
      const { column, row } = oneCell(m.address);
      return { sheet: m.sheet, column, rows: String(row), fill: m.fill, note: m.addedNote };
    });
    return { version: 3, next: 1, runs: [], legacy };
  }
  if ("version" in saved && saved.version === 3) return saved;
  return { version: 3, next: 1, runs: [], legacy: (saved as { groups: SavedGroup[] }).groups };
}

/**
 * Where every saved run's cells are now, in one round trip: a run kept by a
 * name is where the name's formula says (gone if the user deleted its cells,
 * its sheet or the name); a run saved before names is where it was, if its
 * sheet is still there. Also the names found, for `clearMarks` to delete.
 *
 * Everything here is in ExcelApi 1.7 (NamedItem.formula) or older, within the manifest's 1.9.
 */
async function locateMarks(context: Excel.RequestContext, saved: SavedMarks): Promise<{ live: LiveRun[]; names: Excel.NamedItem[] }> {
  const named = saved.runs.map((run) => {
    const item = context.workbook.names.getItemOrNullObject(run.name);
    item.load("formula");
    return { run, item };
  });
  const legacy = saved.legacy.map((group) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(group.sheet);
    sheet.load("name");
    return { group, sheet };
  });
  await context.sync();
  const live: LiveRun[] = [];
  for (const { run, item } of named) {
    const where = item.isNullObject ? undefined : columnReference(String(item.formula));
    if (where) live.push({ ...where, fill: run.fill, note: run.note, marks: [run.color] });
  }
  for (const { group, sheet } of legacy) {
    if (sheet.isNullObject) continue;
    const cells = rowsOf(group.rows).map((row) => ({ sheet: sheet.name, address: `${group.column}${row}` }));
    for (const run of columnRuns(cells)) live.push({ ...run, fill: group.fill, note: group.note, marks: Object.values(MARK_COLORS) });
  }
  return { live, names: named.filter(({ item }) => !item.isNullObject).map(({ item }) => item) };
}

function oneCell(address: string): { column: string; row: number } {
  const cell = splitCell(address);
  if (!cell) throw new Error(`Marks go on single cells; ${address} is not one.`);
  return cell;
}

/** Runs of consecutive rows in one column of one sheet, split wherever `same` says two neighbours differ. */
function columnRuns<T extends CellRef>(
  cells: readonly T[],
  same: (a: T, b: T) => boolean = () => true,
): Array<{ sheet: string; column: string; first: number; last: number; cells: T[] }> {
  const sorted = cells
    .map((cell) => ({ cell, ...oneCell(cell.address) }))
    .sort((a, b) =>
      a.cell.sheet !== b.cell.sheet
        ? a.cell.sheet < b.cell.sheet
          ? -1
          : 1
        : a.column !== b.column
          ? a.column.length - b.column.length || (a.column < b.column ? -1 : 1)
          : a.row - b.row,
    );
  const out: Array<{ sheet: string; column: string; first: number; last: number; cells: T[] }> = [];
  for (const { cell, column, row } of sorted) {
    const run = out[out.length - 1];
    if (run && run.sheet === cell.sheet && run.column === column && run.last === row - 1 && same(run.cells[run.cells.length - 1], cell)) {
      run.last = row;
      run.cells.push(cell);
    } else {
      out.push({ sheet: cell.sheet, column, first: row, last: row, cells: [cell] });
    }
  }
  return out;
}

function fillFrom(fill: Excel.CellPropertiesFill | undefined): Fill {
  return {
    color: fill?.color ?? NO_FILL.color,
    pattern: fill?.pattern ?? NO_FILL.pattern,
    patternColor: fill?.patternColor ?? NO_FILL.patternColor,
    tintAndShade: fill?.tintAndShade ?? NO_FILL.tintAndShade,
  };
}

export interface MarkResult {
  /** Cells newly marked. */
  marked: number;
  /** Whether their messages went into notes; if not, the report sheet is where they are. */
  notes: boolean;
}

export interface MarkRequest {
  sheet: string;
  address: string;
  severity: "error" | "warning";
  note: string;
}

interface MarkedCell extends MarkRequest {
  fill: Fill;
  addedNote: boolean;
}

/** The rows of a run (and its cells, where it has them), in parts whose fills one round trip can read. */
function readParts<R extends { first: number; last: number; cells?: unknown[] }>(run: R): R[] {
  const parts: R[] = [];
  for (let first = run.first; first <= run.last; first += FILLS_PER_READ) {
    const last = Math.min(run.last, first + FILLS_PER_READ - 1);
    parts.push({ ...run, first, last, cells: run.cells?.slice(first - run.first, last - run.first + 1) });
  }
  return parts;
}

/** Queues reading the fills of a column's rows; the returned function gives them after the sync. */
async function queueFillRead(trips: RoundTrips, context: Excel.RequestContext, part: { sheet: string; column: string; first: number; last: number }) {
  const count = part.last - part.first + 1;
  let fills: () => Fill[] = () => [];
  await trips.queue({ bytes: COMMAND_BYTES + count * FILL_BYTES, cells: count }, () => {
    const properties = context.workbook.worksheets
      .getItem(part.sheet)
      .getRange(columnBlock(part.column, part.first, part.last))
      .getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true } } });
    fills = () => properties.value.map((row) => fillFrom(row[0].format?.fill));
  });
  return () => fills();
}

/**
 * Fills each offending cell and, where this Excel has notes and the cells
 * are at most NOTES_LIMIT, adds a note where the cell has none. A cell
 * already marked keeps its first saved fill. Each run of cells with the same
 * previous fill, note and mark gets a hidden name that keeps it.
 */
export async function markCells(requests: readonly MarkRequest[]): Promise<MarkResult> {
  const saved = savedMarks();
  const byCell = new Map<string, MarkRequest>();
  for (const request of requests) {
    const key = cellKey(request);
    oneCell(request.address);
    const earlier = byCell.get(key);
    byCell.set(
      key,
      earlier ? { ...earlier, severity: earlier.severity === "error" ? "error" : request.severity, note: `${earlier.note}\n${request.note}` } : request,
    );
  }
  if (byCell.size === 0) return { marked: 0, notes: false };

  let withNotes = false;
  const { kept, marked } = await Excel.run(async (context) => {
    let targets = [...byCell.values()];
    if (saved.runs.length + saved.legacy.length > 0) {
      // Cells inside a run that still stands are marked already: they keep the fill saved for them.
      const { live } = await locateMarks(context, saved);
      const already = new Set(live.flatMap((run) => Array.from({ length: run.last - run.first + 1 }, (_, i) => `${run.sheet}!${run.column}${run.first + i}`)));
      targets = targets.filter((t) => !already.has(cellKey(t)));
    }
    if (targets.length === 0) return { kept: [], marked: 0 };
    const notes = excelApiSupported(NOTES_API) && targets.length <= NOTES_LIMIT ? cellNotes(context) : undefined;
    withNotes = notes !== undefined;
    const trips = new RoundTrips(context);

    // Read: the fill each cell has now, and which cells hold a note already.
    const segments = columnRuns(targets).flatMap(readParts);
    const fillsOf: Array<() => Fill[]> = [];
    for (const segment of segments) fillsOf.push(await queueFillRead(trips, context, segment));
    const noted = new Set<string>();
    if (notes) {
      let candidates: readonly MarkRequest[] = targets;
      // Looking up every cell's note costs a command a cell: past a few thousand cells, count first and look only on sheets that have notes.
      if (targets.length * NOTE_LOOKUP_BYTES > ROUND_TRIP_BUDGET.bytes / 4) {
        const sheets = [...new Set(targets.map((t) => t.sheet))];
        let counts: () => number[] = () => [];
        await trips.queue({ bytes: sheets.length * NOTE_LOOKUP_BYTES }, () => (counts = notes.count(sheets)));
        await trips.send();
        const withNotes = new Set(sheets.filter((_, i) => counts()[i] > 0));
        candidates = targets.filter((t) => withNotes.has(t.sheet));
      }
      const answers: Array<{ cells: readonly MarkRequest[]; texts: () => Array<string | undefined> }> = [];
      for (const [start, end] of runs(candidates.length, () => NOTE_LOOKUP_BYTES)) {
        const cells = candidates.slice(start, end);
        await trips.queue({ bytes: cells.length * NOTE_LOOKUP_BYTES }, () => answers.push({ cells, texts: notes.read(cells) }));
      }
      await trips.send();
      for (const { cells, texts } of answers) texts().forEach((text, i) => text !== undefined && noted.add(cellKey(cells[i])));
    }
    await trips.send();

    // Write: one fill and one hidden name a run of cells alike in previous fill, note and mark; one note a cell.
    const cells: MarkedCell[] = segments.flatMap((segment, s) => {
      const fills = fillsOf[s]();
      return segment.cells.map((t, i) => ({ ...t, fill: fills[i], addedNote: notes !== undefined && !noted.has(cellKey(t)) }));
    });
    const alike = (a: MarkedCell, b: MarkedCell) => a.severity === b.severity && a.addedNote === b.addedNote && sameFill(a.fill, b.fill);
    const kept: SavedRun[] = [];
    for (const run of columnRuns(cells, alike)) {
      const color = MARK_COLORS[run.cells[0].severity];
      const name = `${NAME_PREFIX}${saved.next++}`;
      kept.push({ name, fill: run.cells[0].fill, note: run.cells[0].addedNote, color });
      await trips.queue({ bytes: 5 * COMMAND_BYTES }, () => {
        const range = context.workbook.worksheets.getItem(run.sheet).getRange(columnBlock(run.column, run.first, run.last));
        range.format.fill.color = color;
        context.workbook.names.add(name, range).visible = false;
      });
    }
    if (notes) {
      for (const target of targets) {
        if (noted.has(cellKey(target))) continue;
        const content = `${NOTE_PREFIX}\n${target.note}`;
        await trips.queue({ bytes: COMMAND_BYTES + jsonBytes(content) }, () => notes.add(target, content));
      }
    }
    await trips.send();
    return { kept, marked: cells.length };
  });
  await saveSetting(MARKS_KEY, { ...saved, runs: [...saved.runs, ...kept] });
  return { marked, notes: withNotes };
}

const sameFill = (a: Fill, b: Fill) => JSON.stringify(a) === JSON.stringify(b);

/** Whether a cell shows one of the add-in's marks (getCellProperties gives colours as #RRGGBB). */
function showsMark(fill: Fill, marks: readonly string[]): boolean {
  return fill.pattern === "Solid" && marks.includes(fill.color.toUpperCase());
}

/**
 * Puts back the fill of every marked cell that still shows its mark, wherever
 * its rows or sheet have moved since; a cell the user re-formatted keeps the
 * user's format, and cells or sheets deleted since are simply gone. Removes
 * the notes the add-in added (those still starting with its prefix) and the
 * names that kept the marks. Returns how many cells it put back.
 */
export async function clearMarks(): Promise<number> {
  const saved = savedMarks();
  if (saved.runs.length + saved.legacy.length === 0) return 0;
  const restored = await Excel.run(async (context) => {
    const { live, names } = await locateMarks(context, saved);
    const notes = excelApiSupported(NOTES_API) ? cellNotes(context) : undefined;
    const trips = new RoundTrips(context);

    // Read: each run's fills now, and the notes on the cells whose note the add-in added.
    const parts = live.flatMap(readParts);
    const fillsOf: Array<() => Fill[]> = [];
    for (const part of parts) fillsOf.push(await queueFillRead(trips, context, part));
    const noteAnswers: Array<{ cells: readonly CellRef[]; texts: () => Array<string | undefined> }> = [];
    if (notes) {
      const cells = live
        .filter((run) => run.note)
        .flatMap((run) => Array.from({ length: run.last - run.first + 1 }, (_, i) => ({ sheet: run.sheet, address: `${run.column}${run.first + i}` })));
      for (const [start, end] of runs(cells.length, () => NOTE_LOOKUP_BYTES)) {
        const slice = cells.slice(start, end);
        await trips.queue({ bytes: slice.length * NOTE_LOOKUP_BYTES }, () => noteAnswers.push({ cells: slice, texts: notes.read(slice) }));
      }
    }
    await trips.send();

    // Write: the saved fill back on each run of cells still showing the mark (a range, its fill and four properties: about three commands' worth).
    let count = 0;
    for (const [p, part] of parts.entries()) {
      const marked = fillsOf[p]()
        .map((fill, i) => ({ sheet: part.sheet, address: `${part.column}${part.first + i}`, fill }))
        .filter((cell) => showsMark(cell.fill, part.marks));
      count += marked.length;
      for (const run of columnRuns(marked)) {
        const { color, pattern, patternColor, tintAndShade } = part.fill;
        await trips.queue({ bytes: 3 * COMMAND_BYTES }, () => {
          const fill = context.workbook.worksheets.getItem(run.sheet).getRange(columnBlock(run.column, run.first, run.last)).format.fill;
          if (pattern === "None") {
            fill.clear();
          } else {
            fill.color = color;
            fill.pattern = pattern as Excel.FillPattern;
            fill.patternColor = patternColor;
            fill.tintAndShade = tintAndShade;
          }
        });
      }
    }
    if (notes) {
      for (const { cells, texts } of noteAnswers) {
        for (const [i, text] of texts().entries()) {
          if (text?.startsWith(NOTE_PREFIX)) await trips.queue({ bytes: 2 * COMMAND_BYTES }, () => notes.remove(cells[i]));
        }
      }
    }
    for (const name of names) await trips.queue({ bytes: COMMAND_BYTES }, () => name.delete());
    await trips.send();
    return count;
  });
  await saveSetting(MARKS_KEY, { ...saved, runs: [], legacy: [] });
  return restored;
}
