/**
 * What the Payouts page shows, from a payout result in the shape of
 * `dcp payout --json` (PAYOUT.md §1): one participant's Distributable Event
 * and the candidates left out, the payments with their shares, cash and
 * withholding, the payee and what is still awaited. Plain functions (no
 * React, no Office.js), tested under jest; the page only renders them.
 */
import { ACCOUNT_KEYS, ACCOUNT_NAMES, participantKey, UNIT_ACCOUNTS, type AccountKey } from "../engine/accounts";
import { dec } from "../engine/decimal";
import type { Severity } from "../engine/findings";
import type { EventKind, PayeeKind } from "../engine/payout";
import type { PaymentJson, PayoutJson as PayoutsJson, PayoutJsonEntry as PayoutJson, WithdrawalJsonEntry as WithdrawalJson } from "../workflows/payout";
import { capitalize, formatDollars, formatShares, formatUnits, plural } from "../engine/format";
import type { SheetRole } from "./sheetChoice";

export type PayoutRole = "payouts" | "holdings" | "prices" | "withdrawals";

/** The sheets a payout reads (PAYOUT.md §1), in the order the page offers them. */
export const PAYOUT_SHEETS: ReadonlyArray<SheetRole<PayoutRole>> = [
  { role: "payouts", name: "Payouts", required: true },
  { role: "holdings", name: "Holdings", required: true },
  { role: "prices", name: "Prices", required: true },
  { role: "withdrawals", name: "Withdrawals", required: false },
];

type PayeeJson = NonNullable<PayoutJson["payee"]>;

/** A participant or withdrawal that could not be computed: a `#VALUE!` or `#N/A` case of PAYOUT.md §11. */
type NotComputedJson = { participant: string; error: string };

function computed<T extends object>(entry: T | NotComputedJson): entry is T {
  return !("error" in entry);
}

/** §7.1's words for each kind of Distributable Event, and its subsection. */
export const EVENT_KINDS: Record<EventKind, { name: string; section: string }> = {
  disability: { name: "Disability", section: "§7.1(a)" },
  death: { name: "Death", section: "§7.1(b)" },
  separation: { name: "Separation from service", section: "§7.1(c)" },
  planTermination: { name: "Plan termination", section: "§7.1(d)" },
  cause: { name: "Termination for cause", section: "§7.1(e), §7.6" },
  elected: { name: "Elected distribution date", section: "§7.1(f)" },
};

const eventKind = (kind: EventKind) => `${EVENT_KINDS[kind].name} (${EVENT_KINDS[kind].section})`;

/** Who a payment goes to, as §7.2, §9.2 and §9.3 name them. */
export const PAYEE_KINDS: Record<PayeeKind, { paid: string; section: string }> = {
  participant: { paid: "to the participant", section: "§7.2" },
  beneficiary: { paid: "to the designated beneficiary", section: "§9.3" },
  will: { paid: "as the will requires", section: "§9.3" },
  intestate: { paid: "to the intestate heirs at the date of death", section: "§9.3" },
  conservator: { paid: "to the conservator", section: "§9.2" },
};

/** "7.2(e)" or "§7.2(e)" as "§7.2(e)". */
function section(text: string): string {
  return text.startsWith("§") ? text : `§${text}`;
}

const units = (value: number) => formatUnits(dec(value));
const shares = (value: number) => formatShares(dec(value));
const dollars = (value: number) => formatDollars(dec(value));

export interface Line {
  term: string;
  value: string;
}

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

function eventSentence(payout: PayoutJson): string {
  if (!payout.event.date) return "No Distributable Event (§7.1): nothing is payable yet.";
  const kinds = payout.event.kinds.map(eventKind).join(" and ");
  return `${kinds} on ${payout.event.date}.`;
}

function paymentView(payment: PaymentJson, index: number): PaymentView {
  return {
    key: `${payment.date}-${index}`,
    heading: `Payment on ${payment.date}, paid ${PAYEE_KINDS[payment.payeeKind].paid} (${PAYEE_KINDS[payment.payeeKind].section})`,
    valuation: `Shares valued at ${dollars(payment.fmv)}, the close on ${payment.fmvDate} (§7.2(a), §10.2).`,
    accounts: [
      ...UNIT_ACCOUNTS.map((key) => ({ key, name: ACCOUNT_NAMES[key], amount: `${units(payment.units[key])} units` })),
      { key: "IA" as const, name: ACCOUNT_NAMES.IA, amount: dollars(payment.iaCash) },
    ],
    figures: [
      { term: "Shares (§6.2, rounded up)", value: shares(payment.grossShares) },
      { term: "Share value", value: dollars(payment.shareValue) },
      { term: "Investment Account cash (§7.2(b))", value: dollars(payment.iaCash) },
      { term: "Net shares delivered", value: shares(payment.netShares) },
      { term: "Net cash paid", value: dollars(payment.netCash) },
    ],
    withholding: [
      { term: "Tax on the shares", value: dollars(payment.taxOnShares) },
      { term: "Tax on the cash", value: dollars(payment.taxOnCash) },
      { term: "Shares withheld", value: shares(payment.withheldShares) },
      { term: "Cash for the rest of a withheld share", value: dollars(payment.fractionCash) },
      { term: "Cash due from the payee", value: dollars(payment.cashDueFromPayee) },
    ],
  };
}

/** The payee in a phrase: "Mia Ortiz, the designated beneficiary", "Sam Diaz, conservator for Cara Diaz", "As the will requires". */
function payeeName(payee: PayeeJson): string {
  if (payee.kind === "conservator") return `${payee.paidTo}, conservator for ${payee.name}`;
  if (payee.kind === "participant" || payee.kind === "beneficiary") return `${payee.name}, ${PAYEE_KINDS[payee.kind].paid.replace(/^to /, "")}`;
  return capitalize(payee.name);
}

/** Whose written application §7.2(e) awaits. */
const APPLICANT: Partial<Record<PayeeKind, string>> = { will: "those the will names", intestate: "the intestate heirs" };

/** Who is paid, from when, and who the options pass to. */
function payeeLines(payee: PayeeJson): Line[] {
  const from = payee.payableFrom ?? (payee.awaitingApplication ? "once the Committee approves the written application (§7.2(e))" : "not yet known");
  const lines = [
    { term: "Paid to", value: `${payeeName(payee)} (${section(payee.section || PAYEE_KINDS[payee.kind].section)})` },
    { term: "Payable from", value: from },
  ];
  if (payee.optionsPassTo) lines.push({ term: "Options pass to (§7.2(c))", value: payee.optionsPassTo });
  return lines;
}

/** What must still happen: the beneficiary's application, the auditor's opinion, the participant or beneficiary located. */
function awaited(payout: PayoutJson): string[] {
  const lines: string[] = [];
  if (payout.payee?.awaitingApplication)
    lines.push(
      `The written application of ${APPLICANT[payout.payee.kind] ?? payout.payee.name}, approved by the Committee: nothing is paid to them before it (§7.2(e)).`,
    );
  for (const x of payout.excluded)
    if (/auditor/i.test(x.reason)) lines.push(`The independent auditor's opinion on the ${EVENT_KINDS[x.kind].name.toLowerCase()} of ${x.date} (§7.5).`);
  const { unlocated } = payout;
  if (unlocated?.deemedDeathDate)
    lines.push(
      `${payout.participant}, not located: from ${unlocated.deemedDeathDate} payment may be made as though ${payout.participant} had died (${section(unlocated.section)}).`,
    );
  if (unlocated?.locateBeneficiaryBy)
    lines.push(`The designated beneficiary, located by ${unlocated.locateBeneficiaryBy}: otherwise the benefit is forfeited (${section(unlocated.section)}).`);
  return lines;
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
    distribution: entry.distributionDate
      ? `Distribution date ${entry.distributionDate}, the first day of the second month after the event (§7.2(a)).`
      : undefined,
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
