/** When elections must be filed (§4.2, §5.3; readings 7, 8, 20). */
import { FIRST_YEAR_ELECTION_DAYS, NEW_PARTICIPANT_ELECTION_DAYS, PLAN_EFFECTIVE_DATE } from "./constants";
import { addDays, dateParts, isoDate, type IsoDate } from "./dates";
import { outOfRange } from "./errors";

export type CompensationKind = "salary" | "bonus";

/** §4.2(e): first-year elections are due thirty days after the plan takes effect. */
export function firstYearDeadline(effectiveDate: IsoDate = PLAN_EFFECTIVE_DATE): IsoDate {
  return addDays(effectiveDate, FIRST_YEAR_ELECTION_DAYS);
}

/**
 * The last day to file an annual election for `year`: salary earned in `year`
 * "before December 31" of the year before (§4.2(a)) means December 30; a bonus
 * whose fiscal year ends in `year` "before the first day of the calendar year"
 * (§4.2(c)) means December 31. The plan's first year uses §4.2(e).
 */
export function electionDeadline(kind: CompensationKind, year: number, effectiveDate: IsoDate = PLAN_EFFECTIVE_DATE): IsoDate {
  const firstYear = dateParts(effectiveDate).year;
  if (!Number.isInteger(year) || year < firstYear || year > 2100) {
    throw outOfRange(`year ${year} must be a whole year from ${firstYear}, the plan's first year, to 2100`);
  }
  if (year === firstYear) return firstYearDeadline(effectiveDate);
  return isoDate(year - 1, 12, kind === "salary" ? 30 : 31);
}

export function isJanuaryFirst(date: IsoDate): boolean {
  return date.slice(5) === "01-01";
}

/** Thirty days after becoming eligible on a day other than January 1 (§4.2(d), §5.3(d); reading 20). */
export function newParticipantDeadline(eligibilityDate: IsoDate): IsoDate {
  if (isJanuaryFirst(eligibilityDate)) {
    throw outOfRange(`eligibilityDate ${eligibilityDate} is January 1; §4.2(d) covers eligibility on any other day, so the annual deadline applies`);
  }
  return addDays(eligibilityDate, NEW_PARTICIPANT_ELECTION_DAYS);
}
