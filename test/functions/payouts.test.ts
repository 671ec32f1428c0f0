/**
 * PAYOUT_EVENT, PAYOUT and WITHDRAWAL through the built bundle, with the
 * example workbook's sheets as Excel hands them (serial dates, header rows).
 * Figures are the hand-worked ones of test/engine/payout.test.ts and
 * withdrawal.test.ts.
 */
import { HOLDINGS_TEMPLATE, PAYOUT_PRICES_TEMPLATE, PAYOUTS_TEMPLATE } from "../../src/sheets/payoutTemplates";
import { cellValues, type SheetTemplate } from "../../src/sheets/templates";
import { cellCaller, loadFunctionsBundle, serial } from "../helpers/bundle";

const call = cellCaller(loadFunctionsBundle().registered);
const range = (template: SheetTemplate) => [template.columns.map((c) => c.header), ...cellValues(template)];
const payouts = range(PAYOUTS_TEMPLATE);
const holdings = range(HOLDINGS_TEMPLATE);
const prices = range(PAYOUT_PRICES_TEMPLATE);

describe("PAYOUT_EVENT (§7.1, §7.5, §7.6)", () => {
  test("separation: the day after the last day worked", () => {
    expect(call("PAYOUT_EVENT", "", "", serial("2003-03-14"), "", "", "", "")).toBe(serial("2003-03-15"));
  });

  test("a plan termination on the Change in Control day counts; the day after waits for the auditor (P-R4)", () => {
    const cic = serial("2005-03-01");
    expect(call("PAYOUT_EVENT", "", "", "", serial("2005-03-01"), "", "", "", cic)).toBe(cic);
    expect(call("PAYOUT_EVENT", "", "", "", serial("2005-03-02"), "", "", "", cic)).toEqual({
      code: "#N/A",
      message: expect.stringContaining("awaiting the independent auditor's opinion"),
    });
    expect(call("PAYOUT_EVENT", "", "", "", serial("2005-03-02"), "", "", "", cic, "", serial("2005-04-10"))).toBe(serial("2005-04-10"));
  });

  test("electedApproved blank or 0 is Y; N excludes the elected date", () => {
    const args = ["", "", "", "", "", serial("2004-06-15"), serial("2003-05-15"), "", "", ""];
    expect(call("PAYOUT_EVENT", ...args, 0)).toBe(serial("2004-06-15"));
    expect(call("PAYOUT_EVENT", ...args, "")).toBe(serial("2004-06-15"));
    expect(call("PAYOUT_EVENT", ...args, "N")).toEqual({ code: "#N/A", message: expect.stringContaining("not accepted and approved") });
  });

  test("a Cause Date before the Last Day Worked is #VALUE! naming causeDate", () => {
    expect(call("PAYOUT_EVENT", "", "", serial("2003-03-14"), "", serial("2003-03-13"), "", "")).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(/^causeDate 2003-03-13 is before the lastDayWorked 2003-03-14/),
    });
  });

  test("columns in, columns out", () => {
    const result = call("PAYOUT_EVENT", [[""], [serial("2003-09-03")]], "", [[serial("2003-03-14")], [""]], "", "", "", "");
    expect(result).toEqual([[serial("2003-03-15")], [serial("2003-09-03")]]);
  });
});

describe("PAYOUT", () => {
  test("spills the header of PAYOUT.md §1 and Ann Lee's payment (hand-worked)", () => {
    expect(call("PAYOUT", payouts, holdings, prices, "Ann Lee")).toEqual([
      [
        "Date",
        "FMV",
        "DCA units",
        "CMSA units",
        "CSA units",
        "Gross shares",
        "Share value",
        "IA cash",
        "Tax on shares",
        "Tax on cash",
        "Withheld shares",
        "Fraction cash",
        "Net shares",
        "Net cash",
        "Cash due from payee",
      ],
      [serial("2003-05-01"), 5, 100.4, 10.25, 5.1, 116, 580, 1234.57, 116, 246.91, 24, 4, 92, 991.66, 0],
    ]);
  });

  test("Ben Ortiz's held CSA lot is a second payment on its release date (P-R7), shares by cumulative round-up (P-R8)", () => {
    const rows = call("PAYOUT", payouts, holdings, prices, "ben ortiz") as unknown[][];
    expect(rows.slice(1).map((r) => [r[0], r[5]])).toEqual([
      [serial("2004-08-01"), 13],
      [serial("2005-01-01"), 3],
    ]);
  });

  test("a participant with no Payouts row is #N/A naming them", () => {
    expect(call("PAYOUT", payouts, holdings, prices, "Zed")).toEqual({ code: "#N/A", message: 'payouts has no row for participant "Zed"' });
  });

  test("a cell the participant's own row cannot use is #VALUE! naming it, not a missing row", () => {
    const lastDayWorked = payouts[0].indexOf("Last Day Worked");
    const broken = payouts.map((row, r) => (r === 1 ? row.map((cell, c) => (c === lastDayWorked ? "March 14 2003" : cell)) : row));
    expect(call("PAYOUT", broken, holdings, prices, " ann lee")).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(/^payouts row 2: Last Day Worked holds "March 14 2003", not a date/),
    });
    expect(call("PAYOUT", broken, holdings, prices, "Ben Ortiz")).toEqual(call("PAYOUT", payouts, holdings, prices, "Ben Ortiz"));
  });

  test("a participant that is no name says what it holds", () => {
    expect(call("PAYOUT", payouts, holdings, prices, true)).toEqual({
      code: "#VALUE!",
      message: "participant true is not a name; enter a name as the Payouts and Holdings rows spell it",
    });
    expect(call("PAYOUT", payouts, holdings, prices, 0)).toEqual({ code: "#VALUE!", message: expect.stringMatching(/^participant is blank/) });
  });
});

describe("WITHDRAWAL (§7.3)", () => {
  test("Ivy Chen's 25% on 2003-06-16 (hand-worked)", () => {
    const rows = call("WITHDRAWAL", holdings, prices, "Ivy Chen", serial("2003-06-16"), 0.25, "", 0.2) as unknown[][];
    const value = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect(value("Value withdrawn")).toBe(143.13);
    expect(value("Penalty")).toBe(14.31);
    expect(value("Shares delivered")).toBe(25);
    expect(value("Net shares")).toBe(20);
    expect(value("Fraction cash")).toBe(3.82);
    expect(value("Excluded CSA units (Art. V)")).toBe(7);
    expect(value("Credits resume")).toBe(serial("2003-12-16"));
  });

  test("a participant with no Holdings row is #N/A naming them, never a withdrawal of nothing", () => {
    expect(call("WITHDRAWAL", holdings, prices, "Nobody", serial("2003-06-16"), 0.25)).toEqual({
      code: "#N/A",
      message: 'holdings has no row for participant "Nobody"',
    });
  });

  test("a tax rate past 100% is #VALUE! naming taxRate and §10.1", () => {
    expect(call("WITHDRAWAL", holdings, prices, "Ivy Chen", serial("2003-06-16"), 0.25, "", 20)).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(/^taxRate 20 is more than 100%.*\(§10\.1\)$/),
    });
  });

  test("a fraction of 30% is #VALUE! naming fraction", () => {
    expect(call("WITHDRAWAL", holdings, prices, "Ivy Chen", serial("2003-06-16"), 0.3)).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(/^fraction 30% is not a 25% increment/),
    });
  });
});
