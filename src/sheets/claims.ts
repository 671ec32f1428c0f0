/**
 * The `Claims` sheet (PAYOUT.md §1): one row a claim, each cell read as its
 * column needs. A cell that cannot be read is a C01 finding on it and the
 * claim is left out; nothing on the sheet makes the reading throw.
 */
import { RULES } from "../engine/rules";
import type { Claim } from "../engine/claims";
import { readDate, readFlag, readText } from "./cellReaders";
import type { ColumnSpec, SheetGrid } from "./grid";
import { readTable, type Sourced, type TableRead, type TableRules } from "./records";

export type ClaimField = keyof Claim | "claimant";

export const CLAIM_COLUMNS: ReadonlyArray<ColumnSpec<ClaimField>> = [
  { key: "claimant", header: "Claimant", aliases: ["Participant", "Name"], required: true },
  { key: "filed", header: "Filed", aliases: ["Date Filed"], required: true },
  { key: "knew", header: "Knew", aliases: ["Knowledge Date"], required: true },
  { key: "participantKnew", header: "Participant Knew", aliases: [] },
  { key: "disability", header: "Disability", aliases: [] },
  { key: "extension1Notice", header: "Extension 1 Notice", aliases: [] },
  { key: "extension2Notice", header: "Extension 2 Notice", aliases: [] },
  { key: "denialReceived", header: "Denial Received", aliases: [] },
  { key: "reviewRequested", header: "Review Requested", aliases: [] },
  { key: "reviewExtensionNotice", header: "Review Extension Notice", aliases: [] },
  { key: "reviewDecision", header: "Review Decision", aliases: [] },
];

/** Claims findings (PAYOUT.md §1, "C01–C09"): C01 is a cell the reader cannot use. */
export const CLAIM_RULES = {
  unreadable: RULES.C01,
  late: RULES.C02,
  reviewLate: RULES.C03,
  decisionPastDue: RULES.C04,
  reviewDecisionPastDue: RULES.C05,
  extensionIgnored: RULES.C06,
  disabilityAppeal: RULES.C07,
  suitWindowClosed: RULES.C08,
  outOfOrder: RULES.C09,
} as const;

const READ_RULES: TableRules = { unreadable: CLAIM_RULES.unreadable, ignored: CLAIM_RULES.extensionIgnored };

export interface ClaimRow {
  claimant: string;
  claim: Claim;
}

const OPTIONAL_DATES = [
  "participantKnew",
  "extension1Notice",
  "extension2Notice",
  "denialReceived",
  "reviewRequested",
  "reviewExtensionNotice",
  "reviewDecision",
] as const;

/** The Claims table: a claim a row, with its §12.3 dates. */
export function readClaims(grid: SheetGrid): TableRead<ClaimRow & Sourced> {
  return readTable<ClaimField, ClaimRow>(
    grid,
    CLAIM_COLUMNS,
    (row) => {
      const claimant = row.require("claimant", readText, "the claimant's name");
      const filed = row.require("filed", readDate, "the date the claim was filed");
      const knew = row.require("knew", readDate, "the date the claimant knew the facts");
      const claim: Partial<Claim> = { filed, knew, disability: row.read("disability", readFlag) ?? false };
      for (const field of OPTIONAL_DATES) claim[field] = row.read(field, readDate);
      if (claimant === undefined || filed === undefined || knew === undefined) return undefined;
      return { claimant, claim: { ...claim, filed, knew } };
    },
    READ_RULES,
  );
}
