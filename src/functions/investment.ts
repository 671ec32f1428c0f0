import { flowsFromCells, investmentBalance, investmentInterest, primeRatesFromCells } from "../engine/investment";
import { dateArg, excel, numberArg, numberResult } from "./args";

/**
 * Interest credited at the close of the quarter: average daily balance × annualRate / 4, in cents (§5.2(b)).
 * @customfunction INVESTMENT_INTEREST
 * @param flows A 2-column range [date, amount]: credits positive, allocations out negative; must already hold earlier quarters' interest.
 * @param quarterDate A date in the quarter.
 * @param annualRate The prime rate quoted at the beginning of the quarter, e.g. 4.75%.
 * @returns Dollars, in cents.
 */
export function investmentInterestFn(flows: any[][], quarterDate: any, annualRate: number): number {
  return excel(() => numberResult(investmentInterest(flowsFromCells(flows), dateArg("quarterDate", quarterDate), numberArg("annualRate", annualRate))));
}

/**
 * The Investment Account balance at the close of asOfDate, crediting each quarter's interest at the prime rate quoted at its beginning (§5.2(b)).
 * @customfunction INVESTMENT_BALANCE
 * @param flows A 2-column range [date, amount].
 * @param primeRates A 2-column range [date, annual rate].
 * @param asOfDate The valuation date.
 * @returns Dollars.
 */
export function investmentBalanceFn(flows: any[][], primeRates: any[][], asOfDate: any): number {
  return excel(() => numberResult(investmentBalance(flowsFromCells(flows), primeRatesFromCells(primeRates), dateArg("asOfDate", asOfDate))));
}
