/**
 * Ready-made sheets with sample rows, so a new user starts from a working
 * example: the task pane's "Insert template" and the committed example
 * workbooks (scripts/make-examples.ts) both write these.
 */
import { businessDay } from "../engine/calendar";
import { isoDateToSerial, parseIsoDate, type IsoDate } from "../engine/dates";
import { ELECTION_TYPES } from "../engine/validation";
import { ELECTION_COLUMNS } from "./elections";

export type ColumnFormat = "text" | "date" | "percent" | "year" | "dollars" | "number";

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
  "Election Date": "date", "Plan Year": "year", Percent: "percent", "Eligibility Date": "date", "Bonus Fiscal Year End": "date",
  "Bonus Payable Date": "date", "Release Date": "date", Amount: "dollars", Discount: "percent",
  "Elected Distribution Date": "date", "Effective Date": "date",
};

/**
 * An election sheet whose sample rows show most rules at work: a clean salary
 * and bonus election, and one row each for E02, E04, E06, E07, E09–E16.
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
    ["Ben Ortiz", "Salary deferral", "2003-12-31", 2004, 0.2, "", "", "", "", "", "", "", "", "", "Y"],
    ["Ben Ortiz", "Bonus deferral", "2003-12-31", 2004, 0.5, "", "", "", "", "", "", "", "", "", "Y"],
    ["Cara Diaz", "Salary deferral", "2003-04-20", 2003, 0.15, "2003-03-15", "", "", "", "", "", "", "", "", "Y"],
    ["Cara Diaz", "Stock allocation", "2003-07-30", "", "", "", "", "", "2003-07-24", "", 5000, "", "", "", "Y"],
    ["Cara Diaz", "Option allocation", "2003-08-01", "", "", "", "", "", "2003-07-24", "", 2000, 0.05, "", "", "Y"],
    ["Dan Wu", "Option allocation", "2003-08-05", "", "", "", "", "", "2003-07-24", "", 1000, 0.15, "", "", "N"],
    ["Dan Wu", "Distribution date", "2003-12-10", "", "", "", "", "", "", "", "", "", "2004-06-01", "", "Y"],
    ["Eve Park", "Salary deferral", "2003-12-01", 2004, 1.5, "", "", "", "", "", "", "", "", "", ""],
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
