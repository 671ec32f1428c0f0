/**
 * The functions as each platform calls them (test/doubles/profiles.ts): an
 * empty cell arrives as 0 (Windows, Mac, Excel 2021) or null (the web), in an
 * argument and inside a range; a range argument that holds an error cell means
 * Excel does not call the function at all, and the cell shows that error with
 * no message.
 */
import { EMPTY_CELL, ErrorCell, excelArgument, excelCalls, PROFILE_NAMES, PROFILES, type ProfileName } from "../doubles/profiles";
import { cellCaller, loadFunctionsBundle, serial } from "../helpers/bundle";
import { asExcelRange, sessionPrices } from "../helpers/prices";

const call = cellCaller(loadFunctionsBundle().registered);

/** Calls `id` as Excel on `profile` would: arguments as that platform passes them, or not at all. */
function onPlatform(profile: ProfileName, id: string, ...args: unknown[]): unknown {
  const host = PROFILES[profile];
  const passed = args.map((argument) => excelArgument(host, argument));
  const calls = excelCalls(host, passed);
  if (!calls.called) return { code: calls.code, message: "" };
  return call(id, ...passed);
}

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

  it("is not called when a range argument holds an error cell: the cell shows that error", () => {
    const broken = [...flat.slice(0, 5), [serial("2003-04-08"), new ErrorCell("#REF!")], ...flat.slice(6)];
    const result = onPlatform(profile, "UNITS_CREDITED", 10000, broken, "2003-05-15", 2);
    if (PROFILES[profile].functionArguments.calledWithErrorInRange) expect(result).toMatchObject({ code: "#VALUE!" });
    else expect(result).toEqual({ code: "#REF!", message: "" });
  });
});

it("an empty places cell means 0 decimals where Excel passes 0 (desktop) and the default 6 where it passes null (the web), as the README says", () => {
  const units = (profile: ProfileName) =>
    onPlatform(profile, "UNITS_CREDITED", 1000, asExcelRange(sessionPrices("2003-04-01", "2003-06-30", () => 3)), "2003-05-15", EMPTY_CELL);
  expect(units("windows")).toBe(333);
  expect(units("web")).toBe(333.333333);
});
