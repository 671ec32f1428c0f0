/**
 * The sheets a payout reads (PAYOUT.md §1), as templates to insert: the
 * Payouts page's "Insert template" adds these. The rows are a worked example
 * of every §7.1 event kind, each figure worked by hand in
 * test/sheets/payoutTemplates.test.ts:
 *
 * - Ann Lee, separation (c): shares rounded up over every account (§6.2), shares withheld for tax (§10.2);
 * - Ben Ortiz, death (b): a designated beneficiary whose application is still awaited (§7.2(e), §9.3);
 * - Cara Diaz, Disability (a): paid to her conservator (§9.2), the share tax paid in cash by election (§10.2);
 * - Dan Wu, plan termination (d) after a Change in Control: the event waits for the auditor's opinion (§7.5);
 * - Eve Park, termination for cause (e): separation displaced (§7.6);
 * - Fay Kim, elected date (f): a Company Stock Account lot held to its release date, a second payment (§7.1(f));
 * - Gus Roy, separation, not located: deemed dead three years on, paid as his will requires (§12.4, §9.3);
 * - Ivy Chen, no Distributable Event: cause after a Change in Control without the auditor's opinion, an
 *   election the Committee did not approve (§7.5, §7.1(f));
 * - Hal Moss, an early withdrawal of 25% (§7.3).
 */
import { businessDay } from "../engine/calendar";
import type { IsoDate } from "../engine/dates";
import type { ColumnFormat, SheetTemplate, TemplateColumn } from "./templates";

const YES_NO = ["Y", "N"] as const;

type Row = ReadonlyArray<string | number>;

/** A template over `columns` [header, format, list?], each as wide as its header needs. */
function sheet(name: string, columns: ReadonlyArray<[string, ColumnFormat, (readonly string[])?]>, rows: readonly Row[]): SheetTemplate {
  const laid: TemplateColumn[] = columns.map(([header, format, list]) => ({ header, format, width: Math.max(12, header.length + 3), list }));
  return { sheet: name, table: name.replace(/\s+/g, ""), columns: laid, rows };
}

const PAYOUTS = sheet(
  "Payouts",
  [
    ["Participant", "text"],
    ["Disability Date", "date"],
    ["Death Date", "date"],
    ["Last Day Worked", "date"],
    ["Plan Termination Date", "date"],
    ["Cause Date", "date"],
    ["Elected Date", "date"],
    ["Election Effective Date", "date"],
    ["Elected Approved", "text", YES_NO],
    ["Change in Control Date", "date"],
    ["Parachute Determined", "text", YES_NO],
    ["Auditor Opinion Date", "date"],
    ["Tax Rate", "percent"],
    ["Share Tax", "dollars"],
    ["Cash Tax", "dollars"],
    ["Cash Tax Election Date", "date"],
    ["Beneficiary", "text"],
    ["Form Approved", "text", YES_NO],
    ["Will", "text", YES_NO],
    ["Application Approved", "date"],
    ["Incompetent", "text", YES_NO],
    ["Conservator", "text"],
    ["Located", "text", YES_NO],
  ],
  [
    // Participant, Disability, Death, Last Day Worked, Plan Termination, Cause, Elected, Effective, Approved, CIC, Parachute, Opinion,
    // Tax Rate, Share Tax, Cash Tax, Cash Tax Election, Beneficiary, Form Approved, Will, Application Approved, Incompetent, Conservator, Located
    ["Ann Lee", "", "", "2004-03-15", "", "", "", "", "", "", "", "", 0.25, "", "", "", "", "", "", "", "", "", ""],
    ["Ben Ortiz", "", "2004-02-10", "", "", "", "", "", "", "", "", "", "", "", "", "", "Mia Ortiz", "Y", "", "", "", "", ""],
    ["Cara Diaz", "2004-01-20", "", "", "", "", "", "", "", "", "", "", 0.2, "", "", "2003-12-01", "", "", "", "", "Y", "Sam Diaz", ""],
    ["Dan Wu", "", "", "2004-09-30", "2004-06-30", "", "", "", "", "2004-01-15", "N", "2004-07-20", "", "", "", "", "", "", "", "", "", "", ""],
    ["Eve Park", "", "", "2004-04-30", "", "2004-05-14", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
    ["Fay Kim", "", "", "", "", "", "2004-06-01", "2003-01-01", "Y", "", "", "", 0.1, "", "", "", "", "", "", "", "", "", ""],
    ["Gus Roy", "", "", "2004-02-27", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "Y", "", "", "", "N"],
    ["Ivy Chen", "", "", "2004-05-31", "", "2004-06-04", "2004-09-01", "2003-01-01", "N", "2004-01-15", "", "", "", "", "", "", "", "", "", "", "", "", ""],
  ],
);

const HOLDINGS = sheet(
  "Holdings",
  [
    ["Participant", "text"],
    ["Employer", "text"],
    ["Account", "text", ["DCA", "CMSA", "CSA", "IA"]],
    ["Quantity", "number"],
    ["Source", "text", ["discretionary", "allocation"]],
    ["Credit Date", "date"],
  ],
  [
    ["Ann Lee", "Hecla", "DCA", 700.4, "", ""],
    ["Ann Lee", "Hecla Ventures", "DCA", 300, "", ""],
    ["Ann Lee", "Hecla", "CMSA", 200.3, "", ""],
    ["Ann Lee", "Hecla", "CSA", 99.5, "discretionary", "2003-06-30"],
    ["Ann Lee", "Hecla", "IA", 2500, "", ""],
    ["Ben Ortiz", "Hecla", "DCA", 500.25, "", ""],
    ["Ben Ortiz", "Hecla", "IA", 1000, "", ""],
    ["Cara Diaz", "Hecla", "DCA", 800, "", ""],
    ["Cara Diaz", "Hecla", "CMSA", 100, "", ""],
    ["Dan Wu", "Hecla", "DCA", 300, "", ""],
    ["Eve Park", "Hecla", "DCA", 250.75, "", ""],
    ["Fay Kim", "Hecla", "DCA", 400, "", ""],
    ["Fay Kim", "Hecla", "CSA", 40, "discretionary", "2003-05-01"],
    ["Fay Kim", "Hecla", "CSA", 60.5, "allocation", "2004-05-20"],
    ["Fay Kim", "Hecla", "IA", 300, "", ""],
    ["Gus Roy", "Hecla", "DCA", 100, "", ""],
    ["Ivy Chen", "Hecla", "DCA", 120, "", ""],
    ["Hal Moss", "Hecla", "DCA", 1000, "", ""],
    ["Hal Moss", "Hecla", "CMSA", 200, "", ""],
    ["Hal Moss", "Hecla", "CSA", 100, "discretionary", "2003-03-31"],
    ["Hal Moss", "Hecla", "CSA", 50, "allocation", "2003-04-24"],
    ["Hal Moss", "Hecla", "IA", 500, "", ""],
  ],
);

const WITHDRAWALS = sheet(
  "Withdrawals",
  [
    ["Participant", "text"],
    ["Approval Date", "date"],
    ["Fraction", "percent"],
    ["Distribution Date", "date"],
    ["Tax Rate", "percent"],
  ],
  [["Hal Moss", "2004-03-01", 0.25, "", 0.2]],
);

/** Two closes, so each payment's fair market value can be worked by hand: $5.00 through November 2004, $6.25 from December. */
const CLOSES: ReadonlyArray<[IsoDate, IsoDate, number]> = [
  ["2004-01-02", "2004-11-30", 5],
  ["2004-12-01", "2005-03-31", 6.25],
];

function closes(): Array<[IsoDate, number]> {
  const rows: Array<[IsoDate, number]> = [];
  for (const [from, to, close] of CLOSES) for (let day = businessDay(from); day <= to; day = businessDay(day, 1)) rows.push([day, close]);
  return rows;
}

const PRICES = sheet(
  "Prices",
  [
    ["Date", "date"],
    ["Close", "dollars"],
  ],
  closes(),
);

/** Payouts, Holdings, Withdrawals and the Prices they are valued at, holding the worked example. */
export const PAYOUT_TEMPLATES: readonly SheetTemplate[] = [PAYOUTS, HOLDINGS, WITHDRAWALS, PRICES];
