/**
 * The statement tests' worked example, in STATEMENT.md's spirit: Ann Lee's
 * and Ben Ortiz's 2003 as plan records, with a flat close each quarter so
 * every figure can be worked by hand (test/engine/accounts.test.ts works them).
 * Prices come from the NYSE session record, not from the engine's calendar.
 */
import type { SheetGrid } from "../../src/sheets/grid";
import { serial } from "./bundle";
import { sessionPrices } from "./prices";

/** Q1 $4.00, Q2 $5.00, Q3 $1.00, Q4 $0.70 on every session. */
export const QUARTER_CLOSES: Array<[string, string, number]> = [
  ["2003-01-01", "2003-03-31", 4],
  ["2003-04-01", "2003-06-30", 5],
  ["2003-07-01", "2003-09-30", 1],
  ["2003-10-01", "2003-12-31", 0.7],
];
export const PRICE_ROWS: Array<[string, number]> = QUARTER_CLOSES.flatMap(([from, to, close]) => sessionPrices(from, to, () => close));

export const ACTIVITY_HEADER = ["Participant", "Date", "Kind", "Amount", "Match Rate", "Discount", "Discount Type", "Reference"];
export type ActivityRow = [string, string, string, number, number | string, number | string, string, string];

export const ACTIVITY_ROWS: ActivityRow[] = [
  ["Ann Lee", "2003-02-14", "deferral", 10000, "", "", "", "Q1 salary"],
  ["Ann Lee", "2003-01-15", "investment deferral", 5000, "", "", "", "bonus to the Investment Account"],
  ["Ann Lee", "2003-05-15", "discretionary", 3000, "", "", "", "Committee credit"],
  ["Ann Lee", "2003-04-24", "stock allocation", 2000, "", "", "", "Q1 results released"],
  ["Ann Lee", "2003-07-24", "option allocation", 1000, "", 0.15, "", "§5.4 example"],
  ["Ann Lee", "2003-06-13", "deferral", 6000, 0.25, "", "", "Q2 salary, 25% match"],
  ["Ann Lee", "2003-10-23", "stock allocation", 5000, "", "", "", "more than the balance"],
  ["Ben Ortiz", "2003-08-20", "deferral", 8000, "", "", "", "Q3 salary"],
];

export const DIVIDEND_HEADER = ["Record Date", "Payment Date", "Per Share"];
export const DIVIDEND_ROWS: Array<[string, string, number]> = [
  ["2003-03-14", "2003-04-01", 0.1],
  ["2003-06-13", "2003-06-27", 0.05],
  ["2003-08-15", "2003-09-05", 0.02],
  ["2003-11-14", "2003-12-05", 0.01],
];

export const SPLIT_HEADER = ["Date", "New Shares", "Old Shares"];
export const SPLIT_ROWS: Array<[string, number, number]> = [["2003-09-15", 2, 1]];

export const PRIME_RATE_ROWS: Array<[string, number]> = [
  ["2002-11-07", 0.0425],
  ["2003-06-27", 0.04],
];

const isoText = /^\d{4}-\d{2}-\d{2}$/;

/** Rows as a sheet holds them: a header, ISO dates as date serials. */
export function table(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): unknown[][] {
  return [[...header], ...rows.map((row) => row.map((cell) => (typeof cell === "string" && isoText.test(cell) ? serial(cell) : cell)))];
}

export function grid(sheet: string, values: unknown[][], firstRow = 1): SheetGrid {
  return { sheet, values, firstRow, firstColumn: 0 };
}

/** The whole worked example as the workflow's grids. */
export function workedGrids(activityRows: ReadonlyArray<ReadonlyArray<string | number>> = ACTIVITY_ROWS) {
  return {
    activity: grid("Activity", table(ACTIVITY_HEADER, activityRows)),
    dividends: grid("Dividends", table(DIVIDEND_HEADER, DIVIDEND_ROWS)),
    splits: grid("Splits", table(SPLIT_HEADER, SPLIT_ROWS)),
    prices: grid("Prices", table(["Date", "Close"], PRICE_ROWS)),
    primeRates: grid("Prime Rates", table(["Date", "Annual Rate"], PRIME_RATE_ROWS)),
  };
}
