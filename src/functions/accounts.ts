import { RULES } from "../engine/rules";
import { pricesFromCells, primeRatesFromCells } from "../cells/ranges";
import { parseTableCached } from "../cells/tables";
import { isBlankOrZero } from "../cells/values";
import {
  groupByParticipant,
  participantKey,
  replayAccounts,
  ACCOUNT_KEYS,
  type AccountsReplay,
  type ActivityRecord,
  type PlanRecords,
} from "../engine/accounts";
import type { IsoDate } from "../engine/dates";
import { invalidValue, notAvailable } from "../engine/errors";
import type { PrimeRate } from "../engine/investment";
import { ACCOUNT_LINE_COLUMNS, ACCOUNT_LINE_HEADER, accountStatement, balanceAt, optionsAt, optionValue, type BalanceKey } from "../engine/statement";
import { readPayouts, readWithdrawals } from "../sheets/payouts";
import {
  readActivity,
  readDividends,
  readParticipation,
  readPlan,
  readSplits,
  problemFinding,
  type CellFinding,
  type Sourced,
  type TableRead,
} from "../sheets/records";
import { LifecycleRecords, recordsExhaustion } from "../workflows/statement";
import { columnLetter, type SheetGrid } from "../sheets/grid";
import { choiceArg, dateArg, excel, lift, numberResult, optionalDateArg, participantArg, serialResult, tableArg } from "./args";

/**
 * A table handed in as a range, read as its sheet would be (STATEMENT.md,
 * "Input"): the header row names the columns. Identical cells reuse the last
 * reading, so many formulas over one Activity range read it once. Excel
 * desktop hands an empty cell in it as 0, so a 0 is read as blank, and an
 * empty cell reads alike on every platform; a genuine 0 is written as text
 * ("0", "0%"). A Holdings Quantity keeps 0 as 0 units (`zeroCounts`).
 */
export function readRange<R>(name: string, range: unknown, read: (grid: SheetGrid) => TableRead<R>, optional: boolean): TableRead<R> {
  const blank = !Array.isArray(range) || range.every((row) => Array.isArray(row) && row.every(isBlankOrZero));
  if (blank) {
    if (optional) return { records: [], findings: [] };
    throw invalidValue(`${name} must be a range whose first row names its columns (STATEMENT.md)`);
  }
  const width = Array.isArray(range[0]) ? range[0].length : 0;
  const columns = Array.from({ length: width }, (_, c) => columnLetter(c));
  const result = parseTableCached(range, name, columns, (values) => read({ sheet: name, values, firstRow: 1, firstColumn: 0, zeroMayBeEmpty: true }));
  if (result.unusable) throw invalidValue(result.unusable);
  return result;
}

/** A finding as a formula's error: the range, the row and the section (FUNCTIONS.md, "Errors"). */
function findingError(finding: CellFinding): Error {
  const message = `${finding.sheet} row ${finding.row}: ${finding.message}`;
  return finding.rule === RULES.S03.id ? notAvailable(message) : invalidValue(message);
}

/** A table's first error finding, as the formula's error. */
export function throwErrors(findings: readonly CellFinding[]): void {
  const error = findings.find((f) => f.severity === "error");
  if (error) throw findingError(error);
}

/** The optional tables of a participant's life in the plan (PAYOUT.md §7), as the records workbook's sheets of the same names. */
interface LifecycleTables {
  withdrawals?: unknown;
  participation?: unknown;
  plan?: unknown;
  payouts?: unknown;
}

interface Tables {
  activity: TableRead<ActivityRecord & Sourced>;
  groups: Map<string, Array<ActivityRecord & Sourced>>;
  records: Omit<PlanRecords<Sourced>, "activity" | "lifecycle">;
  /** Each participant's stop windows, withdrawals and payout, as dcp statement reads them. */
  lifecycles: LifecycleRecords;
}

/** Blank prime rates: one array, so replays over them are recognised as the same. */
const NO_PRIME_RATES: readonly PrimeRate[] = [];

const groupsOf = new WeakMap<object, Map<string, Array<ActivityRecord & Sourced>>>();

/** Identical lifecycle tables (the same readings) share one LifecycleRecords, so the replays made from it are reused. */
const recentLifecycles: Array<{ parts: readonly unknown[]; lifecycles: LifecycleRecords }> = [];

function lifecyclesOf(t: LifecycleTables): LifecycleRecords {
  const withdrawals = readRange("withdrawals", t.withdrawals, readWithdrawals, true);
  const participation = readRange("participation", t.participation, readParticipation, true);
  const plan = readRange("plan", t.plan, readPlan, true);
  const payouts = readRange("payouts", t.payouts, readPayouts, true);
  const reads = [withdrawals, participation, plan, payouts];
  for (const read of reads) throwErrors(read.findings);
  // A blank table is read afresh each time; all four blank share one key.
  const parts = reads.map((read) => (read.records.length === 0 ? undefined : read));
  let lifecycles = recentLifecycles.find((entry) => entry.parts.every((part, i) => part === parts[i]))?.lifecycles;
  if (!lifecycles) {
    lifecycles = new LifecycleRecords(withdrawals.records, participation.records, plan.records, payouts.records);
    recentLifecycles.unshift({ parts, lifecycles });
    if (recentLifecycles.length > MAX_RECENT_REPLAYS) recentLifecycles.pop();
  }
  throwErrors(lifecycles.findings);
  return lifecycles;
}

function tables(
  activity: unknown,
  prices: unknown,
  dividends: unknown,
  splits: unknown,
  primeRates: unknown | undefined,
  lifecycle: LifecycleTables = {},
): Tables {
  const activityRead = readRange("activity", activity, readActivity, false);
  const dividendsRead = readRange("dividends", dividends, readDividends, true);
  const splitsRead = readRange("splits", splits, readSplits, true);
  // Every table is checked whole, as a prices range is (FUNCTIONS.md, "Prices").
  for (const read of [activityRead, dividendsRead, splitsRead]) throwErrors(read.findings);
  const lifecycles = lifecyclesOf(lifecycle);
  let rates: readonly PrimeRate[] | undefined;
  if (primeRates !== undefined) {
    const blank = !Array.isArray(primeRates) || primeRates.every((row) => Array.isArray(row) && row.every(isBlankOrZero));
    rates = blank ? NO_PRIME_RATES : primeRatesFromCells(primeRates);
  }
  let groups = groupsOf.get(activityRead);
  if (!groups) groupsOf.set(activityRead, (groups = groupByParticipant(activityRead.records)));
  return {
    activity: activityRead,
    groups,
    records: { dividends: dividendsRead.records, splits: splitsRead.records, prices: pricesFromCells(prices), primeRates: rates },
    lifecycles,
  };
}

const recentReplays: Array<{ parts: readonly unknown[]; replay: AccountsReplay<Sourced> }> = [];
const MAX_RECENT_REPLAYS = 16;
const recentExhaustion: Array<{ parts: readonly unknown[]; exhaustionDate?: IsoDate }> = [];

/**
 * §15.2 as dcp statement applies it (PAYOUT.md §7): the day the records use
 * up the reserve, counted over every participant's replay through the last
 * Activity date; from it, credits are refused. Counted once per set of tables.
 */
function exhaustionDate(t: Tables): IsoDate | undefined {
  const parts = [t.activity, t.records.dividends, t.records.splits, t.records.prices, t.records.primeRates, t.lifecycles];
  const known = recentExhaustion.find((entry) => entry.parts.every((part, i) => part === parts[i]));
  if (known) return known.exhaustionDate;
  const to = lastActivityDate(t);
  const replays = [...t.groups].map(([key, group]) =>
    replayAccounts({ ...t.records, activity: group, lifecycle: t.lifecycles.of(key) }, group[0].participant, to),
  );
  const { exhaustionDate: found } = recordsExhaustion(t.records.splits, to, replays);
  recentExhaustion.unshift({ parts, exhaustionDate: found });
  if (recentExhaustion.length > MAX_RECENT_REPLAYS) recentExhaustion.pop();
  return found;
}

/**
 * One participant's replay through `through`, its errors raised as the
 * formula's error (a row the replay cannot apply is never skipped silently
 * by a formula). `kinds` narrows the Activity rows read.
 */
function replayFor(t: Tables, participant: string, through: IsoDate, onlyKinds?: ReadonlySet<ActivityRecord["kind"]>): AccountsReplay<Sourced> {
  const key = participantKey(participant);
  const group = t.groups.get(key);
  if (!group) throw notAvailable(`activity has no row for participant "${participant.trim()}"`);
  const parts = [group, t.records.dividends, t.records.splits, t.records.prices, t.records.primeRates, through, onlyKinds, t.lifecycles];
  let replay = recentReplays.find((entry) => entry.parts.every((part, i) => part === parts[i]))?.replay;
  if (!replay) {
    const activity = onlyKinds ? group.filter((record) => onlyKinds.has(record.kind)) : group;
    const lifecycle = onlyKinds ? undefined : t.lifecycles.of(key, exhaustionDate(t));
    replay = replayAccounts({ ...t.records, activity, lifecycle }, participant, through);
    recentReplays.unshift({ parts, replay });
    if (recentReplays.length > MAX_RECENT_REPLAYS) recentReplays.pop();
  }
  throwErrors(replay.problems.map(problemFinding));
  return replay;
}

function lastActivityDate(t: Tables): IsoDate {
  const last = t.activity.records.reduce<IsoDate | undefined>((latest, { date }) => (latest === undefined || date > latest ? date : latest), undefined);
  if (last === undefined) throw notAvailable("activity has no rows");
  return last;
}

function firstActivityDate(t: Tables): IsoDate {
  return t.activity.records.reduce((first, { date }) => (date < first ? date : first), lastActivityDate(t));
}

const BALANCES: Record<string, BalanceKey> = { dca: "DCA", cmsa: "CMSA", csa: "CSA", ia: "IA", options: "OPTIONS" };

/**
 * The closing balance of one Account at the close of asOfDate, replayed from the plan records: units for DCA, CMSA and CSA, dollars for IA, outstanding option shares for OPTIONS (§4.5, §8.1, §5.2, §5.4).
 * @customfunction ACCOUNT_BALANCE
 * @param activity The Activity table with its header row: Participant, Date, Kind, Amount, [Match Rate], [Discount], [Discount Type], [Reference].
 * @param prices A 2-column range [date, close].
 * @param dividends The Dividends table [Record Date, Payment Date, Per Share], or blank.
 * @param splits The Splits table [Date, New Shares, Old Shares], or blank.
 * @param primeRates A 2-column range [date, annual rate]; blank only when the Investment Account has no flow.
 * @param participant The participant, as the Activity rows spell it (case and surrounding spaces ignored); or a column of them.
 * @param account "DCA", "CMSA", "CSA", "IA" or "OPTIONS".
 * @param asOfDate The day whose close is wanted.
 * @param [withdrawals] The Withdrawals table (§7.3), or blank.
 * @param [participation] The Participation table (§3.3 suspensions), or blank.
 * @param [plan] The Plan table (§15.1 termination), or blank.
 * @param [payouts] The Payouts table (each participant's Distributable Event, paid out of the Accounts), or blank.
 * @returns Units, dollars or option shares, one per row.
 */
export function accountBalanceFn(
  activity: unknown[][],
  prices: unknown[][],
  dividends: unknown[][],
  splits: unknown[][],
  primeRates: unknown[][],
  participant: unknown[][],
  account: unknown[][],
  asOfDate: unknown[][],
  withdrawals?: unknown[][],
  participation?: unknown[][],
  plan?: unknown[][],
  payouts?: unknown[][],
): unknown[][] {
  const records = tableArg(() => tables(activity, prices, dividends, splits, primeRates, { withdrawals, participation, plan, payouts }));
  return lift({ participant, account, asOfDate }, (x) => {
    const key = choiceArg("account", x.account, BALANCES);
    const date = dateArg("asOfDate", x.asOfDate);
    return numberResult(balanceAt(replayFor(records(), participantArg(x.participant, "Activity"), date), key, date));
  });
}

/**
 * A participant's statement for a period as a spilled table: each Account's opening, credited, dividends, split adjustment, interest, allocated out, paid out, closing and value, then the total value with the options (§4.5, Art. V, Art. VIII).
 * @customfunction ACCOUNT_STATEMENT
 * @param activity The Activity table with its header row.
 * @param prices A 2-column range [date, close].
 * @param dividends The Dividends table, or blank.
 * @param splits The Splits table, or blank.
 * @param primeRates A 2-column range [date, annual rate]; blank only when the Investment Account has no flow.
 * @param participant The participant, as the Activity rows spell it.
 * @param fromDate The first day of the period; blank for the first Activity date.
 * @param toDate The last day of the period; blank for the last Activity date.
 * @param [withdrawals] The Withdrawals table (§7.3), or blank.
 * @param [participation] The Participation table (§3.3 suspensions), or blank.
 * @param [plan] The Plan table (§15.1 termination), or blank.
 * @param [payouts] The Payouts table (each participant's Distributable Event, paid out of the Accounts), or blank.
 * @returns A header row, then DCA, CMSA, CSA, IA and Total.
 */
export function accountStatementFn(
  activity: unknown[][],
  prices: unknown[][],
  dividends: unknown[][],
  splits: unknown[][],
  primeRates: unknown[][],
  participant: unknown,
  fromDate: unknown,
  toDate: unknown,
  withdrawals?: unknown[][],
  participation?: unknown[][],
  plan?: unknown[][],
  payouts?: unknown[][],
): unknown[][] {
  return excel(() => {
    const t = tables(activity, prices, dividends, splits, primeRates, { withdrawals, participation, plan, payouts });
    const to = optionalDateArg("toDate", toDate) ?? lastActivityDate(t);
    const from = optionalDateArg("fromDate", fromDate) ?? firstActivityDate(t);
    if (from > to) throw invalidValue(`fromDate ${from} is after toDate ${to}`);
    const statement = accountStatement(replayFor(t, participantArg(participant, "Activity"), to), t.records.prices, from, to);
    const rows: Array<Array<string | number>> = [[...ACCOUNT_LINE_HEADER]];
    for (const key of ACCOUNT_KEYS) {
      const line = statement.accounts[key];
      rows.push([key, ...ACCOUNT_LINE_COLUMNS.map(([field]) => numberResult(line[field]))]);
    }
    rows.push(["Total", ...ACCOUNT_LINE_COLUMNS.slice(1).map(() => ""), numberResult(statement.totalValue)]);
    return rows;
  });
}

/** The rows that move the Investment Account, and so decide whether an option allocation can be applied (§5.2(c)). */
const OPTION_KINDS: ReadonlySet<ActivityRecord["kind"]> = new Set(["investment deferral", "stock allocation", "option allocation"]);

/**
 * The options granted to a participant through asOfDate as a spilled table: grant date, shares and exercise price as adjusted for splits, exercisable date and value (§5.4, §7.2(c)).
 * @customfunction OPTION_GRANTS
 * @param activity The Activity table with its header row.
 * @param prices A 2-column range [date, close].
 * @param splits The Splits table, or blank.
 * @param participant The participant, as the Activity rows spell it.
 * @param asOfDate The day whose close is wanted.
 * @returns A header row, then one row per grant.
 */
export function optionGrantsFn(activity: unknown[][], prices: unknown[][], splits: unknown[][], participant: unknown, asOfDate: unknown): unknown[][] {
  return excel(() => {
    const date = dateArg("asOfDate", asOfDate);
    const t = tables(activity, prices, "", splits, undefined);
    const grants = optionsAt(replayFor(t, participantArg(participant, "Activity"), date, OPTION_KINDS), date);
    const header = ["Grant date", "Shares", "Exercise price", "Exercisable on", "Value"];
    if (grants.length === 0) return [header];
    const fairMarketValue = t.records.prices.fairMarketValue(date);
    return [
      header,
      ...grants.map(({ grant, shares, exercisePrice }) => [
        serialResult(grant.grantDate),
        numberResult(shares),
        numberResult(exercisePrice),
        serialResult(grant.exercisableDate),
        numberResult(optionValue(fairMarketValue, shares, exercisePrice)),
      ]),
    ];
  });
}
