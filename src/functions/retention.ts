import { Decimal } from "../engine/decimal";
import { RETENTION_LATE_INTEREST_RATE } from "../engine/constants";
import { lateInterest, retentionSchedule } from "../engine/retention";
import { isBlankOrZero } from "../engine/tables";
import { invalidValue } from "../engine/errors";
import { dateArg, excel, numberArg, numberResult, optionalDateArg, optionalNumberArg, serialResult } from "./args";


function isWithoutCause(terminationType: unknown): boolean {
  if (isBlankOrZero(terminationType)) return false;
  if (typeof terminationType !== "string") throw invalidValue(`terminationType ${String(terminationType)} must be text such as "without cause" or "voluntary"`);
  return terminationType.trim().toLowerCase() === "without cause";
}

/**
 * The retention installments ($66,000 on 2002-06-30, $132,000 on 2002-12-31) as a 2×4 spill: [due date, amount, payment deadline, status] (agreement ¶2, ¶3).
 * @customfunction RETENTION_SCHEDULE
 * @param [terminationDate] The termination date, or blank.
 * @param [terminationType] "without cause" (involuntary), or another reason such as "cause", "voluntary", "death", "disability".
 * @param [changeInControlDate] The date of a Change in Control, or blank.
 * @returns Two rows of [due date, amount, payment deadline, status]; status is due, accelerated or forfeited.
 */
export function retentionScheduleFn(terminationDate?: any, terminationType?: any, changeInControlDate?: any): any[][] {
  return excel(() =>
    retentionSchedule({
      terminationDate: optionalDateArg("terminationDate", terminationDate),
      withoutCause: isWithoutCause(terminationType),
      changeInControlDate: optionalDateArg("changeInControlDate", changeInControlDate),
    }).map((installment) => [
      serialResult(installment.dueDate),
      numberResult(installment.amount),
      installment.paymentDeadline === undefined ? "" : serialResult(installment.paymentDeadline),
      installment.status,
    ]),
  );
}

/**
 * Simple interest at 10% a year (actual/365) for each day a retention payment is late past its deadline (due date + 3 Business Days), in cents (agreement ¶3).
 * @customfunction LATE_INTEREST
 * @param amount The unpaid amount.
 * @param dueDate The due date (column 1 of RETENTION_SCHEDULE).
 * @param paidDate The day it was paid.
 * @param [annualRate] The interest rate (default 10%).
 * @returns Dollars, in cents; 0 if paid by the deadline.
 */
export function lateInterestFn(amount: number, dueDate: any, paidDate: any, annualRate?: number): number {
  return excel(() =>
    numberResult(
      lateInterest(
        numberArg("amount", amount),
        dateArg("dueDate", dueDate),
        dateArg("paidDate", paidDate),
        optionalNumberArg("annualRate", annualRate, new Decimal(RETENTION_LATE_INTEREST_RATE)),
      ),
    ),
  );
}

