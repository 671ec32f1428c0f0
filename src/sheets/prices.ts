import { PriceTable } from "../engine/prices";
import type { SheetGrid } from "./grid";

/** A prices sheet's first two columns, [date, close], as a price table (throws a PlanError naming the bad row). */
export function priceTableFrom(grid: SheetGrid): PriceTable {
  return PriceTable.fromCells(
    grid.values.map((row) => [row[0] ?? "", row[1] ?? ""]),
    grid.sheet,
  );
}
