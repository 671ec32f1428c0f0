/**
 * examples/records.xlsx: four participants' plan records over 2003–2006, for
 * statements (STATEMENT.md). Deterministic: every value follows from the
 * schedule below. It holds a 2-for-1 split, a dividend every quarter, monthly
 * deferrals with matches at 10% and 25%, discretionary credits, allocations to
 * stock and to options (discounts in percent and in dollars), and one option
 * allocation larger than the Investment Account (S01). make-examples.ts calls it.
 */
import type ExcelJS from "exceljs";
import { businessDay, isBusinessDay } from "../src/engine/calendar";
import { addDays, dayNumber, fromDayNumber, isoDate } from "../src/engine/dates";
import { ACTIVITY_COLUMNS, DIVIDEND_COLUMNS, SPLIT_COLUMNS } from "../src/sheets/records";
import { recordsSheet } from "../src/sheets/recordsTemplates";
import { addTemplateSheet } from "../src/workbook/xlsx";

const FIRST_DAY = "2003-01-01";
const LAST_DAY = "2006-12-31";
const YEARS = [2003, 2004, 2005, 2006];
const SPLIT_DATE = "2005-06-01";

/** A close that wanders between about $3 and $8 before the split and halves after it, in cents. */
function closeOn(index: number, date: string): number {
  const beforeSplit = 4.5 + 1.25 * Math.sin(index / 37) + index * 0.003;
  return Math.round((date >= SPLIT_DATE ? beforeSplit / 2 : beforeSplit) * 100) / 100;
}

function sessions(): string[] {
  const days: string[] = [];
  for (let day = dayNumber(FIRST_DAY); day <= dayNumber(LAST_DAY); day++) {
    const date = fromDayNumber(day);
    if (isBusinessDay(date)) days.push(date);
  }
  return days;
}

type Row = Array<string | number>;

function activityRows(): Row[] {
  const rows: Row[] = [];
  const add = (
    participant: string,
    date: string,
    kind: string,
    amount: number,
    extra: { match?: number; discount?: number; type?: string; note?: string } = {},
  ) => rows.push([participant, date, kind, amount, extra.match ?? "", extra.discount ?? "", extra.type ?? "", extra.note ?? ""]);
  for (const year of YEARS) {
    for (let month = 1; month <= 12; month++) add("Ann Lee", isoDate(year, month, 15), "deferral", 1000, { note: "salary" });
    for (const month of [1, 4, 7, 10]) add("Ann Lee", isoDate(year, month, 15), "investment deferral", 2500, { note: "salary to the Investment Account" });
    for (const month of [4, 10]) add("Ann Lee", isoDate(year, month, 24), "stock allocation", 1000, { note: "quarter's results released" });
    for (const month of [1, 7])
      add("Ann Lee", isoDate(year, month, 24), "option allocation", 1500, { discount: 0.15, type: "percent", note: "quarter's results released" });
  }
  for (const year of YEARS) {
    for (let month = 1; month <= 12; month++) add("Ben Ortiz", isoDate(year, month, 28), "deferral", 1500, { match: 0.25, note: "salary, 25% match" });
    add("Ben Ortiz", businessDay(isoDate(year, 12, 15)), "discretionary", 5000, { note: "year-end Committee credit" });
  }
  for (const year of [2004, 2005, 2006]) {
    for (const month of [1, 4, 7, 10]) add("Cara Diaz", isoDate(year, month, 1), "investment deferral", 3000, { note: "bonus to the Investment Account" });
    for (const month of [4, 10]) {
      // Dollar discounts after the split, where $0.50 sits within §5.1's 10%–50% of the price.
      const afterSplit = isoDate(year, month, 24) > SPLIT_DATE;
      add(
        "Cara Diaz",
        isoDate(year, month, 24),
        "option allocation",
        2000,
        afterSplit ? { discount: 0.5, type: "dollars" } : { discount: 0.2, type: "percent" },
      );
    }
  }
  add("Cara Diaz", "2005-07-25", "option allocation", 50000, { discount: 0.2, type: "percent", note: "larger than the Investment Account balance" });
  for (const year of [2005, 2006]) {
    for (let month = 1; month <= 12; month++) add("Dan Wu", isoDate(year, month, 10), "deferral", 2000, { match: 0.1, note: "salary" });
  }
  add("Dan Wu", businessDay("2006-06-15"), "discretionary", 10000, { note: "hiring award" });
  return rows;
}

/** A dividend every quarter: of record mid-quarter, paid two weeks later; halved per share after the split. */
function dividendRows(): Row[] {
  const rows: Row[] = [];
  for (const year of YEARS) {
    for (const month of [2, 5, 8, 11]) {
      const recordDate = businessDay(isoDate(year, month, 15));
      rows.push([recordDate, businessDay(addDays(recordDate, 14)), recordDate >= SPLIT_DATE ? 0.01 : 0.02]);
    }
  }
  return rows;
}

const PRIME_RATES: Row[] = [
  ["2002-11-07", 0.0425],
  ["2003-06-27", 0.04],
  ["2004-07-01", 0.0425],
  ["2004-09-22", 0.0475],
  ["2004-12-15", 0.0525],
  ["2005-03-23", 0.0575],
  ["2005-06-30", 0.0625],
  ["2005-09-21", 0.0675],
  ["2005-12-14", 0.0725],
  ["2006-03-29", 0.0775],
  ["2006-06-29", 0.0825],
];

/** Adds the Activity, Dividends, Splits, Prices and Prime Rates sheets, each an Excel table. */
export function addRecordsSheets(workbook: ExcelJS.Workbook): void {
  const activity = addTemplateSheet(
    workbook,
    recordsSheet(
      "Activity",
      ACTIVITY_COLUMNS.map((c) => c.header),
      activityRows(),
    ),
  );
  activity.getColumn(1).width = 14;
  activity.getColumn(3).width = 20;
  activity.getColumn(8).width = 40;
  addTemplateSheet(
    workbook,
    recordsSheet(
      "Dividends",
      DIVIDEND_COLUMNS.map((c) => c.header),
      dividendRows(),
    ),
  );
  addTemplateSheet(
    workbook,
    recordsSheet(
      "Splits",
      SPLIT_COLUMNS.map((c) => c.header),
      [[SPLIT_DATE, 2, 1]],
    ),
  );
  addTemplateSheet(
    workbook,
    recordsSheet(
      "Prices",
      ["Date", "Close"],
      sessions().map((date, index) => [date, closeOn(index, date)]),
    ),
  );
  addTemplateSheet(workbook, recordsSheet("Prime Rates", ["Date", "Annual Rate"], PRIME_RATES));
}
