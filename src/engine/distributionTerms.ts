/** The single terms of distributions (Art. VII): the event, the dates, early withdrawals (§7.3) and withholding (§10.2); engine/payout.ts computes a whole payout from them. */
import { requireNonNegative, requirePositive } from "./checks";
import {
  DISTRIBUTION_MONTHS_AFTER_EVENT,
  ELECTED_DISTRIBUTION_MONTHS,
  NONPARTICIPATION_MONTHS_PER_INCREMENT,
  WITHDRAWAL_INCREMENT,
  WITHDRAWAL_PENALTY_RATE,
} from "./constants";
import { addMonths, dateParts, isoDate, type IsoDate } from "./dates";
import { Decimal, roundCents, wholeUp } from "./decimal";
import { notAvailable, outOfRange } from "./errors";
import { formatPercent } from "./format";
import { holdingPeriodEnd } from "./options";

export interface DistributableEvents {
  disability?: IsoDate;
  death?: IsoDate;
  /** The first day the participant is no longer an employee: the day after the last day worked (§7.1(c); reading 15). */
  separation?: IsoDate;
  planTermination?: IsoDate;
  causeTermination?: IsoDate;
  electedDate?: IsoDate;
}

/** The first of the §7.1 events to occur. */
export function distributableEvent(events: DistributableEvents): IsoDate {
  const dates = Object.values(events).filter((date): date is IsoDate => date !== undefined);
  if (dates.length === 0) throw notAvailable("no distributable event has occurred: every date is blank (§7.1)");
  return dates.reduce((earliest, date) => (date < earliest ? date : earliest));
}

/**
 * The first day of the second calendar month after the event's month (§7.2(a)).
 * @example distributionDate("2003-03-15") // "2003-05-01"
 */
export function distributionDate(eventDate: IsoDate): IsoDate {
  const { year, month } = dateParts(eventDate);
  return addMonths(isoDate(year, month, 1), DISTRIBUTION_MONTHS_AFTER_EVENT);
}

/** The earliest date an elected distribution may name: thirteen months after the election takes effect (§7.1(f)). */
export function earliestElectedDistribution(electionEffectiveDate: IsoDate): IsoDate {
  return addMonths(electionEffectiveDate, ELECTED_DISTRIBUTION_MONTHS);
}

/** The earliest elected distribution of Company Stock Account amounts from §4.4 or Art. V (§7.1(f); reading 19). */
export function stockAccountReleaseDate(allocationDate: IsoDate): IsoDate {
  return holdingPeriodEnd(allocationDate);
}

/** The fractions §7.3 allows: every whole number of increments up to the whole account (25%, 50%, 75%, 100%). */
const WITHDRAWAL_FRACTIONS = Array.from({ length: new Decimal(1).dividedBy(WITHDRAWAL_INCREMENT).toNumber() }, (_, i) =>
  formatPercent(new Decimal(WITHDRAWAL_INCREMENT).times(i + 1)),
);

/** A withdrawal fraction must be a whole number of increments, at most the whole account (§7.3); returns how many. */
export function withdrawalIncrements(fraction: Decimal): number {
  const increments = fraction.dividedBy(WITHDRAWAL_INCREMENT);
  if (!increments.isInteger() || increments.lessThan(1) || increments.greaterThan(WITHDRAWAL_FRACTIONS.length)) {
    const allowed = `${WITHDRAWAL_FRACTIONS.slice(0, -1).join(", ")} or ${WITHDRAWAL_FRACTIONS[WITHDRAWAL_FRACTIONS.length - 1]}`;
    throw outOfRange(`fraction ${formatPercent(fraction)} is not a ${formatPercent(WITHDRAWAL_INCREMENT)} increment; withdraw ${allowed} (§7.3)`);
  }
  return increments.toNumber();
}

/** The 10% penalty on an early withdrawal of `fraction` of the account, in cents (§7.3; reading 18). */
export function withdrawalPenalty(accountValue: Decimal, fraction: Decimal): Decimal {
  requireNonNegative(accountValue, "accountValue");
  withdrawalIncrements(fraction);
  return roundCents(accountValue.times(fraction).times(WITHDRAWAL_PENALTY_RATE));
}

/**
 * The first day credits may resume after a withdrawal: six months per 25%
 * withdrawn (§7.3).
 * @example nonparticipationEnd("2003-01-15", dec(1)) // "2005-01-15": 100% → 24 months
 */
export function nonparticipationEnd(approvalDate: IsoDate, fraction: Decimal): IsoDate {
  return addMonths(approvalDate, withdrawalIncrements(fraction) * NONPARTICIPATION_MONTHS_PER_INCREMENT);
}

/** Whole shares withheld to cover `taxAmount` at `fmv`: rounded up (§10.2; reading 11). */
export function withholdShares(taxAmount: Decimal, fmv: Decimal): Decimal {
  requireNonNegative(taxAmount, "taxAmount");
  requirePositive(fmv, "fmv");
  return wholeUp(taxAmount.dividedBy(fmv));
}

/** The cash paid to the participant for the rest of the last withheld share, in cents (§10.2). */
export function withholdCash(taxAmount: Decimal, fmv: Decimal): Decimal {
  return roundCents(withholdShares(taxAmount, fmv).times(fmv).minus(taxAmount));
}
