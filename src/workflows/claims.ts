/**
 * The claims docket, written once for every surface (PAYOUT.md §8): the
 * `Claims` grid and the as-of day in, each claim's §12.3 dates, its docket
 * and findings out, every finding on its cell.
 */
import { claimDeadlines, DEADLINE_LABELS, docket, nextDeadline, outOfOrder, type Claim, type ClaimDeadlines, type DocketDeadline } from "../engine/claims";
import { DOL_DISABILITY_APPEAL_DAYS } from "../engine/constants";
import type { IsoDate } from "../engine/dates";
import type { Severity } from "../engine/findings";
import { declaredAs, RULES, type Rule } from "../engine/rules";
import { readClaims, type ClaimField } from "../sheets/claims";
import { countBySeverity, type CellFinding, type CellRef } from "../sheets/findings";
import type { SheetGrid } from "../sheets/grid";
import { fieldCell, findingAt, rowError, type RowSource } from "../sheets/records";
import type { ReportCell, ReportSheet } from "./reports";

export interface ClaimResult {
  claimant: string;
  source: RowSource;
  /** Undefined for a row left out for a cell it cannot read: `error` says which. */
  claim?: Claim;
  /** Undefined when the claim cannot be computed: `error` says why. */
  deadlines?: ClaimDeadlines;
  error?: string;
  docket: DocketDeadline[];
  next?: DocketDeadline;
}

export interface ClaimsResult {
  sheet?: string;
  asOf: IsoDate;
  /** By next open deadline, then by row. */
  claims: ClaimResult[];
  findings: CellFinding[];
  counts: Record<Severity, number>;
  unusable?: string;
}

function claimFindings(result: ClaimResult, asOf: IsoDate): CellFinding[] {
  const { claim, deadlines: d, source } = result;
  const at = (field: ClaimField, rule: Rule, message: string) => findingAt(source, field, declaredAs(rule), message);
  if (!d || !claim) return [];
  const out: CellFinding[] = [];
  if (!d.claimTimely) {
    out.push(at("filed", RULES.C02, `Filed ${claim.filed} is after the one-year limit ${d.claimDeadline} (knowledge ${d.knowledgeDate}): the claim is late.`));
  }
  if (claim.denialReceived !== undefined && claim.denialReceived > d.decisionDue) {
    out.push(at("denialReceived", RULES.C04, `Denial Received ${claim.denialReceived} is after the decision was due ${d.decisionDue}.`));
  } else if (claim.denialReceived === undefined && asOf > d.decisionDue) {
    out.push(at("denialReceived", RULES.C04, `No decision recorded and it was due ${d.decisionDue} (as of ${asOf}).`));
  }
  const extensions: Array<[ClaimField, IsoDate | undefined]> = [
    ["extension1Notice", claim.extension1Notice],
    ["extension2Notice", claim.extension2Notice],
    ["reviewExtensionNotice", claim.reviewExtensionNotice],
  ];
  for (const [field, notice] of extensions) {
    if (notice === undefined) continue;
    const why = !d.disabilityRules
      ? "is ignored: only a Disability claim filed on or after 2002-01-01 can be extended"
      : !extended(field, claim, d)
        ? "came after the period it would extend had ended; it extends nothing"
        : undefined;
    if (why) out.push(at(field, RULES.C06, `${DEADLINE_FIELD[field]} ${notice} ${why}.`));
  }
  if (d.reviewTimely === false) {
    out.push(at("reviewRequested", RULES.C03, `Review Requested ${claim.reviewRequested} is after the 60-day deadline ${d.reviewRequestDeadline}.`));
  }
  if (d.reviewDecisionDue !== undefined && d.deemedDenied && (claim.reviewDecision !== undefined || asOf > d.reviewDecisionDue)) {
    out.push(
      at("reviewDecision", RULES.C05, `The decision on review was due ${d.reviewDecisionDue}; the claim is deemed denied, exhausted ${d.exhausted} (P-R20).`),
    );
  }
  if (d.disabilityRules && claim.denialReceived !== undefined) {
    out.push(
      at(
        "denialReceived",
        RULES.C07,
        `The plan gives 60 days to ask for review (${d.reviewRequestDeadline}); current DOL rules (29 CFR 2560.503-1(h)(4)) require ${DOL_DISABILITY_APPEAL_DAYS} for a Disability claim (P-R19).`,
      ),
    );
  }
  if (d.suitWindowOpen === false) {
    out.push(
      at(
        "knew",
        RULES.C08,
        `No window for legal action: it closes ${d.suitLastDay}, before exhaustion ${d.exhausted} (30 months after knowledge ${d.knowledgeDate}).`,
      ),
    );
  }
  return out;
}

const DEADLINE_FIELD: Partial<Record<ClaimField, string>> = {
  extension1Notice: "Extension 1 Notice",
  extension2Notice: "Extension 2 Notice",
  reviewExtensionNotice: "Review Extension Notice",
};

/** Whether a notice moved its due date: the engine's date without it differs (§12.3(d)). */
function extended(field: ClaimField, claim: Claim, d: ClaimDeadlines): boolean {
  const without = claimDeadlines({ ...claim, [field]: undefined });
  return field === "reviewExtensionNotice" ? without.reviewDecisionDue !== d.reviewDecisionDue : without.decisionDue !== d.decisionDue;
}

/** Every claim on the sheet, as of `asOf`; never throws on the sheet's content. */
export function claimsWorkflow(grids: { claims?: SheetGrid }, asOf: IsoDate): ClaimsResult {
  if (!grids.claims) return { asOf, claims: [], findings: [], counts: { error: 0, warning: 0 }, unusable: 'the workbook has no "Claims" sheet' };
  const read = readClaims(grids.claims);
  const findings = [...read.findings];
  const claims: ClaimResult[] = read.records.map(({ claimant, claim, source }) => {
    const problem = outOfOrder(claim);
    if (problem) {
      findings.push(findingAt(source, problem.field, declaredAs(RULES.C09), problem.message));
      return { claimant, claim, source, error: problem.message, docket: [] };
    }
    const deadlines = claimDeadlines(claim);
    const entries = docket(claim, deadlines, asOf);
    const result: ClaimResult = { claimant, claim, source, deadlines, docket: entries, next: nextDeadline(entries) };
    findings.push(...claimFindings(result, asOf));
    return result;
  });
  // A claim whose row cannot be read is still on the docket, as an error naming the cell (PAYOUT.md §1, §11).
  for (const { key, source } of read.leftOut ?? []) {
    if (key === undefined) continue;
    const finding = rowError(findings, source);
    claims.push({ claimant: key, source, error: finding?.message ?? `${source.layout.sheet} row ${source.row} cannot be read.`, docket: [] });
  }
  claims.sort((a, b) => (a.next?.date ?? "9999").localeCompare(b.next?.date ?? "9999") || a.source.row - b.source.row);
  return { sheet: grids.claims.sheet, asOf, claims, findings, counts: countBySeverity(findings), unusable: read.unusable };
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/** The `claims` document of `dcp claims --json` (PAYOUT.md §1), with each deadline's status as of the day. */
export function claimsJson(result: ClaimsResult): object {
  return {
    asOf: result.asOf,
    claims: result.claims.map((c) => {
      if (!c.deadlines) return { claimant: c.claimant, error: c.error };
      const d = c.deadlines;
      return {
        claimant: c.claimant,
        knowledgeDate: d.knowledgeDate,
        claimDeadline: d.claimDeadline,
        claimTimely: d.claimTimely,
        decisionDue: d.decisionDue,
        reviewRequestDeadline: orNull(d.reviewRequestDeadline),
        reviewTimely: orNull(d.reviewTimely),
        reviewDecisionDue: orNull(d.reviewDecisionDue),
        deemedDenied: orNull(d.deemedDenied),
        exhausted: orNull(d.exhausted),
        suitFrom: orNull(d.suitFrom),
        suitLastDay: orNull(d.suitLastDay),
        suitWindowOpen: orNull(d.suitWindowOpen),
        deadlines: c.docket.map((e) => ({ name: e.name, label: DEADLINE_LABELS[e.name].label, date: e.date, status: e.status, dueSoon: e.dueSoon })),
      };
    }),
    findings: findingsJson(result.findings),
  };
}

/** Findings as every `--json` document gives them (PAYOUT.md §1). */
export function findingsJson(findings: readonly CellFinding[]): object[] {
  return findings.map(({ sheet, cell, row, rule, section, severity, message }) => ({ sheet, cell, row, rule, section, severity, message }));
}

export const CLAIMS_SHEET = "DCP Claims";

/** The `DCP Claims` sheet: the docket, a claim a row by next deadline, each linked to its row. */
export function claimsReport(result: ClaimsResult): ReportSheet {
  const date = (value: IsoDate | undefined): ReportCell => (value === undefined ? "" : { date: value });
  const flag = (value: boolean | undefined) => (value === undefined ? "" : value ? "Y" : "N");
  return {
    sheet: CLAIMS_SHEET,
    table: "DCPClaims",
    columns: [
      { header: "Claimant", width: 22 },
      { header: "Next deadline", width: 30 },
      { header: "Next date", width: 12, format: "yyyy-mm-dd" },
      { header: "Knowledge", width: 12, format: "yyyy-mm-dd" },
      { header: "Claim deadline", width: 14, format: "yyyy-mm-dd" },
      { header: "Timely", width: 8 },
      { header: "Decision due", width: 13, format: "yyyy-mm-dd" },
      { header: "Review request by", width: 16, format: "yyyy-mm-dd" },
      { header: "Review timely", width: 13 },
      { header: "Review decision due", width: 18, format: "yyyy-mm-dd" },
      { header: "Deemed denied", width: 13 },
      { header: "Exhausted", width: 12, format: "yyyy-mm-dd" },
      { header: "Suit last day", width: 13, format: "yyyy-mm-dd" },
      { header: "Error", width: 50 },
    ],
    rows: result.claims.map((c) => {
      const d = c.deadlines;
      const source = fieldCellOf(c.source);
      return [
        { link: source, text: c.claimant },
        c.next ? DEADLINE_LABELS[c.next.name].label : "",
        date(c.next?.date),
        date(d?.knowledgeDate),
        date(d?.claimDeadline),
        flag(d?.claimTimely),
        date(d?.decisionDue),
        date(d?.reviewRequestDeadline),
        flag(d?.reviewTimely),
        date(d?.reviewDecisionDue),
        flag(d?.deemedDenied),
        date(d?.exhausted),
        date(d?.suitWindowOpen ? d.suitLastDay : undefined),
        c.error ?? "",
      ];
    }),
  };
}

function fieldCellOf(source: RowSource): CellRef {
  const { sheet, cell } = fieldCell(source, "claimant");
  return { sheet, cell };
}
