/**
 * What the Payouts page shows of a result in the shape of `dcp payout --json`
 * (PAYOUT.md §1). The figures are the template's worked example
 * (src/sheets/payoutTemplates.ts), worked by hand here.
 */
import { chooseParticipant, participantNames, payoutView, resultSummary } from "../../src/taskpane/payoutView";
import type { PaymentJson, PayoutJsonEntry as PayoutJson, PayoutJson as PayoutsJson } from "../../src/workflows/payout";

const NO_UNITS = { DCA: 0, CMSA: 0, CSA: 0 };

/**
 * Ann Lee: last day worked 2004-03-15, so separated 2004-03-16 (§7.1(c)), paid 2004-05-01 (§7.2(a)) at the close of
 * Friday 2004-04-30, $5.00. Units 700.4 + 300 + 200.3 + 99.5 = 1,300.2, rounded up to 1,301 shares (§6.2): $6,505.00.
 * Tax at 25%: $1,626.25 on the shares, 325.25 shares' worth, so 326 withheld and $3.75 back (§10.2); $625.00 on the
 * $2,500.00 IA cash. Net: 975 shares, $2,500.00 − $625.00 + $3.75 = $1,878.75.
 */
const annPayment: PaymentJson = {
  date: "2004-05-01",
  payeeKind: "participant",
  fmvDate: "2004-04-30",
  fmv: 5,
  units: { DCA: 1000.4, CMSA: 200.3, CSA: 99.5 },
  iaCash: 2500,
  grossShares: 1301,
  shareValue: 6505,
  taxOnShares: 1626.25,
  taxOnCash: 625,
  withheldShares: 326,
  fractionCash: 3.75,
  netShares: 975,
  netCash: 1878.75,
  cashDueFromPayee: 0,
};

const ann: PayoutJson = {
  participant: "Ann Lee",
  event: { date: "2004-03-16", kinds: ["separation"], sections: ["7.1(c)"] },
  excluded: [],
  distributionDate: "2004-05-01",
  payments: [annPayment],
  perEmployer: { Hecla: { DCA: 700.4, CMSA: 200.3, CSA: 99.5, IA: 2500 }, "Hecla Ventures": { DCA: 300, CMSA: 0, CSA: 0, IA: 0 } },
  payee: {
    kind: "participant",
    name: "Ann Lee",
    section: "7.2(e)",
    payableFrom: "2004-05-01",
    awaitingApplication: false,
    optionsPassTo: "Ann Lee",
    paidTo: "Ann Lee",
  },
  unlocated: null,
  findings: [],
};

/** Ben Ortiz died 2004-02-10; his designated beneficiary's application is not yet approved (§7.2(e), §9.3). */
const ben: PayoutJson = {
  participant: "Ben Ortiz",
  event: { date: "2004-02-10", kinds: ["death"], sections: ["7.1(b)"] },
  excluded: [],
  distributionDate: "2004-04-01",
  payments: [
    {
      ...annPayment,
      date: "2004-04-01",
      payeeKind: "beneficiary",
      fmvDate: "2004-04-01",
      units: { ...NO_UNITS, DCA: 500.25 },
      iaCash: 1000,
      grossShares: 501,
      shareValue: 2505,
      taxOnShares: 0,
      taxOnCash: 0,
      withheldShares: 0,
      fractionCash: 0,
      netShares: 501,
      netCash: 1000,
    },
  ],
  perEmployer: { Hecla: { DCA: 500.25, CMSA: 0, CSA: 0, IA: 1000 } },
  payee: {
    kind: "beneficiary",
    name: "Mia Ortiz",
    section: "9.3",
    payableFrom: null,
    awaitingApplication: true,
    optionsPassTo: "by will or the laws of descent and distribution",
    paidTo: "Mia Ortiz",
  },
  unlocated: { deemedDeathDate: null, locateBeneficiaryBy: "2007-02-10", section: "12.4" },
  findings: [],
};

/** Ivy Chen: cause after a Change in Control with no auditor's opinion, an election not approved: no event at all. */
const ivy: PayoutJson = {
  participant: "Ivy Chen",
  event: { date: null, kinds: [], sections: [] },
  excluded: [
    { kind: "separation", date: "2004-06-01", reason: "displaced by §7.6 termination for cause" },
    { kind: "cause", date: "2004-06-04", reason: "awaiting the independent auditor's opinion (§7.5)" },
    { kind: "elected", date: "2004-09-01", reason: "not accepted and approved by the Committee, §7.1(f)" },
  ],
  distributionDate: null,
  payments: [],
  perEmployer: {},
  payee: null,
  unlocated: null,
  findings: [{ severity: "warning", section: "7.5", message: "The cause termination of 2004-06-04 waits for the auditor's opinion." }],
};

const result: PayoutsJson = {
  payouts: [ann, ben, ivy, { participant: "Zed Broken", error: "Cause Date 2004-01-01 is before the Last Day Worked 2004-02-01 (§7.6)" }],
  withdrawals: [
    {
      participant: "Hal Moss",
      approvalDate: "2004-03-01",
      fmvDate: "2004-03-01",
      fmv: 5,
      unitsWithdrawn: { DCA: 250, CMSA: 50, CSA: 25 },
      valueWithdrawn: 1625,
      penalty: 162.5,
      netValue: 1462.5,
      sharesDelivered: 292,
      taxOnShares: 292,
      withheldShares: 59,
      netShares: 233,
      fractionCash: 5.5,
      excludedArticleV: { csaUnits: 50, iaDollars: 500 },
      nonparticipationFrom: "2004-03-01",
      creditsResume: "2004-09-01",
    },
  ],
  findings: [
    {
      sheet: "Payouts",
      cell: "F9",
      row: 9,
      rule: "P02",
      section: "7.6",
      severity: "error",
      message: "Cause Date 2004-01-01 is before the Last Day Worked 2004-02-01 (§7.6).",
    },
  ],
};

describe("the participants the page offers", () => {
  it("are everyone on Payouts and Withdrawals, once each", () => {
    expect(participantNames(result)).toEqual(["Ann Lee", "Ben Ortiz", "Ivy Chen", "Zed Broken", "Hal Moss"]);
  });

  it("keep the one chosen while the result still has them (as names match, ignoring case), else the first", () => {
    expect(chooseParticipant(result, "  hal moss")).toBe("Hal Moss");
    expect(chooseParticipant(result, "Gone Away")).toBe("Ann Lee");
    expect(chooseParticipant({ payouts: [], withdrawals: [], findings: [] }, "Ann Lee")).toBe("");
  });

  it("are counted in one line", () => {
    expect(resultSummary(result)).toBe("4 participants on the Payouts sheet, 2 with a Distributable Event; 1 withdrawal; 1 finding.");
  });
});

describe("one participant's payout", () => {
  it("states the event, the distribution date, and each payment's accounts, shares, cash and withholding", () => {
    const view = payoutView(result, "Ann Lee");
    expect(view.event).toBe("Separation from service (§7.1(c)) on 2004-03-16.");
    expect(view.distribution).toBe("Distribution date 2004-05-01, the first day of the second month after the event (§7.2(a)).");
    expect(view.excluded).toEqual([]);
    expect(view.payments).toHaveLength(1);
    const [payment] = view.payments;
    expect(payment.heading).toBe("Payment on 2004-05-01, paid to the participant (§7.2)");
    expect(payment.valuation).toBe("Shares valued at $5.00, the close on 2004-04-30 (§7.2(a), §10.2).");
    expect(payment.accounts.map((a) => `${a.key} ${a.amount}`)).toEqual([
      "DCA 1,000.400000 units",
      "CMSA 200.300000 units",
      "CSA 99.500000 units",
      "IA $2,500.00",
    ]);
    expect(payment.figures).toEqual([
      { term: "Shares (§6.2, rounded up)", value: "1,301" },
      { term: "Share value", value: "$6,505.00" },
      { term: "Investment Account cash (§7.2(b))", value: "$2,500.00" },
      { term: "Net shares delivered", value: "975" },
      { term: "Net cash paid", value: "$1,878.75" },
    ]);
    expect(payment.withholding).toEqual([
      { term: "Tax on the shares", value: "$1,626.25" },
      { term: "Tax on the cash", value: "$625.00" },
      { term: "Shares withheld", value: "326" },
      { term: "Cash for the rest of a withheld share", value: "$3.75" },
      { term: "Cash due from the payee", value: "$0.00" },
    ]);
    expect(view.perEmployer).toEqual([
      { employer: "Hecla", amounts: ["700.400000", "200.300000", "99.500000", "$2,500.00"] },
      { employer: "Hecla Ventures", amounts: ["300.000000", "0.000000", "0.000000", "$0.00"] },
    ]);
    expect(view.payee).toEqual([
      { term: "Paid to", value: "Ann Lee, the participant (§7.2(e))" },
      { term: "Payable from", value: "2004-05-01" },
      { term: "Options pass to (§7.2(c))", value: "Ann Lee" },
    ]);
    expect(view.awaiting).toEqual([]);
  });

  it("says what is still awaited: the beneficiary's application, and by when the beneficiary must be found", () => {
    const view = payoutView(result, "ben ortiz");
    expect(view.payments[0].heading).toBe("Payment on 2004-04-01, paid to the designated beneficiary (§9.3)");
    expect(view.payee.slice(0, 2)).toEqual([
      { term: "Paid to", value: "Mia Ortiz, the designated beneficiary (§9.3)" },
      { term: "Payable from", value: "once the Committee approves the written application (§7.2(e))" },
    ]);
    expect(view.awaiting).toEqual([
      "The written application of Mia Ortiz, approved by the Committee: nothing is paid to them before it (§7.2(e)).",
      "The designated beneficiary, located by 2007-02-10: otherwise the benefit is forfeited (§12.4).",
    ]);
  });

  it("lists every candidate left out with its reason, and the auditor's opinion as awaited, when there is no event", () => {
    const view = payoutView(result, "Ivy Chen");
    expect(view.event).toBe("No Distributable Event (§7.1): nothing is payable yet.");
    expect(view.distribution).toBeUndefined();
    expect(view.excluded.map(({ kind, date, reason }) => [kind, date, reason])).toEqual([
      ["Separation from service (§7.1(c))", "2004-06-01", "displaced by §7.6 termination for cause"],
      ["Termination for cause (§7.1(e), §7.6)", "2004-06-04", "awaiting the independent auditor's opinion (§7.5)"],
      ["Elected distribution date (§7.1(f))", "2004-09-01", "not accepted and approved by the Committee, §7.1(f)"],
    ]);
    expect(view.awaiting).toEqual(["The independent auditor's opinion on the termination for cause of 2004-06-04 (§7.5)."]);
    expect(view.notes).toEqual([
      { key: "0", severity: "warning", section: "§7.5", message: "The cause termination of 2004-06-04 waits for the auditor's opinion." },
    ]);
  });

  it("names the conservator who is paid, the will, the heirs, and the unlocated participant's deemed death", () => {
    const conservator = { ...ann.payee!, kind: "conservator" as const, name: "Cara Diaz", section: "9.2", paidTo: "Sam Diaz" };
    const unlocated = { deemedDeathDate: "2007-04-01", locateBeneficiaryBy: null, section: "12.4" };
    const will = { ...ann.payee!, kind: "will" as const, name: "as the will requires", section: "9.3", payableFrom: null, awaitingApplication: true };
    const heirs = { ...will, kind: "intestate" as const, name: "intestate heirs at the date of death" };
    const views = [
      payoutView({ ...result, payouts: [{ ...ann, participant: "Cara Diaz", payee: conservator }] }, "Cara Diaz"),
      payoutView({ ...result, payouts: [{ ...ann, participant: "Gus Roy", payee: will, unlocated }] }, "Gus Roy"),
      payoutView({ ...result, payouts: [{ ...ann, participant: "Gus Roy", payee: heirs }] }, "Gus Roy"),
    ];
    expect(views.map((v) => v.payee[0].value)).toEqual([
      "Sam Diaz, conservator for Cara Diaz (§9.2)",
      "As the will requires (§9.3)",
      "Intestate heirs at the date of death (§9.3)",
    ]);
    expect(views[1].awaiting).toEqual([
      "The written application of those the will names, approved by the Committee: nothing is paid to them before it (§7.2(e)).",
      "Gus Roy, not located: from 2007-04-01 payment may be made as though Gus Roy had died (§12.4).",
    ]);
  });

  it("says why a participant could not be computed", () => {
    expect(payoutView(result, "Zed Broken")).toMatchObject({ event: "Not computed.", error: expect.stringContaining("before the Last Day Worked") });
  });

  it("shows a withdrawal, for someone with no Payouts row", () => {
    const view = payoutView(result, "Hal Moss");
    expect(view.event).toBe("Not on the Payouts sheet: no Distributable Event is recorded.");
    expect(view.withdrawals).toHaveLength(1);
    expect(view.withdrawals[0].heading).toBe("Early withdrawal approved 2004-03-01 (§7.3)");
    expect(Object.fromEntries(view.withdrawals[0].lines.map((l) => [l.term, l.value]))).toMatchObject({
      "Value withdrawn": "$1,625.00",
      "Penalty (10%)": "$162.50",
      "Shares delivered": "292",
      "Shares withheld": "59",
      "Net shares": "233",
      Cash: "$5.50",
      "Left out (Art. V)": "50.000000 CSA units, $500.00 IA",
      "Out of the plan": "2004-03-01 until 2004-09-01",
    });
  });
});
