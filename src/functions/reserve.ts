import { SHARE_RESERVE } from "../engine/constants";
import { Decimal } from "../engine/decimal";
import { notAvailable } from "../engine/errors";
import { ledgerFromCells, reconcileReserve, reserveStatus, type ReserveReconciliation } from "../engine/reserve";
import { excel, numberResult, optionalDateArg, optionalNumberArg, serialResult } from "./args";

function reconcile(ledger: unknown, initialReserve?: unknown): ReserveReconciliation {
  return reconcileReserve(ledgerFromCells(ledger), optionalNumberArg("initialReserve", initialReserve, new Decimal(SHARE_RESERVE)));
}

/**
 * Shares counted against the reserve through asOfDate, in post-split shares (§13.8).
 * @customfunction RESERVE_USED
 * @param ledger A 3-column range [date, kind, quantity]; kinds units, option, split, reserve.
 * @param [asOfDate] Count rows dated on or before this day; blank counts every row.
 * @returns Shares.
 */
export function reserveUsed(ledger: any[][], asOfDate?: any): number {
  return excel(() => numberResult(reserveStatus(reconcile(ledger), optionalDateArg("asOfDate", asOfDate)).used));
}

/**
 * The reserve (6,000,000 adjusted by splits and reserve rows) less the shares counted; negative means over-issued (§13.8).
 * @customfunction RESERVE_REMAINING
 * @param ledger A 3-column range [date, kind, quantity].
 * @param [asOfDate] As of this day; blank counts every row.
 * @param [initialReserve] The reserve before any row (default 6,000,000).
 * @returns Shares.
 */
export function reserveRemaining(ledger: any[][], asOfDate?: any, initialReserve?: number): number {
  return excel(() => numberResult(reserveStatus(reconcile(ledger, initialReserve), optionalDateArg("asOfDate", asOfDate)).remaining));
}

/**
 * The first date on which the shares counted reach the reserve; after it §15.2 stops deferrals and §5.4(c) grants.
 * @customfunction RESERVE_EXHAUSTION_DATE
 * @param ledger A 3-column range [date, kind, quantity].
 * @param [initialReserve] The reserve before any row (default 6,000,000).
 * @returns A date serial; #N/A if the reserve is never used up.
 */
export function reserveExhaustionDate(ledger: any[][], initialReserve?: number): number {
  return excel(() => {
    const { exhaustionDate } = reconcile(ledger, initialReserve);
    if (exhaustionDate === undefined) throw notAvailable("the ledger never uses up the reserve (§13.8)");
    return serialResult(exhaustionDate);
  });
}
