import { pricesFromCells } from "../cells/ranges";
import { DEFAULT_UNIT_PLACES, MATCH_RATE } from "../engine/constants";
import { Decimal } from "../engine/decimal";
import { allocationUnits, discretionaryUnits, dividendUnits, matchUnits, maxShares, splitAdjust, unitsCreditedNumber } from "../engine/units";
import { cellNumberArg, dateArg, defaultedNumberArg, integerArg, lift, numberArg, numberResult, tableArg } from "./args";

/** Units are rounded to `places` decimals; blank is 6, and 0 (desktop's empty cell) is whole units. */
function placesArg(value: unknown): number {
  return integerArg("places", value, DEFAULT_UNIT_PLACES);
}

/** The `prices` range, read once per call. */
function pricesArg(prices: unknown) {
  return tableArg(() => pricesFromCells(prices));
}

/**
 * The closing price on the date (§8.1(b),(d)).
 * @customfunction CLOSE_PRICE
 * @param prices A 2-column range [date, close]; any order, header and blank rows allowed.
 * @param date The trading day, or a column of them.
 * @returns The close, one per date; #N/A if the table has none.
 */
export function closePrice(prices: unknown[][], date: unknown[][]): unknown[][] {
  const table = pricesArg(prices);
  return lift({ date }, (x) => numberResult(table().closePrice(dateArg("date", x.date))));
}

/**
 * The closing price on the date, or on the last Business Day before it when it is not one, such as a January 1 distribution date (§7.2(a), §10.2).
 * @customfunction FAIR_MARKET_VALUE
 * @param prices A 2-column range [date, close].
 * @param date The valuation date, or a column of them.
 * @returns The fair market value per share.
 */
export function fairMarketValue(prices: unknown[][], date: unknown[][]): unknown[][] {
  const table = pricesArg(prices);
  return lift({ date }, (x) => numberResult(table().fairMarketValue(dateArg("date", x.date))));
}

/**
 * The average close over every Business Day of the calendar quarter containing the date (§8.1(a)).
 * @customfunction QUARTER_AVG_PRICE
 * @param prices A 2-column range [date, close].
 * @param date A date in the quarter, or a column of them.
 * @returns The exact average; #N/A naming the first Business Day without a price.
 */
export function quarterAvgPrice(prices: unknown[][], date: unknown[][]): unknown[][] {
  const table = pricesArg(prices);
  return lift({ date }, (x) => numberResult(table().quarterAveragePrice(dateArg("date", x.date))));
}

/**
 * Units credited to the Deferred Compensation Account for compensation that would have been paid on payDate: amount / quarter average (§8.1(a)).
 * @customfunction UNITS_CREDITED
 * @param amount Dollars deferred, or a column of amounts.
 * @param prices A 2-column range [date, close].
 * @param payDate The day the compensation would have been paid, or a column of them.
 * @param [places] Decimals to round units to, half-up (default 6).
 * @returns Units, one per amount.
 */
export function unitsCreditedFn(amount: unknown[][], prices: unknown[][], payDate: unknown[][], places?: unknown[][]): unknown[][] {
  const table = pricesArg(prices);
  return lift({ amount, payDate, places }, (x) =>
    unitsCreditedNumber(cellNumberArg("amount", x.amount), table(), dateArg("payDate", x.payDate), placesArg(x.places)),
  );
}

/**
 * Match units: matchRate × deferredAmount / quarter average (§4.3, §8.1(c)).
 * @customfunction MATCH_UNITS
 * @param deferredAmount Dollars deferred under Art. IV, or a column of amounts.
 * @param prices A 2-column range [date, close].
 * @param payDate The day the compensation would have been paid, or a column of them.
 * @param [matchRate] The match rate (default 10%, also for an empty cell; below 10% or above 100% is #VALUE!).
 * @param [places] Decimals to round units to, half-up (default 6).
 * @returns Units, one per amount.
 */
export function matchUnitsFn(
  deferredAmount: unknown[][],
  prices: unknown[][],
  payDate: unknown[][],
  matchRate?: unknown[][],
  places?: unknown[][],
): unknown[][] {
  const table = pricesArg(prices);
  return lift({ deferredAmount, payDate, matchRate, places }, (x) =>
    numberResult(
      matchUnits(
        numberArg("deferredAmount", x.deferredAmount),
        table(),
        dateArg("payDate", x.payDate),
        defaultedNumberArg("matchRate", x.matchRate, new Decimal(MATCH_RATE)),
        placesArg(x.places),
      ),
    ),
  );
}

/**
 * Discretionary credit units: amount / close on the crediting date (§8.1(b)).
 * @customfunction DISCRETIONARY_UNITS
 * @param amount Dollars credited, or a column of amounts.
 * @param prices A 2-column range [date, close].
 * @param creditDate The crediting date, or a column of them.
 * @param [places] Decimals to round units to, half-up (default 6).
 * @returns Units, one per amount.
 */
export function discretionaryUnitsFn(amount: unknown[][], prices: unknown[][], creditDate: unknown[][], places?: unknown[][]): unknown[][] {
  const table = pricesArg(prices);
  return lift({ amount, creditDate, places }, (x) =>
    numberResult(discretionaryUnits(numberArg("amount", x.amount), table(), dateArg("creditDate", x.creditDate), placesArg(x.places))),
  );
}

/**
 * Dividend units: unitsAtRecord × dividendPerShare / close on the payment date (§8.1(d)).
 * @customfunction DIVIDEND_UNITS
 * @param unitsAtRecord Units held at the record date, or a column of them.
 * @param dividendPerShare The dividend per share, dollars.
 * @param prices A 2-column range [date, close].
 * @param paymentDate The dividend payment date.
 * @param [places] Decimals to round units to, half-up (default 6).
 * @returns Units, one per row.
 */
export function dividendUnitsFn(
  unitsAtRecord: unknown[][],
  dividendPerShare: unknown[][],
  prices: unknown[][],
  paymentDate: unknown[][],
  places?: unknown[][],
): unknown[][] {
  const table = pricesArg(prices);
  return lift({ unitsAtRecord, dividendPerShare, paymentDate, places }, (x) =>
    numberResult(
      dividendUnits(
        numberArg("unitsAtRecord", x.unitsAtRecord),
        numberArg("dividendPerShare", x.dividendPerShare),
        table(),
        dateArg("paymentDate", x.paymentDate),
        placesArg(x.places),
      ),
    ),
  );
}

/**
 * Units after a split: units × newShares / oldShares; a 1-for-10 reverse split is (units, 1, 10) (§8.1(e)).
 * @customfunction SPLIT_ADJUST
 * @param units Units before the split, or a column of them.
 * @param newShares New shares issued ...
 * @param oldShares ... for this many old shares.
 * @param [places] Decimals to round units to, half-up (default 6).
 * @returns Units, one per row.
 */
export function splitAdjustFn(units: unknown[][], newShares: unknown[][], oldShares: unknown[][], places?: unknown[][]): unknown[][] {
  return lift({ units, newShares, oldShares, places }, (x) =>
    numberResult(splitAdjust(numberArg("units", x.units), numberArg("newShares", x.newShares), numberArg("oldShares", x.oldShares), placesArg(x.places))),
  );
}

/**
 * Units for an Investment Account amount allocated to the Company Stock Account: amount / close on the determination date (§5.2(d)).
 * @customfunction ALLOCATION_UNITS
 * @param amount Dollars allocated, or a column of amounts.
 * @param prices A 2-column range [date, close].
 * @param releaseDate The day the quarter's results were released, or a column of them.
 * @param [places] Decimals to round units to, half-up (default 6).
 * @returns Units, one per amount.
 */
export function allocationUnitsFn(amount: unknown[][], prices: unknown[][], releaseDate: unknown[][], places?: unknown[][]): unknown[][] {
  const table = pricesArg(prices);
  return lift({ amount, releaseDate, places }, (x) =>
    numberResult(allocationUnits(numberArg("amount", x.amount), table(), dateArg("releaseDate", x.releaseDate), placesArg(x.places))),
  );
}

/**
 * The most shares a distribution may deliver: units rounded up to the next whole unit (§6.2).
 * @customfunction MAX_SHARES
 * @param units Units credited, or a column of them.
 * @returns Whole shares, one per row.
 */
export function maxSharesFn(units: unknown[][]): unknown[][] {
  return lift({ units }, (x) => numberResult(maxShares(numberArg("units", x.units))));
}
