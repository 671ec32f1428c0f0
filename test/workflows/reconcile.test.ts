/**
 * reconcileWorkflow: the Ledger, Credits and plan records (Activity) in, the
 * §13.8 reserve row by row, its summary and every row left out, each on its
 * cell, out, as the task pane and `dcp reserve` present it.
 */
import { toNumber } from "../../src/engine/decimal";
import type { SheetGrid } from "../../src/sheets/grid";
import { CREDITS_TEMPLATE, LEDGER_TEMPLATE, PRICES_TEMPLATE } from "../../src/sheets/templates";
import { reconciles, reconcileWorkflow } from "../../src/workflows/reconcile";
import { workedGrids } from "../helpers/records";
import { templateGrid } from "../helpers/sheets";

const ledger = templateGrid(LEDGER_TEMPLATE);
const credits = templateGrid(CREDITS_TEMPLATE);
const prices = templateGrid(PRICES_TEMPLATE);

describe("the template ledger", () => {
  const result = reconcileWorkflow({ ledger });

  it("runs the reserve through its 2-for-1 split to the day it is used up", () => {
    expect(result.asOf).toBe("2004-05-07");
    expect([result.status.reserve, result.status.used, result.status.remaining].map(toNumber)).toEqual([12_000_000, 12_400_000, -400_000]);
    expect(result.reconciliation.exhaustionDate).toBe("2004-03-31");
    expect(result.projection).toBeUndefined();
  });

  it("gives the share used to two places, as both surfaces show it", () => {
    expect(result.percentUsed).toBe("103.33");
  });

  it("links each row beyond the reserve, and each divergence, to its own date cell", () => {
    expect(result.reconciliation.violations.map((v) => v.line.entry.cells.source)).toEqual([
      { sheet: "Ledger", cell: "A8" },
      { sheet: "Ledger", cell: "A9" },
    ]);
    expect(result.reconciliation.divergences.map((d) => d.line.entry.cells.source)).toEqual([{ sheet: "Ledger", cell: "A7" }]);
    expect(reconciles(result)).toBe(false);
  });

  it("as of an earlier date, summarises then; exhaustion and violations still cover every row", () => {
    const earlier = reconcileWorkflow({ ledger }, { asOf: "2003-06-30" });
    expect([earlier.status.used, earlier.status.remaining].map(toNumber)).toEqual([7_000_000, 5_000_000]);
    expect(earlier.percentUsed).toBe("58.33");
    expect(earlier.reconciliation.violations).toHaveLength(2);
  });
});

describe("credits valued at prices", () => {
  it("counts deferral and match units on the crediting date, reconciles, and projects at the last four quarters' pace", () => {
    const result = reconcileWorkflow({ credits, prices });
    expect(result.credits.map((c) => c.participant)).toEqual(["Ann Lee", "Ben Ortiz", "Cara Diaz"]);
    expect(result.reconciliation.lines.every((l) => l.date === "2003-09-30" && l.entry.cells.source.sheet === "Credits")).toBe(true);
    expect(reconciles(result)).toBe(true);
    expect(result.projection).toMatchObject({ windowStart: "2002-10-01", windowEnd: "2003-09-30" });
  });

  it("leaves out a credit that cannot be read, on its cell, and reports the findings of every sheet by sheet and row", () => {
    const stray: SheetGrid = { ...prices, outside: [{ row: 900, column: 0, value: "note" }] };
    const bad = templateGrid(CREDITS_TEMPLATE, [["Ann Lee", "lots", 37_837, ""]]);
    const result = reconcileWorkflow({ ledger, credits: bad, prices: stray });
    expect(result.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.severity}`)).toEqual(["Credits!B2 R02 error", "Prices!A900 T01 warning"]);
  });

  it("cannot value credits at a prices sheet that cannot be used", () => {
    const broken: SheetGrid = { ...prices, values: prices.values.map((row, r) => (r === 2 ? [row[0], -1] : row)) };
    expect(reconcileWorkflow({ credits, prices: broken }).unusable).toBe("the prices sheet cannot be used: Prices row 3: close -1 must be positive");
  });
});

describe("the plan records (issue 12): units credited and options granted counted from the same replay as the statements", () => {
  const result = reconcileWorkflow(workedGrids(), { asOf: "2003-12-31" });

  it("counts what the records hold at the close of the as-of date: the plan's units and option shares outstanding", () => {
    expect(result.records?.through).toBe("2003-12-31");
    const { balances, totalValue } = result.records?.totals ?? { balances: undefined, totalValue: undefined };
    expect(toNumber(result.status.used)).toBe(33198.307143);
    expect(balances && toNumber(balances.DCA.plus(balances.CMSA).plus(balances.CSA).plus(balances.OPTIONS))).toBe(33198.307143);
    expect(totalValue && toNumber(totalValue)).toBe(19702.46);
  });

  it("links every row to its record's cell: a deferral, an option grant, a dividend, a split", () => {
    const where = (date: string, kind: string) =>
      result.reconciliation.lines.filter((l) => l.date === date && l.kind === kind).map((l) => `${l.entry.cells.source.sheet}!${l.entry.cells.source.cell}`);
    expect(where("2003-09-30", "units")).toContain("Activity!B9");
    expect(where("2003-08-01", "option")).toEqual(["Activity!B6"]);
    expect(where("2003-12-05", "units")).toContain("Dividends!B5");
    expect(where("2003-09-15", "split")).toEqual(["Splits!A2"]);
  });

  it("reports what the replay could not apply on its cell, as a row left out", () => {
    expect(result.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual(["Activity!D8 S01"]);
    expect(reconciles(result)).toBe(false);
  });

  it("counts a ledger beside the records", () => {
    const both = reconcileWorkflow({ ...workedGrids(), ledger }, { asOf: "2003-12-31" });
    expect(both.reconciliation.lines.length).toBe(result.reconciliation.lines.length + ledger.values.length - 1);
  });

  it("needs the prices the records are credited at", () => {
    const { prices: _prices, ...withoutPrices } = workedGrids();
    expect(reconcileWorkflow(withoutPrices).unusable).toBe("there is no Prices sheet: units are credited and valued at its closing prices (§8.1)");
  });
});

it("without a Ledger, Credits or Activity sheet there is nothing to reconcile", () => {
  expect(reconcileWorkflow({ prices }).unusable).toBe("there is no Ledger, Credits or Activity sheet to reconcile");
});

describe("an unreadable optional cell is a finding on that cell; the row still counts what it can (§13.8)", () => {
  const ledgerOf = (reported: unknown, price: unknown) =>
    templateGrid(LEDGER_TEMPLATE, [
      ["2002-09-30", "units", 2_000, "All participants", "Q3 2002 units", "", ""],
      ["2002-10-31", "option", 100, "Dan Wu", "Option allocation", reported, price],
    ]);

  it("counts an option whose Reported Remaining cannot be read: Used 2,100, a finding on F3", () => {
    const result = reconcileWorkflow({ ledger: ledgerOf("abc", 0.85) });
    expect(toNumber(result.status.used)).toBe(2_100);
    expect(result.findings.map((f) => `${f.sheet}!${f.cell} ${f.column}`)).toEqual(["Ledger!F3 Reported Remaining"]);
    expect(result.findings[0].message).toMatch(/"abc".*the rest of the row still counts/);
    expect(reconciles(result)).toBe(false);
  });

  it("counts an option whose Exercise Price cannot be read, since the reconciliation does not use it", () => {
    const result = reconcileWorkflow({ ledger: ledgerOf("", "abc") });
    expect(toNumber(result.status.used)).toBe(2_100);
    expect(result.findings.map((f) => `${f.sheet}!${f.cell} ${f.column}`)).toEqual(["Ledger!G3 Exercise Price"]);
  });

  it("still leaves out a row whose required Quantity cannot be read", () => {
    const bad = templateGrid(LEDGER_TEMPLATE, [
      ["2002-09-30", "units", 2_000, "", "", "", ""],
      ["2002-10-31", "option", "lots", "Dan Wu", "", "", 0.85],
    ]);
    const result = reconcileWorkflow({ ledger: bad });
    expect(toNumber(result.status.used)).toBe(2_000);
    expect(result.findings.map((f) => f.cell)).toEqual(["C3"]);
    expect(result.findings[0].message).toMatch(/left out of the reserve/);
  });

  const benOrtiz = (rate: unknown) => {
    const result = reconcileWorkflow({ credits: templateGrid(CREDITS_TEMPLATE, [["Ben Ortiz", 8_000, "2003-08-15", rate]]), prices });
    return { result, line: result.credits[0] };
  };

  it.each([
    ["a 5% match, below the plan's (§4.3)", 0.05],
    ["a match that cannot be read", "abc"],
  ])("credits the deferral units of a credit with %s, refuses the match, and reports it on the Match Rate cell", (_what, rate) => {
    const allowed = benOrtiz(0.15);
    const { result, line } = benOrtiz(rate);
    expect(toNumber(line.deferralUnits)).toBeGreaterThan(0);
    expect(toNumber(line.deferralUnits)).toBe(toNumber(allowed.line.deferralUnits));
    expect(toNumber(line.matchUnits)).toBe(0);
    expect(toNumber(result.status.used)).toBe(toNumber(allowed.line.deferralUnits));
    expect(result.findings.map((f) => `${f.sheet}!${f.cell}`)).toEqual(["Credits!D2"]);
  });
});

describe("an option's Exercise Price of $0 or less (§5.1)", () => {
  it.each([[-1], [0]])("%p is a finding on its cell; the option still counts against the reserve", (price) => {
    const ledger = templateGrid(LEDGER_TEMPLATE, [
      ["2002-09-30", "units", 2_000, "", "", "", ""],
      ["2002-10-31", "option", 100, "Dan Wu", "", "", price],
    ]);
    const result = reconcileWorkflow({ ledger });
    expect(toNumber(result.status.used)).toBe(2_100);
    expect(result.findings.map((f) => `${f.sheet}!${f.cell} ${f.column}`)).toEqual(["Ledger!G3 Exercise Price"]);
    expect(result.findings[0].message).toBe(
      `Exercise price ${price} is not more than $0; a §5.1 discount is at most 50% of the price (§5.1). The row still counts against the reserve; the Open Cap Format export refuses it.`,
    );
  });
});

describe("an option of a fraction of a share (issue 19: §5.4 grants whole shares)", () => {
  it("is an R04 error on its Quantity cell; the row is neither counted nor exported to Open Cap Format", () => {
    const ledger = templateGrid(LEDGER_TEMPLATE, [
      ["2002-09-30", "units", 2_000.5, "", "", "", ""],
      ["2002-10-31", "option", 100.5, "Dan Wu", "", "", 0.85],
      ["2002-11-29", "option", 100, "Eve Park", "", "", 0.85],
    ]);
    const result = reconcileWorkflow({ ledger });
    // Units may be fractional (reading 14): 2,000.5 + the whole grant of 100; the 100.5-share grant is left out.
    expect(toNumber(result.status.used)).toBe(2_100.5);
    expect(result.reconciliation.lines.map((line) => line.rowNumber)).toEqual([2, 4]);
    expect(result.findings.map(({ cell, rule, section, severity }) => ({ cell, rule, section, severity }))).toEqual([
      { cell: "C3", rule: "R04", section: "5.4", severity: "error" },
    ]);
    expect(result.findings[0].message).toMatch(/^Quantity 100\.5: an option grants whole shares \(§5\.4/);
  });
});
