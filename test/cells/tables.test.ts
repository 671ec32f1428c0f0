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
