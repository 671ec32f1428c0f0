/**
 * The distribution notice (PAYOUT.md §1, `dcp payout --pdf DIR`, the Payouts
 * page's "Save notices (PDF)"): one US Letter PDF per participant saying what
 * the plan pays them and why. The Distributable Event and the candidates that
 * do not count (§7.1, §7.5, §7.6), the distribution and payment dates
 * (§7.2(a)), each payment's shares and cash per Account (§6.2, §7.2(b)), the
 * withholding (§10.2), net shares and cash, who is paid and from when
 * (§7.2(e), §9.2, §9.3), what is still awaited (§7.2(e), §7.5, §12.4) and the
 * findings on the participant's row. Its input is one participant of
 * `dcp payout --json`, so the command line and the task pane print the same.
 */
import { UNIT_ACCOUNTS } from "../engine/accounts";
import { PLAN_EFFECTIVE_DATE } from "../engine/constants";
import { parseIsoDate, type IsoDate } from "../engine/dates";
import { dec } from "../engine/decimal";
import { invalidValue } from "../engine/errors";
import { formatDollars, formatUnits } from "../engine/format";
import type { PayoutJson, PayoutJsonEntry } from "../workflows/payout";
import { documentFileNames, NOTICE_CREATOR } from "./fileNames";
import type { FontLoader } from "./fonts";
import { formatLongDate } from "./format";
import {
  type Cell,
  type Column,
  type Doc,
  drawTable,
  fitLastColumnWide,
  fitLines,
  fitTable,
  type Flow,
  LEFT,
  MUTED,
  PLAN_TITLE,
  renderPdf,
  rowHeight,
  textHeight,
  WIDTH,
  write,
} from "./page";
import {
  awaited,
  distributionSentence,
  EVENT_KINDS,
  eventSentence,
  type Line,
  PAYEE_KINDS,
  payeeLines,
  paymentAccounts,
  paymentFigures,
  paymentHeading,
  paymentValuation,
  paymentWithholding,
  section,
} from "./payoutWords";

/** One participant of `dcp payout --json` whose payout was computed. */
export type NoticeInput = PayoutJsonEntry;

const BODY = { size: 9 };
const NOTE = { size: 8, color: MUTED };
const TABLE_SIZES = [8.5, 8, 7.5, 7];

// ---------------------------------------------------------------------------
// Checking the input: a payment that does not add up is refused, never printed.

function fail(notice: { participant?: unknown }, problem: string): never {
  const who = typeof notice.participant === "string" ? `distribution notice for "${notice.participant}"` : "distribution notice";
  throw invalidValue(`${who}: ${problem} (PAYOUT.md §1)`);
}

function requireDate(notice: NoticeInput, value: unknown, where: string): void {
  if (typeof value !== "string" || parseIsoDate(value) !== value) fail(notice, `${where} is ${JSON.stringify(value)}, not a YYYY-MM-DD date`);
}

/** Every figure a finite number, every date real, and each payment's net shares and withheld shares its gross shares (§10.2). */
function checkNotice(notice: NoticeInput): void {
  if (typeof notice.participant !== "string" || notice.participant.trim() === "") fail(notice, "participant has no name");
  if ("error" in notice) fail(notice, `the payout was not computed: ${String((notice as { error: unknown }).error)}`);
  if (!Array.isArray(notice.payments)) fail(notice, "payments is not a list");
  if (notice.event?.date) requireDate(notice, notice.event.date, "event.date");
  if (notice.distributionDate !== null) requireDate(notice, notice.distributionDate, "distributionDate");
  notice.payments.forEach((payment, i) => {
    requireDate(notice, payment?.date, `payments[${i}].date`);
    const figures: Array<[string, unknown]> = [
      ...UNIT_ACCOUNTS.map((key): [string, unknown] => [`units.${key}`, payment.units?.[key]]),
      ...(
        [
          "fmv",
          "iaCash",
          "grossShares",
          "shareValue",
          "taxOnShares",
          "taxOnCash",
          "withheldShares",
          "fractionCash",
          "netShares",
          "netCash",
          "cashDueFromPayee",
        ] as const
      ).map((field): [string, unknown] => [field, payment[field]]),
    ];
    for (const [field, value] of figures)
      if (typeof value !== "number" || !Number.isFinite(value)) fail(notice, `payments[${i}].${field} is ${String(value)}, not a number`);
    if (!dec(payment.netShares).plus(payment.withheldShares).equals(payment.grossShares))
      fail(notice, `payments[${i}]: ${payment.netShares} net shares and ${payment.withheldShares} withheld are not its ${payment.grossShares} shares`);
  });
}

/**
 * The notice's own date, so the same payout always gives the same bytes: the
 * distribution date; without an event, the latest candidate's date; else the
 * plan's effective date.
 */
function noticeDate(notice: NoticeInput): IsoDate {
  const candidates = notice.excluded.map((x) => x.date).sort();
  return notice.distributionDate ?? candidates[candidates.length - 1] ?? PLAN_EFFECTIVE_DATE;
}

// ---------------------------------------------------------------------------
// The notice's parts, top to bottom.

/** A table under its heading, kept with at least its first row; continued under the heading on a later page. */
function table(doc: Doc, flow: Flow, heading: string | undefined, columns: Column[], rows: Cell[][], wideLast = false): void {
  if (rows.length === 0) return;
  const fitted = wideLast ? fitLastColumnWide(doc, columns, rows, 8) : fitTable(doc, columns, rows, TABLE_SIZES);
  const header = rowHeight(
    doc,
    columns.map((c) => ({ text: c.header, bold: true })),
    fitted,
  );
  flow.room((heading ? 20 : 0) + header + rowHeight(doc, rows[0], fitted));
  if (heading) flow.heading(heading);
  drawTable(doc, flow, columns, rows, fitted, `${heading ?? columns[0].header} (continued)`);
  flow.y += 8;
}

/** Label and figure, the figure right-aligned. */
function linesTable(doc: Doc, flow: Flow, header: string, lines: Line[]): void {
  const columns: Column[] = [
    { header, align: "left" },
    { header: "Amount", align: "right" },
  ];
  table(
    doc,
    flow,
    undefined,
    columns,
    lines.map(({ term, value }) => [{ text: term }, { text: value }]),
  );
}

function drawTitle(doc: Doc, flow: Flow, notice: NoticeInput): void {
  flow.title(`${PLAN_TITLE} — Distribution notice`);
  const nameStyle = { size: 17, bold: true };
  const name = fitLines(doc, notice.participant, nameStyle, WIDTH, 3);
  write(doc, name, LEFT, flow.y, WIDTH, nameStyle);
  flow.y += textHeight(doc, name, nameStyle, WIDTH) + 3;
  const subtitle = notice.distributionDate
    ? `Distribution date: ${formatLongDate(notice.distributionDate)}`
    : "No Distributable Event: nothing is payable yet (§7.1)";
  flow.paragraph(subtitle, { size: 9.5, color: MUTED }, 14);
}

function drawEvent(doc: Doc, flow: Flow, notice: NoticeInput): void {
  flow.room(60);
  flow.heading("Distributable Event");
  flow.paragraph(eventSentence(notice, formatLongDate), BODY);
  const distribution = distributionSentence(notice, formatLongDate);
  if (distribution) flow.paragraph(distribution, BODY);
  flow.y += 4;
  if (notice.excluded.length === 0) {
    flow.paragraph("No candidate was excluded (§7.5, §7.6): the earliest date counts (§7.1).", NOTE, 12);
    return;
  }
  flow.paragraph("Candidates that do not count (§7.1, §7.5, §7.6):", BODY);
  table(
    doc,
    flow,
    undefined,
    [
      { header: "Event", align: "left" },
      { header: "Date", align: "left" },
      { header: "Why it does not count", align: "left" },
    ],
    notice.excluded.map((x) => [{ text: EVENT_KINDS[x.kind].name, detail: EVENT_KINDS[x.kind].section }, { text: formatLongDate(x.date) }, { text: x.reason }]),
    true,
  );
  flow.y += 4;
}

function drawPayments(doc: Doc, flow: Flow, notice: NoticeInput): void {
  if (notice.event.date && notice.payments.length === 0) {
    flow.room(40);
    flow.heading("Payments");
    flow.paragraph("No payment is scheduled: there are no holdings to pay.", BODY, 12);
    return;
  }
  notice.payments.forEach((payment, i) => {
    flow.room(120);
    flow.heading(notice.payments.length > 1 ? `${i + 1}. ${paymentHeading(payment, formatLongDate)}` : paymentHeading(payment, formatLongDate));
    flow.paragraph(paymentValuation(payment, formatLongDate), BODY, 6);
    table(
      doc,
      flow,
      undefined,
      [
        { header: "Paid from each Account", align: "left" },
        { header: "Amount", align: "right" },
      ],
      paymentAccounts(payment).map(({ key, name, amount }) => [{ text: `${name} (${key})` }, { text: amount }]),
    );
    linesTable(doc, flow, "Shares and cash", paymentFigures(payment));
    linesTable(doc, flow, "Withholding (§10.2)", paymentWithholding(payment));
    flow.y += 6;
  });
}

function drawEmployers(doc: Doc, flow: Flow, notice: NoticeInput): void {
  const employers = Object.entries(notice.perEmployer);
  if (employers.length < 2) return;
  table(
    doc,
    flow,
    "By Participating Employer (§2.5)",
    [
      { header: "Employer", align: "left" },
      ...UNIT_ACCOUNTS.map((key) => ({ header: `${key} units`, align: "right" as const })),
      { header: "IA", align: "right" },
    ],
    employers.map(([employer, amounts]) => [
      { text: employer },
      ...UNIT_ACCOUNTS.map((key) => ({ text: formatUnits(dec(amounts[key])) })),
      { text: formatDollars(dec(amounts.IA)) },
    ]),
  );
  flow.paragraph("Shares and withholding are figured on all of the participant's Accounts together (§6.2).", NOTE, 12);
}

function drawPayee(flow: Flow, notice: NoticeInput): void {
  const { payee } = notice;
  if (!payee) return;
  flow.room(60);
  flow.heading("Who is paid, and from when");
  for (const { term, value } of payeeLines(payee, formatLongDate)) flow.paragraph(`${term}: ${value}`, BODY);
  flow.y += 10;
}

function drawAwaited(flow: Flow, notice: NoticeInput): void {
  const lines = awaited(notice, formatLongDate);
  flow.room(40);
  flow.heading("Still awaited");
  if (lines.length === 0) {
    flow.paragraph(notice.event.date ? "Nothing: the benefit is payable as set out above." : "A Distributable Event (§7.1).", BODY, 12);
    return;
  }
  for (const line of lines) flow.paragraph(`• ${line}`, BODY);
  flow.y += 8;
}

function drawFindings(doc: Doc, flow: Flow, notice: NoticeInput): void {
  if (notice.findings.length === 0) return;
  flow.room(60);
  flow.heading("Findings");
  flow.paragraph("What the computation of this payout warns about, from the participant's row of the Payouts sheet.", BODY, 6);
  table(
    doc,
    flow,
    undefined,
    [
      { header: "Severity", align: "left" },
      { header: "Section", align: "left" },
      { header: "Finding", align: "left" },
    ],
    notice.findings.map((f) => [{ text: f.severity }, { text: section(f.section) }, { text: f.message }]),
    true,
  );
}

/** Every section the notice rests on, in the plan's order of the notice: the event's, the dates', the amounts', the payee's. */
function sectionsThatApply(notice: NoticeInput): string[] {
  const cited = [
    ...notice.event.kinds.map((kind) => `${EVENT_KINDS[kind].section} ${EVENT_KINDS[kind].name}`),
    ...notice.excluded.map((x) => `${EVENT_KINDS[x.kind].section} ${EVENT_KINDS[x.kind].name} (not counted)`),
  ];
  if (notice.excluded.some((x) => /§7\.5/.test(x.reason))) cited.push("§7.5 Change in Control: the auditor's opinion and parachute payments");
  if (notice.distributionDate) cited.push("§7.2(a) Distribution date and fair market value");
  if (notice.payments.length > 0) {
    cited.push("§6.2 Whole shares, rounded up", "§7.2(b) Units paid in shares, the Investment Account in cash", "§10.2 Withholding");
    for (const kind of new Set(notice.payments.map((p) => p.payeeKind))) cited.push(`${PAYEE_KINDS[kind].section} Paid ${PAYEE_KINDS[kind].paid}`);
  }
  if (notice.payee)
    cited.push(`§7.2(c) Options pass ${notice.payee.optionsPassTo === notice.participant ? `to ${notice.participant}` : notice.payee.optionsPassTo}`);
  if (notice.payee?.awaitingApplication) cited.push("§7.2(e) The written application of whoever is paid after a death");
  if (notice.unlocated) cited.push(`${section(notice.unlocated.section)} A participant or beneficiary who cannot be located`);
  return [...new Set(cited)];
}

function drawSections(flow: Flow, notice: NoticeInput): void {
  const cited = sectionsThatApply(notice);
  if (cited.length === 0) return;
  flow.room(40);
  flow.heading("Plan sections that apply");
  flow.paragraph(`${cited.join("; ")}.`, { size: 8.5 }, 10);
}

/**
 * One participant's distribution notice as a PDF, tagged for screen readers
 * like the statement (page.ts, renderPdf). The document is dated by the
 * distribution date, so the same payout always gives the same bytes. An
 * entry that was not computed, or whose shares do not add up, is refused
 * with a `#VALUE!` PlanError naming the figure.
 */
export async function renderNoticePdf(notice: NoticeInput, fonts: FontLoader): Promise<Uint8Array> {
  checkNotice(notice);
  const when = notice.distributionDate ? `distribution date ${formatLongDate(notice.distributionDate)}` : "no Distributable Event";
  return renderPdf(
    {
      title: `Distribution notice — ${notice.participant} — ${notice.distributionDate ?? "no Distributable Event"}`,
      subject: "The participant's distribution under Article VII of the plan: the event, the dates, the shares and cash, the withholding and the payee",
      creator: NOTICE_CREATOR,
      date: noticeDate(notice),
      runningHeader: `${notice.participant} — distribution notice, ${when} (continued)`,
      footer: `${notice.participant} — distribution notice, ${when}`,
    },
    JSON.stringify(notice),
    fonts,
    (doc, flow) => {
      drawTitle(doc, flow, notice);
      drawEvent(doc, flow, notice);
      drawPayments(doc, flow, notice);
      drawEmployers(doc, flow, notice);
      drawPayee(flow, notice);
      drawAwaited(flow, notice);
      drawFindings(doc, flow, notice);
      drawSections(flow, notice);
    },
  );
}

/** A notice and the file it is saved as. */
export interface NoticeFile {
  name: string;
  pdf: Uint8Array;
}

/**
 * A notice for every participant of a `dcp payout --json` document whose
 * payout was computed (one that was not has its finding instead), in its
 * order, each named for the participant as statements are (fileNames.ts).
 */
export async function renderNotices(document: PayoutJson, fonts: FontLoader): Promise<NoticeFile[]> {
  const computed = document.payouts.filter((entry): entry is PayoutJsonEntry => !("error" in entry));
  const names = documentFileNames(computed.map((entry) => entry.participant));
  const files: NoticeFile[] = [];
  for (const [i, entry] of computed.entries()) files.push({ name: names[i], pdf: await renderNoticePdf(entry, fonts) });
  return files;
}
