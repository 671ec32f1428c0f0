import { electionDeadline, newParticipantDeadline, type CompensationKind } from "../engine/elections";
import { choiceArg, dateArg, excel, serialResult, yearArg } from "./args";

const KINDS: Record<string, CompensationKind> = { salary: "salary", bonus: "bonus" };

/**
 * The last day to file an annual election: "salary" → December 30 of year − 1; "bonus" → December 31 of year − 1 (year: when the bonus's fiscal year ends); 2002 → 2002-08-17 (§4.2(a),(c),(e)).
 * @customfunction ELECTION_DEADLINE
 * @param kind "salary" or "bonus".
 * @param year The calendar year the compensation is earned (salary) or the bonus's fiscal year ends (bonus).
 * @returns A date serial.
 */
export function electionDeadlineFn(kind: string, year: number): number {
  return excel(() => serialResult(electionDeadline(choiceArg("kind", kind, KINDS), yearArg("year", year))));
}

/**
 * A newly eligible participant's election deadline: thirty days after the eligibility date (§4.2(d)); #VALUE! for January 1.
 * @customfunction NEW_PARTICIPANT_DEADLINE
 * @param eligibilityDate The day the employee became eligible.
 * @returns A date serial.
 */
export function newParticipantDeadlineFn(eligibilityDate: any): number {
  return excel(() => serialResult(newParticipantDeadline(dateArg("eligibilityDate", eligibilityDate))));
}
