import { addMonths, isoDateToSerial, parseIsoDate, serialToIsoDate } from "../../src/engine/dates";

describe("Excel 1900 serial numbers", () => {
  it("maps the serials around Excel's fictitious 1900-02-29", () => {
    expect(serialToIsoDate(1)).toBe("1900-01-01");
    expect(serialToIsoDate(59)).toBe("1900-02-28");
    expect(serialToIsoDate(60)).toBeUndefined();
    expect(serialToIsoDate(61)).toBe("1900-03-01");
    expect(serialToIsoDate(0)).toBeUndefined();
    expect(isoDateToSerial("1900-02-28")).toBe(59);
    expect(isoDateToSerial("1900-03-01")).toBe(61);
  });

  it("ignores the time of day in a serial", () => {
    expect(serialToIsoDate(37742.75)).toBe("2003-05-01");
  });

  it("round-trips every day of the supported range", () => {
    for (let serial = isoDateToSerial("1990-01-01"); serial <= isoDateToSerial("2099-12-31"); serial++) {
      expect(isoDateToSerial(serialToIsoDate(serial)!)).toBe(serial);
    }
  });
});

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
