import { flowsFromCells, primeRatesFromCells } from "../cells/ranges";
import { investmentBalance, investmentInterest } from "../engine/investment";
import { dateArg, lift, numberArg, numberResult, tableArg } from "./args";

/**
 * Interest credited at the close of the quarter: average daily balance × annualRate / 4, in cents (§5.2(b)).
 * @customfunction INVESTMENT_INTEREST
 * @param flows A 2-column range [date, amount]: credits positive, allocations out negative; must already hold earlier quarters' interest.
 * @param quarterDate A date in the quarter, or a column of them.
 * @param annualRate The prime rate quoted at the beginning of the quarter, e.g. 4.75%.
 * @returns Dollars, in cents, one per row.
 */
export function investmentInterestFn(flows: unknown[][], quarterDate: unknown[][], annualRate: unknown[][]): unknown[][] {
  const flowTable = tableArg(() => flowsFromCells(flows));
  return lift({ quarterDate, annualRate }, (x) =>
    numberResult(investmentInterest(flowTable(), dateArg("quarterDate", x.quarterDate), numberArg("annualRate", x.annualRate))),
  );
}

/**
 * The Investment Account balance at the close of asOfDate, crediting each quarter's interest at the prime rate quoted at its beginning (§5.2(b)).
 * @customfunction INVESTMENT_BALANCE
 * @param flows A 2-column range [date, amount].
 * @param primeRates A 2-column range [date, annual rate].
 * @param asOfDate The valuation date, or a column of them.
 * @returns Dollars, one per date.
 */
export function investmentBalanceFn(flows: unknown[][], primeRates: unknown[][], asOfDate: unknown[][]): unknown[][] {
  const flowTable = tableArg(() => flowsFromCells(flows));
  const rateTable = tableArg(() => primeRatesFromCells(primeRates));
  return lift({ asOfDate }, (x) => numberResult(investmentBalance(flowTable(), rateTable(), dateArg("asOfDate", x.asOfDate))));
}
