/**
 * What a replay says at a date or over a period (STATEMENT.md, "Output"):
 * balances, the statement of each Account, the options outstanding, values at
 * fair market value, and the plan's totals over many participants.
 */
import { ACCOUNT_KEYS, UNIT_ACCOUNTS, optionTermsAt, type AccountKey, type AccountsReplay, type OptionGrant, type OptionTerms } from "./accounts";
import { addMonths, dateParts, daysInMonth, isoDate, type IsoDate } from "./dates";
import { type Decimal, roundCents, ZERO } from "./decimal";
import { invalidValue, PlanError } from "./errors";
import type { PriceTable } from "./prices";

/** An Account, or `OPTIONS` for the option shares outstanding. */
export type BalanceKey = AccountKey | "OPTIONS";
export const BALANCE_KEYS: readonly BalanceKey[] = [...ACCOUNT_KEYS, "OPTIONS"];

export interface AccountLine {
  /** The close of the day before the period. */
  opening: Decimal;
  credited: Decimal;
  dividends: Decimal;
  splitAdjustment: Decimal;
  interest: Decimal;
  /** Positive: what allocations took out. */
  allocatedOut: Decimal;
  /** Positive: what withdrawals (§7.3) and payouts (Art. VII) took out (PAYOUT.md §7). */
  paidOut: Decimal;
  /** The close of the period's last day: opening + credited + dividends + split adjustment + interest − allocated out − paid out. */
  closing: Decimal;
  /** In cents (reading 5). */
  value: Decimal;
}

/** An account line's figures in the order and with the headers of STATEMENT.md ("Output", ACCOUNT_STATEMENT). */
export const ACCOUNT_LINE_COLUMNS: ReadonlyArray<readonly [keyof AccountLine, string]> = [
  ["opening", "Opening"],
  ["credited", "Credited"],
  ["dividends", "Dividends"],
  ["splitAdjustment", "Split adjustment"],
  ["interest", "Interest"],
  ["allocatedOut", "Allocated out"],
  ["paidOut", "Paid out"],
  ["closing", "Closing"],
  ["value", "Value"],
];

export type AccountLineField = keyof AccountLine;

/** The header row of a statement's accounts table. */
export const ACCOUNT_LINE_HEADER: readonly string[] = ["Account", ...ACCOUNT_LINE_COLUMNS.map(([, header]) => header)];

/** The movements from opening to closing: every column but the value. */
export const ACCOUNT_MOVEMENTS = ACCOUNT_LINE_COLUMNS.filter(([field]) => field !== "value");

export interface OptionLine {
  grantDate: IsoDate;
  /** Shares and exercise price as adjusted for splits through the statement's date. */
  shares: Decimal;
  exercisePrice: Decimal;
  exercisableDate: IsoDate;
  /** max(0, fair market value − exercise price) × shares, in cents (reading 5). */
  value: Decimal;
  /** The amount allocated and the fair market value on the grant date, as granted. */
  amount: Decimal;
  grantFairMarketValue: Decimal;
}

export interface ParticipantStatement {
  participant: string;
  from: IsoDate;
  to: IsoDate;
  /** FAIR_MARKET_VALUE(prices, to): what a unit is worth at the close of the period. */
  fairMarketValue: Decimal;
  accounts: Record<AccountKey, AccountLine>;
  options: OptionLine[];
  /** The four Accounts' values and the options' values, in cents. */
  totalValue: Decimal;
}

function assertCovers(replay: AccountsReplay, date: IsoDate): void {
  if (date > replay.through) throw new RangeError(`the replay runs through ${replay.through}, not ${date}`);
}

/** The balance of an Account at the close of `date`, or the option shares outstanding then. */
export function balanceAt(replay: AccountsReplay, key: BalanceKey, date: IsoDate): Decimal {
  assertCovers(replay, date);
  if (key === "OPTIONS") return optionsAt(replay, date).reduce((sum, { shares }) => sum.plus(shares), ZERO);
  let balance = ZERO;
  for (const posting of replay.postings) {
    if (posting.date > date) break;
    if (posting.account === key) balance = balance.plus(posting.change);
  }
  return balance;
}

/** An option as it stands at a date: its grant, and its shares and exercise price after the splits through that date. */
export interface OptionPosition<T = unknown> extends OptionTerms {
  grant: OptionGrant<T>;
}

/** The options granted through `date`, as they stand at its close. */
export function optionsAt<T>(replay: AccountsReplay<T>, date: IsoDate): Array<OptionPosition<T>> {
  assertCovers(replay, date);
  return replay.options.filter((grant) => grant.grantDate <= date).map((grant) => ({ grant, ...optionTermsAt(grant, date) }));
}

/** max(0, fair market value − exercise price) × shares, in cents (reading 5). */
export function optionValue(fairMarketValue: Decimal, shares: Decimal, exercisePrice: Decimal): Decimal {
  const spread = fairMarketValue.minus(exercisePrice);
  return spread.isPositive() && !spread.isZero() ? roundCents(spread.times(shares)) : ZERO;
}

/** An Account's value at a unit price: units × price, or the Investment Account's dollars, in cents (reading 5). */
export function accountValue(key: AccountKey, closing: Decimal, fairMarketValue: Decimal): Decimal {
  return roundCents(key === "IA" ? closing : closing.times(fairMarketValue));
}

/**
 * The statement for `from` .. `to` (both inclusive): per Account the opening,
 * the period's postings by kind, the closing and its value at
 * FAIR_MARKET_VALUE(prices, to); the options with their value (STATEMENT.md,
 * "Output"). #N/A when `to` has no fair market value.
 */
export function accountStatement(replay: AccountsReplay, prices: PriceTable, from: IsoDate, to: IsoDate): ParticipantStatement {
  if (from > to) throw invalidValue(`the period starts ${from}, after it ends ${to}`);
  assertCovers(replay, to);
  const fairMarketValue = prices.fairMarketValue(to);
  const lines = {} as Record<AccountKey, Omit<AccountLine, "closing" | "value">>;
  for (const key of ACCOUNT_KEYS) {
    lines[key] = { opening: ZERO, credited: ZERO, dividends: ZERO, splitAdjustment: ZERO, interest: ZERO, allocatedOut: ZERO, paidOut: ZERO };
  }
  for (const { date, account, kind, change } of replay.postings) {
    if (date > to) break;
    const line = lines[account];
    if (date < from) line.opening = line.opening.plus(change);
    else if (kind === "allocatedOut" || kind === "paidOut") line[kind] = line[kind].minus(change);
    else line[kind] = line[kind].plus(change);
  }
  const accounts = {} as Record<AccountKey, AccountLine>;
  for (const key of ACCOUNT_KEYS) {
    const line = lines[key];
    const closing = line.opening
      .plus(line.credited)
      .plus(line.dividends)
      .plus(line.splitAdjustment)
      .plus(line.interest)
      .minus(line.allocatedOut)
      .minus(line.paidOut);
    accounts[key] = { ...line, closing, value: accountValue(key, closing, fairMarketValue) };
  }
  const options = optionsAt(replay, to).map(({ grant, shares, exercisePrice }) => ({
    grantDate: grant.grantDate,
    shares,
    exercisePrice,
    exercisableDate: grant.exercisableDate,
    value: optionValue(fairMarketValue, shares, exercisePrice),
    amount: grant.amount,
    grantFairMarketValue: grant.fairMarketValue,
  }));
  const totalValue = [...ACCOUNT_KEYS.map((key) => accounts[key].value), ...options.map((o) => o.value)].reduce((sum, v) => sum.plus(v), ZERO);
  return { participant: replay.participant, from, to, fairMarketValue, accounts, options, totalValue };
}

export interface PlanTotals {
  /** Closing units of each unit Account, dollars for IA, option shares outstanding. */
  balances: Record<BalanceKey, Decimal>;
  /** What the plan owes at fair market value: every statement's total value, in cents. */
  totalValue: Decimal;
}

/** Sums over participants' statements of one period (§13.3: the Accounts are the Company's unfunded obligations). */
export function planTotals(statements: readonly ParticipantStatement[]): PlanTotals {
  const balances = Object.fromEntries(BALANCE_KEYS.map((key) => [key, ZERO])) as Record<BalanceKey, Decimal>;
  let totalValue = ZERO;
  for (const statement of statements) {
    for (const key of ACCOUNT_KEYS) balances[key] = balances[key].plus(statement.accounts[key].closing);
    balances.OPTIONS = statement.options.reduce((sum, { shares }) => sum.plus(shares), balances.OPTIONS);
    totalValue = totalValue.plus(statement.totalValue);
  }
  return { balances, totalValue };
}

export interface ValuePoint {
  date: IsoDate;
  /** The total value at the close of `date`, valued as the statement values it, in cents. */
  value: Decimal;
}

/**
 * The total value at the close of `from`, of every month end inside the period,
 * and of `to`: the line a statement's chart draws. A day that needs a fair
 * market value the price table lacks is left out rather than drawn at a guess.
 */
export function valueSeries(replay: AccountsReplay, prices: PriceTable, from: IsoDate, to: IsoDate): ValuePoint[] {
  assertCovers(replay, to);
  const dates: IsoDate[] = [from];
  const { year, month } = dateParts(from);
  for (let first = isoDate(year, month, 1); ; first = addMonths(first, 1)) {
    const { year: y, month: m } = dateParts(first);
    const monthEnd = isoDate(y, m, daysInMonth(y, m));
    if (monthEnd >= to) break;
    if (monthEnd > from) dates.push(monthEnd);
  }
  if (to > from) dates.push(to);

  const balances: Record<AccountKey, Decimal> = { DCA: ZERO, CMSA: ZERO, CSA: ZERO, IA: ZERO };
  const points: ValuePoint[] = [];
  let next = 0;
  for (const date of dates) {
    for (; next < replay.postings.length && replay.postings[next].date <= date; next++) {
      const { account, change } = replay.postings[next];
      balances[account] = balances[account].plus(change);
    }
    const options = optionsAt(replay, date);
    let value = accountValue("IA", balances.IA, ZERO);
    if (options.length > 0 || UNIT_ACCOUNTS.some((key) => !balances[key].isZero())) {
      let fairMarketValue: Decimal;
      try {
        fairMarketValue = prices.fairMarketValue(date);
      } catch (error) {
        if (error instanceof PlanError) continue;
        throw error;
      }
      for (const key of UNIT_ACCOUNTS) value = value.plus(accountValue(key, balances[key], fairMarketValue));
      for (const { shares, exercisePrice } of options) value = value.plus(optionValue(fairMarketValue, shares, exercisePrice));
    }
    points.push({ date, value });
  }
  return points;
}
