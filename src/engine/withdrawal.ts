/**
 * An early withdrawal (§7.3; PAYOUT.md §6): a 25% increment of the Accounts
 * other than the Article V benefits, valued on the approval date (P-R13),
 * less the 10% penalty, paid in whole shares with the rest of a share in
 * cash (P-R15), less §10.2 withholding, and six months out of the plan per
 * increment. The penalty, the increments and the nonparticipation come from
 * distributionTerms.ts (`withdrawalPenalty`, `nonparticipationEnd`).
 */
import { UNIT_ACCOUNTS } from "./accounts";
import { businessDayOnOrBefore } from "./calendar";
import { requireFraction } from "./checks";
import { DEFAULT_UNIT_PLACES } from "./constants";
import type { IsoDate } from "./dates";
import { roundCents, roundHalfUp, wholeDown, ZERO, type Decimal } from "./decimal";
import { nonparticipationEnd, withdrawalIncrements, withdrawalPenalty, withholdCash, withholdShares } from "./distributionTerms";
import { invalidField, PlanError } from "./errors";
import { zeroUnits, type Holding, type UnitAmounts } from "./payout";
import type { PriceTable } from "./prices";

export interface WithdrawalFacts {
  approvalDate: IsoDate;
  /** 25%, 50%, 75% or 100% (§7.3). */
  fraction: Decimal;
  /** The distribution date of an event that has occurred, if any: the withdrawal must be approved before it. */
  distributionDate?: IsoDate;
  /** That withdrawal's combined rate (§10.1); default 0. */
  taxRate?: Decimal;
}

/** What §7.3 leaves out: CSA units allocated from the IA and the IA itself (Art. V; P-R14). */
export interface ArticleVExclusion {
  csaUnits: Decimal;
  iaDollars: Decimal;
}

export interface WithdrawalBase {
  /** DCA, CMSA and the CSA's discretionary lots, in units. */
  units: UnitAmounts;
  excludedArticleV: ArticleVExclusion;
}

export interface Withdrawal {
  approvalDate: IsoDate;
  fmvDate: IsoDate;
  fmv: Decimal;
  unitsWithdrawn: UnitAmounts;
  /** Cents. */
  valueWithdrawn: Decimal;
  penalty: Decimal;
  netValue: Decimal;
  sharesDelivered: Decimal;
  taxOnShares: Decimal;
  withheldShares: Decimal;
  netShares: Decimal;
  /** The rest of a share (P-R15) and of the last withheld share, in cents. */
  fractionCash: Decimal;
  excludedArticleV: ArticleVExclusion;
  nonparticipationFrom: IsoDate;
  creditsResume: IsoDate;
}

/**
 * The units §7.3 may withdraw from (P-R14; RULES reading 18): DCA, CMSA and
 * CSA lots whose Source is `discretionary`. A CSA lot without a Source is
 * #VALUE!: which side of Article V it falls on decides the amount.
 */
export function withdrawalBase(holdings: readonly Holding[]): WithdrawalBase {
  const units = zeroUnits();
  const excludedArticleV: ArticleVExclusion = { csaUnits: ZERO, iaDollars: ZERO };
  for (const { account, quantity, lotSource } of holdings) {
    if (account === "IA") excludedArticleV.iaDollars = excludedArticleV.iaDollars.plus(quantity);
    else if (account !== "CSA" || lotSource === "discretionary") units[account] = units[account].plus(quantity);
    else if (lotSource === "allocation") excludedArticleV.csaUnits = excludedArticleV.csaUnits.plus(quantity);
    else {
      throw invalidField(
        "lotSource",
        `a Company Stock Account lot of ${quantity.toString()} units has no Source: a withdrawal takes "discretionary" lots (§4.4) and leaves "allocation" lots, Article V benefits (§7.3, P-R14)`,
      );
    }
  }
  return { units, excludedArticleV };
}

/** A PlanError about `field`, renamed onto it so a reader can place it, citing `section` when its message does not. */
function onField<T>(field: string, compute: () => T, section?: string): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof PlanError && !("field" in error)) throw invalidField(field, section ? `${error.message} (§${section})` : error.message);
    throw error;
  }
}

/**
 * Units withdrawn from each account: `fraction` × the units held, six decimals
 * half-up (§7.3; PAYOUT.md §6.3). The statement replay posts these on the
 * approval date; `units` are those held at the close of the day before.
 * @example unitsWithdrawn({ DCA: dec("100.000001"), CMSA: dec(0), CSA: dec(3) }, dec("0.25")) // DCA 25.000000, CSA 0.75
 */
export function unitsWithdrawn(units: UnitAmounts, fraction: Decimal): UnitAmounts {
  onField("fraction", () => withdrawalIncrements(fraction));
  const withdrawn = zeroUnits();
  for (const account of UNIT_ACCOUNTS) withdrawn[account] = roundHalfUp(units[account].times(fraction), DEFAULT_UNIT_PLACES);
  return withdrawn;
}

/**
 * The whole withdrawal (PAYOUT.md §6). Throws a FieldError (#VALUE!) for a
 * fraction that is not an increment, an approval on or after the
 * distribution date, a tax rate outside [0, 1]; #N/A for a missing price.
 * `earlier`: the units withdrawals approved before this one took out of the
 * same `holdings`, so a second withdrawal never takes them again.
 */
export function withdrawal(facts: WithdrawalFacts, holdings: readonly Holding[], prices: PriceTable, earlier: UnitAmounts = zeroUnits()): Withdrawal {
  const { approvalDate, fraction, distributionDate } = facts;
  onField("fraction", () => withdrawalIncrements(fraction));
  if (distributionDate !== undefined && approvalDate >= distributionDate) {
    throw invalidField(
      "approvalDate",
      `approvalDate ${approvalDate} is not before the distribution date ${distributionDate}: §7.3 allows a withdrawal only "prior to the distribution date"`,
    );
  }
  const rate = onField("taxRate", () => requireFraction(facts.taxRate ?? ZERO, "taxRate"), "10.1");
  const base = withdrawalBase(holdings);
  for (const account of UNIT_ACCOUNTS) base.units[account] = base.units[account].minus(earlier[account]);
  const fmv = prices.fairMarketValue(approvalDate);
  const withdrawn = unitsWithdrawn(base.units, fraction);
  const sum = (units: UnitAmounts) => UNIT_ACCOUNTS.reduce((total, account) => total.plus(units[account]), ZERO);
  const valueWithdrawn = roundCents(sum(withdrawn).times(fmv));
  const penalty = withdrawalPenalty(sum(base.units).times(fmv), fraction);
  const netValue = valueWithdrawn.minus(penalty);
  // P-R15: a partial payment rounded up could pass §6.2's cap, so shares round down and the rest of a share is cash.
  const sharesDelivered = wholeDown(netValue.dividedBy(fmv));
  const restOfShare = roundCents(netValue.minus(sharesDelivered.times(fmv)));
  const taxOnShares = roundCents(rate.times(roundCents(sharesDelivered.times(fmv))));
  let withheldShares = withholdShares(taxOnShares, fmv);
  let withheldCash: Decimal;
  if (withheldShares.greaterThan(sharesDelivered)) {
    // Rounding at 100%: every share is withheld and the rest of the tax comes from the cash.
    withheldShares = sharesDelivered;
    withheldCash = roundCents(sharesDelivered.times(fmv).minus(taxOnShares));
  } else {
    withheldCash = withholdCash(taxOnShares, fmv);
  }
  return {
    approvalDate,
    fmvDate: businessDayOnOrBefore(approvalDate),
    fmv,
    unitsWithdrawn: withdrawn,
    valueWithdrawn,
    penalty,
    netValue,
    sharesDelivered,
    taxOnShares,
    withheldShares,
    netShares: sharesDelivered.minus(withheldShares),
    fractionCash: restOfShare.plus(withheldCash),
    excludedArticleV: base.excludedArticleV,
    nonparticipationFrom: approvalDate,
    creditsResume: nonparticipationEnd(approvalDate, fraction),
  };
}
