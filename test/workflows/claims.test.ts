import ICAL from "ical.js";
import { claimsJson, claimsWorkflow } from "../../src/workflows/claims";
import { docketCalendar, foldLine } from "../../src/workflows/icalendar";
import type { SheetGrid } from "../../src/sheets/grid";

const grid: SheetGrid = {
  sheet: "Claims",
  firstRow: 1,
  firstColumn: 0,
  values: [
    ["Claimant", "Filed", "Knew", "Disability", "Extension 1 Notice", "Denial Received", "Review Requested", "Review Decision"],
    ["Ann Lee", "2003-03-01", "2003-01-15", "Y", "2003-04-15", "2003-05-20", "2003-07-20", ""],
    ["Ben Ortiz, Jr.", "2003-06-01", "2002-05-01", "N", "", "", "", ""],
    ["Cy Ng", "2003-06-01", "2003-01-01", "", "", "2003-05-01", "", ""],
    ["Dee", "not a date", "2003-01-01", "", "", "", "", ""],
  ],
};

describe("the claims docket of a Claims sheet (PAYOUT.md §8)", () => {
  const result = claimsWorkflow({ claims: grid }, "2003-07-01");

  it("sorts the claims by their next open deadline; a row it cannot read is still on the docket, as its error", () => {
    expect(result.claims.map((c) => [c.claimant, c.next?.date])).toEqual([
      ["Ben Ortiz, Jr.", "2003-08-30"],
      ["Ann Lee", "2003-09-03"],
      ["Cy Ng", undefined],
      ["Dee", undefined],
    ]);
    expect(claimsJson(result)).toHaveProperty("claims.3", { claimant: "Dee", error: expect.stringMatching(/^Filed holds "not a date", not a date/) });
  });

  it("puts each finding on its cell: a late review, a late decision, a late claim, dates out of order, an unreadable cell", () => {
    expect(result.findings.map((f) => `${f.cell} ${f.rule}`).sort()).toEqual(["B3 C02", "B5 C01", "F2 C04", "F2 C07", "F4 C09", "G2 C03"]);
  });

  it("gives an uncomputable claim as its error in JSON, and nulls for steps not reached", () => {
    const json = claimsJson(result) as { claims: Array<Record<string, unknown>> };
    expect(json.claims[2]).toEqual({ claimant: "Cy Ng", error: "denialReceived 2003-05-01 is before filed 2003-06-01 (§12.3(a))" });
    expect(json.claims[0]).toMatchObject({
      claimant: "Ben Ortiz, Jr.",
      claimTimely: false,
      decisionDue: "2003-08-30",
      reviewRequestDeadline: null,
      suitWindowOpen: null,
    });
  });
});

describe("the iCalendar export (RFC 5545)", () => {
  const result = claimsWorkflow({ claims: grid }, "2003-07-01");
  const text = docketCalendar(result);

  it("parses, with one all-day event a deadline open on the as-of day", () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events.map((e) => [e.summary, e.startDate.toString(), e.startDate.isDate])).toEqual([
      ["Decision on the claim due: Ben Ortiz, Jr.", "2003-08-30", true],
      ["Decision on review due: Ann Lee", "2003-09-03", true],
      ["Last day to commence legal action: Ann Lee", "2004-03-03", true],
    ]);
    expect(new Set(events.map((e) => e.uid)).size).toBe(3);
  });

  it("ends every line in CRLF, no line over 75 octets, and stamps the as-of day", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "").includes("\n")).toBe(false);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(text).toContain("DTSTAMP:20030701T000000Z");
    expect(docketCalendar(result)).toBe(text);
  });

  it("folds without splitting a character, continuing with a space", () => {
    const folded = foldLine(`SUMMARY:${"§".repeat(60)}`);
    const [first, second] = folded.split("\r\n");
    expect(Buffer.byteLength(first, "utf8")).toBeLessThanOrEqual(75);
    expect(second.startsWith(" ")).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(`SUMMARY:${"§".repeat(60)}`);
  });
});
