/**
 * Closing prices of the Company's stock, and the values Art. VIII builds on
 * them: the close, the fair market value, the quarter average.
 */
import { businessDayOnOrBefore, businessDaysOfQuarter, isBusinessDay } from "./calendar";
import { quarterLabel, quarterOf, type IsoDate } from "./dates";
import { Decimal } from "./decimal";
import { invalidValue, notAvailable, PlanError } from "./errors";

export interface PriceEntry {
  date: IsoDate;
  close: Decimal;
}

export class PriceTable {
  /** Per quarter: its average, or why it has none (so a formula over a gap does not search again). */
  private readonly quarterAverages = new Map<string, Decimal | PlanError>();
  private readonly quarterAveragesByDate = new Map<IsoDate, Decimal | PlanError>();

  private constructor(private readonly closes: Map<IsoDate, Decimal>) {}

  /**
   * Typed entries (from a range, a sheet or a file), in any order; `rowNumber`
   * names where each came from. A non-positive close, or a duplicate date with
   * another close, is an error (FUNCTIONS.md, "Prices").
   */
  static fromEntries(entries: ReadonlyArray<PriceEntry & { rowNumber?: number }>, name = "prices"): PriceTable {
    const closes = new Map<IsoDate, Decimal>();
    const rowOf = new Map<IsoDate, number | undefined>();
    for (const { date, close, rowNumber } of entries) {
      const where = rowNumber === undefined ? `${name} ${date}` : `${name} row ${rowNumber}`;
      if (!close.isPositive() || close.isZero()) throw invalidValue(`${where}: close ${close.toString()} must be positive`);
      const earlier = closes.get(date);
      if (earlier !== undefined && !earlier.equals(close)) {
        const earlierRow = rowOf.get(date);
        throw invalidValue(
          `${where}: ${date} has close ${close.toString()} but ${earlierRow === undefined ? "another row" : `row ${earlierRow}`} has ${earlier.toString()}`,
        );
      }
      closes.set(date, close);
      rowOf.set(date, rowNumber);
    }
    return new PriceTable(closes);
  }

  get size(): number {
    return this.closes.size;
  }

  /**
   * The closing price on `date`; #N/A if the table has none, or if `date` is
   * no Business Day (§1.1(d)): the NYSE has no close that day, whatever a
   * stray row in the table says.
   */
  closePrice(date: IsoDate): Decimal {
    if (!isBusinessDay(date)) throw notAvailable(`${date} is not a Business Day (§1.1(d)): the New York Stock Exchange has no close that day`);
    const close = this.closes.get(date);
    if (close === undefined) throw notAvailable(`no closing price for ${date} in the price table`);
    return close;
  }

  /**
   * The closing price on `date`, or on the last Business Day before it when
   * `date` is not one, such as a January 1 distribution date (§7.2(a), §10.2; reading 16).
   */
  fairMarketValue(date: IsoDate): Decimal {
    const pricedOn = businessDayOnOrBefore(date);
    const close = this.closes.get(pricedOn);
    if (close === undefined) {
      const why = pricedOn === date ? "" : ` (the last Business Day on or before ${date}, §7.2(a))`;
      throw notAvailable(`no closing price for ${pricedOn}${why} in the price table`);
    }
    return close;
  }

  /**
   * The plain mean of the closes on every Business Day of the calendar quarter
   * containing `date` (§8.1(a); reading 2). A missing day is an error, never skipped.
   */
  quarterAveragePrice(date: IsoDate): Decimal {
    // A column of formulas asks again and again for the same few dates: each date's quarter is found once.
    let average = this.quarterAveragesByDate.get(date);
    if (average === undefined) {
      const quarter = quarterLabel(quarterOf(date));
      average = this.quarterAverages.get(quarter) ?? this.computeQuarterAverage(date, quarter);
      this.quarterAverages.set(quarter, average);
      this.quarterAveragesByDate.set(date, average);
    }
    if (average instanceof PlanError) throw average;
    return average;
  }

  private computeQuarterAverage(date: IsoDate, quarter: string): Decimal | PlanError {
    const days = businessDaysOfQuarter(date);
    let sum = new Decimal(0);
    for (const day of days) {
      const close = this.closes.get(day);
      if (close === undefined) {
        return notAvailable(`no closing price for ${day}, a Business Day of ${quarter}; the quarter average needs every one (§8.1(a))`);
      }
      sum = sum.plus(close);
    }
    return sum.dividedBy(days.length);
  }
}
