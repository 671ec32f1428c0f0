/**
 * The Accounts replayed from plan records (STATEMENT.md), checked against
 * figures worked by hand. Ann Lee's 2003 (test/helpers/records.ts): closes
 * are flat each quarter, Q1 $4.00, Q2 $5.00, Q3 $1.00, Q4 $0.70.
 */
import fc from "fast-check";
import { replayAccounts, type ActivityRecord, type DividendRecord, type PlanRecords, type SplitRecord } from "../../src/engine/accounts";
import { Decimal } from "../../src/engine/decimal";
import { investmentBalance } from "../../src/engine/investment";
import { PriceTable } from "../../src/engine/prices";
import { accountStatement, balanceAt, planTotals } from "../../src/engine/statement";
import { sessionPrices } from "../helpers/prices";
import { ACTIVITY_ROWS, DIVIDEND_ROWS, PRICE_ROWS, PRIME_RATE_ROWS, SPLIT_ROWS } from "../helpers/records";

const d = (value: number | string) => new Decimal(value);
const n = (value: Decimal) => value.toNumber();

function activity(rows: ReadonlyArray<(typeof ACTIVITY_ROWS)[number]>): ActivityRecord[] {
  return rows.map(([participant, date, kind, amount, matchRate, discount]) => ({
    participant,
    date,
    kind: kind as ActivityRecord["kind"],
    amount: d(amount),
    matchRate: matchRate === "" ? undefined : d(matchRate),
    discount: discount === "" ? undefined : { value: d(discount), type: "fraction" },
  }));
}

const prices = PriceTable.fromEntries(PRICE_ROWS.map(([date, close]) => ({ date, close: d(close) })));
const worked: PlanRecords = {
  activity: activity(ACTIVITY_ROWS),
  dividends: DIVIDEND_ROWS.map(([recordDate, paymentDate, perShare]) => ({ recordDate, paymentDate, perShare: d(perShare) })),
  splits: SPLIT_ROWS.map(([date, newShares, oldShares]) => ({ date, newShares: d(newShares), oldShares: d(oldShares) })),
  prices,
  primeRates: PRIME_RATE_ROWS.map(([date, annualRate]) => ({ date, annualRate: d(annualRate) })),
};
const postings = (replay: ReturnType<typeof replayAccounts>) => replay.postings.map((p) => [p.date, p.account, p.kind, n(p.change)]);

/** Ann Lee's 2003 postings, each worked by hand (date, account, kind, change). */
const ANN_2003: Array<[string, string, string, number]> = [
  ["2003-01-15", "IA", "credited", 5000], // §5.2(b): at the close of the day it would have been paid
  ["2003-03-31", "DCA", "credited", 2500], // $10,000 / Q1 average $4.00, on QUARTER_END (§8.1(a))
  ["2003-03-31", "CMSA", "credited", 250], // 10% match (§4.3, §8.1(c))
  ["2003-03-31", "IA", "interest", 44.86], // 5,000 × 76 of 90 days × 4.25% / 4 = 44.8611
  // 2003-04-01: the dividend of record 2003-03-14 finds no units: the Q1 deferral was credited 2003-03-31 (reading 3)
  ["2003-05-02", "IA", "allocatedOut", -2000], // released 2003-04-24, determined 2003-05-02 (§5.2(d))
  ["2003-05-02", "CSA", "credited", 400], // $2,000 / $5.00
  ["2003-05-15", "CSA", "credited", 600], // $3,000 / $5.00 (§8.1(b))
  ["2003-06-27", "DCA", "dividends", 25], // 2,500 × $0.05 / $5.00 (§8.1(d))
  ["2003-06-27", "CMSA", "dividends", 2.5],
  ["2003-06-27", "CSA", "dividends", 10], // 1,000 held on 2003-06-13
  ["2003-06-30", "DCA", "credited", 1200], // $6,000 paid on the record date, credited after it (reading 3)
  ["2003-06-30", "CMSA", "credited", 300], // 25% match
  ["2003-06-30", "IA", "interest", 39.59], // (5,044.86 × 91 − 2,000 × 60) / 91 × 4.25% / 4 = 39.5906
  ["2003-08-01", "IA", "allocatedOut", -1000], // the §5.4 example
  ["2003-09-05", "DCA", "dividends", 74.5], // 3,725 × $0.02 / $1.00
  ["2003-09-05", "CMSA", "dividends", 11.05],
  ["2003-09-05", "CSA", "dividends", 20.2],
  ["2003-09-15", "DCA", "splitAdjustment", 3799.5], // 2-for-1 (§8.1(e))
  ["2003-09-15", "CMSA", "splitAdjustment", 563.55],
  ["2003-09-15", "CSA", "splitAdjustment", 1030.2],
  ["2003-09-30", "IA", "interest", 24.21], // (3,084.45 × 92 − 1,000 × 61) / 92 × 4% / 4 = 24.2140
  ["2003-12-05", "DCA", "dividends", 108.557143], // 7,599 × $0.01 / $0.70 = 108.5571428…
  ["2003-12-05", "CMSA", "dividends", 16.101429], // 1,127.1 × $0.01 / $0.70 = 16.1014285…
  ["2003-12-05", "CSA", "dividends", 29.434286], // 2,060.4 × $0.01 / $0.70 = 29.4342857…
  ["2003-12-31", "IA", "interest", 21.09], // 2,108.66 × 4% / 4 = 21.0866
];

/** The hand-worked postings of `account` summed in the test, by kind and in all (what a statement from 2003-01-01 must show). */
function annSummed(account: string): { byKind: Record<string, Decimal>; closing: Decimal } {
  const byKind: Record<string, Decimal> = {};
  let closing = d(0);
  for (const [, acct, kind, change] of ANN_2003) {
    if (acct !== account) continue;
    byKind[kind] = (byKind[kind] ?? d(0)).plus(change);
    closing = closing.plus(change);
  }
  return { byKind, closing };
}

describe("Ann Lee's 2003, worked by hand", () => {
  const ann = replayAccounts(worked, " ANN LEE ", "2003-12-31");

  it("posts every credit, dividend, split adjustment, interest and allocation on its day, in the order of reading 1", () => {
    expect(postings(ann)).toEqual(ANN_2003);
    expect(ann.participant).toBe("Ann Lee");
  });

  it("grants 6,666 options at $0.85 for $1,000 at $1.00 with a 15% discount (§5.4 example), 13,332 at $0.425 after the 2-for-1 split", () => {
    expect(ann.options).toHaveLength(1);
    const [grant] = ann.options;
    expect([grant.grantDate, n(grant.shares), n(grant.exercisePrice), grant.exercisableDate]).toEqual(["2003-08-01", 6666, 0.85, "2004-02-01"]);
    expect(grant.adjustments.map((a) => [a.date, n(a.shares), n(a.exercisePrice)])).toEqual([["2003-09-15", 13332, 0.425]]);
    expect(n(balanceAt(ann, "OPTIONS", "2003-07-31"))).toBe(0);
    expect(n(balanceAt(ann, "OPTIONS", "2003-09-14"))).toBe(6666);
    expect(n(balanceAt(ann, "OPTIONS", "2003-09-15"))).toBe(13332);
  });

  it("refuses the $5,000 allocation determined 2003-10-31 against the $2,108.66 held the day before (reading 6, S01)", () => {
    expect(ann.problems.map((p) => [p.rule, p.field, (p.record as ActivityRecord).date])).toEqual([["S01", "amount", "2003-10-23"]]);
    expect(ann.problems[0].message).toBe(
      "The allocation to the Company Stock Account of $5,000.00 (released 2003-10-23, determined 2003-10-31) is more than the $2,108.66 in the Investment Account at the close of 2003-10-30; it is not applied (§5.2(c)).",
    );
    expect(n(balanceAt(ann, "CSA", "2003-10-31"))).toBe(2060.4);
    expect(n(balanceAt(ann, "IA", "2003-10-31"))).toBe(2108.66);
  });

  it("states the year: each movement and the closing are the hand-worked postings summed, valued at $0.70", () => {
    const s = accountStatement(ann, prices, "2003-01-01", "2003-12-31");
    const line = (key: keyof typeof s.accounts) => Object.values(s.accounts[key]).map(n);
    // opening, credited, dividends, split adjustment, interest, allocated out, paid out, closing, value
    expect(line("DCA")).toEqual([0, 3700, 208.057143, 3799.5, 0, 0, 0, 7707.557143, 5395.29]);
    expect(line("CMSA")).toEqual([0, 550, 29.651429, 563.55, 0, 0, 0, 1143.201429, 800.24]);
    expect(line("CSA")).toEqual([0, 1000, 59.634286, 1030.2, 0, 0, 0, 2089.834286, 1462.88]);
    expect(line("IA")).toEqual([0, 5000, 0, 0, 129.75, 3000, 0, 2129.75, 2129.75]);
    // (0.70 − 0.425) × 13,332 = 3,666.30
    expect(s.options.map((o) => [o.grantDate, n(o.shares), n(o.exercisePrice), o.exercisableDate, n(o.value)])).toEqual([
      ["2003-08-01", 13332, 0.425, "2004-02-01", 3666.3],
    ]);
    expect(n(s.totalValue)).toBe(13454.46);
    // Each movement and the closing against the hand-worked postings summed here, not by the statement's own arithmetic.
    for (const key of ["DCA", "CMSA", "CSA", "IA"] as const) {
      const { byKind, closing } = annSummed(key);
      const line = s.accounts[key];
      const summed = (kind: string) => n(byKind[kind] ?? d(0));
      expect([key, n(line.credited), n(line.dividends), n(line.splitAdjustment), n(line.interest), n(line.allocatedOut), n(line.closing)]).toEqual([
        key,
        summed("credited"),
        summed("dividends"),
        summed("splitAdjustment"),
        summed("interest"),
        n(d(0).minus(byKind.allocatedOut ?? d(0))), // postings carry it negative, the statement positive
        n(closing),
      ]);
    }
  });

  it("opens a period at the close of the day before it", () => {
    const q3 = accountStatement(ann, prices, "2003-07-01", "2003-09-30");
    expect(n(q3.accounts.DCA.opening)).toBe(3725);
    expect(n(q3.accounts.CSA.opening)).toBe(1010);
    expect(n(q3.accounts.IA.opening)).toBe(3084.45);
    expect(n(q3.accounts.IA.allocatedOut)).toBe(1000);
    expect(n(q3.accounts.DCA.closing)).toBe(7599);
    expect(n(q3.fairMarketValue)).toBe(1);
    const oneDay = accountStatement(ann, prices, "2003-03-31", "2003-03-31");
    expect([n(oneDay.accounts.DCA.opening), n(oneDay.accounts.DCA.credited), n(oneDay.accounts.DCA.closing)]).toEqual([0, 2500, 2500]);
  });

  it("keeps the Investment Account at the hand-worked balances, as INVESTMENT_BALANCE does over the same flows (reading 6)", () => {
    const handWorked: Array<[string, number]> = [
      ["2003-01-14", 0],
      ["2003-01-15", 5000], // the Art. V deferral
      ["2003-03-31", 5044.86], // + 5,000 × 76 / 90 × 4.25% / 4 = 44.8611 → 44.86
      ["2003-05-02", 3044.86], // − 2,000 allocated
      ["2003-06-30", 3084.45], // + (5,044.86 × 91 − 2,000 × 60) / 91 × 4.25% / 4 = 39.5906 → 39.59
      ["2003-08-01", 2084.45], // − 1,000 allocated (the §5.4 example)
      ["2003-09-30", 2108.66], // + (3,084.45 × 92 − 1,000 × 61) / 92 × 4% / 4 = 24.2140 → 24.21
      ["2003-11-15", 2108.66], // the $5,000 allocation of 2003-10-31 refused (S01)
      ["2003-12-31", 2129.75], // + 2,108.66 × 4% / 4 = 21.0866 → 21.09
    ];
    const flows = [
      { date: "2003-01-15", amount: d(5000) },
      { date: "2003-05-02", amount: d(-2000) },
      { date: "2003-08-01", amount: d(-1000) },
    ];
    expect(handWorked.map(([date]) => [date, n(balanceAt(ann, "IA", date))])).toEqual(handWorked);
    expect(handWorked.map(([date]) => [date, n(investmentBalance(flows, worked.primeRates!, date))])).toEqual(handWorked);
  });

  it("adds Ben Ortiz's deferral, credited after the split and not doubled, into the plan totals", () => {
    const ben = replayAccounts(worked, "Ben Ortiz", "2003-12-31");
    // $8,000 / Q3 average $1.00 on 2003-09-30; 8,000 × $0.01 / $0.70 = 114.2857142…
    expect(postings(ben)).toEqual([
      ["2003-09-30", "DCA", "credited", 8000],
      ["2003-09-30", "CMSA", "credited", 800],
      ["2003-12-05", "DCA", "dividends", 114.285714],
      ["2003-12-05", "CMSA", "dividends", 11.428571],
    ]);
    const statements = [ann, ben].map((r) => accountStatement(r, prices, "2003-01-01", "2003-12-31"));
    expect(n(statements[1].totalValue)).toBe(6248); // 5,680.00 + 568.00
    const totals = planTotals(statements);
    expect(Object.fromEntries(Object.entries(totals.balances).map(([k, v]) => [k, n(v)]))).toEqual({
      DCA: 15821.842857,
      CMSA: 1954.63,
      CSA: 2089.834286,
      IA: 2129.75,
      OPTIONS: 13332,
    });
    expect(n(totals.totalValue)).toBe(19702.46);
  });
});

/** A price table of NYSE sessions from `from` to `to`, each closing at `close(date)`. */
function pricesOf(from: string, to: string, close: (date: string) => number): PriceTable {
  return PriceTable.fromEntries(sessionPrices(from, to, (_, date) => close(date)).map(([date, c]) => ({ date, close: d(c) })));
}

function records(rows: Array<Partial<ActivityRecord> & Pick<ActivityRecord, "date" | "kind" | "amount">>, extra: Partial<PlanRecords> = {}): PlanRecords {
  return {
    activity: rows.map((row) => ({ participant: "Cara Diaz", ...row })),
    dividends: [],
    splits: [],
    prices: pricesOf("2003-01-01", "2004-12-31", () => 1),
    primeRates: [{ date: "2002-01-01", annualRate: d("0.04") }],
    ...extra,
  };
}

const dividend = (recordDate: string, paymentDate: string, perShare: number): DividendRecord => ({ recordDate, paymentDate, perShare: d(perShare) });
const split = (date: string, newShares: number, oldShares: number): SplitRecord => ({ date, newShares: d(newShares), oldShares: d(oldShares) });

describe("reading 1: the order within one day", () => {
  it("on a quarter's last day: the split, then the day's credit, then the dividend on record-date units, then interest", () => {
    const replay = replayAccounts(
      records(
        [
          { date: "2003-09-30", kind: "discretionary", amount: d(500) },
          { date: "2003-07-01", kind: "investment deferral", amount: d(1000) },
          { date: "2003-07-15", kind: "discretionary", amount: d(1000) },
        ],
        { dividends: [dividend("2003-08-15", "2003-09-30", 0.1)], splits: [split("2003-09-30", 2, 1)] },
      ),
      "Cara Diaz",
      "2003-09-30",
    );
    expect(postings(replay).filter(([date]) => date === "2003-09-30")).toEqual([
      ["2003-09-30", "CSA", "splitAdjustment", 1000], // the 1,000 units held before the day, not the day's credit
      ["2003-09-30", "CSA", "credited", 500],
      ["2003-09-30", "CSA", "dividends", 100], // 1,000 held at the record date × $0.10 / $1.00
      ["2003-09-30", "IA", "interest", 10], // 1,000 × 4% / 4
    ]);
  });
});

describe("reading 3: dividends on the units held at the record date", () => {
  it("counts a credit posted on the record date itself but not a deferral paid earlier and credited after it", () => {
    const replay = replayAccounts(
      records(
        [
          { date: "2003-05-15", kind: "deferral", amount: d(1000) }, // credited 2003-06-30
          { date: "2003-06-13", kind: "discretionary", amount: d(2000) }, // credited on the record date
        ],
        { dividends: [dividend("2003-06-13", "2003-06-27", 0.05)] },
      ),
      "cara diaz",
      "2003-06-30",
    );
    expect(postings(replay)).toEqual([
      ["2003-06-13", "CSA", "credited", 2000],
      ["2003-06-27", "CSA", "dividends", 100],
      ["2003-06-30", "DCA", "credited", 1000],
      ["2003-06-30", "CMSA", "credited", 100],
    ]);
  });

  it("credits nothing and needs no price when no units are held at the record date", () => {
    const gap = pricesOf("2003-01-01", "2003-12-31", () => 1);
    const replay = replayAccounts(
      { ...records([{ date: "2003-07-15", kind: "discretionary", amount: d(100) }]), prices: gap, dividends: [dividend("2003-06-13", "2003-07-04", 0.05)] },
      "Cara Diaz",
      "2003-12-31",
    );
    expect(replay.problems).toEqual([]); // 2003-07-04 has no close, and none is needed
  });

  it("refuses a record date that is not before the payment date (S02)", () => {
    const replay = replayAccounts(
      records([{ date: "2003-01-15", kind: "discretionary", amount: d(100) }], { dividends: [dividend("2003-06-27", "2003-06-27", 0.05)] }),
      "Cara Diaz",
      "2003-12-31",
    );
    expect(replay.problems.map((p) => [p.rule, p.field])).toEqual([["S02", "recordDate"]]);
    expect(replay.postings).toHaveLength(1);
  });
});

describe("reading 2: a split adjustment is one posting, rounded to 6 decimals half-up", () => {
  const closes = pricesOf("2003-01-01", "2004-12-31", () => 3);
  const credit = { date: "2003-02-03", kind: "discretionary" as const, amount: d(1000) }; // 1,000 / 3 = 333.333333

  it("3-for-2: 333.333333 × 3/2 = 499.9999995 → 500, an adjustment of 166.666667", () => {
    const replay = replayAccounts({ ...records([credit]), prices: closes, splits: [split("2003-03-03", 3, 2)] }, "Cara Diaz", "2003-12-31");
    expect(postings(replay)).toEqual([
      ["2003-02-03", "CSA", "credited", 333.333333],
      ["2003-03-03", "CSA", "splitAdjustment", 166.666667],
    ]);
    expect(n(balanceAt(replay, "CSA", "2003-03-03"))).toBe(500);
  });

  it("1-for-10 reverse: 333.333333 → 33.333333, an adjustment of −300", () => {
    const replay = replayAccounts({ ...records([credit]), prices: closes, splits: [split("2003-03-03", 1, 10)] }, "Cara Diaz", "2003-12-31");
    expect(postings(replay)[1]).toEqual(["2003-03-03", "CSA", "splitAdjustment", -300]);
    expect(n(balanceAt(replay, "CSA", "2003-12-31"))).toBe(33.333333);
  });
});

describe("options through a split (STATEMENT.md, Splits)", () => {
  const grant = (releaseDate: string) => ({
    date: releaseDate,
    kind: "option allocation" as const,
    amount: d(1000),
    discount: { value: d("0.15"), type: "fraction" as const },
  });
  const funded = { date: "2003-01-15", kind: "investment deferral" as const, amount: d(5000) };
  const terms = (replay: ReturnType<typeof replayAccounts>) =>
    replay.options.map((o) => [o.grantDate, ...o.adjustments.map((a) => [a.date, n(a.shares), n(a.exercisePrice)])]);

  it("3-for-2 keeps whole shares down and the price to 4 decimals half-up: 6,666 at $0.85 → 9,999 at $0.5667", () => {
    const replay = replayAccounts(records([funded, grant("2003-07-24")], { splits: [split("2003-10-01", 3, 2)] }), "Cara Diaz", "2003-12-31");
    expect(terms(replay)).toEqual([["2003-08-01", ["2003-10-01", 9999, 0.5667]]]);
  });

  it("1-for-10 reverse: 6,666 → 666 shares at $8.50; the exercisable date does not move", () => {
    const replay = replayAccounts(records([funded, grant("2003-07-24")], { splits: [split("2003-10-01", 1, 10)] }), "Cara Diaz", "2003-12-31");
    expect(terms(replay)).toEqual([["2003-08-01", ["2003-10-01", 666, 8.5]]]);
    expect(replay.options[0].exercisableDate).toBe("2004-02-01");
  });

  it("a grant on a split's own day is granted after it and not adjusted", () => {
    const replay = replayAccounts(records([funded, grant("2003-07-24")], { splits: [split("2003-08-01", 2, 1)] }), "Cara Diaz", "2003-12-31");
    expect(terms(replay)).toEqual([["2003-08-01"]]);
    expect(n(balanceAt(replay, "OPTIONS", "2003-12-31"))).toBe(6666);
  });
});

describe("reading 6: an allocation larger than the Investment Account (§5.2(c))", () => {
  // $1,000 credited 2003-07-01; the release of 2003-07-24 is determined 2003-08-01.
  const funded = { date: "2003-07-01", kind: "investment deferral" as const, amount: d(1000) };
  const stock = (amount: string | number, date = "2003-07-24") => ({ date, kind: "stock allocation" as const, amount: d(amount) });

  it("takes the whole balance, and refuses one cent more", () => {
    expect(replayAccounts(records([funded, stock(1000)]), "Cara Diaz", "2003-09-29").problems).toEqual([]);
    const over = replayAccounts(records([funded, stock("1000.01")]), "Cara Diaz", "2003-09-29");
    expect(over.problems.map((p) => p.rule)).toEqual(["S01"]);
    expect(n(balanceAt(over, "IA", "2003-09-29"))).toBe(1000);
    expect(n(balanceAt(over, "CSA", "2003-09-29"))).toBe(0);
  });

  it("checks allocations of one day together, in row order", () => {
    const replay = replayAccounts(records([funded, stock(600), stock(600)]), "Cara Diaz", "2003-09-29");
    expect(
      replay.problems.map((p) => [
        p.rule,
        p.message.match(/more than the \S+ in the Investment Account at the close of 2003-07-31 after the day's earlier allocations/) !== null,
      ]),
    ).toEqual([["S01", true]]);
    expect(n(balanceAt(replay, "IA", "2003-09-29"))).toBe(400);
  });

  it("does not count a deferral credited at the close of the determination date itself", () => {
    const replay = replayAccounts(records([{ ...funded, date: "2003-08-01" }, stock(500)]), "Cara Diaz", "2003-09-29");
    expect(replay.problems.map((p) => p.rule)).toEqual(["S01"]);
    expect(replay.problems[0].message).toContain("more than the $0.00 in the Investment Account at the close of 2003-07-31");
  });

  it("without prime rates decides against the balance before interest, and says when it cannot tell (OPTION_GRANTS)", () => {
    const noRates = { primeRates: undefined };
    expect(replayAccounts(records([funded, stock(1000)], noRates), "Cara Diaz", "2003-09-29").problems).toEqual([]);
    // $1,000 from 2003-01-02 earns $9.89 in Q1 (89 of 90 days at 1%): $1,005 fits with interest, not without.
    const early = records([{ ...funded, date: "2003-01-02" }, stock(1005, "2003-04-24")]);
    expect(replayAccounts(early, "Cara Diaz", "2003-06-30").problems).toEqual([]);
    const unsure = replayAccounts({ ...early, primeRates: undefined }, "Cara Diaz", "2003-06-30");
    expect(unsure.problems.map((p) => p.rule)).toEqual(["S03"]);
    expect(unsure.problems[0].message).toContain("without prime rates it cannot be told whether interest covers it");
  });
});

describe("rows the replay cannot apply are left out, the rest replays", () => {
  it("S03: a deferral whose quarter lacks a close names the day", () => {
    const gap = PriceTable.fromEntries(
      sessionPrices("2003-01-01", "2003-12-31", () => 1)
        .filter(([date]) => date !== "2003-02-14")
        .map(([date, c]) => ({ date, close: d(c) })),
    );
    const replay = replayAccounts(
      {
        ...records([
          { date: "2003-01-20", kind: "deferral", amount: d(100) },
          { date: "2003-05-15", kind: "discretionary", amount: d(100) },
        ]),
        prices: gap,
      },
      "Cara Diaz",
      "2003-12-31",
    );
    expect(replay.problems.map((p) => [p.rule, p.field])).toEqual([["S03", "date"]]);
    expect(replay.problems[0].message).toBe(
      "No closing price for 2003-02-14, a Business Day of 2003-Q1; the quarter average needs every one (§8.1(a)); the deferral is not credited.",
    );
    expect(postings(replay)).toEqual([["2003-05-15", "CSA", "credited", 100]]);
  });

  it("S04: a match rate below 10% or above 100%, a discount outside §5.1", () => {
    const replay = replayAccounts(
      records([
        { date: "2003-01-20", kind: "deferral", amount: d(100), matchRate: d("0.05") },
        { date: "2003-01-20", kind: "deferral", amount: d(100), matchRate: d(15) },
        { date: "2003-01-01", kind: "investment deferral", amount: d(5000) },
        { date: "2003-07-24", kind: "option allocation", amount: d(1000), discount: { value: d("0.05"), type: "fraction" } },
        { date: "2003-07-24", kind: "option allocation", amount: d(1000), discount: { value: d("0.60"), type: "dollars" } },
      ]),
      "Cara Diaz",
      "2003-12-31",
    );
    expect(replay.problems.map((p) => [p.rule, p.field, p.message])).toEqual([
      ["S04", "matchRate", "Match Rate 5% is below the plan's 10% match (§4.3): the deferral is not credited."],
      ["S04", "matchRate", "Match Rate 1500% is above 100%; if 15% was meant, enter 15% (or 0.15) (§4.3): the deferral is not credited."],
      [
        "S04",
        "discount",
        "Discount 5% is below the 10% minimum for a price at or below $10.00 at the fair market value $1.00 on 2003-08-01; no option is granted (§5.1).",
      ],
      ["S04", "discount", "Discount $0.60 is above the 50% maximum ($0.50 a share) at the fair market value $1.00 on 2003-08-01; no option is granted (§5.1)."],
    ]);
    expect(replay.options).toEqual([]);
    expect(n(balanceAt(replay, "IA", "2003-08-01"))).toBe(5100.5); // nothing allocated: 5,000 + 50.00 + 50.50 interest
  });

  it("S03: a missing prime rate is reported once, on the first Investment Account row, and that interest is left out", () => {
    const replay = replayAccounts(
      records([{ date: "2003-02-03", kind: "investment deferral", amount: d(1000) }], { primeRates: [{ date: "2003-03-15", annualRate: d("0.04") }] }),
      "Cara Diaz",
      "2003-12-31",
    );
    expect(replay.problems.map((p) => [p.rule, p.field, p.message])).toEqual([
      [
        "S03",
        "date",
        "No prime rate quoted on or before 2003-01-01, the beginning of 2003-Q1: the Investment Account interest for 2003-Q1 is left out (§5.2(b)).",
      ],
    ]);
    expect(postings(replay).map(([date, , kind, change]) => [date, kind, change])).toEqual([
      ["2003-02-03", "credited", 1000],
      ["2003-06-30", "interest", 10],
      ["2003-09-30", "interest", 10.1],
      ["2003-12-31", "interest", 10.2],
    ]);
  });
});

/**
 * A statement's figures summed in the test from the raw postings: what came
 * before `from`, each kind inside the period, and every posting through `to`
 * summed directly (not as opening + movements, which is how the statement
 * computes its closing).
 */
function summedPostings(replay: ReturnType<typeof replayAccounts>, key: string, from: string, to: string) {
  const sums = { opening: d(0), credited: d(0), dividends: d(0), splitAdjustment: d(0), interest: d(0), allocatedOut: d(0), paidOut: d(0), closing: d(0) };
  for (const posting of replay.postings) {
    if (posting.account !== key || posting.date > to) continue;
    sums.closing = sums.closing.plus(posting.change);
    if (posting.date < from) sums.opening = sums.opening.plus(posting.change);
    else sums[posting.kind] = sums[posting.kind].plus(posting.change);
  }
  return sums;
}

/**
 * Reading 6 worked day by day, the way a person would: walk every calendar
 * day from 2003-01-01, add the day's flows, add the day's closing balance to
 * the quarter's sum; on the quarter's last day credit sum / days × rate / 4,
 * to the cent (half-up). Interest of 0.00 is not posted.
 */
function interestDayByDay(flows: ReadonlyArray<{ date: string; change: Decimal }>, annualRate: string, to: string): Array<[string, string]> {
  const credited: Array<[string, string]> = [];
  let balance = d(0);
  let sum = d(0);
  let days = 0;
  for (let time = Date.UTC(2003, 0, 1); ; time += 86_400_000) {
    const date = new Date(time).toISOString().slice(0, 10);
    if (date > to) break;
    for (const flow of flows) if (flow.date === date) balance = balance.plus(flow.change);
    sum = sum.plus(balance);
    days++;
    const tomorrow = new Date(time + 86_400_000);
    if (tomorrow.getUTCDate() === 1 && tomorrow.getUTCMonth() % 3 === 0) {
      const interest = sum.dividedBy(days).times(annualRate).dividedBy(4).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      if (!interest.isZero()) credited.push([date, interest.toFixed(2)]);
      balance = balance.plus(interest);
      sum = d(0);
      days = 0;
    }
  }
  return credited;
}

describe("invariants over generated records", () => {
  const kinds = ["deferral", "investment deferral", "discretionary", "stock allocation", "option allocation"] as const;
  const varied = pricesOf("2003-01-01", "2004-12-31", (date) => 1 + (Number(date.slice(8, 10)) % 7) / 4);
  const row = fc.record({
    participant: fc.constantFrom("Ann Lee", "ann lee", "Ben Ortiz"),
    date: fc.integer({ min: 0, max: 540 }).map((days) => new Date(Date.UTC(2003, 0, 2 + days)).toISOString().slice(0, 10)),
    kind: fc.constantFrom(...kinds),
    cents: fc.integer({ min: 1, max: 2_000_000 }),
  });
  const plan = fc.record({
    rows: fc.array(row, { minLength: 1, maxLength: 30 }),
    splitDay: fc.integer({ min: 0, max: 700 }),
    ratio: fc.constantFrom([2, 1], [3, 2], [1, 10]),
    cut: fc.integer({ min: 1, max: 700 }),
  });
  const day = (offset: number) => new Date(Date.UTC(2003, 0, 1 + offset)).toISOString().slice(0, 10);

  it("every period's figures are its postings summed, one period's closing is the next one's opening, and the interest is reading 6 worked day by day", () => {
    fc.assert(
      fc.property(plan, ({ rows, splitDay, ratio, cut }) => {
        const records: PlanRecords = {
          activity: rows.map(({ participant, date, kind, cents }) => ({
            participant,
            date,
            kind,
            amount: d(cents).dividedBy(100),
            discount: kind === "option allocation" ? { value: d("0.2"), type: "fraction" as const } : undefined,
          })),
          dividends: [dividend("2003-05-15", "2003-06-02", 0.03), dividend("2004-02-13", "2004-03-01", 0.02)],
          splits: [split(day(splitDay), ratio[0], ratio[1])],
          prices: varied,
          primeRates: [{ date: "2002-01-01", annualRate: d("0.05") }],
        };
        const to = "2004-12-31";
        for (const participant of ["Ann Lee", "Ben Ortiz"]) {
          const replay = replayAccounts(records, participant, to);
          const middle = day(cut);
          const first = accountStatement(replay, varied, "2003-01-01", middle);
          const second = accountStatement(replay, varied, day(cut + 1), to);
          for (const key of ["DCA", "CMSA", "CSA", "IA"] as const) {
            for (const [statement, from, through] of [
              [first, "2003-01-01", middle],
              [second, day(cut + 1), to],
            ] as const) {
              const line = statement.accounts[key];
              const sums = summedPostings(replay, key, from, through);
              expect(
                [line.opening, line.credited, line.dividends, line.splitAdjustment, line.interest, line.allocatedOut, line.paidOut, line.closing].map(String),
              ).toEqual(
                [
                  sums.opening,
                  sums.credited,
                  sums.dividends,
                  sums.splitAdjustment,
                  sums.interest,
                  sums.allocatedOut.negated(),
                  sums.paidOut.negated(),
                  sums.closing,
                ].map(String),
              );
            }
            expect(second.accounts[key].opening.equals(first.accounts[key].closing)).toBe(true);
            expect(balanceAt(replay, key, to).isNegative() && !balanceAt(replay, key, to).isZero()).toBe(false);
          }
          const flows = replay.postings.filter((p) => p.account === "IA" && p.kind !== "interest");
          const interest = replay.postings.filter((p) => p.account === "IA" && p.kind === "interest").map((p) => [p.date, p.change.toFixed(2)]);
          expect(interest).toEqual(interestDayByDay(flows, "0.05", to));
          for (const posting of replay.postings) if (posting.account !== "IA") expect(posting.change.decimalPlaces()).toBeLessThanOrEqual(6);
        }
      }),
      { numRuns: 60 },
    );
  });
});
