/**
 * Reading is bounded by the data, not by the extent a file records
 * (src/sheets/extent.ts, sheetGrid in src/workbook/xlsx.ts).
 */
import ExcelJS from "exceljs";
import { dataBlock, MAX_BLANK_COLUMNS_INSIDE, MAX_BLANK_ROWS_INSIDE, MAX_OUTSIDE_REPORTED, outsideTableFindings } from "../../src/sheets/extent";
import type { ValueCell } from "../../src/sheets/grid";
import { ELECTIONS_TEMPLATE } from "../../src/sheets/templates";
import { addTemplateSheet, sheetGrid } from "../../src/workbook/xlsx";

const EXCEL_LAST_ROW = 1_048_576;

/** A rows × columns table of values starting at (row, column). */
function table(row: number, column: number, rows: number, columns: number): ValueCell[] {
  const cells: ValueCell[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) cells.push({ row: row + r, column: column + c, value: `${r},${c}` });
  return cells;
}

/** The workbook as a file would bring it back: written and read again by ExcelJS. */
async function roundTrip(build: (workbook: ExcelJS.Workbook) => void): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(await workbook.xlsx.writeBuffer());
  return read.worksheets[0];
}

/** Rows ExcelJS has made for a sheet (it keeps them in a sparse array, and makes one for each row anything asks for). */
function rowsHeld(sheet: ExcelJS.Worksheet): number {
  return Object.keys((sheet as unknown as { _rows: unknown[] })._rows).length;
}

describe("dataBlock: the table among a sheet's values", () => {
  it("is nothing for a sheet without values", () => {
    expect(dataBlock([])).toBeUndefined();
  });

  it("spans a table with a few blank rows and columns inside it", () => {
    const cells = [...table(3, 1, 5, 4), ...table(3 + 5 + MAX_BLANK_ROWS_INSIDE, 1, 2, 4), { row: 4, column: 1 + 4 + MAX_BLANK_COLUMNS_INSIDE, value: "note" }];
    expect(dataBlock(cells)).toEqual({
      firstRow: 3,
      lastRow: 3 + 5 + MAX_BLANK_ROWS_INSIDE + 1,
      firstColumn: 1,
      lastColumn: 1 + 4 + MAX_BLANK_COLUMNS_INSIDE,
      outside: [],
    });
  });

  it("leaves out a value far below the table, and one far to its right", () => {
    const below = { row: EXCEL_LAST_ROW, column: 25, value: "stray" };
    const right = { row: 2, column: 16_383, value: "far right" };
    const block = dataBlock([...table(1, 0, 14, 15), right, below]);
    expect(block).toEqual({ firstRow: 1, lastRow: 14, firstColumn: 0, lastColumn: 14, outside: [right, below] });
  });

  it("takes the block with the most values when a smaller one sits far above it", () => {
    const note = { row: 1, column: 0, value: "Prepared by payroll" };
    const block = dataBlock([note, ...table(500, 2, 10, 3)]);
    expect(block).toMatchObject({ firstRow: 500, lastRow: 509, firstColumn: 2, lastColumn: 4, outside: [note] });
  });
});

describe("sheetGrid over files whose recorded extent reaches row 1,048,576", () => {
  it("reads one stray value at Z1048576 as a 14-row grid, and keeps the stray aside", async () => {
    const sheet = await roundTrip((workbook) => {
      addTemplateSheet(workbook, ELECTIONS_TEMPLATE).getCell("Z1048576").value = "stray";
    });
    expect(sheet.rowCount).toBe(EXCEL_LAST_ROW);
    const grid = sheetGrid(sheet);
    expect(grid.values).toHaveLength(ELECTIONS_TEMPLATE.rows.length + 1);
    expect(grid.values[0]).toHaveLength(ELECTIONS_TEMPLATE.columns.length);
    expect(grid.outside).toEqual([{ row: EXCEL_LAST_ROW, column: 25, value: "stray" }]);
    // Reading made no rows: ExcelJS still holds only the table's and the stray's, not the empty million between.
    expect(rowsHeld(sheet)).toBe(ELECTIONS_TEMPLATE.rows.length + 2);
  });

  it("reads formatting at row 1,048,576 as nothing at all", async () => {
    const sheet = await roundTrip((workbook) => {
      const elections = addTemplateSheet(workbook, ELECTIONS_TEMPLATE);
      elections.getRow(EXCEL_LAST_ROW).font = { bold: true };
      elections.getCell("XFD1048576").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    });
    expect(sheet.rowCount).toBe(EXCEL_LAST_ROW);
    const held = rowsHeld(sheet);
    const grid = sheetGrid(sheet);
    expect(grid.values).toHaveLength(ELECTIONS_TEMPLATE.rows.length + 1);
    expect(grid.outside).toEqual([]);
    expect(rowsHeld(sheet)).toBe(held);
  });

  it("starts the grid at the table's first cell, so every address still names its cell", async () => {
    const sheet = await roundTrip((workbook) => {
      const s = workbook.addWorksheet("Prices");
      s.getCell("C5").value = "Date";
      s.getCell("D5").value = "Close";
      s.getCell("C6").value = "2003-01-02";
      s.getCell("D6").value = 4.5;
    });
    expect(sheetGrid(sheet)).toEqual({
      sheet: "Prices",
      values: [
        ["Date", "Close"],
        ["2003-01-02", 4.5],
      ],
      firstRow: 5,
      firstColumn: 2,
      outside: [],
    });
  });

  it("shares one row among blank rows inside the table, so long gaps cost no memory", async () => {
    const sheet = await roundTrip((workbook) => {
      const s = workbook.addWorksheet("Ledger");
      for (let r = 1; r <= 2_000; r += MAX_BLANK_ROWS_INSIDE + 1) s.getCell(r, 1).value = r;
    });
    const grid = sheetGrid(sheet);
    expect(grid.values.length).toBeGreaterThan(1_900);
    expect(new Set(grid.values).size).toBe(21);
  });
});

describe("outsideTableFindings: one warning on each value left outside", () => {
  it("names the cell, its value and the table, and counts what it does not list", () => {
    const outside = table(2_000, 0, 1, MAX_OUTSIDE_REPORTED + 5);
    const grid = {
      sheet: "Elections",
      values: [
        ["Participant", "Type"],
        ["Ann", "IV-SAL"],
      ],
      firstRow: 1,
      firstColumn: 0,
      outside,
    };
    const findings = outsideTableFindings(grid);
    expect(findings).toHaveLength(MAX_OUTSIDE_REPORTED);
    expect(findings[0]).toEqual({
      sheet: "Elections",
      cell: "A2000",
      row: 2_000,
      column: "A",
      rule: "T01",
      section: "—",
      severity: "warning",
      message: 'Cell A2000 holds "0,0", outside the table (A1:B2) on Elections; it is not read. Move it into the table or clear it.',
    });
    expect(findings[MAX_OUTSIDE_REPORTED - 1].message).toMatch(/ 5 more cells lie outside it too\.$/);
  });
});
