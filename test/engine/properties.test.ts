/** Invariants of the plan's arithmetic, checked over generated inputs (fast-check). */
import fc from "fast-check";
import { businessDay, isBusinessDay } from "../../src/engine/calendar";
import { isoDateToSerial } from "../../src/cells/serials";
import { addDays, addMonths, dateParts, type IsoDate } from "../../src/engine/dates";
import { Decimal } from "../../src/engine/decimal";
import { distributionDate, withholdCash, withholdShares } from "../../src/engine/distributionTerms";
import { discountPerShare, optionExercisableDate, optionShares } from "../../src/engine/options";
import { PriceTable } from "../../src/engine/prices";
import { reconcileReserve, reserveStatus, type LedgerEntry } from "../../src/engine/reserve";
import { unitsCredited } from "../../src/engine/units";
import { HOLDINGS_TEMPLATE, PAYOUTS_TEMPLATE } from "../../src/sheets/payoutTemplates";
import { cellValues, type SheetTemplate } from "../../src/sheets/templates";
import { caller, loadFunctionsBundle, ShimError, functionsJson } from "../helpers/bundle";
import { asExcelRange, sessionPrices } from "../helpers/prices";
import { ACTIVITY_ROWS, workedGrids } from "../helpers/records";

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

  it("shares withheld cover the tax, one fewer would not, and the cash back is less than one share (§10.2, reading 11)", () => {
    fc.assert(
      fc.property(money, price, (tax, fmv) => {
        const shares = withholdShares(tax, fmv);
        const cash = withholdCash(tax, fmv);
        expect(shares.isInteger()).toBe(true);
        expect(shares.times(fmv).greaterThanOrEqualTo(tax)).toBe(true);
        if (shares.greaterThan(0)) expect(shares.minus(1).times(fmv).lessThan(tax)).toBe(true);
        // Tax and price are in cents, so the excess is exact and strictly below one share's value.
        expect(cash.equals(shares.times(fmv).minus(tax))).toBe(true);
        expect(cash.greaterThanOrEqualTo(0) && cash.lessThan(fmv)).toBe(true);
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
  const in2003 = dateIn("2003-01-01", "2003-12-31");
  const scalar = fc.oneof(
    fc.constant(null),
    fc.constant(""),
    fc.constant(0),
    fc.boolean(),
    fc.double({ noNaN: false }),
    fc.integer({ min: -5, max: 80_000 }),
    fc.constantFrom("2003-03-31", "2099-12-31", "abc", "dollars", "salary", "without cause", "1e400"),
    dateIn("1990-01-01", "2099-12-31").map(isoDateToSerial),
    in2003.map(isoDateToSerial),
    in2003,
  );
  const matrix = fc.array(fc.array(scalar, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 });
  // Tables a function can compute on, so the fuzz reaches past the refusals (2003's sessions, with a header).
  const prices = asExcelRange(sessionPrices("2002-10-01", "2004-03-31", (i) => 0.5 + ((i * 37) % 100) / 100));
  const flows = [
    ["Date", "Amount"],
    [isoDateToSerial("2003-01-15"), 5000],
    [isoDateToSerial("2003-08-01"), -1000],
  ];
  const primeRates = [
    ["Date", "Rate"],
    [isoDateToSerial("2002-01-01"), 0.0425],
  ];
  const ledger = [
    ["Date", "Kind", "Quantity"],
    [isoDateToSerial("2003-03-31"), "units", 250_000],
    [isoDateToSerial("2003-08-01"), "option", 13_332],
  ];
  // Without the worked example's one allocation larger than the balance, which the account functions refuse (S01).
  const worked = workedGrids(ACTIVITY_ROWS.filter((row) => row[7] !== "more than the balance"));
  const templateRange = (template: SheetTemplate) => [template.columns.map((c) => c.header), ...cellValues(template)];
  const validTables: Record<string, unknown[][]> = {
    prices,
    flows,
    primeRates,
    ledger,
    activity: worked.activity.values,
    dividends: worked.dividends.values,
    splits: worked.splits.values,
    payouts: templateRange(PAYOUTS_TEMPLATE),
    holdings: templateRange(HOLDINGS_TEMPLATE),
  };
  // A well-formed value for each parameter of the table functions; each call keeps some and fuzzes the rest.
  const wellFormed: Record<string, unknown> = {
    participant: "Ann Lee",
    account: "DCA",
    amount: 1000,
    deferredAmount: 1000,
    unitsAtRecord: 1000,
    dividendPerShare: 0.1,
    matchRate: 0.25,
    places: 6,
    annualRate: 0.05,
    initialReserve: 6_000_000,
    fromDate: isoDateToSerial("2003-01-01"),
    toDate: isoDateToSerial("2003-12-31"),
    asOfDate: isoDateToSerial("2003-12-31"),
    fraction: 0.25,
    // The account functions' optional lifecycle tables: blank is well-formed (no withdrawal, suspension or termination).
    withdrawals: "",
    participation: "",
    plan: "",
    taxRate: 0.2,
    distributionDate: "",
  };
  // The account functions' lifecycle tables are optional, and the worked Activity's participants have no payout in
  // it: their well-formed value is blank (a Payouts table of other people's separations stops their credits, S05).
  const argument = (name: string, readsActivity = false) => {
    const good =
      (readsActivity && name === "payouts" ? "" : undefined) ??
      validTables[name] ??
      wellFormed[name] ??
      (/date$/i.test(name) ? isoDateToSerial("2003-06-30") : undefined);
    const fuzzed = fc.oneof(scalar, matrix);
    return good === undefined ? fuzzed : fc.oneof({ arbitrary: fc.constant(good), weight: 3 }, { arbitrary: fuzzed, weight: 1 });
  };
  const computed = new Map<string, number>();

  it("returns a finite number, a boolean, text, a spill or an Excel error, never NaN, Infinity or a thrown exception", () => {
    const readsTable = (f: (typeof metadata)[number]) => f.parameters.some((p) => p.name in validTables);
    const calls = fc.constantFrom(...metadata).chain((f) => {
      const readsActivity = f.parameters.some((p) => p.name === "activity");
      return fc.tuple(fc.constant(f), fc.tuple(...f.parameters.map((p) => (readsTable(f) ? argument(p.name, readsActivity) : fc.oneof(scalar, matrix)))));
    });
    fc.assert(
      fc.property(calls, ([f, args]) => {
        const result = call(f.id, ...args);
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
        else computed.set(f.id, (computed.get(f.id) ?? 0) + 1);
      }),
      { numRuns: 3000 },
    );
  });

  it("reached a computed result, not only refusals, for every function that reads a table", () => {
    const tableFunctions = metadata.filter((f) => f.parameters.some((p) => p.name in validTables)).map((f) => f.id);
    expect(tableFunctions.length).toBeGreaterThanOrEqual(10);
    expect(tableFunctions.filter((id) => !computed.has(id))).toEqual([]);
  });
});
