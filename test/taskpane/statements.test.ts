/**
 * What the Statements page shows, from the workflow's result over the worked
 * example (figures worked by hand in test/engine/accounts.test.ts): the
 * sheets it reads, the period typed, one participant's statement or all.
 */
import { RECORDS_TEMPLATES, WORKED_PERIOD } from "../../src/sheets/recordsTemplates";
import { chooseSheets, findingGroups, insertedChoice, readPeriod, statementView, valueChartLabel, writtenSentence } from "../../src/taskpane/statements";
import { statementWorkflow } from "../../src/workflows/statement";
import { workedGrids } from "../helpers/records";

const result = statementWorkflow(workedGrids(), { ...WORKED_PERIOD, series: true });

describe("the sheets the page reads", () => {
  it("are those named as STATEMENT.md and PAYOUT.md §7 name them, ignoring case; a role without one reads none", () => {
    expect(chooseSheets(["activity", "PRICES", "Splits", "Notes", "WITHDRAWALS"])).toEqual({
      activity: "activity",
      prices: "PRICES",
      dividends: "",
      splits: "Splits",
      primeRates: "",
      withdrawals: "WITHDRAWALS",
      participation: "",
      plan: "",
      payouts: "",
    });
  });

  it("keep a choice the user made while its sheet is still there", () => {
    const sheets = ["Activity", "Prices", "Prices 2003", "Prime Rates"];
    expect(chooseSheets(sheets, { prices: "Prices 2003", primeRates: "Gone" })).toMatchObject({ prices: "Prices 2003", primeRates: "Prime Rates" });
  });

  it("after Insert template are the sheets it added, even renamed around the user's", () => {
    const added = ["Activity", "Dividends", "Splits", "Prices (2)", "Prime Rates", "Withdrawals", "Participation (2)", "Plan"];
    expect(
      insertedChoice(
        RECORDS_TEMPLATES.map((t) => t.sheet),
        added,
      ),
    ).toEqual({
      activity: "Activity",
      prices: "Prices (2)",
      dividends: "Dividends",
      splits: "Splits",
      primeRates: "Prime Rates",
      withdrawals: "Withdrawals",
      participation: "Participation (2)",
      plan: "Plan",
      payouts: "",
    });
  });
});

describe("the period typed", () => {
  it("is blank for the records' own first and last dates, or YYYY-MM-DD", () => {
    expect(readPeriod("", " ")).toEqual({ problems: {} });
    expect(readPeriod(" 2003-01-01", "2003-12-31 ")).toEqual({ from: "2003-01-01", to: "2003-12-31", problems: {} });
  });

  it("says which day is not a date and how to write it", () => {
    expect(readPeriod("Jan 1", "2003-02-30").problems).toEqual({
      from: 'The period\'s first day "Jan 1" is not a date: enter it as YYYY-MM-DD, or leave it blank for the first record.',
      to: 'The period\'s last day "2003-02-30" is not a date: enter it as YYYY-MM-DD, or leave it blank for the last record.',
    });
  });
});

describe("one participant's statement", () => {
  const view = statementView(result, "ann lee");

  it("shows the four Accounts at the period's end, units to six decimals and the Investment Account in dollars, with the options and the total", () => {
    expect([view.heading, view.period, view.valuation]).toEqual([
      "Ann Lee",
      "2003-01-01 to 2003-12-31",
      "Units valued at $0.70, the fair market value on 2003-12-31 (§7.2(a)).",
    ]);
    expect(view.accounts.map((a) => [a.key, a.closing, a.value])).toEqual([
      ["DCA", "7,707.557143 units", "$5,395.29"],
      ["CMSA", "1,143.201429 units", "$800.24"],
      ["CSA", "2,089.834286 units", "$1,462.88"],
      ["IA", "$2,129.75", "$2,129.75"],
    ]);
    expect(view.optionsLine).toEqual({ shares: "13,332", value: "$3,666.30" });
    expect(view.totalValue).toBe("$13,454.46");
  });

  it("shows each Account's movements over the period, which add up to its closing", () => {
    expect(view.accounts[0].movements).toEqual([
      { label: "Opening", text: "0.000000" },
      { label: "Credited", text: "3,700.000000" },
      { label: "Dividends", text: "208.057143" },
      { label: "Split adjustment", text: "3,799.500000" },
      { label: "Interest", text: "0.000000" },
      { label: "Allocated out", text: "0.000000" },
      { label: "Paid out", text: "0.000000" },
      { label: "Closing", text: "7,707.557143" },
    ]);
    expect(view.accounts[3].movements.map((m) => m.text)).toEqual(["$0.00", "$5,000.00", "$0.00", "$0.00", "$129.75", "$3,000.00", "$0.00", "$2,129.75"]);
  });

  it("lists the options as adjusted through the split (§5.4, §8.1(e))", () => {
    expect(view.options).toEqual([{ grantDate: "2003-08-01", exercisableDate: "2004-02-01", shares: "13,332", exercisePrice: "$0.425", value: "$3,666.30" }]);
  });

  it("charts the value at the start, each month end and the end of the period, and says so in words", () => {
    expect(view.series.map((p) => p.date)).toHaveLength(13);
    expect(view.series[12]).toEqual({ date: "2003-12-31", value: 13454.46 });
    // The high: 5,287.5 units (DCA 3,725, CMSA 552.5, CSA 1,010) at $5.00 and $3,084.45 in the Investment Account on 2003-06-30.
    expect(view.series[6]).toEqual({ date: "2003-06-30", value: 5287.5 * 5 + 3084.45 });
    expect(view.chartLabel).toBe(
      "Total value of the accounts and options: $0.00 on 2003-01-01, $13,454.46 on 2003-12-31; low $0.00 on 2003-01-01, high $29,521.95 on 2003-06-30.",
    );
  });

  it("lists only this participant's findings, by row, each a link to its cell", () => {
    expect(view.findingCount).toBe(1);
    expect(view.findings).toEqual([
      {
        key: "Activity!8",
        heading: "Activity row 8",
        links: [
          {
            key: "0",
            sheet: "Activity",
            cell: "D8",
            severity: "error",
            title: "S01 · Amount",
            message: expect.stringMatching(/^The allocation to the Company Stock Account of \$5,000\.00 .*\(§5\.2\(c\)\)\.$/),
          },
        ],
      },
    ]);
    expect(statementView(result, "Ben Ortiz").findings).toEqual([]);
  });

  it("says what Write statement did", () => {
    expect(writtenSentence(result, "Ann Lee", "DCP Ann Lee")).toBe('Wrote Ann Lee\'s statement to the sheet "DCP Ann Lee".');
  });
});

describe("all participants", () => {
  const view = statementView(result, "");

  it("sums each Account over the participants, totals the options and the value: what the plan owes (§13.3)", () => {
    expect(view.heading).toBe("All participants (2)");
    expect(view.accounts.map((a) => [a.key, a.closing, a.value])).toEqual([
      ["DCA", "15,821.842857 units", "$11,075.29"],
      ["CMSA", "1,954.630000 units", "$1,368.24"],
      ["CSA", "2,089.834286 units", "$1,462.88"],
      ["IA", "$2,129.75", "$2,129.75"],
    ]);
    expect(view.optionsLine).toEqual({ shares: "13,332", value: "$3,666.30" });
    expect(view.totalValue).toBe("$19,702.46");
    expect(view.participants).toEqual([
      { name: "Ann Lee", totalValue: "$13,454.46" },
      { name: "Ben Ortiz", totalValue: "$6,248.00" },
    ]);
    expect(view.options).toEqual([]);
  });

  it("charts the plan's value: each date the sum of the participants' values", () => {
    const [ann, ben] = [statementView(result, "Ann Lee").series, statementView(result, "Ben Ortiz").series];
    expect(view.series.map((p) => p.date)).toEqual(ann.map((p) => p.date));
    view.series.forEach((p, i) => expect(p.value).toBeCloseTo(ann[i].value + ben[i].value, 2));
    expect(view.series[12].value).toBe(19702.46);
  });

  it("lists every finding, and says what Write statement did", () => {
    expect(view.findingCount).toBe(1);
    expect(writtenSentence(result, "", "DCP Statements")).toBe('Wrote the summary of 2 participants to the sheet "DCP Statements".');
  });

  it("a name the result does not have shows all", () => {
    expect(statementView(result, "Dan Wu").heading).toBe("All participants (2)");
  });
});

describe("findings and the chart's words, alone", () => {
  it("groups findings of one row together, rows in the order found", () => {
    const finding = (sheet: string, row: number, cell: string) => ({
      sheet,
      cell,
      row,
      column: "Amount",
      rule: "S02",
      section: "—",
      severity: "error" as const,
      message: "m",
    });
    const groups = findingGroups([finding("Activity", 3, "B3"), finding("Activity", 3, "D3"), finding("Dividends", 3, "A3")]);
    expect(groups.map((g) => [g.heading, g.links.map((l) => l.cell)])).toEqual([
      ["Activity row 3", ["B3", "D3"]],
      ["Dividends row 3", ["A3"]],
    ]);
  });

  it("names no points for an empty chart", () => {
    expect(valueChartLabel([])).toBe("");
  });
});
