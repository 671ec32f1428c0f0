/** CLAIM_DEADLINES, CIC_DATE and CIC_FUNDING through the argument layer, and RETENTION_SCHEDULE taking CIC_DATE's serial. */
import { isoDateToSerial } from "../../src/cells/serials";
import { cicDateFn, cicFundingFn, claimDeadlinesFn } from "../../src/functions/claims";
import { retentionScheduleFn } from "../../src/functions/retention";
import { ERROR_CODES, ShimError } from "../helpers/bundle";

beforeAll(() => {
  Object.assign(globalThis, { CustomFunctions: { Error: ShimError, ErrorCode: ERROR_CODES } });
});

const serial = (iso: string) => isoDateToSerial(iso);
const events = [
  ["Date", "Type", "Pct Common", "Incumbent Directors", "Board Size"],
  [serial("2002-10-01"), "acquisition", 0.1999, "", ""],
  [serial("2002-11-15"), "board", "", 5, 10],
];

describe("CLAIM_DEADLINES", () => {
  it("spills §8's table, the Disability decision due on day 75 with a notice on day 45", () => {
    const rows = claimDeadlinesFn(serial("2003-03-01"), "2003-01-15", null, "Y", serial("2003-04-15"));
    expect(rows[3]).toEqual(["Decision due", serial("2003-05-15")]);
    expect(rows[2]).toEqual(["Claim timely", true]);
    expect(rows[4]).toEqual(["Review request deadline", ""]);
  });

  it("is #VALUE! naming a review before its denial", () => {
    expect(() => claimDeadlinesFn(serial("2003-03-01"), serial("2003-01-15"), null, null, null, null, serial("2003-05-01"), serial("2003-04-01"))).toThrow(
      /reviewRequested 2003-04-01 is before denialReceived 2003-05-01/,
    );
  });
});

describe("CIC_DATE", () => {
  it("is the first date a test is met, as a serial RETENTION_SCHEDULE takes", () => {
    const date = cicDateFn(events);
    expect(date).toBe(serial("2002-11-15"));
    // A Change in Control before 2002-12-31 forfeits the second installment (agreement ¶3).
    const schedule = retentionScheduleFn(null, null, date);
    expect(schedule[1][3]).toBe("forfeited");
    expect(schedule[0][3]).toBe("due");
  });

  it("is #N/A when no row meets a test", () => {
    expect(() => cicDateFn(events.slice(0, 2))).toThrow(/no event meets a §1.1\(e\) test/);
  });
});

describe("CIC_FUNDING", () => {
  const holdings = [
    ["Participant", "Employer", "Account", "Quantity"],
    ["Ann Lee", "Hecla", "DCA", 1000.5],
    ["Ann Lee", "Hecla", "IA", 1234.56],
  ];
  const prices = [[serial("2003-03-14"), 3.333]];

  it("is the shortfall at the last Business Day's close: 3,334.67 + 1,234.56 − 1,000", () => {
    expect(cicFundingFn(holdings, prices, serial("2003-03-15"), 1000)).toBe(3569.23);
  });

  it("is 0 without a Trust", () => {
    expect(cicFundingFn(holdings, prices, serial("2003-03-15"), 1000, "N")).toBe(0);
  });
});
