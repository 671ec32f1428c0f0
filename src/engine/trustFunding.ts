/**
 * What a Change in Control asks of the Trust (PAYOUT.md §9): the Accounts'
 * value at its close, the shortfall the Participating Employers fund within
 * thirty days and each one's share (§13.4(b)), and the units credited to
 * accounts under the Trust (§8.1(f)).
 */
import { participantKey } from "./accounts";
import { businessDayOnOrBefore } from "./calendar";
import { requireNonNegative } from "./checks";
import { TRUST_FUNDING_DAYS } from "./constants";
import { addDays, type IsoDate } from "./dates";
import { type Decimal, roundCents, ZERO } from "./decimal";
import type { Holding as AccountHolding } from "./payout";
import type { PriceTable } from "./prices";

/** One line of the `Holdings` sheet (a payout's holding, engine/payout.ts) with its participant. */
export interface Holding extends AccountHolding {
  participant: string;
}

export interface TrustFunding {
  /** The last Business Day on or before the Change in Control, whose close values the units (P-R6). */
  fmvDate: IsoDate;
  fmv: Decimal;
  aggregateValue: Decimal;
  trustAssets: Decimal;
  shortfall: Decimal;
  /** Undefined when there is no Trust to fund. */
  fundingDeadline?: IsoDate;
  byEmployer: Record<string, { accountValue: Decimal; contribution: Decimal }>;
  trustEstablished: boolean;
  /** Per participant, the DCA, CMSA and CSA units credited under the Trust; undefined without a Trust. */
  unitsToTrust?: Record<string, Decimal>;
}

/**
 * A holding's value at `fmv` in cents, a row at a time (PAYOUT.md §9): units × FMV; the Investment Account is
 * dollars already, rounded to the cent as a payout pays it (§7.2(b)), so the shortfall and its split stay in cents.
 */
export function holdingValue(holding: Holding, fmv: Decimal): Decimal {
  return roundCents(holding.account === "IA" ? holding.quantity : holding.quantity.times(fmv));
}

/**
 * `total` in cents split in proportion to `weights`: each share rounded down
 * to the cent, the cents left over going one each to the largest remainders,
 * ties to the name first in order (P-R26). The shares always add up to
 * `total`; all weights zero gives every name zero.
 * @example splitByLargestRemainder(new Decimal("100"), { A: 1, B: 1, C: 1 }) // A 33.34, B 33.33, C 33.33
 */
export function splitByLargestRemainder(total: Decimal, weights: Record<string, Decimal>): Record<string, Decimal> {
  const names = Object.keys(weights).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const sum = names.reduce((s, name) => s.plus(weights[name]), ZERO);
  const shares: Record<string, Decimal> = {};
  if (sum.isZero()) {
    for (const name of names) shares[name] = ZERO;
    return shares;
  }
  const cents = total.times(100);
  const exact = names.map((name) => ({ name, exact: cents.times(weights[name]).dividedBy(sum) }));
  for (const { name, exact: e } of exact) shares[name] = e.floor();
  let left = cents.minus(exact.reduce((s, { name }) => s.plus(shares[name]), ZERO)).toNumber();
  const byRemainder = [...exact].sort((a, b) => b.exact.minus(b.exact.floor()).comparedTo(a.exact.minus(a.exact.floor())) || (a.name < b.name ? -1 : 1));
  for (const { name } of byRemainder) {
    if (left <= 0) break;
    shares[name] = shares[name].plus(1);
    left--;
  }
  for (const name of names) shares[name] = shares[name].dividedBy(100);
  return shares;
}

/**
 * §13.4(b): value the Accounts "as of the close of business on the date of a
 * Change in Control" at the fair market value (the last Business Day's close
 * on or before it, through the price table's one rule), take the excess over
 * the Trust's assets, and split it among the Participating Employers by
 * their Accounts' value (P-R26), due within thirty days. With a Trust,
 * §8.1(f) credits each participant's DCA, CMSA and CSA units to accounts
 * under it; the plan Accounts keep their units (§8.2). Without one there is
 * nothing to fund: §13.4(a) lets the Company establish a Trust, it need not.
 */
export function trustFunding(
  holdings: readonly Holding[],
  prices: PriceTable,
  cicDate: IsoDate,
  trustAssets: Decimal,
  trustEstablished: boolean,
): TrustFunding {
  requireNonNegative(trustAssets, "trustAssets");
  const fmv = prices.fairMarketValue(cicDate);
  const values: Record<string, Decimal> = {};
  let aggregateValue = ZERO;
  const units: Record<string, Decimal> = {};
  // A participant is one person however the rows spell the name (case, spaces): listed as the first row spells it.
  const names = new Map<string, string>();
  for (const holding of holdings) {
    requireNonNegative(holding.quantity, `${holding.participant} ${holding.account}`);
    const value = holdingValue(holding, fmv);
    aggregateValue = aggregateValue.plus(value);
    values[holding.employer] = (values[holding.employer] ?? ZERO).plus(value);
    if (holding.account === "IA") continue;
    const key = participantKey(holding.participant);
    if (!names.has(key)) names.set(key, holding.participant.trim());
    const name = names.get(key) as string;
    units[name] = (units[name] ?? ZERO).plus(holding.quantity);
  }
  const excess = aggregateValue.minus(trustAssets);
  const shortfall = trustEstablished && excess.isPositive() && !excess.isZero() ? excess : ZERO;
  const contributions = splitByLargestRemainder(shortfall, values);
  const byEmployer: TrustFunding["byEmployer"] = {};
  for (const employer of Object.keys(contributions)) byEmployer[employer] = { accountValue: values[employer], contribution: contributions[employer] };
  return {
    fmvDate: businessDayOnOrBefore(cicDate),
    fmv,
    aggregateValue,
    trustAssets,
    shortfall,
    fundingDeadline: trustEstablished ? addDays(cicDate, TRUST_FUNDING_DAYS) : undefined,
    byEmployer,
    trustEstablished,
    unitsToTrust: trustEstablished ? units : undefined,
  };
}
