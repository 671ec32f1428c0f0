/**
 * The plan records a statement replays (STATEMENT.md, "Input"), as sheets to
 * insert: the Statements page's "Insert template" adds these, and
 * scripts/records-example.ts lays out examples/records.xlsx with the same
 * columns. The rows are STATEMENT.md's worked example, Ann Lee's and Ben
 * Ortiz's 2003, worked by hand in test/engine/accounts.test.ts: every kind of
 * Activity row, a dividend each quarter, a 2-for-1 split, and one allocation
 * larger than the Investment Account (S01).
 */
import { ACTIVITY_KINDS } from "../engine/accounts";
import { businessDay } from "../engine/calendar";
import type { IsoDate } from "../engine/dates";
import { WITHDRAWAL_COLUMNS } from "./payouts";
import { ACTIVITY_COLUMNS, DIVIDEND_COLUMNS, PARTICIPATION_COLUMNS, PLAN_COLUMNS, SPLIT_COLUMNS } from "./records";
import type { ColumnFormat, SheetTemplate, TemplateColumn } from "./templates";

const FORMATS: Record<string, ColumnFormat> = {
  Date: "date",
  "Record Date": "date",
  "Payment Date": "date",
  "Approval Date": "date",
  Suspended: "date",
  Reinstated: "date",
  "New Election": "date",
  "Plan Termination Date": "date",
  Fraction: "percent",
  "Distribution Date": "date",
  "Tax Rate": "percent",
  Amount: "dollars",
  "Match Rate": "percent",
  // A fraction of the price, or dollars a share when Discount Type says so: a plain number either way.
  Discount: "number",
  "Per Share": "number",
  "New Shares": "number",
  "Old Shares": "number",
  Close: "dollars",
  "Annual Rate": "number",
};

const LISTS: Record<string, readonly string[]> = {
  Kind: Object.keys(ACTIVITY_KINDS),
  "Discount Type": ["percent", "dollars"],
};

/** Columns for headers of the records: each formatted as what it holds, Kind and Discount Type with their lists. */
export function recordColumns(headers: readonly string[]): TemplateColumn[] {
  return headers.map((header) => ({ header, format: FORMATS[header] ?? "text", width: Math.max(12, header.length + 4), list: LISTS[header] }));
}

type Row = ReadonlyArray<string | number>;

/** A records sheet in its own Excel table, named for the sheet without spaces ("Prime Rates" in PrimeRates). */
export function recordsSheet(name: string, headers: readonly string[], rows: readonly Row[]): SheetTemplate {
  return { sheet: name, table: name.replace(/\s+/g, ""), columns: recordColumns(headers), rows };
}

/** The worked example's year, the period its statement covers. */
export const WORKED_PERIOD = { from: "2003-01-01", to: "2003-12-31" } as const;

/** A flat close each quarter of 2003, on every Business Day, so each figure can be worked by hand: $4.00, $5.00, $1.00, $0.70. */
const QUARTER_CLOSES: ReadonlyArray<[IsoDate, IsoDate, number]> = [
  ["2003-01-01", "2003-03-31", 4],
  ["2003-04-01", "2003-06-30", 5],
  ["2003-07-01", "2003-09-30", 1],
  ["2003-10-01", "2003-12-31", 0.7],
];

function quarterCloses(): Array<[IsoDate, number]> {
  const rows: Array<[IsoDate, number]> = [];
  for (const [from, to, close] of QUARTER_CLOSES) for (let day = businessDay(from); day <= to; day = businessDay(day, 1)) rows.push([day, close]);
  return rows;
}

const ACTIVITY = recordsSheet(
  "Activity",
  ACTIVITY_COLUMNS.map((c) => c.header),
  [
    ["Ann Lee", "2003-02-14", "deferral", 10000, "", "", "", "Q1 salary"],
    ["Ann Lee", "2003-01-15", "investment deferral", 5000, "", "", "", "bonus to the Investment Account"],
    ["Ann Lee", "2003-05-15", "discretionary", 3000, "", "", "", "Committee credit"],
    ["Ann Lee", "2003-04-24", "stock allocation", 2000, "", "", "", "Q1 results released"],
    ["Ann Lee", "2003-07-24", "option allocation", 1000, "", 0.15, "", "§5.4 example"],
    ["Ann Lee", "2003-06-13", "deferral", 6000, 0.25, "", "", "Q2 salary, 25% match"],
    ["Ann Lee", "2003-10-23", "stock allocation", 5000, "", "", "", "more than the balance"],
    ["Ben Ortiz", "2003-08-20", "deferral", 8000, "", "", "", "Q3 salary"],
  ],
);

/**
 * Activity, Dividends, Splits, Prices and Prime Rates holding the worked
 * example; its statement for 2003 (WORKED_PERIOD) finds the allocation
 * released 2003-10-23 larger than the Investment Account (S01, §5.2(c)).
 * Then the lifecycle sheets (PAYOUT.md §7), worked for 2004 so 2003 stands:
 * Ann Lee withdraws 25% on 2004-03-01 (out of the plan until 2004-09-01,
 * §7.3); Ben Ortiz is suspended on 2003-10-01 and reinstated 2004-01-15 with
 * a new election 2004-02-01 (§3.3); the Plan sheet holds the Board's
 * termination date when there is one (§15.1), none here.
 */
export const RECORDS_TEMPLATES: readonly SheetTemplate[] = [
  { ...ACTIVITY, columns: ACTIVITY.columns.map((c) => (c.header === "Reference" ? { ...c, width: 30 } : c.header === "Kind" ? { ...c, width: 20 } : c)) },
  recordsSheet(
    "Dividends",
    DIVIDEND_COLUMNS.map((c) => c.header),
    [
      ["2003-03-14", "2003-04-01", 0.1],
      ["2003-06-13", "2003-06-27", 0.05],
      ["2003-08-15", "2003-09-05", 0.02],
      ["2003-11-14", "2003-12-05", 0.01],
    ],
  ),
  recordsSheet(
    "Splits",
    SPLIT_COLUMNS.map((c) => c.header),
    [["2003-09-15", 2, 1]],
  ),
  recordsSheet("Prices", ["Date", "Close"], quarterCloses()),
  recordsSheet(
    "Prime Rates",
    ["Date", "Annual Rate"],
    [
      ["2002-11-07", 0.0425],
      ["2003-06-27", 0.04],
    ],
  ),
  recordsSheet(
    "Withdrawals",
    WITHDRAWAL_COLUMNS.map((c) => c.header),
    [["Ann Lee", "2004-03-01", 0.25, "", ""]],
  ),
  recordsSheet(
    "Participation",
    PARTICIPATION_COLUMNS.map((c) => c.header),
    [["Ben Ortiz", "2003-10-01", "2004-01-15", "2004-02-01"]],
  ),
  recordsSheet(
    "Plan",
    PLAN_COLUMNS.map((c) => c.header),
    [],
  ),
];
