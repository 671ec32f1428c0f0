import { electionDeadline, newParticipantDeadline, type CompensationKind } from "../engine/elections";
import { choiceArg, dateArg, excel, integerArg, serialResult } from "./args";
import { invalidValue } from "../engine/errors";
import { isBlank } from "../engine/tables";

const KINDS: Record<string, CompensationKind> = { salary: "salary", bonus: "bonus" };

/**
 * The last day to file an annual election: "salary" → December 30 of year − 1; "bonus" → December 31 of year − 1 (year: when the bonus's fiscal year ends); 2002 → 2002-08-17 (§4.2(a),(c),(e)).
 * @customfunction ELECTION_DEADLINE
 * @param kind "salary" or "bonus".
 * @param year The calendar year the compensation is earned (salary) or the bonus's fiscal year ends (bonus).
 * @returns A date serial.
 */
export function electionDeadlineFn(kind: string, year: number): number {
  return excel(() => {
    if (isBlank(kind)) throw invalidValue(`kind is blank; enter "salary" or "bonus"`);
    const compensation = choiceArg("kind", kind, KINDS, "salary");
    if (isBlank(year)) throw invalidValue("year is blank; enter a year such as 2004");
    return serialResult(electionDeadline(compensation, integerArg("year", year, 0)));
  });
}

/**
 * A newly eligible participant's election deadline: thirty days after the eligibility date (§4.2(d)); #NUM! for January 1.
 * @customfunction NEW_PARTICIPANT_DEADLINE
 * @param eligibilityDate The day the employee became eligible.
 * @returns A date serial.
 */
export function newParticipantDeadlineFn(eligibilityDate: any): number {
  return excel(() => serialResult(newParticipantDeadline(dateArg("eligibilityDate", eligibilityDate))));
}
