/**
 * ACCOUNT_BALANCE, ACCOUNT_STATEMENT and OPTION_GRANTS through the built
 * bundle, with ranges as Excel hands them (serial dates, a header row, a
 * shuffled price column with blank rows). The figures are the worked example
 * of test/engine/accounts.test.ts; the formulas agree with the workflow.
 * Given the records workbook's lifecycle tables (PAYOUT.md §7: Withdrawals,
 * Participation, Plan, Payouts) they follow them as dcp statement does: a
 * participant paid out in full shows zero afterwards, a withdrawal posts out,
 * a credit inside a stop window is the formula's error naming its row and
 * section, and the §15.2 stop comes from the reserve the records use up.
 */
import { statementJson, statementWorkflow } from "../../src/workflows/statement";
import { cellCaller, loadFunctionsBundle, serial } from "../helpers/bundle";
import { asExcelRange } from "../helpers/prices";
import {
  ACTIVITY_HEADER,
  ACTIVITY_ROWS,
  DIVIDEND_HEADER,
  DIVIDEND_ROWS,
  grid,
  PRICE_ROWS,
  PRIME_RATE_ROWS,
  SPLIT_HEADER,
  SPLIT_ROWS,
  table,
  workedGrids,
  type ActivityRow,
} from "../helpers/records";

const call = cellCaller(loadFunctionsBundle().registered);
const error = (code: string, pattern: RegExp) => ({ code, message: expect.stringMatching(pattern) });

/** The worked records without the over-allocation (which a formula refuses rather than skips). */
const CLEAN_ROWS = ACTIVITY_ROWS.filter(([, , , , , , , reference]) => reference !== "more than the balance");
const activity = table(ACTIVITY_HEADER, CLEAN_ROWS);
const withOverAllocation = table(ACTIVITY_HEADER, ACTIVITY_ROWS);
const prices = asExcelRange(PRICE_ROWS);
const dividends = table(DIVIDEND_HEADER, DIVIDEND_ROWS);
const splits = table(SPLIT_HEADER, SPLIT_ROWS);
const primeRates = table(["Date", "Annual Rate"], PRIME_RATE_ROWS);

const balance = (participant: string, account: unknown, asOf: unknown, records: unknown = activity) =>
  call("ACCOUNT_BALANCE", records, prices, dividends, splits, primeRates, participant, account, asOf);

describe("ACCOUNT_BALANCE", () => {
  it("is each Account's balance at the close of the day, units from their crediting date", () => {
    expect(balance("Ann Lee", "DCA", "2003-03-30")).toBe(0);
    expect(balance("Ann Lee", "DCA", serial("2003-03-31"))).toBe(2500);
    expect(balance("ann lee", "cmsa", "2003-12-31")).toBe(1143.201429);
    expect(balance(" Ann Lee ", "CSA", "2003-12-31")).toBe(2089.834286);
    expect(balance("Ann Lee", "IA", "2003-12-31")).toBe(2129.75);
    expect(balance("Ben Ortiz", "DCA", "2003-12-31")).toBe(8114.285714);
  });

  it("counts OPTIONS as the outstanding shares adjusted through the day", () => {
    expect(balance("Ann Lee", "OPTIONS", "2003-07-31")).toBe(0);
    expect(balance("Ann Lee", "OPTIONS", "2003-09-14")).toBe(6666);
    expect(balance("Ann Lee", "OPTIONS", "2003-09-15")).toBe(13332);
  });

  it("takes blank Dividends, Splits and Prime Rates where the records need none", () => {
    const ben = (records: unknown) => call("ACCOUNT_BALANCE", records, prices, "", [[""]], [[0]], "Ben Ortiz", "DCA", "2003-12-31");
    expect(ben(activity)).toBe(8000);
    expect(call("ACCOUNT_BALANCE", activity, prices, null, null, null, "Ann Lee", "IA", "2003-06-30")).toEqual(
      error("#N/A", /^activity row 3: No prime rate quoted on or before 2003-01-01.*§5\.2\(b\)/),
    );
  });

  it("refuses an allocation larger than the Investment Account, naming the row and the section", () => {
    expect(balance("Ann Lee", "CSA", "2003-10-30", withOverAllocation)).toBe(1030.2 * 2);
    expect(balance("Ann Lee", "CSA", "2003-10-31", withOverAllocation)).toEqual(
      error("#VALUE!", /^activity row 8: The allocation to the Company Stock Account of \$5,000\.00 .* more than the \$2,108\.66 .*\(§5\.2\(c\)\)\.$/),
    );
  });

  it("answers bad arguments and unreadable rows with a message", () => {
    expect(balance("Dan Wu", "DCA", "2003-12-31")).toEqual(error("#N/A", /activity has no row for participant "Dan Wu"/));
    expect(balance("", "DCA", "2003-12-31")).toEqual(error("#VALUE!", /participant is blank/));
    expect(balance("Ann Lee", "shares", "2003-12-31")).toEqual(error("#VALUE!", /account "shares" must be one of "dca", "cmsa", "csa", "ia", "options"/));
    expect(balance("Ann Lee", 0, "2003-12-31")).toEqual(error("#VALUE!", /account is 0 \(an empty cell\?\)/));
    expect(balance("Ann Lee", "DCA", 0)).toEqual(error("#VALUE!", /asOfDate is 0/));
    const unreadable = table(ACTIVITY_HEADER, [...CLEAN_ROWS, ["Ben Ortiz", "2003-08-20", "deferral", "lots", "", "", "", ""] as unknown as ActivityRow]);
    expect(balance("Ann Lee", "DCA", "2003-12-31", unreadable)).toEqual(error("#VALUE!", /^activity row 9: Amount holds "lots", not a number/));
    expect(
      balance("Ann Lee", "DCA", "2003-12-31", [
        ["Participant", "Date", "Amount"],
        ["Ann Lee", 37666, 1],
      ]),
    ).toEqual(error("#VALUE!", /activity has no "Kind" \(or "Type"\) column/));
    const gap = asExcelRange(PRICE_ROWS.filter(([date]) => date !== "2003-02-14"));
    expect(call("ACCOUNT_BALANCE", activity, gap, dividends, splits, primeRates, "Ann Lee", "DCA", "2003-12-31")).toEqual(
      error("#N/A", /^activity row 2: No closing price for 2003-02-14, a Business Day of 2003-Q1/),
    );
  });
});

describe("ACCOUNT_STATEMENT", () => {
  const statement = (participant: string, from: unknown, to: unknown) =>
    call("ACCOUNT_STATEMENT", activity, prices, dividends, splits, primeRates, participant, from, to);

  it("spills the header, the four Accounts and the total value", () => {
    expect(statement("Ann Lee", "2003-01-01", serial("2003-12-31"))).toEqual([
      ["Account", "Opening", "Credited", "Dividends", "Split adjustment", "Interest", "Allocated out", "Paid out", "Closing", "Value"],
      ["DCA", 0, 3700, 208.057143, 3799.5, 0, 0, 0, 7707.557143, 5395.29],
      ["CMSA", 0, 550, 29.651429, 563.55, 0, 0, 0, 1143.201429, 800.24],
      ["CSA", 0, 1000, 59.634286, 1030.2, 0, 0, 0, 2089.834286, 1462.88],
      ["IA", 0, 5000, 0, 0, 129.75, 3000, 0, 2129.75, 2129.75],
      ["Total", "", "", "", "", "", "", "", "", 13454.46],
    ]);
  });

  it("opens at the close of the day before fromDate; blank dates run from the first to the last Activity date", () => {
    const q3 = statement("Ann Lee", "2003-07-01", "2003-09-30") as unknown[][];
    expect(q3[1]).toEqual(["DCA", 3725, 0, 74.5, 3799.5, 0, 0, 0, 7599, 7599]);
    // 2003-01-15 .. 2003-08-20 (Ben Ortiz's deferral), valued at $1.00
    const whole = statement("Ann Lee", "", 0) as unknown[][];
    expect(whole[1]).toEqual(["DCA", 0, 3700, 25, 0, 0, 0, 0, 3725, 3725]);
    expect(statement("Ann Lee", "2003-12-31", "2003-01-01")).toEqual(error("#VALUE!", /fromDate 2003-12-31 is after toDate 2003-01-01/));
    expect(statement("Ann Lee", "2003-01-01", "2004-03-31")).toEqual(error("#N/A", /no closing price for 2004-03-31/));
  });

  it("agrees with the workflow the task pane and dcp statement use, participant by participant", () => {
    const json = statementJson(statementWorkflow(workedGrids(CLEAN_ROWS), { from: "2003-01-01", to: "2003-12-31" }));
    for (const p of json.participants) {
      const rows = statement(p.participant, "2003-01-01", "2003-12-31") as unknown[][];
      for (const [key, ...figures] of rows.slice(1, 5)) {
        expect([key, ...figures]).toEqual([key, ...Object.values(p.accounts[key as "DCA"])]);
      }
      expect(rows[5][9]).toBe(p.totalValue);
    }
  });
});

describe("OPTION_GRANTS", () => {
  const grants = (asOf: unknown, records = activity) => call("OPTION_GRANTS", records, prices, splits, "Ann Lee", asOf);
  const header = ["Grant date", "Shares", "Exercise price", "Exercisable on", "Value"];

  it("spills one row per grant, adjusted through the day, valued at its fair market value", () => {
    expect(grants("2003-07-31")).toEqual([header]);
    expect(grants("2003-09-14")).toEqual([header, [serial("2003-08-01"), 6666, 0.85, serial("2004-02-01"), 999.9]]);
    expect(grants("2003-12-31")).toEqual([header, [serial("2003-08-01"), 13332, 0.425, serial("2004-02-01"), 3666.3]]);
    expect(call("OPTION_GRANTS", activity, prices, "", "Ann Lee", "2003-12-31")).toEqual([header, [serial("2003-08-01"), 6666, 0.85, serial("2004-02-01"), 0]]);
  });

  it("takes no prime rates, so says when it cannot tell whether interest covers an allocation", () => {
    expect(grants("2003-12-31", withOverAllocation)).toEqual(
      error("#N/A", /^activity row 8: .*more than the \$2,000\.00 the Investment Account held before interest.*without prime rates/),
    );
  });
});

interface Lifecycle {
  withdrawals?: unknown[][];
  participation?: unknown[][];
  plan?: unknown[][];
  payouts?: unknown[][];
}

const lifecycleArgs = (l: Lifecycle) => [l.withdrawals ?? null, l.participation ?? null, l.plan ?? null, l.payouts ?? null];
const lifecycleBalance = (rows: readonly ActivityRow[], lifecycle: Lifecycle, participant: string, account: unknown, asOf: unknown) =>
  call("ACCOUNT_BALANCE", table(ACTIVITY_HEADER, rows), prices, dividends, splits, primeRates, participant, account, asOf, ...lifecycleArgs(lifecycle));
const lifecycleStatement = (rows: readonly ActivityRow[], lifecycle: Lifecycle, participant: string) =>
  call(
    "ACCOUNT_STATEMENT",
    table(ACTIVITY_HEADER, rows),
    prices,
    dividends,
    splits,
    primeRates,
    participant,
    "2003-01-01",
    "2003-12-31",
    ...lifecycleArgs(lifecycle),
  );

// Last day worked 2003-09-14: separation 09-15 (P-R2), paid on the first of the second month after, 2003-11-01 (§7.2(a)).
const benPaidOut = { payouts: table(["Participant", "Last Day Worked"], [["Ben Ortiz", "2003-09-14"]]) };

describe("Payouts: a participant paid out in full shows zero afterwards", () => {
  it("Ben Ortiz's 8,000 DCA and 800 CMSA units (his $8,000 deferral credited 2003-09-30 at the Q3 average $1.00) leave on 2003-11-01", () => {
    expect(lifecycleBalance(CLEAN_ROWS, benPaidOut, "Ben Ortiz", "DCA", "2003-10-31")).toBe(8000);
    expect(lifecycleBalance(CLEAN_ROWS, benPaidOut, "Ben Ortiz", "CMSA", "2003-10-31")).toBe(800);
    for (const account of ["DCA", "CMSA", "CSA", "IA"]) expect(lifecycleBalance(CLEAN_ROWS, benPaidOut, "Ben Ortiz", account, "2003-11-01")).toBe(0);
    // The 2003-12-05 dividend (record date 11-14) finds nothing held.
    expect(lifecycleBalance(CLEAN_ROWS, benPaidOut, "Ben Ortiz", "DCA", "2003-12-31")).toBe(0);
    // Without the Payouts table nothing leaves: 8,000 units and the 12-05 dividend, $0.01 a unit at the Q4 close $0.70: 114.285714 more.
    expect(lifecycleBalance(CLEAN_ROWS, {}, "Ben Ortiz", "DCA", "2003-12-31")).toBe(8114.285714);
  });

  it("ACCOUNT_STATEMENT shows what was paid in the Paid out column and closes at zero", () => {
    expect(lifecycleStatement(CLEAN_ROWS, benPaidOut, "Ben Ortiz")).toEqual([
      ["Account", "Opening", "Credited", "Dividends", "Split adjustment", "Interest", "Allocated out", "Paid out", "Closing", "Value"],
      ["DCA", 0, 8000, 0, 0, 0, 0, 8000, 0, 0],
      ["CMSA", 0, 800, 0, 0, 0, 0, 800, 0, 0],
      ["CSA", 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ["IA", 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ["Total", "", "", "", "", "", "", "", "", 0],
    ]);
  });

  it("takes a column of dates across the payment, one answer a row", () => {
    const dates = [[serial("2003-10-31")], [serial("2003-11-01")], ["2003-12-31"]];
    expect(
      call(
        "ACCOUNT_BALANCE",
        table(ACTIVITY_HEADER, CLEAN_ROWS),
        prices,
        dividends,
        splits,
        primeRates,
        "Ben Ortiz",
        "DCA",
        dates,
        ...lifecycleArgs(benPaidOut),
      ),
    ).toEqual([[8000], [0], [0]]);
  });

  it("agrees with dcp statement's workflow over the same sheets, participant by participant", () => {
    const json = statementJson(
      statementWorkflow({ ...workedGrids(CLEAN_ROWS), payouts: grid("Payouts", benPaidOut.payouts) }, { from: "2003-01-01", to: "2003-12-31" }),
    );
    for (const p of json.participants) {
      const rows = lifecycleStatement(CLEAN_ROWS, benPaidOut, p.participant) as unknown[][];
      for (const [key, ...figures] of rows.slice(1, 5)) expect([key, ...figures]).toEqual([key, ...Object.values(p.accounts[key as "DCA"])]);
      expect(rows[5][9]).toBe(p.totalValue);
    }
  });

  it("answers a Payouts row whose event cannot be decided with #VALUE! naming the row and the section", () => {
    // A Cause Date needs the Last Day Worked (PAYOUT.md §2 item 2).
    const payouts = table(["Participant", "Cause Date"], [["Ben Ortiz", "2003-09-14"]]);
    expect(lifecycleBalance(CLEAN_ROWS, { payouts }, "Ann Lee", "DCA", "2003-12-31")).toEqual(error("#VALUE!", /^payouts row 2: .*no payout is posted/));
  });
});

describe("Withdrawals (§7.3)", () => {
  // Without the option allocation released 07-24, which falls inside the withdrawal's window.
  const rows = CLEAN_ROWS.filter(([, , kind]) => kind !== "option allocation");
  const withdrawals = table(["Participant", "Approval Date", "Fraction"], [["Ann Lee", "2003-07-01", 0.25]]);

  it("25% of Ann Lee's units at the close of 2003-06-30 leave on 2003-07-01: DCA 3,725 → 2,793.75, CMSA 552.5 → 414.375", () => {
    expect(lifecycleBalance(rows, { withdrawals }, "Ann Lee", "DCA", "2003-06-30")).toBe(3725);
    expect(lifecycleBalance(rows, { withdrawals }, "Ann Lee", "DCA", "2003-07-01")).toBe(2793.75);
    expect(lifecycleBalance(rows, { withdrawals }, "Ann Lee", "CMSA", "2003-07-01")).toBe(414.375);
    // CSA 1,010 of which 606 discretionary: 151.5 leave; the 404 allocated from the Investment Account stay (P-R14).
    expect(lifecycleBalance(rows, { withdrawals }, "Ann Lee", "CSA", "2003-07-01")).toBe(858.5);
    const ann = lifecycleStatement(rows, { withdrawals }, "Ann Lee") as unknown[][];
    expect(ann.slice(1, 5).map((row) => [row[0], row[7]])).toEqual([
      ["DCA", 931.25],
      ["CMSA", 138.125],
      ["CSA", 151.5],
      ["IA", 0],
    ]);
  });

  it("a credit inside the withdrawal's window is the formula's error naming the row and §7.3 (S05), never silently dropped", () => {
    expect(lifecycleBalance(CLEAN_ROWS, { withdrawals }, "Ann Lee", "DCA", "2003-12-31")).toEqual(error("#VALUE!", /^activity row 6: .*§7\.3/));
  });

  it("a fraction that is not a 25% increment is #VALUE! naming the Withdrawals row", () => {
    const bad = table(["Participant", "Approval Date", "Fraction"], [["Ann Lee", "2003-07-01", 0.3]]);
    expect(lifecycleBalance(rows, { withdrawals: bad }, "Ann Lee", "DCA", "2003-07-01")).toEqual(
      error("#VALUE!", /^withdrawals row 2: .*25%.*nothing is withdrawn/),
    );
  });
});

describe("the stop windows of §3.3 and §15.1", () => {
  it("Participation: Ben Ortiz's deferral dated inside his suspension is refused, naming the row and §3.3", () => {
    const participation = table(["Participant", "Suspended", "Reinstated", "New Election"], [["ben ortiz", "2003-08-01", "", ""]]);
    expect(lifecycleBalance(CLEAN_ROWS, { participation }, "Ben Ortiz", "DCA", "2003-12-31")).toEqual(error("#VALUE!", /^activity row 8: .*§3\.3/));
    expect(lifecycleBalance(CLEAN_ROWS, { participation }, "Ann Lee", "DCA", "2003-06-30")).toBe(3725);
  });

  it("Plan: a credit on the termination day posts (P-R17), one the day after is refused (§15.1)", () => {
    expect(lifecycleBalance(CLEAN_ROWS, { plan: table(["Plan Termination Date"], [["2003-08-20"]]) }, "Ben Ortiz", "DCA", "2003-10-31")).toBe(8000);
    expect(lifecycleBalance(CLEAN_ROWS, { plan: table(["Plan Termination Date"], [["2003-08-19"]]) }, "Ben Ortiz", "DCA", "2003-10-31")).toEqual(
      error("#VALUE!", /^activity row 8: .*§15\.1/),
    );
  });
});

describe("§15.2: the reserve the records use up stops their credits from that day, as in dcp statement", () => {
  // 5,990,000 units on 2003-07-31 at the Q3 close of $1.00 and Ann Lee's 5,287.5 leave 4,712.5 of the 6,000,000 shares (§13.8);
  // on 2003-08-01 Dee Ray's 10,000 and Ann Lee's 6,666 option shares use them up.
  const rows: ActivityRow[] = [
    ...CLEAN_ROWS,
    ["Dee Ray", "2003-07-31", "discretionary", 5_990_000, "", "", "", ""],
    ["Dee Ray", "2003-08-01", "discretionary", 10_000, "", "", "", ""],
  ];

  it("credits the units before the exhaustion date and refuses the credit on it, naming the row and §15.2", () => {
    expect(lifecycleBalance(rows, {}, "Dee Ray", "CSA", "2003-07-31")).toBe(5_990_000);
    expect(lifecycleBalance(rows, {}, "Dee Ray", "CSA", "2003-12-31")).toEqual(error("#VALUE!", /^activity row 10: .*§15\.2/));
    // Ben Ortiz's deferral, dated 08-20, is refused too; Ann Lee's option, dated 07-24 and granted 08-01, is not.
    expect(lifecycleBalance(rows, {}, "Ben Ortiz", "DCA", "2003-12-31")).toEqual(error("#VALUE!", /^activity row 8: .*§15\.2/));
    expect(lifecycleBalance(rows, {}, "Ann Lee", "OPTIONS", "2003-08-01")).toBe(6666);
  });
});
