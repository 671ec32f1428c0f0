import { businessDay, electionWindowEnd, isBusinessDay as engineIsBusinessDay, quarterEnd } from "../engine/calendar";
import { dateArg, integerArg, lift, serialResult } from "./args";

/**
 * TRUE if the New York Stock Exchange is open on the date: a Business Day (§1.1(d)).
 * @customfunction IS_BUSINESS_DAY
 * @param date A date (date cell or YYYY-MM-DD text), or a column of them.
 * @returns TRUE on a Business Day, one per date.
 */
export function isBusinessDay(date: unknown[][]): unknown[][] {
  return lift({ date }, (x) => engineIsBusinessDay(dateArg("date", x.date)));
}

/**
 * The date if a Business Day, else the next one; or the n-th Business Day after (n > 0) or before (n < 0) the date (§1.1(d)).
 * @customfunction BUSINESS_DAY
 * @param date A date (date cell or YYYY-MM-DD text), or a column of them.
 * @param [offset] Business Days to move; 0 or blank rolls forward to a Business Day.
 * @returns A date serial, one per date.
 */
export function businessDayFrom(date: unknown[][], offset?: unknown[][]): unknown[][] {
  return lift({ date, offset }, (x) => serialResult(businessDay(dateArg("date", x.date), integerArg("offset", x.offset, 0))));
}

/**
 * The last Business Day of the calendar quarter containing the date: the crediting date of §8.1(a),(c).
 * @customfunction QUARTER_END
 * @param date A date in the quarter, or a column of them.
 * @returns A date serial, one per date.
 */
export function quarterEndDate(date: unknown[][]): unknown[][] {
  return lift({ date }, (x) => serialResult(quarterEnd(dateArg("date", x.date))));
}

/**
 * The last Business Day in the ten calendar days after the release of results: the determination date of §5.2(d) and §5.4(a).
 * @customfunction ELECTION_WINDOW_END
 * @param releaseDate The day the quarter's results were publicly released, or a column of them.
 * @returns A date serial, one per date.
 */
export function electionWindowEndDate(releaseDate: unknown[][]): unknown[][] {
  return lift({ releaseDate }, (x) => serialResult(electionWindowEnd(dateArg("releaseDate", x.releaseDate))));
}
