/**
 * The report sheets, described once (workflows/reports.ts) and written by
 * both adapters: here the description and the ExcelJS writer (the Office.js
 * writer is test/workbook/excel.test.ts).
 */
import ExcelJS from "exceljs";
import type { CellFinding } from "../../src/sheets/findings";
import { LEDGER_TEMPLATE } from "../../src/sheets/templates";
import { addReportSheet } from "../../src/workbook/xlsx";
import { reconcileWorkflow } from "../../src/workflows/reconcile";
import { DEFAULT_ELECTION_SETTINGS } from "../../src/engine/validation";
import { validateElectionSheet } from "../../src/sheets/elections";
import { CELL_CHARACTERS, reserveReport, validationReport } from "../../src/workflows/reports";
import { electionGrid, templateGrid } from "../helpers/sheets";

const finding = (sheet: string, cell: string, row: number): CellFinding => ({
  sheet,
  cell,
  row,
  column: "Election Date",
  rule: "E02",
  section: "4.2(a),(b)",
  severity: "error",
  message: "Filed late.",
});

describe("DCP Validation", () => {
  const report = validationReport({ sheet: "Elections", findings: [finding("Elections", "C4", 4), finding("Prices", "Z900", 900)] });

  it("has the columns both surfaces write, one width each", () => {
    expect(report).toMatchObject({ sheet: "DCP Validation", table: "DCPValidation" });
    expect(report.columns.map((c) => `${c.header} ${c.width}`)).toEqual(["Row 6", "Cell 8", "Column 24", "Rule 6", "Section 18", "Severity 9", "Message 90"]);
  });

  it("links each finding to its cell, named from the election sheet: bare there, with its sheet elsewhere", () => {
    expect(report.rows).toEqual([
      [4, { link: { sheet: "Elections", cell: "C4" }, text: "C4" }, "Election Date", "E02", "4.2(a),(b)", "error", "Filed late."],
      [900, { link: { sheet: "Prices", cell: "Z900" }, text: "'Prices'!Z900" }, "Election Date", "E02", "4.2(a),(b)", "error", "Filed late."],
    ]);
  });
});

describe("DCP Reserve", () => {
  const report = reserveReport(reconcileWorkflow({ ledger: templateGrid(LEDGER_TEMPLATE) }));

  it("is the running ledger: a date, the totals after the row, the row as entered and the cell it came from", () => {
    expect(report.columns.map((c) => c.header)).toEqual([
      "Date",
      "Remaining",
      "Used",
      "Reserve",
      "Kind",
      "Quantity",
      "Participant",
      "Reference",
      "Source",
      "Reported Remaining",
    ]);
    expect(report.rows[0].slice(0, 6)).toEqual([{ date: "2002-09-30" }, 4_800_000, 1_200_000, 6_000_000, "units", 1_200_000]);
    expect(report.rows[0][8]).toBe("Ledger!A2");
    expect(report.rows[7].slice(0, 4)).toEqual([{ date: "2004-05-07" }, -400_000, 12_400_000, 12_000_000]);
  });

  it("formats dates as dates and share counts to six places, and asks for a chart of shares remaining", () => {
    expect(report.columns.map((c) => c.format ?? "General")).toEqual([
      "yyyy-mm-dd",
      "#,##0.######",
      "#,##0.######",
      "#,##0.######",
      "General",
      "#,##0.######",
      "General",
      "General",
      "General",
      "#,##0.######",
    ]);
    expect(report.chart).toEqual({ title: "Shares remaining in the §13.8 reserve" });
  });
});

describe("the ExcelJS writer", () => {
  it("writes the table, a hyperlink into the source file for each link, a serial under a date format, the widths", () => {
    const workbook = new ExcelJS.Workbook();
    addReportSheet(workbook, validationReport({ sheet: "Elections", findings: [finding("Elections", "C4", 4)] }), "../in/elections.xlsx");
    const validation = workbook.getWorksheet("DCP Validation");
    expect(validation?.getCell("B2").value).toEqual({ text: "C4", hyperlink: "../in/elections.xlsx#'Elections'!C4" });
    expect(validation?.getColumn(7).width).toBe(90);

    addReportSheet(workbook, reserveReport(reconcileWorkflow({ ledger: templateGrid(LEDGER_TEMPLATE) })), "ledger.xlsx");
    const reserve = workbook.getWorksheet("DCP Reserve");
    expect([reserve?.getCell("A2").value, reserve?.getCell("A2").numFmt]).toEqual([37_529, "yyyy-mm-dd"]);
    expect([reserve?.getCell("J2").value, reserve?.getCell("J8").value]).toEqual([4_800_000, null]);
    expect(reserve?.getCell("I2").value).toBe("Ledger!A2");
  });

  it("links a cell on a sheet named with an apostrophe, quotes and a #, the apostrophe doubled as Excel needs", () => {
    const workbook = new ExcelJS.Workbook();
    addReportSheet(workbook, validationReport({ sheet: "Elections", findings: [finding(`It's "odd" #1`, "C2", 2)] }), "in.xlsx");
    expect(workbook.getWorksheet("DCP Validation")?.getCell("B2").value).toEqual({ text: `'It''s "odd" #1'!C2`, hyperlink: `in.xlsx#'It''s "odd" #1'!C2` });
  });
});

describe("Excel's 32,767-character cell limit", () => {
  it("cuts text past it with a visible marker, in every text cell of a report, so Excel can open the file", () => {
    const long = { ...finding("Elections", "C4", 4), column: "x".repeat(40_000), message: "y".repeat(32_767) };
    const [row] = validationReport({ sheet: "Elections", findings: [long] }).rows;
    expect(row[2]).toHaveLength(CELL_CHARACTERS);
    expect(row[2]).toMatch(/^x+ … \(cut: an Excel cell holds at most 32,767 characters\)$/);
    expect(row[6]).toBe("y".repeat(32_767));
  });

  it("quotes a 40,000-character participant name shortened in an E07 message (§5.3(a))", () => {
    const name = `${"A".repeat(39_990)}0123456789`;
    const row = (percent: number, type: string) => ({
      Participant: name,
      "Election Type": type,
      "Election Date": "2003-12-01",
      "Plan Year": 2004,
      Percent: percent,
      "Committee Approved": "Y",
    });
    const result = validateElectionSheet(electionGrid([row(0.6, "IV-SAL"), row(0.5, "V-SAL")]), DEFAULT_ELECTION_SETTINGS);
    const message = result.findings.find((f) => f.rule === "E07")?.message ?? "";
    expect(message).toBe(
      `"${"A".repeat(20)}…0123456789" (40,000 characters)'s salary deferrals for 2004 add up to 110% (rows 2, 3); Art. IV and Art. V together may not exceed 100% (§5.3(a)).`,
    );
    for (const cell of validationReport({ sheet: "Elections", findings: result.findings }).rows.flat()) {
      expect(typeof cell === "string" ? cell.length : 0).toBeLessThanOrEqual(CELL_CHARACTERS);
    }
  });
});
