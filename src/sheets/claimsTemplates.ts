/**
 * The Claims, CIC Events and Trust sheets with worked rows (PAYOUT.md §1),
 * for "Insert template": each row shows a rule at work, worked by hand in
 * test/engine/claims.test.ts and test/engine/changeInControl.test.ts.
 */
import { CIC_EVENT_COLUMNS, CIC_TYPES, TRUST_COLUMNS } from "./changeInControl";
import { CLAIM_COLUMNS } from "./claims";
import { HOLDINGS_TEMPLATE, PAYOUT_PRICES_TEMPLATE } from "./payoutTemplates";
import type { ColumnFormat, SheetTemplate } from "./templates";

function columns(headers: readonly string[], formats: Record<string, ColumnFormat>, lists: Record<string, readonly string[]> = {}) {
  return headers.map((header) => ({ header, format: formats[header] ?? "text", width: Math.max(12, header.length + 4), list: lists[header] }));
}

const DATE_HEADERS = [
  "Filed",
  "Knew",
  "Participant Knew",
  "Extension 1 Notice",
  "Extension 2 Notice",
  "Denial Received",
  "Review Requested",
  "Review Extension Notice",
  "Review Decision",
];

/**
 * The day the claims template is worked for: Ben Ortiz's decision (due
 * 2003-08-30) and Ann Lee's decision on review (2003-09-03) fall due within
 * 30 days; Cy Ng's request for review (2003-05-19) has passed.
 */
export const CLAIMS_TEMPLATE_AS_OF = "2003-08-15";

/** Ann Lee's Disability claim extended once and reviewed late; Ben Ortiz's filed after the one-year limit; Cy Ng's denial not taken to review. */
export const CLAIMS_TEMPLATE: SheetTemplate = {
  sheet: "Claims",
  table: "Claims",
  columns: columns(
    CLAIM_COLUMNS.map((c) => c.header),
    Object.fromEntries(DATE_HEADERS.map((h) => [h, "date" as ColumnFormat])),
    { Disability: ["Y", "N"] },
  ),
  rows: [
    ["Ann Lee", "2003-03-01", "2003-01-15", "", "Y", "2003-04-15", "", "2003-05-20", "2003-07-20", "", ""],
    ["Ben Ortiz", "2003-06-01", "2002-05-01", "", "N", "", "", "", "", "", ""],
    ["Cy Ng", "2003-01-10", "2003-01-02", "", "N", "", "", "2003-03-20", "", "", ""],
  ],
};

const PERCENT_HEADERS = ["Pct Common", "Pct Voting", "Continuity Common", "Continuity Voting", "Holder Common", "Holder Voting", "Incumbent Board Pct"];

/** A buyback to 22% (no Change in Control, P-R23), then half the Board (§1.1(e)(ii)) and the holder's 25% on one day. */
export const CIC_EVENTS_TEMPLATE: SheetTemplate = {
  sheet: "CIC Events",
  table: "CICEvents",
  columns: columns(
    CIC_EVENT_COLUMNS.map((c) => c.header),
    { Date: "date", "Incumbent Directors": "number", "Board Size": "number", ...Object.fromEntries(PERCENT_HEADERS.map((h) => [h, "rate" as ColumnFormat])) },
    { Type: CIC_TYPES, Buyback: ["Y", "N"], "Same Proportion": ["Y", "N"], "Holder Exception": ["Y", "N"] },
  ),
  rows: [
    ["2003-02-03", "acquisition", 0.22, 0.1, "", "Y", "", "", "", "", "", "", "", "", ""],
    ["2003-03-15", "board", "", "", "", "", 5, 10, "", "", "", "", "", "", ""],
    ["2003-03-15", "acquisition", 0.25, 0.1, "", "N", "", "", "", "", "", "", "", "", ""],
  ],
};

/** A Trust holding $1,000 (blank date: the one CIC Events give). */
export const TRUST_TEMPLATE: SheetTemplate = {
  sheet: "Trust",
  table: "Trust",
  columns: columns(
    TRUST_COLUMNS.map((c) => c.header),
    { "Change in Control Date": "date", "Trust Assets": "dollars" },
    { "Trust Established": ["Y", "N"] },
  ),
  rows: [["", "Y", 1000]],
};

export const CLAIMS_TEMPLATES: readonly SheetTemplate[] = [CLAIMS_TEMPLATE, CIC_EVENTS_TEMPLATE, TRUST_TEMPLATE];

/**
 * What the Accounts hold at the Change in Control, for the §13.4(b) funding:
 * at the close of Friday 2003-03-14, $4.00, Ann Lee's 120.5 units are $482.00
 * and her IA $500.00 (Company, $982.00); Ben Ortiz's 50.25 units $201.00
 * (Hecla Ventures). $1,183.00 less the Trust's $1,000.00 leaves $183.00,
 * split $151.90 + $31.09 with the last cent to the larger remainder
 * (0.7016 against 0.2984): Company $151.91 (P-R26).
 */
export const CIC_HOLDINGS_TEMPLATE: SheetTemplate = {
  ...HOLDINGS_TEMPLATE,
  rows: [
    ["Ann Lee", "Company", "DCA", 100, "", ""],
    ["Ann Lee", "Company", "CMSA", 20.5, "", ""],
    ["Ann Lee", "Company", "IA", 500, "", ""],
    ["Ben Ortiz", "Hecla Ventures", "DCA", 50.25, "", ""],
  ],
};

/** The close that values the Accounts: the Change in Control falls on Saturday 2003-03-15 (P-R6). */
export const CIC_PRICES_TEMPLATE: SheetTemplate = { ...PAYOUT_PRICES_TEMPLATE, rows: [["2003-03-14", 4]] };

/** What the task pane's Deadlines page inserts: the claims, the events, the Trust, and what the funding values. */
export const DEADLINES_TEMPLATES: readonly SheetTemplate[] = [...CLAIMS_TEMPLATES, CIC_HOLDINGS_TEMPLATE, CIC_PRICES_TEMPLATE];
