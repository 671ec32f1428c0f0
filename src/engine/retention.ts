/**
 * The retention agreement of November 6, 2001: two installments, paid within
 * three business days, forfeited or accelerated on termination or a Change in
 * Control, with interest when late (agreement ¶2, ¶3; readings 12, 13).
 */
import { businessDay } from "./calendar";
import { requireFraction, requireNonNegative } from "./checks";
import { DAYS_PER_YEAR, RETENTION_AGREEMENT_DATE, RETENTION_INSTALLMENTS, RETENTION_LATE_INTEREST_RATE, RETENTION_PAYMENT_BUSINESS_DAYS } from "./constants";
import { daysBetween, type IsoDate } from "./dates";
import { Decimal, roundCents, ZERO } from "./decimal";
import { invalidValue } from "./errors";

export type InstallmentStatus = "due" | "accelerated" | "forfeited";

export interface Installment {
  dueDate: IsoDate;
  amount: Decimal;
  /** The last day to pay without interest; undefined when forfeited. */
  paymentDeadline?: IsoDate;
  status: InstallmentStatus;
}

export interface RetentionCircumstances {
  terminationDate?: IsoDate;
  /** Involuntary termination by the Company without cause (¶3). */
  withoutCause?: boolean;
  changeInControlDate?: IsoDate;
}

/** The last day a payment due on `dueDate` may be made: three Business Days after it (¶3; reading 1). */
export function paymentDeadline(dueDate: IsoDate): IsoDate {
  return businessDay(dueDate, RETENTION_PAYMENT_BUSINESS_DAYS);
}

/**
 * Each installment's status. One dated on or before the earlier of termination
 * and Change in Control stays due; later ones are forfeited, unless the
 * termination was without cause and came before any Change in Control (a
 * termination on the day of one counts as after it): then they are
 * accelerated to the termination date.
 */
export function retentionSchedule({ terminationDate, withoutCause = false, changeInControlDate }: RetentionCircumstances = {}): Installment[] {
  // A termination or Change in Control before the agreement was made is a mistyped date, never grounds to accelerate or forfeit (¶1).
  for (const [what, date] of [
    ["terminationDate", terminationDate],
    ["changeInControlDate", changeInControlDate],
  ] as const) {
    if (date !== undefined && date < RETENTION_AGREEMENT_DATE) {
      throw invalidValue(`${what} ${date} is before the retention agreement, made and effective ${RETENTION_AGREEMENT_DATE} (agreement ¶1)`);
    }
  }
  const cutoffs = [terminationDate, changeInControlDate].filter((date): date is IsoDate => date !== undefined);
  const cutoff = cutoffs.length ? cutoffs.reduce((a, b) => (a < b ? a : b)) : undefined;
  const accelerates = terminationDate !== undefined && withoutCause && (changeInControlDate === undefined || terminationDate < changeInControlDate);

  return RETENTION_INSTALLMENTS.map(({ date, amount }) => {
    const base = { amount: new Decimal(amount) };
    if (cutoff === undefined || date <= cutoff) return { ...base, dueDate: date, paymentDeadline: paymentDeadline(date), status: "due" };
    if (accelerates && terminationDate !== undefined) {
      return { ...base, dueDate: terminationDate, paymentDeadline: paymentDeadline(terminationDate), status: "accelerated" };
    }
    return { ...base, dueDate: date, status: "forfeited" };
  });
}

/**
 * Simple interest (actual/365) on a late payment for each day after the
 * deadline through the day paid, in cents (¶3; reading 12).
 */
export function lateInterest(amount: Decimal, dueDate: IsoDate, paidDate: IsoDate, annualRate = new Decimal(RETENTION_LATE_INTEREST_RATE)): Decimal {
  requireNonNegative(amount, "amount");
  requireFraction(annualRate, "annualRate");
  const daysLate = daysBetween(paymentDeadline(dueDate), paidDate);
  if (daysLate <= 0) return ZERO;
  return roundCents(amount.times(annualRate).times(daysLate).dividedBy(DAYS_PER_YEAR));
}
