/**
 * A payout in words, from one participant of `dcp payout --json` (PAYOUT.md
 * §1): the Distributable Event, each payment's shares, cash and withholding,
 * the payee and what is still awaited. The task pane's Payouts page and the
 * printed distribution notice both say it this way; each passes how it
 * writes a date (the pane 2003-05-01, the notice May 1, 2003).
 */
import { UNIT_ACCOUNTS, ACCOUNT_NAMES, type AccountKey } from "../engine/accounts";
import type { IsoDate } from "../engine/dates";
import { dec } from "../engine/decimal";
import { capitalize, formatDollars, formatShares, formatUnits } from "../engine/format";
import type { EventKind, PayeeKind } from "../engine/payout";
import type { PaymentJson, PayoutJsonEntry } from "../workflows/payout";

/** A label and its value, as a definition list or a two-column table shows it. */
export interface Line {
  term: string;
  value: string;
}

/** How a date is written: as given (YYYY-MM-DD) unless a face says otherwise. */
export type DateText = (date: IsoDate) => string;
const asGiven: DateText = (date) => date;

type PayeeJson = NonNullable<PayoutJsonEntry["payee"]>;

/** §7.1's words for each kind of Distributable Event, and its subsection. */
export const EVENT_KINDS: Record<EventKind, { name: string; section: string }> = {
  disability: { name: "Disability", section: "§7.1(a)" },
  death: { name: "Death", section: "§7.1(b)" },
  separation: { name: "Separation from service", section: "§7.1(c)" },
  planTermination: { name: "Plan termination", section: "§7.1(d)" },
  cause: { name: "Termination for cause", section: "§7.1(e), §7.6" },
  elected: { name: "Elected distribution date", section: "§7.1(f)" },
};

export const eventKind = (kind: EventKind) => `${EVENT_KINDS[kind].name} (${EVENT_KINDS[kind].section})`;

/** Who a payment goes to, as §7.2, §9.2 and §9.3 name them. */
export const PAYEE_KINDS: Record<PayeeKind, { paid: string; section: string }> = {
  participant: { paid: "to the participant", section: "§7.2" },
  beneficiary: { paid: "to the designated beneficiary", section: "§9.3" },
  will: { paid: "as the will requires", section: "§9.3" },
  intestate: { paid: "to the intestate heirs at the date of death", section: "§9.3" },
  conservator: { paid: "to the conservator", section: "§9.2" },
};

/** "7.2(e)" or "§7.2(e)" as "§7.2(e)". */
export function section(text: string): string {
  return text.startsWith("§") ? text : `§${text}`;
}

const units = (value: number) => formatUnits(dec(value));
const shares = (value: number) => formatShares(dec(value));
const dollars = (value: number) => formatDollars(dec(value));

/** "Separation from service (§7.1(c)) on 2003-03-15.", or that there is none. */
export function eventSentence(payout: PayoutJsonEntry, dateText: DateText = asGiven): string {
  if (!payout.event.date) return "No Distributable Event (§7.1): nothing is payable yet.";
  const kinds = payout.event.kinds.map(eventKind).join(" and ");
  return `${kinds} on ${dateText(payout.event.date)}.`;
}

/** "Distribution date 2003-05-01, the first day of the second month after the event (§7.2(a))."; undefined without an event. */
export function distributionSentence(payout: PayoutJsonEntry, dateText: DateText = asGiven): string | undefined {
  if (!payout.distributionDate) return undefined;
  return `Distribution date ${dateText(payout.distributionDate)}, the first day of the second month after the event (§7.2(a)).`;
}

/** "Payment on 2003-05-01, paid to the participant (§7.2)". */
export function paymentHeading(payment: PaymentJson, dateText: DateText = asGiven): string {
  const payee = PAYEE_KINDS[payment.payeeKind];
  return `Payment on ${dateText(payment.date)}, paid ${payee.paid} (${payee.section})`;
}

/** How the payment's shares are valued. */
export function paymentValuation(payment: PaymentJson, dateText: DateText = asGiven): string {
  return `Shares valued at ${dollars(payment.fmv)}, the close on ${dateText(payment.fmvDate)} (§7.2(a), §10.2).`;
}

/** The units of each unit account and the Investment Account's cash a payment pays. */
export function paymentAccounts(payment: PaymentJson): Array<{ key: AccountKey; name: string; amount: string }> {
  return [
    ...UNIT_ACCOUNTS.map((key) => ({ key, name: ACCOUNT_NAMES[key], amount: `${units(payment.units[key])} units` })),
    { key: "IA" as const, name: ACCOUNT_NAMES.IA, amount: dollars(payment.iaCash) },
  ];
}

/** Shares and cash before and after withholding. */
export function paymentFigures(payment: PaymentJson): Line[] {
  return [
    { term: "Shares (§6.2, rounded up)", value: shares(payment.grossShares) },
    { term: "Share value", value: dollars(payment.shareValue) },
    { term: "Investment Account cash (§7.2(b))", value: dollars(payment.iaCash) },
    { term: "Net shares delivered", value: shares(payment.netShares) },
    { term: "Net cash paid", value: dollars(payment.netCash) },
  ];
}

/** What §10.2 withholds from a payment. */
export function paymentWithholding(payment: PaymentJson): Line[] {
  return [
    { term: "Tax on the shares", value: dollars(payment.taxOnShares) },
    { term: "Tax on the cash", value: dollars(payment.taxOnCash) },
    { term: "Shares withheld", value: shares(payment.withheldShares) },
    { term: "Cash for the rest of a withheld share", value: dollars(payment.fractionCash) },
    { term: "Cash due from the payee", value: dollars(payment.cashDueFromPayee) },
  ];
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
export function payeeLines(payee: PayeeJson, dateText: DateText = asGiven): Line[] {
  const from = payee.payableFrom
    ? dateText(payee.payableFrom)
    : payee.awaitingApplication
      ? "once the Committee approves the written application (§7.2(e))"
      : "not yet known";
  const lines = [
    { term: "Paid to", value: `${payeeName(payee)} (${section(payee.section || PAYEE_KINDS[payee.kind].section)})` },
    { term: "Payable from", value: from },
  ];
  if (payee.optionsPassTo) lines.push({ term: "Options pass to (§7.2(c))", value: payee.optionsPassTo });
  return lines;
}

/** What must still happen: the beneficiary's application, the auditor's opinion, the participant or beneficiary located (§12.4's dates). */
export function awaited(payout: PayoutJsonEntry, dateText: DateText = asGiven): string[] {
  const lines: string[] = [];
  if (payout.payee?.awaitingApplication)
    lines.push(
      `The written application of ${APPLICANT[payout.payee.kind] ?? payout.payee.name}, approved by the Committee: nothing is paid to them before it (§7.2(e)).`,
    );
  for (const x of payout.excluded)
    if (/auditor/i.test(x.reason))
      lines.push(`The independent auditor's opinion on the ${EVENT_KINDS[x.kind].name.toLowerCase()} of ${dateText(x.date)} (§7.5).`);
  const { unlocated } = payout;
  if (unlocated?.deemedDeathDate)
    lines.push(
      `${payout.participant}, not located: from ${dateText(unlocated.deemedDeathDate)} payment may be made as though ${payout.participant} had died (${section(unlocated.section)}).`,
    );
  if (unlocated?.locateBeneficiaryBy)
    lines.push(
      `The designated beneficiary, located by ${dateText(unlocated.locateBeneficiaryBy)}: otherwise the benefit is forfeited (${section(unlocated.section)}).`,
    );
  return lines;
}
