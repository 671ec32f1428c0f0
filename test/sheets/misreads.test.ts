/**
 * No silent misreads (issue 8 §4): a cell that holds no value, an error, a
 * decimal comma, a rate typed as a whole number, a column named twice, a
 * header with invisible characters, a ledger row the reserve cannot take.
 * Each is a finding on its cell saying what was read, never a plausible value.
 * Grids are shaped as both adapters hand them over: Office.js `values` (an
 * error cell is its text "#N/A") and the .xlsx reader (`UnsavedFormula` for a
 * formula a file holds no value for).
 */
import { Decimal } from "../../src/engine/decimal";
import { PlanError } from "../../src/engine/errors";
import { pricesFromCells } from "../../src/cells/ranges";
import { reserveStatus } from "../../src/engine/reserve";
import { DEFAULT_ELECTION_SETTINGS } from "../../src/engine/validation";
import { cellProblem, readNumber, readPercent, readText } from "../../src/sheets/cellReaders";
import { validateElectionSheet } from "../../src/sheets/elections";
import { normalizeHeader, UnsavedFormula, type SheetGrid } from "../../src/sheets/grid";
import { priceTableFrom } from "../../src/sheets/prices";
import { cellValues, CREDITS_TEMPLATE, PRICES_TEMPLATE } from "../../src/sheets/templates";
import { serial } from "../helpers/bundle";
import { electionGrid, HEADERS } from "../helpers/sheets";
import { reconcileWorkflow } from "../../src/workflows/reconcile";

const salary = {
  Participant: "Ann Lee",
  "Election Type": "Salary deferral",
  "Election Date": "2003-12-01",
  "Plan Year": 2004,
  Percent: 0.1,
  "Committee Approved": "Y",
};
const validate = (rows: Array<Record<string, unknown>>, headers?: string[]) => validateElectionSheet(electionGrid(rows, headers), DEFAULT_ELECTION_SETTINGS);
const located = (result: ReturnType<typeof validate>) => result.findings.map((f) => `${f.cell} ${f.rule} ${f.message}`);

describe("a formula with no saved value", () => {
  it("is a finding saying so, never a blank", () => {
    const result = validate([{ ...salary, Participant: new UnsavedFormula('Staff!B2&""'), "Plan Year": new UnsavedFormula(undefined, "D9") }]);
    expect(located(result)).toEqual([
      'A2 E16 Cell A2 holds a formula with no saved value (=Staff!B2&""): open and save it in Excel.',
      "D2 E16 Cell D2 holds a formula with no saved value (shared from D9): open and save it in Excel.",
    ]);
    expect(result.findings.some((f) => /no participant|Plan Year is blank/.test(f.message))).toBe(false);
  });

  it("is never mistaken for a blank row, and cannot be produced by Office.js, which hands only numbers, text and booleans", () => {
    const result = validate([{ Participant: new UnsavedFormula("X1") }]);
    expect(result.rowsChecked).toBe(1);
    expect(result.findings.map((f) => f.message)).toContain("Cell A2 holds a formula with no saved value (=X1): open and save it in Excel.");
    expect(typeof new UnsavedFormula("A1")).toBe("object");
  });

  it("in a prices sheet makes the table unusable, naming the cell", () => {
    const grid: SheetGrid = {
      sheet: "Prices",
      firstRow: 1,
      firstColumn: 0,
      values: [
        ["Date", "Close"],
        [serial("2003-07-01"), 4],
        [serial("2003-07-02"), new UnsavedFormula("B2*1.01")],
      ],
    };
    expect(() => priceTableFrom(grid)).toThrow(
      new PlanError("invalidValue", "Prices!B3 holds a formula with no saved value (=B2*1.01): open and save it in Excel"),
    );
    grid.values[2][1] = "#N/A";
    expect(() => priceTableFrom(grid)).toThrow("Prices!B3 holds the error #N/A; correct the formula or value behind it");
  });
});

describe("an error cell", () => {
  it("is not a participant named #N/A, nor an unknown election type, nor a date", () => {
    const result = validate([{ ...salary, Participant: "#N/A", "Election Type": "#REF!", "Election Date": "#VALUE!" }]);
    expect(located(result)).toEqual([
      "C2 E16 Cell C2 holds the error #VALUE!; Election Date expects a date (a date cell or YYYY-MM-DD). Correct the formula or value behind it.",
      "B2 E16 Cell B2 holds the error #REF!; Election Type expects text. Correct the formula or value behind it.",
      "A2 E16 Cell A2 holds the error #N/A; Participant expects text. Correct the formula or value behind it.",
    ]);
  });

  it.each(["#N/A", "#REF!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"])("%s is refused by every reader", (error) => {
    expect(readText(error)).toEqual({ problem: "text" });
    expect(readNumber(error)).toEqual({ problem: "a number" });
    expect(readPercent(error).problem).toBeDefined();
  });

  it("names the participant cell when Credits come from a lookup that failed", () => {
    const result = reconcileWorkflow({ credits: creditsGrid([["#N/A", 12_000, serial("2003-07-15"), ""]]), prices: pricesGrid });
    expect(result.reconciliation.lines).toEqual([]);
    expect(result.findings.map((f) => `${f.cell} ${f.rule} ${f.message}`)).toEqual([
      "A2 R02 Cell A2 holds the error #N/A; Participant expects text. Correct the formula or value behind it. The row is left out of the reserve.",
    ]);
  });
});

describe("a decimal comma", () => {
  it('"0,1" is not read as 1 (100%): the finding quotes it and shows the number with a point', () => {
    const result = validate([
      { ...salary, Percent: "0,1" },
      { ...salary, Participant: "Ben Ortiz", Percent: "1,5%" },
    ]);
    expect(located(result)).toEqual([
      'E2 E16 Cell E2 holds "0,1"; Percent expects a percent such as 50% (a comma is read only between thousands, as in 1,000; write a decimal with a point: "0.1").',
      'E3 E16 Cell E3 holds "1,5%"; Percent expects a percent such as 50% (a comma is read only between thousands, as in 1,000; write a decimal with a point: "1.5%").',
    ]);
  });

  it("a thousands separator still reads, and text that is no number gets no hint about commas", () => {
    expect(readNumber("1,000")).toEqual({ value: new Decimal(1000) });
    expect(readNumber("$12,345,678.50")).toEqual({ value: new Decimal("12345678.5") });
    expect(readNumber("1,00")).toEqual({ problem: "a number" });
    expect(readNumber("1.000,50")).toEqual({ problem: "a number" });
    expect(readNumber("12,3456")).toEqual({ problem: "a number" });
    const [finding] = validate([{ ...salary, "Election Date": "Dec 1, 2003" }]).findings;
    expect(finding.message).toBe('Cell C2 holds "Dec 1, 2003"; Election Date expects a date (a date cell or YYYY-MM-DD).');
  });
});

describe("a number read again", () => {
  it("is the same figure each time, and a negative zero keeps its sign after a zero (numbers are remembered, zeros are not)", () => {
    expect([readNumber(1234.5), readNumber(1234.5)].map((read) => read.value?.toString())).toEqual(["1234.5", "1234.5"]);
    expect(readNumber(0).value?.isNegative()).toBe(false);
    expect(readNumber(-0).value?.isNegative()).toBe(true);
    expect(readNumber(0).value?.isNegative()).toBe(false);
  });
});

describe("a column named twice", () => {
  it("an alias beside the canonical header is a finding on the ignored header; the canonical column is read", () => {
    const headers = [...HEADERS.slice(0, 5), "Type"];
    const result = validate([{ ...salary, Type: "Bonus deferral" }], headers);
    expect(located(result)).toEqual([
      'F1 E01 Columns B ("Election Type") and F ("Type") both name the Election Type column; B is read and F is ignored. Delete or rename one so the sheet says which to use.',
    ]);
  });

  it("the same header twice: the leftmost is read, the other reported, whatever order", () => {
    const headers = ["Participant", "Election Type", "Filed", "Plan Year", "Percent", "Percent", "Date Filed"];
    const result = validate([{ ...salary, Filed: "2003-12-01", "Date Filed": "2004-01-05" }], headers);
    expect(result.findings.map((f) => `${f.cell} ${f.rule} ${f.column}`)).toEqual(["G1 E01 Filed", "F1 E01 Percent"]);
    expect(result.findings[0].message).toMatch(/^Columns C \("Filed"\) and G \("Date Filed"\) both name the Election Date column; C is read/);
  });

  it("in a ledger: Quantity beside Shares", () => {
    const ledger: SheetGrid = {
      sheet: "Ledger",
      firstRow: 1,
      firstColumn: 0,
      values: [
        ["Date", "Kind", "Shares", "Quantity"],
        [serial("2003-03-31"), "units", 5, 500],
      ],
    };
    const result = reconcileWorkflow({ ledger });
    expect(result.reconciliation.lines.map((l) => l.quantity.toNumber())).toEqual([500]);
    expect(result.findings.map((f) => `${f.cell} ${f.rule} ${f.severity}`)).toEqual(["C1 R01 error"]);
    expect(result.findings[0].message).toMatch(/^Columns D \("Quantity"\) and C \("Shares"\) both name the Quantity column; D is read and C is ignored/);
  });
});

describe("headers as pasted from the web or typed in another input mode", () => {
  it("match after Unicode normalisation: zero-width spaces, full-width letters, no-break spaces", () => {
    expect(normalizeHeader("Partici\u200Bpant\uFEFF")).toBe("participant");
    expect(normalizeHeader("\uFF25\uFF4C\uFF45\uFF43\uFF54\uFF49\uFF4F\uFF4E\u3000\uFF34\uFF59\uFF50\uFF45")).toBe("electiontype");
    expect(normalizeHeader("Election\u00A0Date")).toBe("electiondate");
    const headers = [
      "Partici\u200Bpant",
      "\uFF25\uFF4C\uFF45\uFF43\uFF54\uFF49\uFF4F\uFF4E \uFF34\uFF59\uFF50\uFF45",
      "Election\u00A0Date",
      "Plan\u2060Year",
      "Percent\u00AD",
    ];
    const row = Object.fromEntries(headers.map((h, i) => [h, Object.values(salary)[i]]));
    const result = validate([row], headers);
    expect(result.unusable).toBeUndefined();
    expect(result.findings).toEqual([]);
    expect(result.rowsChecked).toBe(1);
  });

  it("values lose invisible characters too, so one participant is not two", () => {
    expect(readText("Ann\u200B Lee")).toEqual({ value: "Ann Lee" });
    expect(readText("\u200B")).toEqual({ value: undefined });
  });
});

const pricesGrid: SheetGrid = { sheet: "Prices", firstRow: 1, firstColumn: 0, values: [["Date", "Close"], ...cellValues(PRICES_TEMPLATE)] };
const creditsGrid = (rows: unknown[][]): SheetGrid => ({
  sheet: "Credits",
  firstRow: 1,
  firstColumn: 0,
  values: [CREDITS_TEMPLATE.columns.map((c) => c.header), ...rows],
});
const ledgerGrid = (rows: unknown[][]): SheetGrid => ({
  sheet: "Ledger",
  firstRow: 1,
  firstColumn: 0,
  values: [["Date", "Kind", "Quantity", "Reported Remaining"], ...rows],
});

describe("Match Rate typed as a whole number", () => {
  it("15 for 15% is a finding suggesting the percentage, not a 1500% match counted against the reserve: only the deferral units count", () => {
    const result = reconcileWorkflow({
      credits: creditsGrid([
        ["Ann Lee", 12_000, serial("2003-07-15"), 15],
        ["Ben Ortiz", 8_000, serial("2003-08-15"), 0.15],
      ]),
      prices: pricesGrid,
    });
    expect(result.findings.map((f) => `${f.cell} ${f.rule} ${f.message}`)).toEqual([
      "D2 R02 Match Rate 1500% is above 100%; if 15% was meant, enter 15% (or 0.15) (§4.3); no match units are counted; the deferral units still count.",
    ]);
    expect(result.reconciliation.lines.map((l) => `${l.participant}: ${l.entry.reference}`)).toEqual([
      "Ann Lee: deferral units for pay on 2003-07-15",
      "Ben Ortiz: deferral units for pay on 2003-08-15",
      "Ben Ortiz: match units for pay on 2003-08-15",
    ]);
  });

  it('"0,1" is a finding quoting the cell, not a 100% match: the deferral units count, no match', () => {
    const result = reconcileWorkflow({ credits: creditsGrid([["Ann Lee", 12_000, serial("2003-07-15"), "0,1"]]), prices: pricesGrid });
    expect(result.reconciliation.lines.map((l) => l.entry.reference)).toEqual(["deferral units for pay on 2003-07-15"]);
    expect(result.findings[0].message).toBe(
      'Cell D2 holds "0,1"; Match Rate expects a percent such as 50% (a comma is read only between thousands, as in 1,000; write a decimal with a point: "0.1"). No match units are counted; the deferral units still count.',
    );
  });
});

describe("ledger rows the reserve cannot take", () => {
  const findings = (rows: unknown[][]) => {
    const result = reconcileWorkflow({ ledger: ledgerGrid(rows) });
    return { reconciliation: result.reconciliation, located: result.findings.map((f) => `${f.cell} ${f.rule} ${f.message}`) };
  };

  it("a reserve change may be negative, but not below zero: that row is a finding and left out", () => {
    const { reconciliation, located: messages } = findings([
      [serial("2003-03-31"), "units", 100, ""],
      [serial("2003-06-30"), "reserve", -1_000_000, ""],
      [serial("2003-09-30"), "reserve", -7_000_000, ""],
    ]);
    expect(messages).toEqual([
      "C4 R01 A reserve change of -7,000,000 shares would leave the authorised reserve at -2,000,000; it cannot fall below zero (§13.8). The row is left out of the reserve.",
    ]);
    expect(reserveStatus(reconciliation)).toEqual({ reserve: new Decimal(5_000_000), used: new Decimal(100), remaining: new Decimal(4_999_900) });
  });

  it("a split that overflows a cell, or leaves a count under a millionth of a share, is a finding naming its row", () => {
    const { reconciliation, located: messages } = findings([
      [serial("2003-03-31"), "units", 100, ""],
      [serial("2003-06-30"), "split", 1e300, ""],
      [serial("2003-07-31"), "split", 1e300, ""],
      [serial("2003-08-29"), "split", 1e-300, ""],
      [serial("2003-09-30"), "split", 1e-9, ""],
    ]);
    // Issue 19: a split beyond 1,000 to one either way is refused as implausible (R05) before it could overflow or underflow.
    expect(messages).toEqual([
      "C3 R05 Quantity 1e+300: a split of 1e+300 new shares per old share is beyond 1,000 to one either way (§13.8). The row is left out of the reserve; check the cell.",
      "C4 R05 Quantity 1e+300: a split of 1e+300 new shares per old share is beyond 1,000 to one either way (§13.8). The row is left out of the reserve; check the cell.",
      "C5 R05 Quantity 1e-300: a split of 1e-300 new shares per old share is beyond 1,000 to one either way (§13.8). The row is left out of the reserve; check the cell.",
      "C6 R05 Quantity 1e-9: a split of 1e-9 new shares per old share is beyond 1,000 to one either way (§13.8). The row is left out of the reserve; check the cell.",
    ]);
    expect(reconciliation.lines.map((l) => l.rowNumber)).toEqual([2]);
  });

  it("a quantity too large for a cell is a finding on its cell; 20 digits read exactly, and beyond the reserve R05 (issue 19)", () => {
    const { reconciliation, located: messages } = findings([
      [serial("2003-03-31"), "reserve", "12345678901234567890", ""],
      [serial("2003-04-30"), "units", `1${"0".repeat(400)}`, ""],
      [serial("2003-05-30"), "units", "98765432109876543210", "12,345,678,901,234,567,890"],
    ]);
    expect(messages).toEqual([
      "C2 R05 12,345,678,901,234,567,890 shares is more than the whole §13.8 reserve on that date (6,000,000 shares): no one row could count that many (Quantity C2). The row is left out of the reserve; check the cell.",
      'C3 R01 Cell C3 holds "10000000000000000000…0000000000" (401 characters); Quantity expects a number a cell can hold (at most 9.99999999999999e+307). The row is left out of the reserve.',
      "C4 R05 98,765,432,109,876,543,210 shares is more than the whole §13.8 reserve on that date (6,000,000 shares): no one row could count that many (Quantity C4). The row is left out of the reserve; check the cell.",
    ]);
    expect(reconciliation.lines).toEqual([]);
  });

  it("the error or uncalculated formula in a ledger cell is named, not taken for a blank or unknown kind", () => {
    const { located: messages } = findings([
      [serial("2003-03-31"), "#N/A", 100, ""],
      [serial("2003-04-30"), "units", new UnsavedFormula("Credits!B9/4"), ""],
    ]);
    expect(messages).toEqual([
      "B2 R01 Cell B2 holds the error #N/A; Kind expects text. Correct the formula or value behind it. The row is left out of the reserve.",
      "C3 R01 Cell C3 holds a formula with no saved value (=Credits!B9/4): open and save it in Excel. The row is left out of the reserve.",
    ]);
  });
});

describe("the price table behind the credits", () => {
  it("is unchanged by these checks on a clean sheet", () => {
    expect(priceTableFrom(pricesGrid).closePrice("2003-07-01")).toEqual(pricesFromCells(cellValues(PRICES_TEMPLATE)).closePrice("2003-07-01"));
  });
});

describe("text whose separators could mean two things (issue 19)", () => {
  it("reads -$12,000 as $-12,000 does: minus twelve thousand", () => {
    expect(readNumber("-$12,000").value?.toString()).toBe("-12000");
    expect(readNumber("$-12,000").value?.toString()).toBe("-12000");
  });

  it('never reads "12.000" as 12: it is a finding that names both readings', () => {
    expect(readNumber("12.000")).toEqual({ problem: "a number" });
    expect(readNumber("0.125").value?.toString()).toBe("0.125");
    expect(cellProblem("D7", "Amount", "12.000", "a number")).toBe(
      'Cell D7 holds "12.000"; Amount expects a number ("12.000" reads two ways: 12 with "." as a decimal point, or 12000 with it between thousands; type the number you mean).',
    );
  });

  it('refuses "1,000" in a Percent cell, advising both readings rather than another number over the limit', () => {
    expect(readPercent("1,000")).toEqual({ problem: "a percent such as 50%" });
    const message = cellProblem("E4", "Percent", "1,000", "a percent such as 50%");
    expect(message).toContain('reads two ways: 1 with "," as a decimal point, or 1000 with it between thousands');
    expect(message).not.toContain('"1.000"');
  });

  it('advises "-$12,000" without the "-$12.000" that would read as 12', () => {
    expect(cellProblem("D9", "Amount", "-$12,000", "a number")).not.toContain('"-$12.000"');
  });
});
