/**
 * statementWorkflow: the workbook's grids and a period in, statements, plan
 * totals and located findings out, as the task pane and `dcp statement` use it.
 * The figures are those worked by hand in test/engine/accounts.test.ts.
 */
import { reconcileReserve, reserveStatus } from "../../src/engine/reserve";
import { reserveEntries, statementJson, statementWorkflow, type StatementGrids, type StatementSettings } from "../../src/workflows/statement";
import { ACTIVITY_ROWS, DIVIDEND_HEADER, DIVIDEND_ROWS, grid, table, workedGrids, type ActivityRow } from "../helpers/records";

const year = { from: "2003-01-01", to: "2003-12-31" };

describe("the worked example as the --json document", () => {
  const result = statementWorkflow(workedGrids(), year);
  const json = statementJson(result);

  it("states each participant, sorted by name, with every Account's columns", () => {
    expect([json.from, json.to]).toEqual(["2003-01-01", "2003-12-31"]);
    expect(json.participants.map((p) => p.participant)).toEqual(["Ann Lee", "Ben Ortiz"]);
    const [ann, ben] = json.participants;
    expect(ann.accounts).toEqual({
      DCA: {
        opening: 0,
        credited: 3700,
        dividends: 208.057143,
        splitAdjustment: 3799.5,
        interest: 0,
        allocatedOut: 0,
        paidOut: 0,
        closing: 7707.557143,
        value: 5395.29,
      },
      CMSA: {
        opening: 0,
        credited: 550,
        dividends: 29.651429,
        splitAdjustment: 563.55,
        interest: 0,
        allocatedOut: 0,
        paidOut: 0,
        closing: 1143.201429,
        value: 800.24,
      },
      CSA: {
        opening: 0,
        credited: 1000,
        dividends: 59.634286,
        splitAdjustment: 1030.2,
        interest: 0,
        allocatedOut: 0,
        paidOut: 0,
        closing: 2089.834286,
        value: 1462.88,
      },
      IA: { opening: 0, credited: 5000, dividends: 0, splitAdjustment: 0, interest: 129.75, allocatedOut: 3000, paidOut: 0, closing: 2129.75, value: 2129.75 },
    });
    expect(ann.options).toEqual([{ grantDate: "2003-08-01", shares: 13332, exercisePrice: 0.425, exercisableDate: "2004-02-01", value: 3666.3 }]);
    expect(ann.totalValue).toBe(13454.46);
    expect(ben.totalValue).toBe(6248);
  });

  it("totals the plan: units per Account, Investment Account dollars, options outstanding, liability at fair market value", () => {
    expect(json.totals).toEqual({ DCA: 15821.842857, CMSA: 1954.63, CSA: 2089.834286, IA: 2129.75, OPTIONS: 13332, totalValue: 19702.46 });
  });

  it("reports the over-allocation on its Amount cell (S01, reading 6)", () => {
    expect(json.findings).toEqual([
      {
        sheet: "Activity",
        cell: "D8",
        row: 8,
        column: "Amount",
        rule: "S01",
        section: "5.2(c)",
        severity: "error",
        message:
          "The allocation to the Company Stock Account of $5,000.00 (released 2003-10-23, determined 2003-10-31) is more than the $2,108.66 in the Investment Account at the close of 2003-10-30; it is not applied (§5.2(c)).",
      },
    ]);
    expect(result.participants[0].findings.map((f) => f.cell)).toEqual(["D8"]);
    expect(result.rowsRead).toEqual({ activity: 8, dividends: 4, splits: 1 });
  });
});

describe("the period and the participant", () => {
  it("runs from the first to the last Activity date when none is given", () => {
    const result = statementWorkflow(workedGrids());
    expect([result.from, result.to]).toEqual(["2003-01-15", "2003-10-23"]);
    // The allocation released 2003-10-23 is determined 2003-10-31, after the period: nothing to refuse yet.
    expect(result.findings).toEqual([]);
    expect(result.participants[0].statement.accounts.IA.closing.toNumber()).toBe(2108.66);
  });

  it("states one participant, matched ignoring case and surrounding spaces", () => {
    const result = statementWorkflow(workedGrids(), { ...year, participant: "  BEN ORTIZ " });
    expect(result.participants.map((p) => p.statement.participant)).toEqual(["Ben Ortiz"]);
    expect(result.findings).toEqual([]);
    expect(statementJson(result).totals.totalValue).toBe(6248);
  });

  it("draws the value at the start, each month end and the end of the period when asked", () => {
    const [ann] = statementWorkflow(workedGrids(), { ...year, participant: "Ann Lee", series: true }).participants;
    const series = ann.series!.map(({ date, value }) => [date, value.toNumber()]);
    expect(series.map(([date]) => date)).toEqual([
      "2003-01-01",
      "2003-01-31",
      "2003-02-28",
      "2003-03-31",
      "2003-04-30",
      "2003-05-31",
      "2003-06-30",
      "2003-07-31",
      "2003-08-31",
      "2003-09-30",
      "2003-10-31",
      "2003-11-30",
      "2003-12-31",
    ]);
    expect(series[0][1]).toBe(0);
    expect(series[3][1]).toBe(16044.86); // 2,750 units × $4.00 + $5,044.86
    expect(series[12][1]).toBe(13454.46); // the statement's total value
  });
});

describe("findings carry their cells; the rest still replays", () => {
  it("a Prime Rates sheet missing: one S03 per participant with Investment Account flows, on its first such row", () => {
    const { primeRates: _, ...grids } = workedGrids();
    const result = statementWorkflow(grids, year);
    expect(result.findings.map((f) => [f.sheet, f.cell, f.rule])).toEqual([
      ["Activity", "B3", "S03"],
      ["Activity", "D8", "S01"],
    ]);
    expect(result.participants[1].statement.totalValue.toNumber()).toBe(6248);
  });

  it("a dividend paid on a day without a close is one S03 on its Payment Date, however many hold units", () => {
    const dividends = grid("Dividends", table(DIVIDEND_HEADER, [...DIVIDEND_ROWS, ["2003-11-14", "2003-12-25", 0.01]]));
    const result = statementWorkflow({ ...workedGrids(), dividends }, year);
    expect(result.findings.filter((f) => f.sheet === "Dividends").map((f) => [f.cell, f.rule, f.message])).toEqual([
      ["B6", "S03", "2003-12-25 is not a Business Day (§1.1(d)): the New York Stock Exchange has no close that day; the dividend is not credited (§8.1(d))."],
    ]);
  });

  it("unreadable cells and replay findings come together, by sheet and row", () => {
    const rows: ActivityRow[] = [...ACTIVITY_ROWS, ["Ben Ortiz", "2003-08-20", "deferral", "lots" as unknown as number, "", "", "", ""]];
    const dividends = grid("Dividends", table(DIVIDEND_HEADER, [...DIVIDEND_ROWS, ["2003-12-20", "2003-12-19", 0.01]]));
    const result = statementWorkflow({ ...workedGrids(rows), dividends }, year);
    expect(result.findings.map((f) => [f.sheet, f.cell, f.rule])).toEqual([
      ["Activity", "D8", "S01"],
      ["Activity", "D10", "S02"],
      ["Dividends", "A6", "S02"],
    ]);
  });
});

describe("the share reserve counted from the same records (§13.8)", () => {
  it("counts units when credited, options when granted and the split once: the plan's units and options outstanding", () => {
    const result = statementWorkflow(workedGrids(), year);
    const entries = reserveEntries(result);
    expect(entries.filter((e) => e.participant === "Ben Ortiz").map((e) => [e.date, e.kind, e.quantity.toNumber()])).toEqual([
      ["2003-09-30", "units", 8000],
      ["2003-09-30", "units", 800],
      ["2003-12-05", "units", 114.285714],
      ["2003-12-05", "units", 11.428571],
    ]);
    expect(entries.filter((e) => e.kind !== "units").map((e) => [e.date, e.kind, e.quantity.toNumber(), e.exercisePrice?.toNumber()])).toEqual([
      ["2003-09-15", "split", 2, undefined],
      ["2003-08-01", "option", 6666, 0.85],
    ]);
    // 5,393.25 units and 6,666 option shares before the split, doubled; 9,079.807143 units after it.
    const { used } = reserveStatus(reconcileReserve(entries), "2003-12-31");
    expect(used.toNumber()).toBe(33198.307143);
    const { DCA, CMSA, CSA, OPTIONS } = statementJson(result).totals;
    expect(used.toNumber()).toBeCloseTo(DCA + CMSA + CSA + OPTIONS, 6);
  });
});

describe("input it cannot use at all", () => {
  const unusable = (grids: StatementGrids, settings: StatementSettings = year) => statementWorkflow(grids, settings).unusable;

  it("names at most ten participants the records do have, then how many more", () => {
    const rows: ActivityRow[] = Array.from({ length: 12 }, (_, i) => [
      `P${String(i + 1).padStart(2, "0")}`,
      "2003-01-15",
      "investment deferral",
      100,
      "",
      "",
      "",
      "",
    ]);
    expect(unusable(workedGrids(rows), { participant: "Ann Lee" })).toBe(
      'Activity has no readable row for participant "Ann Lee"; its participants are "P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08", "P09", "P10" and 2 more',
    );
  });

  it("names what is missing or wrong in one line", () => {
    const { activity: _a, ...noActivity } = workedGrids();
    expect(unusable(noActivity)).toBe("there is no Activity sheet: it holds the plan records a statement replays");
    const { prices: _p, ...noPrices } = workedGrids();
    expect(unusable(noPrices)).toBe("there is no Prices sheet: units are credited and valued at its closing prices (§8.1)");
    const badPrices = grid("Prices", [
      ["Date", "Close"],
      [37622, -1],
    ]);
    expect(unusable({ ...workedGrids(), prices: badPrices })).toBe("the prices sheet cannot be used: Prices row 2: close -1 must be positive");
    expect(unusable(workedGrids(), { from: "2003-01-01", to: "2004-03-31" })).toBe(
      "the statement values units at the fair market value on 2004-03-31, but there is no closing price for 2004-03-31 in the price table",
    );
    expect(unusable(workedGrids(), { from: "2003-12-31", to: "2003-01-01" })).toBe("the period starts 2003-12-31, after it ends 2003-01-01");
    expect(unusable(workedGrids(), { ...year, participant: "Dan Wu" })).toBe(
      'Activity has no readable row for participant "Dan Wu"; its participants are "Ann Lee", "Ben Ortiz"',
    );
    expect(
      unusable({
        ...workedGrids(),
        splits: grid("Splits", [
          ["Date", "Ratio"],
          [37622, 2],
        ]),
      }),
    ).toBe('Splits has no "New Shares", "Old Shares" column in its header row (row 1).');
  });
});
