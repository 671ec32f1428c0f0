/**
 * What the Deadlines page shows: the §12.3 claims docket as of a day, each
 * claim's deadlines met, open, passed or falling due within 30 days (PAYOUT.md
 * §8), and the §1.1(e) Change in Control tester with the §13.4(b) Trust
 * funding it triggers (PAYOUT.md §9). Plain functions (no React, no
 * Office.js), tested under jest; the page only renders them.
 */
import { DEADLINE_LABELS, DUE_SOON_DAYS, type DocketDeadline } from "../engine/claims";
import { parseIsoDate, type IsoDate } from "../engine/dates";
import { formatDollars, formatUnits, plural } from "../engine/format";
import type { CicResult } from "../workflows/changeInControl";
import type { ClaimsResult } from "../workflows/claims";
import type { Line } from "./payoutView";
import type { SheetRole } from "./sheetChoice";

export type DeadlineRole = "claims" | "events" | "trust" | "holdings" | "prices";

/** The sheets the page reads (PAYOUT.md §1), in the order it offers them, each with what it is for. */
export const DEADLINE_SHEETS: ReadonlyArray<SheetRole<DeadlineRole>> = [
  { role: "claims", name: "Claims", required: false, hint: "One row a claim: the §12.3 docket." },
  { role: "events", name: "CIC Events", required: false, hint: "One row an event: the §1.1(e) tests." },
  { role: "trust", name: "Trust", required: false, hint: "The Trust a Change in Control funds (§13.4)." },
  { role: "holdings", name: "Holdings", required: false, hint: "The Accounts valued for the funding (§13.4(b))." },
  { role: "prices", name: "Prices", required: false, hint: "The close that values them." },
];

/** The as-of day as typed: blank is today; anything else must be YYYY-MM-DD. */
export function readAsOf(text: string, today: IsoDate): { date?: IsoDate; problem?: string } {
  const typed = text.trim();
  if (typed === "") return { date: today };
  const date = parseIsoDate(typed);
  return date === undefined ? { problem: `The as-of day "${typed}" is not a date: enter it as YYYY-MM-DD, or leave it blank for today.` } : { date };
}

/** met: the step was taken; open: awaited, later than 30 days; soon: awaited within 30 days of the as-of day; passed: awaited and gone. */
export type DeadlineTone = "met" | "open" | "soon" | "passed";

export const TONE_WORDS: Record<DeadlineTone, string> = {
  met: "met",
  open: "open",
  soon: `within ${DUE_SOON_DAYS} days`,
  passed: "passed",
};

export function deadlineTone(deadline: DocketDeadline): DeadlineTone {
  return deadline.dueSoon ? "soon" : deadline.status;
}

export interface DeadlineView {
  key: string;
  label: string;
  /** "§12.3(b)" */
  section: string;
  date: IsoDate;
  tone: DeadlineTone;
  status: string;
}

export interface DocketClaimView {
  key: string;
  /** "Ann Lee, Claims row 2" */
  heading: string;
  /** "Next: Decision on review due, 2003-09-03" or that none is open. */
  next: string;
  /** Why the claim could not be computed (PAYOUT.md §11). */
  error?: string;
  deadlines: DeadlineView[];
}

export interface DocketView {
  summary: string;
  claims: DocketClaimView[];
}

/** The docket, claim by claim in the workflow's order (by next open deadline). */
export function docketView(result: ClaimsResult): DocketView {
  const tones = result.claims.flatMap((c) => c.docket.map(deadlineTone));
  const count = (tone: DeadlineTone) => tones.filter((t) => t === tone).length;
  return {
    summary: `${plural(result.claims.length, "claim")} as of ${result.asOf}. Open deadlines: ${count("soon")} within ${DUE_SOON_DAYS} days, ${count("open")} later; ${count("passed")} passed without the step.`,
    claims: result.claims.map((c) => ({
      key: `${c.source.row}`,
      heading: `${c.claimant}, ${c.source.layout.sheet} row ${c.source.row}`,
      next: c.error ? "Not computed." : c.next ? `Next: ${DEADLINE_LABELS[c.next.name].label}, ${c.next.date}` : "No deadline open.",
      error: c.error,
      deadlines: c.docket.map((d) => {
        const tone = deadlineTone(d);
        return {
          key: d.name,
          label: DEADLINE_LABELS[d.name].label,
          section: `§${DEADLINE_LABELS[d.name].section}`,
          date: d.date,
          tone,
          status: TONE_WORDS[tone],
        };
      }),
    })),
  };
}

/** The name "Save calendar" gives the .ics file. */
export function calendarFileName(asOf: IsoDate): string {
  return `dcp-claims-${asOf}.ics`;
}

/** How many events the calendar holds: one a deadline open on the as-of day (workflows/icalendar.ts). */
export function openDeadlineCount(result: ClaimsResult): number {
  return result.claims.reduce((n, c) => n + c.docket.filter((d) => d.status === "open").length, 0);
}

export interface CicTestView {
  key: string;
  /** "2003-03-15 acquisition" */
  event: string;
  /** "CIC Events row 4" */
  row: string;
  clause: string;
  met: boolean;
  reason: string;
}

export interface FundingView {
  lines: Line[];
  employers: Array<{ employer: string; accountValue: string; contribution: string }>;
  /** Per participant, the units credited to accounts under the Trust (§8.1(f)); empty without a Trust. */
  unitsToTrust: Array<{ participant: string; units: string }>;
}

export interface CicView {
  tests: CicTestView[];
  /** The Change in Control in a sentence, or that there is none. */
  outcome: string;
  funding?: FundingView;
  /** Why there is a date but no funding. */
  fundingNote?: string;
}

/** The tester's result; `fundingSheets` says whether Holdings and Prices were chosen. */
export function cicView(result: CicResult, fundingSheets: boolean): CicView {
  const cic = result.changeInControl;
  const f = result.funding;
  return {
    tests: result.tests.map(({ event, test }) => ({
      key: `${event.source.row}`,
      event: `${event.date} ${event.type}`,
      row: `${event.source.layout.sheet} row ${event.source.row}`,
      clause: test.clause,
      met: test.met,
      reason: test.reason,
    })),
    outcome: cic
      ? `Change in Control on ${cic.date}, the first day a test is met: ${cic.clauses.join(", ")}.`
      : "No Change in Control: no event meets a §1.1(e) test.",
    funding: f && {
      lines: [
        { term: "Valued at", value: `${formatDollars(f.fmv)}, the close on ${f.fmvDate}` },
        { term: "Accounts' value", value: formatDollars(f.aggregateValue) },
        { term: "Trust assets", value: formatDollars(f.trustAssets) },
        { term: "Shortfall", value: formatDollars(f.shortfall) },
        {
          term: "Fund by",
          value: f.fundingDeadline ? `${f.fundingDeadline}, 30 days after the Change in Control` : "No Trust established: nothing to fund (§13.4(a))",
        },
      ],
      employers: Object.entries(f.byEmployer).map(([employer, e]) => ({
        employer,
        accountValue: formatDollars(e.accountValue),
        contribution: formatDollars(e.contribution),
      })),
      unitsToTrust: Object.entries(f.unitsToTrust ?? {}).map(([participant, units]) => ({ participant, units: formatUnits(units) })),
    },
    fundingNote:
      cic && !f && !fundingSheets
        ? "Choose the Holdings and Prices sheets (under Sheets) to value the Accounts and the Trust's shortfall (§13.4(b))."
        : undefined,
  };
}
