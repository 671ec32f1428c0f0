/**
 * The Statements page's "Insert template": the plan records of STATEMENT.md's
 * worked example (figures worked by hand in test/engine/accounts.test.ts), as
 * sheets the readers take and the workflow states.
 */
import { ACTIVITY_KINDS } from "../../src/engine/accounts";
import { RECORDS_TEMPLATES, WORKED_PERIOD } from "../../src/sheets/recordsTemplates";
import { readWithdrawals } from "../../src/sheets/payouts";
import { readParticipation } from "../../src/sheets/records";
import { cellValues, type SheetTemplate } from "../../src/sheets/templates";
import { statementJson, statementWorkflow, type StatementGrids } from "../../src/workflows/statement";
import {
  ACTIVITY_HEADER,
  ACTIVITY_ROWS,
  DIVIDEND_HEADER,
  DIVIDEND_ROWS,
  PRICE_ROWS,
  PRIME_RATE_ROWS,
  SPLIT_HEADER,
  SPLIT_ROWS,
  grid,
  table,
} from "../helpers/records";

const byName = (name: string): SheetTemplate => {
  const template = RECORDS_TEMPLATES.find((t) => t.sheet === name);
  if (!template) throw new Error(`no ${name} template`);
  return template;
};
/** A template as the sheet it inserts: its header over its cells (dates as serials). */
const inserted = (name: string) => grid(name, [byName(name).columns.map((c) => c.header), ...cellValues(byName(name))]);

describe("the records template", () => {
  it("inserts Activity, Dividends, Splits, Prices, Prime Rates and the lifecycle sheets, each its own Excel table", () => {
    expect(RECORDS_TEMPLATES.map((t) => [t.sheet, t.table])).toEqual([
      ["Activity", "Activity"],
      ["Dividends", "Dividends"],
      ["Splits", "Splits"],
      ["Prices", "Prices"],
      ["Prime Rates", "PrimeRates"],
      ["Withdrawals", "Withdrawals"],
      ["Participation", "Participation"],
      ["Plan", "Plan"],
    ]);
  });

  it("holds the worked example exactly, prices on every NYSE session of 2003", () => {
    expect(inserted("Activity").values).toEqual(table(ACTIVITY_HEADER, ACTIVITY_ROWS));
    expect(inserted("Dividends").values).toEqual(table(DIVIDEND_HEADER, DIVIDEND_ROWS));
    expect(inserted("Splits").values).toEqual(table(SPLIT_HEADER, SPLIT_ROWS));
    expect(inserted("Prices").values).toEqual(table(["Date", "Close"], PRICE_ROWS));
    expect(inserted("Prime Rates").values).toEqual(table(["Date", "Annual Rate"], PRIME_RATE_ROWS));
  });

  it("has a row of every kind of Activity, each kind offered as a list, dates and dollars formatted", () => {
    const activity = byName("Activity");
    expect(new Set(activity.rows.map((row) => row[2]))).toEqual(new Set(Object.keys(ACTIVITY_KINDS)));
    expect(activity.columns.find((c) => c.header === "Kind")?.list).toEqual(Object.keys(ACTIVITY_KINDS));
    expect(activity.columns.find((c) => c.header === "Discount Type")?.list).toEqual(["percent", "dollars"]);
    expect(activity.columns.map((c) => c.format)).toEqual(["text", "date", "text", "dollars", "percent", "number", "text", "text"]);
  });

  it("states 2003 as worked by hand, and finds the allocation larger than the Investment Account on its Amount cell (S01, §5.2(c))", () => {
    const grids: StatementGrids = {
      activity: inserted("Activity"),
      dividends: inserted("Dividends"),
      splits: inserted("Splits"),
      prices: inserted("Prices"),
      primeRates: inserted("Prime Rates"),
      withdrawals: inserted("Withdrawals"),
      participation: inserted("Participation"),
      plan: inserted("Plan"),
    };
    const json = statementJson(statementWorkflow(grids, WORKED_PERIOD));
    expect(json.participants.map((p) => [p.participant, p.totalValue])).toEqual([
      ["Ann Lee", 13454.46],
      ["Ben Ortiz", 6248],
    ]);
    expect(json.findings.map((f) => [f.sheet, f.cell, f.rule, f.section])).toEqual([["Activity", "D8", "S01", "5.2(c)"]]);
  });

  it("holds a worked row of each lifecycle sheet, read without a finding (PAYOUT.md §7)", () => {
    const withdrawals = readWithdrawals(inserted("Withdrawals"));
    expect(withdrawals.findings).toEqual([]);
    expect(withdrawals.records.map((r) => [r.participant, r.approvalDate, r.fraction.toNumber()])).toEqual([["Ann Lee", "2004-03-01", 0.25]]);
    const participation = readParticipation(inserted("Participation"));
    expect(participation.findings).toEqual([]);
    expect(participation.records.map((r) => [r.participant, r.suspended, r.reinstated, r.newElection])).toEqual([
      ["Ben Ortiz", "2003-10-01", "2004-01-15", "2004-02-01"],
    ]);
    expect(byName("Withdrawals").columns.map((c) => c.format)).toEqual(["text", "date", "percent", "date", "percent"]);
    expect(byName("Plan").columns.map((c) => [c.header, c.format])).toEqual([["Plan Termination Date", "date"]]);
  });
});
