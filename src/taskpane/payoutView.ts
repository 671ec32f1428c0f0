/**
 * What the Payouts page shows, from a payout result in the shape of
 * `dcp payout --json` (PAYOUT.md §1): one participant's Distributable Event
 * and the candidates left out, the payments with their shares, cash and
 * withholding, the payee and what is still awaited. Plain functions (no
 * React, no Office.js), tested under jest; the page only renders them.
 */
import { ACCOUNT_KEYS, participantKey, UNIT_ACCOUNTS, type AccountKey } from "../engine/accounts";
import { dec } from "../engine/decimal";
import type { Severity } from "../engine/findings";
import type { PaymentJson, PayoutJson as PayoutsJson, WithdrawalJsonEntry as WithdrawalJson } from "../workflows/payout";
import { formatDollars, formatShares, formatUnits, plural } from "../engine/format";
import {
  awaited,
  distributionSentence,
  eventKind,
  eventSentence,
  type Line,
  payeeLines,
  paymentAccounts,
  paymentFigures,
  paymentHeading,
  paymentValuation,
  paymentWithholding,
  section,
} from "../documents/payoutWords";
import type { SheetRole } from "./sheetChoice";

export type PayoutRole = "payouts" | "holdings" | "prices" | "withdrawals";

/** The sheets a payout reads (PAYOUT.md §1), in the order the page offers them. */
export const PAYOUT_SHEETS: ReadonlyArray<SheetRole<PayoutRole>> = [
  { role: "payouts", name: "Payouts", required: true },
  { role: "holdings", name: "Holdings", required: true },
  { role: "prices", name: "Prices", required: true },
  { role: "withdrawals", name: "Withdrawals", required: false, hint: "Optional: leave it out where there is no early withdrawal." },
];

/** A participant or withdrawal that could not be computed: a `#VALUE!` or `#N/A` case of PAYOUT.md §11. */
type NotComputedJson = { participant: string; error: string };

function computed<T extends object>(entry: T | NotComputedJson): entry is T {
  return !("error" in entry);
}

export type { Line };

const units = (value: number) => formatUnits(dec(value));
const shares = (value: number) => formatShares(dec(value));
const dollars = (value: number) => formatDollars(dec(value));

export interface PaymentView {
  key: string;
  /** "Payment on 2004-05-01 to the participant" */
  heading: string;
  /** How its shares are valued. */
  valuation: string;
  /** Units of each unit account and the Investment Account's cash paid. */
  accounts: Array<{ key: AccountKey; name: string; amount: string }>;
  /** Shares and cash before and after withholding. */
  figures: Line[];
  withholding: Line[];
}

export interface ExcludedView {
  key: string;
  kind: string;
  date: string;
  reason: string;
}

export interface ParticipantNote {
  key: string;
  severity: Severity;
  section: string;
  message: string;
}

export interface WithdrawalView {
  key: string;
  heading: string;
  lines: Line[];
}

export interface PayoutView {
  name: string;
  /** Why nothing could be computed for the participant (PAYOUT.md §11). */
  error?: string;
  /** The Distributable Event in a sentence, or that there is none. */
  event: string;
  distribution?: string;
  excluded: ExcludedView[];
  payments: PaymentView[];
  /** One row an employer: DCA, CMSA and CSA units and IA dollars (§2.5). */
  perEmployer: Array<{ employer: string; amounts: string[] }>;
  payee: Line[];
  /** What must still happen before (or for) payment: the application, the auditor's opinion, a person located. */
  awaiting: string[];
  notes: ParticipantNote[];
  withdrawals: WithdrawalView[];
}

/** Everyone on the Payouts or Withdrawals sheet, in the result's order, each once (names matched as the sheets match them). */
export function participantNames(result: PayoutsJson): string[] {
  const names = new Map<string, string>();
  for (const entry of [...result.payouts, ...result.withdrawals])
    if (!names.has(participantKey(entry.participant))) names.set(participantKey(entry.participant), entry.participant);
  return [...names.values()];
}

/** The participant the page shows: the one chosen while the result still has them, else the first. */
export function chooseParticipant(result: PayoutsJson, chosen: string): string {
  const names = participantNames(result);
  return names.find((name) => participantKey(name) === participantKey(chosen)) ?? names[0] ?? "";
}

/** "8 participants, 6 with a Distributable Event; 1 withdrawal; 2 findings". */
export function resultSummary(result: PayoutsJson): string {
  const withEvent = result.payouts.filter((p) => computed(p) && p.event.date !== null).length;
  return `${plural(result.payouts.length, "participant")} on the Payouts sheet, ${withEvent} with a Distributable Event; ${plural(result.withdrawals.length, "withdrawal")}; ${plural(result.findings.length, "finding")}.`;
}

function paymentView(payment: PaymentJson, index: number): PaymentView {
  return {
    key: `${payment.date}-${index}`,
    heading: paymentHeading(payment),
    valuation: paymentValuation(payment),
    accounts: paymentAccounts(payment),
    figures: paymentFigures(payment),
    withholding: paymentWithholding(payment),
  };
}

function withdrawalView(w: WithdrawalJson, index: number): WithdrawalView {
  return {
    key: `${w.approvalDate}-${index}`,
    heading: `Early withdrawal approved ${w.approvalDate} (§7.3)`,
    lines: [
      { term: "Valued at", value: `${dollars(w.fmv)}, the close on ${w.fmvDate}` },
      ...UNIT_ACCOUNTS.map((key) => ({ term: `${key} units withdrawn`, value: units(w.unitsWithdrawn[key]) })),
      { term: "Value withdrawn", value: dollars(w.valueWithdrawn) },
      { term: "Penalty (10%)", value: dollars(w.penalty) },
      { term: "Net value", value: dollars(w.netValue) },
      { term: "Shares delivered", value: shares(w.sharesDelivered) },
      { term: "Tax on the shares (§10.2)", value: dollars(w.taxOnShares) },
      { term: "Shares withheld", value: shares(w.withheldShares) },
      { term: "Net shares", value: shares(w.netShares) },
      { term: "Cash", value: dollars(w.fractionCash) },
      { term: "Left out (Art. V)", value: `${units(w.excludedArticleV.csaUnits)} CSA units, ${dollars(w.excludedArticleV.iaDollars)} IA` },
      { term: "Out of the plan", value: `${w.nonparticipationFrom} until ${w.creditsResume}` },
    ],
  };
}

/** One participant's payout and withdrawals as the page shows them. */
export function payoutView(result: PayoutsJson, chosen: string): PayoutView {
  const key = participantKey(chosen);
  const entry = result.payouts.find((p) => participantKey(p.participant) === key);
  const withdrawals = result.withdrawals.filter((w) => participantKey(w.participant) === key);
  const withdrawalViews = withdrawals.filter(computed).map(withdrawalView);
  const withdrawalErrors = withdrawals.filter((w): w is NotComputedJson => !computed(w)).map((w) => w.error);
  const name = entry?.participant ?? withdrawals[0]?.participant ?? chosen;
  const empty: PayoutView = { name, event: "", excluded: [], payments: [], perEmployer: [], payee: [], awaiting: [], notes: [], withdrawals: withdrawalViews };
  if (!entry) return { ...empty, event: "Not on the Payouts sheet: no Distributable Event is recorded.", error: withdrawalErrors[0] };
  if (!computed(entry)) return { ...empty, event: "Not computed.", error: entry.error };
  return {
    name,
    error: withdrawalErrors[0],
    event: eventSentence(entry),
    distribution: distributionSentence(entry),
    excluded: entry.excluded.map((x, i) => ({ key: `${x.kind}-${i}`, kind: eventKind(x.kind), date: x.date, reason: x.reason })),
    payments: entry.payments.map(paymentView),
    perEmployer: Object.entries(entry.perEmployer).map(([employer, amounts]) => ({
      employer,
      amounts: ACCOUNT_KEYS.map((k) => (k === "IA" ? dollars(amounts[k]) : units(amounts[k]))),
    })),
    payee: entry.payee ? payeeLines(entry.payee) : [],
    awaiting: awaited(entry),
    notes: entry.findings.map((f, i) => ({ key: String(i), severity: f.severity, section: section(f.section), message: f.message })),
    withdrawals: withdrawalViews,
  };
}
