import { businessDay, electionWindowEnd, isBusinessDay as engineIsBusinessDay, quarterEnd } from "../engine/calendar";
import { dateArg, excel, integerArg, serialResult } from "./args";

/**
 * TRUE if the New York Stock Exchange is open on the date: a Business Day (§1.1(d)).
 * @customfunction IS_BUSINESS_DAY
 * @param date A date (date cell or YYYY-MM-DD text).
 * @returns TRUE on a Business Day.
 */
export function isBusinessDay(date: any): boolean {
  return excel(() => engineIsBusinessDay(dateArg("date", date)));
}

/**
 * The date if a Business Day, else the next one; or the n-th Business Day after (n > 0) or before (n < 0) the date (§1.1(d)).
 * @customfunction BUSINESS_DAY
 * @param date A date (date cell or YYYY-MM-DD text).
 * @param [offset] Business Days to move; 0 or blank rolls forward to a Business Day.
 * @returns A date serial.
 */
export function businessDayFrom(date: any, offset?: number): number {
  return excel(() => serialResult(businessDay(dateArg("date", date), integerArg("offset", offset, 0))));
}

/**
 * The last Business Day of the calendar quarter containing the date: the crediting date of §8.1(a),(c).
 * @customfunction QUARTER_END
 * @param date A date in the quarter.
 * @returns A date serial.
 */
export function quarterEndDate(date: any): number {
  return excel(() => serialResult(quarterEnd(dateArg("date", date))));
}

/**
 * The last Business Day in the ten calendar days after the release of results: the determination date of §5.2(d) and §5.4(a).
 * @customfunction ELECTION_WINDOW_END
 * @param releaseDate The day the quarter's results were publicly released.
 * @returns A date serial.
 */
export function electionWindowEndDate(releaseDate: any): number {
  return excel(() => serialResult(electionWindowEnd(dateArg("releaseDate", releaseDate))));
}
