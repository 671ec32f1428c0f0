/**
 * Units credited to a Participant's accounts (Art. IV, Art. VIII): one unit is
 * one share of Company common stock at the price the plan names.
 */
import { electionWindowEnd } from "./calendar";
import { requireNonNegative, requirePlaces, requirePositive } from "./checks";
import { DEFAULT_UNIT_PLACES, MATCH_RATE, MAX_MATCH_RATE } from "./constants";
import type { IsoDate } from "./dates";
import { binaryRoundedQuotient, Decimal, roundedQuotient, toNumber, wholeUp } from "./decimal";
import { outOfRange } from "./errors";
import { formatPercent } from "./format";
import type { PriceTable } from "./prices";

/**
 * Units for compensation that would have been paid on `payDate`, at the
 * average close of that quarter (§8.1(a)).
 * @example unitsCredited(dec(10000), prices, "2003-02-14") // 10000 / Q1 2003 average, to 6 places
 */
export function unitsCredited(amount: Decimal, prices: PriceTable, payDate: IsoDate, places = DEFAULT_UNIT_PLACES): Decimal {
  requireNonNegative(amount, "amount");
  requirePlaces(places);
  return roundedQuotient(amount, prices.quarterAveragePrice(payDate), places);
}

/**
 * `unitsCredited` for an amount a cell holds, as the number a cell shows: the same figure, without a Decimal where
 * binary arithmetic settles the rounding (a column of 10,000 formulas); anything else, errors included, is unitsCredited's.
 */
export function unitsCreditedNumber(amount: number, prices: PriceTable, payDate: IsoDate, places = DEFAULT_UNIT_PLACES): number {
  if (amount >= 0) {
    requirePlaces(places);
    const binary = binaryRoundedQuotient(amount, prices.quarterAveragePrice(payDate), places);
    if (binary !== undefined) return binary;
  }
  return toNumber(unitsCredited(new Decimal(amount), prices, payDate, places));
}

const LEAST_MATCH_RATE = new Decimal(MATCH_RATE);
const GREATEST_MATCH_RATE = new Decimal(MAX_MATCH_RATE);

/**
 * Why a match rate cannot be used, or undefined: below the plan's 10% (§4.3),
 * or above 100%, which is 15 typed where 15% was meant far more often than a
 * match greater than the deferral itself.
 */
export function matchRateProblem(matchRate: Decimal): string | undefined {
  // Called for every deferral of a replay: the message is built only for a rate that is wrong, the bounds parsed once.
  if (matchRate.lessThan(LEAST_MATCH_RATE)) return `${formatPercent(matchRate)} is below the plan's ${formatPercent(MATCH_RATE)} match (§4.3)`;
  if (matchRate.greaterThan(GREATEST_MATCH_RATE)) {
    return `${formatPercent(matchRate)} is above ${formatPercent(MAX_MATCH_RATE)}; if ${matchRate.toString()}% was meant, enter ${matchRate.toString()}% (or ${matchRate.dividedBy(100).toString()}) (§4.3)`;
  }
  return undefined;
}

/** Match units: `matchRate` (10% to 100%) of the deferral at the quarter average (§4.3, §8.1(c); reading 17). */
export function matchUnits(
  deferredAmount: Decimal,
  prices: PriceTable,
  payDate: IsoDate,
  matchRate = new Decimal(MATCH_RATE),
  places = DEFAULT_UNIT_PLACES,
): Decimal {
  requireNonNegative(deferredAmount, "deferredAmount");
  requirePlaces(places);
  const problem = matchRateProblem(matchRate);
  if (problem) throw outOfRange(`matchRate ${problem}`);
  return roundedQuotient(matchRate.times(deferredAmount), prices.quarterAveragePrice(payDate), places);
}

/** Discretionary credits at the close on the crediting date (§8.1(b)). */
export function discretionaryUnits(amount: Decimal, prices: PriceTable, creditDate: IsoDate, places = DEFAULT_UNIT_PLACES): Decimal {
  requireNonNegative(amount, "amount");
  requirePlaces(places);
  return roundedQuotient(amount, prices.closePrice(creditDate), places);
}

/** Dividend equivalents on units held at the record date, at the close on the payment date (§8.1(d); reading 5). */
export function dividendUnits(
  unitsAtRecord: Decimal,
  dividendPerShare: Decimal,
  prices: PriceTable,
  paymentDate: IsoDate,
  places = DEFAULT_UNIT_PLACES,
): Decimal {
  requireNonNegative(unitsAtRecord, "unitsAtRecord");
  requireNonNegative(dividendPerShare, "dividendPerShare");
  requirePlaces(places);
  return roundedQuotient(unitsAtRecord.times(dividendPerShare), prices.closePrice(paymentDate), places);
}

/** Units after a split or reverse split of `newShares` for `oldShares` (§8.1(e)). */
export function splitAdjust(units: Decimal, newShares: Decimal, oldShares: Decimal, places = DEFAULT_UNIT_PLACES): Decimal {
  requireNonNegative(units, "units");
  requirePositive(newShares, "newShares");
  requirePositive(oldShares, "oldShares");
  requirePlaces(places);
  return roundedQuotient(units.times(newShares), oldShares, places);
}

/**
 * Units for an Investment Account amount allocated to the Company Stock
 * Account, at the close on the determination date (§5.2(d); reading 4).
 */
export function allocationUnits(amount: Decimal, prices: PriceTable, releaseDate: IsoDate, places = DEFAULT_UNIT_PLACES): Decimal {
  requireNonNegative(amount, "amount");
  requirePlaces(places);
  return roundedQuotient(amount, prices.closePrice(electionWindowEnd(releaseDate)), places);
}

/** The most shares a distribution may deliver: units rounded up to the next whole unit (§6.2). */
export function maxShares(units: Decimal): Decimal {
  requireNonNegative(units, "units");
  return wholeUp(units);
}
