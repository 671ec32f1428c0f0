import { pricesFromCells } from "../cells/ranges";
import { invalidValue } from "../engine/errors";
import type { PriceTable } from "../engine/prices";
import { excelError } from "./cells";
import { cellAddress, UnsavedFormula, type SheetGrid } from "./grid";

/**
 * A prices sheet's first two columns, [date, close], as a price table (throws
 * a PlanError naming the bad row). A cell with no value to read (an error, an
 * uncalculated formula) is named by its address before the table is parsed.
 */
export function priceTableFrom(grid: SheetGrid): PriceTable {
  for (let r = 0; r < grid.values.length; r++) {
    for (let c = 0; c < 2; c++) {
      const cell = grid.values[r][c];
      const where = `${grid.sheet}!${cellAddress(grid, r, c)}`;
      if (cell instanceof UnsavedFormula) throw invalidValue(`${where} holds a formula with no saved value (${cell.toString()}): open and save it in Excel`);
      const error = excelError(cell);
      if (error !== undefined) throw invalidValue(`${where} holds the error ${error}; correct the formula or value behind it`);
    }
  }
  return pricesFromCells(
    grid.values.map((row) => [row[0] ?? "", row[1] ?? ""]),
    grid.sheet,
  );
}
