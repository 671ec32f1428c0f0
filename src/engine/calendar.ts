/**
 * The NYSE calendar: a Business Day is a day the New York Stock Exchange is
 * open (§1.1(d); RULES.md reading 1), for 1990-01-01 .. 2099-12-31.
 */
import {
  addDays,
  assertSupportedDate,
  dateParts,
  dayNumber,
  dayOfWeek,
  daysInMonth,
  FIRST_SUPPORTED_DATE,
  fromDayNumber,
  isoDate,
  LAST_SUPPORTED_DATE,
  quarterFirstDay,
  quarterLastDay,
  quarterOf,
  type IsoDate,
} from "./dates";
import { notAvailable, outOfRange } from "./errors";
import { ALLOCATION_WINDOW_DAYS } from "./constants";

/** Closures outside the regular holiday rules since 1990, every one of them. */
export const UNSCHEDULED_CLOSURES: readonly IsoDate[] = [
  "1994-04-27", // President Nixon's funeral
  "2001-09-11",
  "2001-09-12",
  "2001-09-13",
  "2001-09-14", // September 11
  "2004-06-11", // President Reagan's funeral
  "2007-01-02", // President Ford's funeral
  "2012-10-29",
  "2012-10-30", // Hurricane Sandy
  "2018-12-05", // President G. H. W. Bush's funeral
  "2025-01-09", // President Carter's funeral
];

const SUNDAY = 0,
  MONDAY = 1,
  THURSDAY = 4,
  SATURDAY = 6;

/** The n-th given weekday of a month (n = -1: the last). */
function nthWeekday(year: number, month: number, weekday: number, n: number): IsoDate {
  if (n > 0) {
    const first = isoDate(year, month, 1);
    return addDays(first, ((weekday - dayOfWeek(first) + 7) % 7) + (n - 1) * 7);
  }
  const lastOfMonth = isoDate(year, month, daysInMonth(year, month));
  return addDays(lastOfMonth, -((dayOfWeek(lastOfMonth) - weekday + 7) % 7));
}

/** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): IsoDate {
  const a = year % 19,
    b = Math.floor(year / 100),
    c = year % 100;
  const d = Math.floor(b / 4),
    e = b % 4,
    f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** A fixed-date holiday on a weekend moves to the Friday before or the Monday after. */
function observedFixed(date: IsoDate): IsoDate {
  const weekday = dayOfWeek(date);
  if (weekday === SATURDAY) return addDays(date, -1);
  if (weekday === SUNDAY) return addDays(date, 1);
  return date;
}

/** The regular NYSE holidays observed in `year`. */
export function regularHolidays(year: number): IsoDate[] {
  const holidays: IsoDate[] = [];
  // New Year's Day: a Sunday one is observed Monday; a Saturday one is not observed at all.
  const newYear = isoDate(year, 1, 1);
  if (dayOfWeek(newYear) !== SATURDAY) holidays.push(observedFixed(newYear));
  if (year >= 1998) holidays.push(nthWeekday(year, 1, MONDAY, 3)); // Martin Luther King Jr. Day
  holidays.push(nthWeekday(year, 2, MONDAY, 3)); // Washington's Birthday
  holidays.push(addDays(easterSunday(year), -2)); // Good Friday
  holidays.push(nthWeekday(year, 5, MONDAY, -1)); // Memorial Day
  if (year >= 2022) holidays.push(observedFixed(isoDate(year, 6, 19))); // Juneteenth
  holidays.push(observedFixed(isoDate(year, 7, 4))); // Independence Day
  holidays.push(nthWeekday(year, 9, MONDAY, 1)); // Labor Day
  holidays.push(nthWeekday(year, 11, THURSDAY, 4)); // Thanksgiving
  holidays.push(observedFixed(isoDate(year, 12, 25))); // Christmas
  return holidays;
}

const FIRST_DAY = dayNumber(FIRST_SUPPORTED_DATE);
const LAST_DAY = dayNumber(LAST_SUPPORTED_DATE);

let openDays: Uint8Array | undefined;

/** One flag per supported day, built on first use (about 40,000 days). */
function openFlags(): Uint8Array {
  if (openDays) return openDays;
  const flags = new Uint8Array(LAST_DAY - FIRST_DAY + 1);
  for (let day = FIRST_DAY; day <= LAST_DAY; day++) {
    const weekday = (((day + 4) % 7) + 7) % 7;
    flags[day - FIRST_DAY] = weekday === SUNDAY || weekday === SATURDAY ? 0 : 1;
  }
  const closed = [...UNSCHEDULED_CLOSURES];
  const [firstYear, lastYear] = [dateParts(FIRST_SUPPORTED_DATE).year, dateParts(LAST_SUPPORTED_DATE).year];
  for (let year = firstYear; year <= lastYear; year++) closed.push(...regularHolidays(year));
  for (const date of closed) {
    const day = dayNumber(date);
    if (day >= FIRST_DAY && day <= LAST_DAY) flags[day - FIRST_DAY] = 0;
  }
  openDays = flags;
  return flags;
}

function isOpenDay(day: number): boolean {
  return openFlags()[day - FIRST_DAY] === 1;
}

function stepTo(day: number, direction: 1 | -1, what: string): number {
  let next = day + direction;
  while (next >= FIRST_DAY && next <= LAST_DAY && !isOpenDay(next)) next += direction;
  if (next < FIRST_DAY || next > LAST_DAY) {
    throw outOfRange(`${what} falls outside the supported range ${FIRST_SUPPORTED_DATE} .. ${LAST_SUPPORTED_DATE}`);
  }
  return next;
}

/** TRUE if the NYSE is open on `date` (§1.1(d)). */
export function isBusinessDay(date: IsoDate): boolean {
  assertSupportedDate(date, "date");
  return isOpenDay(dayNumber(date));
}

/**
 * `offset` 0: `date` if it is a Business Day, else the next one; n > 0: the
 * n-th Business Day after `date`; n < 0: the n-th before.
 */
export function businessDay(date: IsoDate, offset = 0): IsoDate {
  assertSupportedDate(date, "date");
  let day = dayNumber(date);
  const what = `the Business Day ${offset} from ${date}`;
  if (offset === 0) return isOpenDay(day) ? date : fromDayNumber(stepTo(day, 1, what));
  const direction = offset > 0 ? 1 : -1;
  for (let i = 0; i < Math.abs(offset); i++) day = stepTo(day, direction, what);
  return fromDayNumber(day);
}

/** `date` if it is a Business Day, else the last Business Day before it (reading 16). */
export function businessDayOnOrBefore(date: IsoDate): IsoDate {
  assertSupportedDate(date, "date");
  const day = dayNumber(date);
  return isOpenDay(day) ? date : fromDayNumber(stepTo(day, -1, `the last Business Day before ${date}`));
}

/** Every Business Day of the calendar quarter containing `date`, in order. */
export function businessDaysOfQuarter(date: IsoDate): IsoDate[] {
  const quarter = quarterOf(date);
  const days: IsoDate[] = [];
  for (let day = dayNumber(quarterFirstDay(quarter)); day <= dayNumber(quarterLastDay(quarter)); day++) {
    if (day >= FIRST_DAY && day <= LAST_DAY && isOpenDay(day)) days.push(fromDayNumber(day));
  }
  return days;
}

/** The last Business Day of the calendar quarter containing `date`: the crediting date of §8.1(a),(c) (reading 3). */
export function quarterEnd(date: IsoDate): IsoDate {
  assertSupportedDate(date, "date");
  return businessDayOnOrBefore(quarterLastDay(quarterOf(date)));
}

/**
 * The determination date of §5.2(d) and §5.4(a): the last Business Day in the
 * ten calendar days after the release of results (reading 4).
 * @example electionWindowEnd("2003-04-24") // "2003-05-02"
 */
export function electionWindowEnd(releaseDate: IsoDate): IsoDate {
  assertSupportedDate(releaseDate, "releaseDate");
  for (let offset = ALLOCATION_WINDOW_DAYS; offset >= 1; offset--) {
    const date = addDays(releaseDate, offset);
    if (dayNumber(date) > LAST_DAY) continue;
    if (isOpenDay(dayNumber(date))) return date;
  }
  throw notAvailable(`no Business Day in the ${ALLOCATION_WINDOW_DAYS} days after the release on ${releaseDate} (§5.2(c))`);
}
