import {
  distributableEvent,
  distributionDate,
  earliestElectedDistribution,
  nonparticipationEnd,
  stockAccountReleaseDate,
  withdrawalPenalty,
  withholdCash,
  withholdShares,
} from "../engine/distributionTerms";
import { dateArg, lift, numberArg, numberResult, optionalDateArg, serialResult } from "./args";

/**
 * The first distributable event to occur (§7.1); blank (or 0) dates have not occurred.
 * @customfunction DISTRIBUTABLE_EVENT
 * @param disability Date of Disability (§7.1(a)), or blank; or a column of them.
 * @param death Date of death (§7.1(b)), or blank.
 * @param separation First day no longer an employee: the day after the last day worked (§7.1(c)), or blank.
 * @param planTermination Date the plan terminates (§7.1(d)), or blank.
 * @param causeTermination Date of termination for cause (§7.1(e)), or blank.
 * @param electedDate The elected distribution date (§7.1(f)), or blank.
 * @returns A date serial, one per row; #N/A if all are blank.
 */
export function distributableEventFn(
  disability: unknown[][],
  death: unknown[][],
  separation: unknown[][],
  planTermination: unknown[][],
  causeTermination: unknown[][],
  electedDate: unknown[][],
): unknown[][] {
  return lift({ disability, death, separation, planTermination, causeTermination, electedDate }, (x) =>
    serialResult(
      distributableEvent({
        disability: optionalDateArg("disability", x.disability),
        death: optionalDateArg("death", x.death),
        separation: optionalDateArg("separation", x.separation),
        planTermination: optionalDateArg("planTermination", x.planTermination),
        causeTermination: optionalDateArg("causeTermination", x.causeTermination),
        electedDate: optionalDateArg("electedDate", x.electedDate),
      }),
    ),
  );
}

/**
 * The distribution date: the first day of the second calendar month after the event's month (§7.2(a)); 2003-03-15 → 2003-05-01.
 * @customfunction DISTRIBUTION_DATE
 * @param eventDate The distributable event's date, or a column of them.
 * @returns A date serial, one per date.
 */
export function distributionDateFn(eventDate: unknown[][]): unknown[][] {
  return lift({ eventDate }, (x) => serialResult(distributionDate(dateArg("eventDate", x.eventDate))));
}

/**
 * The earliest distribution date an election may name: thirteen months after it takes effect (§7.1(f)).
 * @customfunction EARLIEST_ELECTED_DISTRIBUTION
 * @param electionEffectiveDate The election's effective date, or a column of them.
 * @returns A date serial, one per date.
 */
export function earliestElectedDistributionFn(electionEffectiveDate: unknown[][]): unknown[][] {
  return lift({ electionEffectiveDate }, (x) => serialResult(earliestElectedDistribution(dateArg("electionEffectiveDate", x.electionEffectiveDate))));
}

/**
 * The earliest elected distribution of Company Stock Account amounts: the later of six months after the allocation and January 1 of the next year (§7.1(f)).
 * @customfunction STOCK_ACCOUNT_RELEASE_DATE
 * @param allocationDate The allocation date, or a column of them.
 * @returns A date serial, one per date.
 */
export function stockAccountReleaseDateFn(allocationDate: unknown[][]): unknown[][] {
  return lift({ allocationDate }, (x) => serialResult(stockAccountReleaseDate(dateArg("allocationDate", x.allocationDate))));
}

/**
 * The 10% penalty on an early withdrawal of accountValue × fraction, in cents (§7.3).
 * @customfunction WITHDRAWAL_PENALTY
 * @param accountValue Aggregate account value, without Art. V benefits; or a column of them.
 * @param fraction 25%, 50%, 75% or 100%.
 * @returns Dollars, in cents, one per row.
 */
export function withdrawalPenaltyFn(accountValue: unknown[][], fraction: unknown[][]): unknown[][] {
  return lift({ accountValue, fraction }, (x) => numberResult(withdrawalPenalty(numberArg("accountValue", x.accountValue), numberArg("fraction", x.fraction))));
}

/**
 * The first day credits may resume after an early withdrawal: six months per 25% withdrawn after approval (§7.3).
 * @customfunction NONPARTICIPATION_END
 * @param approvalDate The day the Committee approved the withdrawal, or a column of them.
 * @param fraction 25%, 50%, 75% or 100%.
 * @returns A date serial, one per row.
 */
export function nonparticipationEndFn(approvalDate: unknown[][], fraction: unknown[][]): unknown[][] {
  return lift({ approvalDate, fraction }, (x) => serialResult(nonparticipationEnd(dateArg("approvalDate", x.approvalDate), numberArg("fraction", x.fraction))));
}

/**
 * Whole shares withheld to cover a tax amount at the fair market value: rounded up (§10.2).
 * @customfunction WITHHOLD_SHARES
 * @param taxAmount Taxes to withhold, dollars; or a column of them.
 * @param fmv Fair market value per share on the distribution (or exercise) date.
 * @returns Whole shares, one per row.
 */
export function withholdSharesFn(taxAmount: unknown[][], fmv: unknown[][]): unknown[][] {
  return lift({ taxAmount, fmv }, (x) => numberResult(withholdShares(numberArg("taxAmount", x.taxAmount), numberArg("fmv", x.fmv))));
}

/**
 * Cash paid to the participant for the rest of the last withheld share: shares withheld × fmv − taxAmount, in cents (§10.2).
 * @customfunction WITHHOLD_CASH
 * @param taxAmount Taxes to withhold, dollars; or a column of them.
 * @param fmv Fair market value per share.
 * @returns Dollars, in cents, one per row.
 */
export function withholdCashFn(taxAmount: unknown[][], fmv: unknown[][]): unknown[][] {
  return lift({ taxAmount, fmv }, (x) => numberResult(withholdCash(numberArg("taxAmount", x.taxAmount), numberArg("fmv", x.fmv))));
}
