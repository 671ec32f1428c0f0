/**
 * The plan's tables as a formula receives them (FUNCTIONS.md, "Prices" and
 * the same rules for flows, primeRates and ledger): each range read into the
 * engine's typed values, every row checked, the reading kept for an identical
 * range.
 */
import { compareDates, type IsoDate } from "../engine/dates";
import { invalidValue } from "../engine/errors";
import type { Decimal } from "../engine/decimal";
import { primeRateSchedule, type Flow, type PrimeRate } from "../engine/investment";
import { PriceTable, type PriceEntry } from "../engine/prices";
import { ledgerQuantityProblem, parseLedgerKind, type LedgerEntry } from "../engine/reserve";
import { dataRows, parseTableCached } from "./tables";
import { describe, readDateCell, readNumberCell, type CellValue } from "./values";

export const PRICE_COLUMNS = ["date", "close"] as const;
const FLOW_COLUMNS = ["date", "amount"] as const;
const PRIME_RATE_COLUMNS = ["date", "annual rate"] as const;
const LEDGER_COLUMNS = ["date", "kind", "quantity"] as const;

/** A row's date: required in every table. */
function rowDate(cell: CellValue, where: string): IsoDate {
  const date = readDateCell(cell, `${where}: date`);
  if (date === undefined) throw invalidValue(`${where}: the date is blank`);
  return date;
}

/** `[date, number]` rows, in the order entered. */
function datedRows(
  matrix: CellValue[][],
  name: string,
  columns: readonly string[],
  valueName: string,
): Array<{ rowNumber: number; date: IsoDate; value: Decimal }> {
  return dataRows(matrix, name, columns).map(({ rowNumber, cells: [dateCell, valueCell] }) => ({
    rowNumber,
    date: rowDate(dateCell, `${name} row ${rowNumber}`),
    value: readNumberCell(valueCell, `${name} row ${rowNumber}: ${valueName}`),
  }));
}

/** A `[date, close]` range (FUNCTIONS.md, "Prices"); `name` is the argument or sheet it came from. */
export function pricesFromCells(matrix: CellValue, name = "prices"): PriceTable {
  return parseTableCached(matrix, name, PRICE_COLUMNS, (cells) => {
    const entries: Array<PriceEntry & { rowNumber: number }> = datedRows(cells, name, PRICE_COLUMNS, "close").map(({ rowNumber, date, value }) => ({
      rowNumber,
      date,
      close: value,
    }));
    return PriceTable.fromEntries(entries, name);
  });
}

/** A `[date, amount]` range: credits positive, allocations out negative; in date order. */
export function flowsFromCells(matrix: CellValue): Flow[] {
  return parseTableCached(matrix, "flows", FLOW_COLUMNS, (cells) =>
    datedRows(cells, "flows", FLOW_COLUMNS, "amount")
      .map(({ date, value }) => ({ date, amount: value }))
      .sort((a, b) => compareDates(a.date, b.date)),
  );
}

/** A `[date, annual rate]` range of prime rates as quoted. */
export function primeRatesFromCells(matrix: CellValue): PrimeRate[] {
  return parseTableCached(matrix, "primeRates", PRIME_RATE_COLUMNS, (cells) =>
    primeRateSchedule(datedRows(cells, "primeRates", PRIME_RATE_COLUMNS, "annual rate").map(({ date, value }) => ({ date, annualRate: value }))),
  );
}

/** A `[date, kind, quantity]` range as a formula receives it. */
export function ledgerFromCells(matrix: CellValue): LedgerEntry[] {
  return parseTableCached(matrix, "ledger", LEDGER_COLUMNS, (cells) =>
    dataRows(cells, "ledger", LEDGER_COLUMNS).map(({ rowNumber, cells: [dateCell, kindCell, quantityCell] }) => {
      const where = `ledger row ${rowNumber}`;
      const date = rowDate(dateCell, where);
      const kind = typeof kindCell === "string" ? parseLedgerKind(kindCell) : undefined;
      if (kind === undefined) throw invalidValue(`${where}: kind ${describe(kindCell)} is not units, option, split or reserve`);
      const quantity = readNumberCell(quantityCell, `${where}: quantity`);
      const problem = ledgerQuantityProblem(kind, quantity);
      if (problem) throw invalidValue(`${where}: quantity ${quantity.toString()}: ${problem}`);
      return { rowNumber, date, kind, quantity };
    }),
  );
}
