/**
 * Columns in, columns out (issue 11): every argument that takes a single value
 * also takes a column, row or block, and the result spills one cell per
 * element, each exactly what a formula over that element alone shows. Called
 * through the built bundle, as Excel calls it.
 */
import { caller, cellCaller, functionsJson, loadFunctionsBundle, serial, spilled } from "../helpers/bundle";
import { asExcelRange, sessionPrices } from "../helpers/prices";
import { ACTIVITY_HEADER, ACTIVITY_ROWS, DIVIDEND_HEADER, DIVIDEND_ROWS, SPLIT_HEADER, SPLIT_ROWS, table } from "../helpers/records";

const { registered } = loadFunctionsBundle();
const raw = caller(registered);
const call = cellCaller(registered);
const metadata = functionsJson().functions;
const error = (code: string, message: string | RegExp) => ({ code, message: typeof message === "string" ? message : expect.stringMatching(message) });

const TABLES = new Set([
  "prices",
  "flows",
  "primeRates",
  "ledger",
  "activity",
  "dividends",
  "splits",
  "payouts",
  "holdings",
  "cicEvents",
  "withdrawals",
  "participation",
  "plan",
]);
/** Their results already spill, so their arguments stay single values (FUNCTIONS.md, STATEMENT.md). */
const SPILLS = new Set(["RETENTION_SCHEDULE", "ACCOUNT_STATEMENT", "OPTION_GRANTS", "PAYOUT", "WITHDRAWAL", "CLAIM_DEADLINES"]);

const prices = asExcelRange(sessionPrices("2002-10-01", "2003-12-31", (i) => 4 + (i % 5) * 0.25));
const TABLE_ARGUMENTS: Record<string, unknown[][]> = {
  prices,
  flows: [
    ["Date", "Amount"],
    [serial("2002-10-15"), 10_000],
    [serial("2003-02-15"), 9_000],
    [serial("2003-08-01"), -4_000],
  ],
  primeRates: [
    ["Date", "Prime"],
    [serial("2002-09-26"), 0.0475],
    [serial("2002-11-07"), 0.0425],
    [serial("2003-06-27"), 0.04],
  ],
  ledger: [
    ["Date", "Kind", "Quantity"],
    [serial("2003-03-31"), "units", 1_000_000],
    [serial("2003-06-30"), "split", 2],
    [serial("2003-09-30"), "option", 2_500_000],
    [serial("2003-12-31"), "units", 10_000_000],
  ],
  // The statement tests' worked records, without the allocation a formula refuses.
  activity: table(
    ACTIVITY_HEADER,
    ACTIVITY_ROWS.filter((row) => row[7] !== "more than the balance"),
  ),
  dividends: table(DIVIDEND_HEADER, DIVIDEND_ROWS),
  splits: table(SPLIT_HEADER, SPLIT_ROWS),
  holdings: [
    ["Participant", "Employer", "Account", "Quantity"],
    ["Ann Lee", "Hecla", "DCA", 1000.5],
    ["Ann Lee", "Hecla", "IA", 1234.56],
    ["Ben Ortiz", "Silver", "CMSA", 200],
  ],
};

const DAYS = [
  "2002-06-30",
  "2002-10-01",
  "2002-12-31",
  "2003-01-01",
  "2003-02-14",
  "2003-03-28",
  "2003-03-31",
  "2003-05-15",
  "2003-07-04",
  "2003-07-24",
  "2003-09-30",
  "2003-12-31",
];
/** Dates as cells hold them, and a few a cell may hold that are no date. */
const DATES: unknown[] = [...DAYS.map(serial), ...DAYS.slice(0, 4), serial("2003-08-01") + 0.5, "31/12/2003", "", 0, null, 60, serial("1989-12-29"), true];
const AMOUNTS: unknown[] = [10_000, 2_500.5, 0, 1, 123_456.78, 99, -5, "abc", null, ""];

/** Values for each single-value argument, by its name in the catalogue: mostly valid, some not. */
const POOLS: Record<string, unknown[]> = {
  date: DATES,
  payDate: DATES,
  creditDate: DATES,
  paymentDate: DATES,
  releaseDate: DATES,
  quarterDate: DATES,
  asOfDate: [...DATES, null, ""],
  grantDate: DATES,
  eventDate: DATES,
  electionEffectiveDate: DATES,
  allocationDate: DATES,
  approvalDate: DATES,
  eligibilityDate: [...DATES, "2004-01-01"],
  dueDate: DATES,
  paidDate: DATES,
  disability: [null, "", 0, ...DATES],
  death: [null, 0, "2003-05-01"],
  separation: [null, "", serial("2003-04-01"), "2003-13-01"],
  planTermination: [null, 0],
  causeTermination: [null, "", serial("2002-12-31")],
  electedDate: [serial("2005-01-01"), null, "2004-07-01"],
  lastDayWorked: [null, "", serial("2003-03-14"), serial("2003-06-30")],
  causeDate: [null, "", null, serial("2003-03-14"), serial("2003-01-01")],
  electionEffective: [null, serial("2003-05-15"), serial("2004-01-01")],
  cicDate: [null, "", serial("2003-04-01")],
  parachute: [null, "", 0, "N", "Y", "maybe"],
  auditorOpinion: [null, "", serial("2003-09-01")],
  electedApproved: [null, 0, "Y", "N", true],
  trustAssets: [1000, 0, null, "", 99_999, 2_500.5, -1, "x"],
  trustEstablished: [null, "", 0, "Y", "N", true, "maybe"],
  amount: AMOUNTS,
  deferredAmount: AMOUNTS,
  accountValue: AMOUNTS,
  taxAmount: AMOUNTS,
  unitsAtRecord: AMOUNTS,
  units: [10, 10.000001, 1000.5, 0, -1, "x", null],
  dividendPerShare: [0.05, 0.1, 0, -0.01, "n/a"],
  newShares: [2, 1, 3, 0, null],
  oldShares: [1, 10, 2, -1],
  places: [null, 0, 2, 6, 21, 1.5, ""],
  offset: [null, 0, 1, -1, 5, -20, 1.5],
  matchRate: [null, 0, 0.1, 0.15, 1, 0.05, 15, ""],
  annualRate: [0.0425, 0.1, 0.12, null, 0, 4.25, -0.01],
  initialReserve: [null, 0, 6_000_000, 2_000_000, 20_000_000, -1, "x"],
  fmv: [1, 8, 10, 12, 0.5, 30, 0, -2, "?"],
  discount: [0.15, 0.1, 0.5, 1, 1.25, 0.05, 0.6, 7, null],
  discountType: [null, "", 0, "dollars", "Fraction", "%", "$", "euros", 1],
  fraction: [0.25, 0.5, 0.75, 1, 0.3, 0, null],
  kind: ["salary", "bonus", " Salary ", "BONUS", "stock", 0, null, ""],
  year: [2002, 2003, 2004, 2010, 2001, 0, null, 2004.5, "2004"],
  participant: ["Ann Lee", "ann lee", "Ben Ortiz", " Ann Lee ", "Dan Wu", "", null],
  account: ["DCA", "CMSA", "CSA", "IA", "OPTIONS", "dca", "xyz", "", 0],
};

const ROWS = 10_000;
/** Row `i`'s value for the `k`-th argument: a multiplicative hash of both, so the rows mix the arguments' values in every combination. */
function valueAt(name: string, k: number, i: number): unknown {
  const pool = POOLS[name];
  if (!pool) throw new Error(`no values for argument ${name}`);
  return pool[(Math.imul(i * 31 + k + 1, 2654435761) >>> 7) % pool.length];
}

const isError = (cell: unknown) => cell !== null && typeof cell === "object" && "code" in cell;

describe("the catalogue declares what Excel needs to pass columns and spill results", () => {
  it("every single-value argument is a matrix, tables stay matrices, every result is one; functions whose result already spills keep single values", () => {
    for (const f of metadata) {
      const singles = f.parameters.filter((p) => !TABLES.has(p.name));
      if (SPILLS.has(f.id)) {
        expect({ id: f.id, dimensionalities: singles.map((p) => p.dimensionality) }).toEqual({ id: f.id, dimensionalities: singles.map(() => undefined) });
      } else {
        expect({ id: f.id, dimensionalities: singles.map((p) => p.dimensionality) }).toEqual({ id: f.id, dimensionalities: singles.map(() => "matrix") });
      }
      expect(f.parameters.filter((p) => TABLES.has(p.name)).every((p) => p.dimensionality === "matrix")).toBe(true);
      expect(f.result.dimensionality).toBe("matrix");
    }
  });
});

describe("one formula over a 10,000-row column equals 10,000 formulas over its rows", () => {
  // CIC_DATE takes a table alone: there is nothing to lift.
  const lifted = metadata.filter((f) => !SPILLS.has(f.id) && f.parameters.some((p) => !TABLES.has(p.name)));

  it("covers every function that takes single values", () => {
    expect(lifted.map((f) => f.id).sort()).toEqual(
      metadata
        .map((f) => f.id)
        .filter((id) => !["RETENTION_SCHEDULE", "ACCOUNT_STATEMENT", "OPTION_GRANTS", "PAYOUT", "WITHDRAWAL", "CLAIM_DEADLINES", "CIC_DATE"].includes(id))
        .sort(),
    );
    expect(lifted).toHaveLength(38);
  });

  it.each(lifted.map((f) => [f.id, f] as const))("%s", (id, f) => {
    const rowArgs = (i: number) => f.parameters.map((p, k) => (TABLES.has(p.name) ? TABLE_ARGUMENTS[p.name] : valueAt(p.name, k, i)));
    const columnArgs = f.parameters.map((p, k) =>
      TABLES.has(p.name) ? TABLE_ARGUMENTS[p.name] : Array.from({ length: ROWS }, (_, i) => [valueAt(p.name, k, i)]),
    );
    const column = spilled(raw(id, ...columnArgs)) as unknown[][];
    expect(column).toHaveLength(ROWS);
    const mismatches: unknown[] = [];
    let values = 0;
    let errors = 0;
    for (let i = 0; i < ROWS; i++) {
      const alone = call(id, ...rowArgs(i));
      const cell = column[i].length === 1 ? column[i][0] : column[i];
      if (JSON.stringify(cell) !== JSON.stringify(alone))
        mismatches.push({ row: i, args: rowArgs(i).map((a) => (Array.isArray(a) ? "[table]" : a)), column: cell, alone });
      if (isError(alone)) errors++;
      else values++;
    }
    expect(mismatches.slice(0, 3)).toEqual([]);
    // Not vacuous: each function computes many rows and refuses many.
    expect(values).toBeGreaterThan(ROWS / 100);
    expect(errors).toBeGreaterThan(ROWS / 100);
  });
});

describe("shapes", () => {
  const flat = asExcelRange(sessionPrices("2003-04-01", "2003-06-30", () => 2.5));

  it("a single cell is one value, exactly as before: a 1×1 result, and an error the formula's own", () => {
    expect(raw("UNITS_CREDITED", 10_000, flat, "2003-05-15", null)).toEqual([[4000]]);
    expect(raw("UNITS_CREDITED", [[10_000]], flat, [["2003-05-15"]], [[null]])).toEqual([[4000]]);
    expect(raw("UNITS_CREDITED", "abc", flat, "2003-05-15", null)).toEqual(error("#VALUE!", 'amount "abc" is not a number'));
    expect(raw("IS_BUSINESS_DAY", serial("2001-09-11"))).toEqual([[false]]);
  });

  it("spills a column as a column, a row as a row and a block as a block", () => {
    expect(raw("UNITS_CREDITED", [[10_000], [5_000], [0]], flat, "2003-05-15", null)).toEqual([[4000], [2000], [0]]);
    expect(raw("UNITS_CREDITED", [[10_000, 5_000, 0]], flat, "2003-05-15", null)).toEqual([[4000, 2000, 0]]);
    expect(
      raw("MAX_SHARES", [
        [1.5, 2],
        [2.01, 0],
      ]),
    ).toEqual([
      [2, 2],
      [3, 0],
    ]);
  });

  it("repeats a single value for every row (broadcasting), whichever argument the column is", () => {
    const dates = [["2003-05-15"], [serial("2003-06-30")], ["2003-04-01"]];
    expect(raw("UNITS_CREDITED", 10_000, flat, dates, 2)).toEqual([[4000], [4000], [4000]]);
    expect(raw("UNITS_CREDITED", [[1], [2], [3]], flat, dates, [[0], [1], [2]])).toEqual([[0], [0.8], [1.2]]);
    expect(raw("SPLIT_ADJUST", [[10], [20]], 2, 1, null)).toEqual([[20], [40]]);
    expect(raw("BUSINESS_DAY", "2001-09-10", [[1], [-1], [0]])).toEqual([[serial("2001-09-17")], [serial("2001-09-07")], [serial("2001-09-10")]]);
  });

  it("answers ranges of different lengths with #VALUE! naming both", () => {
    expect(raw("UNITS_CREDITED", [[1], [2], [3]], flat, [["2003-05-15"], ["2003-05-16"]], null)).toEqual(
      error(
        "#VALUE!",
        "amount is a column of 3 but payDate is a column of 2; ranges given together must be the same size (a single value is used for every row)",
      ),
    );
    expect(raw("WITHHOLD_SHARES", [[1000, 900]], [[30], [30]])).toEqual(error("#VALUE!", /^taxAmount is a row of 2 but fmv is a column of 2;/));
    expect(raw("DISTRIBUTABLE_EVENT", null, null, [["2003-04-01"], [""]], null, null, [[1], [2], [3]])).toEqual(
      error("#VALUE!", /^separation is a column of 2 but electedDate is a column of 3/),
    );
    expect(raw("MAX_SHARES", [[1, 2], [3]])).toEqual(error("#VALUE!", "units must be a single value or a range of values"));
  });

  it("gives an element that fails its own error, with its message, while the others compute", () => {
    expect(spilled(raw("UNITS_CREDITED", [[10_000], ["abc"], [-1], [5_000]], flat, "2003-05-15", null))).toEqual([
      [4000],
      [error("#VALUE!", 'amount "abc" is not a number')],
      [error("#VALUE!", "amount -1 must not be negative")],
      [2000],
    ]);
    expect(spilled(raw("CLOSE_PRICE", prices, [["2003-03-31"], ["2003-01-01"]]))).toEqual([
      [5],
      [error("#N/A", "2003-01-01 is not a Business Day (§1.1(d)): the New York Stock Exchange has no close that day")],
    ]);
  });

  it("reads a table that cannot be read as the error of every row that needs it", () => {
    const bad = [
      ["Date", "Close"],
      [serial("2003-03-31"), -1],
    ];
    const failure = error("#VALUE!", "prices row 2: close -1 must be positive");
    expect(spilled(raw("CLOSE_PRICE", bad, [["2003-03-31"], ["2003-04-01"]]))).toEqual([[failure], [failure]]);
    // A row that fails before it needs the table keeps its own error, as a single cell always has.
    expect(spilled(raw("UNITS_CREDITED", [[1], ["x"]], bad, "2003-03-31", null))).toEqual([[failure], [error("#VALUE!", 'amount "x" is not a number')]]);
  });

  it("runs every row of RESERVE_REMAINING against one reconciliation of the ledger per reserve", () => {
    const ledger = TABLE_ARGUMENTS.ledger;
    expect(raw("RESERVE_REMAINING", ledger, [["2003-03-31"], ["2003-06-30"], [null]], [[null], [8_000_000], [0]])).toEqual([
      [5_000_000],
      [14_000_000],
      [-2_500_000],
    ]);
    expect(spilled(raw("RESERVE_EXHAUSTION_DATE", ledger, [[null], [20_000_000]]))).toEqual([
      [serial("2003-12-31")],
      [error("#N/A", "the ledger never uses up the reserve (§13.8)")],
    ]);
  });
});

describe("an optional argument left as a reference to an empty cell (Excel desktop hands 0, the web null)", () => {
  const flat = asExcelRange(sessionPrices("2003-04-01", "2003-06-30", () => 2.5));

  it("means the default where 0 is not a value the plan allows: matchRate, initialReserve, annualRate", () => {
    for (const empty of [0, null, ""]) {
      expect(call("MATCH_UNITS", 10_000, flat, "2003-05-15", empty, null)).toBe(400);
      expect(call("RESERVE_REMAINING", TABLE_ARGUMENTS.ledger, "2003-03-31", empty)).toBe(5_000_000);
      expect(call("RESERVE_EXHAUSTION_DATE", TABLE_ARGUMENTS.ledger, empty)).toBe(serial("2003-12-31"));
      expect(call("LATE_INTEREST", 66_000, "2002-06-30", "2002-07-13", empty)).toBe(180.82);
    }
  });

  it("is 0 where 0 is allowed: places 0 (desktop's empty cell) rounds to whole units, blank (the web's) to 6 places", () => {
    const units = asExcelRange(sessionPrices("2003-04-01", "2003-06-30", () => 3));
    expect(call("UNITS_CREDITED", 1000, units, "2003-05-15", 0)).toBe(333);
    expect(call("UNITS_CREDITED", 1000, units, "2003-05-15", null)).toBe(333.333333);
    expect(call("BUSINESS_DAY", "2003-07-05", 0)).toBe(call("BUSINESS_DAY", "2003-07-05", null));
  });
});
