import { pricesFromCells } from "../cells/ranges";
import { isBlankOrZero } from "../cells/values";
import { changeInControl } from "../engine/changeInControl";
import { claimDeadlines, outOfOrder, type Claim, type ClaimDeadlines } from "../engine/claims";
import { ZERO } from "../engine/decimal";
import { invalidValue, notAvailable } from "../engine/errors";
import { trustFunding } from "../engine/trustFunding";
import { readCicEvents, CIC_HOLDINGS_RULES } from "../sheets/changeInControl";
import type { SheetGrid } from "../sheets/grid";
import { readHoldings } from "../sheets/payouts";
import type { TableRead } from "../sheets/records";
import { readRange, throwErrors } from "./accounts";
import { dateArg, excel, flagArg, lift, numberArg, numberResult, optionalDateArg, serialResult, tableArg } from "./args";

/** A table argument read as its sheet is (PAYOUT.md §1: `[#All]`, the header row naming the columns); a row in error is the formula's error. */
function tableRecords<R>(name: string, range: unknown, read: (grid: SheetGrid) => TableRead<R>): R[] {
  const result = readRange(name, range, read, false);
  throwErrors(result.findings);
  return result.records;
}

/** The arguments whose names differ from the claim's fields: an error names the argument the user typed. */
const NOTICE_ARGUMENTS: Record<string, string> = { extension1Notice: "extension1", extension2Notice: "extension2", reviewExtensionNotice: "reviewExtension" };
const NOTICE_FIELDS = /\b(extension1Notice|extension2Notice|reviewExtensionNotice)\b/g;

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
    const claim: Claim = {
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
    };
    const problem = outOfOrder(claim);
    if (problem) throw invalidValue(problem.message.replace(NOTICE_FIELDS, (field) => NOTICE_ARGUMENTS[field]));
    const result = claimDeadlines(claim);
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
 * @returns The date as a serial, which RETENTION_SCHEDULE, PAYOUT_EVENT and CIC_FUNDING take; #N/A when no event meets a test.
 */
export function cicDateFn(cicEvents: unknown[][]): unknown[][] {
  return lift({}, () => {
    const cic = changeInControl(tableRecords("cicEvents", cicEvents, readCicEvents));
    if (!cic) throw notAvailable("no event meets a §1.1(e) test: there is no Change in Control");
    return serialResult(cic.date);
  });
}

/**
 * The shortfall the Participating Employers fund within 30 days of a Change in Control (§13.4(b)).
 * @customfunction CIC_FUNDING
 * @param holdings The Holdings table with its header row (PAYOUT.md §1).
 * @param prices A 2-column range [date, close].
 * @param cicDate The Change in Control (CIC_DATE), or a column of dates.
 * @param trustAssets The value of the Trust's assets at the close of that day; blank is 0.
 * @param [trustEstablished] N when no Trust is established (nothing to fund); blank is Y.
 * @returns Dollars, in cents, one per row; 0 when the Trust holds enough.
 */
export function cicFundingFn(
  holdings: unknown[][],
  prices: unknown[][],
  cicDate: unknown[][],
  trustAssets: unknown[][],
  trustEstablished?: unknown[][],
): unknown[][] {
  const rows = tableArg(() => tableRecords("holdings", holdings, (grid) => readHoldings(grid, CIC_HOLDINGS_RULES)));
  const table = tableArg(() => pricesFromCells(prices));
  return lift({ cicDate, trustAssets, trustEstablished }, (x) => {
    const date = dateArg("cicDate", x.cicDate);
    const assets = isBlankOrZero(x.trustAssets) ? ZERO : numberArg("trustAssets", x.trustAssets);
    const established = flagArg("trustEstablished", x.trustEstablished, true);
    return numberResult(trustFunding(rows(), table(), date, assets, established).shortfall);
  });
}
