/** roundedQuotient: the same Decimal as `roundHalfUp(dividend / divisor, places)`, however it is found. */
import fc from "fast-check";
import { Decimal, roundedQuotient, roundHalfUp, toNumber } from "../../src/engine/decimal";
import { PriceTable } from "../../src/engine/prices";
import { unitsCredited, unitsCreditedNumber } from "../../src/engine/units";
import { sessionPrices } from "../helpers/prices";

const dec = (value: string | number) => new Decimal(value);
/** What every units rule computed before roundedQuotient: a 60-digit division, then one rounding. */
const longDivision = (dividend: Decimal, divisor: Decimal, places: number) => roundHalfUp(dividend.dividedBy(divisor), places);

describe("roundedQuotient", () => {
  it("gives the worked figures: $10,000 at a $4.00 average is 2,500 units; $1,000 at $3.00 is 333.333333 (§8.1(a))", () => {
    expect(roundedQuotient(dec(10000), dec(4), 6).toString()).toBe("2500");
    expect(roundedQuotient(dec(1000), dec(3), 6).toString()).toBe("333.333333");
    expect(roundedQuotient(dec(2000), dec(3), 6).toString()).toBe("666.666667");
    expect(roundedQuotient(dec(0), dec(3), 6).toString()).toBe("0");
  });

  it("rounds an exact half up, though the dividend's binary form lies just below it", () => {
    // 1.0000005 as a binary number is 1.00000049999999996961...: binary arithmetic alone would round it down.
    expect(roundedQuotient(dec("1.0000005"), dec(1), 6).toString()).toBe("1.000001");
    expect(roundedQuotient(dec("0.0000025"), dec("0.5"), 5).toString()).toBe("0.00001");
    expect(roundedQuotient(dec("2.5"), dec(1), 0).toString()).toBe("3");
    expect(roundedQuotient(dec("1.00000049999999999999999"), dec(1), 6).toString()).toBe("1");
  });

  it("keeps the 60-digit division's own rounding: 0.4999… with 61 nines is taken as 0.5 and rounds up", () => {
    const dividend = dec(`0.4${"9".repeat(61)}`);
    expect(longDivision(dividend, dec(1), 0).toString()).toBe("1");
    expect(roundedQuotient(dividend, dec(1), 0).toString()).toBe("1");
  });

  it("is the long division's result for negative, huge, tiny and many-place quotients", () => {
    const cases: Array<[string, string, number]> = [
      ["-1.5", "1", 0],
      ["-0.0000001", "3", 6],
      ["1e300", "1e-300", 6],
      ["1e-320", "1e-320", 6],
      ["1e-400", "3", 6],
      ["123456789.123456789", "0.000001", 6],
      ["10", "3", 20],
      ["9007199254740993", "1", 0],
    ];
    for (const [dividend, divisor, places] of cases) {
      expect(roundedQuotient(dec(dividend), dec(divisor), places).toString()).toBe(longDivision(dec(dividend), dec(divisor), places).toString());
    }
  });

  it("is the long division's result for any amount over any quarter average of closes, to 0-10 places", () => {
    const cents = fc.integer({ min: 1, max: 50_000_00 }).map((c) => dec(c).dividedBy(100));
    const average = fc.array(cents, { minLength: 1, maxLength: 66 }).map((closes) => closes.reduce((a, b) => a.plus(b)).dividedBy(closes.length));
    const amount = fc.oneof(
      fc.integer({ min: 0, max: 10_000_000_00 }).map((c) => dec(c).dividedBy(100)),
      fc.double({ min: 0, max: 1e12, noNaN: true }).map((x) => dec(x)),
    );
    fc.assert(
      fc.property(amount, average, fc.integer({ min: 0, max: 10 }), (dividend, divisor, places) => {
        expect(roundedQuotient(dividend, divisor, places).toString()).toBe(longDivision(dividend, divisor, places).toString());
      }),
      { numRuns: 20_000 },
    );
  });

  it("is the long division's result on every rounding boundary: amount = average × (k + ½) / 10^places exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000_00 }), fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 8 }), (cents, k, places) => {
        const divisor = dec(cents).dividedBy(100);
        const dividend = divisor.times(dec(k).plus("0.5")).dividedBy(dec(10).pow(places));
        const expected = longDivision(dividend, divisor, places);
        expect(expected.toString()).toBe(
          dec(k + 1)
            .dividedBy(dec(10).pow(places))
            .toString(),
        );
        expect(roundedQuotient(dividend, divisor, places).toString()).toBe(expected.toString());
      }),
      { numRuns: 5_000 },
    );
  });
});

describe("unitsCreditedNumber", () => {
  const prices = PriceTable.fromEntries(
    sessionPrices("2003-01-01", "2003-06-30", (i) => 3 + ((i * 37) % 200) / 100).map(([date, close]) => ({ date, close: new Decimal(close) })),
  );
  const outcome = (run: () => number) => {
    try {
      return run();
    } catch (error) {
      return (error as Error).message;
    }
  };

  it("is the number unitsCredited gives, or its error, for any amount a cell holds", () => {
    const amount = fc.oneof(
      fc.integer({ min: -5, max: 10_000_000_00 }).map((c) => c / 100),
      fc.double({ noNaN: false }),
      fc.constant(-0),
    );
    const payDate = fc.constantFrom("2003-02-14", "2003-06-30", "2003-09-15");
    fc.assert(
      fc.property(amount, payDate, fc.integer({ min: -1, max: 22 }), (value, date, places) => {
        const exact = outcome(() => toNumber(unitsCredited(new Decimal(value), prices, date, places)));
        expect(outcome(() => unitsCreditedNumber(value, prices, date, places))).toBe(exact);
      }),
      { numRuns: 5_000 },
    );
  });
});
