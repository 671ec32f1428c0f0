/**
 * Payouts (PAYOUT.md §2–§5) against figures worked by hand. Each P-R reading
 * has a test whose figure the rejected reading would not give.
 */
import fc from "fast-check";
import { Decimal } from "../../src/engine/decimal";
import { FieldError } from "../../src/engine/errors";
import { cumulativeShares, deemedDeathDate, distributableEvent, payout, type Holding, type PayoutFacts } from "../../src/engine/payout";
import { PriceTable } from "../../src/engine/prices";

const d = (value: number | string) => new Decimal(value);
const n = (value: Decimal) => value.toNumber();

const prices = PriceTable.fromEntries(
  [
    ["2003-05-01", "5.00"],
    ["2004-07-30", "8.00"],
    ["2004-12-31", "10.00"],
    ["2005-06-01", "4.00"],
  ].map(([date, close]) => ({ date, close: d(close) })),
);

const lot = (account: Holding["account"], quantity: string, more: Partial<Holding> = {}): Holding => ({
  employer: "Company",
  account,
  quantity: d(quantity),
  ...more,
});

/** Ann Lee leaves on Friday 2003-03-14: 115.75 units and $1,234.565 in the IA. */
const ANN: Holding[] = [
  lot("DCA", "100.4"),
  lot("CMSA", "10.25"),
  lot("CSA", "5.1", { lotSource: "discretionary", creditDate: "2002-12-31" }),
  lot("IA", "1234.565"),
];
const ann = (more: Partial<PayoutFacts> = {}): PayoutFacts => ({ participant: "Ann Lee", lastDayWorked: "2003-03-14", ...more });

describe("the Distributable Event (§7.1, §7.5, §7.6)", () => {
  test("separation is the day after the last day worked (P-R2), every candidate listed", () => {
    const event = distributableEvent({ lastDayWorked: "2003-03-14", disability: "2003-06-01" });
    expect(event.date).toBe("2003-03-15");
    expect(event.kinds).toEqual(["separation"]);
  });

  test("candidates on the same date are all listed, in §7.1 order", () => {
    const event = distributableEvent({ death: "2003-03-15", lastDayWorked: "2003-03-14", disability: "2003-03-15" });
    expect(event.kinds).toEqual(["disability", "death", "separation"]);
    expect(event.sections).toEqual(["§7.1(a)", "§7.1(b)", "§7.1(c)"]);
  });

  test("no candidate: no event", () => {
    expect(distributableEvent({}).date).toBeUndefined();
  });

  test("an event on the Change in Control day needs no auditor's opinion; the day after does (P-R4)", () => {
    expect(distributableEvent({ planTermination: "2005-03-01", changeInControl: "2005-03-01" }).date).toBe("2005-03-01");
    const after = distributableEvent({ planTermination: "2005-03-02", changeInControl: "2005-03-01" });
    expect(after.date).toBeUndefined();
    expect(after.excluded).toEqual([
      { kind: "planTermination", date: "2005-03-02", reason: expect.stringContaining("awaiting the independent auditor's opinion") },
    ]);
  });

  test("with the auditor's opinion the event counts on the later of the two (§7.5)", () => {
    const event = distributableEvent({ planTermination: "2005-03-02", changeInControl: "2005-03-01", auditorOpinion: "2005-04-10" });
    expect(event.date).toBe("2005-04-10");
    expect(event.kinds).toEqual(["planTermination"]);
  });

  test("§7.5 gates (d) and (e) only: a separation or an elected date after the Change in Control needs no opinion (P-R3)", () => {
    expect(distributableEvent({ lastDayWorked: "2005-06-10", changeInControl: "2005-03-01" }).date).toBe("2005-06-11");
    const elected = distributableEvent({ electedDate: "2005-06-15", electionEffective: "2004-05-15", changeInControl: "2005-03-01" });
    expect(elected.date).toBe("2005-06-15");
  });

  test("a parachute determination excludes (d) and (e) whenever they occur, even before any Change in Control", () => {
    const event = distributableEvent({ planTermination: "2004-01-01", parachuteDetermined: true, disability: "2006-01-01" });
    expect(event.date).toBe("2006-01-01");
    expect(event.excluded[0]).toMatchObject({ kind: "planTermination", reason: expect.stringContaining("parachute") });
  });

  test("a Cause Date displaces the separation, and its §7.5 exclusion is not undone the next day (P-R28)", () => {
    const event = distributableEvent({ lastDayWorked: "2005-06-10", causeDate: "2005-06-10", changeInControl: "2005-03-01" });
    // The rejected reading keeps (c): the separation on 2005-06-11 would be the event.
    expect(event.date).toBeUndefined();
    expect(event.excluded.map((e) => e.kind)).toEqual(["separation", "cause"]);
    expect(event.excluded[0].reason).toBe("displaced by §7.6 termination for cause (P-R28)");
  });

  test("a Cause Date on the Last Day Worked is valid; before it, or without it, is #VALUE! naming causeDate", () => {
    const event = distributableEvent({ lastDayWorked: "2003-03-14", causeDate: "2003-03-14" });
    expect(event.date).toBe("2003-03-14");
    expect(event.kinds).toEqual(["cause"]);
    expect(event.sections).toEqual(["§7.1(e)", "§7.6"]);
    expect(() => distributableEvent({ lastDayWorked: "2003-03-14", causeDate: "2003-03-13" })).toThrow(
      /causeDate 2003-03-13 is before the lastDayWorked 2003-03-14.*§7\.6/,
    );
    try {
      distributableEvent({ causeDate: "2003-03-13" });
    } catch (error) {
      expect(error).toBeInstanceOf(FieldError);
      expect((error as FieldError).field).toBe("causeDate");
      expect((error as FieldError).code).toBe("#VALUE!");
    }
    expect.assertions(7);
  });

  test("an elected date not approved by the Committee is excluded", () => {
    const event = distributableEvent({ electedDate: "2005-06-15", electionEffective: "2004-05-15", electedApproved: false });
    expect(event.date).toBeUndefined();
    expect(event.excluded[0].reason).toBe("not accepted and approved by the Committee, §7.1(f)");
  });

  test("an elected date 13 months after the election counts; a day earlier is an error and is dropped (P-R1 clamp)", () => {
    expect(distributableEvent({ electedDate: "2004-06-15", electionEffective: "2003-05-15" }).date).toBe("2004-06-15");
    // 2003-01-31 + 13 months = 2004-02-29 (clamped).
    expect(distributableEvent({ electedDate: "2004-02-29", electionEffective: "2003-01-31" }).date).toBe("2004-02-29");
    const early = distributableEvent({ electedDate: "2004-02-28", electionEffective: "2003-01-31", disability: "2006-01-01" });
    expect(early.date).toBe("2006-01-01");
    expect(early.notes).toEqual([expect.objectContaining({ severity: "error", field: "electedDate", section: "7.1(f)" })]);
    expect(() => distributableEvent({ electedDate: "2004-02-28" })).toThrow(/electionEffective/);
  });
});

describe("payments (§7.2, §6.2) and withholding (§10.2)", () => {
  test("a separation: one payment on the distribution date, units rounded up to 116 shares, IA in cents (hand-worked)", () => {
    const result = payout(ann({ taxRate: d("0.2") }), ANN, prices);
    expect(result.distributionDate).toBe("2003-05-01");
    expect(result.payments).toHaveLength(1);
    const [p] = result.payments;
    expect(p.fmvDate).toBe("2003-05-01");
    expect(n(p.fmv)).toBe(5);
    expect(p.units).toEqual({ DCA: d("100.4"), CMSA: d("10.25"), CSA: d("5.1") });
    // 115.75 units → 116 shares (§6.2: up); the rejected floor-plus-cash would deliver 115.
    expect(n(p.grossShares)).toBe(116);
    expect(n(p.shareValue)).toBe(580);
    expect(n(p.iaCash)).toBe(1234.57);
    // 20% of $580.00 = $116.00: 23.2 → 24 shares withheld (P-R9), $4.00 back for the rest of the last one.
    expect(n(p.taxOnShares)).toBe(116);
    expect(n(p.withheldShares)).toBe(24);
    expect(n(p.fractionCash)).toBe(4);
    expect(n(p.netShares)).toBe(92);
    // 20% of $1,234.57 = $246.914 → $246.91; net $1,234.57 − $246.91 + $4.00.
    expect(n(p.taxOnCash)).toBe(246.91);
    expect(n(p.netCash)).toBe(991.66);
    expect(n(p.cashDueFromPayee)).toBe(0);
    expect(p.payeeKind).toBe("participant");
  });

  test("a cash election received before the event: no share withheld, the share tax is due from the payee", () => {
    const [p] = payout(ann({ taxRate: d("0.2"), cashTaxElectionDate: "2003-03-14" }), ANN, prices).payments;
    expect(n(p.withheldShares)).toBe(0);
    expect(n(p.netShares)).toBe(116);
    expect(n(p.cashDueFromPayee)).toBe(116);
    expect(n(p.netCash)).toBe(987.66);
  });

  test("a cash election on the event's day is too late: a warning, and shares are withheld", () => {
    const result = payout(ann({ taxRate: d("0.2"), cashTaxElectionDate: "2003-03-15" }), ANN, prices);
    expect(n(result.payments[0].withheldShares)).toBe(24);
    expect(result.notes).toEqual([expect.objectContaining({ severity: "warning", section: "10.2", field: "cashTaxElectionDate" })]);
  });

  test("shortfall order: every share, then the IA cash, then the payee (Share Tax above the shares' value)", () => {
    const holdings = [lot("DCA", "115.75"), lot("IA", "10")];
    const [p] = payout(ann({ shareTax: d(600), cashTax: d(2) }), holdings, prices).payments;
    // 116 shares × $5 = $580; $20 short: $8 of IA cash is left after the $2 cash tax, $12 is due from the payee.
    expect(n(p.withheldShares)).toBe(116);
    expect(n(p.netShares)).toBe(0);
    expect(n(p.fractionCash)).toBe(0);
    expect(n(p.netCash)).toBe(0);
    expect(n(p.cashDueFromPayee)).toBe(12);
  });

  test("per employer: units and IA dollars by employer and account, as given (§2.5)", () => {
    const holdings = [lot("DCA", "10"), { ...lot("DCA", "2.5"), employer: "Hecla Ventures" }, lot("IA", "100")];
    const result = payout(ann(), holdings, prices);
    expect(n(result.perEmployer.Company.DCA)).toBe(10);
    expect(n(result.perEmployer.Company.IA)).toBe(100);
    expect(n(result.perEmployer["Hecla Ventures"].DCA)).toBe(2.5);
    expect(n(result.payments[0].grossShares)).toBe(13);
  });

  test("a tax rate of 15 (meant 15%) is #VALUE! naming taxRate", () => {
    expect(() => payout(ann({ taxRate: d(15) }), ANN, prices)).toThrow(expect.objectContaining({ field: "taxRate", code: "#VALUE!" }));
  });

  test("a missing price is #N/A naming the day", () => {
    expect(() => payout(ann({ lastDayWorked: "2003-06-14" }), ANN, prices)).toThrow(
      expect.objectContaining({ code: "#N/A", message: expect.stringContaining("2003-08-01") }),
    );
  });
});

describe("the §7.1(f) hold on Company Stock Account lots (P-R7) and §6.2 across payments (P-R8)", () => {
  const elected = (more: Partial<PayoutFacts> = {}): PayoutFacts => ({
    participant: "Ben Ortiz",
    electedDate: "2004-06-15",
    electionEffective: "2003-05-15",
    ...more,
  });
  const holdings = [
    lot("DCA", "10.6"),
    lot("CSA", "2.2", { lotSource: "discretionary", creditDate: "2003-01-10" }),
    lot("CSA", "3.1", { lotSource: "allocation", creditDate: "2004-03-10" }),
    lot("IA", "50"),
  ];

  test("a lot released after the distribution date is paid on its release date, not on the first of a later month", () => {
    const result = payout(elected(), holdings, prices);
    expect(result.distributionDate).toBe("2004-08-01");
    expect(result.payments.map((p) => p.date)).toEqual(["2004-08-01", "2005-01-01"]);
    // 2004-08-01 is a Sunday and 2005-01-01 a Saturday holiday: each valued at the last Business Day's close (P-R6).
    expect(result.payments.map((p) => p.fmvDate)).toEqual(["2004-07-30", "2004-12-31"]);
    expect(result.payments.map((p) => n(p.units.CSA))).toEqual([2.2, 3.1]);
    expect(result.payments.map((p) => n(p.iaCash))).toEqual([50, 0]);
  });

  test("shares by cumulative round-up: 12.8 units → 13, then 15.9 in all → 16, so 3 (per-payment round-up would give 4)", () => {
    const result = payout(elected(), holdings, prices);
    expect(result.payments.map((p) => n(p.grossShares))).toEqual([13, 3]);
    expect(result.payments.map((p) => n(p.shareValue))).toEqual([104, 30]);
  });

  test("the hold applies only when (f) is the event alone", () => {
    const result = payout(elected({ disability: "2004-06-15" }), holdings, prices);
    expect(result.payments.map((p) => p.date)).toEqual(["2004-08-01"]);
  });

  test("Share Tax and Cash Tax override the first payment only; later payments use the rate", () => {
    const result = payout(elected({ taxRate: d("0.1"), shareTax: d(8), cashTax: d(1) }), holdings, prices);
    expect(result.payments.map((p) => n(p.taxOnShares))).toEqual([8, 3]);
    expect(result.payments.map((p) => n(p.taxOnCash))).toEqual([1, 0]);
  });

  test("a death between the payments: the first is the participant's, the later one the beneficiary's (P-R10)", () => {
    const result = payout(elected({ death: "2004-10-01", beneficiary: "Bea Ortiz", formApproved: true }), holdings, prices);
    // The rejected reading fixes one payee at the first payment: both would be the participant's.
    expect(result.payments.map((p) => p.payeeKind)).toEqual(["participant", "beneficiary"]);
    expect(result.payee).toMatchObject({
      kind: "beneficiary",
      name: "Bea Ortiz",
      awaitingApplication: true,
      optionsPassTo: expect.stringContaining("will or descent"),
    });
    expect(result.payee?.payableFrom).toBeUndefined();
    expect(result.unlocated).toEqual({ locateBeneficiaryBy: "2007-10-01", section: "§12.4" });
  });

  test("a death on the payment date is not prior to it: the participant's", () => {
    const result = payout(elected({ death: "2005-01-01", will: true, applicationApproved: "2005-02-01" }), holdings, prices);
    expect(result.payments.map((p) => p.payeeKind)).toEqual(["participant", "participant"]);
    expect(result.payee?.kind).toBe("participant");
    expect(result.payee?.optionsPassTo).toContain("will or descent");
  });

  test("cumulative shares never pass §6.2's cap, however the units are split (property)", () => {
    const units = fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(units, (micro) => {
        const paid = micro.map((m) => d(m).dividedBy(1_000_000));
        const shares = cumulativeShares(paid);
        const total = paid.reduce((a, b) => a.plus(b), d(0));
        const delivered = shares.reduce((a, b) => a.plus(b), d(0));
        return delivered.equals(total.ceil()) && shares.every((s) => s.isInteger() && !s.isNegative());
      }),
    );
  });

  test("net shares + withheld = gross, at any rate (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100_000 }), (percent, centiUnits) => {
        const result = payout(ann({ taxRate: d(percent).dividedBy(100) }), [lot("DCA", d(centiUnits).dividedBy(100).toString())], prices);
        return result.payments.every((p) => p.netShares.plus(p.withheldShares).equals(p.grossShares) && !p.netShares.isNegative());
      }),
    );
  });
});

describe("the payee (§7.2(e), §9.2, §9.3) and unlocated participants (§12.4)", () => {
  test("the participant while alive: payable from the first payment, no application", () => {
    const result = payout(ann(), ANN, prices);
    expect(result.payee).toEqual({
      kind: "participant",
      name: "Ann Lee",
      section: "§7.2(e)",
      payableFrom: "2003-05-01",
      awaitingApplication: false,
      optionsPassTo: "Ann Lee",
      paidTo: "Ann Lee",
    });
    expect(result.unlocated).toBeUndefined();
  });

  test("a death before the event: the will, payable from the application's approval", () => {
    const result = payout(ann({ lastDayWorked: undefined, death: "2003-03-20", will: true, applicationApproved: "2003-06-02" }), ANN, prices);
    expect(result.payments[0].payeeKind).toBe("will");
    expect(result.payee).toMatchObject({ kind: "will", payableFrom: "2003-06-02", awaitingApplication: false });
  });

  test("a named beneficiary whose form the Committee has not accepted is ignored with a warning: the intestate heirs", () => {
    const result = payout(ann({ death: "2003-03-20", beneficiary: "Carl Lee" }), ANN, prices);
    expect(result.payments[0].payeeKind).toBe("intestate");
    expect(result.notes).toEqual([expect.objectContaining({ severity: "warning", section: "9.3", field: "formApproved" })]);
  });

  test("an incompetent payee with a conservator: paid to the conservator (§9.2)", () => {
    const result = payout(ann({ incompetent: true, conservator: "Dana Fox" }), ANN, prices);
    expect(result.payee).toMatchObject({ kind: "conservator", name: "Ann Lee", paidTo: "Dana Fox", section: "§9.2" });
    expect(result.payments[0].payeeKind).toBe("conservator");
  });

  test("incompetent without a conservator: the person is paid, with a warning", () => {
    const result = payout(ann({ incompetent: true }), ANN, prices);
    expect(result.payee?.kind).toBe("participant");
    expect(result.notes).toEqual([expect.objectContaining({ severity: "warning", section: "9.2" })]);
  });

  test("not located: deemed dead three years after the distribution date; the beneficiary must be found within a year more (P-R12)", () => {
    const result = payout(ann({ located: false, beneficiary: "Bea Lee", formApproved: true, applicationApproved: "2006-01-01" }), ANN, prices);
    expect(result.unlocated).toEqual({ deemedDeathDate: "2006-05-01", locateBeneficiaryBy: "2007-05-01", section: "§12.4" });
    expect(result.payments[0].payeeKind).toBe("beneficiary");
    expect(result.payee).toMatchObject({ kind: "beneficiary", payableFrom: "2006-05-01" });
  });

  test("not located, no designated beneficiary: the deemed death still applies and there is no deadline", () => {
    const result = payout(ann({ located: false }), ANN, prices);
    expect(result.unlocated).toEqual({ deemedDeathDate: "2006-05-01", locateBeneficiaryBy: undefined, section: "§12.4" });
    expect(result.payments[0].payeeKind).toBe("intestate");
  });

  test("year arithmetic clamps: a death on 2004-02-29 gives a beneficiary until 2007-02-28", () => {
    const result = payout(
      { participant: "Eve Park", death: "2004-02-29", beneficiary: "Finn Park", formApproved: true },
      [lot("DCA", "1")],
      PriceTable.fromEntries([{ date: "2004-04-01", close: d(3) }]),
    );
    expect(result.distributionDate).toBe("2004-04-01");
    expect(result.unlocated?.locateBeneficiaryBy).toBe("2007-02-28");
    expect(deemedDeathDate("2004-02-29")).toBe("2007-02-28");
  });
});
