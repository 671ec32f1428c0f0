/**
 * Calendar dates as ISO `YYYY-MM-DD` strings (they sort as text), with the
 * arithmetic the plan needs. How a spreadsheet writes a date (a serial number)
 * is the cells layer's business, not the plan's.
 */
import { outOfRange } from "./errors";

export type IsoDate = string;

export const FIRST_SUPPORTED_DATE: IsoDate = "1990-01-01";
export const LAST_SUPPORTED_DATE: IsoDate = "2099-12-31";

const MS_PER_DAY = 86_400_000;

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The calendar day `now` falls on where the user is (their clock's time zone), for an "as of today" default. */
export function localDate(now: Date): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function dateParts(date: IsoDate): DateParts {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  // Counted, not a Date made and read: a replay asks this of every quarter's last day. Date.UTC reads years 0–99 as 1900–1999, and rolls other months over: those it answers.
  if (year >= 100 && year <= 9999 && Number.isInteger(year) && Number.isInteger(month) && month >= 1 && month <= 12) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Strict `YYYY-MM-DD` parse: a real calendar date or undefined. */
export function parseIsoDate(text: string): IsoDate | undefined {
  const match = ISO_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return isoDate(year, month, day);
}

// Date conversions repeat across a sheet's rows; both directions are remembered (a few thousand distinct days at most in practice).
const dayNumbers = new Map<IsoDate, number>();
const isoDates = new Map<number, IsoDate>();
const MAX_REMEMBERED = 200_000;

/** Days since 1970-01-01. */
export function dayNumber(date: IsoDate): number {
  let days = dayNumbers.get(date);
  if (days === undefined) {
    const { year, month, day } = dateParts(date);
    days = Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
    if (dayNumbers.size < MAX_REMEMBERED) dayNumbers.set(date, days);
  }
  return days;
}

export function fromDayNumber(days: number): IsoDate {
  let date = isoDates.get(days);
  if (date === undefined) {
    const d = new Date(days * MS_PER_DAY);
    date = isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    if (isoDates.size < MAX_REMEMBERED) isoDates.set(days, date);
  }
  return date;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Adds calendar months, clamping to the month's last day (RULES.md reading 9).
 * @example addMonths("2003-08-31", 6) // "2004-02-29"
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = dateParts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = (monthIndex % 12) + 1;
  return isoDate(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** 0 = Sunday .. 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** For sorting by date. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "12-31" (month and day) → { month: 12, day: 31 }; undefined unless it is a real day of a leap year. */
export function parseMonthDay(text: string): { month: number; day: number } | undefined {
  const date = parseIsoDate(`2000-${text.trim()}`);
  return date === undefined ? undefined : { month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** { month: 12, day: 31 } → "12-31", as parseMonthDay reads it. */
export function formatMonthDay({ month, day }: { month: number; day: number }): string {
  return isoDate(2000, month, day).slice(5);
}

export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export interface Quarter {
  year: number;
  /** 1..4 */
  quarter: number;
}

export function quarterOf(date: IsoDate): Quarter {
  const { year, month } = dateParts(date);
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

export function quarterLabel({ year, quarter }: Quarter): string {
  return `${year}-Q${quarter}`;
}

export function quarterFirstDay({ year, quarter }: Quarter): IsoDate {
  return isoDate(year, quarter * 3 - 2, 1);
}

export function quarterLastDay({ year, quarter }: Quarter): IsoDate {
  const month = quarter * 3;
  return isoDate(year, month, daysInMonth(year, month));
}

export function nextQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: quarter + 1 };
}

export function previousQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
}

export function isSupportedDate(date: IsoDate): boolean {
  return date >= FIRST_SUPPORTED_DATE && date <= LAST_SUPPORTED_DATE;
}

/** Throws an out-of-range error (#VALUE! in a cell) when a date falls outside 1990-01-01 .. 2099-12-31 (FUNCTIONS.md conventions). */
export function assertSupportedDate(date: IsoDate, what: string): IsoDate {
  if (!isSupportedDate(date)) {
    throw outOfRange(`${what} ${date} is outside the supported range ${FIRST_SUPPORTED_DATE} .. ${LAST_SUPPORTED_DATE}`);
  }
  return date;
}
