import type { IsoDate } from "../engine/dates";
import { Decimal } from "../engine/decimal";
import { RETENTION_LATE_INTEREST_RATE } from "../engine/constants";
import { lateInterest, retentionSchedule } from "../engine/retention";
import { choiceArg, dateArg, defaultedNumberArg, excel, lift, numberArg, numberResult, optionalChoiceArg, optionalDateArg, serialResult } from "./args";

type TerminationType = "without cause" | "cause" | "voluntary" | "death" | "disability";

const TERMINATION_TYPES: Record<string, TerminationType> = {
  "without cause": "without cause",
  cause: "cause",
  voluntary: "voluntary",
  death: "death",
  disability: "disability",
};

/**
 * Whether a termination accelerates the later installment (¶3). The type is
 * required with a termination date: a typo or a blank must never forfeit
 * $132,000 silently, so only the five words count.
 */
function isWithoutCause(terminationDate: IsoDate | undefined, terminationType: unknown): boolean {
  const type =
    terminationDate === undefined
      ? optionalChoiceArg("terminationType", terminationType, TERMINATION_TYPES)
      : choiceArg("terminationType", terminationType, TERMINATION_TYPES);
  return type === "without cause";
}

/**
 * The retention installments ($66,000 on 2002-06-30, $132,000 on 2002-12-31) as a 2×4 spill: [due date, amount, payment deadline, status] (agreement ¶2, ¶3).
 * @customfunction RETENTION_SCHEDULE
 * @param [terminationDate] The termination date, or blank.
 * @param [terminationType] With a termination date: "without cause" (involuntary, without cause), "cause", "voluntary", "death" or "disability".
 * @param [changeInControlDate] The date of a Change in Control, or blank.
 * @returns Two rows of [due date, amount, payment deadline, status]; status is due, accelerated or forfeited.
 */
export function retentionScheduleFn(terminationDate?: unknown, terminationType?: unknown, changeInControlDate?: unknown): unknown[][] {
  return excel(() => {
    const terminated = optionalDateArg("terminationDate", terminationDate);
    return retentionSchedule({
      terminationDate: terminated,
      withoutCause: isWithoutCause(terminated, terminationType),
      changeInControlDate: optionalDateArg("changeInControlDate", changeInControlDate),
    }).map((installment) => [
      serialResult(installment.dueDate),
      numberResult(installment.amount),
      installment.paymentDeadline === undefined ? "" : serialResult(installment.paymentDeadline),
      installment.status,
    ]);
  });
}

/**
 * Simple interest at 10% a year (actual/365) for each day a retention payment is late past its deadline (due date + 3 Business Days), in cents (agreement ¶3).
 * @customfunction LATE_INTEREST
 * @param amount The unpaid amount, or a column of amounts.
 * @param dueDate The due date (column 1 of RETENTION_SCHEDULE).
 * @param paidDate The day it was paid.
 * @param [annualRate] The interest rate (default 10%, also for an empty cell).
 * @returns Dollars, in cents, one per row; 0 if paid by the deadline.
 */
export function lateInterestFn(amount: unknown[][], dueDate: unknown[][], paidDate: unknown[][], annualRate?: unknown[][]): unknown[][] {
  return lift({ amount, dueDate, paidDate, annualRate }, (x) =>
    numberResult(
      lateInterest(
        numberArg("amount", x.amount),
        dateArg("dueDate", x.dueDate),
        dateArg("paidDate", x.paidDate),
        defaultedNumberArg("annualRate", x.annualRate, new Decimal(RETENTION_LATE_INTEREST_RATE)),
      ),
    ),
  );
}
