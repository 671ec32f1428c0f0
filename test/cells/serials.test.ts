import { isoDateToSerial, serialToIsoDate } from "../../src/cells/serials";

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
      const date = serialToIsoDate(serial);
      expect(date === undefined ? undefined : isoDateToSerial(date)).toBe(serial);
    }
  });

  it("names no date for serials past 9999-12-31, the last day Excel shows, nor for non-numbers", () => {
    expect(serialToIsoDate(2_958_465)).toBe("9999-12-31");
    for (const serial of [2_958_466, 1e10, 1e300, Infinity, NaN]) expect(serialToIsoDate(serial)).toBeUndefined();
  });
});
