import { electionDeadline, newParticipantDeadline, type CompensationKind } from "../engine/elections";
import { choiceArg, dateArg, lift, serialResult, yearArg } from "./args";

const KINDS: Record<string, CompensationKind> = { salary: "salary", bonus: "bonus" };

/**
 * The last day to file an annual election: "salary" → December 30 of year − 1; "bonus" → December 31 of year − 1 (year: when the bonus's fiscal year ends); 2002 → 2002-08-17 (§4.2(a),(c),(e)).
 * @customfunction ELECTION_DEADLINE
 * @param kind "salary" or "bonus", or a column of them.
 * @param year The calendar year the compensation is earned (salary) or the bonus's fiscal year ends (bonus).
 * @returns A date serial, one per row.
 */
export function electionDeadlineFn(kind: unknown[][], year: unknown[][]): unknown[][] {
  return lift({ kind, year }, (x) => serialResult(electionDeadline(choiceArg("kind", x.kind, KINDS), yearArg("year", x.year))));
}

/**
 * A newly eligible participant's election deadline: thirty days after the eligibility date (§4.2(d)); #VALUE! for January 1.
 * @customfunction NEW_PARTICIPANT_DEADLINE
 * @param eligibilityDate The day the employee became eligible, or a column of them.
 * @returns A date serial, one per date.
 */
export function newParticipantDeadlineFn(eligibilityDate: unknown[][]): unknown[][] {
  return lift({ eligibilityDate }, (x) => serialResult(newParticipantDeadline(dateArg("eligibilityDate", x.eligibilityDate))));
}
