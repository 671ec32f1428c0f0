/** The Validate elections page's texts and groups, without a browser: what a person reads after Validate. */
import { DEFAULT_ELECTION_SETTINGS } from "../../src/engine/validation";
import { ELECTIONS_TEMPLATE, PRICES_TEMPLATE } from "../../src/sheets/templates";
import { validateWorkflow } from "../../src/workflows/validate";
import {
  DEFAULT_PANE_SETTINGS,
  describeSource,
  findingsByRow,
  markRequests,
  marksCleared,
  marksWritten,
  pricesNote,
  readSettings,
  reportWritten,
  summaryTexts,
} from "../../src/taskpane/validateView";
import { templateGrid } from "../helpers/sheets";

const result = validateWorkflow({ elections: templateGrid(ELECTIONS_TEMPLATE), prices: templateGrid(PRICES_TEMPLATE) }, DEFAULT_ELECTION_SETTINGS);

describe("the settings", () => {
  it("default to the plan's effective date and a December 31 fiscal year end, as the CLI does", () => {
    expect(DEFAULT_PANE_SETTINGS).toEqual({ planEffectiveDate: "2002-07-18", fiscalYearEnd: "12-31", pricesSheet: "" });
    expect(readSettings(DEFAULT_PANE_SETTINGS)).toEqual({
      planEffectiveDate: DEFAULT_ELECTION_SETTINGS.planEffectiveDate,
      fiscalYearEnd: DEFAULT_ELECTION_SETTINGS.fiscalYearEnd,
    });
  });

  it("that do not read are undefined, so the page asks to fix them", () => {
    expect(readSettings({ planEffectiveDate: "18/07/2002", fiscalYearEnd: "02-30", pricesSheet: "" })).toEqual({
      planEffectiveDate: undefined,
      fiscalYearEnd: undefined,
    });
  });
});

describe("after Validate", () => {
  it("says where the elections come from", () => {
    expect(describeSource(undefined)).toBe("Looking for the election sheet…");
    expect(describeSource({ source: { kind: "table", table: "Elections", sheet: "HR" }, sheets: ["HR"] })).toBe('Source: the table "Elections" on sheet "HR".');
    expect(describeSource({ source: { kind: "sheet", sheet: "Sheet1" }, sheets: ["Sheet1"] })).toBe(
      'Source: the used range of the active sheet, "Sheet1" (no table named Elections).',
    );
  });

  it("counts the findings as the summary badges show them", () => {
    expect(summaryTexts(result)).toEqual({ errors: "10 errors", warnings: "3 warnings", checked: '13 rows checked on "Elections"' });
  });

  it("groups the findings by row, each a link to its cell titled by rule and column", () => {
    const groups = findingsByRow(result.findings);
    expect(groups.map((g) => g.heading)).toEqual(["Row 3", "Row 4", "Row 6", "Row 8", "Row 9", "Row 10", "Row 11", "Row 12", "Row 13", "Row 14"]);
    expect(groups[1].links.map((l) => `${l.title} · ${l.sheet}!${l.cell}`)).toEqual(["E02 · Election Date · Elections!C4", "E06 · Percent · Elections!E4"]);
    expect(groups.flatMap((g) => g.links.map((l) => l.key))).toEqual(result.findings.map((_, i) => String(i)));
  });

  it("notes when the prices sheet could not be used", () => {
    expect(pricesNote(result)).toBeUndefined();
    expect(pricesNote({ ...result, prices: { sheet: "Prices", unusable: "the prices sheet cannot be used: Prices row 3: close -1 must be positive" } })).toBe(
      "The prices sheet cannot be used: Prices row 3: close -1 must be positive. Option discounts (E11) are not checked.",
    );
  });
});

describe("report and marks", () => {
  it("marks each finding's cell with its rule, section and message", () => {
    expect(markRequests(result.findings)[1]).toEqual({
      sheet: "Elections",
      address: "C4",
      severity: "error",
      note: "E02 (§4.2(a),(b)): Filed 2003-12-31; salary deferrals for 2004 had to be filed by 2003-12-30 (§4.2(a)).",
    });
  });

  it("says what was written, and where the messages went without notes", () => {
    expect(reportWritten(13)).toBe('Wrote 13 findings to the sheet "DCP Validation".');
    expect(marksWritten({ marked: 13, notes: true })).toBe("Marked 13 cells. Clear marks puts their formatting back.");
    expect(marksWritten({ marked: 13, notes: false })).toBe(
      'Marked 13 cells. Their messages are on the sheet "DCP Validation". Clear marks puts their formatting back.',
    );
    expect(marksWritten({ marked: 0, notes: false })).toBe("Marked 0 cells. Clear marks puts their formatting back.");
    expect(marksCleared(1)).toBe("Restored the formatting of 1 cell.");
  });
});
