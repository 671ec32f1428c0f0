/**
 * The statement replay's lifecycle (PAYOUT.md §7), against figures worked by
 * hand on the 2003 flat closes (Q1 $4.00, Q2 $5.00, Q3 $1.00, Q4 $0.70) and
 * prime rates (4.25% through Q2, 4% from Q3): credits refused inside the stop
 * windows (S05), §5.2(b) interest by window (P-R27), withdrawals and payouts
 * posted out of the Accounts.
 */
import fc from "fast-check";
import { replayAccounts, resumableReplay, type AccountsReplay, type ActivityRecord, type Lifecycle, type PlanRecords } from "../../src/engine/accounts";
import { payoutPlan } from "../../src/workflows/statement";
import { Decimal } from "../../src/engine/decimal";
import { deferralsResume, exhaustionWindow, suspensionWindow, terminationWindow, withdrawalWindow } from "../../src/engine/lifecycle";
import { PriceTable } from "../../src/engine/prices";
import { unitsWithdrawn } from "../../src/engine/withdrawal";
import { accountStatement, balanceAt } from "../../src/engine/statement";
import { PRICE_ROWS, PRIME_RATE_ROWS } from "../helpers/records";

const d = (value: number | string) => new Decimal(value);
const n = (value: Decimal) => value.toNumber();
const prices = PriceTable.fromEntries(PRICE_ROWS.map(([date, close]) => ({ date, close: d(close) })));
const primeRates = PRIME_RATE_ROWS.map(([date, annualRate]) => ({ date, annualRate: d(annualRate) }));

type Row = [date: string, kind: ActivityRecord["kind"], amount: number];
const WHO = "Cy Park";

function records(
  rows: readonly Row[],
  lifecycle: Omit<Lifecycle, "withdrawals"> & Partial<Lifecycle>,
  dividends: Array<[string, string, number]> = [],
): PlanRecords {
  return {
    activity: rows.map(([date, kind, amount]) => ({ participant: WHO, date, kind, amount: d(amount) })),
    dividends: dividends.map(([recordDate, paymentDate, perShare]) => ({ recordDate, paymentDate, perShare: d(perShare) })),
    splits: [],
    prices,
    primeRates,
    lifecycle: { withdrawals: [], unitsWithdrawn, ...lifecycle },
  };
}

/** Discretionary credits of $1,000 (200 units at $5.00, 1,000 at $1.00, 1,428.571429 at $0.70) on each date. */
const credits = (...dates: string[]): Row[] => dates.map((date) => [date, "discretionary", 1000]);
const credited = (replay: ReturnType<typeof replayAccounts>) => replay.postings.filter((p) => p.kind === "credited").map((p) => [p.date, n(p.change)]);
const refused = (replay: ReturnType<typeof replayAccounts>) => replay.problems.map((p) => [(p.record as ActivityRecord).date, p.rule, p.section]);

describe("credits inside a stop window are refused (S05, PAYOUT.md §7)", () => {
  it("§3.3: from the suspension to the later of Reinstated and New Election; the day before and the day it ends post", () => {
    // [2003-05-15, 2003-06-10): reinstated 06-02, new election 06-10, the later.
    const windows = [suspensionWindow("2003-05-15", "2003-06-02", "2003-06-10")];
    const replay = replayAccounts(records(credits("2003-05-14", "2003-05-15", "2003-06-09", "2003-06-10"), { windows }), WHO, "2003-12-31");
    expect(credited(replay)).toEqual([
      ["2003-05-14", 200],
      ["2003-06-10", 200],
    ]);
    expect(refused(replay)).toEqual([
      ["2003-05-15", "S05", "3.3"],
      ["2003-06-09", "S05", "3.3"],
    ]);
    expect(replay.problems[0].field).toBe("date");
    expect(replay.problems[0].message).toBe(
      "The discretionary credit of $1,000.00 dated 2003-05-15 falls in the §3.3 suspension from 2003-05-15 (credits resume 2003-06-10; deferrals under the new election start 2004-01-01): nothing is credited under §8.1(a),(b),(c) or Art. V then, so it is not applied (§3.3).",
    );
  });

  it("§3.3 is open-ended until both a reinstatement and a new election exist", () => {
    const windows = [suspensionWindow("2003-05-15", "2003-06-02")];
    const replay = replayAccounts(records(credits("2003-05-14", "2003-12-01"), { windows }), WHO, "2003-12-31");
    expect(credited(replay)).toEqual([["2003-05-14", 200]]);
    expect(replay.problems[0].message).toContain("the §3.3 suspension from 2003-05-15 (open-ended)");
  });

  it("deferrals resume the January 1 after the new election, a December 31 election included (§4.2(c))", () => {
    expect(deferralsResume("2003-06-10")).toBe("2004-01-01");
    expect(deferralsResume("2004-12-31")).toBe("2005-01-01");
    expect(deferralsResume("2005-01-01")).toBe("2006-01-01");
  });

  it("§7.3: from the approval to EDATE(approval, 6 × increments), 25% → six months", () => {
    const windows = [withdrawalWindow("2003-04-01", d("0.25"))];
    expect(windows[0].until).toBe("2003-10-01");
    const replay = replayAccounts(records(credits("2003-03-31", "2003-04-01", "2003-09-30", "2003-10-01"), { windows }), WHO, "2003-12-31");
    expect(credited(replay)).toEqual([
      ["2003-03-31", 250], // $1,000 / $4.00
      ["2003-10-01", 1428.571429], // $1,000 / $0.70
    ]);
    expect(refused(replay)).toEqual([
      ["2003-04-01", "S05", "7.3"],
      ["2003-09-30", "S05", "7.3"],
    ]);
  });

  it("§15.1: a credit dated on the termination's effective date still posts (P-R17); the day after is refused, and every day later", () => {
    const windows = [terminationWindow("2003-06-30")];
    const replay = replayAccounts(records(credits("2003-06-30", "2003-07-01", "2003-12-31"), { windows }), WHO, "2003-12-31");
    expect(credited(replay)).toEqual([["2003-06-30", 200]]);
    expect(refused(replay)).toEqual([
      ["2003-07-01", "S05", "15.1"],
      ["2003-12-31", "S05", "15.1"],
    ]);
  });

  it("§15.2: on or after the exhaustion date; the day before posts", () => {
    const windows = [exhaustionWindow("2003-08-01")];
    const replay = replayAccounts(records(credits("2003-07-31", "2003-08-01", "2003-12-31"), { windows }), WHO, "2003-12-31");
    expect(credited(replay)).toEqual([["2003-07-31", 1000]]);
    expect(refused(replay)).toEqual([
      ["2003-08-01", "S05", "15.2"],
      ["2003-12-31", "S05", "15.2"],
    ]);
  });

  it("judges a deferral by its Activity Date, not the quarter's crediting date, and stops every kind of credit", () => {
    // Paid 2003-05-14, before the suspension: credited 2003-06-30 inside the window, still applied (PAYOUT.md §7).
    const windows = [suspensionWindow("2003-05-15")];
    const rows: Row[] = [
      ["2003-05-14", "deferral", 5000],
      ["2003-05-15", "deferral", 5000],
      ["2003-05-15", "investment deferral", 5000],
    ];
    const replay = replayAccounts(records(rows, { windows }), WHO, "2003-12-31");
    expect(credited(replay)).toEqual([
      ["2003-06-30", 1000], // $5,000 / Q2 average $5.00
      ["2003-06-30", 100], // the 10% match (§4.3)
    ]);
    expect(refused(replay)).toEqual([
      ["2003-05-15", "S05", "3.3"],
      ["2003-05-15", "S05", "3.3"],
    ]);
  });

  it("never stops dividends (§8.1(d))", () => {
    const windows = [suspensionWindow("2003-05-15")];
    // 200 units held at the record date 06-13; $0.05 a share at the $5.00 close on 06-27: 2 units.
    const replay = replayAccounts(records(credits("2003-05-14"), { windows }, [["2003-06-13", "2003-06-27", 0.05]]), WHO, "2003-12-31");
    expect(replay.postings.filter((p) => p.kind === "dividends").map((p) => [p.date, p.account, n(p.change)])).toEqual([["2003-06-27", "CSA", 2]]);
    expect(replay.problems).toEqual([]);
  });
});

describe("§5.2(b) interest in the stop windows (P-R27)", () => {
  // $10,000 in the Investment Account on 2003-01-15. Without a window:
  // Q1 10,000 × 76/90 days × 4.25% / 4 = 89.72; Q2 10,089.72 × 4.25% / 4 = 107.20;
  // Q3 10,196.92 × 4% / 4 = 101.97; Q4 10,298.89 × 4% / 4 = 102.99.
  const deposit: Row[] = [["2003-01-15", "investment deferral", 10000]];
  const interest = (lifecycle: Omit<Lifecycle, "withdrawals">) =>
    replayAccounts(records(deposit, lifecycle), WHO, "2003-12-31")
      .postings.filter((p) => p.kind === "interest")
      .map((p) => [p.date, n(p.change)]);

  it("is credited every quarter with no window", () => {
    expect(interest({ windows: [] })).toEqual([
      ["2003-03-31", 89.72],
      ["2003-06-30", 107.2],
      ["2003-09-30", 101.97],
      ["2003-12-31", 102.99],
    ]);
  });

  it("§3.3: not credited on a quarter's last day inside the suspension ('and Section 5.2')", () => {
    // [2003-05-15, 2003-08-01): Q2 stops; Q3 earns on 10,089.72 × 4% / 4 = 100.90.
    expect(interest({ windows: [suspensionWindow("2003-05-15", "2003-07-15", "2003-08-01")] })).toEqual([
      ["2003-03-31", 89.72],
      ["2003-09-30", 100.9],
      ["2003-12-31", 101.91], // 10,190.62 × 4% / 4 = 101.9062
    ]);
  });

  it("§7.3: not credited inside the nonparticipation ('and Article V')", () => {
    // 25% approved 2003-06-02: [06-02, 12-02); Q2 and Q3 stop; Q4 earns on 10,089.72: 100.90.
    expect(interest({ windows: [withdrawalWindow("2003-06-02", d("0.25"))] })).toEqual([
      ["2003-03-31", 89.72],
      ["2003-12-31", 100.9],
    ]);
  });

  it("§15.1: continues after the termination ('continue to be adjusted by the other provisions of Article V')", () => {
    expect(interest({ windows: [terminationWindow("2003-05-01")] })).toEqual([
      ["2003-03-31", 89.72],
      ["2003-06-30", 107.2],
      ["2003-09-30", 101.97],
      ["2003-12-31", 102.99],
    ]);
  });

  it("§15.2: not credited on or after the exhaustion date ('of Article V')", () => {
    expect(interest({ windows: [exhaustionWindow("2003-08-01")] })).toEqual([
      ["2003-03-31", 89.72],
      ["2003-06-30", 107.2],
    ]);
  });
});

describe("a §7.3 withdrawal posts out of the DCA, the CMSA and discretionary CSA lots on its approval date", () => {
  // Deferral of $10,000 paid 2003-02-14: 2,500 DCA and 250 CMSA on 2003-03-31 (Q1 average $4.00).
  // Discretionary $3,000 on 2003-05-15 at $5.00: 600 CSA (discretionary lot).
  // $5,000 into the IA 2003-01-15, $2,000 allocated (released 04-24, determined 05-02 at $5.00): 400 CSA (Art. V lot).
  // Dividend 06-13 / 06-27, $0.05 at $5.00: DCA 25, CMSA 2.5, CSA 10 (6 on the discretionary lot, 4 on the allocation lot).
  const rows: Row[] = [
    ["2003-02-14", "deferral", 10000],
    ["2003-05-15", "discretionary", 3000],
    ["2003-01-15", "investment deferral", 5000],
    ["2003-04-24", "stock allocation", 2000],
  ];
  const dividends: Array<[string, string, number]> = [
    ["2003-06-13", "2003-06-27", 0.05],
    // Recorded the day before the withdrawal, paid after it: only the units still held earn it.
    ["2003-06-30", "2003-07-15", 0.1],
  ];
  const withdrawal = { participant: WHO, approvalDate: "2003-07-01", fraction: d("0.25") };
  const replay = replayAccounts(
    records(rows, { windows: [withdrawalWindow("2003-07-01", d("0.25"))], withdrawals: [withdrawal] }, dividends),
    WHO,
    "2003-12-31",
  );

  it("takes 25% of the units held at the close of the day before, per account; Art. V units and the IA stay (P-R14)", () => {
    expect(replay.postings.filter((p) => p.kind === "paidOut").map((p) => [p.date, p.account, n(p.change)])).toEqual([
      ["2003-07-01", "DCA", -631.25], // 25% of 2,525
      ["2003-07-01", "CMSA", -63.125], // 25% of 252.5
      ["2003-07-01", "CSA", -151.5], // 25% of the discretionary 606, not of the 404 allocated
    ]);
    expect(replay.postings.filter((p) => p.kind === "paidOut").every((p) => p.record === withdrawal)).toBe(true);
    expect(n(balanceAt(replay, "IA", "2003-07-01"))).toBe(n(balanceAt(replay, "IA", "2003-06-30")));
  });

  it("pays the next dividend on what is left of the record date's units", () => {
    // $0.10 at the $1.00 close: DCA 1,893.75 × 0.1 = 189.375; CMSA 189.375 × 0.1 = 18.9375 → 18.937500; CSA 858.5 × 0.1 = 85.85.
    expect(replay.postings.filter((p) => p.date === "2003-07-15").map((p) => [p.account, n(p.change)])).toEqual([
      ["DCA", 189.375],
      ["CMSA", 18.9375],
      ["CSA", 85.85],
    ]);
  });

  it("states it in Paid out: opening + credited + dividends + split adjustment + interest − allocated out − paid out = closing", () => {
    const s = accountStatement(replay, prices, "2003-07-01", "2003-12-31");
    expect([n(s.accounts.DCA.opening), n(s.accounts.DCA.dividends), n(s.accounts.DCA.paidOut), n(s.accounts.DCA.closing)]).toEqual([
      2525, 189.375, 631.25, 2083.125,
    ]);
    expect([n(s.accounts.CSA.opening), n(s.accounts.CSA.dividends), n(s.accounts.CSA.paidOut), n(s.accounts.CSA.closing)]).toEqual([
      1010, 85.85, 151.5, 944.35,
    ]);
    expect(n(s.accounts.IA.paidOut)).toBe(0);
  });

  it("rounds each account's units to 6 decimals, half-up", () => {
    // $100.01 at $0.70 on 2003-10-01: 142.871429 units; 75% is 107.15357175 → 107.153572.
    const small = replayAccounts(
      records(
        credits("2003-10-01").map(([date, kind]) => [date, kind, 100.01] as Row),
        {
          windows: [],
          withdrawals: [{ participant: WHO, approvalDate: "2003-11-03", fraction: d("0.75") }],
        },
      ),
      WHO,
      "2003-12-31",
    );
    expect(small.postings.map((p) => [p.date, p.kind, n(p.change)])).toEqual([
      ["2003-10-01", "credited", 142.871429],
      ["2003-11-03", "paidOut", -107.153572],
    ]);
    expect(n(balanceAt(small, "CSA", "2003-12-31"))).toBe(35.717857);
  });
});

describe("a payout posts every Account out on its payment date (PAYOUT.md §7, P-R11)", () => {
  // Separation: last day worked 2003-06-14, so the event is 2003-06-15 and the distribution date 2003-08-01 (§7.2(a)).
  const rows: Row[] = [
    ["2003-02-14", "deferral", 10000],
    ["2003-01-15", "investment deferral", 10000],
  ];
  const dividends: Array<[string, string, number]> = [
    ["2003-06-13", "2003-06-27", 0.05], // before the payment date: DCA 25, CMSA 2.5
    ["2003-07-15", "2003-08-15", 0.1], // recorded before it, paid after: nothing is left to earn it
    ["2003-08-15", "2003-09-05", 0.02], // after it: nothing held
  ];
  const record = { participant: WHO };
  const replay = replayAccounts(
    records(rows, { windows: [], payout: { record, eventDate: "2003-06-15", paymentDate: "2003-08-01" } }, dividends),
    WHO,
    "2003-12-31",
  );

  it("pays the unit accounts as held at the close of the day before, and the IA as it stood at the event's close", () => {
    expect(replay.postings.filter((p) => p.kind === "paidOut").map((p) => [p.date, p.account, n(p.change)])).toEqual([
      ["2003-08-01", "DCA", -2525],
      ["2003-08-01", "CMSA", -252.5],
      ["2003-08-01", "IA", -10089.72], // $10,000 and Q1's 89.72: no interest after 2003-06-15
    ]);
    expect(replay.postings.filter((p) => p.kind === "interest").map((p) => p.date)).toEqual(["2003-03-31"]);
  });

  it("leaves nothing afterwards: every Account closes at zero and is worth nothing", () => {
    const s = accountStatement(replay, prices, "2003-01-01", "2003-12-31");
    for (const key of ["DCA", "CMSA", "CSA", "IA"] as const) expect([key, n(s.accounts[key].closing), n(s.accounts[key].value)]).toEqual([key, 0, 0]);
    expect(n(s.totalValue)).toBe(0);
    expect([n(s.accounts.DCA.paidOut), n(s.accounts.CMSA.paidOut), n(s.accounts.IA.paidOut)]).toEqual([2525, 252.5, 10089.72]);
  });

  it("adds up: the statement's columns against the postings summed independently", () => {
    const s = accountStatement(replay, prices, "2003-04-01", "2003-12-31");
    for (const key of ["DCA", "CMSA", "CSA", "IA"] as const) {
      const own = replay.postings.filter((p) => p.account === key);
      const sum = (keep: (p: (typeof own)[number]) => boolean) => own.filter(keep).reduce((total, p) => total.plus(p.change), d(0));
      const opening = sum((p) => p.date < "2003-04-01");
      const paid = sum((p) => p.date >= "2003-04-01" && p.kind === "paidOut").negated();
      const moved = sum((p) => p.date >= "2003-04-01" && p.kind !== "paidOut");
      expect([key, s.accounts[key].opening.equals(opening), s.accounts[key].paidOut.equals(paid)]).toEqual([key, true, true]);
      const line = s.accounts[key];
      const movements = line.credited.plus(line.dividends).plus(line.splitAdjustment).plus(line.interest).minus(line.allocatedOut);
      expect(movements.equals(moved)).toBe(true);
      expect(opening.plus(moved).minus(paid).equals(line.closing)).toBe(true);
    }
  });

  it("pays a Company Stock Account lot held by §7.1(f) on its own release date, with the dividend units it earned meanwhile", () => {
    // $3,000 discretionary on 2003-05-15 at $5.00: 600 units; 06-27 dividend $0.05: 6 more; released 2004-01-01 (§7.1(f), P-R7).
    // The DCA and CMSA leave on the distribution date; the lot earns the 11-14 / 12-05 dividend, $0.01 at $0.70 on 606: 8.657143.
    const held = replayAccounts(
      records(
        [
          ["2003-02-14", "deferral", 10000],
          ["2003-05-15", "discretionary", 3000],
        ],
        {
          windows: [],
          // An elected date alone: the payout engine's schedule holds each lot (§7.1(f)).
          payout: payoutPlan(record, { date: "2003-06-15", kinds: ["elected"] }),
        },
        [
          ["2003-06-13", "2003-06-27", 0.05],
          ["2003-11-14", "2003-12-05", 0.01],
        ],
      ),
      WHO,
      "2004-01-02",
    );
    expect(held.postings.filter((p) => p.kind === "paidOut" || p.date >= "2003-12-01").map((p) => [p.date, p.account, p.kind, n(p.change)])).toEqual([
      ["2003-08-01", "DCA", "paidOut", -2525],
      ["2003-08-01", "CMSA", "paidOut", -252.5],
      ["2003-12-05", "CSA", "dividends", 8.657143],
      ["2004-01-01", "CSA", "paidOut", -614.657143],
    ]);
    expect(n(balanceAt(held, "CSA", "2004-01-02"))).toBe(0);
  });

  it("pays the same lot on the distribution date when the event is not an elected date alone", () => {
    const plan = payoutPlan(record, { date: "2003-06-15", kinds: ["separation"] });
    expect(plan?.paymentDate).toBe("2003-08-01");
    const paid = replayAccounts(records([["2003-05-15", "discretionary", 3000]], { windows: [], payout: plan }), WHO, "2003-12-31");
    expect(paid.postings.map((p) => [p.date, p.kind, n(p.change)])).toEqual([
      ["2003-05-15", "credited", 600],
      ["2003-08-01", "paidOut", -600],
    ]);
    expect(payoutPlan(record, { date: undefined, kinds: [] })).toBeUndefined();
  });
});

describe("a replay resumed with one more stop window is the replay made with it from the start (§15.2)", () => {
  /** Everything a replay gives, Decimals as text. */
  const facts = (replay: AccountsReplay) => ({
    ...replay,
    postings: replay.postings.map((p) => [p.date, p.account, p.kind, p.change.toString(), p.record]),
    options: replay.options.map((o) => [
      o.grantDate,
      String(o.shares),
      String(o.exercisePrice),
      o.adjustments.map((a) => [a.date, String(a.shares), String(a.exercisePrice)]),
    ]),
  });
  const day = (offset: number) => new Date(Date.UTC(2003, 0, 1 + offset)).toISOString().slice(0, 10);
  const kinds = ["deferral", "investment deferral", "discretionary", "stock allocation", "option allocation"] as const;
  const row = fc.record({ date: fc.integer({ min: 1, max: 350 }).map(day), kind: fc.constantFrom(...kinds), amount: fc.integer({ min: 100, max: 6000 }) });
  const plan = fc.record({
    rows: fc.array(row, { minLength: 1, maxLength: 25 }),
    // None, a §7.3 withdrawal, a separation paid on its distribution date, an elected date whose lots are held (§7.1(f)).
    lifecycle: fc.constantFrom("none", "withdrawal", "separation", "elected"),
    event: fc.integer({ min: 1, max: 330 }).map(day),
    stops: fc.array(fc.integer({ min: 0, max: 364 }).map(day), { minLength: 1, maxLength: 3 }),
  });
  const record = { participant: WHO };

  it("for any day the window opens, with withdrawals, payouts, dividends and a split around it", () => {
    fc.assert(
      fc.property(plan, ({ rows, lifecycle, event, stops }) => {
        const withdrawal = { participant: WHO, approvalDate: event, fraction: d("0.5") };
        const records: PlanRecords = {
          activity: rows.map(({ date, kind, amount }) => ({
            participant: WHO,
            date,
            kind,
            amount: d(amount),
            discount: kind === "option allocation" ? { value: d("0.15"), type: "fraction" as const } : undefined,
          })),
          dividends: [
            { recordDate: "2003-06-13", paymentDate: "2003-06-27", perShare: d("0.05") },
            // Recorded in one quarter, paid in the next: what is held at the record date outlives a quarter's start.
            { recordDate: "2003-09-26", paymentDate: "2003-10-08", perShare: d("0.02") },
            { recordDate: "2003-11-14", paymentDate: "2003-12-05", perShare: d("0.01") },
          ],
          splits: [{ date: "2003-09-15", newShares: d(2), oldShares: d(1) }],
          prices,
          primeRates,
          lifecycle: {
            windows: lifecycle === "withdrawal" ? [withdrawalWindow(event, withdrawal.fraction)] : [],
            withdrawals: lifecycle === "withdrawal" ? [withdrawal] : [],
            unitsWithdrawn,
            payout: lifecycle === "separation" || lifecycle === "elected" ? payoutPlan(record, { date: event, kinds: [lifecycle] }) : undefined,
          },
        };
        const resumable = resumableReplay(records, WHO, "2003-12-31");
        for (const from of stops) {
          const stop = exhaustionWindow(from);
          const lifecycleWithStop = { ...records.lifecycle!, windows: [...records.lifecycle!.windows, stop] };
          expect(facts(resumable.withWindow(stop))).toEqual(facts(replayAccounts({ ...records, lifecycle: lifecycleWithStop }, WHO, "2003-12-31")));
        }
        expect(facts(resumable.replay)).toEqual(facts(replayAccounts(records, WHO, "2003-12-31")));
      }),
      { numRuns: 60 },
    );
  });
});
