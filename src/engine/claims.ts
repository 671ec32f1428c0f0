/**
 * The claims procedure of §12.3 as a docket: every date a claim runs on and
 * whether each step was taken in time (PAYOUT.md §8). All days are calendar
 * days (§0: no Business Days here); "within N days of X" is on or before
 * X + N, and years and months are calendar, clamped to the month's end (P-R1).
 */
import {
  CLAIM_DECISION_DAYS,
  CLAIM_FILING_MONTHS,
  DISABILITY_CLAIMS_FROM,
  DISABILITY_DECISION_DAYS,
  DISABILITY_EXTENSION_DAYS,
  DISABILITY_REVIEW_DECISION_DAYS,
  DISABILITY_REVIEW_EXTENSION_DAYS,
  REVIEW_DECISION_DAYS,
  REVIEW_REQUEST_DAYS,
  SUIT_AFTER_EXHAUSTION_MONTHS,
  SUIT_AFTER_KNOWLEDGE_MONTHS,
} from "./constants";
import { addDays, addMonths, type IsoDate } from "./dates";
import { invalidValue } from "./errors";

export interface Claim {
  /** When the claim was presented, orally or in writing (§12.3(a)(i)). */
  filed: IsoDate;
  /** When the claimant knew or reasonably should have known the principal facts (§12.3(f)). */
  knew: IsoDate;
  /** For a beneficiary's claim: when the Participant knew them (imputed, §12.3(i)). */
  participantKnew?: IsoDate;
  /** A claim of the Participant's Disability (§12.3(d)). */
  disability?: boolean;
  extension1Notice?: IsoDate;
  extension2Notice?: IsoDate;
  denialReceived?: IsoDate;
  reviewRequested?: IsoDate;
  reviewExtensionNotice?: IsoDate;
  reviewDecision?: IsoDate;
}

/** The dates and flags of PAYOUT.md §8's table; a step not reached yet (no denial, no review request) leaves its fields undefined. */
export interface ClaimDeadlines {
  knowledgeDate: IsoDate;
  claimDeadline: IsoDate;
  claimTimely: boolean;
  decisionDue: IsoDate;
  /** Whether §12.3(d)'s shorter periods apply: a Disability claim filed on or after 2002-01-01. */
  disabilityRules: boolean;
  reviewRequestDeadline?: IsoDate;
  reviewTimely?: boolean;
  reviewDecisionDue?: IsoDate;
  deemedDenied?: boolean;
  exhausted?: IsoDate;
  suitFrom?: IsoDate;
  suitLastDay?: IsoDate;
  suitWindowOpen?: boolean;
}

/** The earlier of two dates. */
function earlierOf(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** "Within N days of `from`": `on` is no later than from + N. */
function within(on: IsoDate | undefined, from: IsoDate, days: number): boolean {
  return on !== undefined && on <= addDays(from, days);
}

/**
 * The knowledge date: the claimant's own, or the Participant's when earlier,
 * since a Participant's knowledge is imputed to a beneficiary (§12.3(i)).
 */
export function knowledgeDate(knew: IsoDate, participantKnew?: IsoDate): IsoDate {
  return participantKnew === undefined ? knew : earlierOf(knew, participantKnew);
}

/**
 * The last day to file: one year after the knowledge date (§12.3(f)).
 * @example claimDeadline("2004-02-29") // "2005-02-28"
 */
export function claimDeadline(knowledge: IsoDate): IsoDate {
  return addMonths(knowledge, CLAIM_FILING_MONTHS);
}

/**
 * When the Claims Manager's written explanation is due (§12.3(a)(ii)): 90
 * days after filing; for a Disability claim filed on or after 2002-01-01, 45
 * days, extended to 75 by a first notice given by day 45, and to 105 by a
 * second given by day 75 (§12.3(d)). A second notice without a first extends nothing.
 * @example decisionDue("2003-03-01", true, "2003-04-15") // "2003-05-15" (day 75)
 */
export function decisionDue(filed: IsoDate, disabilityRules: boolean, extension1?: IsoDate, extension2?: IsoDate): IsoDate {
  if (!disabilityRules) return addDays(filed, CLAIM_DECISION_DAYS);
  let days = DISABILITY_DECISION_DAYS;
  if (within(extension1, filed, days)) {
    days += DISABILITY_EXTENSION_DAYS;
    if (within(extension2, filed, days)) days += DISABILITY_EXTENSION_DAYS;
  }
  return addDays(filed, days);
}

/**
 * The last day to ask for review: 60 days after the denial is received
 * (§12.3(b)), for a Disability claim too: §12.3(d) shortens only the Claims
 * Manager's decision on review (P-R19).
 */
export function reviewRequestDeadline(denialReceived: IsoDate): IsoDate {
  return addDays(denialReceived, REVIEW_REQUEST_DAYS);
}

/**
 * When the decision on review is due (§12.3(c)): 60 days after the request;
 * on a Disability claim 45 days, extended by 45 by a notice given by day 45 (§12.3(d)).
 */
export function reviewDecisionDue(reviewRequested: IsoDate, disabilityRules: boolean, reviewExtension?: IsoDate): IsoDate {
  if (!disabilityRules) return addDays(reviewRequested, REVIEW_DECISION_DAYS);
  const extended = within(reviewExtension, reviewRequested, DISABILITY_REVIEW_DECISION_DAYS);
  return addDays(reviewRequested, DISABILITY_REVIEW_DECISION_DAYS + (extended ? DISABILITY_REVIEW_EXTENSION_DAYS : 0));
}

/**
 * Exhaustion of the procedure (§12.3(c), (g)): a decision furnished on or
 * before the due date exhausts it that day; otherwise the claim is deemed
 * denied when the period ends, and exhausted the next day (P-R20).
 */
export function exhaustion(due: IsoDate, decision?: IsoDate): { deemedDenied: boolean; exhausted: IsoDate } {
  if (decision !== undefined && decision <= due) return { deemedDenied: false, exhausted: decision };
  return { deemedDenied: true, exhausted: addDays(due, 1) };
}

/**
 * The window for legal action (§12.3(g), (h)): from exhaustion to the day
 * before the earlier of knowledge + 30 months and exhaustion + 6 months
 * ("commenced … before the earlier of" excludes that day, P-R21). It exists
 * only when its last day is on or after exhaustion.
 */
export function suitWindow(knowledge: IsoDate, exhausted: IsoDate): { suitFrom: IsoDate; suitLastDay: IsoDate; suitWindowOpen: boolean } {
  const bar = earlierOf(addMonths(knowledge, SUIT_AFTER_KNOWLEDGE_MONTHS), addMonths(exhausted, SUIT_AFTER_EXHAUSTION_MONTHS));
  const suitLastDay = addDays(bar, -1);
  return { suitFrom: exhausted, suitLastDay, suitWindowOpen: suitLastDay >= exhausted };
}

/**
 * The first date that cannot stand where it is (a review before its denial, a
 * decision before its request), naming its field: a mistyped cell, never a
 * deadline (PAYOUT.md §11).
 */
export function outOfOrder(claim: Claim): { field: keyof Claim; message: string } | undefined {
  const pairs: Array<[keyof Claim, keyof Claim, string]> = [
    ["filed", "extension1Notice", "12.3(d)"],
    ["filed", "extension2Notice", "12.3(d)"],
    ["filed", "denialReceived", "12.3(a)"],
    ["denialReceived", "reviewRequested", "12.3(b)"],
    ["reviewRequested", "reviewExtensionNotice", "12.3(d)"],
    ["reviewRequested", "reviewDecision", "12.3(c)"],
  ];
  for (const [before, after, section] of pairs) {
    const [a, b] = [claim[before], claim[after]];
    if (typeof a === "string" && typeof b === "string" && b < a) return { field: after, message: `${after} ${b} is before ${before} ${a} (§${section})` };
  }
  const review: Array<keyof Claim> = ["reviewRequested", "reviewExtensionNotice", "reviewDecision"];
  const step = review.find((key) => claim[key] !== undefined);
  if (step !== undefined && claim.denialReceived === undefined) {
    return { field: step, message: `${step} ${String(claim[step])} is given but denialReceived is blank: a review follows a denial (§12.3(b))` };
  }
  if (claim.reviewDecision !== undefined && claim.reviewRequested === undefined) {
    return { field: "reviewDecision", message: `reviewDecision ${claim.reviewDecision} is given but reviewRequested is blank (§12.3(c))` };
  }
  return undefined;
}

/** Whether §12.3(d)'s shorter periods apply: a Disability claim filed on or after 2002-01-01. */
export function disabilityRulesApply(claim: Pick<Claim, "filed" | "disability">): boolean {
  return claim.disability === true && claim.filed >= DISABILITY_CLAIMS_FROM;
}

/**
 * Every §12.3 date and flag of a claim (PAYOUT.md §8). The review dates
 * follow a denial, exhaustion follows a review request; a step not reached
 * leaves its fields undefined.
 * @example claimDeadlines({ filed: "2003-03-01", knew: "2003-01-15" }).decisionDue // "2003-05-30"
 */
export function claimDeadlines(claim: Claim): ClaimDeadlines {
  const problem = outOfOrder(claim);
  if (problem) throw invalidValue(problem.message);
  const knowledge = knowledgeDate(claim.knew, claim.participantKnew);
  const deadline = claimDeadline(knowledge);
  const disabilityRules = disabilityRulesApply(claim);
  const result: ClaimDeadlines = {
    knowledgeDate: knowledge,
    claimDeadline: deadline,
    claimTimely: claim.filed <= deadline,
    decisionDue: decisionDue(claim.filed, disabilityRules, claim.extension1Notice, claim.extension2Notice),
    disabilityRules,
  };
  if (claim.denialReceived === undefined) return result;
  result.reviewRequestDeadline = reviewRequestDeadline(claim.denialReceived);
  if (claim.reviewRequested === undefined) return result;
  result.reviewTimely = claim.reviewRequested <= result.reviewRequestDeadline;
  result.reviewDecisionDue = reviewDecisionDue(claim.reviewRequested, disabilityRules, claim.reviewExtensionNotice);
  const { deemedDenied, exhausted } = exhaustion(result.reviewDecisionDue, claim.reviewDecision);
  return { ...result, deemedDenied, exhausted, ...suitWindow(knowledge, exhausted) };
}

/** The deadlines a docket follows, in §8's order, with what meets each. */
export type DeadlineName = "claimDeadline" | "decisionDue" | "reviewRequestDeadline" | "reviewDecisionDue" | "suitLastDay";

export const DEADLINE_LABELS: Record<DeadlineName, { label: string; section: string }> = {
  claimDeadline: { label: "File the claim", section: "12.3(f)" },
  decisionDue: { label: "Decision on the claim due", section: "12.3(a)(ii), (d)" },
  reviewRequestDeadline: { label: "Request for review due", section: "12.3(b)" },
  reviewDecisionDue: { label: "Decision on review due", section: "12.3(c), (d)" },
  suitLastDay: { label: "Last day to commence legal action", section: "12.3(g), (h)" },
};

/** met: the step was taken; open: still awaited on the as-of day; passed: awaited and its day is gone. */
export type DeadlineStatus = "met" | "open" | "passed";

export interface DocketDeadline {
  name: DeadlineName;
  date: IsoDate;
  status: DeadlineStatus;
  /** Open and falling within the next 30 days (the as-of day included). */
  dueSoon: boolean;
}

/** How far ahead a docket looks for deadlines falling due. */
export const DUE_SOON_DAYS = 30;

/**
 * A claim's deadlines as of a day: each met by the step it awaits, or open
 * until its day is past. The suit window is never "met" (a suit is not on the
 * sheet); it is open from exhaustion through its last day, when it exists.
 */
export function docket(claim: Claim, deadlines: ClaimDeadlines, asOf: IsoDate): DocketDeadline[] {
  const entries: Array<[DeadlineName, IsoDate | undefined, boolean]> = [
    ["claimDeadline", deadlines.claimDeadline, true],
    ["decisionDue", deadlines.decisionDue, claim.denialReceived !== undefined],
    ["reviewRequestDeadline", deadlines.reviewRequestDeadline, claim.reviewRequested !== undefined],
    ["reviewDecisionDue", deadlines.reviewDecisionDue, claim.reviewDecision !== undefined],
    ["suitLastDay", deadlines.suitWindowOpen ? deadlines.suitLastDay : undefined, false],
  ];
  const soon = addDays(asOf, DUE_SOON_DAYS);
  return entries.flatMap(([name, date, met]) => {
    if (date === undefined) return [];
    const status: DeadlineStatus = met ? "met" : asOf <= date ? "open" : "passed";
    return [{ name, date, status, dueSoon: status === "open" && date <= soon }];
  });
}

/** The earliest open deadline of a docket, by which a list of claims is sorted. */
export function nextDeadline(deadlines: readonly DocketDeadline[]): DocketDeadline | undefined {
  return deadlines.filter((d) => d.status === "open").reduce<DocketDeadline | undefined>((first, d) => (first && first.date <= d.date ? first : d), undefined);
}
