/**
 * Issue 19, item 4 and the headings of item 5: values beyond what the plan
 * could hold (S08, R05), exact duplicate rows (S09, R06), one participant
 * identity in the reserve (R07), and no "left out" heading over a row that
 * still counts.
 */
import { serial } from "../helpers/bundle";
import { ACTIVITY_ROWS, grid, workedGrids, type ActivityRow } from "../helpers/records";
import { statementJson, statementWorkflow } from "../../src/workflows/statement";
import { reconcileWorkflow, reserveFindingGroups } from "../../src/workflows/reconcile";
import { reserveProblems } from "../../src/taskpane/reserveView";
import { summarySheet } from "../../src/sheets/statementSheets";
import { sessionPrices } from "../helpers/prices";

const year = { from: "2003-01-01", to: "2003-12-31" };
const located = (findings: ReadonlyArray<{ sheet: string; cell: string; rule: string; severity: string; message: string }>) =>
  findings.map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.severity}: ${f.message}`);
const BEN: ActivityRow = ["Ben Ortiz", "2003-08-20", "deferral", 8000, "", "", "", "Q3 salary"];

describe("values beyond what the plan could hold are findings on their cells, never 300-digit totals (S08)", () => {
  it("an Amount of 9.99e307, a dividend of 1e300 a share and a split of 1e300 are each S08 on their cell, the row left out", () => {
    const grids = workedGrids([...ACTIVITY_ROWS, ["Ben Ortiz", "2003-08-21", "deferral", 9.99e307, "", "", "", "slip"]]);
    grids.dividends.values.push([serial("2003-11-20"), serial("2003-12-10"), 1e300]);
    grids.splits.values.push([serial("2003-10-15"), 1e300, 1]);
    const result = statementWorkflow(grids, year);
    expect(located(result.findings.filter((f) => f.rule === "S08"))).toEqual([
      "Activity!D10 S08 error: Amount: $9.99e+307 is more than the whole §13.8 reserve of 6,000,000 shares is worth at $1,000.00 a share ($6,000,000,000.00): the plan could not credit it (§8.1(a),(c)). The row is left out; check the cell.",
      "Dividends!C6 S08 error: Per Share: $1e+300 a share is more than $1,000.00, a hundred times the $10.00 price §5.1 is written around (§8.1(d)). The row is left out; check the cell.",
      "Splits!B3 S08 error: New Shares: a split of 1e+300 new shares per old share is beyond 1,000 to one either way (§8.1(e)). The row is left out; check the cell.",
    ]);
    // Left out, the three rows change nothing: the statements are the worked example's.
    expect(statementJson(result).participants).toEqual(statementJson(statementWorkflow(workedGrids(), year)).participants);
  });

  it("a split of 1,000 for 1 and a dividend of $1,000 a share are within the bounds", () => {
    const grids = workedGrids();
    grids.dividends.values.push([serial("2003-11-20"), serial("2003-12-10"), 1000]);
    grids.splits.values.push([serial("2003-10-15"), 1, 1000]);
    expect(statementWorkflow(grids, year).findings.filter((f) => f.rule === "S08")).toEqual([]);
  });
});

describe("an exact duplicate Activity row is a warning and still counts (S09, as E15)", () => {
  it("names the row it repeats; Ben Ortiz's 8,000 deferral is credited twice, as written", () => {
    const once = statementJson(statementWorkflow(workedGrids(), year)).participants[1];
    const twice = statementWorkflow(workedGrids([...ACTIVITY_ROWS, BEN]), year);
    expect(located(twice.findings)).toContain(
      "Activity!A10 S09 warning: This row repeats row 9 exactly, and both are counted; remove one if it was entered twice.",
    );
    const ben = statementJson(twice).participants[1];
    expect(Number(ben.accounts.DCA.credited)).toBeCloseTo(2 * Number(once.accounts.DCA.credited), 6);
  });

  it("a row that differs in one cell is no duplicate", () => {
    const result = statementWorkflow(workedGrids([...ACTIVITY_ROWS, [...BEN.slice(0, 7), "Q3 salary again"] as ActivityRow]), year);
    expect(result.findings.filter((f) => f.rule === "S09")).toEqual([]);
  });
});

const ledger = (rows: unknown[][]) => grid("Ledger", [["Date", "Kind", "Quantity", "Participant"], ...rows]);
const prices = grid("Prices", [["Date", "Close"], ...sessionPrices("2003-07-01", "2003-09-30", () => 2.5).map(([d, c]) => [serial(d), c])]);

describe("the reserve: implausible quantities (R05), duplicate rows (R06), one participant identity (R07)", () => {
  it("a Quantity of 1e20 is R05 on its cell, left out: no 1666666666666700.00% of the reserve", () => {
    const result = reconcileWorkflow({
      ledger: ledger([
        [serial("2003-03-31"), "units", 100, "Ann Lee"],
        [serial("2003-06-30"), "units", 1e20, "Ann Lee"],
      ]),
    });
    expect(located(result.findings)).toEqual([
      "Ledger!C3 R05 error: 100,000,000,000,000,000,000 shares is more than the whole §13.8 reserve on that date (6,000,000 shares): no one row could count that many (Quantity C3). The row is left out of the reserve; check the cell.",
    ]);
    expect(result.percentUsed).toBe("0.00");
    expect(result.status.used.toString()).toBe("100");
  });

  it("a Deferred Amount of 9.99e307 on the Credits sheet is R05, and a split of 1e300 on the Ledger", () => {
    const credits = grid("Credits", [
      ["Participant", "Deferred Amount", "Pay Date"],
      ["Ann Lee", 9.99e307, serial("2003-08-15")],
    ]);
    const result = reconcileWorkflow({ credits, prices, ledger: ledger([[serial("2003-06-30"), "split", 1e300, ""]]) });
    expect(result.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual(["Credits!B2 R05", "Ledger!C2 R05"]);
    expect(result.findings[0].message).toMatch(/^Deferred Amount \$9\.99e\+307 is more than the whole §13\.8 reserve/);
  });

  it("an exact duplicate Ledger row is R06, a warning: both rows count", () => {
    const row = [serial("2003-03-31"), "units", 100, "Ann Lee"];
    const result = reconcileWorkflow({ ledger: ledger([row, [...row]]) });
    expect(located(result.findings)).toEqual([
      "Ledger!A3 R06 warning: This row repeats row 2 exactly, and both are counted against the reserve; remove one if it was entered twice.",
    ]);
    expect(result.status.used.toString()).toBe("200");
  });

  it("Ann Lee, ann lee and ANN LEE are one participant, as the statement counts them, each other spelling named once (R07)", () => {
    const credits = grid("Credits", [
      ["Participant", "Deferred Amount", "Pay Date"],
      ["Ann Lee", 1000, serial("2003-08-15")],
      ["ann lee ", 1000, serial("2003-08-29")],
      ["ANN LEE", 1000, serial("2003-09-12")],
      ["ann lee ", 500, serial("2003-09-26")],
    ]);
    const result = reconcileWorkflow({ credits, prices });
    expect(located(result.findings)).toEqual([
      'Credits!A3 R07 warning: "ann lee" is counted as Ann Lee (row 2): participants match ignoring case and surrounding spaces. Spell them alike if they are one person.',
      'Credits!A4 R07 warning: "ANN LEE" is counted as Ann Lee (row 2): participants match ignoring case and surrounding spaces. Spell them alike if they are one person.',
    ]);
    // $3,500 at $2.50 is 1,400 deferral units, and a 10% match 140, in one line for one participant.
    expect(result.credits.map((c) => [c.participant, c.deferralUnits.toString(), c.matchUnits.toString()])).toEqual([["Ann Lee", "1400", "140"]]);
  });
});

describe("closing prices and exercise prices beyond what a share could cost (§5.1: $1,000, a hundred times $10.00)", () => {
  const credits = grid("Credits", [
    ["Participant", "Deferred Amount", "Pay Date"],
    ["Ann Lee", 1000, serial("2003-08-15")],
  ]);
  const pricesAt = (close: number) => {
    const slipped = grid(
      "Prices",
      prices.values.map((row) => [...row]),
    );
    slipped.values[20][1] = close;
    return slipped;
  };
  const BOUND = "a share is more than $1,000.00, a hundred times the $10.00 price §5.1 is written around; check the cell";

  it("a Prices close of 1e300 makes the Prices sheet unusable, naming its cell, for the reserve and the statement alike", () => {
    expect(reconcileWorkflow({ credits, prices: pricesAt(1e300) }).unusable).toBe(`the prices sheet cannot be used: Prices!B21: a close of $1e+300 ${BOUND}`);
    const grids = workedGrids();
    grids.prices.values[5][1] = 5000;
    expect(statementWorkflow(grids, year).unusable).toBe(`the prices sheet cannot be used: Prices!B6: a close of $5,000.00 ${BOUND}`);
  });

  it("a close of $1,000 is within the bound", () => {
    const result = reconcileWorkflow({ credits, prices: pricesAt(1000) });
    expect(result.unusable).toBeUndefined();
  });

  it("a Ledger Exercise Price of 1e300 is R05 on its cell; the option still counts against the reserve", () => {
    const result = reconcileWorkflow({
      ledger: grid("Ledger", [
        ["Date", "Kind", "Quantity", "Participant", "Exercise Price"],
        [serial("2003-03-31"), "option", 100, "Ann Lee", 1e300],
        [serial("2003-06-30"), "option", 100, "Ann Lee", 1000],
      ]),
    });
    expect(located(result.findings)).toEqual([
      "Ledger!E2 R05 error: Exercise Price $1e+300 a share is more than $1,000.00, a hundred times the $10.00 price §5.1 is written around. The row still counts against the reserve; the Open Cap Format export refuses it.",
    ]);
    expect(result.status.used.toString()).toBe("200");
    expect(reserveFindingGroups(result).counted.map((f) => f.rule)).toEqual(["R05"]);
  });
});

describe('no "left out" heading over a row that still counts (issue 19 item 5)', () => {
  it("the reserve's findings: left out, on rows that still count, outside the tables", () => {
    const row = [serial("2003-03-31"), "units", 100, "Ann Lee"];
    const result = reconcileWorkflow({ ledger: ledger([row, [...row], [serial("2003-04-30"), "units", 1e20, "Ann Lee"]]) });
    const groups = reserveFindingGroups(result);
    expect([groups.leftOut, groups.counted].map((g) => g.map((f) => f.rule))).toEqual([["R05"], ["R06"]]);
    expect(reserveProblems(result).map((g) => g.heading)).toEqual(["Rows left out (1)", "Findings on rows that still count (1)"]);
  });

  it("the statement workbook counts errors (rows not applied) apart from warnings (rows that still count)", () => {
    // The worked example's one error: a stock allocation of more than the balance (row 8); the duplicate of row 9 still counts.
    const mixed = statementWorkflow(workedGrids([...ACTIVITY_ROWS, BEN]), year);
    expect(summarySheet(mixed, "Summary").tables.map((t) => t.heading)).toContain(
      "Findings (2): 1 error on rows the replay could not apply or read; 1 warning on rows that still count",
    );
    const clean = ACTIVITY_ROWS.filter((row) => row[7] !== "more than the balance");
    const warned = statementWorkflow(workedGrids([...clean, BEN]), year);
    expect(summarySheet(warned, "Summary").tables.map((t) => t.heading)).toContain("Warnings on rows that still count (1)");
  });
});
