/** When elections must be filed (§4.2, §5.3; readings 7, 8, 20). */
import { ALLOCATION_WINDOW_DAYS, BONUS_ELECTION_LEAD_MONTHS, FIRST_YEAR_ELECTION_DAYS, NEW_PARTICIPANT_ELECTION_DAYS, PLAN_EFFECTIVE_DATE } from "./constants";
import { addDays, addMonths, dateParts, isoDate, previousQuarter, quarterOf, type IsoDate, type Quarter } from "./dates";
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

/** The first and last day on which an election may be filed, both included. */
export interface FilingWindow {
  opens: IsoDate;
  closes: IsoDate;
}

/**
 * The days on which an annual or first-year election for compensation of
 * `year` may be filed. Nothing can be elected before the plan takes effect
 * (preamble, §4.2(e)), and a salary election applies to the calendar year after
 * the one it is filed in (§4.2(b), §5.3(b)), so it opens on January 1 of the
 * year before. A bonus election has no earlier bound in §4.2(c).
 * @example electionWindow("salary", 2003) // { opens: "2002-07-18", closes: "2002-12-30" }
 */
export function electionWindow(kind: CompensationKind, year: number, effectiveDate: IsoDate = PLAN_EFFECTIVE_DATE): FilingWindow {
  const closes = electionDeadline(kind, year, effectiveDate);
  const firstYear = dateParts(effectiveDate).year;
  const yearBefore = isoDate(year - 1, 1, 1);
  const opens = kind === "salary" && year > firstYear && yearBefore > effectiveDate ? yearBefore : effectiveDate;
  return { opens, closes };
}

/** The last day to elect to defer a bonus under §4.2(d),(e): six months before it is payable (reading 8). */
export function bonusElectionLatest(payableDate: IsoDate): IsoDate {
  return addMonths(payableDate, -BONUS_ELECTION_LEAD_MONTHS);
}

/**
 * The days an allocation may be filed: the ten calendar days following the
 * public release of the quarter's results, not the release day itself
 * (§5.2(c); reading 4).
 * @example allocationWindow("2003-07-24") // { opens: "2003-07-25", closes: "2003-08-03" }
 */
export function allocationWindow(releaseDate: IsoDate): FilingWindow {
  return { opens: addDays(releaseDate, 1), closes: addDays(releaseDate, ALLOCATION_WINDOW_DAYS) };
}

/**
 * The fiscal quarter whose results a release publishes, so the quarter an
 * allocation filed after it is for (§5.2(c)). Reading: a quarter's results
 * are released after the quarter ends and within the quarter that follows
 * (a year-end release in February still falls in Q1), so a release publishes
 * the quarter before its own. The fiscal year is the calendar year (RULES.md,
 * Fiscal Quarter's default).
 * @example quarterReleased("2003-07-24") // { year: 2003, quarter: 2 }
 */
export function quarterReleased(releaseDate: IsoDate): Quarter {
  return previousQuarter(quarterOf(releaseDate));
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
