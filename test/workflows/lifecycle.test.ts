/**
 * The statement workflow reading the records workbook's lifecycle sheets
 * (PAYOUT.md §7): Withdrawals, Participation and Plan, and the §15.2 stop
 * from the reserve the records themselves use up. Figures on the worked
 * example (test/engine/accounts.test.ts works Ann Lee's 2003 by hand).
 */
import { reserveEntries, statementJson, statementWorkflow } from "../../src/workflows/statement";
import { ACTIVITY_ROWS, grid, table, workedGrids, type ActivityRow } from "../helpers/records";

const year = { from: "2003-01-01", to: "2003-12-31" };
const findings = (result: ReturnType<typeof statementWorkflow>) => result.findings.map((f) => [f.sheet, f.cell, f.rule, f.section, f.severity]);

describe("the lifecycle sheets", () => {
  it("Participation: Ben Ortiz's deferral inside his §3.3 suspension is refused on its Date cell (S05)", () => {
    const participation = grid("Participation", table(["Participant", "Suspended", "Reinstated", "New Election"], [["ben ortiz", "2003-08-01", "", ""]]));
    const result = statementWorkflow({ ...workedGrids(), participation }, year);
    expect(findings(result)).toEqual([
      ["Activity", "D8", "S01", "5.2(c)", "error"],
      ["Activity", "B9", "S05", "3.3", "error"],
    ]);
    const ben = statementJson(result).participants.find((p) => p.participant === "Ben Ortiz");
    expect(ben?.totalValue).toBe(0);
    expect(result.findings[1].message).toContain("$8,000.00 dated 2003-08-20 falls in the §3.3 suspension from 2003-08-01 (open-ended)");
  });

  it("Plan: a credit the day after the §15.1 termination is refused, one on the day posts (P-R17)", () => {
    const plan = grid("Plan", table(["Plan Termination Date"], [["2003-08-20"]]));
    const onTheDay = statementWorkflow({ ...workedGrids(), plan }, year);
    expect(statementJson(onTheDay).participants.find((p) => p.participant === "Ben Ortiz")?.totalValue).toBe(6248);
    const before = grid("Plan", table(["Plan Termination Date"], [["2003-08-19"]]));
    const after = statementWorkflow({ ...workedGrids(), plan: before }, year);
    expect(findings(after)).toContainEqual(["Activity", "B9", "S05", "15.1", "error"]);
    expect(statementJson(after).participants.find((p) => p.participant === "Ben Ortiz")?.totalValue).toBe(0);
  });

  it("Withdrawals: 25% of Ann Lee's units at the close of 2003-06-30 leave on 2003-07-01, and her later credits are refused (§7.3)", () => {
    // Held at the close of 06-30: DCA 3,725, CMSA 552.5, CSA 1,010 of which 606 discretionary (the 404 allocated stay, P-R14).
    const withdrawals = grid(
      "Withdrawals",
      table(["Participant", "Approval Date", "Fraction", "Distribution Date", "Tax Rate"], [["Ann Lee", "2003-07-01", 0.25, "", ""]]),
    );
    const result = statementWorkflow({ ...workedGrids(), withdrawals }, year);
    const ann = statementJson(result).participants.find((p) => p.participant === "Ann Lee");
    expect([ann?.accounts.DCA.paidOut, ann?.accounts.CMSA.paidOut, ann?.accounts.CSA.paidOut, ann?.accounts.IA.paidOut]).toEqual([931.25, 138.125, 151.5, 0]);
    // The option allocation (released 07-24) and the stock allocation (10-23) fall in [07-01, 2004-01-01).
    expect(findings(result)).toEqual([
      ["Activity", "B6", "S05", "7.3", "error"],
      ["Activity", "B8", "S05", "7.3", "error"],
    ]);
    for (const key of ["DCA", "CMSA", "CSA", "IA"] as const) {
      const line = ann?.accounts[key];
      if (!line) throw new Error("no Ann Lee");
      const closing = line.opening + line.credited + line.dividends + line.splitAdjustment + line.interest - line.allocatedOut - line.paidOut;
      expect(closing).toBeCloseTo(line.closing, 6);
    }
  });

  it("Withdrawals: a fraction that is not a 25% increment is a finding on its cell, and nothing is withdrawn", () => {
    const withdrawals = grid("Withdrawals", table(["Participant", "Approval Date", "Fraction"], [["Ann Lee", "2003-07-01", 0.3]]));
    const result = statementWorkflow({ ...workedGrids(), withdrawals }, year);
    expect(findings(result)).toContainEqual(["Withdrawals", "C2", "P09", "7.3", "error"]);
    expect(statementJson(result).participants[0].accounts.DCA.paidOut).toBe(0);
  });
});

describe("Payouts: the Distributable Event's payout posts out of the Accounts (PAYOUT.md §7)", () => {
  it("pays Ben Ortiz's 8,000 DCA and 800 CMSA units on 2003-11-01 after his separation on 2003-09-15, leaving nothing", () => {
    // Last day worked 2003-09-14: separation 09-15 (P-R2), distribution date the first of the second month after, 2003-11-01 (§7.2(a)).
    // His $8,000 deferral paid 08-20 is credited 09-30 at the Q3 average $1.00 (8,000 units, 800 match); the 11-14 dividend finds nothing held.
    const payouts = grid("Payouts", table(["Participant", "Last Day Worked"], [["Ben Ortiz", "2003-09-14"]]));
    const result = statementWorkflow({ ...workedGrids(), payouts }, year);
    const ben = statementJson(result).participants.find((p) => p.participant === "Ben Ortiz");
    expect([ben?.accounts.DCA.paidOut, ben?.accounts.CMSA.paidOut, ben?.accounts.DCA.dividends]).toEqual([8000, 800, 0]);
    expect([ben?.accounts.DCA.closing, ben?.accounts.CMSA.closing, ben?.totalValue]).toEqual([0, 0, 0]);
    expect(findings(result)).toEqual([["Activity", "D8", "S01", "5.2(c)", "error"]]);
  });

  it("refuses a withdrawal approved on or after the distribution date (§7.3 'prior to the distribution date')", () => {
    const payouts = grid("Payouts", table(["Participant", "Last Day Worked"], [["Ben Ortiz", "2003-09-14"]]));
    const withdrawals = grid("Withdrawals", table(["Participant", "Approval Date", "Fraction"], [["Ben Ortiz", "2003-11-01", 0.25]]));
    const result = statementWorkflow({ ...workedGrids(), payouts, withdrawals }, year);
    expect(findings(result)).toContainEqual(["Withdrawals", "B2", "P09", "7.3", "error"]);
    expect(statementJson(result).participants.find((p) => p.participant === "Ben Ortiz")?.accounts.DCA.paidOut).toBe(8000);
  });

  it("reports a row whose event cannot be decided on its cell, and posts nothing", () => {
    // A Cause Date needs the Last Day Worked (PAYOUT.md §2 item 2).
    const payouts = grid("Payouts", table(["Participant", "Cause Date"], [["Ben Ortiz", "2003-09-14"]]));
    const result = statementWorkflow({ ...workedGrids(), payouts }, year);
    expect(findings(result)).toContainEqual(["Payouts", "B2", "P03", "7.1", "error"]);
    expect(statementJson(result).participants.find((p) => p.participant === "Ben Ortiz")?.totalValue).toBe(6248);
  });
});

describe("§15.2: the reserve the records use up stops their credits from that day", () => {
  // 5,990,000 units on 2003-07-31 at the Q3 close of $1.00 leave 4,712.5 of the 6,000,000 shares (§13.8) after Ann Lee's
  // 5,287.5 units; on 2003-08-01 Dee Ray's 10,000 and Ann Lee's 6,666 option shares use them up.
  const rows: ActivityRow[] = [
    ...ACTIVITY_ROWS,
    ["Dee Ray", "2003-07-31", "discretionary", 5_990_000, "", "", "", ""],
    ["Dee Ray", "2003-08-01", "discretionary", 10_000, "", "", "", ""],
  ];
  const result = statementWorkflow(workedGrids(rows), year);

  it("finds the exhaustion date in the reserve page's count, which still counts every credit", () => {
    expect(result.exhaustionDate).toBe("2003-08-01");
    // Dividend units count too (09-05, 12-05); the credits through the exhaustion date are these.
    const dee = reserveEntries(result).filter((entry) => entry.participant === "Dee Ray" && entry.date <= "2003-08-01");
    expect(dee.map((entry) => [entry.date, entry.quantity.toNumber()])).toEqual([
      ["2003-07-31", 5_990_000],
      ["2003-08-01", 10_000],
    ]);
  });

  it("refuses credits dated on or after it (Ann Lee's allocation released 10-23, Ben Ortiz's deferral paid 08-20, Dee Ray's second), not the option released 07-24", () => {
    expect(findings(result)).toEqual([
      ["Activity", "B8", "S05", "15.2", "error"],
      ["Activity", "B9", "S05", "15.2", "error"],
      ["Activity", "B11", "S05", "15.2", "error"],
    ]);
    const json = statementJson(result);
    expect(json.participants.find((p) => p.participant === "Dee Ray")?.accounts.CSA.credited).toBe(5_990_000);
    expect(json.participants.find((p) => p.participant === "Ann Lee")?.options.map((o) => o.grantDate)).toEqual(["2003-08-01"]);
  });
});
