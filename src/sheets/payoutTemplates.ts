/**
 * The payout sheets with worked rows (PAYOUT.md §1): one participant for each
 * Distributable Event of §7.1, a death with a designated beneficiary, an
 * unlocated participant, a conservator, and an early withdrawal. The example
 * workbook `examples/payouts.xlsx` and the task pane's "Insert template"
 * write these.
 */
import { PAYOUT_SHEET_HEADERS } from "./payouts";
import type { ColumnFormat, SheetTemplate } from "./templates";

const FORMATS: Partial<Record<string, ColumnFormat>> = {
  "Tax Rate": "percent",
  "Share Tax": "dollars",
  "Cash Tax": "dollars",
  Fraction: "percent",
  Quantity: "number",
  Close: "dollars",
};

function columns(headers: readonly string[], lists: Partial<Record<string, readonly string[]>> = {}) {
  return headers.map((header) => ({
    header,
    format: FORMATS[header] ?? (/Date\b|Last Day Worked|Application Approved/.test(header) ? "date" : "text"),
    width: Math.max(12, header.length + 2),
    list: lists[header],
  }));
}

const YES_NO = ["Y", "N"];

// Participant, Disability, Death, Last Day Worked, Plan Termination, Cause, Elected, Election Effective, Elected Approved,
// CIC, Parachute, Auditor Opinion, Tax Rate, Share Tax, Cash Tax, Cash Tax Election, Beneficiary, Form Approved, Will,
// Application Approved, Incompetent, Conservator, Located
export const PAYOUTS_TEMPLATE: SheetTemplate = {
  sheet: "Payouts",
  table: "Payouts",
  columns: columns(PAYOUT_SHEET_HEADERS.Payouts, {
    "Elected Approved": YES_NO,
    "Parachute Determined": YES_NO,
    "Form Approved": YES_NO,
    Will: YES_NO,
    Incompetent: YES_NO,
    Located: YES_NO,
  }),
  rows: [
    // (c) separation: the day after the last day worked; 20% withheld in shares.
    ["Ann Lee", "", "", "2003-03-14", "", "", "", "", "", "", "", "", 0.2, "", "", "", "", "", "", "", "", "", ""],
    // (f) elected date: CSA lots held to their release (§7.1(f)); dies between the payments, beneficiary accepted.
    ["Ben Ortiz", "", "2004-10-01", "", "", "", "2004-06-15", "2003-05-15", "Y", "", "", "", 0.1, "", "", "", "Bea Ortiz", "Y", "", "2004-11-15", "", "", ""],
    // (a) disability; the share tax paid in cash by an election received before the event (§10.2).
    ["Cara Diaz", "2003-06-10", "", "", "", "", "", "", "", "", "", "", 0.25, "", "", "2003-05-01", "", "", "", "", "", "", ""],
    // (b) death with no designated beneficiary: as the will requires, from the application's approval (§7.2(e)).
    ["Dan Wu", "", "2003-09-03", "", "", "", "", "", "", "", "", "", 0, "", "", "", "", "", "Y", "2003-12-01", "", "", ""],
    // (d) plan termination the day after a Change in Control: counts from the auditor's opinion (§7.5).
    ["Eve Park", "", "", "", "2005-03-02", "", "", "", "", "2005-03-01", "", "2005-04-10", 0.3, "", "", "", "", "", "", "", "", "", ""],
    // (e) termination for cause on the last day worked (§7.6); the separation is displaced.
    ["Finn Moss", "", "", "2003-06-20", "", "2003-06-20", "", "", "", "", "", "", 0.2, "", "", "", "", "", "", "", "", "", ""],
    // Not located (§12.4): deemed dead three years after the distribution date; the intestate heirs.
    ["Gil Reyes", "", "", "2003-02-28", "", "", "", "", "", "", "", "", 0, "", "", "", "", "", "", "", "", "", "N"],
    // Declared incompetent, a conservator appointed (§9.2).
    ["Hana Sato", "", "", "2003-03-31", "", "", "", "", "", "", "", "", 0.2, "", "", "", "", "", "", "", "Y", "Ivan Sato", ""],
  ],
};

export const HOLDINGS_TEMPLATE: SheetTemplate = {
  sheet: "Holdings",
  table: "Holdings",
  columns: columns(PAYOUT_SHEET_HEADERS.Holdings, { Account: ["DCA", "CMSA", "CSA", "IA"], Source: ["discretionary", "allocation"] }),
  rows: [
    ["Ann Lee", "Company", "DCA", 100.4, "", ""],
    ["Ann Lee", "Company", "CMSA", 10.25, "", ""],
    ["Ann Lee", "Company", "CSA", 5.1, "discretionary", "2002-12-31"],
    ["Ann Lee", "Company", "IA", 1234.565, "", ""],
    ["Ben Ortiz", "Company", "DCA", 10.6, "", ""],
    ["Ben Ortiz", "Company", "CSA", 2.2, "discretionary", "2003-01-10"],
    ["Ben Ortiz", "Hecla Ventures", "CSA", 3.1, "allocation", "2004-03-10"],
    ["Ben Ortiz", "Company", "IA", 50, "", ""],
    ["Cara Diaz", "Company", "DCA", 40, "", ""],
    ["Cara Diaz", "Company", "IA", 2000, "", ""],
    ["Dan Wu", "Company", "DCA", 25.5, "", ""],
    ["Eve Park", "Company", "DCA", 60, "", ""],
    ["Eve Park", "Company", "CMSA", 6, "", ""],
    ["Finn Moss", "Company", "DCA", 12.3, "", ""],
    ["Gil Reyes", "Company", "DCA", 8, "", ""],
    ["Hana Sato", "Company", "DCA", 20, "", ""],
    ["Ivy Chen", "Company", "DCA", 100.000002, "", ""],
    ["Ivy Chen", "Company", "CMSA", 10.5, "", ""],
    ["Ivy Chen", "Company", "CSA", 4, "discretionary", "2002-12-31"],
    ["Ivy Chen", "Company", "CSA", 7, "allocation", "2003-03-31"],
    ["Ivy Chen", "Company", "IA", 1000, "", ""],
  ],
};

export const WITHDRAWALS_TEMPLATE: SheetTemplate = {
  sheet: "Withdrawals",
  table: "Withdrawals",
  columns: columns(PAYOUT_SHEET_HEADERS.Withdrawals, { Fraction: ["25%", "50%", "75%", "100%"] }),
  rows: [["Ivy Chen", "2003-06-16", 0.25, "", 0.2]],
};

/** The closes the worked rows need: each payment's and withdrawal's fair market value day. */
export const PAYOUT_PRICES_TEMPLATE: SheetTemplate = {
  sheet: "Prices",
  table: "Prices",
  columns: [
    { header: "Date", format: "date", width: 12 },
    { header: "Close", format: "dollars", width: 10 },
  ],
  rows: [
    ["2003-05-01", 5],
    ["2003-05-30", 5.25],
    ["2003-06-16", 5],
    ["2003-08-01", 4.5],
    ["2003-10-31", 4],
    ["2004-07-30", 8],
    ["2004-12-31", 10],
    ["2005-06-01", 4],
  ],
};

export const PAYOUT_TEMPLATES: readonly SheetTemplate[] = [PAYOUTS_TEMPLATE, HOLDINGS_TEMPLATE, WITHDRAWALS_TEMPLATE, PAYOUT_PRICES_TEMPLATE];
