/** Early withdrawals (§7.3; PAYOUT.md §6) against figures worked by hand. */
import { Decimal } from "../../src/engine/decimal";
import type { Holding } from "../../src/engine/payout";
import { PriceTable } from "../../src/engine/prices";
import { unitsWithdrawn, withdrawal, withdrawalBase } from "../../src/engine/withdrawal";

const d = (value: number | string) => new Decimal(value);
const n = (value: Decimal) => value.toNumber();

const prices = PriceTable.fromEntries([
  { date: "2003-06-13", close: d(5) },
  { date: "2003-06-16", close: d(5) },
]);
const lot = (account: Holding["account"], quantity: string, lotSource?: Holding["lotSource"]): Holding => ({
  employer: "Company",
  account,
  quantity: d(quantity),
  lotSource,
});

/** 114.500002 units §7.3 may take; 7 allocation units and $1,000 of IA it may not. */
const HOLDINGS = [lot("DCA", "100.000002"), lot("CMSA", "10.5"), lot("CSA", "4", "discretionary"), lot("CSA", "7", "allocation"), lot("IA", "1000")];

describe("early withdrawal (§7.3)", () => {
  test("25% on 2003-06-16 at $5.00 (hand-worked)", () => {
    const w = withdrawal({ approvalDate: "2003-06-16", fraction: d("0.25"), taxRate: d("0.2") }, HOLDINGS, prices);
    // 25.0000005 → 25.000001 (6 decimals, half-up), 2.625, 1.
    expect(w.unitsWithdrawn).toEqual({ DCA: d("25.000001"), CMSA: d("2.625"), CSA: d(1) });
    // 28.625001 × $5 = $143.125005 → $143.13.
    expect(n(w.valueWithdrawn)).toBe(143.13);
    // 114.500002 × $5 × 25% × 10% = $14.3125025 → $14.31.
    expect(n(w.penalty)).toBe(14.31);
    expect(n(w.netValue)).toBe(128.82);
    // $128.82 / $5 = 25.764: 25 shares and $3.82 (P-R15; rounding up would give 26).
    expect(n(w.sharesDelivered)).toBe(25);
    expect(n(w.taxOnShares)).toBe(25);
    expect(n(w.withheldShares)).toBe(5);
    expect(n(w.netShares)).toBe(20);
    expect(n(w.fractionCash)).toBe(3.82);
    expect(w.fmvDate).toBe("2003-06-16");
    expect(w.nonparticipationFrom).toBe("2003-06-16");
    expect(w.creditsResume).toBe("2003-12-16");
  });

  test("Article V benefits are left out: allocation CSA lots and the IA (P-R14)", () => {
    const base = withdrawalBase(HOLDINGS);
    expect(base.units).toEqual({ DCA: d("100.000002"), CMSA: d("10.5"), CSA: d(4) });
    expect(base.excludedArticleV).toEqual({ csaUnits: d(7), iaDollars: d(1000) });
    // Counting the allocation lot would withdraw 2.75 CSA units.
    expect(n(unitsWithdrawn(base.units, d("0.25")).CSA)).toBe(1);
  });

  test("a CSA lot with no Source is #VALUE! naming lotSource", () => {
    expect(() => withdrawalBase([lot("CSA", "1")])).toThrow(expect.objectContaining({ field: "lotSource", code: "#VALUE!" }));
  });

  test("100% with a 100% tax: every share withheld, the rounding taken from the cash", () => {
    const w = withdrawal({ approvalDate: "2003-06-16", fraction: d(1), taxRate: d(1) }, [lot("DCA", "3.333333")], prices);
    // 3.333333 × $5 = $16.666665 → $16.67; penalty $1.67; net $15.00: 3 shares, no rest.
    expect(n(w.sharesDelivered)).toBe(3);
    expect(n(w.withheldShares)).toBe(3);
    expect(n(w.netShares)).toBe(0);
    expect(n(w.fractionCash)).toBe(0);
    expect(w.creditsResume).toBe("2005-06-16");
  });

  test("a fraction that is not a 25% increment is #VALUE! naming fraction", () => {
    expect(() => withdrawal({ approvalDate: "2003-06-16", fraction: d("0.3") }, HOLDINGS, prices)).toThrow(
      expect.objectContaining({ field: "fraction", message: expect.stringContaining("25% increment") }),
    );
  });

  test("approval on the distribution date is #VALUE!; the day before is allowed", () => {
    expect(() => withdrawal({ approvalDate: "2003-06-16", fraction: d("0.25"), distributionDate: "2003-06-16" }, HOLDINGS, prices)).toThrow(
      expect.objectContaining({ field: "approvalDate" }),
    );
    expect(withdrawal({ approvalDate: "2003-06-13", fraction: d("0.25"), distributionDate: "2003-06-14" }, HOLDINGS, prices).approvalDate).toBe("2003-06-13");
  });

  test("a tax rate above 100% is #VALUE! naming taxRate", () => {
    expect(() => withdrawal({ approvalDate: "2003-06-16", fraction: d("0.25"), taxRate: d(20) }, HOLDINGS, prices)).toThrow(
      expect.objectContaining({ field: "taxRate" }),
    );
  });
});
