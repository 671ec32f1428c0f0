import { businessDay, businessDayOnOrBefore, electionWindowEnd, isBusinessDay, quarterEnd, regularHolidays } from "../../src/engine/calendar";
import { addDays } from "../../src/engine/dates";
import { PlanError } from "../../src/engine/errors";
import { nyseSessions } from "../helpers/bundle";

describe("Business Day calendar (§1.1(d)) against the NYSE session record", () => {
  it("agrees on every calendar day from 1990-01-01 to 2023-01-13, open and closed", () => {
    const sessions = nyseSessions();
    expect(sessions.size).toBeGreaterThan(8000);
    const disagreements: string[] = [];
    for (let date = "1990-01-01"; date <= "2023-01-13"; date = addDays(date, 1)) {
      if (isBusinessDay(date) !== sessions.has(date)) disagreements.push(`${date}: engine ${isBusinessDay(date)}, NYSE ${sessions.has(date)}`);
    }
    expect(disagreements).toEqual([]);
  });
});

describe("holiday rules beyond the record", () => {
  it.each([
    ["2025-01-09", false, "President Carter's funeral"],
    ["2027-06-18", false, "Juneteenth on a Saturday is observed the Friday before"],
    ["2028-12-25", false, "Christmas on a Monday"],
    ["2034-01-02", false, "New Year's Day on a Sunday is observed Monday"],
    ["2032-12-31", true, "New Year's Day on a Saturday is not observed on the Friday before"],
    ["2026-04-03", false, "Good Friday 2026"],
    ["2099-12-31", true, "the last supported day, a Thursday"],
  ])("%s is %s (%s)", (date, open) => {
    expect(isBusinessDay(date)).toBe(open);
  });

  it("observes Juneteenth only from 2022 and Martin Luther King Jr. Day only from 1998", () => {
    expect(regularHolidays(2021)).not.toContain("2021-06-18");
    expect(regularHolidays(2022)).toContain("2022-06-20");
    expect(regularHolidays(1997)).not.toContain("1997-01-20");
    expect(regularHolidays(1998)).toContain("1998-01-19");
  });
});

describe("moving between Business Days", () => {
  it("rolls a closed day forward with offset 0 and steps over the September 2001 closure", () => {
    expect(businessDay("2003-07-05")).toBe("2003-07-07");
    expect(businessDay("2003-07-07")).toBe("2003-07-07");
    expect(businessDay("2001-09-10", 1)).toBe("2001-09-17");
    expect(businessDay("2001-09-17", -1)).toBe("2001-09-10");
    expect(businessDayOnOrBefore("2003-01-01")).toBe("2002-12-31");
  });

  it("finds quarter ends that fall before a weekend or Good Friday", () => {
    expect(quarterEnd("2003-02-14")).toBe("2003-03-31");
    expect(quarterEnd("2001-08-01")).toBe("2001-09-28");
    expect(quarterEnd("2002-01-15")).toBe("2002-03-28"); // 2002-03-29 was Good Friday
  });

  it("puts the determination date on the last Business Day of the ten days after a release (§5.2(d))", () => {
    expect(electionWindowEnd("2003-07-24")).toBe("2003-08-01"); // the window ends on Sunday 08-03
    expect(electionWindowEnd("2012-10-19")).toBe("2012-10-26"); // Hurricane Sandy closed 10-29
  });

  it("refuses dates outside 1990..2099 with #VALUE!, the code whose message Excel shows", () => {
    expect(() => isBusinessDay("1989-12-29")).toThrow(expect.objectContaining({ code: "#VALUE!" }));
    expect(() => isBusinessDay("1989-12-29")).toThrow(PlanError);
    expect(() => businessDay("2099-12-31", 1)).toThrow(/outside the supported range/);
  });
});
