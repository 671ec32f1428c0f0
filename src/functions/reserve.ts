import { ledgerFromCells } from "../cells/ranges";
import { SHARE_RESERVE } from "../engine/constants";
import { Decimal } from "../engine/decimal";
import { notAvailable, PlanError } from "../engine/errors";
import { reconcileReserve, reserveStatus, type LedgerEntry, type ReserveReconciliation } from "../engine/reserve";
import { defaultedNumberArg, lift, numberResult, optionalDateArg, serialResult, tableArg } from "./args";

/**
 * Reconciliations already run, per ledger reading and initial reserve: an
 * unchanged ledger hands back the same reading, so a column of dates, or a
 * sheet of formulas over one ledger, runs it once. A reconciliation holds a
 * line per ledger row, so only the last few reserves of each are kept.
 */
const reconciled = new WeakMap<readonly LedgerEntry[], Map<string, ReserveReconciliation | PlanError>>();
const RESERVES_KEPT = 4;

function reconcileOnce(entries: readonly LedgerEntry[], initialReserve: Decimal): ReserveReconciliation {
  let byReserve = reconciled.get(entries);
  if (!byReserve) reconciled.set(entries, (byReserve = new Map()));
  let result = byReserve.get(initialReserve.toString());
  if (result === undefined) {
    try {
      result = reconcileReserve(entries, initialReserve);
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      result = error;
    }
    byReserve.set(initialReserve.toString(), result);
    if (byReserve.size > RESERVES_KEPT) byReserve.delete(byReserve.keys().next().value as string);
  }
  if (result instanceof PlanError) throw result;
  return result;
}

/** The `ledger` range read once per call, reconciled against `initialReserve` (6,000,000 when blank or 0). */
function ledgerArg(ledger: unknown): (initialReserve?: unknown) => ReserveReconciliation {
  const entries = tableArg(() => ledgerFromCells(ledger));
  return (initialReserve) => reconcileOnce(entries(), defaultedNumberArg("initialReserve", initialReserve, new Decimal(SHARE_RESERVE)));
}

/**
 * Shares counted against the reserve through asOfDate, in post-split shares (§13.8).
 * @customfunction RESERVE_USED
 * @param ledger A 3-column range [date, kind, quantity]; kinds units, option, split, reserve.
 * @param [asOfDate] Count rows dated on or before this day (or each day of a column); blank counts every row.
 * @returns Shares, one per date.
 */
export function reserveUsed(ledger: unknown[][], asOfDate?: unknown[][]): unknown[][] {
  const reconcile = ledgerArg(ledger);
  return lift({ asOfDate }, (x) => numberResult(reserveStatus(reconcile(), optionalDateArg("asOfDate", x.asOfDate)).used));
}

/**
 * The reserve (6,000,000 adjusted by splits and reserve rows) less the shares counted; negative means over-issued (§13.8).
 * @customfunction RESERVE_REMAINING
 * @param ledger A 3-column range [date, kind, quantity].
 * @param [asOfDate] As of this day (or each day of a column); blank counts every row.
 * @param [initialReserve] The reserve before any row (default 6,000,000, also for an empty cell).
 * @returns Shares, one per date.
 */
export function reserveRemaining(ledger: unknown[][], asOfDate?: unknown[][], initialReserve?: unknown[][]): unknown[][] {
  const reconcile = ledgerArg(ledger);
  return lift({ asOfDate, initialReserve }, (x) => numberResult(reserveStatus(reconcile(x.initialReserve), optionalDateArg("asOfDate", x.asOfDate)).remaining));
}

/**
 * The first date on which the shares counted reach the reserve; after it §15.2 stops deferrals and §5.4(c) grants.
 * @customfunction RESERVE_EXHAUSTION_DATE
 * @param ledger A 3-column range [date, kind, quantity].
 * @param [initialReserve] The reserve before any row (default 6,000,000, also for an empty cell); or a column of them.
 * @returns A date serial, one per reserve; #N/A if the reserve is never used up.
 */
export function reserveExhaustionDate(ledger: unknown[][], initialReserve?: unknown[][]): unknown[][] {
  const reconcile = ledgerArg(ledger);
  return lift({ initialReserve }, (x) => {
    const { exhaustionDate } = reconcile(x.initialReserve);
    if (exhaustionDate === undefined) throw notAvailable("the ledger never uses up the reserve (§13.8)");
    return serialResult(exhaustionDate);
  });
}
