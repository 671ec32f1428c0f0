/**
 * Ready-made sheets with sample rows, so a new user starts from a working
 * example: the task pane's "Insert template" and the committed example
 * workbooks (scripts/make-examples.ts) both write these.
 */
import { businessDay } from "../engine/calendar";
import { isoDateToSerial } from "../cells/serials";
import { parseIsoDate, type IsoDate } from "../engine/dates";
import { ELECTION_TYPES } from "../engine/validation";
import { ELECTION_COLUMNS } from "./elections";
import { ISSUER_SHEET } from "./issuer";

export type ColumnFormat = "text" | "date" | "percent" | "rate" | "year" | "dollars" | "number";

export interface TemplateColumn {
  header: string;
  format: ColumnFormat;
  /** Characters, for the column width. */
  width: number;
  /** Data-validation list. */
  list?: readonly string[];
}

export interface SheetTemplate {
  sheet: string;
  /** The Excel table the rows sit in. */
  table: string;
  columns: readonly TemplateColumn[];
  /** Dates as ISO text; `cellValues` turns them into date serials. */
  rows: ReadonlyArray<ReadonlyArray<string | number>>;
}

/** Number formats Excel understands, by column format. */
export const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: "@",
  date: "yyyy-mm-dd",
  percent: "0%",
  rate: "0.00%",
  year: "0",
  dollars: "$#,##0.00",
  number: "#,##0.######",
};

/** The rows as cell values: ISO dates in date columns become serials. */
export function cellValues(template: SheetTemplate): unknown[][] {
  return template.rows.map((row) =>
    row.map((value, c) => {
      const date = template.columns[c].format === "date" && typeof value === "string" ? parseIsoDate(value) : undefined;
      return date === undefined ? value : isoDateToSerial(date);
    }),
  );
}

const FORMAT_OF: Partial<Record<string, ColumnFormat>> = {
  "Election Date": "date",
  "Plan Year": "year",
  Percent: "percent",
  "Eligibility Date": "date",
  "Bonus Fiscal Year End": "date",
  "Bonus Payable Date": "date",
  "Release Date": "date",
  Amount: "dollars",
  Discount: "percent",
  "Elected Distribution Date": "date",
  "Effective Date": "date",
};

/**
 * An election sheet whose sample rows show most rules at work: a clean salary
 * and bonus election, and one row each for E02, E04, E06, E07, E09–E16. The
 * salary row before a distribution-date election is valid, so E13 measures the
 * latter against it (an invalid deferral is no initial election).
 */
export const ELECTIONS_TEMPLATE: SheetTemplate = {
  sheet: "Elections",
  table: "Elections",
  columns: ELECTION_COLUMNS.map(({ header }) => ({
    header,
    format: FORMAT_OF[header] ?? "text",
    width: Math.max(12, header.length + 2),
    list: header === "Election Type" ? Object.values(ELECTION_TYPES).map((t) => t.label) : header === "Committee Approved" ? ["Y", "N"] : undefined,
  })),
  rows: [
    // Participant, Type, Filed, Year, %, Eligible, FY End, Payable, Release, Quarter, Amount, Discount, Dist. Date, Effective, Approved
    ["Ann Lee", "Salary deferral", "2003-12-15", 2004, 0.1, "", "", "", "", "", "", "", "", "", "Y"],
    ["Ann Lee", "Investment salary deferral", "2003-12-15", 2004, 0.95, "", "", "", "", "", "", "", "", "", "Y"],
    ["Ben Ortiz", "Salary deferral", "2003-12-31", 2004, 1.5, "", "", "", "", "", "", "", "", "", "Y"],
    ["Ben Ortiz", "Bonus deferral", "2003-12-31", 2004, 0.5, "", "", "", "", "", "", "", "", "", "Y"],
    ["Cara Diaz", "Salary deferral", "2003-04-20", 2003, 0.15, "2003-03-15", "", "", "", "", "", "", "", "", "Y"],
    ["Cara Diaz", "Stock allocation", "2003-07-30", "", "", "", "", "", "2003-07-24", "", 5000, "", "", "", "Y"],
    ["Cara Diaz", "Option allocation", "2003-08-01", "", "", "", "", "", "2003-07-24", "", 2000, 0.05, "", "", "Y"],
    ["Dan Wu", "Option allocation", "2003-08-05", "", "", "", "", "", "2003-07-24", "", 1000, 0.15, "", "", "N"],
    ["Dan Wu", "Distribution date", "2003-12-10", "", "", "", "", "", "", "", "", "", "2004-06-01", "", "Y"],
    ["Eve Park", "Salary deferral", "2003-12-01", 2004, 0.1, "", "", "", "", "", "", "", "", "", ""],
    ["Eve Park", "Distribution date", "2003-12-20", "", "", "", "", "", "", "", "", "", "2010-01-01", "", "Y"],
    ["Ben Ortiz", "Bonus deferral", "2003-12-31", 2004, 0.5, "", "", "", "", "", "", "", "", "", "Y"],
    ["Fay Kim", "Salary deferral", "Dec 1", 2004, 0.1, "", "", "", "", "", "", "", "", "", "Y"],
  ],
};

/** Closes on every Business Day from `from` to `to`, cycling through a small range around $4.50. */
function samplePrices(from: IsoDate, to: IsoDate): Array<[IsoDate, number]> {
  const rows: Array<[IsoDate, number]> = [];
  for (let day = businessDay(from), i = 0; day <= to; day = businessDay(day, 1), i++) rows.push([day, 4 + (i % 5) * 0.25]);
  return rows;
}

/** The price table E11 and the valuation functions read: [date, close]. */
export const PRICES_TEMPLATE: SheetTemplate = {
  sheet: "Prices",
  table: "Prices",
  columns: [
    { header: "Date", format: "date", width: 12 },
    { header: "Close", format: "dollars", width: 10 },
  ],
  rows: samplePrices("2003-07-01", "2003-09-30"),
};

/**
 * An Investment Account's flows (§5.2(b)) as INVESTMENT_INTEREST and
 * INVESTMENT_BALANCE read them: deferrals credited on the day they would have
 * been paid, an allocation out dated on its determination date.
 */
export const FLOWS_TEMPLATE: SheetTemplate = {
  sheet: "Flows",
  table: "Flows",
  columns: [
    { header: "Date", format: "date", width: 12 },
    { header: "Amount", format: "dollars", width: 12 },
  ],
  rows: [
    ["2003-01-15", 10_000],
    ["2003-04-15", 10_000],
    ["2003-07-15", 10_000],
    // Released 2003-07-24: the window's last Business Day, 2003-08-01, is the determination date (§5.2(d)).
    ["2003-08-01", -5_000],
    ["2003-10-15", 10_000],
  ],
};

/** Prime rates with the day each was first quoted; a quarter uses the latest on or before its first day (§5.2(b)). */
export const PRIME_RATES_TEMPLATE: SheetTemplate = {
  sheet: "Prime Rates",
  table: "PrimeRates",
  columns: [
    { header: "Date", format: "date", width: 12 },
    { header: "Prime Rate", format: "rate", width: 11 },
  ],
  rows: [
    ["2001-12-11", 0.0475],
    ["2002-11-07", 0.0425],
    ["2003-06-27", 0.04],
    ["2004-07-01", 0.0425],
  ],
};

/**
 * The tables the custom functions read, each an Excel table a formula names
 * whole (`=DCP.UNITS_CREDITED(Credits[Deferred Amount], Prices, Credits[Pay Date])`):
 * a table reference hands over its rows and nothing below them.
 */
export const FUNCTION_TABLE_TEMPLATES: readonly SheetTemplate[] = [PRICES_TEMPLATE, FLOWS_TEMPLATE, PRIME_RATES_TEMPLATE];

/**
 * A reserve ledger with a 2-for-1 split, a reported count that drifts from the
 * computed one, and credits and a grant after the reserve runs out.
 */
export const LEDGER_TEMPLATE: SheetTemplate = {
  sheet: "Ledger",
  table: "Ledger",
  columns: [
    { header: "Date", format: "date", width: 12 },
    { header: "Kind", format: "text", width: 9, list: ["units", "option", "split", "reserve"] },
    { header: "Quantity", format: "number", width: 12 },
    { header: "Participant", format: "text", width: 18 },
    { header: "Reference", format: "text", width: 30 },
    { header: "Reported Remaining", format: "number", width: 18 },
    { header: "Exercise Price", format: "dollars", width: 14 },
  ],
  rows: [
    ["2002-09-30", "units", 1_200_000, "All participants", "Q3 2002 deferral and match units", 4_800_000, ""],
    ["2002-12-31", "units", 1_500_000, "All participants", "Q4 2002 deferral and match units", 3_300_000, ""],
    ["2003-05-02", "option", 800_000, "Dan Wu", "Option allocation, Q1 2003 results", 2_500_000, 0.85],
    ["2003-06-30", "split", 2, "", "2-for-1 stock split", 5_000_000, ""],
    ["2003-09-30", "units", 2_400_000, "All participants", "Q3 2003 deferral and match units", 2_600_000, ""],
    ["2003-12-31", "units", 2_000_000, "All participants", "Q4 2003 deferral and match units", 700_000, ""],
    ["2004-03-31", "units", 900_000, "All participants", "Q1 2004 deferral and match units", "", ""],
    ["2004-05-07", "option", 100_000, "Eve Park", "Option allocation, Q1 2004 results", "", 1.1],
  ],
};

/** Deferrals to credit as units from the Prices sheet: [participant, amount, pay date, match rate]. */
export const CREDITS_TEMPLATE: SheetTemplate = {
  sheet: "Credits",
  table: "Credits",
  columns: [
    { header: "Participant", format: "text", width: 16 },
    { header: "Deferred Amount", format: "dollars", width: 16 },
    { header: "Pay Date", format: "date", width: 12 },
    { header: "Match Rate", format: "percent", width: 11 },
  ],
  rows: [
    ["Ann Lee", 12_000, "2003-07-15", ""],
    ["Ben Ortiz", 8_000, "2003-08-15", 0.15],
    ["Cara Diaz", 5_000, "2003-09-15", ""],
    ["Ann Lee", 12_000, "2003-08-15", ""],
  ],
};

/**
 * The issuer an Open Cap Format package names: column A the field, column B
 * its value (sheets/issuer.ts). OCF requires the first three.
 */
export const ISSUER_TEMPLATE: SheetTemplate = {
  sheet: ISSUER_SHEET,
  table: "Issuer",
  columns: [
    { header: "Field", format: "text", width: 22 },
    { header: "Value", format: "text", width: 24 },
    { header: "Note", format: "text", width: 70 },
  ],
  rows: [
    ["Legal Name", "Hecla Mining Company", "Required by Open Cap Format. The plan's preamble names the Company."],
    ["Formation Date", "1891-10-14", "Required, YYYY-MM-DD. Hecla was first incorporated (in Idaho) on this day; use the date your corporate records give."],
    ["Country", "US", "Required: the ISO 3166-1 two-letter code of the country of formation."],
    ["Country Subdivision", "DE", "Optional: the ISO 3166-2 code of the state of formation; the plan's preamble calls the Company a Delaware corporation."],
  ],
};
