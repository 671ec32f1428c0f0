import { maxDiscount, minDiscount, optionExercisableDate, optionPrice, optionShares, type DiscountType } from "../engine/options";
import { dateArg, lift, numberArg, numberResult, optionalChoiceArg, serialResult } from "./args";

const DISCOUNT_TYPES: Record<string, DiscountType> = { fraction: "fraction", percent: "fraction", "%": "fraction", dollars: "dollars", $: "dollars" };

function discountTypeArg(value: unknown): DiscountType {
  return optionalChoiceArg("discountType", value, DISCOUNT_TYPES, "fraction");
}

/**
 * The smallest discount §5.1 allows at this fair market value, dollars per share: 10% of a price at or below $10.00, else $1.00.
 * @customfunction MIN_DISCOUNT
 * @param fmv Fair market value per share, or a column of them.
 * @returns Dollars per share, one per row.
 */
export function minDiscountFn(fmv: unknown[][]): unknown[][] {
  return lift({ fmv }, (x) => numberResult(minDiscount(numberArg("fmv", x.fmv))));
}

/**
 * The largest discount §5.1 allows: 50% of the fair market value, dollars per share.
 * @customfunction MAX_DISCOUNT
 * @param fmv Fair market value per share, or a column of them.
 * @returns Dollars per share, one per row.
 */
export function maxDiscountFn(fmv: unknown[][]): unknown[][] {
  return lift({ fmv }, (x) => numberResult(maxDiscount(numberArg("fmv", x.fmv))));
}

/**
 * The option exercise price: fmv less the discount per share, to 4 decimals (§5.1, §5.4).
 * @customfunction OPTION_PRICE
 * @param fmv Fair market value per share on the determination date, or a column of them.
 * @param discount The discount: a fraction of fmv (15%), or dollars per share when discountType is "dollars".
 * @param [discountType] "fraction" (default) or "dollars".
 * @returns Dollars per share, one per row.
 */
export function optionPriceFn(fmv: unknown[][], discount: unknown[][], discountType?: unknown[][]): unknown[][] {
  return lift({ fmv, discount, discountType }, (x) =>
    numberResult(optionPrice(numberArg("fmv", x.fmv), numberArg("discount", x.discount), discountTypeArg(x.discountType))),
  );
}

/**
 * Whole option shares for an amount allocated: amount / discount per share, rounded down (§5.4: $1,000 at $1.00 with 15% is 6,666).
 * @customfunction OPTION_SHARES
 * @param amount Dollars allocated to options, or a column of amounts.
 * @param fmv Fair market value per share on the determination date.
 * @param discount A fraction of fmv, or dollars per share when discountType is "dollars".
 * @param [discountType] "fraction" (default) or "dollars".
 * @returns Whole shares, one per row.
 */
export function optionSharesFn(amount: unknown[][], fmv: unknown[][], discount: unknown[][], discountType?: unknown[][]): unknown[][] {
  return lift({ amount, fmv, discount, discountType }, (x) =>
    numberResult(optionShares(numberArg("amount", x.amount), numberArg("fmv", x.fmv), numberArg("discount", x.discount), discountTypeArg(x.discountType))),
  );
}

/**
 * When an option becomes exercisable: the later of six months after the grant and January 1 of the next year (§7.2(c)(ii)).
 * @customfunction OPTION_EXERCISABLE_DATE
 * @param grantDate The grant date, or a column of them.
 * @returns A date serial, one per date.
 */
export function optionExercisableDateFn(grantDate: unknown[][]): unknown[][] {
  return lift({ grantDate }, (x) => serialResult(optionExercisableDate(dateArg("grantDate", x.grantDate))));
}
