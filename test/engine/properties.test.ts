/** Invariants of the plan's arithmetic, checked over generated inputs (fast-check). */
import fc from "fast-check";
import { businessDay, isBusinessDay } from "../../src/engine/calendar";
import { isoDateToSerial } from "../../src/cells/serials";
import { addDays, addMonths, dateParts, type IsoDate } from "../../src/engine/dates";
import { Decimal } from "../../src/engine/decimal";
import { distributionDate, withholdCash, withholdShares } from "../../src/engine/distribution";
import { discountPerShare, optionExercisableDate, optionShares } from "../../src/engine/options";
import { PriceTable } from "../../src/engine/prices";
import { reconcileReserve, reserveStatus, type LedgerEntry } from "../../src/engine/reserve";
import { unitsCredited } from "../../src/engine/units";
import { caller, loadFunctionsBundle, ShimError, functionsJson } from "../helpers/bundle";
import { sessionPrices } from "../helpers/prices";

const dateIn = (from: IsoDate, to: IsoDate) => fc.integer({ min: 0, max: (Date.parse(to) - Date.parse(from)) / 86_400_000 }).map((days) => addDays(from, days));
const anyDate = dateIn("1990-01-01", "2097-12-31");
const money = fc.integer({ min: 0, max: 10_000_000_00 }).map((cents) => new Decimal(cents).dividedBy(100));
const price = fc.integer({ min: 1, max: 500_00 }).map((cents) => new Decimal(cents).dividedBy(100));

describe("units", () => {
  const table = PriceTable.fromEntries(
    sessionPrices("2003-01-01", "2003-12-31", (i) => 3 + ((i * 37) % 200) / 100).map(([date, close]) => ({ date, close: new Decimal(close) })),
  );

  it("units × quarter average = amount, within half a unit in the last place (§8.1(a))", () => {
    fc.assert(
      fc.property(money, dateIn("2003-01-01", "2003-12-31"), fc.integer({ min: 0, max: 8 }), (amount, payDate, places) => {
        const units = unitsCredited(amount, table, payDate, places);
        const average = table.quarterAveragePrice(payDate);
        const tolerance = average.times(new Decimal(10).pow(-places)).dividedBy(2);
        expect(units.times(average).minus(amount).abs().lessThanOrEqualTo(tolerance)).toBe(true);
      }),
    );
  });
});

describe("dates", () => {
  it("DISTRIBUTION_DATE is always a 1st, one to two months after the event (§7.2(a))", () => {
    fc.assert(
      fc.property(anyDate, (event) => {
        const paid = distributionDate(event);
        expect(dateParts(paid).day).toBe(1);
        expect(paid > addMonths(event, 1)).toBe(true);
        expect(paid <= addMonths(event, 2)).toBe(true);
      }),
    );
  });

  it("OPTION_EXERCISABLE_DATE is never earlier than six months after the grant nor before the next January 1 (§7.2(c))", () => {
    fc.assert(
      fc.property(anyDate, (grant) => {
        const exercisable = optionExercisableDate(grant);
        expect(exercisable >= addMonths(grant, 6)).toBe(true);
        expect(exercisable >= `${dateParts(grant).year + 1}-01-01`).toBe(true);
      }),
    );
  });

  it("stepping n Business Days forward and back returns to the start", () => {
    fc.assert(
      fc.property(dateIn("1991-06-01", "2097-12-31"), fc.integer({ min: -300, max: 300 }), (start, n) => {
        const day = businessDay(start);
        const moved = businessDay(day, n);
        expect(isBusinessDay(moved)).toBe(true);
        expect(businessDay(moved, -n)).toBe(day);
      }),
    );
  });
});

describe("options and withholding", () => {
  it("whole option shares never cost more than the amount, and one more share would (§5.4)", () => {
    fc.assert(
      fc.property(money, price, fc.integer({ min: 10, max: 50 }), (amount, fmv, percent) => {
        const discount = new Decimal(percent).dividedBy(100);
        fc.pre(fmv.lessThanOrEqualTo(10) || fmv.times(discount).greaterThanOrEqualTo(1));
        const perShare = discountPerShare(fmv, discount);
        const shares = optionShares(amount, fmv, discount);
        expect(shares.times(perShare).lessThanOrEqualTo(amount)).toBe(true);
        expect(shares.plus(1).times(perShare).greaterThan(amount)).toBe(true);
      }),
    );
  });

  it("shares withheld cover the tax, the cash back is less than one share (§10.2)", () => {
    fc.assert(
      fc.property(money, price, (tax, fmv) => {
        const shares = withholdShares(tax, fmv);
        const cash = withholdCash(tax, fmv);
        expect(shares.times(fmv).greaterThanOrEqualTo(tax)).toBe(true);
        expect(cash.greaterThanOrEqualTo(0) && cash.lessThanOrEqualTo(fmv)).toBe(true);
      }),
    );
  });
});

describe("share reserve", () => {
  const entry = fc.record({
    date: dateIn("2003-01-01", "2012-12-31"),
    kind: fc.constantFrom("units", "option", "split", "reserve") as fc.Arbitrary<LedgerEntry["kind"]>,
    quantity: fc.integer({ min: 1, max: 2_000_000 }),
  });
  const ledger = fc.array(entry, { maxLength: 40 }).map((rows) =>
    rows.map(({ date, kind, quantity }, i) => ({
      rowNumber: i + 2,
      date,
      kind,
      quantity: kind === "split" ? new Decimal([2, 3, 0.5, 0.1][quantity % 4]) : new Decimal(quantity),
    })),
  );

  it("used + remaining = the reserve at every date (§13.8)", () => {
    fc.assert(
      fc.property(ledger, dateIn("2002-12-31", "2013-01-31"), (entries, asOf) => {
        const status = reserveStatus(reconcileReserve(entries), asOf);
        expect(status.used.plus(status.remaining).equals(status.reserve)).toBe(true);
      }),
    );
  });

  it("a split never changes the share of the reserve used", () => {
    fc.assert(
      fc.property(ledger, fc.constantFrom(2, 3, 0.5, 0.1), (entries, ratio) => {
        const before = reserveStatus(reconcileReserve(entries));
        const split = { rowNumber: 999, date: "2013-06-28", kind: "split" as const, quantity: new Decimal(ratio) };
        const after = reserveStatus(reconcileReserve([...entries, split]));
        fc.pre(!before.reserve.isZero());
        expect(after.used.dividedBy(after.reserve).equals(before.used.dividedBy(before.reserve))).toBe(true);
      }),
    );
  });
});

describe("every registered function, fed anything Excel could pass", () => {
  const { registered } = loadFunctionsBundle();
  const call = caller(registered);
  const metadata = functionsJson().functions;
  const scalar = fc.oneof(
    fc.constant(null),
    fc.constant(""),
    fc.constant(0),
    fc.boolean(),
    fc.double({ noNaN: false }),
    fc.integer({ min: -5, max: 80_000 }),
    fc.constantFrom("2003-03-31", "2099-12-31", "abc", "dollars", "salary", "without cause", "1e400"),
    dateIn("1990-01-01", "2099-12-31").map(isoDateToSerial),
  );
  const matrix = fc.array(fc.array(scalar, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 });

  it("returns a finite number, a boolean, text, a spill or an Excel error, never NaN, Infinity or a thrown exception", () => {
    fc.assert(
      fc.property(fc.constantFrom(...metadata), fc.array(fc.oneof(scalar, matrix), { minLength: 6, maxLength: 6 }), (f, args) => {
        const result = call(f.id, ...args.slice(0, f.parameters.length));
        const ok = (value: unknown): boolean =>
          (typeof value === "number" && Number.isFinite(value)) ||
          typeof value === "boolean" ||
          typeof value === "string" ||
          // One cell of a spill may be an error value, with its message, while the others compute.
          (value instanceof ShimError && ["#VALUE!", "#N/A"].includes(value.code) && typeof value.message === "string") ||
          (Array.isArray(value) && value.every((row) => Array.isArray(row) && row.every(ok)));
        const isError = typeof result === "object" && result !== null && "code" in result;
        expect(isError || ok(result)).toBe(true);
        if (isError) expect(["#VALUE!", "#N/A"]).toContain((result as ShimError).code);
      }),
      { numRuns: 3000 },
    );
  });
});
