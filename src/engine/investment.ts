/**
 * The Investment Account (§5.2(b)): credited with Art. V deferrals, earning
 * interest each quarter at the prime rate quoted at the beginning of the
 * quarter, on the average daily balance (reading 6).
 */
import { requireFraction } from "./checks";
import {
  compareDates,
  daysBetween,
  laterOf,
  nextQuarter,
  quarterFirstDay,
  quarterLabel,
  quarterLastDay,
  quarterOf,
  type IsoDate,
  type Quarter,
} from "./dates";
import { Decimal, roundCents, ZERO } from "./decimal";
import { notAvailable } from "./errors";

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

/** Σ over the quarter's calendar days of the balance at each day's close. */
function balanceDays(flows: readonly Flow[], quarter: Quarter): Decimal {
  const first = quarterFirstDay(quarter);
  const last = quarterLastDay(quarter);
  let total = ZERO;
  for (const { date, amount } of flows) {
    if (date > last) continue;
    total = total.plus(amount.times(daysBetween(laterOf(date, first), last) + 1));
  }
  return total;
}

/**
 * Interest credited at the close of the quarter containing `quarterDate`:
 * average daily balance × annual rate / 4, in cents (§5.2(b); reading 6).
 * `flows` must already hold earlier quarters' interest.
 */
export function investmentInterest(flows: readonly Flow[], quarterDate: IsoDate, annualRate: Decimal): Decimal {
  requireFraction(annualRate, "annualRate");
  const quarter = quarterOf(quarterDate);
  const days = daysBetween(quarterFirstDay(quarter), quarterLastDay(quarter)) + 1;
  return roundCents(balanceDays(flows, quarter).dividedBy(days).times(annualRate).dividedBy(QUARTERS_PER_YEAR));
}

/**
 * The balance at the close of `asOfDate`, crediting each quarter's interest (in
 * cents) at the close of its last calendar day from the first flow's quarter on.
 */
export function investmentBalance(flows: readonly Flow[], primeRates: readonly PrimeRate[], asOfDate: IsoDate): Decimal {
  if (flows.length === 0) return ZERO;
  const firstDate = flows.reduce((first, { date }) => (date < first ? date : first), flows[0].date);
  if (asOfDate < firstDate) return ZERO;
  const ledger: Flow[] = [...flows];
  for (let quarter = quarterOf(firstDate); quarterLastDay(quarter) <= asOfDate; quarter = nextQuarter(quarter)) {
    const interest = investmentInterest(ledger, quarterFirstDay(quarter), primeRateForQuarter(primeRates, quarter));
    ledger.push({ date: quarterLastDay(quarter), amount: interest });
  }
  return ledger.filter(({ date }) => date <= asOfDate).reduce((sum, { amount }) => sum.plus(amount), ZERO);
}

