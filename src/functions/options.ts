import { maxDiscount, minDiscount, optionExercisableDate, optionPrice, optionShares, type DiscountType } from "../engine/options";
import { dateArg, excel, numberArg, numberResult, optionalChoiceArg, serialResult } from "./args";

const DISCOUNT_TYPES: Record<string, DiscountType> = { fraction: "fraction", percent: "fraction", "%": "fraction", dollars: "dollars", $: "dollars" };

function discountTypeArg(value: unknown): DiscountType {
  return optionalChoiceArg("discountType", value, DISCOUNT_TYPES, "fraction");
}

/**
 * The smallest discount §5.1 allows at this fair market value, dollars per share: 10% of a price at or below $10.00, else $1.00.
 * @customfunction MIN_DISCOUNT
 * @param fmv Fair market value per share.
 * @returns Dollars per share.
 */
export function minDiscountFn(fmv: number): number {
  return excel(() => numberResult(minDiscount(numberArg("fmv", fmv))));
}

/**
 * The largest discount §5.1 allows: 50% of the fair market value, dollars per share.
 * @customfunction MAX_DISCOUNT
 * @param fmv Fair market value per share.
 * @returns Dollars per share.
 */
export function maxDiscountFn(fmv: number): number {
  return excel(() => numberResult(maxDiscount(numberArg("fmv", fmv))));
}

/**
 * The option exercise price: fmv less the discount per share, to 4 decimals (§5.1, §5.4).
 * @customfunction OPTION_PRICE
 * @param fmv Fair market value per share on the determination date.
 * @param discount The discount: a fraction of fmv (15%), or dollars per share when discountType is "dollars".
 * @param [discountType] "fraction" (default) or "dollars".
 * @returns Dollars per share.
 */
export function optionPriceFn(fmv: number, discount: number, discountType?: string): number {
  return excel(() => numberResult(optionPrice(numberArg("fmv", fmv), numberArg("discount", discount), discountTypeArg(discountType))));
}

/**
 * Whole option shares for an amount allocated: amount / discount per share, rounded down (§5.4: $1,000 at $1.00 with 15% is 6,666).
 * @customfunction OPTION_SHARES
 * @param amount Dollars allocated to options.
 * @param fmv Fair market value per share on the determination date.
 * @param discount A fraction of fmv, or dollars per share when discountType is "dollars".
 * @param [discountType] "fraction" (default) or "dollars".
 * @returns Whole shares.
 */
export function optionSharesFn(amount: number, fmv: number, discount: number, discountType?: string): number {
  return excel(() =>
    numberResult(optionShares(numberArg("amount", amount), numberArg("fmv", fmv), numberArg("discount", discount), discountTypeArg(discountType))),
  );
}

/**
 * When an option becomes exercisable: the later of six months after the grant and January 1 of the next year (§7.2(c)(ii)).
 * @customfunction OPTION_EXERCISABLE_DATE
 * @param grantDate The grant date.
 * @returns A date serial.
 */
export function optionExercisableDateFn(grantDate: any): number {
  return excel(() => serialResult(optionExercisableDate(dateArg("grantDate", grantDate))));
}
