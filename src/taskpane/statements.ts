/**
 * What the Statements page shows, worked out from the workflow's result: the
 * sheets it reads, the period typed, and the view of one participant or of
 * all. Plain functions (no React, no Office.js), tested under jest; the page
 * only renders them.
 */
import { ACCOUNT_KEYS, ACCOUNT_NAMES, participantKey, type AccountKey } from "../engine/accounts";
import { parseIsoDate, type IsoDate } from "../engine/dates";
import { dec, toNumber, ZERO, type Decimal } from "../engine/decimal";
import { formatDollars, formatShares, formatUnits, plural } from "../engine/format";
import { ACCOUNT_MOVEMENTS, type AccountLine, type ValuePoint } from "../engine/statement";
import type { CellFinding } from "../sheets/records";
import { planSeries } from "../sheets/statementSheets";
import type { ParticipantResult, StatementGrids, StatementResult } from "../workflows/statement";
import { findingLink, type CellLinkGroup } from "./findingLinks";
import type { DatedValue } from "./DateChart";
import { chooseRoleSheets, insertedRoleSheets, type RoleSheets, type SheetRole } from "./sheetChoice";

export type RecordRole = keyof StatementGrids;

/** What leaving out an optional record sheet means. */
const OPTIONAL = "Optional: leave it out where the records have none.";

/** The sheets a statement reads, in the order the page offers them, with the names STATEMENT.md gives them. */
export const RECORD_SHEETS: ReadonlyArray<SheetRole<RecordRole>> = [
  { role: "activity", name: "Activity", required: true },
  { role: "prices", name: "Prices", required: true },
  { role: "dividends", name: "Dividends", required: false, hint: OPTIONAL },
  { role: "splits", name: "Splits", required: false, hint: OPTIONAL },
  { role: "primeRates", name: "Prime Rates", required: false, hint: OPTIONAL },
  { role: "withdrawals", name: "Withdrawals", required: false, hint: OPTIONAL },
  { role: "participation", name: "Participation", required: false, hint: OPTIONAL },
  { role: "plan", name: "Plan", required: false, hint: OPTIONAL },
  { role: "payouts", name: "Payouts", required: false, hint: OPTIONAL },
];

export type SheetChoice = RoleSheets<RecordRole>;

/**
 * The sheet each role reads: a choice already made while its sheet is still
 * there, else the sheet of the role's name (ignoring case), else none ("").
 */
export function chooseSheets(sheets: readonly string[], current?: Partial<SheetChoice>): SheetChoice {
  return chooseRoleSheets(RECORD_SHEETS, sheets, current);
}

export interface PeriodRead {
  /** Undefined: the records' first date. */
  from?: IsoDate;
  /** Undefined: the records' last date. */
  to?: IsoDate;
  /** What is wrong with a day typed, in a sentence, for the field and the page. */
  problems: { from?: string; to?: string };
}

/** The period as typed: blank is the records' first (or last) date; anything else must be YYYY-MM-DD. */
export function readPeriod(from: string, to: string): PeriodRead {
  const read: PeriodRead = { problems: {} };
  for (const [end, text, blank] of [
    ["from", from.trim(), "first"],
    ["to", to.trim(), "last"],
  ] as const) {
    if (text === "") continue;
    const date = parseIsoDate(text);
    if (date === undefined)
      read.problems[end] = `The period's ${blank} day "${text}" is not a date: enter it as YYYY-MM-DD, or leave it blank for the ${blank} record.`;
    else read[end] = date;
  }
  return read;
}

/** The sheets Insert template added (in the templates' order), as the sheets each role reads. */
export function insertedChoice(templateSheets: readonly string[], added: readonly string[]): SheetChoice {
  return insertedRoleSheets(RECORD_SHEETS, templateSheets, added);
}

export interface AccountView {
  key: AccountKey;
  name: string;
  /** Each movement over the period, as the statement shows it: units to six decimals, the Investment Account in dollars. */
  movements: Array<{ label: string; text: string }>;
  closing: string;
  value: string;
}

export interface OptionView {
  grantDate: IsoDate;
  exercisableDate: IsoDate;
  shares: string;
  exercisePrice: string;
  value: string;
}

export interface StatementView {
  /** "Ann Lee", or "All participants (4)". */
  heading: string;
  period: string;
  /** How units and options are valued, when there is anything to value. */
  valuation?: string;
  accounts: AccountView[];
  /** One row a grant for a participant; none for all (see `optionsLine`). */
  options: OptionView[];
  /** The options outstanding in one line: "13,332 shares, $3,666.30". */
  optionsLine: { shares: string; value: string };
  totalValue: string;
  /** For all: each participant's total value. */
  participants: Array<{ name: string; totalValue: string }>;
  series: DatedValue[];
  chartLabel: string;
  findings: CellLinkGroup[];
  findingCount: number;
}

function accountView(key: AccountKey, line: AccountLine): AccountView {
  const figure = (value: Decimal) => (key === "IA" ? formatDollars(value) : formatUnits(value));
  return {
    key,
    name: ACCOUNT_NAMES[key],
    movements: ACCOUNT_MOVEMENTS.map(([field, label]) => ({ label, text: figure(line[field]) })),
    closing: key === "IA" ? formatDollars(line.closing) : `${formatUnits(line.closing)} units`,
    value: formatDollars(line.value),
  };
}

/** Every participant's line of one Account, summed: the plan's Account. */
function summedLine(participants: readonly ParticipantResult[], key: AccountKey): AccountLine {
  const line: AccountLine = {
    opening: ZERO,
    credited: ZERO,
    dividends: ZERO,
    splitAdjustment: ZERO,
    interest: ZERO,
    allocatedOut: ZERO,
    paidOut: ZERO,
    closing: ZERO,
    value: ZERO,
  };
  const fields = Object.keys(line) as Array<keyof AccountLine>;
  for (const { statement } of participants) for (const field of fields) line[field] = line[field].plus(statement.accounts[key][field]);
  return line;
}

/** Findings grouped by the row they are on, each a link to its cell. */
export function findingGroups(findings: readonly CellFinding[]): CellLinkGroup[] {
  const groups = new Map<string, CellLinkGroup>();
  findings.forEach((f, i) => {
    const key = `${f.sheet}!${f.row}`;
    const group = groups.get(key) ?? { key, heading: `${f.sheet} row ${f.row}`, links: [] };
    group.links.push(findingLink(f, String(i), `${f.rule} · ${f.column}`));
    groups.set(key, group);
  });
  return [...groups.values()];
}

/** The chart's words for a screen reader: where the value starts and ends, and its low and high. */
export function valueChartLabel(points: readonly DatedValue[]): string {
  if (points.length === 0) return "";
  let [low, high] = [points[0], points[0]];
  for (const point of points) {
    if (point.value < low.value) low = point;
    if (point.value > high.value) high = point;
  }
  const at = (p: DatedValue) => `${formatDollars(dec(p.value))} on ${p.date}`;
  const [first, last] = [points[0], points[points.length - 1]];
  return `Total value of the accounts and options: ${at(first)}, ${at(last)}; low ${at(low)}, high ${at(high)}.`;
}

const chartPoints = (series: readonly ValuePoint[]): DatedValue[] => series.map(({ date, value }) => ({ date, value: toNumber(value) }));

/** The participant the page shows: "" (all) or a name matched as the records match names. */
export function participantOf(result: StatementResult, chosen: string): ParticipantResult | undefined {
  return chosen === "" ? undefined : result.participants.find((p) => participantKey(p.statement.participant) === participantKey(chosen));
}

/** What the page shows of a result: one participant (`chosen`, as named in the result) or, for "", all of them. */
export function statementView(result: StatementResult, chosen: string): StatementView {
  const one = participantOf(result, chosen);
  const period = result.from && result.to ? `${result.from} to ${result.to}` : "no Activity row could be read";
  const fairMarketValue = result.participants[0]?.statement.fairMarketValue;
  const valuation =
    fairMarketValue && result.to ? `Units valued at ${formatDollars(fairMarketValue)}, the fair market value on ${result.to} (§7.2(a)).` : undefined;
  if (one) {
    const { statement } = one;
    const options = statement.options.map((o) => ({
      grantDate: o.grantDate,
      exercisableDate: o.exercisableDate,
      shares: formatShares(o.shares),
      exercisePrice: formatDollars(o.exercisePrice),
      value: formatDollars(o.value),
    }));
    const series = chartPoints(one.series ?? []);
    return {
      heading: statement.participant,
      period,
      valuation,
      accounts: ACCOUNT_KEYS.map((key) => accountView(key, statement.accounts[key])),
      options,
      optionsLine: {
        shares: formatShares(statement.options.reduce((sum, o) => sum.plus(o.shares), ZERO)),
        value: formatDollars(statement.options.reduce((sum, o) => sum.plus(o.value), ZERO)),
      },
      totalValue: formatDollars(statement.totalValue),
      participants: [],
      series,
      chartLabel: valueChartLabel(series),
      findings: findingGroups(one.findings),
      findingCount: one.findings.length,
    };
  }
  const series = chartPoints(planSeries(result.participants));
  const optionsValue = result.participants.reduce((sum, p) => p.statement.options.reduce((s, o) => s.plus(o.value), sum), ZERO);
  return {
    heading: `All participants (${result.participants.length})`,
    period,
    valuation,
    accounts: ACCOUNT_KEYS.map((key) => accountView(key, summedLine(result.participants, key))),
    options: [],
    optionsLine: { shares: formatShares(result.totals.balances.OPTIONS), value: formatDollars(optionsValue) },
    totalValue: formatDollars(result.totals.totalValue),
    participants: result.participants.map(({ statement }) => ({ name: statement.participant, totalValue: formatDollars(statement.totalValue) })),
    series,
    chartLabel: valueChartLabel(series),
    findings: findingGroups(result.findings),
    findingCount: result.findings.length,
  };
}

/** What "Write statement" just did, in a sentence. */
export function writtenSentence(result: StatementResult, chosen: string, sheet: string): string {
  const one = participantOf(result, chosen);
  return one
    ? `Wrote ${one.statement.participant}'s statement to the sheet "${sheet}".`
    : `Wrote the summary of ${plural(result.participants.length, "participant")} to the sheet "${sheet}".`;
}
