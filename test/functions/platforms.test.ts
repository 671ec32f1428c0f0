/**
 * The functions as each platform calls them (test/doubles/profiles.ts,
 * `excelInvocation`), from the built bundle and functions.json: an empty cell
 * arrives as 0 (Windows, Mac, Excel 2021) or null (the web), in an argument
 * and inside a range; every parameter is declared `any`, so what the user
 * typed reaches the function and its own message; and functions.json opts
 * into error cells (allowErrorForDataTypeAny), so a table holding one is
 * answered with a message naming the row instead of a bare error.
 */
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

describe.each(PROFILE_NAMES)("on %s", (profile) => {
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
