/**
 * The Office.js adapter against the in-memory host double, which enforces
 * load-before-read, counts every context.sync(), and plays each platform's
 * Excel (test/doubles/profiles.ts): every case runs under all four.
 */
import { DEFAULT_ELECTION_SETTINGS } from "../../src/engine/validation";
import { validateElectionSheet } from "../../src/sheets/elections";
import type { CellFinding } from "../../src/sheets/findings";
import { ELECTIONS_TEMPLATE, LEDGER_TEMPLATE, PRICES_TEMPLATE } from "../../src/sheets/templates";
import {
  clearMarks,
  excelApiSupported,
  hostLimitations,
  insertTemplates,
  loadPaneSettings,
  markCells,
  readElections,
  readSheets,
  readWorkbookOverview,
  savePaneSettings,
  selectCell,
  writeReport,
  type MarkRequest,
} from "../../src/workbook/excel";
import { jsonBytes } from "../../src/workbook/excel/batch";
import { reconcileWorkflow } from "../../src/workflows/reconcile";
import { RESERVE_SHEET, reserveReport, VALIDATION_SHEET, validationReport } from "../../src/workflows/reports";
import { validateWorkflow } from "../../src/workflows/validate";
import { FakeContext, installHost, payloadBytes, PROFILE_NAMES, PROFILES, WorkbookModel, type Fill, type ProfileName } from "../doubles/excel-host";
import { HEADERS } from "../helpers/sheets";

async function syncsOf(model: WorkbookModel, run: () => Promise<unknown>): Promise<number> {
  const before = model.syncCount;
  await run();
  return model.syncCount - before;
}

function electionRows(count: number): unknown[][] {
  return Array.from({ length: count }, (_, i) => [`P${i}`, "Salary deferral", 37_986 + (i % 20), 2004, 0.1, ...new Array(HEADERS.length - 5).fill("")]);
}

const finding = (row: number, message = "Filed late."): CellFinding => ({
  row,
  column: "Election Date",
  rule: "E02",
  section: "4.2(a),(b)",
  severity: "error",
  message,
  sheet: "Elections",
  cell: `C${row}`,
});

const writeValidationReport = (findings: CellFinding[], exists: boolean) => writeReport(validationReport({ sheet: "Elections", findings }), exists);

describe.each(PROFILE_NAMES)("in %s", (profileName: ProfileName) => {
  const profile = PROFILES[profileName];
  const hasNotes = profileName !== "excel2021";

  function host(sheets?: string[]): WorkbookModel {
    const model = new WorkbookModel(sheets, profile);
    installHost(model);
    return model;
  }

  describe("Insert template", () => {
    it("adds the Elections and Prices sheets as formatted tables with their sample rows", async () => {
      const model = host();
      const added = await insertTemplates([ELECTIONS_TEMPLATE, PRICES_TEMPLATE]);
      expect(added).toEqual(["Elections", "Prices"]);
      const sheet = model.sheet("Elections")!;
      expect(model.table("Elections")!.block).toEqual({ r0: 0, c0: 0, r1: ELECTIONS_TEMPLATE.rows.length, c1: 14 });
      expect(sheet.read("A1:C2")).toEqual([
        ["Participant", "Election Type", "Election Date"],
        ["Ann Lee", "Salary deferral", 37_970],
      ]);
      expect(sheet.peek(1, 2)!.numberFormat).toBe("yyyy-mm-dd");
      expect(sheet.read("C14")).toEqual([["Dec 1"]]); // kept as text, for E16
      expect(sheet.peek(1, 1)!.validation).toMatchObject({ list: { source: expect.stringContaining("Salary deferral,Bonus deferral") } });
      expect(model.active!.name).toBe("Elections");
    });

    it("never overwrites: a second insert makes new sheets and tables", async () => {
      const model = host();
      await insertTemplates([ELECTIONS_TEMPLATE]);
      expect(await insertTemplates([ELECTIONS_TEMPLATE])).toEqual(["Elections (2)"]);
      expect(model.table("Elections2")).toBeDefined();
    });

    it("names its table around a defined name the workbook already has (tables and names share one namespace)", async () => {
      const model = host();
      model.definedNames.push("Ledger");
      await insertTemplates([LEDGER_TEMPLATE]);
      expect(model.table("Ledger2")!.sheet.name).toBe("Ledger");
    });
  });

  describe("Validate elections through the adapter", () => {
    it("finds the Elections table, reads it in one round trip, and gives the same findings as the CLI example", async () => {
      const model = host();
      await insertTemplates([ELECTIONS_TEMPLATE, PRICES_TEMPLATE]);
      model.active = model.sheet("Sheet1");
      const { source, sheets } = await readWorkbookOverview();
      expect(source).toEqual({ kind: "table", table: "Elections", sheet: "Elections" });
      expect(sheets).toEqual(["Sheet1", "Elections", "Prices"]);

      let read!: Awaited<ReturnType<typeof readElections>>;
      expect(await syncsOf(model, async () => (read = await readElections(source, "Prices")))).toBe(1);
      const result = validateWorkflow({ elections: read.grid, prices: read.prices }, DEFAULT_ELECTION_SETTINGS);
      expect(result.findings.map((f) => `${f.row} ${f.rule}`)).toEqual([
        "3 E07",
        "4 E02",
        "4 E06",
        "6 E04",
        "8 E10",
        "8 E11",
        "9 E09",
        "9 E14",
        "10 E12",
        "11 E14",
        "12 E13",
        "13 E15",
        "14 E16",
      ]);
    });

    it("falls back to the active sheet's used range, wherever it starts", async () => {
      const model = host(["Data"]);
      const sheet = model.sheet("Data")!;
      [HEADERS, ...electionRows(2)].forEach((row, r) => row.forEach((v, c) => (sheet.cell(r + 3, c + 1).value = v)));
      const { source } = await readWorkbookOverview();
      expect(source).toEqual({ kind: "sheet", sheet: "Data" });
      const { grid } = await readElections(source);
      expect(grid).toMatchObject({ sheet: "Data", firstRow: 4, firstColumn: 1 });
      expect(validateElectionSheet(grid, DEFAULT_ELECTION_SETTINGS).rowsChecked).toBe(2);
    });

    it("reads an empty sheet as no rows", async () => {
      host(["Empty"]);
      const { grid } = await readElections({ kind: "sheet", sheet: "Empty" });
      expect(grid).toEqual({ sheet: "Empty", values: [], firstRow: 1, firstColumn: 0 });
    });

    it.each([10, 10_000])("reads %i rows with one sync and writes the report with one more", async (count) => {
      const model = host();
      model.fill("Elections", [HEADERS, ...electionRows(count)]);
      const read = await readElections({ kind: "sheet", sheet: "Elections" });
      expect(model.syncCount).toBe(1);
      expect(validateElectionSheet(read.grid, DEFAULT_ELECTION_SETTINGS).rowsChecked).toBe(count);
      const findings = Array.from({ length: count }, (_, i) => finding(i + 2, `finding ${i}`));
      expect(read.reportExists).toBe(false);
      expect(await syncsOf(model, () => writeValidationReport(findings, read.reportExists))).toBe(1);
      expect(model.sheet(VALIDATION_SHEET)!.read(`A${count + 1}:B${count + 1}`)).toEqual([[count + 1, `C${count + 1}`]]);
    });

    it("replaces its own report sheet, with a table and a link to each cell", async () => {
      const model = host(["Elections"]);
      await writeValidationReport([finding(4), finding(4)], false);
      expect((await readElections({ kind: "sheet", sheet: "Elections" })).reportExists).toBe(true);
      expect(await syncsOf(model, () => writeValidationReport([finding(4)], true))).toBe(1);
      const report = model.sheet(VALIDATION_SHEET)!;
      expect(report.read("A1:G2")).toEqual([
        ["Row", "Cell", "Column", "Rule", "Section", "Severity", "Message"],
        [4, "C4", "Election Date", "E02", "4.2(a),(b)", "error", "Filed late."],
      ]);
      expect(report.read("A3")).toEqual([[""]]);
      expect(report.peek(1, 1)).toMatchObject({ formula: '=HYPERLINK("#\'Elections\'!C4","C4")', hyperlink: { address: "'Elections'!C4" } });
      expect(model.table("DCPValidation")!.sheet).toBe(report);
      expect(model.active).toBe(report);
    });

    it("links a cell on a sheet named with an apostrophe, quotes and a #, the apostrophe doubled as Excel needs", async () => {
      const odd = `It's "odd" #1`;
      const model = host(["Elections", odd]);
      await writeValidationReport([{ ...finding(2), sheet: odd, cell: "C2" }], false);
      expect(model.sheet(VALIDATION_SHEET)!.peek(1, 1)).toMatchObject({
        formula: `=HYPERLINK("#'It''s ""odd"" #1'!C2","'It''s ""odd"" #1'!C2")`,
        hyperlink: { address: `'It''s "odd" #1'!C2` },
      });
    });

    it("writes text as text: a message starting with =, + or - does not become a formula", async () => {
      const model = host(["Elections"]);
      const tricky = ["=SUM(A1:A9) is not a percent", "-5% is below the minimum", "+1 day"];
      await writeValidationReport(
        tricky.map((message, i) => finding(i + 2, message)),
        false,
      );
      const report = model.sheet(VALIDATION_SHEET)!;
      expect(report.read("G2:G4").flat()).toEqual(tricky);
      expect([1, 2, 3].map((r) => report.peek(r, 6)!.formula)).toEqual([undefined, undefined, undefined]);
    });

    it("writes its report all or nothing: a round trip lost midway leaves the old report as it was and no sheet of its own", async () => {
      const model = host(["Elections"]);
      await writeValidationReport([finding(2)], false);
      const before = model.sheet(VALIDATION_SHEET)!.read("A1:C2");
      const sheets = model.sheets.map((s) => s.name);
      // Three round trips of rows: the second is lost.
      const many = Array.from({ length: 30_000 }, (_, i) => finding(i + 2, "Filed late. ".repeat(20)));
      model.failAtSync = model.syncCount + 2;
      await expect(writeValidationReport(many, true)).rejects.toThrow(/GeneralException/);
      expect(model.sheets.map((s) => s.name)).toEqual(sheets);
      expect(model.sheet(VALIDATION_SHEET)!.read("A1:C2")).toEqual(before);
      expect(model.table("DCPValidation")!.sheet).toBe(model.sheet(VALIDATION_SHEET));

      model.failAtSync = undefined;
      await writeValidationReport(many, true);
      expect(model.sheets.map((s) => s.name)).toEqual(sheets);
      expect(model.table("DCPValidation")!.block.r1).toBe(30_000);
    });

    it("writes the report even when the workbook changed since it was read", async () => {
      const model = host(["Elections"]);
      await writeValidationReport([finding(4)], false);
      await writeValidationReport([finding(4)], false); // the report sheet appeared since the read
      expect(model.sheet(VALIDATION_SHEET)!.read("A2:B2")).toEqual([[4, "C4"]]);
      model.deleteSheet(model.sheet(VALIDATION_SHEET)!);
      await writeValidationReport([finding(4)], true); // ... or was deleted
      expect(model.sheet(VALIDATION_SHEET)).toBeDefined();
    });

    it("names the report's table around a defined name that took its name", async () => {
      const model = host(["Elections"]);
      model.definedNames.push("DCPValidation");
      await writeValidationReport([finding(4)], false);
      expect(model.table("DCPValidation2")!.sheet.name).toBe(VALIDATION_SHEET);
    });

    it("selects a finding's cell", async () => {
      const model = host(["Elections", "Other"]);
      model.active = model.sheet("Other");
      await selectCell("Elections", "C4");
      expect(model.selection).toEqual({ sheet: "Elections", address: "C4" });
      expect(model.active!.name).toBe("Elections");
    });
  });

  describe("marks on offending cells", () => {
    const marks: MarkRequest[] = [
      { sheet: "Elections", address: "C2", severity: "error", note: "E02 (§4.2(a)): filed late." },
      { sheet: "Elections", address: "C2", severity: "warning", note: "E14: not approved." },
      { sheet: "Elections", address: "E3", severity: "warning", note: "E06: percent." },
      { sheet: "Elections", address: "C4", severity: "error", note: "E02: filed late." },
    ];

    it(`fills ${hasNotes ? "and notes " : ""}cells, then restores every cell's previous formatting exactly`, async () => {
      const model = host(["Elections"]);
      const sheet = model.fill("Elections", [HEADERS, ...electionRows(3)]);
      sheet.cell(1, 2).fill = { color: "#00B050", pattern: "Solid", patternColor: "#000000", tintAndShade: 0.4 };
      sheet.notes.set("E3", "HR: checked by phone");
      const before = JSON.stringify([...sheet.cells.entries()]);
      const notesBefore = JSON.stringify([...sheet.notes.entries()]);

      let result!: Awaited<ReturnType<typeof markCells>>;
      expect(await syncsOf(model, async () => (result = await markCells(marks)))).toBe(2);
      expect(result).toEqual({ marked: 3, notes: hasNotes });
      expect(sheet.peek(1, 2)!.fill.color).toBe("#F8CBAD");
      expect(sheet.peek(2, 4)!.fill.color).toBe("#FFE699");
      expect(sheet.notes.get("C2")).toBe(hasNotes ? "DCP add-in:\nE02 (§4.2(a)): filed late.\nE14: not approved." : undefined);
      expect(sheet.notes.get("E3")).toBe("HR: checked by phone"); // a user's note is never replaced
      expect(await markCells(marks)).toEqual({ marked: 0, notes: false }); // marking twice does not lose the saved formatting

      // One look for where the marks are now, one read of their fills (and notes), one write.
      expect(await syncsOf(model, () => clearMarks())).toBe(3);
      expect(JSON.stringify([...sheet.cells.entries()])).toBe(before);
      expect(JSON.stringify([...sheet.notes.entries()])).toBe(notesBefore);
      expect(await clearMarks()).toBe(0);
    });

    it(hasNotes ? "says nothing is missing" : "says this Excel has no notes, and marks without them", () => {
      host();
      expect(excelApiSupported("1.18")).toBe(hasNotes);
      expect(hostLimitations()).toEqual(
        hasNotes
          ? []
          : [expect.stringMatching(/no cell notes \(ExcelApi 1\.18\): Mark cells fills the cells and puts the messages on the "DCP Validation" sheet/)],
      );
    });

    it("leaves a note the user wrote over the add-in's own when clearing", async () => {
      const model = host(["Elections"]);
      const sheet = model.fill("Elections", [HEADERS, ...electionRows(3)]);
      await markCells(marks);
      if (hasNotes) sheet.notes.set("C4", "HR: replaced the add-in's note");
      await clearMarks();
      expect(sheet.notes.get("C4")).toBe(hasNotes ? "HR: replaced the add-in's note" : undefined);
      expect(sheet.notes.has("C2")).toBe(false);
    });

    const GREEN: Fill = { color: "#00B050", pattern: "Solid", patternColor: "#000000", tintAndShade: 0 };
    const NONE: Fill = { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: 0 };
    const fillAt = (model: WorkbookModel, sheet: string, r: number, c: number) => model.sheet(sheet)!.peek(r, c)?.fill ?? NONE;

    /** Elections with C2 green and C3, C4 plain; C2, C3, C4 and E3 marked. */
    async function marked(others: string[] = []) {
      const model = host(["Elections", ...others]);
      const sheet = model.fill("Elections", [HEADERS, ...electionRows(4)]);
      sheet.cell(1, 2).fill = { ...GREEN };
      await markCells(marks);
      return { model, sheet };
    }

    it("clears after the marked sheet was renamed: the marks follow the sheet", async () => {
      const { model } = await marked();
      model.renameSheet(model.sheet("Elections")!, "Elections 2004");
      expect(await clearMarks()).toBe(3);
      expect(fillAt(model, "Elections 2004", 1, 2)).toEqual(GREEN);
      expect(fillAt(model, "Elections 2004", 3, 2).pattern).toBe("None");
      if (hasNotes) expect([...model.sheet("Elections 2004")!.notes.keys()]).toEqual([]);
      expect(model.namedRanges).toEqual([]);
    });

    it("clears after the marked sheet was deleted: the other marks go, and a second Clear has nothing left", async () => {
      const { model } = await marked(["Other"]);
      await markCells([{ sheet: "Other", address: "B2", severity: "error", note: "E01" }]);
      model.deleteSheet(model.sheet("Elections")!);
      expect(await clearMarks()).toBe(1);
      expect(fillAt(model, "Other", 1, 1).pattern).toBe("None");
      expect(await clearMarks()).toBe(0);
      expect(model.namedRanges).toEqual([]);
    });

    it("puts fills back on the cells that moved when rows and a column were inserted or deleted, and touches nothing else", async () => {
      const model = host(["Elections"]);
      const sheet = model.fill("Elections", [HEADERS, ...electionRows(4)]);
      sheet.cell(1, 2).fill = { ...GREEN };
      await markCells(["C2", "C3", "C4"].map((address) => ({ sheet: "Elections", address, severity: "error" as const, note: "E02" })));
      await markCells([{ sheet: "Elections", address: "E3", severity: "warning", note: "E06" }]);
      const user = new FakeContext(model);
      const rows = (address: string) => user.workbook.worksheets.getItem("Elections").getRange(address);
      rows("1:1").insert("Down"); // C2, C3:C4, E3 → C3, C4:C5, E4
      rows("5:5").insert("Down"); // a new row inside the run: C4, new, C6
      rows("A:A").insert("Right"); // column C → D, E → F
      rows("4:4").delete("Up"); // the old C3 and E3 go; the new row is row 4, the old C4 is D5
      await user.sync();
      sheet.cell(3, 3).fill = { ...GREEN, color: "#0070C0" }; // the user's own fill on the new row, inside the marked run
      expect(await clearMarks()).toBe(2);
      expect(fillAt(model, "Elections", 2, 3)).toEqual(GREEN); // old C2, now D3
      expect(fillAt(model, "Elections", 3, 3).color).toBe("#0070C0");
      expect(fillAt(model, "Elections", 4, 3).pattern).toBe("None"); // old C4, now D5
      expect([...sheet.cells.values()].filter((cell) => ["#F8CBAD", "#FFE699"].includes(cell.fill.color))).toEqual([]);
      if (hasNotes) expect([...sheet.notes.values()].filter((note) => note.startsWith("DCP add-in:"))).toEqual([]);
      expect(model.namedRanges).toEqual([]);
    });

    it("leaves a marked cell the user re-formatted since as the user left it", async () => {
      const { model, sheet } = await marked();
      sheet.cell(1, 2).fill = { ...NONE };
      sheet.cell(2, 4).fill = { color: "#FFFF00", pattern: "Solid", patternColor: "#000000", tintAndShade: 0 };
      expect(await clearMarks()).toBe(1);
      expect(fillAt(model, "Elections", 1, 2)).toEqual(NONE); // not put back to green: the user cleared it
      expect(fillAt(model, "Elections", 2, 4).color).toBe("#FFFF00");
      expect(fillAt(model, "Elections", 2, 2).pattern).toBe("None");
    });

    it("clears marks a release before names kept them (saved by sheet and address), skipping a sheet since deleted", async () => {
      const model = host(["Elections", "Gone"]);
      model.fill("Elections", [HEADERS, ...electionRows(3)]);
      model.sheet("Elections")!.cell(1, 2).fill = { color: "#F8CBAD", pattern: "Solid", patternColor: "#000000", tintAndShade: 0 };
      model.settings.set("dcp.marks", {
        version: 2,
        groups: [
          { sheet: "Elections", column: "C", rows: "2", fill: GREEN, note: false },
          { sheet: "Gone", column: "A", rows: "1-3", fill: NONE, note: false },
        ],
      });
      model.deleteSheet(model.sheet("Gone")!);
      expect(await clearMarks()).toBe(1);
      expect(fillAt(model, "Elections", 1, 2)).toEqual(GREEN);
    });
  });

  describe("pane settings", () => {
    it("are remembered in the workbook's document settings", async () => {
      const model = host();
      const defaults = { planEffectiveDate: "2002-07-18", fiscalYearEnd: "12-31", pricesSheet: "" };
      expect(loadPaneSettings(defaults)).toEqual(defaults);
      await savePaneSettings({ ...defaults, pricesSheet: "Prices" });
      expect(model.settings.get("dcp.settings")).toEqual({ ...defaults, pricesSheet: "Prices" });
      expect(loadPaneSettings(defaults).pricesSheet).toBe("Prices");
    });
  });

  describe("Share reserve through the adapter", () => {
    it("reads the ledger in one round trip and writes the running ledger with a chart in one look and one write", async () => {
      const model = host();
      await insertTemplates([LEDGER_TEMPLATE]);
      let grids!: Map<string, import("../../src/sheets/grid").SheetGrid>;
      expect(await syncsOf(model, async () => (grids = await readSheets(["Ledger"])))).toBe(1);
      const result = reconcileWorkflow({ ledger: grids.get("Ledger") });
      expect(result.reconciliation.exhaustionDate).toBe("2004-03-31");
      expect(await syncsOf(model, () => writeReport(reserveReport(result)))).toBe(2);
      const sheet = model.sheet(RESERVE_SHEET)!;
      expect(sheet.read("A1:D2")).toEqual([
        ["Date", "Remaining", "Used", "Reserve"],
        [37_529, 4_800_000, 1_200_000, 6_000_000],
      ]);
      expect(sheet.peek(1, 0)!.numberFormat).toBe("yyyy-mm-dd");
      expect(sheet.charts).toHaveLength(1);
      expect(sheet.charts[0]).toMatchObject({ type: "Line", source: "'DCP Reserve'!A1:B9", title: "Shares remaining in the §13.8 reserve" });
      expect(model.table("DCPReserve")).toBeDefined();
    });
  });
  describe("Open Cap Format to a sheet, where Excel cannot download", () => {
    it("writes every line of every file in a read and a write; the lines rebuild the exact bytes the manifest's md5s are of", async () => {
      const crypto = await import("crypto");
      const { toOcfPackage } = await import("../../src/formats/ocf");
      const { reconcileReserve } = await import("../../src/engine/reserve");
      const { packageFiles, packageLines } = await import("../../src/formats/ocfPackage");
      const { writeOcfSheet, OCF_SHEET } = await import("../../src/workbook/excel");
      const model = host();
      const pkg = toOcfPackage(reconcileReserve([]), {
        issuer: { legalName: "Hecla Mining Company", formationDate: "1891-10-14", country: "US" },
        generatedAt: "2026-01-01T00:00:00Z",
      });
      const files = packageFiles(pkg);
      const lines = packageLines(files);
      expect(await syncsOf(model, () => writeOcfSheet(lines))).toBe(2);
      const sheet = model.sheet(OCF_SHEET)!;
      expect(sheet.read("A1:C2")).toEqual([
        ["File", "Line", "Text"],
        ["Manifest.ocf.json", 1, "{"],
      ]);
      const rows = sheet.read(`A2:C${lines.length + 1}`);
      const manifest = JSON.parse(
        rows
          .filter((r) => r[0] === "Manifest.ocf.json")
          .map((r) => r[2])
          .join("\n"),
      );
      for (const file of files.slice(1)) {
        const text = `${rows
          .filter((r) => r[0] === file.path)
          .map((r) => r[2])
          .join("\n")}\n`;
        const listed = Object.values(manifest)
          .flat()
          .find((entry) => (entry as { filepath?: string }).filepath === file.path) as { md5: string };
        expect(crypto.createHash("md5").update(text, "utf8").digest("hex")).toBe(listed.md5);
      }
    });
  });
});

describe("the host double enforces the real API's rules", () => {
  it("refuses to read a property that was not loaded and synced", async () => {
    installHost(new WorkbookModel(["Elections"]));
    await expect(
      Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Elections").getRange("A1");
        range.load("values");
        return range.values;
      }),
    ).rejects.toThrow(/PropertyNotLoaded/);
  });

  it("fails the sync for a missing item", async () => {
    installHost(new WorkbookModel(["Elections"]));
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Nope").load("name");
        await context.sync();
      }),
    ).rejects.toThrow(/ItemNotFound/);
  });

  it("renames a sheet, after which its old name is ItemNotFound; a defined name follows the sheet and its rows, and is #REF! once they go", async () => {
    const model = new WorkbookModel(["Elections", "Other"]);
    installHost(model);
    await Excel.run(async (context) => {
      context.workbook.names.add("Marked", context.workbook.worksheets.getItem("Elections").getRange("C4:C6"));
      context.workbook.worksheets.getItem("Elections").name = "Elections 2004";
      context.workbook.worksheets.getItem("Elections 2004").getRange("2:3").insert("Down");
      const name = context.workbook.names.getItem("Marked").load("formula,type");
      await context.sync();
      expect([name.formula, name.type]).toEqual(["='Elections 2004'!$C$6:$C$8", "Range"]);
      context.workbook.worksheets.getItem("Elections 2004").getRange("7:7").delete("Up");
      name.load("formula");
      await context.sync();
      expect(name.formula).toBe("='Elections 2004'!$C$6:$C$7");
      context.workbook.worksheets.getItem("Elections").load("name");
      await expect(context.sync()).rejects.toThrow(/ItemNotFound/);
      context.workbook.worksheets.getItem("Elections 2004").delete();
      name.load("formula,type");
      await context.sync();
      expect([name.formula, name.type]).toEqual(["=#REF!", "Error"]);
    });
  });

  it("puts a note on one cell only (InvalidCellAddress)", async () => {
    installHost(new WorkbookModel(["Elections"]));
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Elections").notes.add("C2:C3", "two cells");
        await context.sync();
      }),
    ).rejects.toThrow(/InvalidCellAddress/);
  });

  it("has no notes in Excel 2021 (ApiNotFound), and answers isSetSupported per profile", async () => {
    installHost(new WorkbookModel(["Elections"], PROFILES.excel2021));
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.14")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.18")).toBe(false);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Elections").notes.add("C2", "a note");
        await context.sync();
      }),
    ).rejects.toThrow(/ApiNotFound/);
  });

  it("refuses a table name a defined name has", async () => {
    const model = new WorkbookModel(["Elections"]);
    model.definedNames.push("Report");
    installHost(model);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Elections").tables.add("A1:B2", true).name = "Report";
        await context.sync();
      }),
    ).rejects.toThrow(/defined name Report exists/);
  });

  it("measures a payload as its JSON in UTF-8 bytes, in the adapter's budget and in the double's limit alike", () => {
    const values = [
      ["Ann Lee", 1.5, ""],
      ["Zoë Çelik", "€100", "王芳"],
      ["😀", null, true],
    ];
    const utf8 = Buffer.byteLength(JSON.stringify(values), "utf8");
    expect(jsonBytes(values)).toBeGreaterThanOrEqual(utf8);
    expect(payloadBytes(values)).toBeGreaterThanOrEqual(utf8);
    // Only a character outside the Basic Multilingual Plane is over-counted (two bytes, on the safe side).
    expect(jsonBytes(values)).toBe(utf8 + 2);
    expect(payloadBytes(values)).toBe(utf8 + 2);
    expect(jsonBytes([["Ann Lee", 1.5]])).toBe(JSON.stringify([["Ann Lee", 1.5]]).length);
    expect(payloadBytes("Zoë")).toBe(6);
  });

  it("on the web, refuses a request or a response over 5 MB and a read over 5,000,000 cells, at sync", async () => {
    const model = new WorkbookModel(["Data"], PROFILES.web);
    installHost(model);
    const big = Array.from({ length: 80_000 }, (_, i) => [`a fairly long text cell, row ${i}, so the payload grows quickly`, i]);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1:B80000").values = big;
        await context.sync();
      }),
    ).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    model.fill("Data", big);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1:B80000").load("values");
        await context.sync();
      }),
    ).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1:E1000001").load("rowCount,values");
        await context.sync();
      }),
    ).rejects.toThrow(/RangeExceedsLimit/);
    // The same request on the desktop goes through.
    model.profile = PROFILES.windows;
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:B80000").values = big;
      await context.sync();
    });
  });
});
