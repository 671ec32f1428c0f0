/**
 * Participant statements, written once for every surface (STATEMENT.md): the
 * workbook's Activity, Dividends, Splits, Prices and Prime Rates grids and the
 * chosen period in, each participant's replayed Accounts, statement and
 * findings out, every finding carrying its own cell. The task pane page and
 * `dcp statement` gather the grids, call `statementWorkflow` and present what
 * it returns; `statementJson` is the `--json` document.
 */
import {
  groupByParticipant,
  participantKey,
  resumableReplay,
  ACCOUNT_KEYS,
  type AccountKey,
  type ActivityRecord,
  type AccountsReplay,
  type Lifecycle,
  type PayoutPlan,
  type PayoutRecord,
  type PlanRecords,
  type StockLot,
  type SplitRecord,
  type WithdrawalRecord,
} from "../engine/accounts";
import { compareFindings } from "../engine/findings";
import { declaredAs } from "../engine/rules";
import type { IsoDate } from "../engine/dates";
import { Decimal, toNumber } from "../engine/decimal";
import { PlanError } from "../engine/errors";
import {
  accountStatement,
  planTotals,
  ACCOUNT_LINE_COLUMNS,
  valueSeries,
  BALANCE_KEYS,
  type AccountLine,
  type ParticipantStatement,
  type PlanTotals,
  type ValuePoint,
} from "../engine/statement";
import type { CellFinding } from "../sheets/findings";
import type { SheetGrid } from "../sheets/grid";
import { readPricesSheet } from "../sheets/prices";
import {
  fieldCell,
  findingAt,
  primeRatesFrom,
  problemFinding,
  readActivity,
  readDividends,
  readParticipation,
  readPlan,
  readSplits,
  type ParticipationRecord,
  type PlanTermination,
  type RowSource,
  type Sourced,
} from "../sheets/records";
import { RESERVE_RULES, type EntryCells, type SourcedEntry } from "../sheets/reserve";
import { screenLedger, type LedgerEntry } from "../engine/reserve";
import { unitsWithdrawn } from "../engine/withdrawal";
import { DEFAULT_EMPLOYER, distributableEvent, paymentSchedule, type DistributableEvent } from "../engine/payout";
import { FieldError } from "../engine/errors";
import { capitalize } from "../engine/format";
import { PAYOUT_RULES, readPayouts, readWithdrawals, type PayoutRow } from "../sheets/payouts";
import { distributionDate } from "../engine/distributionTerms";
import { exhaustionWindow, suspensionWindow, terminationWindow, withdrawalWindow, type StopWindow } from "../engine/lifecycle";

/** The sheets a statement reads, as grids; the shells find them by name (Activity, Dividends, Splits, Prices, Prime Rates). */
export interface StatementGrids {
  activity?: SheetGrid;
  dividends?: SheetGrid;
  splits?: SheetGrid;
  prices?: SheetGrid;
  primeRates?: SheetGrid;
  /** Optional lifecycle sheets (PAYOUT.md §7): §7.3 withdrawals, §3.3 suspensions, the §15.1 termination. */
  withdrawals?: SheetGrid;
  participation?: SheetGrid;
  plan?: SheetGrid;
  /** PAYOUT.md §7: each participant's Distributable Event, whose payout posts out of the Accounts. */
  payouts?: SheetGrid;
}

export interface StatementSettings {
  /** One participant (matched ignoring case and surrounding spaces); all when omitted. */
  participant?: string;
  /** First day of the period; omitted: the first Activity date. */
  from?: IsoDate;
  /** Last day of the period; omitted: the last Activity date. */
  to?: IsoDate;
  /** Also compute each participant's value over the period (for a chart). */
  series?: boolean;
}

export interface ParticipantResult {
  statement: ParticipantStatement;
  /** The replay itself, for anything more a surface draws (postings by date, option history). */
  replay: AccountsReplay<Sourced>;
  /** The value at `from`, each month end and `to`, when `settings.series` asked for it. */
  series?: ValuePoint[];
  /** This participant's replay findings (a subset of the result's). */
  findings: CellFinding[];
}

export interface StatementResult {
  /** Undefined only when no Activity row could be read. */
  from?: IsoDate;
  to?: IsoDate;
  /** Sorted by name. */
  participants: ParticipantResult[];
  totals: PlanTotals;
  /** Every finding of the reading and the replays, by sheet and row. */
  findings: CellFinding[];
  /** Rows read from each table. */
  rowsRead: { activity: number; dividends: number; splits: number };
  /** The Splits rows read: the reserve scales by them (§13.8). */
  splits: Array<SplitRecord & Sourced>;
  /**
   * Every participant's replay through `to` before the §15.2 stop: what the
   * records count against the §13.8 reserve (`reserveEntries`, the reserve
   * page's count), whose exhaustion date opens that stop.
   */
  counted: Array<AccountsReplay<Sourced>>;
  /** The day the records use up the reserve, on or before `to`: credits from then are refused (§15.2, PAYOUT.md §7). */
  exhaustionDate?: IsoDate;
  /** Set when the input cannot be used at all (the CLI's exit 2); everything else is then empty. */
  unusable?: string;
}

function empty(unusable?: string): StatementResult {
  return { participants: [], totals: planTotals([]), findings: [], rowsRead: { activity: 0, dividends: 0, splits: 0 }, splits: [], counted: [], unusable };
}

/** Each finding once (of those with the same sheet, cell, rule and message, the last, where the first stood), by sheet and row. */
function sortFindings(findings: CellFinding[], sheets: string[]): CellFinding[] {
  const unique: CellFinding[] = [];
  // Where each cell's findings stand in `unique`, by sheet and cell: a message is compared only with those of its own cell.
  const placed = new Map<string, Map<string, number[]>>();
  for (const f of findings) {
    let cells = placed.get(f.sheet);
    if (!cells) placed.set(f.sheet, (cells = new Map()));
    let indexes = cells.get(f.cell);
    if (!indexes) cells.set(f.cell, (indexes = []));
    const same = indexes.find((i) => unique[i].rule === f.rule && unique[i].message === f.message);
    if (same === undefined) {
      indexes.push(unique.length);
      unique.push(f);
    } else unique[same] = f;
  }
  const order = (sheet: string) => {
    const index = sheets.indexOf(sheet);
    return index < 0 ? sheets.length : index;
  };
  return unique.sort((a, b) => order(a.sheet) - order(b.sheet) || compareFindings(a, b) || a.cell.localeCompare(b.cell));
}

/** A table read by its existing reader, or why the workflow cannot use it. */
function usable<T>(what: string, read: () => T): T | { unusable: string } {
  try {
    return read();
  } catch (error) {
    if (error instanceof PlanError) return { unusable: `the ${what} sheet cannot be used: ${error.message}` };
    throw error;
  }
}

function isUnusable(value: unknown): value is { unusable: string } {
  return typeof value === "object" && value !== null && "unusable" in value;
}

/** How many names a message lists before it says how many more there are. */
const NAMES_LISTED = 10;

/** "its participants are "Ann Lee", "Ben Ortiz"": what the user may ask for instead, sorted, the first few by name. */
function participantsNamed(groups: ReadonlyMap<string, ReadonlyArray<ActivityRecord>>): string {
  const names = [...groups.values()].map((group) => group[0].participant.trim()).sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }));
  if (names.length === 0) return "it has no readable row for anyone";
  const listed = names
    .slice(0, NAMES_LISTED)
    .map((name) => `"${name}"`)
    .join(", ");
  const more = names.length > NAMES_LISTED ? ` and ${(names.length - NAMES_LISTED).toLocaleString("en-US")} more` : "";
  return `its participant${names.length === 1 ? " is" : "s are"} ${listed}${more}`;
}

/**
 * Reads the records, replays every participant (or the one asked for)
 * through `to`, and states each over `from` .. `to`. Never throws on the
 * workbook's content: what cannot be used is `unusable`, what cannot be
 * applied is a finding on its cell.
 */
export function statementWorkflow(grids: StatementGrids, settings: StatementSettings = {}): StatementResult {
  if (!grids.activity) return empty("there is no Activity sheet: it holds the plan records a statement replays");
  const activity = readActivity(grids.activity);
  const dividends = grids.dividends ? readDividends(grids.dividends) : { records: [], findings: [] };
  const splits = grids.splits ? readSplits(grids.splits) : { records: [], findings: [] };
  const withdrawals = grids.withdrawals ? readWithdrawals(grids.withdrawals) : { records: [], findings: [] };
  const participation = grids.participation ? readParticipation(grids.participation) : { records: [], findings: [] };
  const plan = grids.plan ? readPlan(grids.plan) : { records: [], findings: [] };
  const payouts = grids.payouts ? readPayouts(grids.payouts) : { records: [], findings: [] };
  const unreadable =
    activity.unusable ?? dividends.unusable ?? splits.unusable ?? withdrawals.unusable ?? participation.unusable ?? plan.unusable ?? payouts.unusable;
  if (unreadable) return empty(unreadable);
  const pricesRead = grids.prices ? readPricesSheet(grids.prices) : undefined;
  if (pricesRead?.unusable) return empty(pricesRead.unusable);
  const prices = pricesRead?.table;
  if (!prices) return empty("there is no Prices sheet: units are credited and valued at its closing prices (§8.1)");
  const primeRatesGrid = grids.primeRates;
  const primeRates = primeRatesGrid ? usable("Prime Rates", () => primeRatesFrom(primeRatesGrid)) : [];
  if (isUnusable(primeRates)) return empty(primeRates.unusable);

  const sheets = [grids.activity, grids.dividends, grids.splits, grids.withdrawals, grids.participation, grids.plan, grids.payouts].map(
    (grid) => grid?.sheet ?? "",
  );
  const readFindings = [
    ...activity.findings,
    ...dividends.findings,
    ...splits.findings,
    ...withdrawals.findings,
    ...participation.findings,
    ...plan.findings,
    ...payouts.findings,
  ];
  const rowsRead = { activity: activity.records.length, dividends: dividends.records.length, splits: splits.records.length };
  const dates = activity.records.map((r) => r.date).sort();
  const from = settings.from ?? dates[0];
  const to = settings.to ?? dates[dates.length - 1];
  if (from === undefined || to === undefined) return { ...empty(), findings: sortFindings(readFindings, sheets), rowsRead, splits: splits.records };
  const lifecycles = new LifecycleRecords(withdrawals.records, participation.records, plan.records, payouts.records);
  for (const finding of lifecycles.findings) readFindings.push(finding);
  if (from > to) return empty(`the period starts ${from}, after it ends ${to}`);
  try {
    prices.fairMarketValue(to);
  } catch (error) {
    if (error instanceof PlanError) return empty(`the statement values units at the fair market value on ${to}, but there is ${error.message}`);
    throw error;
  }

  const groups = groupByParticipant(activity.records);
  let wanted = [...groups.keys()];
  if (settings.participant !== undefined) {
    if (!groups.has(participantKey(settings.participant))) {
      return empty(`${grids.activity.sheet} has no readable row for participant "${settings.participant.trim()}"; ${participantsNamed(groups)}`);
    }
    wanted = [participantKey(settings.participant)];
  }

  const counted = new Map(
    [...groups].map(([key, group]) => {
      const records: PlanRecords<Sourced> = {
        activity: group,
        dividends: dividends.records,
        splits: splits.records,
        prices,
        primeRates,
        lifecycle: lifecycles.of(key),
      };
      return [key, resumableReplay(records, group[0].participant, to)];
    }),
  );
  const countedReplays = [...counted.values()].map((counting) => counting.replay);
  const { exhaustionDate } = recordsExhaustion(splits.records, to, countedReplays);

  const participants: ParticipantResult[] = [];
  for (const key of wanted) {
    const counting = counted.get(key);
    if (counting === undefined) continue;
    // §15.2 stops only what comes after the reserve is used up: each replay goes on from there with the stop.
    const replay = exhaustionDate === undefined ? counting.replay : counting.withWindow(exhaustionWindow(exhaustionDate));
    participants.push({
      statement: accountStatement(replay, prices, from, to),
      replay,
      series: settings.series ? valueSeries(replay, prices, from, to) : undefined,
      findings: sortFindings(replay.problems.map(problemFinding), sheets),
    });
  }
  participants.sort((a, b) => a.statement.participant.localeCompare(b.statement.participant, "en", { sensitivity: "base" }));
  return {
    from,
    to,
    participants,
    totals: planTotals(participants.map((p) => p.statement)),
    findings: sortFindings([...readFindings, ...participants.flatMap((p) => p.findings)], sheets),
    rowsRead,
    splits: splits.records,
    counted: countedReplays,
    exhaustionDate,
  };
}

/**
 * The payout the replay posts for a Distributable Event (PAYOUT.md §7): paid
 * on the distribution date (§7.2(a)), each Company Stock Account lot on the
 * date the payout engine's schedule gives it (the §7.1(f) hold, P-R7).
 * Undefined when there is no event.
 */
export function payoutPlan<T>(record: PayoutRecord & T, event: Pick<DistributableEvent, "date" | "kinds">): PayoutPlan<T> | undefined {
  if (event.date === undefined) return undefined;
  const lotPaymentDate = (lot: StockLot) =>
    paymentSchedule(event, [{ employer: DEFAULT_EMPLOYER, account: "CSA", quantity: ONE_UNIT, lotSource: lot.source, creditDate: lot.creditDate }])[0].date;
  return { record, eventDate: event.date, paymentDate: distributionDate(event.date), lotPaymentDate };
}

const ONE_UNIT = new Decimal(1);

/**
 * §15.2: the reserve is counted over every participant's records before it
 * stops anything (`replays` made without the stop, through `to`); from the
 * day they use it up, credits are refused.
 */
export function recordsExhaustion(
  splits: ReadonlyArray<SplitRecord & Sourced>,
  to: IsoDate,
  replays: ReadonlyArray<AccountsReplay<Sourced>>,
): { exhaustionDate?: IsoDate } {
  return { exhaustionDate: screenLedger(recordCounts(splits, to, replays)).exhaustionDate };
}

/** The lifecycle sheets' rows by participant, made into each one's stop windows and withdrawals (PAYOUT.md §7). */
export class LifecycleRecords {
  private readonly withdrawals: Map<string, Array<WithdrawalRecord & Sourced>>;
  private readonly suspensions: Map<string, ParticipationRecord[]>;
  /** §15.1: the Board's action, the earliest when the Plan sheet has several rows. */
  private readonly termination?: IsoDate;
  private readonly payouts = new Map<string, PayoutPlan<Sourced>>();
  /** A Payouts row whose event cannot be decided (a #VALUE! case of PAYOUT.md §11), on its cell. */
  readonly findings: CellFinding[] = [];

  constructor(
    withdrawals: ReadonlyArray<WithdrawalRecord & Sourced>,
    participation: readonly ParticipationRecord[],
    plan: readonly PlanTermination[],
    payouts: readonly PayoutRow[],
  ) {
    this.suspensions = groupByParticipant(participation);
    this.termination = plan.map((row) => row.planTerminationDate).sort()[0];
    for (const [key, [row]] of groupByParticipant(payouts)) {
      try {
        const plan = payoutPlan(row, distributableEvent(row));
        if (plan) this.payouts.set(key, plan);
      } catch (error) {
        if (!(error instanceof PlanError)) throw error;
        const field = error instanceof FieldError ? error.field : "participant";
        this.findings.push(findingAt(row.source, field, declaredAs(PAYOUT_RULES.payoutError), `${capitalize(error.message)}; no payout is posted.`));
      }
    }
    this.withdrawals = groupByParticipant(withdrawals.filter((row) => this.usableWithdrawal(row)));
  }

  /** A fraction of whole 25% increments, approved before the distribution date (PAYOUT.md §6 item 1); else a finding, not posted. */
  private usableWithdrawal(row: WithdrawalRecord & Sourced): boolean {
    let problem: { field: string; message: string } | undefined;
    try {
      withdrawalWindow(row.approvalDate, row.fraction);
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      problem = { field: "fraction", message: capitalize(error.message) };
    }
    const paid = this.payouts.get(participantKey(row.participant))?.paymentDate;
    if (!problem && paid !== undefined && row.approvalDate >= paid) {
      problem = {
        field: "approvalDate",
        message: `Approved ${row.approvalDate}, not before the distribution date ${paid}: §7.3 allows a withdrawal only "prior to the distribution date"`,
      };
    }
    if (problem)
      this.findings.push(findingAt(row.source, problem.field, declaredAs(PAYOUT_RULES.withdrawalError), `${problem.message}; nothing is withdrawn.`));
    return problem === undefined;
  }

  of(key: string, exhaustionDate?: IsoDate): Lifecycle<Sourced> {
    const withdrawals = this.withdrawals.get(key) ?? [];
    const windows: StopWindow[] = [
      ...(this.suspensions.get(key) ?? []).map((row) => suspensionWindow(row.suspended, row.reinstated, row.newElection)),
      ...withdrawals.map((row) => withdrawalWindow(row.approvalDate, row.fraction)),
    ];
    if (this.termination !== undefined) windows.push(terminationWindow(this.termination));
    if (exhaustionDate !== undefined) windows.push(exhaustionWindow(exhaustionDate));
    return { windows, withdrawals, unitsWithdrawn, payout: this.payouts.get(key) };
  }
}

/** A record's cells as a reserve row's: its date cell, and the cell its quantity comes from. */
function recordCells(source: RowSource, dateField: string, quantityField: string): EntryCells {
  const { sheet, cell } = fieldCell(source, dateField);
  return { source: { sheet, cell }, quantity: { ...fieldCell(source, quantityField), rule: RESERVE_RULES.records } };
}

/**
 * What the replayed records count against the §13.8 reserve, as ledger rows
 * for the share reserve, each with its record's cells: units on the day they
 * are credited (deferral, match, discretionary, allocation and dividend units
 * alike), option shares on the grant date, and each split once (it scales the
 * reserve and every earlier count, so split adjustments of units are not
 * counted again). Replay through the last crediting date wanted
 * (`settings.to`): a deferral paid late in a quarter counts only from the
 * quarter's crediting date.
 */
export function reserveEntries(result: StatementResult): SourcedEntry[] {
  return result.to === undefined ? [] : recordCounts(result.splits, result.to, result.counted).map(ledgerRow);
}

/** A count against the reserve with the record it comes from: its ledger row's reference and cells are made only for a reserve that shows them. */
interface RecordCount extends LedgerEntry {
  source: RowSource;
  /** The record's date and quantity fields, whose cells the row points at. */
  fields: readonly [string, string];
  /** The account a units row counts, and whether the units are dividend units. */
  units?: { account: AccountKey; dividend: boolean };
}

function recordCounts(splits: ReadonlyArray<SplitRecord & Sourced>, to: IsoDate, replays: ReadonlyArray<AccountsReplay<Sourced>>): RecordCount[] {
  const counts: RecordCount[] = splits
    .filter((split) => split.date <= to)
    .map((split) => ({
      rowNumber: split.source.row,
      date: split.date,
      kind: "split",
      quantity: split.newShares.dividedBy(split.oldShares),
      source: split.source,
      fields: SPLIT_FIELDS,
    }));
  for (const replay of replays) {
    for (const { date, account, kind, change, record } of replay.postings) {
      if (account === "IA" || (kind !== "credited" && kind !== "dividends") || record === undefined) continue;
      const dividend = kind === "dividends";
      counts.push({
        rowNumber: record.source.row,
        date,
        kind: "units",
        quantity: change,
        participant: replay.participant,
        source: record.source,
        fields: dividend ? DIVIDEND_FIELDS : ACTIVITY_FIELDS,
        units: { account, dividend },
      });
    }
    for (const grant of replay.options) {
      counts.push({
        rowNumber: grant.record.source.row,
        date: grant.grantDate,
        kind: "option",
        quantity: grant.shares,
        participant: replay.participant,
        exercisePrice: grant.exercisePrice,
        source: grant.record.source,
        fields: ACTIVITY_FIELDS,
      });
    }
  }
  return counts;
}

const SPLIT_FIELDS = ["date", "newShares"] as const;
const DIVIDEND_FIELDS = ["paymentDate", "perShare"] as const;
const ACTIVITY_FIELDS = ["date", "amount"] as const;

function ledgerRow({ rowNumber, date, kind, quantity, participant, exercisePrice, source, fields, units }: RecordCount): SourcedEntry {
  const row = `${source.layout.sheet} row ${source.row}`;
  const cells = recordCells(source, ...fields);
  if (kind === "split") return { rowNumber, date, kind, quantity, reference: row, cells };
  if (units === undefined) return { rowNumber, date, kind, quantity, participant, reference: `option grant, ${row}`, exercisePrice, cells };
  return { rowNumber, date, kind, quantity, participant, reference: `${units.account} ${units.dividend ? "dividend units" : "units"}, ${row}`, cells };
}

const LINE_KEYS: ReadonlyArray<keyof AccountLine> = ACCOUNT_LINE_COLUMNS.map(([field]) => field);

function numbers<K extends string>(values: Record<K, Decimal>, keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, toNumber(values[key])])) as Record<K, number>;
}

/** The `dcp statement --json` document (STATEMENT.md, "Command line"): numbers as JSON numbers, rounded as the readings say. */
export function statementJson(result: StatementResult) {
  return {
    from: result.from ?? null,
    to: result.to ?? null,
    participants: result.participants.map(({ statement }) => ({
      participant: statement.participant,
      accounts: Object.fromEntries(ACCOUNT_KEYS.map((key) => [key, numbers(statement.accounts[key], LINE_KEYS)])) as Record<
        AccountKey,
        Record<keyof AccountLine, number>
      >,
      options: statement.options.map((o) => ({
        grantDate: o.grantDate,
        shares: toNumber(o.shares),
        exercisePrice: toNumber(o.exercisePrice),
        exercisableDate: o.exercisableDate,
        value: toNumber(o.value),
      })),
      totalValue: toNumber(statement.totalValue),
    })),
    totals: { ...numbers(result.totals.balances, BALANCE_KEYS), totalValue: toNumber(result.totals.totalValue) },
    findings: result.findings.map(({ sheet, cell, row, column, rule, section, severity, message }) => ({
      sheet,
      cell,
      row,
      column,
      rule,
      section,
      severity,
      message,
    })),
  };
}

export type StatementJson = ReturnType<typeof statementJson>;
