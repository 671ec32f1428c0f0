import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { DEFAULT_ELECTION_SETTINGS } from "../../src/engine/validation";
import { validateElectionSheet } from "../../src/sheets/elections";
import { ELECTIONS_TEMPLATE } from "../../src/sheets/templates";
import { addTemplateSheet, openWorkbook, sheetGrid } from "../../src/workbook/xlsx";
import { dcp, ROOT } from "../helpers/cli";

const EXAMPLE = path.join(ROOT, "examples/elections.xlsx");
const EXPECTED = [
  "3 E07 Percent",
  "4 E02 Election Date",
  "4 E06 Percent",
  "6 E04 Election Date",
  "8 E10 Election Date",
  "8 E11 Discount",
  "9 E09 Election Date",
  "9 E14 Committee Approved",
  "10 E12 Elected Distribution Date",
  "11 E14 Committee Approved",
  "12 E13 Election Date",
  "13 E15 Participant",
  "14 E16 Election Date",
];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dcp-validate-"));

async function workbookWith(file: string, build: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const out = path.join(tmp, file);
  await workbook.xlsx.writeFile(out);
  return out;
}

describe("dcp validate on the example workbook", () => {
  it("prints the expected findings as JSON, with worksheet rows and rule ids, and exits 1", () => {
    const { code, stdout, stderr } = dcp("validate", "examples/elections.xlsx", "--json");
    expect(stderr).toBe("");
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.sheet).toBe("Elections");
    expect(report.findings.map((f: { row: number; rule: string; column: string }) => `${f.row} ${f.rule} ${f.column}`)).toEqual(EXPECTED);
    expect(Object.keys(report.findings[0])).toEqual(["row", "column", "rule", "section", "severity", "message"]);
    expect(report.findings.find((f: { rule: string }) => f.rule === "E11").message).toBe(
      "Discount 5% is below the 10% minimum for a price at or below $10.00: the close on 2003-08-01, the determination date, was $4.50 (§5.1).",
    );
  });

  it("finds exactly what the engine finds over the same file", async () => {
    const workbook = await openWorkbook(EXAMPLE);
    const { pricesFromCells } = await import("../../src/cells/ranges");
    const prices = pricesFromCells(sheetGrid(workbook.getWorksheet("Prices")!).values);
    const result = validateElectionSheet(sheetGrid(workbook.getWorksheet("Elections")!), { ...DEFAULT_ELECTION_SETTINGS, prices });
    const json = JSON.parse(dcp("validate", EXAMPLE, "--json").stdout);
    expect(json.findings).toEqual(result.findings.map(({ sheet: _sheet, cell: _cell, ...finding }) => finding));
  });

  it("prints an aligned table with a summary by default", () => {
    const { code, stdout } = dcp("validate", EXAMPLE);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Sheet "Elections": 13 elections checked, 10 errors, 3 warnings\./);
    expect(stdout).toMatch(
      /\n4 {4}C4 {4}Election Date {14}E02 {3}4\.2\(a\),\(b\) {10}error {5}Filed 2003-12-31; salary deferrals for 2004 had to be filed by 2003-12-30 \(§4\.2\(a\)\)\./,
    );
  });

  it("writes a report workbook with a DCP Validation table linking each cell", async () => {
    const out = path.join(tmp, "report.xlsx");
    expect(dcp("validate", EXAMPLE, "--out", out).code).toBe(1);
    const report = await openWorkbook(out);
    // How a later run knows the file as its own report, and may replace it without --force.
    expect(report.keywords).toBe("dcp-validation-report");
    const sheet = report.getWorksheet("DCP Validation")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Row", "Cell", "Column", "Rule", "Section", "Severity", "Message"]);
    expect(sheet.rowCount).toBe(EXPECTED.length + 1);
    expect(sheet.getCell("B3").value).toMatchObject({ text: "C4", hyperlink: expect.stringMatching(/elections\.xlsx#'Elections'!C4$/) });
  });
});

describe("dcp validate: clean sheets and unusable input", () => {
  it("exits 0 on a clean sheet", async () => {
    const file = await workbookWith("clean.xlsx", (wb) => addTemplateSheet(wb, { ...ELECTIONS_TEMPLATE, rows: ELECTIONS_TEMPLATE.rows.slice(0, 1) }));
    const { code, stdout } = dcp("validate", file);
    expect(code).toBe(0);
    expect(stdout).toMatch(/1 election checked, 0 errors, 0 warnings/);
  });

  it.each([
    ["a missing file", ["validate", "nowhere.xlsx"], /^dcp: cannot read nowhere\.xlsx: no such file\n$/],
    ["a file that is not .xlsx", ["validate", "README.md"], /^dcp: README\.md is not an \.xlsx workbook/],
    [
      "a sheet that does not exist",
      ["validate", "examples/elections.xlsx", "--sheet", "Nope"],
      /^dcp: there is no sheet "Nope"; the workbook has "Elections", "Prices"\n$/,
    ],
    [
      "a --prices sheet that does not exist",
      ["validate", "examples/elections.xlsx", "--prices", "Nope"],
      /^dcp: there is no sheet "Nope"; the workbook has "Elections", "Prices"\n$/,
    ],
    [
      "a sheet without the required columns",
      ["validate", "examples/elections.xlsx", "--sheet", "Prices"],
      /^dcp: Prices has no "Participant", "Election Type", "Election Date" column in its header row \(row 1\)\.\n$/,
    ],
    ["an unknown option", ["validate", "examples/elections.xlsx", "--colour"], /^dcp: Unknown option '--colour'/],
    ["no command", [], /^dcp: no command given/],
  ])("exits 2 with one clear line for %s", (_what, args, message) => {
    const { code, stderr, stdout } = dcp(...args);
    expect(code).toBe(2);
    expect(stderr + stdout).toMatch(message);
  });

  it("exits 2 for a corrupt .xlsx", () => {
    const file = path.join(tmp, "corrupt.xlsx");
    fs.writeFileSync(file, "PK\u0003\u0004 not really a zip");
    const { code, stderr } = dcp("validate", file);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("reports text in date columns and an empty table as findings, not a crash", async () => {
    const file = await workbookWith("broken.xlsx", (wb) => {
      const sheet = wb.addWorksheet("Elections");
      sheet.addRow(["Participant", "Election Type", "Election Date", "Plan Year", "Percent"]);
      sheet.addRow(["Ann", "IV-SAL", "soon", 2004, 0.1]);
    });
    const { code, stdout } = dcp("validate", file, "--json");
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(["E16"]);
    const empty = await workbookWith("empty.xlsx", (wb) => wb.addWorksheet("Elections").addRow(["Participant", "Election Type", "Election Date"]));
    expect(dcp("validate", empty).code).toBe(0);
  });
});

describe("dcp validate: merged cells", () => {
  it("reads a sheet whose merged title sits above the header", async () => {
    const file = await workbookWith("merged.xlsx", (wb) => {
      const sheet = wb.addWorksheet("Elections");
      sheet.addRow(["Elections for 2004"]);
      sheet.mergeCells("A1:E1");
      sheet.addRow(["Participant", "Election Type", "Election Date", "Plan Year", "Percent"]);
      sheet.addRow(["Ann", "IV-SAL", "2003-12-31", 2004, 0.1]);
    });
    const { code, stdout } = dcp("validate", file, "--json");
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings.map((f: { row: number; rule: string }) => `${f.row} ${f.rule}`)).toEqual(["3 E02"]);
  });

  it("gives one clear line when a merged header hides the required columns", async () => {
    const file = await workbookWith("merged-header.xlsx", (wb) => {
      const sheet = wb.addWorksheet("Elections");
      sheet.addRow(["Participant and election", "", "Election Date"]);
      sheet.mergeCells("A1:B1");
      sheet.addRow(["Ann", "IV-SAL", "2003-12-31"]);
    });
    const { code, stderr } = dcp("validate", file);
    expect(code).toBe(2);
    expect(stderr).toBe('dcp: Elections has no "Participant", "Election Type" column in its header row (row 1).\n');
  });
});
