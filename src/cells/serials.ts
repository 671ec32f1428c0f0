/**
 * Excel's 1900 date system: the serial number a date cell holds, and the
 * calendar date it stands for.
 */
import { dayNumber, fromDayNumber, type IsoDate } from "../engine/dates";

/** Day number (days since 1970-01-01) of 1899-12-30, Excel's serial 0 for dates after 1900-02-28. */
const EXCEL_EPOCH_DAY = -25_569;
/** Excel's fictitious 1900-02-29 (it copies a Lotus 1-2-3 leap-year bug). */
export const EXCEL_FICTITIOUS_LEAP_DAY_SERIAL = 60;
/** 9999-12-31, the last date Excel can show. */
export const EXCEL_LAST_SERIAL = 2_958_465;

/**
 * The date an Excel 1900-system serial stands for (fraction ignored), or
 * undefined for serials that name no real date: 0 ("1900-01-00"), 60 (the
 * fictitious 1900-02-29), anything below 1, and anything after 9999-12-31.
 */
export function serialToIsoDate(serial: number): IsoDate | undefined {
  const whole = Math.floor(serial);
  if (!Number.isFinite(whole) || whole < 1 || whole > EXCEL_LAST_SERIAL || whole === EXCEL_FICTITIOUS_LEAP_DAY_SERIAL) return undefined;
  // Serials 1..59 run from 1900-01-01; from 61 on they are one higher than real days because of serial 60.
  const offset = whole < EXCEL_FICTITIOUS_LEAP_DAY_SERIAL ? 1 : 0;
  return fromDayNumber(EXCEL_EPOCH_DAY + whole + offset);
}

export function isoDateToSerial(date: IsoDate): number {
  const serial = dayNumber(date) - EXCEL_EPOCH_DAY;
  return serial <= EXCEL_FICTITIOUS_LEAP_DAY_SERIAL ? serial - 1 : serial;
}
