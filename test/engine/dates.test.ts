import { addMonths, parseIsoDate } from "../../src/engine/dates";

describe("dates as text", () => {
  it("accepts only real YYYY-MM-DD dates", () => {
    expect(parseIsoDate(" 2004-02-29 ")).toBe("2004-02-29");
    expect(parseIsoDate("2003-02-29")).toBeUndefined();
    expect(parseIsoDate("2003-2-1")).toBeUndefined();
    expect(parseIsoDate("31/12/2003")).toBeUndefined();
  });
});

describe("month arithmetic clamps to the month's last day (reading 9)", () => {
  it.each([
    ["2003-08-31", 6, "2004-02-29"],
    ["2003-01-31", 13, "2004-02-29"],
    ["2003-03-15", 2, "2003-05-15"],
    ["2003-11-30", 3, "2004-02-29"],
    ["2004-02-29", -12, "2003-02-28"],
  ])("%s + %i months = %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});
