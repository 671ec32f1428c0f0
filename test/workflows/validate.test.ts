/**
 * validateWorkflow: the election and prices grids and the settings in, every
 * finding on its own cell out, as the task pane and `dcp validate` present it.
 */
import { DEFAULT_ELECTION_SETTINGS } from "../../src/engine/validation";
import type { SheetGrid } from "../../src/sheets/grid";
import { ELECTIONS_TEMPLATE, PRICES_TEMPLATE } from "../../src/sheets/templates";
import { validateWorkflow } from "../../src/workflows/validate";
import { templateGrid } from "../helpers/sheets";

const elections = templateGrid(ELECTIONS_TEMPLATE);
const prices = templateGrid(PRICES_TEMPLATE);

describe("the template's election sheet against its prices", () => {
  const result = validateWorkflow({ elections, prices }, DEFAULT_ELECTION_SETTINGS);

  it("finds every rule the sample rows trip, by row, each finding on its own cell", () => {
    expect(result.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.column}`)).toEqual([
      "Elections!E3 E07 Percent",
      "Elections!C4 E02 Election Date",
      "Elections!E4 E06 Percent",
      "Elections!C6 E04 Election Date",
      "Elections!C8 E10 Election Date",
      "Elections!L8 E11 Discount",
      "Elections!C9 E09 Election Date",
      "Elections!O9 E14 Committee Approved",
      "Elections!M10 E12 Elected Distribution Date",
      "Elections!O11 E14 Committee Approved",
      "Elections!C12 E13 Election Date",
      "Elections!A13 E15 Participant",
      "Elections!C14 E16 Election Date",
    ]);
    expect(result.findings.every((f) => f.row === Number(f.cell.replace(/^[A-Z]+/, "")))).toBe(true);
  });

  it("counts the errors and warnings the summary shows", () => {
    expect(result).toMatchObject({ sheet: "Elections", rowsChecked: 13, counts: { error: 10, warning: 3 }, prices: { sheet: "Prices" } });
    expect(result.unusable).toBeUndefined();
  });
});

describe("the prices sheet", () => {
  it("without one, discounts are only warned about (E11), never failed", () => {
    const e11 = validateWorkflow({ elections }, DEFAULT_ELECTION_SETTINGS).findings.find((f) => f.rule === "E11");
    expect(e11).toMatchObject({
      severity: "warning",
      cell: "L8",
      message: expect.stringMatching(/^Discount not checked against §5\.1: there is no Prices table/),
    });
  });

  it("that cannot be used is named with why, and the elections are still checked without it", () => {
    const broken: SheetGrid = { ...prices, values: prices.values.map((row, r) => (r === 3 ? [row[0], "#N/A"] : row)) };
    const result = validateWorkflow({ elections, prices: broken }, DEFAULT_ELECTION_SETTINGS);
    expect(result.prices).toEqual({
      sheet: "Prices",
      unusable: "the prices sheet cannot be used: Prices!B4 holds the error #N/A; correct the formula or value behind it",
    });
    expect(result.findings.find((f) => f.rule === "E11")?.severity).toBe("warning");
    expect(result.rowsChecked).toBe(13);
  });

  it("has the values outside its table reported on its own cells, after the election sheet's findings", () => {
    const stray: SheetGrid = { ...prices, outside: [{ row: 5_000, column: 25, value: 4.5 }] };
    const { findings } = validateWorkflow({ elections, prices: stray }, DEFAULT_ELECTION_SETTINGS);
    expect(findings.at(-1)).toMatchObject({ sheet: "Prices", cell: "Z5000", rule: "T01", severity: "warning" });
    expect(findings.slice(0, -1).every((f) => f.sheet === "Elections")).toBe(true);
  });
});

describe("a sheet that cannot be checked", () => {
  it("says why, with the missing columns as findings on the header row", () => {
    const result = validateWorkflow(
      {
        elections: {
          sheet: "Broken",
          firstRow: 1,
          firstColumn: 0,
          values: [
            ["Participant", "Type", "When"],
            ["Ann Lee", "IV-SAL", 37_985],
          ],
        },
      },
      DEFAULT_ELECTION_SETTINGS,
    );
    expect(result.unusable).toBe('Broken has no "Election Date" column in its header row (row 1).');
    expect(result.findings.map((f) => `${f.cell} ${f.rule} ${f.column}`)).toEqual(["A1 E01 Election Date"]);
    expect(result.counts).toEqual({ error: 1, warning: 0 });
  });
});
