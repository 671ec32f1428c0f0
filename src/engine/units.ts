/**
 * Units credited to a Participant's accounts (Art. IV, Art. VIII): one unit is
 * one share of Company common stock at the price the plan names.
 */
import { electionWindowEnd } from "./calendar";
import { requireNonNegative, requirePlaces, requirePositive } from "./checks";
import { DEFAULT_UNIT_PLACES, MATCH_RATE, MAX_MATCH_RATE } from "./constants";
import type { IsoDate } from "./dates";
import { Decimal, roundHalfUp, wholeUp } from "./decimal";
import { outOfRange } from "./errors";
import type { PriceTable } from "./prices";

/**
 * Units for compensation that would have been paid on `payDate`, at the
 * average close of that quarter (§8.1(a)).
 * @example unitsCredited(dec(10000), prices, "2003-02-14") // 10000 / Q1 2003 average, to 6 places
 */
export function unitsCredited(amount: Decimal, prices: PriceTable, payDate: IsoDate, places = DEFAULT_UNIT_PLACES): Decimal {
  requireNonNegative(amount, "amount");
  requirePlaces(places);
  return roundHalfUp(amount.dividedBy(prices.quarterAveragePrice(payDate)), places);
}

const LOWEST_MATCH_RATE = new Decimal(MATCH_RATE);
const HIGHEST_MATCH_RATE = new Decimal(MAX_MATCH_RATE);

/**
 * What is wrong with a match rate ("5% is below the plan's 10% match"), or
 * undefined when the plan allows it: the Committee may set a rate above the
 * plan's 10% (§4.3) but not above 100%, read as a percent typed as a whole
 * number (15 for 15%).
 */
export function matchRateProblem(matchRate: Decimal): string | undefined {
  if (matchRate.lessThan(LOWEST_MATCH_RATE)) return `${percent(matchRate)} is below the plan's ${percent(LOWEST_MATCH_RATE)} match`;
  if (matchRate.greaterThan(HIGHEST_MATCH_RATE)) return `${percent(matchRate)} is above ${percent(HIGHEST_MATCH_RATE)}; enter a rate as a percent such as 15% or 0.15`;
  return undefined;
}

function percent(fraction: Decimal): string {
  return `${fraction.times(100).toString()}%`;
}

/** Match units: `matchRate` (10% to 100%) of the deferral at the quarter average (§4.3, §8.1(c); reading 17). */
export function matchUnits(deferredAmount: Decimal, prices: PriceTable, payDate: IsoDate, matchRate = LOWEST_MATCH_RATE, places = DEFAULT_UNIT_PLACES): Decimal {
  requireNonNegative(deferredAmount, "deferredAmount");
  requirePlaces(places);
  const problem = matchRateProblem(matchRate);
  if (problem) throw outOfRange(`matchRate ${problem} (§4.3)`);
  return roundHalfUp(matchRate.times(deferredAmount).dividedBy(prices.quarterAveragePrice(payDate)), places);
}

/** Discretionary credits at the close on the crediting date (§8.1(b)). */
export function discretionaryUnits(amount: Decimal, prices: PriceTable, creditDate: IsoDate, places = DEFAULT_UNIT_PLACES): Decimal {
  requireNonNegative(amount, "amount");
  requirePlaces(places);
  return roundHalfUp(amount.dividedBy(prices.closePrice(creditDate)), places);
}

/** Dividend equivalents on units held at the record date, at the close on the payment date (§8.1(d); reading 5). */
export function dividendUnits(unitsAtRecord: Decimal, dividendPerShare: Decimal, prices: PriceTable, paymentDate: IsoDate, places = DEFAULT_UNIT_PLACES): Decimal {
  requireNonNegative(unitsAtRecord, "unitsAtRecord");
  requireNonNegative(dividendPerShare, "dividendPerShare");
  requirePlaces(places);
  return roundHalfUp(unitsAtRecord.times(dividendPerShare).dividedBy(prices.closePrice(paymentDate)), places);
}

/** Units after a split or reverse split of `newShares` for `oldShares` (§8.1(e)). */
export function splitAdjust(units: Decimal, newShares: Decimal, oldShares: Decimal, places = DEFAULT_UNIT_PLACES): Decimal {
  requireNonNegative(units, "units");
  requirePositive(newShares, "newShares");
  requirePositive(oldShares, "oldShares");
  requirePlaces(places);
  return roundHalfUp(units.times(newShares).dividedBy(oldShares), places);
}

/**
 * Units for an Investment Account amount allocated to the Company Stock
 * Account, at the close on the determination date (§5.2(d); reading 4).
 */
export function allocationUnits(amount: Decimal, prices: PriceTable, releaseDate: IsoDate, places = DEFAULT_UNIT_PLACES): Decimal {
  requireNonNegative(amount, "amount");
  requirePlaces(places);
  return roundHalfUp(amount.dividedBy(prices.closePrice(electionWindowEnd(releaseDate))), places);
}

/** The most shares a distribution may deliver: units rounded up to the next whole unit (§6.2). */
export function maxShares(units: Decimal): Decimal {
  requireNonNegative(units, "units");
  return wholeUp(units);
}
