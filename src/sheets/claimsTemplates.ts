/**
 * The Claims, CIC Events and Trust sheets with worked rows (PAYOUT.md §1),
 * for "Insert template": each row shows a rule at work, worked by hand in
 * test/engine/claims.test.ts and test/engine/changeInControl.test.ts.
 */
import { CIC_EVENT_COLUMNS, CIC_TYPES, TRUST_COLUMNS } from "./changeInControl";
import { CLAIM_COLUMNS } from "./claims";
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

/** Ann Lee's Disability claim extended once and reviewed late; Ben Ortiz's filed after the one-year limit. */
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
