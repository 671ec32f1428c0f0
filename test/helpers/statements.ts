/** Participant statements shaped like one participant of `dcp statement --json`, for the PDF tests. */
import type { AccountFigures, StatementPdfInput, ValuePoint } from "../../src/documents/statementInput";
import { addDays, dayNumber } from "../../src/engine/dates";
import { Decimal, dec, roundCents, toNumber } from "../../src/engine/decimal";

const NONE: AccountFigures = { opening: 0, credited: 0, dividends: 0, splitAdjustment: 0, interest: 0, allocatedOut: 0, paidOut: 0, closing: 0, value: 0 };

/**
 * Ann Lee's 2003, figures worked by hand. Closing price on 2003-12-31: $5.50.
 * DCA 10,000 + 8,421.052632 + 12.345678 = 18,433.398310 units, × 5.50 = $101,383.69;
 * CMSA 1,000 + 842.105263 + 1.234567 = 1,843.339830 units, = $10,138.37;
 * CSA 3,333.333333 + 0.5 = 3,333.833333 units, = $18,336.08;
 * IA $20,000.00 + 12,000.00 + 1,234.56 interest − 21,000.00 allocated = $12,234.56;
 * options (5.50 − 0.85) × 6,666 = $30,996.90 and (5.50 − 4.25) × 2,000 = $2,500.00;
 * total $175,589.60.
 */
export const ANN_LEE_2003: StatementPdfInput = {
  participant: "Ann Lee",
  from: "2003-01-01",
  to: "2003-12-31",
  accounts: {
    DCA: {
      opening: 10_000,
      credited: 8_421.052632,
      dividends: 12.345678,
      splitAdjustment: 0,
      interest: 0,
      allocatedOut: 0,
      paidOut: 0,
      closing: 18_433.39831,
      value: 101_383.69,
    },
    CMSA: {
      opening: 1_000,
      credited: 842.105263,
      dividends: 1.234567,
      splitAdjustment: 0,
      interest: 0,
      allocatedOut: 0,
      paidOut: 0,
      closing: 1_843.33983,
      value: 10_138.37,
    },
    CSA: {
      opening: 0,
      credited: 3_333.333333,
      dividends: 0.5,
      splitAdjustment: 0,
      interest: 0,
      allocatedOut: 0,
      paidOut: 0,
      closing: 3_333.833333,
      value: 18_336.08,
    },
    IA: {
      opening: 20_000,
      credited: 12_000,
      dividends: 0,
      splitAdjustment: 0,
      interest: 1_234.56,
      allocatedOut: 21_000,
      paidOut: 0,
      closing: 12_234.56,
      value: 12_234.56,
    },
  },
  options: [
    { grantDate: "2003-11-03", shares: 2_000, exercisePrice: 4.25, exercisableDate: "2004-05-03", value: 2_500 },
    { grantDate: "2003-08-01", shares: 6_666, exercisePrice: 0.85, exercisableDate: "2004-02-01", value: 30_996.9 },
  ],
  totalValue: 175_589.6,
  valueSeries: [
    { date: "2003-01-01", value: 62_410.0 },
    { date: "2003-03-31", value: 71_920.45 },
    { date: "2003-06-30", value: 88_302.1 },
    { date: "2003-08-01", value: 121_644.8 },
    { date: "2003-09-30", value: 117_006.25 },
    { date: "2003-11-03", value: 149_870.0 },
    { date: "2003-12-31", value: 175_589.6 },
  ],
};

/** An account whose closing and value follow from its movements, at `price` a unit (or dollars when `price` is undefined). */
export function account(movements: Partial<Omit<AccountFigures, "closing" | "value">>, price?: string): AccountFigures {
  const figures = { ...NONE, ...movements };
  const closing = dec(figures.opening)
    .plus(figures.credited)
    .plus(figures.dividends)
    .plus(figures.splitAdjustment)
    .plus(figures.interest)
    .minus(figures.allocatedOut);
  const value = price === undefined ? closing : roundCents(closing.times(price));
  return { ...figures, closing: toNumber(closing), value: toNumber(value) };
}

/**
 * A long-serving participant with a grant every month for five years (60 grants)
 * and balances in the millions: the statement must flow onto more pages without
 * a figure leaving the page.
 */
export function manyGrants(grants = 60): StatementPdfInput {
  const price = "12.3456";
  const accounts = {
    DCA: account({ opening: 1_234_567.123456, credited: 98_765.432109, dividends: 4_321.987654, splitAdjustment: 1_337_654.543219 }, price),
    CMSA: account({ opening: 123_456.712345, credited: 9_876.543211, dividends: 432.198765, splitAdjustment: 133_765.454321 }, price),
    CSA: account({ opening: 55_555.555555, credited: 44_444.444444, dividends: 99.999999, splitAdjustment: 100_099.999998 }, price),
    IA: account({ opening: 9_876_543.21, credited: 1_234_567.89, interest: 456_789.01, allocatedOut: 3_000_000 }),
  };
  const options = Array.from({ length: grants }, (_, i) => {
    const grantDate = addDays("2004-01-30", i * 30);
    const shares = 100_000 + i * 1_111;
    const exercisePrice = dec("6.1728").plus(dec(i).times("0.0125"));
    return {
      grantDate,
      shares,
      exercisePrice: toNumber(exercisePrice),
      exercisableDate: addDays(grantDate, 184),
      value: toNumber(roundCents(dec(price).minus(exercisePrice).times(shares))),
    };
  });
  const total = [...Object.values(accounts).map((a) => dec(a.value)), ...options.map((o) => dec(o.value))].reduce((t, v) => t.plus(v), new Decimal(0));
  const from = "2004-01-01";
  const to = "2008-12-31";
  const valueSeries: ValuePoint[] = [];
  for (let day = dayNumber(from), i = 0; day <= dayNumber(to); day += 7, i++) {
    valueSeries.push({ date: addDays(from, day - dayNumber(from)), value: toNumber(roundCents(total.times(0.4 + 0.6 * (i / 260) + 0.05 * Math.sin(i / 6)))) });
  }
  return {
    participant: "Ma. Josefina Núñez-Østergaard de la Cruz y Villanueva Łukasiewicz",
    from,
    to,
    accounts,
    options,
    totalValue: toNumber(total),
    valueSeries,
  };
}
