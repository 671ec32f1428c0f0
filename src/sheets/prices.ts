import { pricesFromCells } from "../cells/ranges";
import { Decimal } from "../engine/decimal";
import { invalidValue, PlanError } from "../engine/errors";
import { implausiblePerShare } from "../engine/plausibility";
import type { PriceTable } from "../engine/prices";
import { excelError } from "./cellReaders";
import { outsideTableFindings } from "./extent";
import type { CellFinding } from "./findings";
import { cellAddress, isBlankRow, UnsavedFormula, type SheetGrid } from "./grid";

/**
 * A prices sheet's first two columns, [date, close], as a price table (throws
 * a PlanError naming the bad row). A cell with no value to read (an error, an
 * uncalculated formula) is named by its address before the table is parsed,
 * and so is a close beyond what a share could plausibly cost (§5.1): one such
 * slip would stand in every quarter average it falls in.
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
    const close = grid.values[r][1];
    const implausible = typeof close === "number" && Number.isFinite(close) ? implausiblePerShare(new Decimal(close)) : undefined;
    if (implausible) throw invalidValue(`${grid.sheet}!${cellAddress(grid, r, 1)}: a close of ${implausible}; check the cell`);
  }
  return pricesFromCells(
    grid.values.map((row) => [row[0] ?? "", row[1] ?? ""]),
    grid.sheet,
  );
}

export interface PricesRead {
  /** Undefined when the sheet holds no rows, or when it is `unusable`. */
  table?: PriceTable;
  /** Values outside the sheet's table (T01), on their cells. */
  findings: CellFinding[];
  /** Why the table cannot be used, in a sentence's words: one bad row makes every price doubtful. */
  unusable?: string;
}

/** A prices sheet as every workflow reads it: the table, or why it cannot be used. */
export function readPricesSheet(grid: SheetGrid): PricesRead {
  const findings = outsideTableFindings(grid);
  if (grid.values.every(isBlankRow)) return { findings };
  try {
    return { table: priceTableFrom(grid), findings };
  } catch (error) {
    if (error instanceof PlanError) return { findings, unusable: `the prices sheet cannot be used: ${error.message}` };
    throw error;
  }
}
