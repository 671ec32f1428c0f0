/**
 * What the Deadlines page shows of the claims docket and the Change in
 * Control (PAYOUT.md §8, §9). The fixtures are the page's template
 * (src/sheets/claimsTemplates.ts), its dates and figures worked by hand here.
 */
import { cellValues, type SheetTemplate } from "../../src/sheets/templates";
import {
  CIC_EVENTS_TEMPLATE,
  CIC_HOLDINGS_TEMPLATE,
  CIC_PRICES_TEMPLATE,
  CLAIMS_TEMPLATE,
  CLAIMS_TEMPLATE_AS_OF,
  TRUST_TEMPLATE,
} from "../../src/sheets/claimsTemplates";
import type { SheetGrid } from "../../src/sheets/grid";
import { localDate } from "../../src/engine/dates";
import { calendarFileName, cicView, docketView, openDeadlineCount, readAsOf } from "../../src/taskpane/deadlinesView";
import { cicWorkflow } from "../../src/workflows/changeInControl";
import { claimsWorkflow } from "../../src/workflows/claims";

const gridOf = (t: SheetTemplate): SheetGrid => ({ sheet: t.sheet, firstRow: 1, firstColumn: 0, values: [t.columns.map((c) => c.header), ...cellValues(t)] });

describe("the as-of day", () => {
  it("is today when blank, the day typed when it reads, and says what is wrong otherwise", () => {
    expect(readAsOf("", "2026-12-05")).toEqual({ date: "2026-12-05" });
    expect(readAsOf(" 2003-08-15 ", "2026-12-05")).toEqual({ date: "2003-08-15" });
    expect(readAsOf("2003-02-30", "2026-12-05")).toEqual({
      problem: 'The as-of day "2003-02-30" is not a date: enter it as YYYY-MM-DD, or leave it blank for today.',
    });
  });

  it("today is the user's calendar day, not UTC's", () => {
    expect(localDate(new Date(2003, 7, 15, 23, 59))).toBe("2003-08-15");
    expect(localDate(new Date(2004, 1, 29, 0, 0))).toBe("2004-02-29");
  });
});

describe("the claims docket of the template as of 2003-08-15 (§12.3)", () => {
  const result = claimsWorkflow({ claims: gridOf(CLAIMS_TEMPLATE) }, CLAIMS_TEMPLATE_AS_OF);
  const view = docketView(result);

  it("sorts the claims by next open deadline, the one with none last", () => {
    // Ben Ortiz: filed 2003-06-01, no Disability: decision due + 90 days = 2003-08-30 (§12.3(a)(ii)).
    // Ann Lee: review requested 2003-07-20, a Disability claim: decision on review due + 45 = 2003-09-03 (§12.3(d)).
    expect(view.claims.map((c) => [c.heading, c.next])).toEqual([
      ["Ben Ortiz, Claims row 3", "Next: Decision on the claim due, 2003-08-30"],
      ["Ann Lee, Claims row 2", "Next: Decision on review due, 2003-09-03"],
      ["Cy Ng, Claims row 4", "No deadline open."],
    ]);
  });

  it("marks each deadline met, open, passed or within 30 days of the as-of day", () => {
    const ann = view.claims[1].deadlines.map((d) => [d.label, d.section, d.date, d.status]);
    // Knew 2003-01-15 + 1 year; filed 2003-03-01 + 45 = 2003-04-15, extended by the notice of that day to + 75 = 2003-05-15;
    // denial 2003-05-20 + 60 = 2003-07-19; exhausted 2003-09-04, so suit before the earlier of 2005-07-15 and 2004-03-04.
    expect(ann).toEqual([
      ["File the claim", "§12.3(f)", "2004-01-15", "met"],
      ["Decision on the claim due", "§12.3(a)(ii), (d)", "2003-05-15", "met"],
      ["Request for review due", "§12.3(b)", "2003-07-19", "met"],
      ["Decision on review due", "§12.3(c), (d)", "2003-09-03", "within 30 days"],
      ["Last day to commence legal action", "§12.3(g), (h)", "2004-03-03", "open"],
    ]);
    // Cy Ng: denied 2003-03-20, never asked for review: the 60 days ran out on 2003-05-19.
    expect(view.claims[2].deadlines.map((d) => [d.date, d.tone])).toEqual([
      ["2004-01-02", "met"],
      ["2003-04-10", "met"],
      ["2003-05-19", "passed"],
    ]);
    expect(view.summary).toBe("3 claims as of 2003-08-15. Open deadlines: 2 within 30 days, 1 later; 1 passed without the step.");
  });

  it("a day after Ben Ortiz's decision was due, shows it passed and puts him among the claims with nothing open", () => {
    const later = claimsWorkflow({ claims: gridOf(CLAIMS_TEMPLATE) }, "2003-08-31");
    const view = docketView(later);
    expect(view.claims.map((c) => c.heading)).toEqual(["Ann Lee, Claims row 2", "Ben Ortiz, Claims row 3", "Cy Ng, Claims row 4"]);
    expect(view.claims[1].deadlines.map((d) => d.status)).toEqual(["met", "passed"]);
    expect(later.findings.filter((f) => f.row === 3).map((f) => `${f.cell} ${f.rule}`)).toEqual(["B3 C02", "H3 C04"]);
  });

  it("counts the calendar's events: one a deadline still open, and names its file by the day", () => {
    expect(openDeadlineCount(result)).toBe(3);
    expect(calendarFileName("2003-08-15")).toBe("dcp-claims-2003-08-15.ics");
  });

  it("says why a claim is not computed", () => {
    const grid = gridOf(CLAIMS_TEMPLATE);
    grid.values[1][7] = "2003-02-01"; // Ann Lee's denial before her filing
    const claim = docketView(claimsWorkflow({ claims: grid }, CLAIMS_TEMPLATE_AS_OF)).claims.find((c) => c.heading.startsWith("Ann Lee"));
    expect(claim).toMatchObject({ next: "Not computed.", error: "denialReceived 2003-02-01 is before filed 2003-03-01 (§12.3(a))", deadlines: [] });
  });
});

describe("the Change in Control tester of the template (§1.1(e), §13.4(b), §8.1(f))", () => {
  const grids = {
    events: gridOf(CIC_EVENTS_TEMPLATE),
    trust: gridOf(TRUST_TEMPLATE),
    holdings: gridOf(CIC_HOLDINGS_TEMPLATE),
    prices: gridOf(CIC_PRICES_TEMPLATE),
  };

  it("gives each event its clause, whether it is met and why, and the first day", () => {
    const view = cicView(cicWorkflow(grids), true);
    expect(view.tests.map((t) => [t.row, t.event, t.clause, t.met])).toEqual([
      ["CIC Events row 2", "2003-02-03 acquisition", "§1.1(e)(i)", false],
      ["CIC Events row 3", "2003-03-15 board", "§1.1(e)(ii)", true],
      ["CIC Events row 4", "2003-03-15 acquisition", "§1.1(e)(i)", true],
    ]);
    expect(view.tests[0].reason).toBe(
      "22% of the common stock and 10% of the voting power, reached only through the Company's buyback (§1.1(e) proviso, P-R23)",
    );
    expect(view.tests[1].reason).toBe("5 Incumbent Directors of 10: no longer a majority (half is not more than half)");
    expect(view.outcome).toBe("Change in Control on 2003-03-15, the first day a test is met: §1.1(e)(i), §1.1(e)(ii).");
  });

  it("values the Accounts at the last close, and splits the shortfall by largest remainder", () => {
    // Saturday 2003-03-15: Friday's close, $4.00. Ann Lee 100 + 20.5 units = $482.00 and IA $500.00; Ben Ortiz 50.25 units = $201.00.
    // $1,183.00 − $1,000.00 = $183.00: Company 18,300¢ × 982/1,183 = 15,190.70¢, Hecla Ventures 3,109.30¢; the odd cent to the Company.
    const funding = cicView(cicWorkflow(grids), true).funding;
    expect(funding?.lines).toEqual([
      { term: "Valued at", value: "$4.00, the close on 2003-03-14" },
      { term: "Accounts' value", value: "$1,183.00" },
      { term: "Trust assets", value: "$1,000.00" },
      { term: "Shortfall", value: "$183.00" },
      { term: "Fund by", value: "2003-04-14, 30 days after the Change in Control" },
    ]);
    expect(funding?.employers).toEqual([
      { employer: "Company", accountValue: "$982.00", contribution: "$151.91" },
      { employer: "Hecla Ventures", accountValue: "$201.00", contribution: "$31.09" },
    ]);
    expect(funding?.unitsToTrust).toEqual([
      { participant: "Ann Lee", units: "120.500000" },
      { participant: "Ben Ortiz", units: "50.250000" },
    ]);
  });

  it("says nothing is funded without a Trust, and asks for Holdings and Prices when they are not chosen", () => {
    const trust = gridOf(TRUST_TEMPLATE);
    trust.values[1][1] = "N";
    const none = cicView(cicWorkflow({ ...grids, trust }), true).funding;
    expect(none?.lines.slice(3)).toEqual([
      { term: "Shortfall", value: "$0.00" },
      { term: "Fund by", value: "No Trust established: nothing to fund (§13.4(a))" },
    ]);
    expect(none?.unitsToTrust).toEqual([]);
    const unchosen = cicView(cicWorkflow({ events: grids.events }), false);
    expect(unchosen.funding).toBeUndefined();
    expect(unchosen.fundingNote).toMatch(/^Choose the Holdings and Prices sheets/);
  });

  it("has no date and no note when no event meets a test", () => {
    const events = gridOf({ ...CIC_EVENTS_TEMPLATE, rows: CIC_EVENTS_TEMPLATE.rows.slice(0, 1) });
    const view = cicView(cicWorkflow({ events }), false);
    expect(view.outcome).toBe("No Change in Control: no event meets a §1.1(e) test.");
    expect(view.fundingNote).toBeUndefined();
  });
});
