/** Reading the Activity, Dividends and Splits tables as STATEMENT.md names their columns; every unreadable cell is a finding on that cell. */
import { readActivity, readDividends, readSplits } from "../../src/sheets/records";
import { serial } from "../helpers/bundle";
import { ACTIVITY_HEADER, ACTIVITY_ROWS, grid, table } from "../helpers/records";

const brief = (findings: ReturnType<typeof readActivity>["findings"]) => findings.map((f) => [f.cell, f.rule, f.severity, f.column]);

describe("Activity", () => {
  it("finds the header under title rows, matching case, spaces, punctuation and aliases; rows in any order, blank rows skipped", () => {
    const header = ["employee", "DATE:", "Type", "Dollars ($)", "match-rate", "Discount", "discount_type", "Note"];
    const values = [["Activity for 2003"], [], header, ...table(ACTIVITY_HEADER, [...ACTIVITY_ROWS].reverse()).slice(1), ["", "", "", "", "", "", "", ""]];
    values.splice(5, 0, ["", "", "", "", "", "", "", ""]);
    const read = readActivity(grid("Activity", values));
    expect(read.unusable).toBeUndefined();
    expect(read.findings).toEqual([]);
    expect(read.records).toHaveLength(ACTIVITY_ROWS.length);
    const option = read.records.find((r) => r.kind === "option allocation")!;
    expect([option.participant, option.date, option.amount.toNumber(), option.discount?.value.toNumber(), option.discount?.type, option.reference]).toEqual([
      "Ann Lee",
      "2003-07-24",
      1000,
      0.15,
      "fraction",
      "§5.4 example",
    ]);
    expect(option.source.row).toBe(8); // under two title rows and the header, past a blank row
    expect(read.records.find((r) => r.reference === "Q2 salary, 25% match")!.matchRate?.toNumber()).toBe(0.25);
  });

  it("reads kinds ignoring case and spacing, ISO text dates, and discounts in dollars by sign or by Discount Type", () => {
    const read = readActivity(
      grid(
        "Activity",
        table(ACTIVITY_HEADER, [
          ["Ann Lee", "2003-07-24", "Option  Allocation", 1000, "", "$1.25", "", ""],
          ["Ann Lee", "2003-07-24", "OPTION ALLOCATION", 1000, "", 0.5, "Dollars", ""],
          ["Ann Lee", "2003-07-24", "option allocation", 1000, "", "15%", "percent", ""],
        ]),
      ),
    );
    expect(read.findings).toEqual([]);
    expect(read.records.map((r) => [r.kind, r.discount?.value.toNumber(), r.discount?.type])).toEqual([
      ["option allocation", 1.25, "dollars"],
      ["option allocation", 0.5, "dollars"],
      ["option allocation", 0.15, "fraction"],
    ]);
  });

  it("makes every unreadable or missing required cell an S02 finding on its cell and leaves the row out", () => {
    const read = readActivity(
      grid(
        "Activity",
        table(ACTIVITY_HEADER, [
          ["Ann Lee", "31/12/2003", "deferral", 100, "", "", "", ""], // row 2: B2
          ["Ann Lee", "2003-02-14", "deferral", "abc", "", "", "", ""], // row 3: D3
          ["Ann Lee", "2003-02-14", "deferral", -5, "", "", "", ""], // row 4: D4
          ["", "2003-02-14", "deferral", 100, "", "", "", ""], // row 5: A5
          ["Ann Lee", "2003-02-14", "loan", 100, "", "", "", ""], // row 6: C6
          ["Ann Lee", "2003-02-14", "deferral", 100, "ten", "", "", ""], // row 7: E7
          ["Ann Lee", "2003-07-24", "option allocation", 1000, "", "", "", ""], // row 8: F8
          ["Ann Lee", "2003-07-24", "option allocation", 1000, "", 0.15, "euros", ""], // row 9: G9
          ["Ann Lee", "2003-07-24", "option allocation", 1000, "", "$1.25", "percent", ""], // row 10: F10
          ["Ann Lee", "2003-02-14", "deferral", 100, "", "", "", ""], // row 11: fine
          ["Ann Lee", serial("1989-12-29"), "deferral", 100, "", "", "", ""], // row 12: B12
          ["", "2003-02-14", "deferral", "abc", "", "", "", ""], // row 13: A13 and D13, each said once
        ]),
      ),
    );
    expect(brief(read.findings)).toEqual([
      ["B2", "S02", "error", "Date"],
      ["D3", "S02", "error", "Amount"],
      ["D4", "S02", "error", "Amount"],
      ["A5", "S02", "error", "Participant"],
      ["C6", "S02", "error", "Kind"],
      ["E7", "S02", "error", "Match Rate"],
      ["F8", "S02", "error", "Discount"],
      ["G9", "S02", "error", "Discount Type"],
      ["F10", "S02", "error", "Discount"],
      ["B12", "S02", "error", "Date"],
      ["A13", "S02", "error", "Participant"],
      ["D13", "S02", "error", "Amount"],
    ]);
    expect(read.findings.map((f) => f.message)).toEqual([
      'Date holds "31/12/2003", not a date (a date cell or YYYY-MM-DD); the row is left out.',
      'Amount holds "abc", not a number; the row is left out.',
      "Amount -5 must be more than 0; the row is left out (§8.1(a),(c)).",
      "Participant is blank; every Activity row needs a participant's name. The row is left out.",
      'Kind "loan" is not one of "deferral", "investment deferral", "discretionary", "stock allocation", "option allocation"; the row is left out.',
      'Match Rate holds "ten", not a percent such as 50%; the row is left out.',
      "Discount is blank; an option allocation needs one within the bounds of §5.1. The row is left out.",
      'Discount Type "euros" is not "percent" or "dollars"; the row is left out.',
      'Discount is written in dollars but the Discount Type is "percent"; the row is left out.',
      "Date holds 32871, not a date from 1990 to 2099; the row is left out.",
      "Participant is blank; every Activity row needs a participant's name. The row is left out.",
      'Amount holds "abc", not a number; the row is left out.',
    ]);
    expect(read.records.map((r) => r.source.row)).toEqual([11]);
  });

  it("warns, without leaving rows out, of one participant spelled two ways and of values a kind does not use", () => {
    const read = readActivity(
      grid(
        "Activity",
        table(ACTIVITY_HEADER, [
          ["Ann Lee", "2003-02-14", "deferral", 100, "", "", "", ""],
          ["ann lee ", "2003-05-15", "discretionary", 100, 0.2, "", "", ""],
          ["ANN LEE", "2003-05-16", "stock allocation", 100, "", 0.15, "", ""],
          ["ann lee", "2003-05-17", "discretionary", 100, "", "", "", ""],
        ]),
      ),
    );
    expect(brief(read.findings)).toEqual([
      ["E3", "S06", "warning", "Match Rate"],
      ["F4", "S06", "warning", "Discount"],
      ["A3", "S07", "warning", "Participant"],
      ["A4", "S07", "warning", "Participant"],
    ]);
    expect(read.findings[2].message).toBe(
      '"ann lee" is counted as Ann Lee (row 2): participants match ignoring case and surrounding spaces. Spell them alike if they are one person.',
    );
    expect(read.records).toHaveLength(4);
    expect(read.records[1].matchRate).toBeUndefined();
  });

  it("reads the first of two columns with one header and says so on the other's header cell (T02), never silently", () => {
    const values = table(
      [...ACTIVITY_HEADER, "Amount"],
      ACTIVITY_ROWS.map((row) => [...row, 1]),
    );
    const read = readActivity(grid("Activity", values));
    expect(read.records).toHaveLength(ACTIVITY_ROWS.length);
    expect(read.records.every((r) => !r.amount.equals(1))).toBe(true);
    expect(brief(read.findings)).toEqual([["I1", "T02", "warning", "Amount"]]);
    expect(read.findings[0].message).toMatch(/^Columns D \("Amount"\) and I \("Amount"\) both name the Amount column; D is read and I is ignored/);
  });

  it("cannot be read without its required columns, and an empty sheet holds no rows", () => {
    expect(
      readActivity(
        grid("Activity", [
          ["Participant", "Date", "Amount"],
          ["Ann Lee", 37666, 100],
        ]),
      ).unusable,
    ).toBe('Activity has no "Kind" (or "Type") column in its header row (row 1).');
    expect(readActivity(grid("Activity", [["", ""], []]))).toEqual({ records: [], findings: [] });
  });
});

describe("Dividends and Splits", () => {
  it("reads dividends and refuses a per-share amount that is not above 0", () => {
    const read = readDividends(
      grid(
        "Dividends",
        table(
          ["record date", "Payment-Date", "PER SHARE"],
          [
            ["2003-06-13", "2003-06-27", 0.05],
            ["2003-09-12", "2003-09-26", 0],
          ],
        ),
      ),
    );
    expect(read.records.map((r) => [r.recordDate, r.paymentDate, r.perShare.toNumber()])).toEqual([["2003-06-13", "2003-06-27", 0.05]]);
    expect(brief(read.findings)).toEqual([["C3", "S02", "error", "PER SHARE"]]);
    expect(read.findings[0].section).toBe("8.1(d)");
  });

  it("reads splits and refuses zero shares", () => {
    const read = readSplits(
      grid(
        "Splits",
        table(
          ["Date", "New Shares", "Old Shares"],
          [
            ["2003-09-15", 2, 1],
            ["2004-01-02", 1, 0],
            ["2005-01-03", 1, 10],
          ],
        ),
      ),
    );
    expect(read.records.map((r) => [r.date, r.newShares.toNumber(), r.oldShares.toNumber()])).toEqual([
      ["2003-09-15", 2, 1],
      ["2005-01-03", 1, 10],
    ]);
    expect(brief(read.findings)).toEqual([["C3", "S02", "error", "Old Shares"]]);
  });
});
