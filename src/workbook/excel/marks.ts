/**
 * Marks on the user's cells: a fill on each offending cell and, where this
 * Excel has notes (ExcelApi 1.18), a note with the findings. Each cell's fill
 * is remembered first, so `clearMarks` puts it back exactly, and a note is
 * added only where the cell has none. Cells are handled as runs of rows in a
 * column: one read of their fills, one fill per run, whatever the count.
 */
import { columnBlock, splitCell } from "./addresses";
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

interface MarkedCell extends CellRef {
  fill: Fill;
  addedNote: boolean;
}

/**
 * Marks as the workbook keeps them (document settings): cells grouped by
 * sheet, column, previous fill and note, their rows as ranges ("2-9,12"), so
 * that 100,000 marked rows take a few bytes, not megabytes.
 */
interface SavedGroup {
  sheet: string;
  column: string;
  rows: string;
  fill: Fill;
  note: boolean;
}

/** The first release saved one entry a cell. */
interface SavedCellV1 {
  sheet: string;
  address: string;
  fill: Fill;
  addedNote: boolean;
}

function rowsText(rows: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    parts.push(i === j ? String(rows[i]) : `${rows[i]}-${rows[j]}`);
    i = j + 1;
  }
  return parts.join(",");
}

function rowsOf(text: string): number[] {
  return text.split(",").flatMap((part) => {
    const [from, to = from] = part.split("-").map(Number);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

const cellKey = (cell: CellRef) => `${cell.sheet}!${cell.address}`;

function savedCells(): MarkedCell[] {
  const saved = readSetting<{ groups: SavedGroup[] } | SavedCellV1[]>(MARKS_KEY);
  if (!saved) return [];
  if (Array.isArray(saved)) return saved.map((m) => ({ sheet: m.sheet, address: m.address, fill: m.fill, addedNote: m.addedNote }));
  return saved.groups.flatMap((g) => rowsOf(g.rows).map((row) => ({ sheet: g.sheet, address: `${g.column}${row}`, fill: g.fill, addedNote: g.note })));
}

function saveCells(cells: readonly MarkedCell[]): Promise<void> {
  const groups = new Map<string, { group: Omit<SavedGroup, "rows">; rows: number[] }>();
  for (const cell of cells) {
    const { column, row } = oneCell(cell.address);
    const key = JSON.stringify([cell.sheet, column, cell.fill, cell.addedNote]);
    const entry = groups.get(key) ?? { group: { sheet: cell.sheet, column, fill: cell.fill, note: cell.addedNote }, rows: [] };
    entry.rows.push(row);
    groups.set(key, entry);
  }
  return saveSetting(MARKS_KEY, {
    version: 2,
    groups: [...groups.values()].map(({ group, rows }) => ({ ...group, rows: rowsText(rows.sort((a, b) => a - b)) })),
  });
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
    const run = out.at(-1);
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

/**
 * Fills each offending cell and, where this Excel has notes and the cells
 * are at most NOTES_LIMIT, adds a note where the cell has none. A cell
 * already marked keeps its first saved fill.
 */
export async function markCells(requests: readonly MarkRequest[]): Promise<MarkResult> {
  const saved = savedCells();
  const already = new Set(saved.map(cellKey));
  const byCell = new Map<string, MarkRequest>();
  for (const request of requests) {
    const key = cellKey(request);
    if (already.has(key)) continue;
    oneCell(request.address);
    const earlier = byCell.get(key);
    byCell.set(
      key,
      earlier ? { ...earlier, severity: earlier.severity === "error" ? "error" : request.severity, note: `${earlier.note}\n${request.note}` } : request,
    );
  }
  const targets = [...byCell.values()];
  if (targets.length === 0) return { marked: 0, notes: false };

  let withNotes = false;
  const marked = await Excel.run(async (context) => {
    const notes = excelApiSupported(NOTES_API) && targets.length <= NOTES_LIMIT ? cellNotes(context) : undefined;
    withNotes = notes !== undefined;
    const trips = new RoundTrips(context);
    const sheet = (name: string) => context.workbook.worksheets.getItem(name);

    // Read: the fill each cell has now, and which cells hold a note already.
    const segments = columnRuns(targets).flatMap((run) => {
      // A read's answer stays within a round trip: a long run is read in parts.
      const parts = [];
      for (let start = 0; start < run.cells.length; start += FILLS_PER_READ) {
        const cells = run.cells.slice(start, start + FILLS_PER_READ);
        parts.push({ ...run, first: run.first + start, last: run.first + start + cells.length - 1, cells });
      }
      return parts;
    });
    const fillsOf: Array<() => Fill[]> = [];
    for (const segment of segments) {
      await trips.queue({ bytes: COMMAND_BYTES + segment.cells.length * FILL_BYTES, cells: segment.cells.length }, () => {
        const properties = sheet(segment.sheet)
          .getRange(columnBlock(segment.column, segment.first, segment.last))
          .getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true } } });
        fillsOf.push(() => properties.value.map((row) => fillFrom(row[0].format?.fill)));
      });
    }
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

    // Write: one fill a run of cells of the same severity, one note a cell.
    const cells: MarkedCell[] = segments.flatMap((segment, s) => {
      const fills = fillsOf[s]();
      return segment.cells.map((t, i) => ({ sheet: t.sheet, address: t.address, fill: fills[i], addedNote: notes !== undefined && !noted.has(cellKey(t)) }));
    });
    for (const run of columnRuns(targets, (a, b) => a.severity === b.severity)) {
      await trips.queue({ bytes: 2 * COMMAND_BYTES }, () => {
        sheet(run.sheet).getRange(columnBlock(run.column, run.first, run.last)).format.fill.color = MARK_COLORS[run.cells[0].severity];
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
    return cells;
  });
  await saveCells([...saved, ...marked]);
  return { marked: marked.length, notes: withNotes };
}

/** Puts back every marked cell's fill and removes the notes the add-in added (those still starting with its prefix). */
export async function clearMarks(): Promise<number> {
  const marks = savedCells();
  if (marks.length === 0) return 0;
  await Excel.run(async (context) => {
    const notes = excelApiSupported(NOTES_API) ? cellNotes(context) : undefined;
    const trips = new RoundTrips(context);

    // Read: the notes the add-in added, so it removes only those still its own.
    const ours: CellRef[] = [];
    if (notes) {
      const added = marks.filter((m) => m.addedNote);
      const answers: Array<{ cells: readonly CellRef[]; texts: () => Array<string | undefined> }> = [];
      for (const [start, end] of runs(added.length, () => NOTE_LOOKUP_BYTES)) {
        const cells = added.slice(start, end);
        await trips.queue({ bytes: cells.length * NOTE_LOOKUP_BYTES }, () => answers.push({ cells, texts: notes.read(cells) }));
      }
      await trips.send();
      for (const { cells, texts } of answers) texts().forEach((text, i) => text?.startsWith(NOTE_PREFIX) && ours.push(cells[i]));
    }

    // Write: each run of cells that had the same fill gets it back (a range, its fill and four properties: about three commands' worth).
    const sameFill = (a: MarkedCell, b: MarkedCell) => JSON.stringify(a.fill) === JSON.stringify(b.fill);
    const sheets = new Map<string, Excel.Worksheet>();
    const sheet = (name: string) => {
      let worksheet = sheets.get(name);
      if (!worksheet) sheets.set(name, (worksheet = context.workbook.worksheets.getItem(name)));
      return worksheet;
    };
    for (const run of columnRuns(marks, sameFill)) {
      const { color, pattern, patternColor, tintAndShade } = run.cells[0].fill;
      await trips.queue({ bytes: 3 * COMMAND_BYTES }, () => {
        const fill = sheet(run.sheet).getRange(columnBlock(run.column, run.first, run.last)).format.fill;
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
    if (notes) for (const cell of ours) await trips.queue({ bytes: 2 * COMMAND_BYTES }, () => notes.remove(cell));
    await trips.send();
  });
  await saveCells([]);
  return marks.length;
}
