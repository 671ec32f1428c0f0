import {
  distributableEvent,
  distributionDate,
  earliestElectedDistribution,
  nonparticipationEnd,
  stockAccountReleaseDate,
  withdrawalPenalty,
  withholdCash,
  withholdShares,
} from "../engine/distribution";
import { dateArg, excel, numberArg, numberResult, optionalDateArg, serialResult } from "./args";

/**
 * The first distributable event to occur (§7.1); blank (or 0) dates have not occurred.
 * @customfunction DISTRIBUTABLE_EVENT
 * @param disability Date of Disability (§7.1(a)), or blank.
 * @param death Date of death (§7.1(b)), or blank.
 * @param separation First day no longer an employee: the day after the last day worked (§7.1(c)), or blank.
 * @param planTermination Date the plan terminates (§7.1(d)), or blank.
 * @param causeTermination Date of termination for cause (§7.1(e)), or blank.
 * @param electedDate The elected distribution date (§7.1(f)), or blank.
 * @returns A date serial; #N/A if all are blank.
 */
export function distributableEventFn(disability: any, death: any, separation: any, planTermination: any, causeTermination: any, electedDate: any): number {
  return excel(() =>
    serialResult(
      distributableEvent({
        disability: optionalDateArg("disability", disability),
        death: optionalDateArg("death", death),
        separation: optionalDateArg("separation", separation),
        planTermination: optionalDateArg("planTermination", planTermination),
        causeTermination: optionalDateArg("causeTermination", causeTermination),
        electedDate: optionalDateArg("electedDate", electedDate),
      }),
    ),
  );
}

/**
 * The distribution date: the first day of the second calendar month after the event's month (§7.2(a)); 2003-03-15 → 2003-05-01.
 * @customfunction DISTRIBUTION_DATE
 * @param eventDate The distributable event's date.
 * @returns A date serial.
 */
export function distributionDateFn(eventDate: any): number {
  return excel(() => serialResult(distributionDate(dateArg("eventDate", eventDate))));
}

/**
 * The earliest distribution date an election may name: thirteen months after it takes effect (§7.1(f)).
 * @customfunction EARLIEST_ELECTED_DISTRIBUTION
 * @param electionEffectiveDate The election's effective date.
 * @returns A date serial.
 */
export function earliestElectedDistributionFn(electionEffectiveDate: any): number {
  return excel(() => serialResult(earliestElectedDistribution(dateArg("electionEffectiveDate", electionEffectiveDate))));
}

/**
 * The earliest elected distribution of Company Stock Account amounts: the later of six months after the allocation and January 1 of the next year (§7.1(f)).
 * @customfunction STOCK_ACCOUNT_RELEASE_DATE
 * @param allocationDate The allocation date.
 * @returns A date serial.
 */
export function stockAccountReleaseDateFn(allocationDate: any): number {
  return excel(() => serialResult(stockAccountReleaseDate(dateArg("allocationDate", allocationDate))));
}

/**
 * The 10% penalty on an early withdrawal of accountValue × fraction, in cents (§7.3).
 * @customfunction WITHDRAWAL_PENALTY
 * @param accountValue Aggregate account value, without Art. V benefits.
 * @param fraction 25%, 50%, 75% or 100%.
 * @returns Dollars, in cents.
 */
export function withdrawalPenaltyFn(accountValue: number, fraction: number): number {
  return excel(() => numberResult(withdrawalPenalty(numberArg("accountValue", accountValue), numberArg("fraction", fraction))));
}

/**
 * The first day credits may resume after an early withdrawal: six months per 25% withdrawn after approval (§7.3).
 * @customfunction NONPARTICIPATION_END
 * @param approvalDate The day the Committee approved the withdrawal.
 * @param fraction 25%, 50%, 75% or 100%.
 * @returns A date serial.
 */
export function nonparticipationEndFn(approvalDate: any, fraction: number): number {
  return excel(() => serialResult(nonparticipationEnd(dateArg("approvalDate", approvalDate), numberArg("fraction", fraction))));
}

/**
 * Whole shares withheld to cover a tax amount at the fair market value: rounded up (§10.2).
 * @customfunction WITHHOLD_SHARES
 * @param taxAmount Taxes to withhold, dollars.
 * @param fmv Fair market value per share on the distribution (or exercise) date.
 * @returns Whole shares.
 */
export function withholdSharesFn(taxAmount: number, fmv: number): number {
  return excel(() => numberResult(withholdShares(numberArg("taxAmount", taxAmount), numberArg("fmv", fmv))));
}

/**
 * Cash paid to the participant for the rest of the last withheld share: shares withheld × fmv − taxAmount, in cents (§10.2).
 * @customfunction WITHHOLD_CASH
 * @param taxAmount Taxes to withhold, dollars.
 * @param fmv Fair market value per share.
 * @returns Dollars, in cents.
 */
export function withholdCashFn(taxAmount: number, fmv: number): number {
  return excel(() => numberResult(withholdCash(numberArg("taxAmount", taxAmount), numberArg("fmv", fmv))));
}
