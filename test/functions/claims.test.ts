/**
 * CLAIM_DEADLINES, CIC_DATE and CIC_FUNDING (PAYOUT.md §1, §8, §9) called
 * through the built bundle as Excel calls them, with figures worked by hand
 * from the contract; and CIC_DATE's date fed to RETENTION_SCHEDULE and
 * PAYOUT_EVENT, as a workbook chains them.
 */
import { EMPTY_CELL, PROFILE_NAMES } from "../doubles/profiles";
import { caller, cellCaller, excelCaller, functionsJson, iso, loadFunctionsBundle, serial } from "../helpers/bundle";

const { registered } = loadFunctionsBundle();
const raw = caller(registered);
const call = cellCaller(registered);
const error = (code: string, message: string | RegExp) => ({ code, message: typeof message === "string" ? message : expect.stringMatching(message) });

/** CLAIM_DEADLINES's spill as {label: value}, dates as ISO text. */
function deadlines(...args: unknown[]): Record<string, unknown> {
  const rows = call("CLAIM_DEADLINES", ...args, ...Array.from({ length: 10 - args.length }, () => null)) as unknown[][];
  const dated = new Set([
    "Knowledge date",
    "Claim deadline",
    "Decision due",
    "Review request deadline",
    "Review decision due",
    "Exhausted",
    "Suit from",
    "Suit last day",
  ]);
  return Object.fromEntries(rows.map(([label, value]) => [label, dated.has(label as string) && typeof value === "number" ? iso(value) : value]));
}

// Filed 2003-03-01: day 45 is 2003-04-15, day 75 2003-05-15, day 90 2003-05-30, day 105 2003-06-14.
const FILED = serial("2003-03-01");
const KNEW = "2003-01-15";

describe("CLAIM_DEADLINES (§12.3, PAYOUT.md §8)", () => {
  it("spills the twelve rows of §8's table in its order, a step not reached blank", () => {
    const rows = call("CLAIM_DEADLINES", FILED, KNEW, null, null, null, null, null, null, null, null) as unknown[][];
    expect(rows.map(([label]) => label)).toEqual([
      "Knowledge date",
      "Claim deadline",
      "Claim timely",
      "Decision due",
      "Review request deadline",
      "Review timely",
      "Review decision due",
      "Deemed denied",
      "Exhausted",
      "Suit from",
      "Suit last day",
      "Suit window open",
    ]);
    expect(rows.slice(4).map(([, value]) => value)).toEqual(["", "", "", "", "", "", "", ""]);
  });

  it("a claim decision is due on day 90 (§12.3(a)(ii)); a Disability claim on day 45, 75 with a first notice by day 45, 105 with a second by day 75 (§12.3(d))", () => {
    expect(deadlines(FILED, KNEW)["Decision due"]).toBe("2003-05-30");
    expect(deadlines(FILED, KNEW, null, "Y")["Decision due"]).toBe("2003-04-15");
    expect(deadlines(FILED, KNEW, null, "Y", "2003-04-15")["Decision due"]).toBe("2003-05-15");
    expect(deadlines(FILED, KNEW, null, "Y", "2003-04-16")["Decision due"]).toBe("2003-04-15");
    expect(deadlines(FILED, KNEW, null, "Y", "2003-04-15", "2003-05-15")["Decision due"]).toBe("2003-06-14");
    expect(deadlines(FILED, KNEW, null, "Y", "2003-04-15", "2003-05-16")["Decision due"]).toBe("2003-05-15");
    // A second notice without a first extends nothing.
    expect(deadlines(FILED, KNEW, null, "Y", null, "2003-04-10")["Decision due"]).toBe("2003-04-15");
    // §12.3(d) covers Disability claims filed on or after 2002-01-01: one filed 2001-12-31 has 90 days.
    expect(deadlines("2001-12-31", "2001-12-01", null, "Y")["Decision due"]).toBe("2002-03-31");
  });

  it("reads the disability flag as the sheets do, an empty cell (0) as N, and refuses anything else naming the argument", () => {
    expect(deadlines(FILED, KNEW, null, "yes")["Decision due"]).toBe("2003-04-15");
    expect(deadlines(FILED, KNEW, null, true)["Decision due"]).toBe("2003-04-15");
    expect(deadlines(FILED, KNEW, null, 0)["Decision due"]).toBe("2003-05-30");
    expect(deadlines(FILED, KNEW, null, "N")["Decision due"]).toBe("2003-05-30");
    expect(call("CLAIM_DEADLINES", FILED, KNEW, null, "maybe", null, null, null, null, null, null)).toEqual(
      error("#VALUE!", 'disability "maybe" is not Y or N'),
    );
  });

  it("the one-year filing limit runs from the earlier knowledge, the Participant's imputed to a beneficiary (§12.3(f), (i))", () => {
    expect(deadlines("2004-01-15", KNEW)).toMatchObject({ "Knowledge date": "2003-01-15", "Claim deadline": "2004-01-15", "Claim timely": true });
    expect(deadlines("2004-01-16", KNEW)["Claim timely"]).toBe(false);
    expect(deadlines("2004-01-16", "2003-06-01", "2003-01-15")).toMatchObject({ "Knowledge date": "2003-01-15", "Claim timely": false });
    expect(deadlines("2005-02-28", "2004-02-29")).toMatchObject({ "Claim deadline": "2005-02-28", "Claim timely": true });
  });

  it("review: asked within 60 days of the denial, Disability too (§12.3(b), P-R19); decided within 60, a Disability review within 45 or 90 (§12.3(c), (d))", () => {
    expect(deadlines(FILED, KNEW, null, null, null, null, "2003-05-20", "2003-07-19")).toMatchObject({
      "Review request deadline": "2003-07-19",
      "Review timely": true,
    });
    expect(deadlines(FILED, KNEW, null, "Y", null, null, "2003-05-20", "2003-07-20")).toMatchObject({
      "Review request deadline": "2003-07-19",
      "Review timely": false,
    });
    expect(deadlines(FILED, KNEW, null, null, null, null, "2003-05-20", "2003-07-01")["Review decision due"]).toBe("2003-08-30");
    expect(deadlines(FILED, KNEW, null, "Y", null, null, "2003-05-20", "2003-07-01")["Review decision due"]).toBe("2003-08-15");
    expect(deadlines(FILED, KNEW, null, "Y", null, null, "2003-05-20", "2003-07-01", "2003-08-15")["Review decision due"]).toBe("2003-09-29");
    expect(deadlines(FILED, KNEW, null, "Y", null, null, "2003-05-20", "2003-07-01", "2003-08-16")["Review decision due"]).toBe("2003-08-15");
  });

  it("exhausted on a decision by its due date; else deemed denied and exhausted the next day (P-R20); suit before the earlier of knowledge + 30 months and exhaustion + 6 months (P-R21)", () => {
    const review = [FILED, KNEW, null, null, null, null, "2003-05-20", "2003-07-01", null];
    expect(deadlines(...review, "2003-08-30")).toMatchObject({ "Deemed denied": false, Exhausted: "2003-08-30", "Suit from": "2003-08-30" });
    // 2003-08-30 + 6 months = 2004-02-29 (before 2003-01-15 + 30 months = 2005-07-15): the last day is the day before.
    expect(deadlines(...review, "2003-08-30")).toMatchObject({ "Suit last day": "2004-02-28", "Suit window open": true });
    // 2003-08-31 + 6 months clamps to 2004-02-29 as well.
    expect(deadlines(...review, "2003-08-31")).toMatchObject({ "Deemed denied": true, Exhausted: "2003-08-31", "Suit last day": "2004-02-28" });
    expect(deadlines(...review, null)).toMatchObject({ "Deemed denied": true, Exhausted: "2003-08-31" });
    // Knowledge 2001-01-15 + 30 months = 2003-07-15: the window closed (last day 2003-07-14) before exhaustion.
    expect(deadlines(FILED, "2001-01-15", null, null, null, null, "2003-05-20", "2003-07-01", null, "2003-08-30")).toMatchObject({
      "Claim timely": false,
      "Suit last day": "2003-07-14",
      "Suit window open": false,
    });
  });

  it("answers a date out of order with #VALUE! naming the argument, both dates and the section", () => {
    expect(call("CLAIM_DEADLINES", FILED, KNEW, null, null, null, null, "2003-05-01", "2003-04-01", null, null)).toEqual(
      error("#VALUE!", "reviewRequested 2003-04-01 is before denialReceived 2003-05-01 (§12.3(b))"),
    );
    expect(call("CLAIM_DEADLINES", FILED, KNEW, null, "Y", "2003-02-01", null, null, null, null, null)).toEqual(
      error("#VALUE!", "extension1 2003-02-01 is before filed 2003-03-01 (§12.3(d))"),
    );
    expect(call("CLAIM_DEADLINES", FILED, KNEW, null, null, null, null, null, "2003-04-01", null, null)).toEqual(
      error("#VALUE!", /^reviewRequested 2003-04-01 is given but denialReceived is blank.*§12\.3\(b\)/),
    );
    expect(call("CLAIM_DEADLINES", 0, KNEW, null, null, null, null, null, null, null, null)).toEqual(
      error("#VALUE!", "filed is 0 (an empty cell?); enter a date"),
    );
    expect(call("CLAIM_DEADLINES", FILED, "15/01/2003", null, null, null, null, null, null, null, null)).toEqual(
      error("#VALUE!", /^knew "15\/01\/2003" is not a date/),
    );
  });
});

const EVENT_HEADER = ["Date", "Type", "Pct Common", "Pct Voting", "Exemption", "Buyback", "Incumbent Directors", "Board Size"];
const COMBINATION_HEADER = [
  "Date",
  "Type",
  "Continuity Common",
  "Continuity Voting",
  "Same Proportion",
  "Holder Common",
  "Holder Voting",
  "Incumbent Board Pct",
];
const cicDate = (...rows: unknown[][]) => {
  const result = call("CIC_DATE", [EVENT_HEADER, ...rows]);
  return typeof result === "number" ? iso(result) : result;
};
const combination = (...rows: unknown[][]) => {
  const result = call("CIC_DATE", [COMBINATION_HEADER, ...rows]);
  return typeof result === "number" ? iso(result) : result;
};
const NONE = error("#N/A", "no event meets a §1.1(e) test: there is no Change in Control");

describe("CIC_DATE (§1.1(e), PAYOUT.md §9)", () => {
  it("an acquisition of 20% of either class is a Change in Control; 19.99% is not (§1.1(e)(i))", () => {
    expect(cicDate([serial("2003-02-03"), "acquisition", 0.2, "", "", "", "", ""])).toBe("2003-02-03");
    expect(cicDate([serial("2003-02-03"), "acquisition", 0.1, 0.2, "", "", "", ""])).toBe("2003-02-03");
    expect(cicDate([serial("2003-02-03"), "acquisition", 0.1999, 0.1999, "", "", "", ""])).toEqual(NONE);
  });

  it("a direct acquisition the Board approved is exempt only at 40% or less of both (P-R22); a buyback to exactly 20% is not one (P-R23)", () => {
    expect(cicDate([serial("2003-02-03"), "acquisition", 0.4, 0.4, "direct-approved", "", "", ""])).toEqual(NONE);
    expect(cicDate([serial("2003-02-03"), "acquisition", 0.4, 0.4001, "direct-approved", "", "", ""])).toBe("2003-02-03");
    expect(cicDate([serial("2003-02-03"), "acquisition", 0.2, "", "", "Y", "", ""])).toEqual(NONE);
  });

  it("the incumbent directors ceasing to be a majority: exactly half is a Change in Control, one more is not (§1.1(e)(ii))", () => {
    expect(cicDate([serial("2002-11-15"), "board", "", "", "", "", 5, 10])).toBe("2002-11-15");
    expect(cicDate([serial("2002-11-15"), "board", "", "", "", "", 6, 10])).toEqual(NONE);
  });

  it("a combination is one unless continuity is above 60% of both in the same proportion, no 20% holder, and a Board majority (§1.1(e)(iii))", () => {
    expect(combination([serial("2004-06-01"), "combination", 0.6001, 0.6001, "Y", 0.1, 0.1, 0.51])).toEqual(NONE);
    expect(combination([serial("2004-06-01"), "combination", 0.6, 0.6001, "Y", 0.1, 0.1, 0.51])).toBe("2004-06-01");
    expect(combination([serial("2004-06-01"), "combination", 0.6001, 0.6001, "Y", 0.1, 0.1, 0.5])).toBe("2004-06-01");
    // 20% of the common but not of the voting power is not a (iii)(b) holder (P-R24).
    expect(combination([serial("2004-06-01"), "combination", 0.6001, 0.6001, "Y", 0.2, 0.1999, 0.51])).toEqual(NONE);
    expect(combination([serial("2004-06-01"), "combination", 0.6001, 0.6001, "Y", 0.2, 0.2, 0.51])).toBe("2004-06-01");
  });

  it("is the first date any row meets a test, whatever the row order, blank rows skipped", () => {
    expect(
      cicDate(
        [serial("2004-03-01"), "liquidation", "", "", "", "", "", ""],
        ["", "", "", "", "", "", "", ""],
        [serial("2003-09-30"), "acquisition", 0.1999, 0.1, "", "", "", ""],
        ["2003-12-01", "board", "", "", "", "", 4, 9],
      ),
    ).toBe("2003-12-01");
  });

  it("a blank percentage the test turns on is #VALUE! naming it (H04); one the other figure makes moot is not", () => {
    expect(cicDate([serial("2003-09-30"), "acquisition", 0.1999, "", "", "", "", ""])).toEqual(
      error("#VALUE!", /^cicEvents row 2: Pct Voting is blank; an acquisition row needs it for the §1\.1\(e\)\(i\) test/),
    );
    expect(cicDate([serial("2003-09-30"), "acquisition", 0.2, "", "", "", "", ""])).toBe("2003-09-30");
  });

  it("reads a 0 in the table as the empty cell Excel desktop passes, says so when the test needs the figure, and takes '0 as zero", () => {
    expect(cicDate([serial("2002-11-15"), "board", "", "", "", "", 0, 10])).toEqual(
      error(
        "#VALUE!",
        /^cicEvents row 2: Incumbent Directors is blank \(a 0 in a formula's table is an empty cell, as Excel desktop passes one; type '0 for zero\)/,
      ),
    );
    expect(cicDate([serial("2002-11-15"), "board", "", "", "", "", "0", 10])).toBe("2002-11-15");
  });

  it("answers a row it cannot read with #VALUE! naming the row, and a table without a header row as such", () => {
    expect(call("CIC_DATE", [EVENT_HEADER, [serial("2003-02-03"), "merger", "", "", "", "", "", ""]])).toEqual(
      error("#VALUE!", /^cicEvents row 2: Type "merger" is not one of "acquisition", "board", "combination", "liquidation"/),
    );
    expect(call("CIC_DATE", [EVENT_HEADER, [serial("2003-02-03"), "board", "", "", "", "", "", 10]])).toEqual(
      error("#VALUE!", /^cicEvents row 2: Incumbent Directors is blank; a board row needs it/),
    );
    expect(call("CIC_DATE", [EVENT_HEADER, [serial("2003-02-03"), "acquisition", 25, "", "", "", "", ""]])).toEqual(
      error("#VALUE!", /^cicEvents row 2: Pct Common 2500% is not from 0% to 100%/),
    );
    expect(call("CIC_DATE", "")).toEqual(error("#VALUE!", /^cicEvents must be a range whose first row names its columns/));
  });
});

describe("CIC_FUNDING (§13.4(b), PAYOUT.md §9)", () => {
  const holdings = [
    ["Participant", "Employer", "Account", "Quantity"],
    ["Ann Lee", "Hecla", "DCA", 1000.5],
    ["Ann Lee", "Hecla", "IA", 1234.56],
    ["Ben Ortiz", "Silver", "CMSA", 200],
  ];
  // Friday 2003-03-14 closes at 3.333; the Change in Control on Saturday 2003-03-15 is valued at that close.
  const prices = [
    ["Date", "Close"],
    [serial("2003-03-13"), 9],
    [serial("2003-03-14"), 3.333],
  ];

  it("takes the Investment Account's dollars to the cent, as a payout pays them, so the shortfall is in cents", () => {
    const past = holdings.map((row) => (row[2] === "IA" ? [...row.slice(0, 3), 1234.565] : row));
    expect(call("CIC_FUNDING", past, prices, serial("2003-03-15"), 1000, null)).toBe(4235.84);
  });

  it("values the Accounts at the last Business Day's close, cents a row: 3,334.67 + 666.60 + 1,234.56 − 1,000.00 in the Trust = 4,235.83", () => {
    expect(call("CIC_FUNDING", holdings, prices, serial("2003-03-15"), 1000, null)).toBe(4235.83);
    expect(call("CIC_FUNDING", holdings, prices, "2003-03-14", 1000, "Y")).toBe(4235.83);
  });

  it("is 0 when the Trust holds enough, or without a Trust; an empty trustAssets cell is no assets", () => {
    expect(call("CIC_FUNDING", holdings, prices, serial("2003-03-15"), 5235.83, null)).toBe(0);
    expect(call("CIC_FUNDING", holdings, prices, serial("2003-03-15"), 5235.82, null)).toBe(0.01);
    expect(call("CIC_FUNDING", holdings, prices, serial("2003-03-15"), 1000, "N")).toBe(0);
    expect(call("CIC_FUNDING", holdings, prices, serial("2003-03-15"), 0, 0)).toBe(5235.83);
  });

  it.each(PROFILE_NAMES)("reads empty trustAssets and trustEstablished cells as no assets and a Trust, however %s passes them", (profile) => {
    const onPlatform = excelCaller(profile, { registered, metadata: functionsJson() });
    expect(onPlatform("CIC_FUNDING", holdings, prices, serial("2003-03-15"), EMPTY_CELL, EMPTY_CELL)).toBe(5235.83);
    expect(onPlatform("CLAIM_DEADLINES", FILED, KNEW, EMPTY_CELL, EMPTY_CELL, EMPTY_CELL, EMPTY_CELL, EMPTY_CELL, EMPTY_CELL, EMPTY_CELL, EMPTY_CELL)).toEqual(
      expect.arrayContaining([["Decision due", serial("2003-05-30")]]),
    );
  });

  it("takes columns of dates and assets, one answer a row, each row's error its own", () => {
    expect(raw("CIC_FUNDING", holdings, prices, [[serial("2003-03-15")], [serial("2003-03-13")], ["2003-03-17"]], [[1000], [0], [0]], null)).toEqual([
      [4235.83],
      [9 * 1000.5 + 1800 + 1234.56],
      [error("#N/A", /no closing price for 2003-03-17/)],
    ]);
  });

  it("answers negative assets, a bad flag or a bad Holdings row with #VALUE! naming it", () => {
    expect(call("CIC_FUNDING", holdings, prices, serial("2003-03-15"), -1, null)).toEqual(error("#VALUE!", /trustAssets -1/));
    expect(call("CIC_FUNDING", holdings, prices, serial("2003-03-15"), 1000, "perhaps")).toEqual(error("#VALUE!", 'trustEstablished "perhaps" is not Y or N'));
    expect(call("CIC_FUNDING", [...holdings, ["Cy Park", "Hecla", "ESOP", 5]], prices, serial("2003-03-15"), 1000, null)).toEqual(
      error("#VALUE!", /^holdings row 5: Account "ESOP" is not one of DCA, CMSA, CSA, IA/),
    );
  });
});

describe("CIC_DATE's date fed to the functions that take a Change in Control", () => {
  const events = [EVENT_HEADER, [serial("2002-10-01"), "acquisition", 0.1999, 0.1, "", "", "", ""], [serial("2002-11-15"), "board", "", "", "", "", 5, 10]];
  const cic = call("CIC_DATE", events);

  it("is the serial of 2002-11-15, a 1×1 result", () => {
    expect(cic).toBe(serial("2002-11-15"));
    expect(raw("CIC_DATE", events)).toEqual([[serial("2002-11-15")]]);
  });

  it("RETENTION_SCHEDULE: the installment of 2002-06-30 stays due, the one of 2002-12-31 is forfeited (agreement ¶3)", () => {
    const schedule = (call("RETENTION_SCHEDULE", null, null, cic) as unknown[][]).map(([due, amount, deadline, status]) => [
      iso(due as number),
      amount,
      deadline === "" ? "" : iso(deadline as number),
      status,
    ]);
    expect(schedule).toEqual([
      ["2002-06-30", 66000, "2002-07-03", "due"],
      ["2002-12-31", 132000, "", "forfeited"],
    ]);
    // A termination without cause the day before accelerates it: due 2002-11-14, three Business Days later 2002-11-19.
    expect((call("RETENTION_SCHEDULE", "2002-11-14", "without cause", cic) as unknown[][])[1]).toEqual([
      serial("2002-11-14"),
      132000,
      serial("2002-11-19"),
      "accelerated",
    ]);
    // One on the day of the Change in Control counts as after it.
    expect((call("RETENTION_SCHEDULE", "2002-11-15", "without cause", cic) as unknown[][])[1][3]).toBe("forfeited");
  });

  it("PAYOUT_EVENT: a plan termination after it waits for the auditor's opinion (§7.5, P-R4); one on its day, or a separation, does not", () => {
    const event = (planTermination: unknown, auditorOpinion: unknown, lastDayWorked: unknown = null, cicDate: unknown = cic) => {
      const result = call("PAYOUT_EVENT", null, null, lastDayWorked, planTermination, null, null, null, cicDate, null, auditorOpinion, null);
      return typeof result === "number" ? iso(result) : result;
    };
    expect(event("2003-01-10", null)).toEqual(error("#N/A", /planTermination 2003-01-10: awaiting the independent auditor's opinion/));
    expect(event("2003-01-10", "2003-02-01")).toBe("2003-02-01");
    expect(event("2002-11-15", null)).toBe("2002-11-15");
    expect(event("2003-01-10", null, "2003-03-14")).toBe("2003-03-15");
    // CIC_DATE's own 1×1 result passed straight in reads the same.
    expect(event("2003-01-10", null, null, raw("CIC_DATE", events))).toEqual(error("#N/A", /awaiting the independent auditor's opinion/));
    // Without a Change in Control the termination counts on its day.
    expect(event("2003-01-10", null, null, null)).toBe("2003-01-10");
  });
});
