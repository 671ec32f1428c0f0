/**
 * The Investment Account (§5.2(b)): credited with Art. V deferrals, earning
 * interest each quarter at the prime rate quoted at the beginning of the
 * quarter, on the average daily balance (reading 6).
 */
import { requireFraction } from "./checks";
import { compareDates, daysBetween, nextQuarter, quarterFirstDay, quarterLabel, quarterLastDay, quarterOf, type IsoDate, type Quarter } from "./dates";
import { type Decimal, roundCents, ZERO } from "./decimal";
import { invalidValue, notAvailable } from "./errors";

export interface Flow {
  date: IsoDate;
  amount: Decimal;
}

export interface PrimeRate {
  date: IsoDate;
  annualRate: Decimal;
}

const QUARTERS_PER_YEAR = 4;

/** Prime rates as quoted, each checked as a rate, in date order (the order `primeRateForQuarter` reads them in). */
export function primeRateSchedule(rates: readonly PrimeRate[], name = "primeRates"): PrimeRate[] {
  return rates
    .map(({ date, annualRate }) => ({ date, annualRate: requireFraction(annualRate, `${name} ${date}: annual rate`) }))
    .sort((a, b) => compareDates(a.date, b.date));
}

/** The prime rate quoted at the beginning of the quarter: the latest row on or before its first day (§5.2(b)). */
export function primeRateForQuarter(primeRates: readonly PrimeRate[], quarter: Quarter): Decimal {
  const firstDay = quarterFirstDay(quarter);
  let rate: Decimal | undefined;
  for (const row of primeRates) {
    if (row.date > firstDay) break;
    rate = row.annualRate;
  }
  if (rate === undefined) {
    throw notAvailable(`no prime rate quoted on or before ${firstDay}, the beginning of ${quarterLabel(quarter)} (§5.2(b))`);
  }
  return rate;
}

/**
 * Interest credited at the close of `quarter`: the average over its calendar
 * days of the balance at each day's close (`openingBalance`, the close of the
 * quarter before, plus `quarterFlows` from their dates) × annual rate / 4, in
 * cents (§5.2(b); reading 6). An allocation out stops earning on its date.
 * INVESTMENT_INTEREST, INVESTMENT_BALANCE and the account replay all credit it here.
 */
export function quarterInterest(openingBalance: Decimal, quarterFlows: readonly Flow[], quarter: Quarter, annualRate: Decimal): Decimal {
  requireFraction(annualRate, "annualRate");
  const last = quarterLastDay(quarter);
  const days = daysBetween(quarterFirstDay(quarter), last) + 1;
  let balanceDays = openingBalance.times(days);
  for (const { date, amount } of quarterFlows) balanceDays = balanceDays.plus(amount.times(daysBetween(date, last) + 1));
  return roundCents(balanceDays.dividedBy(days).times(annualRate).dividedBy(QUARTERS_PER_YEAR));
}

/**
 * Interest credited at the close of the quarter containing `quarterDate`
 * (§5.2(b)). `flows` must already hold earlier quarters' interest.
 */
export function investmentInterest(flows: readonly Flow[], quarterDate: IsoDate, annualRate: Decimal): Decimal {
  const quarter = quarterOf(quarterDate);
  const first = quarterFirstDay(quarter);
  const last = quarterLastDay(quarter);
  const opening = flows.filter(({ date }) => date < first).reduce((sum, { amount }) => sum.plus(amount), ZERO);
  return quarterInterest(
    opening,
    flows.filter(({ date }) => date >= first && date <= last),
    quarter,
    annualRate,
  );
}

/**
 * An allocation may take out no more than the Investment Account holds
 * (§5.2(c)): the balance at the close of every day stays at or above zero.
 * `flows` are one quarter's, in date order, after `opening`.
 */
function requireNoOverdraft(opening: Decimal, flows: readonly Flow[]): void {
  let balance = opening;
  for (let i = 0; i < flows.length; i++) {
    balance = balance.plus(flows[i].amount);
    const dayEnds = i + 1 === flows.length || flows[i + 1].date !== flows[i].date;
    if (dayEnds && balance.isNegative() && !balance.isZero()) {
      throw invalidValue(
        `flows take the Investment Account below zero at the close of ${flows[i].date} (${balance.toFixed(2)}): an allocation cannot exceed the balance (§5.2(c))`,
      );
    }
  }
}

/**
 * The balance at the close of `asOfDate`, crediting each quarter's interest (in
 * cents) at the close of its last calendar day from the first flow's quarter on.
 */
export function investmentBalance(flows: readonly Flow[], primeRates: readonly PrimeRate[], asOfDate: IsoDate): Decimal {
  const sorted = [...flows].sort((a, b) => compareDates(a.date, b.date));
  if (sorted.length === 0 || asOfDate < sorted[0].date) return ZERO;
  let balance = ZERO; // the close of the quarter before, its interest included
  let next = 0;
  for (let quarter = quarterOf(sorted[0].date); ; quarter = nextQuarter(quarter)) {
    const last = quarterLastDay(quarter);
    const start = next;
    while (next < sorted.length && sorted[next].date <= last) next++;
    const quarterFlows = sorted.slice(start, next);
    if (last > asOfDate) {
      requireNoOverdraft(
        balance,
        quarterFlows.filter(({ date }) => date <= asOfDate),
      );
      return quarterFlows.filter(({ date }) => date <= asOfDate).reduce((sum, { amount }) => sum.plus(amount), balance);
    }
    requireNoOverdraft(balance, quarterFlows);
    const interest = quarterInterest(balance, quarterFlows, quarter, primeRateForQuarter(primeRates, quarter));
    balance = quarterFlows.reduce((sum, { amount }) => sum.plus(amount), balance).plus(interest);
  }
}
