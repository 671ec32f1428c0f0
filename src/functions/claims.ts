import { pricesFromCells } from "../cells/ranges";
import { isBlankOrZero } from "../cells/values";
import { changeInControl } from "../engine/changeInControl";
import { claimDeadlines, type ClaimDeadlines } from "../engine/claims";
import { Decimal } from "../engine/decimal";
import { invalidValue, notAvailable } from "../engine/errors";
import { trustFunding } from "../engine/trustFunding";
import { readCicEvents, CIC_RULES } from "../sheets/changeInControl";
import type { SheetGrid } from "../sheets/grid";
import { readHoldings } from "../sheets/payouts";
import type { TableRead } from "../sheets/records";
import { dateArg, excel, numberArg, numberResult, optionalDateArg, serialResult } from "./args";

/** A table argument read as its sheet is (PAYOUT.md §1: `[#All]`, the header row naming the columns); an error row is the formula's error. */
function tableRange<R>(name: string, range: unknown, read: (grid: SheetGrid) => TableRead<R>): R[] {
  if (!Array.isArray(range) || range.every((row) => Array.isArray(row) && row.every(isBlankOrZero))) {
    throw invalidValue(`${name} must be a range whose first row names its columns (PAYOUT.md §1)`);
  }
  const result = read({ sheet: name, values: range as unknown[][], firstRow: 1, firstColumn: 0 });
  if (result.unusable) throw invalidValue(result.unusable);
  const error = result.findings.find((f) => f.severity === "error");
  if (error) throw invalidValue(`${name} row ${error.row}: ${error.message}`);
  return result.records;
}

/** A Y/N argument: blank is `fallback`. */
function flagArg(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null || value === "") return fallback;
  if (value === true || value === 1 || (typeof value === "string" && /^(y|yes|true|1)$/i.test(value.trim()))) return true;
  if (value === false || value === 0 || (typeof value === "string" && /^(n|no|false|0)$/i.test(value.trim()))) return false;
  throw invalidValue(`${name} ${String(value)} must be Y or N`);
}

const LABELS: Array<[keyof ClaimDeadlines, string]> = [
  ["knowledgeDate", "Knowledge date"],
  ["claimDeadline", "Claim deadline"],
  ["claimTimely", "Claim timely"],
  ["decisionDue", "Decision due"],
  ["reviewRequestDeadline", "Review request deadline"],
  ["reviewTimely", "Review timely"],
  ["reviewDecisionDue", "Review decision due"],
  ["deemedDenied", "Deemed denied"],
  ["exhausted", "Exhausted"],
  ["suitFrom", "Suit from"],
  ["suitLastDay", "Suit last day"],
  ["suitWindowOpen", "Suit window open"],
];

/**
 * Every §12.3 date and flag of a claim (PAYOUT.md §8), as a two-column spill [label, value].
 * @customfunction CLAIM_DEADLINES
 * @param filed When the claim was filed (§12.3(a)(i)).
 * @param knew When the claimant knew the principal facts (§12.3(f)).
 * @param [participantKnew] For a beneficiary: when the Participant knew them (§12.3(i)).
 * @param [disability] Y for a claim of Disability (§12.3(d)).
 * @param [extension1] Date of the first extension notice.
 * @param [extension2] Date of the second extension notice.
 * @param [denialReceived] When the claimant received the denial.
 * @param [reviewRequested] When review was requested.
 * @param [reviewExtension] Date of the review extension notice.
 * @param [reviewDecision] When the decision on review was furnished.
 * @returns Twelve rows [label, value]; a step not reached is blank.
 */
export function claimDeadlinesFn(
  filed: unknown,
  knew: unknown,
  participantKnew?: unknown,
  disability?: unknown,
  extension1?: unknown,
  extension2?: unknown,
  denialReceived?: unknown,
  reviewRequested?: unknown,
  reviewExtension?: unknown,
  reviewDecision?: unknown,
): unknown[][] {
  return excel(() => {
    const result = claimDeadlines({
      filed: dateArg("filed", filed),
      knew: dateArg("knew", knew),
      participantKnew: optionalDateArg("participantKnew", participantKnew),
      disability: flagArg("disability", disability, false),
      extension1Notice: optionalDateArg("extension1", extension1),
      extension2Notice: optionalDateArg("extension2", extension2),
      denialReceived: optionalDateArg("denialReceived", denialReceived),
      reviewRequested: optionalDateArg("reviewRequested", reviewRequested),
      reviewExtensionNotice: optionalDateArg("reviewExtension", reviewExtension),
      reviewDecision: optionalDateArg("reviewDecision", reviewDecision),
    });
    return LABELS.map(([key, label]) => {
      const value = result[key];
      return [label, value === undefined ? "" : typeof value === "boolean" ? value : serialResult(value, label)];
    });
  });
}

/**
 * The Change in Control: the first date a row of the events meets a §1.1(e) test.
 * @customfunction CIC_DATE
 * @param cicEvents The CIC Events table with its header row (PAYOUT.md §1).
 * @returns The date as a serial; #N/A when no event meets a test.
 */
export function cicDateFn(cicEvents: unknown[][]): number {
  return excel(() => {
    const cic = changeInControl(tableRange("cicEvents", cicEvents, readCicEvents));
    if (!cic) throw notAvailable("no event meets a §1.1(e) test: there is no Change in Control");
    return serialResult(cic.date);
  });
}

/**
 * The shortfall the Participating Employers fund within 30 days of a Change in Control (§13.4(b)).
 * @customfunction CIC_FUNDING
 * @param holdings The Holdings table with its header row (PAYOUT.md §1).
 * @param prices A 2-column range [date, close].
 * @param cicDate The Change in Control (CIC_DATE).
 * @param trustAssets The value of the Trust's assets at the close of that day.
 * @param [trustEstablished] N when no Trust is established (nothing to fund); default Y.
 * @returns Dollars, in cents; 0 when the Trust holds enough.
 */
export function cicFundingFn(holdings: unknown[][], prices: unknown[][], cicDate: unknown, trustAssets: unknown, trustEstablished?: unknown): number {
  return excel(() => {
    const rows = tableRange("holdings", holdings, (grid) =>
      readHoldings(grid, { unreadable: CIC_RULES.holdingUnreadable, ignored: CIC_RULES.holdingUnreadable }),
    );
    const assets = isBlankOrZero(trustAssets) ? new Decimal(0) : numberArg("trustAssets", trustAssets);
    return numberResult(
      trustFunding(rows, pricesFromCells(prices), dateArg("cicDate", cicDate), assets, flagArg("trustEstablished", trustEstablished, true)).shortfall,
    );
  });
}
