/** The election-sheet rules E01–E16 (RULES.md), each with rows that pass and rows that fail. */
import { Decimal } from "../../src/engine/decimal";
import { PriceTable } from "../../src/engine/prices";
import { allocationWindow, electionWindow } from "../../src/engine/elections";
import { DEFAULT_ELECTION_SETTINGS } from "../../src/engine/validation";
import { validateElectionSheet } from "../../src/sheets/elections";
import { serial } from "../helpers/bundle";
import { electionGrid, HEADERS } from "../helpers/sheets";

const settings = DEFAULT_ELECTION_SETTINGS;
const check = (rows: Array<Record<string, unknown>>, options = settings, headers?: string[]) => validateElectionSheet(electionGrid(rows, headers), options);
const rules = (rows: Array<Record<string, unknown>>, options = settings) => check(rows, options).findings.map((f) => `${f.row} ${f.rule}`);
const base = { Participant: "Ann Lee", "Committee Approved": "Y" };
const salary = (filed: string, year: number, extra: Record<string, unknown> = {}) => ({
  ...base,
  "Election Type": "Salary deferral",
  "Election Date": filed,
  "Plan Year": year,
  Percent: 0.1,
  ...extra,
});
const bonus = (filed: string, year: number, extra: Record<string, unknown> = {}) => ({
  ...base,
  "Election Type": "IV-BON",
  "Election Date": filed,
  "Plan Year": year,
  Percent: 0.5,
  ...extra,
});
const allocation = (filed: string, release: string, extra: Record<string, unknown> = {}) => ({
  ...base,
  "Election Type": "ALLOC-STOCK",
  "Election Date": filed,
  "Release Date": release,
  Amount: 5000,
  ...extra,
});

describe("E01 required columns and values", () => {
  it("reports each missing required column on the header row, and marks the sheet unusable", () => {
    const result = check(
      [salary("2003-12-01", 2004)],
      settings,
      HEADERS.filter((h) => h !== "Election Date" && h !== "Participant"),
    );
    expect(result.findings.map((f) => `${f.row} ${f.rule} ${f.column}`)).toEqual(["1 E01 Participant", "1 E01 Election Date"]);
    expect(result.unusable).toMatch(/no "Participant", "Election Date" column/);
  });

  it("accepts the aliases, in any case and spacing", () => {
    const headers = ["employee id", "TYPE", "Date  Filed", "year", "Deferral %"];
    const result = validateElectionSheet(
      electionGrid([{ "employee id": 1001, TYPE: "iv-sal", "Date  Filed": "2003-12-01", year: 2004, "Deferral %": "25%" }], headers),
      settings,
    );
    expect(result.findings).toEqual([]);
    expect(result.rowsChecked).toBe(1);
  });

  it("needs a participant, a known type and an election date on every row", () => {
    expect(
      rules([{ ...salary("2003-12-01", 2004), Participant: "" }, { ...salary("2003-12-01", 2004), "Election Type": "Pension" }, { ...salary("", 2004) }]),
    ).toEqual(["2 E01", "3 E01", "4 E01"]);
    expect(check([{ ...salary("2003-12-01", 2004), "Election Type": "Pension" }]).findings[0].message).toMatch(
      /"Pension" is not one the plan has; use one of: Salary deferral \(IV-SAL\)/,
    );
  });
});

describe("E02 salary deferral deadline (§4.2(a))", () => {
  it("accepts December 30 and refuses December 31", () => {
    expect(rules([salary("2003-12-30", 2004)])).toEqual([]);
    const [finding] = check([salary("2003-12-31", 2004)]).findings;
    expect(finding).toMatchObject({ row: 2, column: "Election Date", rule: "E02", section: "4.2(a),(b)", severity: "error" });
    expect(finding.message).toBe("Filed 2003-12-31; salary deferrals for 2004 had to be filed by 2003-12-30 (§4.2(a)).");
  });

  it("cites §5.3 for an Investment Account deferral and refuses one filed two years ahead", () => {
    expect(check([{ ...salary("2003-12-31", 2004), "Election Type": "V-SAL" }]).findings[0].section).toBe("5.3(a),(b)");
    expect(check([salary("2002-11-01", 2004)]).findings[0].message).toMatch(/must be filed in 2003, by 2003-12-30/);
  });

  it("refuses a 2003 election filed before the plan took effect on 2002-07-18 (preamble, §4.2(a))", () => {
    expect(rules([salary("2002-07-18", 2003)])).toEqual([]);
    const [finding] = check([salary("2002-07-17", 2003)]).findings;
    expect(finding).toMatchObject({ row: 2, column: "Election Date", rule: "E02", section: "4.2(a),(b)" });
    expect(finding.message).toBe(
      "Filed 2002-07-17, before the plan took effect on 2002-07-18; salary deferrals for 2003 could be filed from 2002-07-18 through 2002-12-30 (§4.2(a)).",
    );
    expect(check([bonus("2002-06-01", 2003)]).findings[0]).toMatchObject({
      rule: "E03",
      section: "4.2(c)",
      message: expect.stringMatching(/^Filed 2002-06-01, before the plan took effect on 2002-07-18/),
    });
  });

  it("cites the section of the election's own article for a Plan Year before the plan (§4.2 for Art. IV, §5.3 for Art. V)", () => {
    const before = (type: string, row: Record<string, unknown>) => check([{ ...row, "Election Type": type }]).findings[0];
    expect(before("IV-SAL", salary("2000-12-01", 2001))).toMatchObject({ rule: "E02", section: "4.2(a)", column: "Plan Year" });
    expect(before("V-SAL", salary("2000-12-01", 2001))).toMatchObject({ rule: "E02", section: "5.3(a)", column: "Plan Year" });
    expect(before("IV-BON", bonus("2000-12-01", 2001))).toMatchObject({ rule: "E03", section: "4.2(c)" });
    expect(before("V-BON", bonus("2000-12-01", 2001))).toMatchObject({ rule: "E03", section: "5.3(c)" });
  });

  it("reads serial dates as well as text", () => {
    expect(rules([salary(serial("2003-12-30") as unknown as string, 2004)])).toEqual([]);
  });
});

describe("E03 bonus deferral deadline (§4.2(c))", () => {
  it("accepts December 31 and refuses January 1, for the year the fiscal year ends", () => {
    expect(rules([bonus("2003-12-31", 2004)])).toEqual([]);
    expect(check([bonus("2004-01-01", 2004)]).findings[0]).toMatchObject({ rule: "E03", section: "4.2(c)" });
  });

  it("uses the Bonus Fiscal Year End column, or the settings' fiscal year end", () => {
    expect(rules([bonus("2003-12-31", 2003, { "Bonus Fiscal Year End": "2004-06-30" })])).toEqual([]);
    expect(rules([bonus("2003-12-31", 2004)], { ...settings, fiscalYearEnd: { month: 6, day: 30 } })).toEqual([]);
    expect(rules([bonus("2004-01-02", 2004)], { ...settings, fiscalYearEnd: { month: 6, day: 30 } })).toEqual(["2 E03"]);
  });
});

describe("E04 newly eligible participants (§4.2(d))", () => {
  it("allows the 30th day after eligibility and refuses the 31st, under E04 rather than E02", () => {
    expect(rules([salary("2003-04-14", 2003, { "Eligibility Date": "2003-03-15" })])).toEqual([]);
    const [finding] = check([salary("2003-04-15", 2003, { "Eligibility Date": "2003-03-15" })]).findings;
    expect(finding).toMatchObject({ rule: "E04", section: "4.2(d)" });
    expect(finding.message).toBe("Became eligible 2003-03-15; the election had to be filed within 30 days, by 2003-04-14, but was filed 2003-04-15 (§4.2(d)).");
  });

  it("needs a bonus election at least six months before the bonus is payable, to the day", () => {
    const eligible = { "Eligibility Date": "2003-03-15", "Bonus Payable Date": "2003-10-01" };
    expect(rules([bonus("2003-04-01", 2003, eligible)])).toEqual([]);
    expect(check([bonus("2003-04-02", 2003, eligible)]).findings[0].message).toMatch(
      /less than 6 months before the bonus is payable on 2003-10-01; it had to be filed by 2003-04-01/,
    );
    expect(check([bonus("2003-04-01", 2003, { "Eligibility Date": "2003-03-15" })]).findings[0].message).toMatch(/Bonus Payable Date is blank/);
  });

  it("does not apply to eligibility on January 1 (reading 20)", () => {
    expect(rules([salary("2003-01-20", 2003, { "Eligibility Date": "2003-01-01" })])).toEqual(["2 E02"]);
  });
});

describe("E05 the plan's first year (§4.2(e))", () => {
  it("allows 2002-08-17 and refuses 2002-08-18", () => {
    expect(rules([salary("2002-08-17", 2002)])).toEqual([]);
    expect(check([salary("2002-08-18", 2002)]).findings[0]).toMatchObject({ rule: "E05", section: "4.2(e)" });
  });

  it("refuses a 2002 election filed before the plan took effect, and accepts one filed on the effective date", () => {
    expect(rules([salary("2002-07-18", 2002)])).toEqual([]);
    const [finding] = check([salary("2002-07-17", 2002)]).findings;
    expect(finding).toMatchObject({ row: 2, column: "Election Date", rule: "E05", section: "4.2(e)" });
    expect(finding.message).toBe(
      "Filed 2002-07-17, before the plan took effect on 2002-07-18; salary deferrals for 2002 could be filed from 2002-07-18 through 2002-08-17 (§4.2(e)).",
    );
    expect(check([{ ...salary("2002-01-02", 2002), "Election Type": "V-SAL" }]).findings[0]).toMatchObject({ rule: "E05", section: "5.3(e)" });
    expect(rules([bonus("2002-07-01", 2002, { "Bonus Payable Date": "2003-02-01" })])).toEqual(["2 E05"]);
  });

  it("also needs six months before a 2002 bonus is payable", () => {
    expect(rules([bonus("2002-08-01", 2002, { "Bonus Payable Date": "2003-02-01" })])).toEqual([]);
    expect(rules([bonus("2002-08-02", 2002, { "Bonus Payable Date": "2003-02-01" })])).toEqual(["2 E05"]);
  });
});

describe("E06 and E07 percents (§4.1, §5.3)", () => {
  it("needs more than 0% and at most 100%", () => {
    expect(rules([salary("2003-12-01", 2004, { Percent: 1 })])).toEqual([]);
    expect(
      rules([salary("2003-12-01", 2004, { Percent: 0 }), salary("2003-12-01", 2005, { Percent: 1.01 }), salary("2003-12-01", 2004, { Percent: "" })]),
    ).toEqual(["2 E06", "3 E02", "3 E06", "4 E06"]);
    expect(check([salary("2003-12-01", 2004, { Percent: 50 })]).findings[0].message).toMatch(
      /If 50% was meant, enter it as a percent \(50%\) or a fraction \(0.5\)/,
    );
  });

  it("adds Art. IV and Art. V for one participant, year and kind of pay", () => {
    const rows = [salary("2003-12-01", 2004, { Percent: 0.6 }), { ...salary("2003-12-01", 2004, { Percent: 0.4 }), "Election Type": "V-SAL" }];
    expect(rules(rows)).toEqual([]);
    const over = [rows[0], { ...rows[1], Percent: 0.5 }, bonus("2003-12-01", 2004, { Percent: 0.9 })];
    const findings = check(over).findings;
    expect(findings.map((f) => `${f.row} ${f.rule}`)).toEqual(["3 E07"]);
    expect(findings[0].message).toBe(
      "Ann Lee's salary deferrals for 2004 add up to 110% (rows 2, 3); Art. IV and Art. V together may not exceed 100% (§5.3(a)).",
    );
  });
});

describe("E08 eligibility (§3.1, §3.2)", () => {
  it("refuses an election filed before the eligibility date", () => {
    expect(rules([salary("2003-03-14", 2003, { "Eligibility Date": "2003-03-15" })])).toEqual(["2 E08"]);
  });
});

describe("E09 and E10 allocations (§5.2(c))", () => {
  it("allows the 10th day after the release and refuses the 11th and the release day itself", () => {
    expect(rules([allocation("2003-08-03", "2003-07-24")])).toEqual([]);
    expect(rules([allocation("2003-08-04", "2003-07-24")])).toEqual(["2 E09"]);
    expect(rules([allocation("2003-07-24", "2003-07-24")])).toEqual(["2 E09"]);
    expect(check([allocation("2003-08-04", "2003-07-24")]).findings[0].message).toBe(
      "Filed 2003-08-04; allocations after the release of 2003-07-24 had to be filed 2003-07-25 through 2003-08-03, the 10 days following it (§5.2(c)).",
    );
  });

  it("voids every later allocation in one fiscal quarter, by election date then row", () => {
    const rows = [
      allocation("2003-07-30", "2003-07-24"),
      { ...allocation("2003-07-28", "2003-07-24"), "Election Type": "Option allocation", Discount: 0.15 },
      allocation("2003-07-30", "2003-10-24", { "Fiscal Quarter": "2003-Q3" }),
    ];
    const findings = check(rows).findings.filter((f) => f.rule === "E10");
    expect(findings.map((f) => f.row)).toEqual([2]);
    expect(findings[0].message).toMatch(/for fiscal quarter 2003-Q2; the first, on row 3 \(filed 2003-07-28\), is irrevocable/);
  });

  it.each([[-1000], [0], [""]])("needs an Amount above $0: %p is a finding on the Amount cell", (amount) => {
    const [finding] = check([allocation("2003-07-28", "2003-07-24", { Amount: amount })]).findings;
    expect(finding).toMatchObject({ row: 2, rule: "E09", column: "Amount", section: "5.2(c)", severity: "error" });
    expect(finding.message).toMatch(amount === "" ? /^Amount is blank/ : new RegExp(`^Amount ${amount} allocates nothing; .*more than \\$0`));
  });

  it("accepts the Fiscal Quarter a release publishes, the quarter before the release's own", () => {
    expect(rules([allocation("2003-07-28", "2003-07-24", { "Fiscal Quarter": "2003-Q2" })])).toEqual([]);
    expect(rules([allocation("2003-02-10", "2003-02-05", { "Fiscal Quarter": "2002-Q4" })])).toEqual([]);
  });

  it.each([["2003-Q4"], ["2001-Q1"], ["2003-Q3"]])("refuses Fiscal Quarter %s for a release on 2003-07-24, which publishes 2003-Q2", (quarter) => {
    const [finding] = check([allocation("2003-07-28", "2003-07-24", { "Fiscal Quarter": quarter })]).findings;
    expect(finding).toMatchObject({ rule: "E09", column: "Fiscal Quarter", section: "5.2(c)" });
    expect(finding.message).toBe(
      `Fiscal Quarter ${quarter} is not the quarter whose results the release of 2003-07-24 published (2003-Q2); an allocation is made in the 10 days after the release of its own quarter's results (§5.2(c)).`,
    );
  });

  it("a wrong Fiscal Quarter does not let a second allocation after the same release escape E10", () => {
    const rows = [allocation("2003-07-28", "2003-07-24"), allocation("2003-07-30", "2003-07-24", { "Fiscal Quarter": "2003-Q4" })];
    expect(rules(rows)).toEqual(["3 E09", "3 E10"]);
  });
});

describe("E10: only the first valid allocation of a quarter is irrevocable (§5.2(c))", () => {
  it("an earlier allocation filed outside the window voids nothing: the later valid one stands", () => {
    const early = allocation("2003-07-20", "2003-07-24");
    const onTime = allocation("2003-07-28", "2003-07-24", { Amount: 6000 });
    expect(rules([early, onTime])).toEqual(["2 E09"]);
  });

  it("an allocation after the first valid one is void even when it is invalid itself", () => {
    const onTime = allocation("2003-07-28", "2003-07-24");
    const late = allocation("2003-08-05", "2003-07-24", { Amount: 6000 });
    expect(rules([onTime, late])).toEqual(["3 E09", "3 E10"]);
    expect(check([onTime, late]).findings[1].message).toMatch(/the first, on row 2 \(filed 2003-07-28\)/);
  });
});

describe("E11 option discount at the determination-date close (§5.1)", () => {
  // Released Thursday 2003-06-26: the window ends Sunday 07-06, Independence Day is Friday, so the determination date is 07-03.
  const option = (discount: unknown) => ({ ...allocation("2003-06-30", "2003-06-26"), "Election Type": "ALLOC-OPTION", Discount: discount });
  const prices = PriceTable.fromEntries([
    { date: "2003-07-03", close: new Decimal(8) },
    { date: "2003-07-07", close: new Decimal(20) },
  ]);

  it("checks the bounds at the close on the last Business Day of the window", () => {
    expect(rules([option(0.1)], { ...settings, prices })).toEqual([]);
    const [finding] = check([option(0.09)], { ...settings, prices }).findings;
    expect(finding).toMatchObject({ rule: "E11", column: "Discount", severity: "error" });
    expect(finding.message).toBe(
      "Discount 9% is below the 10% minimum for a price at or below $10.00: the close on 2003-07-03, the determination date, was $8.00 (§5.1).",
    );
    expect(rules([option("$4.01")], { ...settings, prices })).toEqual(["2 E11"]);
  });

  it("warns that it did not check without a Prices table, or without that day's close", () => {
    expect(check([option(0.15)]).findings[0]).toMatchObject({ rule: "E11", severity: "warning", message: expect.stringMatching(/no Prices table/) });
    const other = PriceTable.fromEntries([{ date: "2003-07-07", close: new Decimal(20) }]);
    expect(check([option(0.15)], { ...settings, prices: other }).findings[0].message).toMatch(/no close for the determination date, 2003-07-03/);
  });
});

describe("E12 and E13 distribution-date elections (§7.1(f))", () => {
  const dist = (filed: string, date: string, extra: Record<string, unknown> = {}) => ({
    ...base,
    "Election Type": "Distribution date",
    "Election Date": filed,
    "Elected Distribution Date": date,
    ...extra,
  });

  it("needs 13 months after the effective date, which defaults to the election date", () => {
    expect(rules([dist("2003-01-31", "2004-02-29")])).toEqual([]);
    expect(rules([dist("2003-01-31", "2004-02-28")])).toEqual(["2 E12"]);
    expect(rules([dist("2003-01-31", "2004-02-29", { "Effective Date": "2003-03-01" })])).toEqual(["2 E12"]);
  });

  it("must be filed with the participant's initial elections", () => {
    expect(rules([salary("2003-12-01", 2004), dist("2003-12-01", "2006-01-01")])).toEqual([]);
    expect(rules([salary("2003-12-01", 2004), dist("2003-12-15", "2006-01-01")])).toEqual(["3 E13"]);
    expect(rules([dist("2003-12-15", "2006-01-01")])).toEqual([]);
  });

  it("counts as initial elections only the earliest valid deferral: one filed late or before eligibility is not", () => {
    const late = salary("2003-12-31", 2004);
    expect(rules([late, salary("2004-12-01", 2005), dist("2004-12-01", "2007-01-01")])).toEqual(["2 E02"]);
    const tooSoon = salary("2003-03-10", 2003, { "Eligibility Date": "2003-03-15" });
    expect(rules([tooSoon, salary("2003-03-20", 2003, { "Eligibility Date": "2003-03-15" }), dist("2003-03-20", "2005-01-01")])).toEqual(["2 E08"]);
    expect(check([late, salary("2004-12-01", 2005), dist("2004-12-15", "2007-01-01")]).findings[1].message).toMatch(/initial elections were filed 2004-12-01/);
  });
});

describe("filing windows in the engine (§4.2, §5.2(c))", () => {
  it("opens an annual salary election on January 1 of the year before, but never before the plan took effect", () => {
    expect(electionWindow("salary", 2004)).toEqual({ opens: "2003-01-01", closes: "2003-12-30" });
    expect(electionWindow("salary", 2003)).toEqual({ opens: "2002-07-18", closes: "2002-12-30" });
    expect(electionWindow("salary", 2002)).toEqual({ opens: "2002-07-18", closes: "2002-08-17" });
    expect(electionWindow("bonus", 2004)).toEqual({ opens: "2002-07-18", closes: "2003-12-31" });
  });

  it("opens an allocation the day after the release and closes it ten days after (§5.2(c); reading 4)", () => {
    expect(allocationWindow("2003-07-24")).toEqual({ opens: "2003-07-25", closes: "2003-08-03" });
  });
});

describe("E14, E15, E16", () => {
  it("warns about elections the Committee has not approved, only when the column exists", () => {
    expect(
      rules([salary("2003-12-01", 2004, { "Committee Approved": "N" }), salary("2003-12-01", 2004, { "Committee Approved": "", Participant: "Bo" })]),
    ).toEqual(["2 E14", "3 E14"]);
    expect(
      check(
        [salary("2003-12-01", 2004)],
        settings,
        HEADERS.filter((h) => h !== "Committee Approved"),
      ).findings,
    ).toEqual([]);
  });

  it("warns about exact duplicate rows", () => {
    expect(
      check([salary("2003-12-01", 2004), salary("2003-12-01", 2004)])
        .findings.filter((f) => f.rule === "E15")
        .map((f) => [f.row, f.message]),
    ).toEqual([[3, "This row repeats row 2 exactly; remove one so the election is not counted twice."]]);
  });

  it("names the cell that cannot be read and what it expected, and does not report it again as blank", () => {
    const result = check([salary("tomorrow", 2004), salary("2003-12-01", "next year" as unknown as number), salary("2003-12-01", 2004, { Percent: "lots" })]);
    expect(result.findings.map((f) => `${f.row} ${f.rule} ${f.column}`)).toEqual(["2 E16 Election Date", "3 E16 Plan Year", "4 E16 Percent"]);
    expect(result.findings[0].message).toBe('Cell C2 holds "tomorrow"; Election Date expects a date (a date cell or YYYY-MM-DD).');
    expect(result.findings.map((f) => f.cell)).toEqual(["C2", "D3", "E4"]);
  });
});

describe("malformed sheets", () => {
  it("an empty sheet or a header with no rows is no crash", () => {
    expect(validateElectionSheet({ sheet: "Empty", values: [[""]], firstRow: 1, firstColumn: 0 }, settings).unusable).toMatch(/Empty is empty/);
    expect(check([])).toMatchObject({ rowsChecked: 0, findings: [] });
  });

  it("a merged header (one name over blank cells) reports the columns it lacks", () => {
    const merged = {
      sheet: "Merged",
      firstRow: 1,
      firstColumn: 0,
      values: [
        ["Elections 2004", "", ""],
        ["Ann", "IV-SAL", "2003-12-01"],
      ],
    };
    const result = validateElectionSheet(merged, settings);
    expect(result.findings.map((f) => f.rule)).toEqual(["E01", "E01", "E01"]);
  });

  it("checks 50,000 rows", () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => salary(i % 7 === 0 ? "2003-12-31" : "2003-12-01", 2004, { Participant: `P${i}` }));
    const result = check(rows);
    expect(result.rowsChecked).toBe(50_000);
    expect(result.findings.filter((f) => f.rule === "E02")).toHaveLength(Math.ceil(50_000 / 7));
  });
});

describe("where the header is", () => {
  it("finds the header under a title row, and reports rows by their worksheet number", () => {
    const titled = electionGrid([salary("2003-12-31", 2004)]);
    titled.values.unshift(["Elections for 2004 (HR)", "", ""].concat(new Array(HEADERS.length - 3).fill("")), new Array(HEADERS.length).fill(""));
    const result = validateElectionSheet(titled, settings);
    expect(result.headerRow).toBe(3);
    expect(result.findings.map((f) => `${f.row} ${f.rule}`)).toEqual(["4 E02"]);
    expect(result.findings.map((f) => f.cell)).toEqual(["C4"]);
  });
});
