/** The Share reserve page's summary, problems and sheet choice, without a browser. */
import { CREDITS_TEMPLATE, LEDGER_TEMPLATE, PRICES_TEMPLATE } from "../../src/sheets/templates";
import { chooseSheets, recordsSummary, reserveProblems, reserveSummary, sheetsToRead } from "../../src/taskpane/reserveView";
import { reconcileWorkflow } from "../../src/workflows/reconcile";
import { workedGrids } from "../helpers/records";
import { templateGrid } from "../helpers/sheets";

const ledger = reconcileWorkflow({ ledger: templateGrid(LEDGER_TEMPLATE) });

describe("the summary", () => {
  it("of a reserve used up: the figures, the share used to two places, the day it ran out and what then stops", () => {
    expect(reserveSummary(ledger)).toEqual({
      heading: "Reserve as of 2004-05-07",
      lines: [
        { term: "Reserve", value: "12,000,000" },
        { term: "Used", value: "12,400,000 (103.33%)" },
        { term: "Remaining", value: "-400,000" },
        { term: "Used up on", value: "2004-03-31" },
      ],
      note: "From that date §15.2 stops all deferrals and §5.4(c) all option grants.",
    });
  });

  it("of a reserve in use: when it would run out at the last four quarters' pace", () => {
    const summary = reserveSummary(reconcileWorkflow({ credits: templateGrid(CREDITS_TEMPLATE), prices: templateGrid(PRICES_TEMPLATE) }));
    expect(summary.lines[3].term).toBe("Projected");
    expect(summary.note).toMatch(/^At the pace of 2002-10-01 to 2003-09-30 \([\d,.]+ shares a day\)\.$/);
  });

  it("of the plan records, when they were read", () => {
    expect(recordsSummary(ledger)).toBeUndefined();
    expect(recordsSummary(reconcileWorkflow(workedGrids(), { asOf: "2003-12-31" }))).toEqual({
      heading: "Plan records through 2003-12-31 (§13.3)",
      lines: [
        { term: "DCA", value: "15,821.84 units" },
        { term: "CMSA", value: "1,954.63 units" },
        { term: "CSA", value: "2,089.83 units" },
        { term: "IA", value: "$2,129.75" },
        { term: "Options", value: "13,332 shares" },
        { term: "Value", value: "$19,702.46" },
      ],
    });
  });
});

describe("the problems", () => {
  it("group the rows beyond the reserve and the divergences, each a link to its row's date cell", () => {
    const groups = reserveProblems(ledger);
    expect(groups.map((g) => g.heading)).toEqual(["Beyond the reserve (2)", "Reported remaining differs (1; first on 2003-12-31)"]);
    expect(groups[0].links.map((l) => `${l.title} · ${l.sheet}!${l.cell}`)).toEqual(["Row 8 · units · Ledger!A8", "Row 9 · option · Ledger!A9"]);
    expect(groups[1].links[0]).toMatchObject({ severity: "warning", message: "Reported 700,000, computed 600,000: a difference of 100,000 shares." });
  });

  it("list the rows left out on their own cells", () => {
    const groups = reserveProblems(reconcileWorkflow(workedGrids(), { asOf: "2003-12-31" }));
    expect(groups.map((g) => g.heading)).toEqual(["Rows left out (1)"]);
    expect(groups[0].links[0]).toMatchObject({ sheet: "Activity", cell: "D8", title: "Row 8 · Amount", severity: "error" });
  });
});

describe("which sheets are read", () => {
  it("keeps a chosen sheet the workbook still has, else takes the one named for the role", () => {
    const sheets = ["Ledger", "credits", "Prices", "Mine"];
    expect(chooseSheets(sheets, { ledger: "Mine", credits: "", prices: "Gone", activity: "" })).toEqual({
      ledger: "Mine",
      credits: "credits",
      prices: "Prices",
      activity: "",
    });
  });

  it("reads prices only for credits or records, and the records' companion sheets only beside them", () => {
    const sheets = ["Ledger", "Prices", "Activity", "Dividends", "Splits"];
    expect(sheetsToRead(sheets, { ledger: "Ledger", credits: "", prices: "Prices", activity: "" })).toEqual({
      ledger: "Ledger",
      credits: "",
      prices: "",
      activity: "",
      dividends: "",
      splits: "",
      primeRates: "",
    });
    expect(sheetsToRead(sheets, { ledger: "", credits: "", prices: "Prices", activity: "Activity" })).toEqual({
      ledger: "",
      credits: "",
      prices: "Prices",
      activity: "Activity",
      dividends: "Dividends",
      splits: "Splits",
      primeRates: "",
    });
  });
});
