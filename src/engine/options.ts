/** Discounted stock options (Art. V, §5.1, §5.4) and when they vest (§7.2(c)). */
import { requireNonNegative, requirePositive } from "./checks";
import { DISCOUNT_PRICE_THRESHOLD, HOLDING_MONTHS, MAX_DISCOUNT_FRACTION, MIN_DISCOUNT_DOLLARS, MIN_DISCOUNT_FRACTION, OPTION_PRICE_PLACES } from "./constants";
import { addMonths, dateParts, isoDate, laterOf, type IsoDate } from "./dates";
import { Decimal, roundHalfUp, wholeDown } from "./decimal";
import { outOfRange } from "./errors";
import { formatPercent } from "./format";

export type DiscountType = "fraction" | "dollars";

function money(value: Decimal): string {
  return `$${value.toFixed(Math.max(2, value.decimalPlaces()))}`;
}

/** The smallest discount allowed at `fmv`, dollars per share (§5.1). */
export function minDiscount(fmv: Decimal): Decimal {
  requirePositive(fmv, "fmv");
  return fmv.lessThanOrEqualTo(DISCOUNT_PRICE_THRESHOLD) ? fmv.times(MIN_DISCOUNT_FRACTION) : new Decimal(MIN_DISCOUNT_DOLLARS);
}

/** The largest discount allowed at `fmv`, dollars per share (§5.1). */
export function maxDiscount(fmv: Decimal): Decimal {
  requirePositive(fmv, "fmv");
  return fmv.times(MAX_DISCOUNT_FRACTION);
}

/**
 * What is wrong with a discount under §5.1, e.g. "discount 5% is below the 10%
 * minimum for a price at or below $10.00", or undefined when it is allowed:
 * at a price at or below $10.00 at least 10% of it, above $10.00 at least
 * $1.00, never over 50%.
 */
export function discountProblem(fmv: Decimal, discount: Decimal, discountType: DiscountType = "fraction"): string | undefined {
  requirePositive(fmv, "fmv");
  const perShare = discountType === "dollars" ? discount : fmv.times(discount);
  const shown = discountType === "dollars" ? money(discount) : formatPercent(discount);
  if (perShare.lessThan(minDiscount(fmv))) {
    const threshold = money(new Decimal(DISCOUNT_PRICE_THRESHOLD));
    const bound = fmv.lessThanOrEqualTo(DISCOUNT_PRICE_THRESHOLD)
      ? `the ${formatPercent(MIN_DISCOUNT_FRACTION)} minimum for a price at or below ${threshold}`
      : `the ${money(new Decimal(MIN_DISCOUNT_DOLLARS))} minimum for a price above ${threshold}`;
    return `discount ${shown} is below ${bound}`;
  }
  if (perShare.greaterThan(maxDiscount(fmv)))
    return `discount ${shown} is above the ${formatPercent(MAX_DISCOUNT_FRACTION)} maximum (${money(maxDiscount(fmv))} a share)`;
  return undefined;
}

/**
 * What is wrong with an option's exercise price as entered, or undefined: the
 * discount is at most half the price (§5.1), so the price is more than $0.
 * @example exercisePriceProblem(dec(0)) // "exercise price 0 is not more than $0; a §5.1 discount is at most 50% of the price"
 */
export function exercisePriceProblem(price: Decimal): string | undefined {
  if (price.greaterThan(0)) return undefined;
  return `exercise price ${price.toString()} is not more than $0; a §5.1 discount is at most ${formatPercent(MAX_DISCOUNT_FRACTION)} of the price`;
}

/** The discount in dollars per share; #VALUE! naming the bound when §5.1 does not allow it. */
export function discountPerShare(fmv: Decimal, discount: Decimal, discountType: DiscountType = "fraction"): Decimal {
  const problem = discountProblem(fmv, discount, discountType);
  if (problem) throw outOfRange(`${problem} at fmv ${money(fmv)} (§5.1)`);
  return discountType === "dollars" ? discount : fmv.times(discount);
}

/**
 * The exercise price: `fmv` less the discount per share, to 4 decimals (reading 10).
 * @example optionPrice(dec(1), dec("0.15")) // 0.85 (§5.4 example)
 */
export function optionPrice(fmv: Decimal, discount: Decimal, discountType: DiscountType = "fraction"): Decimal {
  return roundHalfUp(fmv.minus(discountPerShare(fmv, discount, discountType)), OPTION_PRICE_PLACES);
}

/**
 * Whole option shares: the amount allocated divided by the discount per share,
 * rounded down (§5.4).
 * @example optionShares(dec(1000), dec(1), dec("0.15")) // 6666 (§5.4 example)
 */
export function optionShares(amount: Decimal, fmv: Decimal, discount: Decimal, discountType: DiscountType = "fraction"): Decimal {
  requireNonNegative(amount, "amount");
  return wholeDown(amount.dividedBy(discountPerShare(fmv, discount, discountType)));
}

/**
 * The later of six months after `date` and January 1 of the next year: when an
 * option becomes exercisable (§7.2(c)(ii)) and when Company Stock Account
 * amounts may first be distributed (§7.1(f)).
 */
export function holdingPeriodEnd(date: IsoDate): IsoDate {
  return laterOf(addMonths(date, HOLDING_MONTHS), isoDate(dateParts(date).year + 1, 1, 1));
}

/** When an option granted on `grantDate` becomes exercisable (§7.2(c)(ii)). */
export function optionExercisableDate(grantDate: IsoDate): IsoDate {
  return holdingPeriodEnd(grantDate);
}

/**
 * An outstanding option after a split of `newShares` for `oldShares`: whole
 * shares rounded down, the exercise price scaled the other way to 4 decimals,
 * so the spread is kept. The plan adjusts units for splits (§8.1(e)) and is
 * silent on options; this is STATEMENT.md's reading ("Splits").
 * @example splitAdjustOption(dec(6666), dec("0.85"), dec(2), dec(1)) // 13,332 shares at $0.425
 */
export function splitAdjustOption(
  shares: Decimal,
  exercisePrice: Decimal,
  newShares: Decimal,
  oldShares: Decimal,
): { shares: Decimal; exercisePrice: Decimal } {
  requirePositive(newShares, "newShares");
  requirePositive(oldShares, "oldShares");
  return {
    shares: wholeDown(shares.times(newShares).dividedBy(oldShares)),
    exercisePrice: roundHalfUp(exercisePrice.times(oldShares).dividedBy(newShares), OPTION_PRICE_PLACES),
  };
}
