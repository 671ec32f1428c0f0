/** The share reserve (§13.8, §15.2, §5.4(c)) over hand-worked ledgers. */
import fc from "fast-check";
import { Decimal } from "../../src/engine/decimal";
import { pricesFromCells } from "../../src/cells/ranges";
import { exactJson, formatShares } from "../../src/engine/format";
import { projectExhaustion, reconcileReserve, reserveStatus, screenLedger } from "../../src/engine/reserve";
import { RULES } from "../../src/engine/rules";
import { readCreditsSheet, readLedgerSheet } from "../../src/sheets/reserve";
import { cellValues, CREDITS_TEMPLATE, LEDGER_TEMPLATE, PRICES_TEMPLATE } from "../../src/sheets/templates";
import type { SheetGrid } from "../../src/sheets/grid";
import { entry } from "../helpers/ledger";

const n = (d: Decimal) => d.toNumber();

describe("hand-worked ledgers", () => {
  it("a 2-for-1 split doubles the reserve and every earlier count", () => {
    const ledger = [
      entry("2003-03-31", "units", 1_000_000),
      entry("2003-06-30", "option", 500_000),
      entry("2003-07-01", "split", 2),
      entry("2003-09-30", "units", 100_000),
    ];
    const r = reconcileReserve(ledger);
    expect(r.lines.map((l) => [n(l.used), n(l.reserve), n(l.remaining)])).toEqual([
      [1_000_000, 6_000_000, 5_000_000],
      [1_500_000, 6_000_000, 4_500_000],
      [3_000_000, 12_000_000, 9_000_000],
      [3_100_000, 12_000_000, 8_900_000],
    ]);
  });

  it("a 1-for-10 reverse split divides them, fractional units counting as fractional shares", () => {
    const r = reconcileReserve([entry("2003-03-31", "units", 123_456.7), entry("2004-01-02", "split", 0.1), entry("2004-03-31", "units", 0.25)]);
    expect(reserveStatus(r)).toEqual({ reserve: new Decimal(600_000), used: new Decimal("12345.92"), remaining: new Decimal("587654.08") });
  });

  it("applies a split before the other rows of its date, whatever the row order", () => {
    const r = reconcileReserve([entry("2003-07-01", "units", 10), entry("2003-07-01", "split", 2), entry("2003-03-31", "units", 100)]);
    expect(r.lines.map((l) => l.kind)).toEqual(["units", "split", "units"]);
    expect(n(reserveStatus(r).used)).toBe(210);
  });

  it("finds exhaustion in mid-quarter and every credit or grant beyond what remained", () => {
    const ledger = [
      entry("2004-01-15", "option", 5_500_000),
      entry("2004-02-17", "units", 700_000),
      entry("2004-02-18", "reserve", 1_000_000),
      entry("2004-03-31", "units", 900_000),
      entry("2004-04-05", "option", 10),
    ];
    const r = reconcileReserve(ledger);
    expect(r.exhaustionDate).toBe("2004-02-17");
    expect(r.violations.map((v) => [v.line.date, n(v.shortfall), v.section])).toEqual([
      ["2004-02-17", 200_000, "§13.8, §15.2"],
      ["2004-03-31", 100_000, "§13.8, §15.2"],
      ["2004-04-05", 10, "§13.8, §5.4(c)"],
    ]);
    expect(r.violations[0].message).toBe(
      "700,000 units credited on 2004-02-17, but only 500,000 shares remained in the reserve: 200,000 shares beyond the reserve (§13.8, §15.2)",
    );
    expect(r.violations[2].message).toMatch(/the reserve was already used up/);
  });

  it("reports each row where the company's count diverges, and the first date it does", () => {
    const ledger = [
      entry("2003-03-31", "units", 1_000, { reportedRemaining: new Decimal(5_999_000) }),
      entry("2003-06-30", "units", 2_000, { reportedRemaining: new Decimal(5_998_000) }),
      entry("2003-09-30", "units", 3_000, { reportedRemaining: new Decimal(5_994_000) }),
    ];
    const r = reconcileReserve(ledger);
    expect(r.firstDivergenceDate).toBe("2003-06-30");
    expect(r.divergences.map((d) => [d.line.date, n(d.reported), n(d.computed), n(d.difference)])).toEqual([["2003-06-30", 5_998_000, 5_997_000, 1_000]]);
  });

  it("projects exhaustion at the last four quarters' pace", () => {
    const ledger = [2003, 2004].flatMap((year) => ["03-31", "06-30", "09-30", "12-31"].map((md) => entry(`${year}-${md}`, "units", 500_000)));
    const r = reconcileReserve(ledger);
    const projection = projectExhaustion(r, "2004-12-31");
    // 2,000,000 shares over 2004 (366 days); 2,000,000 remain, so about a year more.
    expect(projection.windowStart).toBe("2004-01-01");
    expect(projection.windowEnd).toBe("2004-12-31");
    expect(projection.projectedDate).toBe("2006-01-01");
    expect(projectExhaustion(reconcileReserve([]), "2004-12-31").projectedDate).toBeUndefined();
  });
});

describe("rows the reserve cannot take (§13.8)", () => {
  it("screens them out in the order they apply, each with its reason, the totals after them unaffected", () => {
    const ledger = [
      entry("2003-03-31", "units", 100),
      entry("2003-06-30", "reserve", -7_000_000),
      entry("2003-07-01", "split", 1e308),
      entry("2003-08-01", "reserve", -5_999_900),
      entry("2003-09-30", "split", 1e-9),
    ];
    const { accepted, refused } = screenLedger(ledger);
    expect(refused.map((r) => [r.entry.kind, r.reason])).toEqual([
      ["reserve", "a reserve change of -7,000,000 shares would leave the authorised reserve at -1,000,000; it cannot fall below zero (§13.8)"],
      ["split", "a split of 1e+308 new shares per old share would make the reserve 6e+314, too large for a cell (§13.8)"],
      ["split", "a split of 1e-9 new shares per old share would make the reserve 1e-7 shares, less than a millionth of a share (§13.8)"],
    ]);
    expect(accepted.map((e) => e.kind)).toEqual(["units", "reserve"]);
    expect(reserveStatus(reconcileReserve(accepted))).toEqual({ reserve: new Decimal(100), used: new Decimal(100), remaining: new Decimal(0) });
  });

  it("a reserve change down to exactly zero is allowed; reconciling an unscreened row that cannot count is an error naming it", () => {
    expect(screenLedger([entry("2003-03-31", "reserve", -6_000_000)]).refused).toEqual([]);
    const overdrawn = entry("2003-03-31", "reserve", -6_000_001);
    expect(() => reconcileReserve([overdrawn])).toThrow(
      `ledger row ${overdrawn.rowNumber}: a reserve change of -6,000,001 shares would leave the authorised reserve at -1; it cannot fall below zero (§13.8)`,
    );
  });
});

describe("the exhaustion date found while screening (§15.2)", () => {
  it("looks at a date once its last row is applied: a reserve change that day can put off the exhaustion", () => {
    const ledger = [
      entry("2003-03-31", "units", 6_000_000),
      entry("2003-03-31", "reserve", 500_000),
      entry("2003-03-31", "units", 7_000_000), // more than the whole reserve: refused as implausible
      entry("2003-06-30", "units", 600_000),
    ];
    expect(screenLedger(ledger).exhaustionDate).toBe("2003-06-30");
    expect(reconcileReserve(screenLedger(ledger).accepted).exhaustionDate).toBe("2003-06-30");
  });

  it("is the accepted rows' own, as reconcileReserve finds it, with refused rows on the same and other dates", () => {
    // A few dates, so that a date often holds rows on both sides of the reserve: counted past it, a reserve change back.
    const ledgerRow = fc.record({
      day: fc.integer({ min: 0, max: 6 }),
      kind: fc.constantFrom("units", "units", "option", "split", "reserve"),
      // Half-millions of shares: some beyond a whole reserve (implausible), a split of zero (refused), reserve changes either way.
      halves: fc.integer({ min: -14, max: 14 }),
    });
    fc.assert(
      fc.property(fc.array(ledgerRow, { maxLength: 30 }), (rows) => {
        const ledger = rows.map(({ day, kind, halves }) =>
          entry(
            new Date(Date.UTC(2003, 0, 1 + day)).toISOString().slice(0, 10),
            kind,
            kind === "split" ? Math.abs(halves) % 4 : kind === "reserve" ? halves * 500_000 : Math.abs(halves) * 500_000,
          ),
        );
        const screened = screenLedger(ledger);
        expect(screened.exhaustionDate).toBe(reconcileReserve(screened.accepted).exhaustionDate);
      }),
      { numRuns: 300 },
    );
  });
});

describe("share counts in output", () => {
  it("print every digit of a 20-digit count, grouped, never as 1e+20 or rounded to a binary number", () => {
    expect(formatShares(new Decimal("12345678901234567890"))).toBe("12,345,678,901,234,567,890");
    expect(formatShares(new Decimal("-98765432109876543210.5"))).toBe("-98,765,432,109,876,543,210.5");
    expect(formatShares(new Decimal("100000000000000000000"))).toBe("100,000,000,000,000,000,000");
    expect(formatShares(1_234_567.5)).toBe("1,234,567.5");
    expect(formatShares(new Decimal("0.1234565"))).toBe("0.123457");
    expect(formatShares(new Decimal("-0.0000001"))).toBe("0");
  });

  it("write JSON with exact number literals, and otherwise exactly as JSON.stringify does", () => {
    const report = {
      reserve: new Decimal("12345678901240567890"),
      ledger: [{ row: 2, quantity: new Decimal("0.1") }],
      none: null,
      skipped: undefined,
      text: 'a "b"\n',
      empty: [],
    };
    expect(exactJson(report)).toBe(
      JSON.stringify({ ...report, reserve: 1, ledger: [{ row: 2, quantity: 2 }] }, null, 2)
        .replace(": 1,", ": 12345678901240567890,")
        .replace(": 2\n", ": 0.1\n"),
    );
    expect(JSON.parse(exactJson({ n: new Decimal("-0") }))).toEqual({ n: 0 });
  });
});

function grid(sheet: string, template: typeof LEDGER_TEMPLATE, rows?: unknown[][]): SheetGrid {
  return { sheet, firstRow: 1, firstColumn: 0, values: [template.columns.map((c) => c.header), ...(rows ?? cellValues(template))] };
}

describe("ledger and credits sheets", () => {
  it("reads the template ledger: exhaustion, violations and the divergence", () => {
    const read = readLedgerSheet(grid("Ledger", LEDGER_TEMPLATE));
    expect(read.findings).toEqual([]);
    const r = reconcileReserve(read.entries);
    expect(r.exhaustionDate).toBe("2004-03-31");
    expect(r.violations.map((v) => v.line.rowNumber)).toEqual([8, 9]);
    expect(r.divergences.map((d) => [d.line.rowNumber, n(d.difference)])).toEqual([[7, 100_000]]);
    const { source, quantity } = read.entries[0].cells;
    expect({ source, quantity }).toEqual({
      source: { sheet: "Ledger", cell: "A2" },
      quantity: { sheet: "Ledger", cell: "C2", column: "Quantity", rule: RULES.R01 },
    });
  });

  it("turns unreadable or undated rows into findings on their cells, never a crash", () => {
    const rows = [
      [37_986, "units", 100, "", "", "", ""],
      ["", "units", 100, "", "", "", ""],
      ["soon", "units", 100, "", "", "", ""],
      [37_986, "grant", 100, "", "", "", ""],
      [37_986, "units", "lots", "", "", "", ""],
      [37_986, "units", -5, "", "", "", ""],
    ];
    const read = readLedgerSheet(grid("Ledger", LEDGER_TEMPLATE, rows));
    expect(read.entries).toHaveLength(1);
    expect(read.findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(["A3 R01", "A4 R01", "B5 R01", "C6 R01", "C7 R01"]);
    expect(read.findings[1].message).toBe('Cell A4 holds "soon"; Date expects a date (a date cell or YYYY-MM-DD). The row is left out of the reserve.');
    expect(readLedgerSheet({ sheet: "Ledger", values: [["Date", "Kind"]], firstRow: 1, firstColumn: 0 }).unusable).toMatch(/no "Quantity" column/);
  });

  it("builds ledger rows from credits exactly as UNITS_CREDITED and MATCH_UNITS do, counted on the crediting date", () => {
    // The template's 2003-Q3 closes cycle $4.00, $4.25, $4.50, $4.75, $5.00 over its 64 sessions: twelve cycles ($270.00)
    // and $4.00 + $4.25 + $4.50 + $4.75 ($17.50) make $287.50, an average of $4.4921875 (§8.1(a)).
    // $12,000 / 4.4921875 = 2,671.3043478… → 2,671.304348; a 10% (or Ben's 15% of $8,000) match of $1,200 → 267.130435;
    // $8,000 → 1,780.869565; $5,000 → 1,113.043478.
    const prices = pricesFromCells(cellValues(PRICES_TEMPLATE));
    const { read, summary } = readCreditsSheet(grid("Credits", CREDITS_TEMPLATE), prices);
    expect(read.entries[0]).toMatchObject({ date: "2003-09-30", kind: "units", participant: "Ann Lee", quantity: new Decimal("2671.304348") });
    expect(read.entries.map((e) => [e.participant, e.quantity.toFixed(6)])).toEqual([
      ["Ann Lee", "2671.304348"],
      ["Ann Lee", "267.130435"],
      ["Ben Ortiz", "1780.869565"],
      ["Ben Ortiz", "267.130435"],
      ["Cara Diaz", "1113.043478"],
      ["Cara Diaz", "111.304348"],
      ["Ann Lee", "2671.304348"],
      ["Ann Lee", "267.130435"],
    ]);
    expect(summary.map((s) => [s.quarter, s.participant, s.deferralUnits.toFixed(6)])).toEqual([
      ["2003-Q3", "Ann Lee", "5342.608696"],
      ["2003-Q3", "Ben Ortiz", "1780.869565"],
      ["2003-Q3", "Cara Diaz", "1113.043478"],
    ]);
  });

  it("reports a credit whose quarter has no complete prices on its Pay Date cell", () => {
    const prices = pricesFromCells(cellValues(PRICES_TEMPLATE));
    const { read } = readCreditsSheet(grid("Credits", CREDITS_TEMPLATE, [["Ann", 100, 38_000, ""]]), prices);
    expect(read.findings.map((f) => [f.cell, f.rule])).toEqual([["C2", "R02"]]);
    expect(read.findings[0].message).toMatch(/^No closing price for 2004-01-02, a Business Day of 2004-Q1/);
  });
});
