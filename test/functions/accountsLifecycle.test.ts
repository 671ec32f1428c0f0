/**
 * ACCOUNT_BALANCE and ACCOUNT_STATEMENT through the built bundle, given the
 * records workbook's lifecycle tables (PAYOUT.md §7: Withdrawals,
 * Participation, Plan, Payouts) as dcp statement reads them: a participant
 * paid out in full shows zero afterwards, a withdrawal posts out, a credit
 * inside a stop window is the formula's error naming its row and section,
 * and the §15.2 stop comes from the reserve the records themselves use up.
 * Figures on the worked example (test/engine/accounts.test.ts).
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
const prices = asExcelRange(PRICE_ROWS);
const dividends = table(DIVIDEND_HEADER, DIVIDEND_ROWS);
const splits = table(SPLIT_HEADER, SPLIT_ROWS);
const primeRates = table(["Date", "Annual Rate"], PRIME_RATE_ROWS);

interface Lifecycle {
  withdrawals?: unknown[][];
  participation?: unknown[][];
  plan?: unknown[][];
  payouts?: unknown[][];
}

const lifecycleArgs = (l: Lifecycle) => [l.withdrawals ?? null, l.participation ?? null, l.plan ?? null, l.payouts ?? null];
const balance = (rows: readonly ActivityRow[], lifecycle: Lifecycle, participant: string, account: unknown, asOf: unknown) =>
  call("ACCOUNT_BALANCE", table(ACTIVITY_HEADER, rows), prices, dividends, splits, primeRates, participant, account, asOf, ...lifecycleArgs(lifecycle));
const statement = (rows: readonly ActivityRow[], lifecycle: Lifecycle, participant: string) =>
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
    expect(balance(CLEAN_ROWS, benPaidOut, "Ben Ortiz", "DCA", "2003-10-31")).toBe(8000);
    expect(balance(CLEAN_ROWS, benPaidOut, "Ben Ortiz", "CMSA", "2003-10-31")).toBe(800);
    for (const account of ["DCA", "CMSA", "CSA", "IA"]) expect(balance(CLEAN_ROWS, benPaidOut, "Ben Ortiz", account, "2003-11-01")).toBe(0);
    // The 2003-12-05 dividend (record date 11-14) finds nothing held.
    expect(balance(CLEAN_ROWS, benPaidOut, "Ben Ortiz", "DCA", "2003-12-31")).toBe(0);
    // Without the Payouts table nothing leaves: 8,000 units and the 12-05 dividend, $0.01 a unit at the Q4 close $0.70: 114.285714 more.
    expect(balance(CLEAN_ROWS, {}, "Ben Ortiz", "DCA", "2003-12-31")).toBe(8114.285714);
  });

  it("ACCOUNT_STATEMENT shows what was paid in the Paid out column and closes at zero", () => {
    expect(statement(CLEAN_ROWS, benPaidOut, "Ben Ortiz")).toEqual([
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
      const rows = statement(CLEAN_ROWS, benPaidOut, p.participant) as unknown[][];
      for (const [key, ...figures] of rows.slice(1, 5)) expect([key, ...figures]).toEqual([key, ...Object.values(p.accounts[key as "DCA"])]);
      expect(rows[5][9]).toBe(p.totalValue);
    }
  });

  it("answers a Payouts row whose event cannot be decided with #VALUE! naming the row and the section", () => {
    // A Cause Date needs the Last Day Worked (PAYOUT.md §2 item 2).
    const payouts = table(["Participant", "Cause Date"], [["Ben Ortiz", "2003-09-14"]]);
    expect(balance(CLEAN_ROWS, { payouts }, "Ann Lee", "DCA", "2003-12-31")).toEqual(error("#VALUE!", /^payouts row 2: .*no payout is posted/));
  });
});

describe("Withdrawals (§7.3)", () => {
  // Without the option allocation released 07-24, which falls inside the withdrawal's window.
  const rows = CLEAN_ROWS.filter(([, , kind]) => kind !== "option allocation");
  const withdrawals = table(["Participant", "Approval Date", "Fraction"], [["Ann Lee", "2003-07-01", 0.25]]);

  it("25% of Ann Lee's units at the close of 2003-06-30 leave on 2003-07-01: DCA 3,725 → 2,793.75, CMSA 552.5 → 414.375", () => {
    expect(balance(rows, { withdrawals }, "Ann Lee", "DCA", "2003-06-30")).toBe(3725);
    expect(balance(rows, { withdrawals }, "Ann Lee", "DCA", "2003-07-01")).toBe(2793.75);
    expect(balance(rows, { withdrawals }, "Ann Lee", "CMSA", "2003-07-01")).toBe(414.375);
    // CSA 1,010 of which 606 discretionary: 151.5 leave; the 404 allocated from the Investment Account stay (P-R14).
    expect(balance(rows, { withdrawals }, "Ann Lee", "CSA", "2003-07-01")).toBe(858.5);
    const ann = statement(rows, { withdrawals }, "Ann Lee") as unknown[][];
    expect(ann.slice(1, 5).map((row) => [row[0], row[7]])).toEqual([
      ["DCA", 931.25],
      ["CMSA", 138.125],
      ["CSA", 151.5],
      ["IA", 0],
    ]);
  });

  it("a credit inside the withdrawal's window is the formula's error naming the row and §7.3 (S05), never silently dropped", () => {
    expect(balance(CLEAN_ROWS, { withdrawals }, "Ann Lee", "DCA", "2003-12-31")).toEqual(error("#VALUE!", /^activity row 6: .*§7\.3/));
  });

  it("a fraction that is not a 25% increment is #VALUE! naming the Withdrawals row", () => {
    const bad = table(["Participant", "Approval Date", "Fraction"], [["Ann Lee", "2003-07-01", 0.3]]);
    expect(balance(rows, { withdrawals: bad }, "Ann Lee", "DCA", "2003-07-01")).toEqual(error("#VALUE!", /^withdrawals row 2: .*25%.*nothing is withdrawn/));
  });
});

describe("the stop windows of §3.3 and §15.1", () => {
  it("Participation: Ben Ortiz's deferral dated inside his suspension is refused, naming the row and §3.3", () => {
    const participation = table(["Participant", "Suspended", "Reinstated", "New Election"], [["ben ortiz", "2003-08-01", "", ""]]);
    expect(balance(CLEAN_ROWS, { participation }, "Ben Ortiz", "DCA", "2003-12-31")).toEqual(error("#VALUE!", /^activity row 8: .*§3\.3/));
    expect(balance(CLEAN_ROWS, { participation }, "Ann Lee", "DCA", "2003-06-30")).toBe(3725);
  });

  it("Plan: a credit on the termination day posts (P-R17), one the day after is refused (§15.1)", () => {
    expect(balance(CLEAN_ROWS, { plan: table(["Plan Termination Date"], [["2003-08-20"]]) }, "Ben Ortiz", "DCA", "2003-10-31")).toBe(8000);
    expect(balance(CLEAN_ROWS, { plan: table(["Plan Termination Date"], [["2003-08-19"]]) }, "Ben Ortiz", "DCA", "2003-10-31")).toEqual(
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
    expect(balance(rows, {}, "Dee Ray", "CSA", "2003-07-31")).toBe(5_990_000);
    expect(balance(rows, {}, "Dee Ray", "CSA", "2003-12-31")).toEqual(error("#VALUE!", /^activity row 10: .*§15\.2/));
    // Ben Ortiz's deferral, dated 08-20, is refused too; Ann Lee's option, dated 07-24 and granted 08-01, is not.
    expect(balance(rows, {}, "Ben Ortiz", "DCA", "2003-12-31")).toEqual(error("#VALUE!", /^activity row 8: .*§15\.2/));
    expect(balance(rows, {}, "Ann Lee", "OPTIONS", "2003-08-01")).toBe(6666);
  });
});
