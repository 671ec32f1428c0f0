/**
 * Rules no other test raises, each raised here from a sheet that trips it
 * (the rule table, src/engine/rules.ts, asks a test of every rule).
 */
import { addDays } from "../../src/engine/dates";
import { cicWorkflow } from "../../src/workflows/changeInControl";
import { claimsWorkflow } from "../../src/workflows/claims";
import { reconcileWorkflow } from "../../src/workflows/reconcile";
import type { SheetGrid } from "../../src/sheets/grid";

const grid = (sheet: string, values: unknown[][]): SheetGrid => ({ sheet, values, firstRow: 1, firstColumn: 0 });
const raised = (findings: ReadonlyArray<{ sheet: string; cell: string; rule: string; severity: string }>) =>
  findings.map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.severity}`);

describe("claims rules (§12.3)", () => {
  const claims = grid("Claims", [
    ["Claimant", "Filed", "Knew", "Disability", "Extension 1 Notice", "Denial Received", "Review Requested", "Review Decision"],
    // Knew 2000-01-01, filed 2003-06-01: late (C02). Review requested 2003-08-01, no decision by 2004-06-01: deemed denied (C05),
    // exhausted the day after the review decision was due, long after 2002-07-01, 30 months after knowledge: no window to sue (C08).
    ["Eve Park", "2003-06-01", "2000-01-01", "N", "", "2003-07-01", "2003-08-01", ""],
    // An extension notice on a claim that is not a Disability claim extends nothing (C06).
    ["Fay Moss", "2003-05-01", "2003-04-01", "N", "2003-06-01", "2003-07-01", "", ""],
  ]);

  it("C02, C05, C06, C08: a late claim, a review never decided, an extension that extends nothing, no window for legal action", () => {
    expect(raised(claimsWorkflow({ claims }, "2004-06-01").findings).sort()).toEqual([
      "Claims!B2 C02 warning",
      "Claims!C2 C08 warning",
      "Claims!E3 C06 warning",
      "Claims!H2 C05 warning",
    ]);
  });
});

describe("Change in Control rules (§1.1(e), §13.4)", () => {
  const events = grid("CIC Events", [
    ["Date", "Type", "Pct Common", "Pct Voting", "Exemption", "Buyback", "Incumbent Directors", "Board Size"],
    ["2003-03-15", "board", "", "", "", "", 5, 10], // half the board replaced: a Change in Control on 2003-03-15
    ["not a date", "board", "", "", "", "", 5, 10], // H01
    ["2003-03-20", "board", "", "", "", "", 4, ""], // H04: no Board Size for the board test
  ]);
  const holdings = grid("Holdings", [
    ["Participant", "Employer", "Account", "Quantity"],
    ["Ann Lee", "Hecla", "DCA", 100],
  ]);

  it("H01, H04: an unreadable date and a figure the test needs left blank, each on its cell", () => {
    expect(raised(cicWorkflow({ events }).findings)).toEqual(["CIC Events!A3 H01 error", "CIC Events!H4 H04 error"]);
  });

  it("H05: an unreadable Trust cell", () => {
    const trust = grid("Trust", [
      ["Change in Control Date", "Trust Established", "Trust Assets"],
      ["", "Y", "lots"],
    ]);
    expect(raised(cicWorkflow({ events, trust }).findings)).toContain("Trust!C2 H05 error");
  });

  it("H07, H09: no closing price to value the Accounts on the Trust's date, which differs from the events'", () => {
    const trust = grid("Trust", [
      ["Change in Control Date", "Trust Established", "Trust Assets"],
      ["2003-03-18", "Y", 1000],
    ]);
    const prices = grid("Prices", [
      ["Date", "Close"],
      ["2003-04-01", 3],
    ]);
    expect(raised(cicWorkflow({ events, trust, holdings, prices }).findings).filter((f) => f.startsWith("Trust!"))).toEqual([
      "Trust!A2 H09 warning",
      "Trust!A2 H07 error",
    ]);
  });
});

describe("reserve rules (§13.8)", () => {
  it("R03: a record the reserve cannot count (a split past what a cell holds) is left out on its Splits cell", () => {
    const activity = grid("Activity", [
      ["Participant", "Date", "Kind", "Amount"],
      ["Ann Lee", "2003-03-31", "discretionary", 1000],
    ]);
    // Each split is within what one split could be (S08: at most 1,000 to one), but 103 of them scale the reserve past what a cell holds.
    const days = Array.from({ length: 103 }, (_, i) => addDays("2002-06-03", i));
    const splits = grid("Splits", [["Date", "New Shares", "Old Shares"], ...days.map((day) => [day, 1000, 1])]);
    const prices = grid("Prices", [
      ["Date", "Close"],
      ["2003-03-31", 1],
    ]);
    // 6,000,000 × 1,000^k passes the largest number a cell holds (about 1.8e308) from k = 101 (6e309; k = 100 gives 6e306):
    // splits 101 to 103, on rows 102 to 104, cannot be counted (§13.8 scales the reserve by each split).
    expect(raised(reconcileWorkflow({ activity, splits, prices }).findings)).toEqual([
      "Splits!B102 R03 error",
      "Splits!B103 R03 error",
      "Splits!B104 R03 error",
    ]);
  });
});
