import { Decimal } from "../../src/engine/decimal";
import { PlanError } from "../../src/engine/errors";
import { PriceTable } from "../../src/engine/prices";
import { splitByLargestRemainder, trustFunding, type Holding } from "../../src/engine/trustFunding";

const d = (text: string) => new Decimal(text);
const prices = PriceTable.fromEntries([
  { date: "2003-03-13", close: d("3.10") },
  { date: "2003-03-14", close: d("3.333") },
]);
const holdings: Holding[] = [
  { participant: "Ann Lee", employer: "Hecla", account: "DCA", quantity: d("1000.5") },
  { participant: "Ann Lee", employer: "Hecla", account: "CSA", quantity: d("200") },
  { participant: "Ann Lee", employer: "Hecla", account: "IA", quantity: d("1234.56") },
  { participant: "Ben Ortiz", employer: "Silver", account: "CMSA", quantity: d("333.333333") },
];

describe("§13.4(b): the Trust's top-up at a Change in Control", () => {
  // A Saturday Change in Control: the units are valued at Friday's close (P-R6).
  const funding = trustFunding(holdings, prices, "2003-03-15", d("1000"), true);

  it("values units at the last Business Day's close on or before the Change in Control, in cents a row", () => {
    expect(funding.fmvDate).toBe("2003-03-14");
    expect(funding.fmv.toString()).toBe("3.333");
    // 3,334.67 (1,000.5 × 3.333 = 3,334.6665) + 666.60 + 1,234.56 IA + 1,111.00 (333.333333 × 3.333 = 1,110.999998889)
    expect(funding.aggregateValue.toString()).toBe("6346.83");
  });

  it("funds the excess over the Trust's assets within 30 calendar days", () => {
    expect(funding.shortfall.toString()).toBe("5346.83");
    expect(funding.fundingDeadline).toBe("2003-04-14");
  });

  it("splits the shortfall by each employer's account value, the last cent to the larger remainder", () => {
    // 534,683 cents × 5,235.83 / 6,346.83 = 441,087.80…; × 1,111.00 / 6,346.83 = 93,595.19…
    expect(funding.byEmployer.Hecla.accountValue.toString()).toBe("5235.83");
    expect(funding.byEmployer.Hecla.contribution.toString()).toBe("4410.88");
    expect(funding.byEmployer.Silver.contribution.toString()).toBe("935.95");
  });

  it("credits each participant's DCA, CMSA and CSA units, not the IA dollars, to the Trust (§8.1(f))", () => {
    expect(funding.unitsToTrust?.["Ann Lee"].toString()).toBe("1200.5");
    expect(funding.unitsToTrust?.["Ben Ortiz"].toString()).toBe("333.333333");
  });

  it("owes nothing when the Trust already holds the value", () => {
    const covered = trustFunding(holdings, prices, "2003-03-15", d("7000"), true);
    expect(covered.shortfall.toString()).toBe("0");
    expect(covered.byEmployer.Hecla.contribution.toString()).toBe("0");
  });

  it("has nothing to fund and credits no units without a Trust (§13.4(a) 'may')", () => {
    const none = trustFunding(holdings, prices, "2003-03-15", d("0"), false);
    expect(none.shortfall.toString()).toBe("0");
    expect(none.fundingDeadline).toBeUndefined();
    expect(none.unitsToTrust).toBeUndefined();
    expect(none.aggregateValue.toString()).toBe("6346.83");
  });

  it("is #N/A without a close for the valuation day", () => {
    expect(() => trustFunding(holdings, prices, "2003-03-12", d("0"), true)).toThrow(PlanError);
    expect(() => trustFunding(holdings, prices, "2003-03-12", d("0"), true)).toThrow(/no closing price for 2003-03-12/);
  });
});

describe("the largest remainder in cents (P-R26)", () => {
  it("gives the odd cent of $100 split three ways to the name first in order (rejected: rounding each, which pays $99.99)", () => {
    const shares = splitByLargestRemainder(d("100"), { Silver: d("1"), Hecla: d("1"), Coeur: d("1") });
    expect(Object.fromEntries(Object.entries(shares).map(([k, v]) => [k, v.toString()]))).toEqual({ Coeur: "33.34", Hecla: "33.33", Silver: "33.33" });
  });

  it("always adds up to the total", () => {
    const shares = splitByLargestRemainder(d("0.05"), { A: d("1"), B: d("2"), C: d("3"), D: d("4") });
    const total = Object.values(shares).reduce((s, v) => s.plus(v), new Decimal(0));
    expect(total.toString()).toBe("0.05");
  });
});
