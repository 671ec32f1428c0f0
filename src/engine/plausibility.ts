/**
 * Values beyond what the plan could hold (issue 19): each bound is taken
 * from the plan (the §13.8 reserve, a share price, a split ratio), so a
 * typing slip such as 9.99e307 dollars or a split of 1e300 is a finding on
 * its cell rather than a 300-digit total. Each check returns why, or
 * undefined; the reader that finds it names the cell and leaves the row out.
 */
import { PLAUSIBLE_SHARE_PRICE, PLAUSIBLE_SPLIT_RATIO, SHARE_RESERVE } from "./constants";
import { Decimal } from "./decimal";
import { formatDollars, formatShares } from "./format";

const SHARE_PRICE = new Decimal(PLAUSIBLE_SHARE_PRICE);
const SPLIT_RATIO = new Decimal(PLAUSIBLE_SPLIT_RATIO);
/** The whole §13.8 reserve at the highest plausible share price: no one credit of dollars can be worth more. */
const LARGEST_AMOUNT = SHARE_PRICE.times(SHARE_RESERVE);

/** Dollars as a message writes them: exactly below a trillion, else in exponent form (never 300 digits). */
function dollars(value: Decimal): string {
  return value.abs().lessThan(1e15) ? formatDollars(value) : `$${value.toSignificantDigits(6).toString()}`;
}

/** A dollar amount credited on one row (§4.1, §5.3): more than the whole reserve is worth at $1,000 a share. */
export function implausibleAmount(amount: Decimal): string | undefined {
  if (amount.abs().lessThanOrEqualTo(LARGEST_AMOUNT)) return undefined;
  return `${dollars(amount)} is more than the whole §13.8 reserve of ${formatShares(SHARE_RESERVE)} shares is worth at ${formatDollars(SHARE_PRICE)} a share (${formatDollars(LARGEST_AMOUNT)}): the plan could not credit it`;
}

/** A price or dividend per share (§8.1(d), §5.1): more than $1,000 a share, a hundred times the $10.00 price §5.1 is written around. */
export function implausiblePerShare(perShare: Decimal): string | undefined {
  if (perShare.abs().lessThanOrEqualTo(SHARE_PRICE)) return undefined;
  return `${dollars(perShare)} a share is more than ${formatDollars(SHARE_PRICE)}, a hundred times the $10.00 price §5.1 is written around`;
}

/** A split of `newShares` for `oldShares` (§8.1(e), §13.8): beyond 1,000 to one either way. */
export function implausibleSplit(newShares: Decimal, oldShares: Decimal = new Decimal(1)): string | undefined {
  const ratio = newShares.dividedBy(oldShares);
  if (ratio.lessThanOrEqualTo(SPLIT_RATIO) && ratio.times(SPLIT_RATIO).greaterThanOrEqualTo(1)) return undefined;
  return `a split of ${ratio.toSignificantDigits(6).toString()} new shares per old share is beyond ${formatShares(SPLIT_RATIO)} to one either way`;
}

/** Shares moved by one ledger row (§13.8): more than the whole authorised reserve on its date. */
export function implausibleShares(quantity: Decimal, reserve: Decimal): string | undefined {
  if (quantity.abs().lessThanOrEqualTo(reserve)) return undefined;
  return `${formatShares(quantity)} shares is more than the whole §13.8 reserve on that date (${formatShares(reserve)} shares): no one row could count that many`;
}
