/**
 * The functions as each platform calls them (test/doubles/profiles.ts,
 * `excelInvocation`), from the built bundle and functions.json: an empty cell
 * arrives as 0 (Windows, Mac, Excel 2021) or null (the web), in an argument
 * and inside a range; every parameter is declared `any`, so what the user
 * typed reaches the function and its own message; and functions.json opts
 * into error cells (allowErrorForDataTypeAny), so a table holding one is
 * answered with a message naming the row instead of a bare error.
 */
import { CIC_EVENTS_TEMPLATE, CIC_HOLDINGS_TEMPLATE, CIC_PRICES_TEMPLATE } from "../../src/sheets/claimsTemplates";
import { HOLDINGS_TEMPLATE, PAYOUT_PRICES_TEMPLATE, PAYOUTS_TEMPLATE } from "../../src/sheets/payoutTemplates";
import { RECORDS_TEMPLATES } from "../../src/sheets/recordsTemplates";
import { cellValues, type SheetTemplate } from "../../src/sheets/templates";
import { EMPTY_CELL, ErrorCell, excelInvocation, PROFILE_NAMES, PROFILES, type ProfileName } from "../doubles/profiles";
import { excelCaller, functionsJson, serial } from "../helpers/bundle";
import { asExcelRange, sessionPrices } from "../helpers/prices";

const metadata = functionsJson();
const callers = Object.fromEntries(PROFILE_NAMES.map((name) => [name, excelCaller(name, { metadata })])) as Record<ProfileName, ReturnType<typeof excelCaller>>;
const onPlatform = (profile: ProfileName, id: string, ...args: unknown[]) => callers[profile](id, ...args);

const flat = asExcelRange(sessionPrices("2003-04-01", "2003-06-30", () => 2.5));
const withEmptyRows = [...flat, [EMPTY_CELL, EMPTY_CELL], [EMPTY_CELL, EMPTY_CELL]];
const ledger = [
  ["Date", "Kind", "Quantity"],
  [serial("2003-03-31"), "units", 1_000_000],
  [EMPTY_CELL, EMPTY_CELL, EMPTY_CELL],
  [serial("2004-06-30"), "option", 500_000],
];

/** A template's table as a sheet holds it: its blank cells empty, so each platform passes them as it does (0 or null). */
const table = (template: SheetTemplate) => [
  template.columns.map((c) => c.header),
  ...cellValues(template).map((row) => row.map((cell) => (cell === "" || cell === null || cell === undefined ? EMPTY_CELL : cell))),
];
const records = (sheet: string) => table(RECORDS_TEMPLATES.find((t) => t.sheet === sheet) as SheetTemplate);

describe.each(PROFILE_NAMES)("on %s", (profile) => {
  it("reads a table's empty cells as blank, not as the 0 Excel desktop passes (a blank Share Tax is the rate, a blank Located is Y)", () => {
    const payouts = table(PAYOUTS_TEMPLATE);
    const holdings = table(HOLDINGS_TEMPLATE);
    const prices = table(PAYOUT_PRICES_TEMPLATE);
    for (const participant of ["Ann Lee", "Ben Ortiz", "Gil Reyes", "Hana Sato"])
      expect(onPlatform(profile, "PAYOUT", payouts, holdings, prices, participant)).toEqual(
        onPlatform("web", "PAYOUT", payouts, holdings, prices, participant),
      );
    // Ann Lee: 20% of 116 shares at $5 and of $1,234.57: 24 shares withheld, $991.66 net cash (README).
    const [, ann] = onPlatform(profile, "PAYOUT", payouts, holdings, prices, "Ann Lee") as number[][];
    expect([ann[5], ann[10], ann[13]]).toEqual([116, 24, 991.66]);
    expect(onPlatform(profile, "WITHDRAWAL", holdings, prices, "Ivy Chen", serial("2003-06-16"), 0.25, EMPTY_CELL, 0.2)).toEqual(
      onPlatform("web", "WITHDRAWAL", holdings, prices, "Ivy Chen", serial("2003-06-16"), 0.25, EMPTY_CELL, 0.2),
    );
    const cic = onPlatform(profile, "CIC_DATE", table(CIC_EVENTS_TEMPLATE));
    expect(typeof cic).toBe("number");
    expect(onPlatform(profile, "CIC_FUNDING", table(CIC_HOLDINGS_TEMPLATE), table(CIC_PRICES_TEMPLATE), cic, 1000)).toEqual(
      onPlatform("web", "CIC_FUNDING", table(CIC_HOLDINGS_TEMPLATE), table(CIC_PRICES_TEMPLATE), cic, 1000),
    );
    const accounts = [records("Activity"), records("Prices"), records("Dividends"), records("Splits"), records("Prime Rates")];
    for (const account of ["DCA", "CMSA", "CSA", "IA"]) {
      const args = [...accounts, "Ann Lee", account, serial("2003-09-30"), records("Withdrawals"), records("Participation"), records("Plan")];
      const balance = onPlatform(profile, "ACCOUNT_BALANCE", ...args);
      expect(typeof balance).toBe("number");
      expect(balance).toEqual(onPlatform("web", "ACCOUNT_BALANCE", ...args));
    }
  });

  it("answers a Holdings Quantity left empty as 0 units on every platform", () => {
    const holdings = [
      ["Participant", "Account", "Quantity"],
      ["Ivy Chen", "DCA", 100],
      ["Ivy Chen", "CMSA", EMPTY_CELL],
    ];
    const result = onPlatform(profile, "WITHDRAWAL", holdings, table(PAYOUT_PRICES_TEMPLATE), "Ivy Chen", serial("2003-06-16"), 0.25);
    if (profile === "web") expect(result).toEqual({ code: "#VALUE!", message: expect.stringContaining("Quantity is blank") });
    else expect(result).toEqual(expect.arrayContaining([["CMSA units withdrawn", 0]]));
  });

  it("takes an empty matchRate or initialReserve cell as the plan's default, however the platform passes it", () => {
    expect(onPlatform(profile, "MATCH_UNITS", 10000, flat, "2003-05-15", EMPTY_CELL, EMPTY_CELL)).toBe(400);
    expect(onPlatform(profile, "RESERVE_REMAINING", ledger, EMPTY_CELL, EMPTY_CELL)).toBe(4_500_000);
  });

  it("reads a range with empty rows (a whole-column reference) alike", () => {
    expect(onPlatform(profile, "UNITS_CREDITED", 10000, withEmptyRows, "2003-05-15", 2)).toBe(4000);
  });

  it("answers an empty required date cell with #VALUE! and a message", () => {
    expect(onPlatform(profile, "UNITS_CREDITED", 10000, flat, EMPTY_CELL, 2)).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(/^payDate is (blank|0)/),
    });
  });

  it("answers text in an amount cell with its own message naming the argument and the text, not a bare #VALUE!", () => {
    expect(onPlatform(profile, "UNITS_CREDITED", "ten thousand", flat, "2003-05-15", 2)).toEqual({
      code: "#VALUE!",
      message: 'amount "ten thousand" is not a number',
    });
    expect(onPlatform(profile, "OPTION_PRICE", 4, 0.15, 42)).toEqual({ code: "#VALUE!", message: expect.stringMatching(/^discountType 42 must be one of/) });
  });

  it("answers a price table holding an error cell with a message naming its row and column", () => {
    const broken = [...flat.slice(0, 5), [serial("2003-04-08"), new ErrorCell("#N/A")], ...flat.slice(6)];
    expect(onPlatform(profile, "UNITS_CREDITED", 10000, broken, "2003-05-15", 2)).toEqual({
      code: "#VALUE!",
      message: "prices row 6 holds the error #N/A in its close column; correct or clear that cell",
    });
    const badLedger = [...ledger.slice(0, 3), [new ErrorCell("#REF!"), "option", 500_000]];
    expect(onPlatform(profile, "RESERVE_USED", badLedger)).toEqual({
      code: "#VALUE!",
      message: "ledger row 4 holds the error #REF! in its date column; correct or clear that cell",
    });
  });

  it("answers an error in one amount of a column in that row only, #N/A kept as #N/A", () => {
    expect(onPlatform(profile, "UNITS_CREDITED", [[10000], [new ErrorCell("#N/A")], [new ErrorCell("#DIV/0!")]], flat, "2003-05-15", 2)).toEqual([
      [4000],
      [{ code: "#N/A", message: "amount is #N/A" }],
      [{ code: "#VALUE!", message: "amount is #DIV/0!, the error in the cell it reads" }],
    ]);
  });
});

it("an empty places cell means 0 decimals where Excel passes 0 (desktop) and the default 6 where it passes null (the web), as the README says", () => {
  const units = (profile: ProfileName) =>
    onPlatform(profile, "UNITS_CREDITED", 1000, asExcelRange(sessionPrices("2003-04-01", "2003-06-30", () => 3)), "2003-05-15", EMPTY_CELL);
  expect(units("windows")).toBe(333);
  expect(units("web")).toBe(333.333333);
});

describe("functions.json as the build writes it", () => {
  it("declares every parameter of every function `any`, so Excel converts nothing before the function reads it", () => {
    const declared = metadata.functions.flatMap((f) => f.parameters.filter((p) => (p.type ?? "any") !== "any").map((p) => `${f.id}(${p.name}: ${p.type})`));
    expect(declared).toEqual([]);
  });

  it("opts every `any` parameter into receiving error cells (allowErrorForDataTypeAny, top-level)", () => {
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
  });
});

describe("the custom-functions shim converts as Excel does for a declared type", () => {
  const windows = PROFILES.windows;
  const declared = (type: string, allowErrorForDataTypeAny = false) => ({ parameters: [{ name: "x", type }], allowErrorForDataTypeAny });

  it("number: text is #VALUE! before the call, an empty cell arrives as 0, numeric text as its number", () => {
    expect(excelInvocation(windows, declared("number"), ["abc"])).toEqual({ called: false, code: "#VALUE!" });
    expect(excelInvocation(PROFILES.web, declared("number"), [EMPTY_CELL])).toEqual({ called: true, args: [0] });
    expect(excelInvocation(windows, declared("number"), [[["12"], [EMPTY_CELL]]])).toEqual({ called: true, args: [[[12], [0]]] });
  });

  it('string: a number arrives as its text, an empty cell as ""', () => {
    expect(excelInvocation(windows, declared("string"), [42])).toEqual({ called: true, args: ["42"] });
    expect(excelInvocation(PROFILES.web, declared("string"), [EMPTY_CELL])).toEqual({ called: true, args: [""] });
  });

  it("an error cell: the function is not called unless the parameter is `any` and allowErrorForDataTypeAny is set", () => {
    const error = new ErrorCell("#N/A");
    expect(excelInvocation(windows, declared("any"), [[[1], [error]]])).toEqual({ called: false, code: "#N/A" });
    expect(excelInvocation(windows, declared("number", true), [error])).toEqual({ called: false, code: "#N/A" });
    expect(excelInvocation(windows, declared("any", true), [[[1], [error]]])).toEqual({ called: true, args: [[[1], [error]]] });
  });
});
