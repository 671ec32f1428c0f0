/**
 * Worked cases for every catalogue function, called through the registrations
 * of the built bundle with the argument shapes Excel uses: serial dates, ISO
 * text, matrices with a header and "" / 0 blank rows, null for omitted optionals.
 */
import Decimal from "decimal.js";
import { cellCaller, iso, loadFunctionsBundle, serial, ShimError } from "../helpers/bundle";
import { asExcelRange, sessionPrices } from "../helpers/prices";

const call = cellCaller(loadFunctionsBundle().registered);
const date = (id: string, ...args: unknown[]) => {
  const result = call(id, ...args);
  return typeof result === "number" ? iso(result) : result;
};
const error = (code: string, pattern: RegExp) => ({ code, message: expect.stringMatching(pattern) });

// Closes cycle 4.00, 4.25, 4.50, 4.75, 5.00 over the sessions of 2002-10-01 .. 2003-12-31.
const cycle = (i: number) => 4 + (i % 5) * 0.25;
const priceRows = sessionPrices("2002-10-01", "2003-12-31", cycle);
const prices = asExcelRange(priceRows);
const q1Closes = priceRows.filter(([d]) => d >= "2003-01-01" && d <= "2003-03-31").map(([, c]) => new Decimal(c));
const q1Average = q1Closes.reduce((a, b) => a.plus(b)).dividedBy(q1Closes.length);
const closeOn = (d: string) => priceRows.find(([day]) => day === d)![1];

describe("calendar", () => {
  it("IS_BUSINESS_DAY reads serials and ISO text", () => {
    expect(call("IS_BUSINESS_DAY", serial("2001-09-11"))).toBe(false);
    expect(call("IS_BUSINESS_DAY", "2003-03-31")).toBe(true);
    expect(call("IS_BUSINESS_DAY", serial("2003-03-31") + 0.5)).toBe(true);
  });

  it("BUSINESS_DAY rolls forward, steps n days either way, and treats a blank offset as 0", () => {
    expect(date("BUSINESS_DAY", "2003-07-05", null)).toBe("2003-07-07");
    expect(date("BUSINESS_DAY", "2001-09-10", 1)).toBe("2001-09-17");
    expect(date("BUSINESS_DAY", serial("2001-09-17"), -1)).toBe("2001-09-10");
    expect(call("BUSINESS_DAY", "2003-07-05", 1.5)).toEqual(error("#VALUE!", /offset 1.5 must be a whole number/));
  });

  it("QUARTER_END and ELECTION_WINDOW_END", () => {
    expect(date("QUARTER_END", "2002-02-01")).toBe("2002-03-28");
    expect(date("ELECTION_WINDOW_END", "2003-07-24")).toBe("2003-08-01");
  });

  it("answers bad dates and dates outside 1990..2099 with #VALUE! and a message", () => {
    expect(call("IS_BUSINESS_DAY", "31/03/2003")).toEqual(error("#VALUE!", /date "31\/03\/2003" is not a date/));
    expect(call("IS_BUSINESS_DAY", true)).toEqual(error("#VALUE!", /date true is not a date/));
    expect(call("IS_BUSINESS_DAY", 60)).toEqual(error("#VALUE!", /not a date serial/));
    expect(call("IS_BUSINESS_DAY", "")).toEqual(error("#VALUE!", /date is blank/));
    expect(call("QUARTER_END", serial("1989-12-29"))).toEqual(error("#VALUE!", /1989-12-29 is outside the supported range/));
    expect(call("ELECTION_WINDOW_END", "2100-01-01")).toEqual(error("#VALUE!", /outside the supported range/));
  });
});

describe("valuation of units (Art. IV, VIII)", () => {
  it("CLOSE_PRICE and FAIR_MARKET_VALUE (a January 1 distribution uses the close of December 31, §7.2(a))", () => {
    expect(call("CLOSE_PRICE", prices, "2003-03-31")).toBe(closeOn("2003-03-31"));
    expect(call("FAIR_MARKET_VALUE", prices, "2003-01-01")).toBe(closeOn("2002-12-31"));
    expect(call("CLOSE_PRICE", prices, "2003-01-01")).toEqual(error("#N/A", /^2003-01-01 is not a Business Day \(§1\.1\(d\)\)/));
    const saturdayRow = asExcelRange([...priceRows, ["2003-01-04", 9.99]]);
    expect(call("CLOSE_PRICE", saturdayRow, "2003-01-04")).toEqual(
      error("#N/A", /^2003-01-04 is not a Business Day \(§1\.1\(d\)\): the New York Stock Exchange has no close that day$/),
    );
    expect(call("DISCRETIONARY_UNITS", 1000, saturdayRow, "2003-01-04", null)).toEqual(error("#N/A", /2003-01-04 is not a Business Day/));
    expect(call("CLOSE_PRICE", prices, "2004-01-05")).toEqual(error("#N/A", /no closing price for 2004-01-05/));
    expect(call("FAIR_MARKET_VALUE", prices, "2004-01-10")).toEqual(error("#N/A", /2004-01-09/));
  });

  it("QUARTER_AVG_PRICE is the plain mean over every Business Day of the quarter (§8.1(a))", () => {
    expect(q1Closes.length).toBe(61);
    expect(call("QUARTER_AVG_PRICE", prices, serial("2003-02-14"))).toBe(q1Average.toNumber());
  });

  it("QUARTER_AVG_PRICE names the first Business Day without a price", () => {
    const gap = asExcelRange(priceRows.filter(([d]) => d !== "2003-02-14" && d !== "2003-03-03"));
    expect(call("QUARTER_AVG_PRICE", gap, "2003-01-15")).toEqual(error("#N/A", /no closing price for 2003-02-14, a Business Day of 2003-Q1;.*§8\.1\(a\)/));
    expect(call("QUARTER_AVG_PRICE", prices, "2004-02-01")).toEqual(error("#N/A", /2004-01-02/));
  });

  it("UNITS_CREDITED: amount / quarter average, 6 places half-up by default", () => {
    const expected = new Decimal(10000).dividedBy(q1Average).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toNumber();
    expect(call("UNITS_CREDITED", 10000, prices, serial("2003-02-14"), null)).toBe(expected);
    expect(call("UNITS_CREDITED", 10000, prices, "2003-02-14", 2)).toBe(new Decimal(10000).dividedBy(q1Average).toDecimalPlaces(2).toNumber());
  });

  it("UNITS_CREDITED at a flat quarter: $10,000 at $2.50 is 4,000 units", () => {
    const flat = asExcelRange(sessionPrices("2003-04-01", "2003-06-30", () => 2.5));
    expect(call("UNITS_CREDITED", 10000, flat, "2003-05-15", null)).toBe(4000);
    expect(call("MATCH_UNITS", 10000, flat, "2003-05-15", null, null)).toBe(400);
    expect(call("MATCH_UNITS", 10000, flat, "2003-05-15", 0.15, 0)).toBe(600);
  });

  it("MATCH_UNITS refuses a rate below the 10% match (§4.3)", () => {
    expect(call("MATCH_UNITS", 10000, prices, "2003-02-14", 0.05, null)).toEqual(error("#VALUE!", /matchRate 5% is below the plan's 10% match \(§4\.3\)/));
  });

  it("MATCH_UNITS refuses 15 typed for 15% instead of crediting a 1500% match, suggesting the percentage", () => {
    expect(call("MATCH_UNITS", 10000, prices, "2003-02-14", 15, null)).toEqual(
      error("#VALUE!", /^matchRate 1500% is above 100%; if 15% was meant, enter 15% \(or 0\.15\) \(§4\.3\)$/),
    );
    expect(call("MATCH_UNITS", 10000, prices, "2003-02-14", 1.01, null)).toEqual(error("#VALUE!", /matchRate 101% is above 100%/));
    const flat = asExcelRange(sessionPrices("2003-04-01", "2003-06-30", () => 2.5));
    expect(call("MATCH_UNITS", 10000, flat, "2003-05-15", 1, null)).toBe(4000);
  });

  it("DISCRETIONARY_UNITS, DIVIDEND_UNITS and ALLOCATION_UNITS use the close of their day", () => {
    const close = new Decimal(closeOn("2003-03-31"));
    expect(call("DISCRETIONARY_UNITS", 1000, prices, "2003-03-31", null)).toBe(new Decimal(1000).dividedBy(close).toDecimalPlaces(6).toNumber());
    expect(call("DIVIDEND_UNITS", 2500, 0.05, prices, "2003-03-31", 4)).toBe(new Decimal(125).dividedBy(close).toDecimalPlaces(4).toNumber());
    // Released 2003-07-24: the ten-day window's last Business Day is 2003-08-01 (§5.2(d)).
    expect(call("ALLOCATION_UNITS", 5000, prices, "2003-07-24", null)).toBe(new Decimal(5000).dividedBy(closeOn("2003-08-01")).toDecimalPlaces(6).toNumber());
  });

  it("SPLIT_ADJUST and MAX_SHARES", () => {
    expect(call("SPLIT_ADJUST", 1000, 1, 10, null)).toBe(100);
    expect(call("SPLIT_ADJUST", 1000.5, 2, 1, null)).toBe(2001);
    expect(call("SPLIT_ADJUST", 10, 1, 3, 2)).toBe(3.33);
    expect(call("SPLIT_ADJUST", 10, 0, 1, null)).toEqual(error("#VALUE!", /newShares 0 must be greater than 0/));
    expect(call("MAX_SHARES", 10.000001)).toBe(11);
    expect(call("MAX_SHARES", 10)).toBe(10);
    expect(call("MAX_SHARES", -1)).toEqual(error("#VALUE!", /units -1 must not be negative/));
  });

  it("rounds units half-up once, on the result", () => {
    const flat = asExcelRange(sessionPrices("2003-04-01", "2003-06-30", () => 8));
    expect(call("UNITS_CREDITED", 1, flat, "2003-05-15", 2)).toBe(0.13); // 0.125 → 0.13
    expect(call("UNITS_CREDITED", 1, flat, "2003-05-15", 21)).toEqual(error("#VALUE!", /places 21 must be a whole number from 0 to 20/));
  });

  it("validates the whole price table on every call, naming the row", () => {
    const withRow = (row: unknown[]) => [...prices.slice(0, 3), row, ...prices.slice(3)];
    expect(call("CLOSE_PRICE", withRow([serial("2003-03-31"), 99]), "2003-03-31")).toEqual(
      error("#VALUE!", /prices row \d+: 2003-03-31 has close 5 but row 4 has 99/),
    );
    expect(call("CLOSE_PRICE", withRow([serial("2010-01-04"), -1]), "2003-03-31")).toEqual(error("#VALUE!", /prices row 4: close -1 must be positive/));
    expect(call("CLOSE_PRICE", withRow([serial("2010-01-04"), "n/a"]), "2003-03-31")).toEqual(error("#VALUE!", /prices row 4: close "n\/a" is not a number/));
    expect(call("CLOSE_PRICE", withRow(["", 4.5]), "2003-03-31")).toEqual(error("#VALUE!", /prices row 4: the date is blank/));
    expect(call("CLOSE_PRICE", [[serial("2003-03-31"), 4, 1]], "2003-03-31")).toEqual(error("#VALUE!", /prices has 3 column\(s\)/));
    // A duplicate date with the same close is harmless.
    expect(call("CLOSE_PRICE", withRow([serial("2003-03-31"), closeOn("2003-03-31")]), "2003-03-31")).toBe(closeOn("2003-03-31"));
  });

  it("works with a whole-column reference (1,048,576 rows, mostly blank)", () => {
    const column: unknown[][] = new Array(1_048_576);
    for (let i = 0; i < column.length; i++) column[i] = i < prices.length ? prices[i] : ["", ""];
    expect(call("QUARTER_AVG_PRICE", column, "2003-02-14")).toBe(q1Average.toNumber());
  });

  it("accepts ISO text dates in the table", () => {
    const text = [
      ["Date", "Close"],
      ["2003-03-31", 4.5],
      ["2003-03-28", 4.25],
    ];
    expect(call("CLOSE_PRICE", text, serial("2003-03-31"))).toBe(4.5);
  });
});

describe("Investment Account (§5.2(b))", () => {
  it("INVESTMENT_INTEREST: average daily balance × rate / 4, in cents", () => {
    expect(call("INVESTMENT_INTEREST", [["2003-01-01", 10000]], "2003-02-01", 0.0425)).toBe(106.25);
    // 10,000 for 90 days and 9,000 more for the last 45: average 14,500.
    expect(
      call(
        "INVESTMENT_INTEREST",
        [
          ["Date", "Amount"],
          [serial("2003-01-01"), 10000],
          [serial("2003-02-15"), 9000],
        ],
        "2003-03-31",
        0.0425,
      ),
    ).toBe(154.06);
    // An allocation out stops earning from its date.
    expect(
      call(
        "INVESTMENT_INTEREST",
        [
          ["2003-01-01", 10000],
          ["2003-02-15", -4000],
        ],
        "2003-03-31",
        0.04,
      ),
    ).toBe(80);
  });

  it("INVESTMENT_INTEREST refuses a rate typed as a whole percent", () => {
    expect(call("INVESTMENT_INTEREST", [["2003-01-01", 10000]], "2003-02-01", 4.25)).toEqual(error("#VALUE!", /annualRate 4.25 is more than 100%/));
  });

  const rates = [
    ["Date", "Prime"],
    [serial("2002-11-07"), 0.0425],
    [serial("2003-06-27"), 0.04],
  ];
  it("INVESTMENT_BALANCE compounds each quarter's interest, in cents, at the rate quoted at its beginning", () => {
    const flows = [[serial("2003-01-01"), 10000]];
    expect(call("INVESTMENT_BALANCE", flows, rates, "2003-03-30")).toBe(10000);
    expect(call("INVESTMENT_BALANCE", flows, rates, "2003-03-31")).toBe(10106.25);
    expect(call("INVESTMENT_BALANCE", flows, rates, "2003-06-30")).toBe(10213.63); // + 107.378906 → 107.38
    expect(call("INVESTMENT_BALANCE", flows, rates, "2003-09-30")).toBe(10315.77); // 4% from 2003-06-27: + 102.14
    expect(call("INVESTMENT_BALANCE", flows, rates, "2002-12-31")).toBe(0);
  });

  it("INVESTMENT_BALANCE refuses flows that allocate more than the balance (§5.2(c)), rather than a negative balance", () => {
    const overdrawn = [
      ["Date", "Amount"],
      ["2003-01-01", 10000],
      ["2003-02-01", -20000],
    ];
    expect(call("INVESTMENT_BALANCE", overdrawn, rates, "2003-06-30")).toEqual(
      error(
        "#VALUE!",
        /^flows take the Investment Account below zero at the close of 2003-02-01 \(-10000\.00\): an allocation cannot exceed the balance \(§5\.2\(c\)\)$/,
      ),
    );
    expect(call("INVESTMENT_BALANCE", overdrawn, rates, "2003-01-31")).toBe(10000);
    expect(
      call(
        "INVESTMENT_BALANCE",
        [
          ["2003-01-01", 10000],
          ["2003-02-01", -10000],
        ],
        rates,
        "2003-03-31",
      ),
    ).toBe(36.6); // 10,000 × 31 of 90 days × 4.25% / 4
  });

  it("INVESTMENT_BALANCE needs a prime rate for every quarter", () => {
    expect(call("INVESTMENT_BALANCE", [["2002-07-01", 100]], rates, "2002-12-31")).toEqual(
      error("#N/A", /no prime rate quoted on or before 2002-07-01, the beginning of 2002-Q3/),
    );
    expect(call("INVESTMENT_BALANCE", [["2003-01-01", 100]], rates, 0)).toEqual(error("#VALUE!", /asOfDate is 0/));
  });
});

describe("discounted options (Art. V)", () => {
  it("follows the §5.4 example: $1,000 at $1.00 with 15% is 6,666 shares at $0.85", () => {
    expect(call("OPTION_SHARES", 1000, 1, 0.15, null)).toBe(6666);
    expect(call("OPTION_PRICE", 1, 0.15, null)).toBe(0.85);
  });

  it("MIN_DISCOUNT and MAX_DISCOUNT (§5.1)", () => {
    expect(call("MIN_DISCOUNT", 8)).toBe(0.8);
    expect(call("MIN_DISCOUNT", 10)).toBe(1);
    expect(call("MIN_DISCOUNT", 12)).toBe(1);
    expect(call("MAX_DISCOUNT", 12)).toBe(6);
    expect(call("MIN_DISCOUNT", 0)).toEqual(error("#VALUE!", /fmv 0 must be greater than 0/));
  });

  it("prices to 4 decimals and takes a dollar discount", () => {
    expect(call("OPTION_PRICE", 1.2345, 0.15, null)).toBe(1.0493);
    expect(call("OPTION_PRICE", 12, 1, "Dollars")).toBe(11);
    expect(call("OPTION_SHARES", 1000, 12, 1.25, "dollars")).toBe(800);
  });

  it("refuses a discount outside §5.1, naming the bound", () => {
    expect(call("OPTION_PRICE", 8, 0.05, null)).toEqual(error("#VALUE!", /^discount 5% is below the 10% minimum for a price at or below \$10\.00 .*§5\.1/));
    expect(call("OPTION_PRICE", 12, 0.05, null)).toEqual(error("#VALUE!", /below the \$1\.00 minimum for a price above \$10\.00/));
    expect(call("OPTION_SHARES", 1000, 12, 7, "dollars")).toEqual(error("#VALUE!", /above the 50% maximum/));
    expect(call("OPTION_PRICE", 12, 1, "euros")).toEqual(error("#VALUE!", /discountType "euros" must be one of/));
  });

  it("takes an empty discountType cell (0 on Excel desktop) as the default fraction, and nothing else", () => {
    expect(call("OPTION_PRICE", 1, 0.15, 0)).toBe(0.85);
    expect(call("OPTION_PRICE", 1, 0.15, "")).toBe(0.85);
    expect(call("OPTION_PRICE", 1, 0.15, 1)).toEqual(error("#VALUE!", /discountType 1 must be one of/));
  });

  it("OPTION_EXERCISABLE_DATE: later of grant + 6 months and the next January 1 (§7.2(c)(ii))", () => {
    expect(date("OPTION_EXERCISABLE_DATE", "2003-03-10")).toBe("2004-01-01");
    expect(date("OPTION_EXERCISABLE_DATE", "2003-08-31")).toBe("2004-02-29");
  });
});

describe("distribution (Art. VII)", () => {
  it("DISTRIBUTABLE_EVENT takes the first event to occur, with '' / 0 / null as blank", () => {
    expect(date("DISTRIBUTABLE_EVENT", "", 0, "2003-04-01", null, "", serial("2005-01-01"))).toBe("2003-04-01");
    expect(call("DISTRIBUTABLE_EVENT", "", 0, null, null, "", 0)).toEqual(error("#N/A", /every date is blank \(§7\.1\)/));
  });

  it("DISTRIBUTION_DATE: the first of the second month after the event (§7.2(a))", () => {
    expect(date("DISTRIBUTION_DATE", "2003-03-15")).toBe("2003-05-01");
    expect(date("DISTRIBUTION_DATE", "2003-04-01")).toBe("2003-06-01"); // last day worked 2003-03-31 (reading 15)
    expect(date("DISTRIBUTION_DATE", "2003-12-31")).toBe("2004-02-01");
  });

  it("EARLIEST_ELECTED_DISTRIBUTION and STOCK_ACCOUNT_RELEASE_DATE (§7.1(f))", () => {
    expect(date("EARLIEST_ELECTED_DISTRIBUTION", "2003-01-31")).toBe("2004-02-29");
    expect(date("STOCK_ACCOUNT_RELEASE_DATE", "2003-08-31")).toBe("2004-02-29");
    expect(date("STOCK_ACCOUNT_RELEASE_DATE", "2003-02-10")).toBe("2004-01-01");
  });

  it("WITHDRAWAL_PENALTY and NONPARTICIPATION_END: 25% increments (§7.3; 100% → 24 months)", () => {
    expect(call("WITHDRAWAL_PENALTY", 100000, 0.5)).toBe(5000);
    expect(call("WITHDRAWAL_PENALTY", 12345.67, 0.25)).toBe(308.64);
    expect(date("NONPARTICIPATION_END", "2003-01-15", 1)).toBe("2005-01-15");
    expect(date("NONPARTICIPATION_END", "2003-01-15", 0.25)).toBe("2003-07-15");
    expect(call("WITHDRAWAL_PENALTY", 1000, 0.3)).toEqual(error("#VALUE!", /fraction 30% is not a 25% increment.*§7\.3/));
    expect(call("NONPARTICIPATION_END", "2003-01-15", 0)).toEqual(error("#VALUE!", /not a 25% increment/));
  });

  it("WITHHOLD_SHARES rounds up and WITHHOLD_CASH pays the rest of the last share (§10.2)", () => {
    expect(call("WITHHOLD_SHARES", 1000, 30)).toBe(34);
    expect(call("WITHHOLD_CASH", 1000, 30)).toBe(20);
    expect(call("WITHHOLD_SHARES", 900, 30)).toBe(30);
    expect(call("WITHHOLD_CASH", 900, 30)).toBe(0);
    expect(call("WITHHOLD_SHARES", 1000, 0)).toEqual(error("#VALUE!", /fmv 0 must be greater than 0/));
  });
});

describe("elections (§4.2)", () => {
  it("ELECTION_DEADLINE", () => {
    expect(date("ELECTION_DEADLINE", "salary", 2004)).toBe("2003-12-30");
    expect(date("ELECTION_DEADLINE", "BONUS", 2004)).toBe("2003-12-31");
    expect(date("ELECTION_DEADLINE", "salary", 2002)).toBe("2002-08-17");
    expect(date("ELECTION_DEADLINE", "bonus", 2002)).toBe("2002-08-17");
    expect(call("ELECTION_DEADLINE", "salary", 2001)).toEqual(error("#VALUE!", /year 2001 must be a whole year from 2002/));
    expect(call("ELECTION_DEADLINE", "stock", 2004)).toEqual(error("#VALUE!", /kind "stock" must be one of "salary", "bonus"/));
  });

  it('ELECTION_DEADLINE never takes an empty cell for "salary" or for a year', () => {
    // Excel desktop hands an empty cell as 0; the web as null or "".
    expect(call("ELECTION_DEADLINE", 0, 2004)).toEqual(error("#VALUE!", /^kind is 0 \(an empty cell\?\); enter one of "salary", "bonus"$/));
    expect(call("ELECTION_DEADLINE", null, 2004)).toEqual(error("#VALUE!", /^kind is blank; enter one of "salary", "bonus"$/));
    expect(call("ELECTION_DEADLINE", "", 2004)).toEqual(error("#VALUE!", /kind is blank/));
    expect(call("ELECTION_DEADLINE", 1, 2004)).toEqual(error("#VALUE!", /kind 1 must be one of/));
    expect(call("ELECTION_DEADLINE", "salary", 0)).toEqual(error("#VALUE!", /^year is 0 \(an empty cell\?\); enter a year such as 2004$/));
    expect(call("ELECTION_DEADLINE", "salary", null)).toEqual(error("#VALUE!", /year is blank/));
    expect(date("ELECTION_DEADLINE", " Salary ", 2004)).toBe("2003-12-30");
  });

  it("NEW_PARTICIPANT_DEADLINE: thirty days after eligibility, not for January 1 (§4.2(d))", () => {
    expect(date("NEW_PARTICIPANT_DEADLINE", "2003-03-15")).toBe("2003-04-14");
    expect(call("NEW_PARTICIPANT_DEADLINE", "2004-01-01")).toEqual(error("#VALUE!", /is January 1; §4\.2\(d\)/));
  });
});

describe("share reserve (§13.8)", () => {
  const ledger = [
    ["Date", "Kind", "Quantity"],
    [serial("2005-06-30"), "units", 2_000_000],
    [serial("2003-03-31"), "Units", 1_000_000],
    ["", "", ""],
    [serial("2004-06-30"), "OPTION", 500_000],
    [serial("2005-03-31"), "units", 9_000_000],
    [serial("2005-01-03"), "split", 2],
  ];

  it("counts units and options in post-split shares", () => {
    expect(call("RESERVE_USED", ledger, null)).toBe(14_000_000);
    expect(call("RESERVE_USED", ledger, "2004-12-31")).toBe(1_500_000);
    expect(call("RESERVE_USED", ledger, "2005-01-03")).toBe(3_000_000);
    expect(call("RESERVE_REMAINING", ledger, "2005-01-03", null)).toBe(9_000_000);
    expect(call("RESERVE_REMAINING", ledger, 0, null)).toBe(-2_000_000);
    expect(call("RESERVE_REMAINING", ledger, "2003-12-31", 2_000_000)).toBe(1_000_000);
  });

  it("finds the day the reserve is used up (§15.2)", () => {
    expect(date("RESERVE_EXHAUSTION_DATE", ledger, null)).toBe("2005-03-31");
    expect(call("RESERVE_EXHAUSTION_DATE", ledger.slice(0, 3), null)).toEqual(error("#N/A", /never uses up the reserve/));
  });

  it("applies a 1-for-10 reverse split to the reserve and every earlier count", () => {
    const reverse = [
      [serial("2003-03-31"), "units", 100_000],
      [serial("2004-01-02"), "split", 0.1],
      [serial("2004-03-31"), "option", 5_000],
    ];
    expect(call("RESERVE_USED", reverse, null)).toBe(15_000);
    expect(call("RESERVE_REMAINING", reverse, null, null)).toBe(585_000);
  });

  it("refuses rows that cannot count", () => {
    expect(call("RESERVE_USED", [[serial("2003-03-31"), "grant", 5]], null)).toEqual(
      error("#VALUE!", /ledger row 1: kind "grant" is not units, option, split or reserve/),
    );
    expect(call("RESERVE_USED", [[serial("2003-03-31"), "units", -5]], null)).toEqual(error("#VALUE!", /cannot be negative.*§13\.8/));
    expect(call("RESERVE_USED", [[serial("2003-03-31"), "split", 0]], null)).toEqual(error("#VALUE!", /must be greater than 0/));
  });

  it("refuses, naming the row, a reserve change below zero and a split past what a cell holds", () => {
    const negative = [
      ["Date", "Kind", "Quantity"],
      [serial("2003-03-31"), "units", 100],
      [serial("2003-06-30"), "reserve", -7_000_000],
    ];
    expect(call("RESERVE_REMAINING", negative, null, null)).toEqual(
      error(
        "#VALUE!",
        /^ledger row 3: a reserve change of -7,000,000 shares would leave the authorised reserve at -1,000,000; it cannot fall below zero \(§13\.8\)$/,
      ),
    );
    expect(call("RESERVE_REMAINING", negative, null, 8_000_000)).toBe(999_900);
    const overflow = [
      [serial("2003-03-31"), "split", 1e300],
      [serial("2003-06-30"), "split", 1e300],
    ];
    expect(call("RESERVE_USED", overflow, null)).toEqual(
      error("#VALUE!", /^ledger row 2: a split of 1e\+300 new shares per old share would make the reserve 6e\+606, too large for a cell/),
    );
  });
});

describe("retention agreement", () => {
  const schedule = (...args: unknown[]) =>
    (call("RETENTION_SCHEDULE", ...args) as unknown[][]).map(([due, amount, deadline, status]) => [
      iso(due as number),
      amount,
      deadline === "" ? "" : iso(deadline as number),
      status,
    ]);

  it("without termination both installments are due, payable within three Business Days (¶2, ¶3)", () => {
    expect(schedule(null, null, null)).toEqual([
      ["2002-06-30", 66000, "2002-07-03", "due"],
      ["2002-12-31", 132000, "2003-01-06", "due"],
    ]);
  });

  it("accelerates the later installment on a termination without cause", () => {
    expect(schedule("2002-09-15", "Without Cause", 0)).toEqual([
      ["2002-06-30", 66000, "2002-07-03", "due"],
      ["2002-09-15", 132000, "2002-09-18", "accelerated"],
    ]);
  });

  it("forfeits it on any other termination, or one on the day of a Change in Control", () => {
    expect(schedule("2002-09-15", "voluntary", null)[1]).toEqual(["2002-12-31", 132000, "", "forfeited"]);
    expect(schedule("2002-09-15", "Cause", null)[1][3]).toBe("forfeited");
    expect(schedule("2002-09-15", "death", null)[1][3]).toBe("forfeited");
    expect(schedule("2002-09-15", "DISABILITY", null)[1][3]).toBe("forfeited");
    expect(schedule("2002-09-15", "without cause", "2002-09-15")[1][3]).toBe("forfeited");
    expect(schedule(null, null, "2002-05-01").map((row) => row[3])).toEqual(["forfeited", "forfeited"]);
  });

  it("answers a termination or Change in Control before the agreement (made 2001-11-06, ¶1) with #VALUE! naming its date, not an acceleration", () => {
    expect(call("RETENTION_SCHEDULE", "2001-01-01", "without cause", null)).toEqual(
      error("#VALUE!", /^terminationDate 2001-01-01 is before the retention agreement, made and effective 2001-11-06 \(agreement ¶1\)$/),
    );
    expect(call("RETENTION_SCHEDULE", null, null, "2001-11-05")).toEqual(
      error("#VALUE!", /^changeInControlDate 2001-11-05 is before the retention agreement, made and effective 2001-11-06/),
    );
    expect(schedule("2001-11-06", "without cause", null).map((row) => row[3])).toEqual(["accelerated", "accelerated"]);
  });

  it("matches the termination type ignoring case, spaces and hyphens", () => {
    for (const spelling of ["without-cause", "WithoutCause", "  without   cause ", "Without - Cause"]) {
      expect(schedule("2002-09-15", spelling, null)[1][3]).toBe("accelerated");
    }
  });

  it("answers any other wording, or a blank type beside a termination date, with #VALUE! naming the five (a typo must not forfeit $132,000)", () => {
    const five = /must be one of "without cause", "cause", "voluntary", "death", "disability"$/;
    expect(call("RETENTION_SCHEDULE", "2002-09-15", "involuntary", null)).toEqual(
      error("#VALUE!", new RegExp(`^terminationType "involuntary" ${five.source}`)),
    );
    expect(call("RETENTION_SCHEDULE", "2002-09-15", "without caus", null)).toEqual(error("#VALUE!", five));
    expect(call("RETENTION_SCHEDULE", "2002-09-15", "fired", null)).toEqual(error("#VALUE!", five));
    expect(call("RETENTION_SCHEDULE", "2002-09-15", "", null)).toEqual(
      error("#VALUE!", /^terminationType is blank; enter one of "without cause", "cause", "voluntary", "death", "disability"$/),
    );
    expect(call("RETENTION_SCHEDULE", "2002-09-15", null, null)).toEqual(error("#VALUE!", /terminationType is blank/));
    expect(call("RETENTION_SCHEDULE", serial("2002-09-15"), 0, null)).toEqual(error("#VALUE!", /terminationType is 0 \(an empty cell\?\)/));
    // Without a termination the type may be blank, but a word outside the five is still refused.
    expect(schedule(0, 0, 0).map((row) => row[3])).toEqual(["due", "due"]);
    expect(call("RETENTION_SCHEDULE", null, "involuntary", null)).toEqual(error("#VALUE!", five));
  });

  it("LATE_INTEREST: 10% simple, actual/365, from the day after the deadline", () => {
    expect(call("LATE_INTEREST", 66000, "2002-06-30", "2002-07-03", null)).toBe(0);
    expect(call("LATE_INTEREST", 66000, "2002-06-30", "2002-07-04", null)).toBe(18.08);
    expect(call("LATE_INTEREST", 66000, serial("2002-06-30"), "2002-07-13", null)).toBe(180.82);
    expect(call("LATE_INTEREST", 66000, "2002-06-30", "2002-07-13", 0.12)).toBe(216.99);
  });
});

describe("errors Excel can explain", () => {
  it("the test shim keeps a message only where Excel shows one: #VALUE! and #N/A", () => {
    expect(new ShimError("#VALUE!", "why").message).toBe("why");
    expect(new ShimError("#N/A", "why").message).toBe("why");
    expect(new ShimError("#NUM!", "why").message).toBeUndefined();
    expect(new ShimError("#DIV/0!", "why").message).toBeUndefined();
  });

  // Plan-disallowed numbers and out-of-range dates were #NUM!, whose message Excel drops.
  it.each([
    ["SPLIT_ADJUST", [10, 0, 1, null], /newShares 0 must be greater than 0/],
    ["UNITS_CREDITED", [-1, [["2003-03-31", 4]], "2003-03-31", null], /amount -1 must not be negative/],
    ["WITHDRAWAL_PENALTY", [1000, 0.3], /25% increment/],
    ["OPTION_PRICE", [8, 0.6, null], /above the 50% maximum/],
    ["NEW_PARTICIPANT_DEADLINE", ["2004-01-01"], /January 1/],
    ["ELECTION_DEADLINE", ["salary", 2001], /year 2001/],
    ["QUARTER_END", [serial("1989-12-29")], /outside the supported range/],
    ["BUSINESS_DAY", ["2099-12-31", 5], /outside the supported range/],
    ["INVESTMENT_INTEREST", [[["2003-01-01", 10000]], "2003-02-01", 4.25], /more than 100%/],
    ["MAX_SHARES", [1e308 * 10], /not a number/],
    ["SPLIT_ADJUST", [1e300, 1e300, 1, null], /too large for a cell/],
  ])("%s answers a number or date the plan does not allow with #VALUE! and its message", (id, args, message) => {
    expect(call(id, ...args)).toEqual(error("#VALUE!", message));
  });

  it("no function answers hostile arguments with a code other than #VALUE! or #N/A, or without a message", () => {
    const hostile: unknown[] = [null, "", 0, -1, 1e308, 0.5, "x", "#N/A", true, "2003-13-45", [[1, 2]], Number.NaN];
    const { registered } = loadFunctionsBundle();
    for (const [id, fn] of Object.entries(registered)) {
      for (const value of hostile) {
        const result = call(id, ...Array.from({ length: fn.length }, () => value));
        // A row handed to every argument spills one cell per element: each is checked.
        for (const cell of Array.isArray(result) ? result.flat() : [result]) {
          if (cell !== null && typeof cell === "object" && "code" in cell) {
            const { code, message } = cell as { code: string; message?: string };
            expect({ id, value, code }).toEqual({ id, value, code: expect.stringMatching(/^(#VALUE!|#N\/A)$/) });
            expect(message).toEqual(expect.any(String));
          }
        }
      }
    }
  });
});
