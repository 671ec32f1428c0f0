import { DEFAULT_UNIT_PLACES, MATCH_RATE } from "../engine/constants";
import { Decimal } from "../engine/decimal";
import { PriceTable } from "../engine/prices";
import { allocationUnits, discretionaryUnits, dividendUnits, matchUnits, maxShares, splitAdjust, unitsCredited } from "../engine/units";
import { dateArg, excel, integerArg, numberArg, numberResult, optionalNumberArg } from "./args";

/**
 * The closing price on the date (§8.1(b),(d)).
 * @customfunction CLOSE_PRICE
 * @param prices A 2-column range [date, close]; any order, header and blank rows allowed.
 * @param date The trading day.
 * @returns The close; #N/A if the table has none.
 */
export function closePrice(prices: any[][], date: any): number {
  return excel(() => numberResult(PriceTable.fromCells(prices).closePrice(dateArg("date", date))));
}

/**
 * The closing price on the date, or on the last Business Day before it when it is not one, such as a January 1 distribution date (§7.2(a), §10.2).
 * @customfunction FAIR_MARKET_VALUE
 * @param prices A 2-column range [date, close].
 * @param date The valuation date.
 * @returns The fair market value per share.
 */
export function fairMarketValue(prices: any[][], date: any): number {
  return excel(() => numberResult(PriceTable.fromCells(prices).fairMarketValue(dateArg("date", date))));
}

/**
 * The average close over every Business Day of the calendar quarter containing the date (§8.1(a)).
 * @customfunction QUARTER_AVG_PRICE
 * @param prices A 2-column range [date, close].
 * @param date A date in the quarter.
 * @returns The exact average; #N/A naming the first Business Day without a price.
 */
export function quarterAvgPrice(prices: any[][], date: any): number {
  return excel(() => numberResult(PriceTable.fromCells(prices).quarterAveragePrice(dateArg("date", date))));
}

/**
 * Units credited to the Deferred Compensation Account for compensation that would have been paid on payDate: amount / quarter average (§8.1(a)).
 * @customfunction UNITS_CREDITED
 * @param amount Dollars deferred.
 * @param prices A 2-column range [date, close].
 * @param payDate The day the compensation would have been paid.
 * @param [places] Decimals to round units to, half-up (default 6).
 * @returns Units.
 */
export function unitsCreditedFn(amount: number, prices: any[][], payDate: any, places?: number): number {
  return excel(() =>
    numberResult(
      unitsCredited(numberArg("amount", amount), PriceTable.fromCells(prices), dateArg("payDate", payDate), integerArg("places", places, DEFAULT_UNIT_PLACES)),
    ),
  );
}

/**
 * Match units: matchRate × deferredAmount / quarter average (§4.3, §8.1(c)).
 * @customfunction MATCH_UNITS
 * @param deferredAmount Dollars deferred under Art. IV.
 * @param prices A 2-column range [date, close].
 * @param payDate The day the compensation would have been paid.
 * @param [matchRate] The match rate (default 10%; below 10% or above 100% is #VALUE!).
 * @param [places] Decimals to round units to, half-up (default 6).
 * @returns Units.
 */
export function matchUnitsFn(deferredAmount: number, prices: any[][], payDate: any, matchRate?: number, places?: number): number {
  return excel(() =>
    numberResult(
      matchUnits(
        numberArg("deferredAmount", deferredAmount),
        PriceTable.fromCells(prices),
        dateArg("payDate", payDate),
        optionalNumberArg("matchRate", matchRate, new Decimal(MATCH_RATE)),
        integerArg("places", places, DEFAULT_UNIT_PLACES),
      ),
    ),
  );
}

/**
 * Discretionary credit units: amount / close on the crediting date (§8.1(b)).
 * @customfunction DISCRETIONARY_UNITS
 * @param amount Dollars credited.
 * @param prices A 2-column range [date, close].
 * @param creditDate The crediting date.
 * @param [places] Decimals to round units to, half-up (default 6).
 * @returns Units.
 */
export function discretionaryUnitsFn(amount: number, prices: any[][], creditDate: any, places?: number): number {
  return excel(() =>
    numberResult(
      discretionaryUnits(numberArg("amount", amount), PriceTable.fromCells(prices), dateArg("creditDate", creditDate), integerArg("places", places, DEFAULT_UNIT_PLACES)),
    ),
  );
}

/**
 * Dividend units: unitsAtRecord × dividendPerShare / close on the payment date (§8.1(d)).
 * @customfunction DIVIDEND_UNITS
 * @param unitsAtRecord Units held at the record date.
 * @param dividendPerShare The dividend per share, dollars.
 * @param prices A 2-column range [date, close].
 * @param paymentDate The dividend payment date.
 * @param [places] Decimals to round units to, half-up (default 6).
 * @returns Units.
 */
export function dividendUnitsFn(unitsAtRecord: number, dividendPerShare: number, prices: any[][], paymentDate: any, places?: number): number {
  return excel(() =>
    numberResult(
      dividendUnits(
        numberArg("unitsAtRecord", unitsAtRecord),
        numberArg("dividendPerShare", dividendPerShare),
        PriceTable.fromCells(prices),
        dateArg("paymentDate", paymentDate),
        integerArg("places", places, DEFAULT_UNIT_PLACES),
      ),
    ),
  );
}

/**
 * Units after a split: units × newShares / oldShares; a 1-for-10 reverse split is (units, 1, 10) (§8.1(e)).
 * @customfunction SPLIT_ADJUST
 * @param units Units before the split.
 * @param newShares New shares issued ...
 * @param oldShares ... for this many old shares.
 * @param [places] Decimals to round units to, half-up (default 6).
 * @returns Units.
 */
export function splitAdjustFn(units: number, newShares: number, oldShares: number, places?: number): number {
  return excel(() =>
    numberResult(
      splitAdjust(numberArg("units", units), numberArg("newShares", newShares), numberArg("oldShares", oldShares), integerArg("places", places, DEFAULT_UNIT_PLACES)),
    ),
  );
}

/**
 * Units for an Investment Account amount allocated to the Company Stock Account: amount / close on the determination date (§5.2(d)).
 * @customfunction ALLOCATION_UNITS
 * @param amount Dollars allocated.
 * @param prices A 2-column range [date, close].
 * @param releaseDate The day the quarter's results were released.
 * @param [places] Decimals to round units to, half-up (default 6).
 * @returns Units.
 */
export function allocationUnitsFn(amount: number, prices: any[][], releaseDate: any, places?: number): number {
  return excel(() =>
    numberResult(
      allocationUnits(numberArg("amount", amount), PriceTable.fromCells(prices), dateArg("releaseDate", releaseDate), integerArg("places", places, DEFAULT_UNIT_PLACES)),
    ),
  );
}

/**
 * The most shares a distribution may deliver: units rounded up to the next whole unit (§6.2).
 * @customfunction MAX_SHARES
 * @param units Units credited.
 * @returns Whole shares.
 */
export function maxSharesFn(units: number): number {
  return excel(() => numberResult(maxShares(numberArg("units", units))));
}
