import { cicJson, cicWorkflow } from "../../src/workflows/changeInControl";
import type { SheetGrid } from "../../src/sheets/grid";

const grid = (sheet: string, values: unknown[][]): SheetGrid => ({ sheet, values, firstRow: 1, firstColumn: 0 });

const grids = {
  events: grid("CIC Events", [
    ["Date", "Type", "Pct Common", "Pct Voting", "Exemption", "Buyback", "Incumbent Directors", "Board Size"],
    ["2003-02-03", "acquisition", 0.22, 0.1, "", "Y", "", ""],
    ["2003-03-15", "board", "", "", "", "", 5, 10],
    ["2003-03-15", "acquisition", 0.25, 0.1, "", "N", "", ""],
    ["2003-04-01", "merger", "", "", "", "", "", ""],
    ["2003-04-02", "acquisition", 25, "", "", "", "", ""],
  ]),
  trust: grid("Trust", [
    ["Change in Control Date", "Trust Established", "Trust Assets"],
    ["", "Y", 1000],
  ]),
  holdings: grid("Holdings", [
    ["Participant", "Employer", "Account", "Quantity"],
    ["Ann Lee", "Hecla", "DCA", 1000.5],
    ["Ann Lee", "Hecla", "CSA", 200],
    ["Ann Lee", "Hecla", "IA", 1234.56],
    ["Ben Ortiz", "Silver", "CMSA", 333.333333],
    ["Cy Ng", "", "XYZ", 5],
  ]),
  prices: grid("Prices", [
    ["Date", "Close"],
    ["2003-03-13", 3.1],
    ["2003-03-14", 3.333],
  ]),
};

describe("dcp cic's workflow (PAYOUT.md §9)", () => {
  const result = cicWorkflow(grids);

  it("finds the first date a test is met, past a buyback, with both clauses met that day", () => {
    expect(result.changeInControl).toEqual({ date: "2003-03-15", clauses: ["§1.1(e)(i)", "§1.1(e)(ii)"] });
  });

  it("funds the shortfall by employer, worked in test/engine/trustFunding.test.ts", () => {
    const json = cicJson(result) as { funding: { shortfall: unknown; byEmployer: Record<string, { contribution: unknown }> } };
    expect(String(json.funding.shortfall)).toBe("5346.83");
    expect(String(json.funding.byEmployer.Silver.contribution)).toBe("935.95");
  });

  it("puts an unknown type, a percentage typed as 25 and an unknown account on their cells", () => {
    expect(result.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual(["CIC Events!B5 H02", "CIC Events!C6 H03", "Holdings!C6 H06"]);
  });

  it("warns and funds nothing without a Trust (H08)", () => {
    const none = cicWorkflow({ ...grids, trust: grid("Trust", [["Trust Established"], ["N"]]) });
    expect(none.funding?.shortfall.toString()).toBe("0");
    expect(none.findings.map((f) => f.rule)).toContain("H08");
  });

  it("asks for a blank figure the test turns on, and not for one it does not (§1.1(e)(i))", () => {
    const events = (rows: unknown[][]) => grid("CIC Events", [["Date", "Type", "Pct Common", "Pct Voting", "Exemption"], ...rows]);
    const undecided = cicWorkflow({ events: events([["2004-05-09", "acquisition", 0.1, "", ""]]) });
    expect(undecided.changeInControl).toBeUndefined();
    expect(undecided.findings).toEqual([
      expect.objectContaining({ cell: "D2", rule: "H04", message: expect.stringMatching(/^Pct Voting is blank; an acquisition row needs it/) }),
    ]);
    const decided = cicWorkflow({ events: events([["2004-05-09", "acquisition", 0.25, "", ""]]) });
    expect(decided.changeInControl?.date).toBe("2004-05-09");
    expect(decided.findings).toEqual([]);
    const exempt = cicWorkflow({ events: events([["2004-05-09", "acquisition", "", 0.3, "direct-approved"]]) });
    expect(exempt.findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(["C2 H04"]);
  });

  it("credits one participant's units to the Trust however the rows spell the name, and values the IA to the cent", () => {
    const holdings = grid("Holdings", [
      ["Participant", "Employer", "Account", "Quantity"],
      ["Ann", "B Co", "DCA", 1],
      ["ann ", "C Co", "DCA", 1],
      ["Zed", "C Co", "IA", 0.015],
    ]);
    const prices = grid("Prices", [
      ["Date", "Close"],
      ["2004-04-01", 1],
    ]);
    const events = grid("CIC Events", [
      ["Date", "Type"],
      ["2004-04-01", "liquidation"],
    ]);
    const trust = grid("Trust", [
      ["Trust Established", "Trust Assets"],
      ["Y", 0.5],
    ]);
    // Decimals, written as JSON numbers.
    const json = JSON.parse(JSON.stringify(cicJson(cicWorkflow({ events, trust, holdings, prices })))) as {
      funding: { aggregateValue: string; shortfall: string; unitsToTrust: Record<string, string>; byEmployer: Record<string, { accountValue: string }> };
    };
    expect(json.funding.unitsToTrust).toEqual({ Ann: "2" });
    expect(json.funding.aggregateValue).toBe("2.02");
    expect(json.funding.shortfall).toBe("1.52");
    expect(json.funding.byEmployer["C Co"].accountValue).toBe("1.02");
  });

  it("is unusable without a CIC Events sheet", () => {
    expect(cicWorkflow({}).unusable).toMatch(/CIC Events/);
  });
});
