/** Ledger entries written as a test reads them: a date, a kind and a quantity, each on the next sheet row. */
import { Decimal } from "../../src/engine/decimal";
import type { LedgerEntry } from "../../src/engine/reserve";

let row = 1;

/** A Ledger entry on the next row (from row 2, below the header), with any other fields given. */
export const entry = (date: string, kind: LedgerEntry["kind"], quantity: number, extra: Partial<LedgerEntry> = {}): LedgerEntry => ({
  rowNumber: ++row,
  date,
  kind,
  quantity: new Decimal(quantity),
  ...extra,
});
