/** Tables as a formula receives them, and the reading kept for an unchanged table. */
import { pricesFromCells } from "../../src/cells/ranges";
import { isoDateToSerial } from "../../src/cells/serials";
import { cachedCells, dataRows, MAX_CACHED_CELLS, parseTableCached } from "../../src/cells/tables";
import { PlanError } from "../../src/engine/errors";

const WHOLE_COLUMN = 1_048_576;
const COLUMNS = ["date", "close"] as const;

/** A fresh matrix each time, as Excel marshals one for every call. */
function pricesRange(rows: number, blankRows = 0, blank: unknown = ""): unknown[][] {
  const matrix: unknown[][] = [["Date", "Close"]];
  for (let i = 0; i < rows; i++) matrix.push([isoDateToSerial("2003-01-02") + i, 4 + (i % 7) / 4]);
  for (let i = 0; i < blankRows; i++) matrix.push([blank, blank]);
  return matrix;
}

/** `parseTableCached` with a build that counts its runs. */
function counted(kind: string) {
  let builds = 0;
  const read = (matrix: unknown) =>
    parseTableCached(matrix, kind, COLUMNS, (cells) => {
      builds++;
      return { rows: dataRows(cells, kind, COLUMNS).length };
    });
  return { read, builds: () => builds };
}

describe("the rows of a table", () => {
  it('skips the header and blank rows ("", null, or 0 as Excel desktop hands an empty cell) and numbers rows as the range does', () => {
    const rows = dataRows(
      [
        ["Date", "Close"],
        ["", ""],
        [37_622, 4],
        [0, 0],
        [null, null],
        [37_623, 4.25],
      ],
      "prices",
      COLUMNS,
    );
    expect(rows.map((r) => r.rowNumber)).toEqual([3, 6]);
  });

  it("names a range of the wrong width", () => {
    expect(() => dataRows([[1, 2, 3]], "prices", COLUMNS)).toThrow("prices has 3 column(s); it must be a 2-column range [date, close]");
  });
});

describe("the reading kept for an unchanged table", () => {
  it("is reused for a fresh matrix with the same cells, and read again when any cell differs", () => {
    const { read, builds } = counted("identical");
    const first = read(pricesRange(500));
    expect(read(pricesRange(500))).toBe(first);
    expect(builds()).toBe(1);
    const changed = pricesRange(500);
    changed[250][1] = 99;
    expect(read(changed)).not.toBe(first);
    expect(builds()).toBe(2);
  });

  it.each<[string, (matrix: unknown[][]) => void]>([
    ["one close changed in the middle", (m) => (m[3_000][1] = (m[3_000][1] as number) + 0.01)],
    ["one date changed in the middle", (m) => (m[3_000][0] = (m[3_000][0] as number) + 1)],
    ["a close changed by the least a binary number can", (m) => (m[3_000][1] = (m[3_000][1] as number) * (1 + Number.EPSILON))],
    ["a close changed from a number to the same number as text", (m) => (m[3_000][1] = String(m[3_000][1]))],
    ["a date changed from a serial to the same date as text", (m) => (m[3_000][0] = "2011-03-21")],
    ["a close changed to true", (m) => (m[2][1] = true)],
    ["a blank cell changed from the web's empty text to desktop's 0", (m) => (m[6_000][1] = 0)],
    ["a blank cell changed from the web's empty text to null", (m) => (m[6_000][1] = null)],
    ["the last row changed", (m) => (m[m.length - 1][1] = 5)],
    ["the header changed", (m) => (m[0][1] = "Price")],
    ["two rows swapped", (m) => ([m[10], m[11]] = [m[11], m[10]])],
    ["a row added", (m) => m.push(["", ""])],
    ["a row removed", (m) => m.pop()],
    ["a row one cell short", (m) => (m[5] = [m[5][0]])],
    ["every close shifted by one row: the same length, other values", (m) => m.slice(1, 6_000).forEach((row, i) => (row[1] = 4 + ((i + 1) % 7) / 4))],
  ])("is never reused for a table with %s", (what, change) => {
    const { read, builds } = counted(`wrong hits: ${what}`);
    const original = pricesRange(6_000, 5);
    const reading = read(original);
    expect(read(pricesRange(6_000, 5))).toBe(reading);
    const changed = pricesRange(6_000, 5);
    change(changed);
    const outcome = () => {
      try {
        return read(changed);
      } catch (error) {
        return error; // a row one cell short cannot be read: what matters is that it was read again
      }
    };
    expect(outcome()).not.toBe(reading);
    expect(builds()).toBe(2);
  });

  it("reads a changed price table again, and the changed close is the one used", () => {
    const range = pricesRange(60);
    const before = pricesFromCells(range).closePrice("2003-01-02").toNumber();
    const changed = pricesRange(60);
    changed[1][1] = "4";
    expect(() => pricesFromCells(changed)).toThrow('prices row 2: close "4" is not a number');
    changed[1][1] = before + 1;
    expect(pricesFromCells(changed).closePrice("2003-01-02").toNumber()).toBe(before + 1);
    expect(pricesFromCells(pricesRange(60)).closePrice("2003-01-02").toNumber()).toBe(before);
  });

  it('holds a whole-column range as its data rows plus the one blank row repeated below them, on the web ("") and on desktop (0)', () => {
    for (const blank of ["", 0]) {
      const before = cachedCells();
      const { read, builds } = counted(`whole column ${String(blank)}`);
      expect(read(pricesRange(6_000, WHOLE_COLUMN - 6_001, blank))).toEqual({ rows: 6_000 });
      expect(cachedCells() - before).toBe(6_001 * 2 + 2);
      expect(read(pricesRange(6_000, WHOLE_COLUMN - 6_001, blank))).toEqual({ rows: 6_000 });
      expect(builds()).toBe(1);
    }
  });

  it("sees a price entered far below the data of a whole column", () => {
    const column = pricesRange(60, WHOLE_COLUMN - 61);
    expect(pricesFromCells(column).size).toBe(60);
    const extended = pricesRange(60, WHOLE_COLUMN - 61);
    extended[1_000_000] = [isoDateToSerial("2010-01-04"), 7];
    expect(pricesFromCells(extended).closePrice("2010-01-04").toNumber()).toBe(7);
  });

  it("keeps a bad table's error: an identical range fails again, with the same message, without being read again", () => {
    let builds = 0;
    const read = () =>
      parseTableCached([["2003-01-02", -1]], "bad", COLUMNS, () => {
        builds++;
        throw new PlanError("invalidValue", "bad row 1: close -1 must be positive");
      });
    expect(read).toThrow("bad row 1: close -1 must be positive");
    expect(read).toThrow("bad row 1: close -1 must be positive");
    expect(builds).toBe(1);
  });

  it("is bounded by the cells it holds, however many tables: the least recently used go first", () => {
    const rows = Math.floor(MAX_CACHED_CELLS / 2 / 4); // each table a quarter of the bound
    const tables = Array.from({ length: 6 }, (_, t) => counted(`bounded ${t}`));
    for (const table of tables) table.read(pricesRange(rows));
    expect(cachedCells()).toBeLessThanOrEqual(MAX_CACHED_CELLS);
    tables[5].read(pricesRange(rows));
    expect(tables[5].builds()).toBe(1);
    tables[0].read(pricesRange(rows));
    expect(tables[0].builds()).toBe(2);
  });

  it("reads a table larger than the bound on every call, and reads it right", () => {
    const { read, builds } = counted("huge");
    const rows = MAX_CACHED_CELLS / 2 + 1;
    expect(read(pricesRange(rows))).toEqual({ rows });
    expect(read(pricesRange(rows))).toEqual({ rows });
    expect(builds()).toBe(2);
    expect(cachedCells()).toBeLessThanOrEqual(MAX_CACHED_CELLS);
  });
});
