/**
 * The Office.js adapter against the in-memory host double, which enforces
 * load-before-read and counts every context.sync().
 */
import { DEFAULT_ELECTION_SETTINGS } from "../../src/engine/validation";
import { priceTableFrom } from "../../src/sheets/prices";
import { validateElectionSheet } from "../../src/sheets/elections";
import { ELECTIONS_TEMPLATE, PRICES_TEMPLATE } from "../../src/sheets/templates";
import {
  clearMarks,
  insertTemplates,
  loadPaneSettings,
  readWorkbookOverview,
  markCells,
  readElections,
  savePaneSettings,
  selectCell,
  VALIDATION_SHEET,
  writeValidationReport,
  type LocatedFinding,
} from "../../src/workbook/excel";
import { installHost, WorkbookModel } from "../doubles/excel-host";
import { HEADERS } from "../helpers/sheets";

function host(sheets?: string[]): WorkbookModel {
  const model = new WorkbookModel(sheets);
  installHost(model);
  return model;
}

async function syncsOf(model: WorkbookModel, run: () => Promise<unknown>): Promise<number> {
  const before = model.syncCount;
  await run();
  return model.syncCount - before;
}

function electionRows(count: number): unknown[][] {
  return Array.from({ length: count }, (_, i) => [`P${i}`, "Salary deferral", 37_986 + (i % 20), 2004, 0.1, ...new Array(HEADERS.length - 5).fill("")]);
}

describe("Insert template", () => {
  it("adds the Elections and Prices sheets as formatted tables with their sample rows", async () => {
    const model = host();
    const added = await insertTemplates([ELECTIONS_TEMPLATE, PRICES_TEMPLATE]);
    expect(added).toEqual(["Elections", "Prices"]);
    const sheet = model.sheet("Elections")!;
    expect(model.table("Elections")!.block).toEqual({ r0: 0, c0: 0, r1: ELECTIONS_TEMPLATE.rows.length, c1: 14 });
    expect(sheet.read("A1:C2")).toEqual([["Participant", "Election Type", "Election Date"], ["Ann Lee", "Salary deferral", 37_970]]);
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
    const prices = priceTableFrom(read.prices!);
    const result = validateElectionSheet(read.grid, { ...DEFAULT_ELECTION_SETTINGS, prices });
    expect(result.findings.map((f) => `${f.row} ${f.rule}`)).toEqual([
      "3 E07", "4 E02", "6 E04", "8 E10", "8 E11", "9 E09", "9 E14", "10 E12", "11 E06", "11 E14", "12 E13", "13 E15", "14 E16",
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

  it.each([10, 10_000])("reads %i rows with one sync and writes the report with one more", async (count) => {
    const model = host();
    model.fill("Elections", [HEADERS, ...electionRows(count)]);
    const read = await readElections({ kind: "sheet", sheet: "Elections" });
    expect(model.syncCount).toBe(1);
    const result = validateElectionSheet(read.grid, DEFAULT_ELECTION_SETTINGS);
    expect(result.rowsChecked).toBe(count);
    const findings: LocatedFinding[] = Array.from({ length: count }, (_, i) => ({
      row: i + 2, column: "Election Date", rule: "E02", section: "4.2(a),(b)", severity: "error", message: `finding ${i}`, sheet: "Elections", address: `C${i + 2}`,
    }));
    expect(read.reportExists).toBe(false);
    expect(await syncsOf(model, () => writeValidationReport(findings, read.reportExists))).toBe(1);
    expect(model.sheet(VALIDATION_SHEET)!.read(`A${count + 1}:B${count + 1}`)).toEqual([[count + 1, `C${count + 1}`]]);
  });

  it("replaces its own report sheet, with a table and a link to each cell", async () => {
    const model = host(["Elections"]);
    const finding: LocatedFinding = { row: 4, column: "Election Date", rule: "E02", section: "4.2(a),(b)", severity: "error", message: "Filed late.", sheet: "Elections", address: "C4" };
    await writeValidationReport([finding, finding], false);
    expect((await readElections({ kind: "sheet", sheet: "Elections" })).reportExists).toBe(true);
    expect(await syncsOf(model, () => writeValidationReport([finding], true))).toBe(1);
    const report = model.sheet(VALIDATION_SHEET)!;
    expect(report.read("A1:G2")).toEqual([["Row", "Cell", "Column", "Rule", "Section", "Severity", "Message"], [4, "C4", "Election Date", "E02", "4.2(a),(b)", "error", "Filed late."]]);
    expect(report.read("A3")).toEqual([[""]]);
    expect(report.peek(1, 1)).toMatchObject({ formula: '=HYPERLINK("#Elections!C4","C4")', hyperlink: { address: "Elections!C4" } });
    expect(model.table("DCPValidation")!.sheet).toBe(report);
    expect(model.active).toBe(report);
  });

  it("writes the report even when the workbook changed since it was read", async () => {
    const model = host(["Elections"]);
    const finding: LocatedFinding = { row: 4, column: "Election Date", rule: "E02", section: "4.2(a),(b)", severity: "error", message: "Filed late.", sheet: "Elections", address: "C4" };
    await writeValidationReport([finding], false);
    await writeValidationReport([finding], false); // the report sheet appeared since the read
    expect(model.sheet(VALIDATION_SHEET)!.read("A2:B2")).toEqual([[4, "C4"]]);
    model.deleteSheet(model.sheet(VALIDATION_SHEET)!);
    await writeValidationReport([finding], true); // ... or was deleted
    expect(model.sheet(VALIDATION_SHEET)).toBeDefined();
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
  it("fills and notes cells, then restores every cell's previous formatting exactly", async () => {
    const model = host(["Elections"]);
    const sheet = model.fill("Elections", [HEADERS, ...electionRows(3)]);
    sheet.cell(1, 2).fill = { color: "#00B050", pattern: "Solid", patternColor: "#000000", tintAndShade: 0.4 };
    sheet.notes.set("E3", "HR: checked by phone");
    const before = JSON.stringify([...sheet.cells.entries()]);
    const notesBefore = JSON.stringify([...sheet.notes.entries()]);

    const marks = [
      { sheet: "Elections", address: "C2", severity: "error" as const, note: "E02 (§4.2(a)): filed late." },
      { sheet: "Elections", address: "C2", severity: "warning" as const, note: "E14: not approved." },
      { sheet: "Elections", address: "E3", severity: "warning" as const, note: "E06: percent." },
      { sheet: "Elections", address: "C4", severity: "error" as const, note: "E02: filed late." },
    ];
    expect(await syncsOf(model, () => markCells(marks))).toBe(2);
    expect(sheet.peek(1, 2)!.fill.color).toBe("#F8CBAD");
    expect(sheet.notes.get("C2")).toBe("DCP add-in:\nE02 (§4.2(a)): filed late.\nE14: not approved.");
    expect(sheet.notes.get("E3")).toBe("HR: checked by phone"); // a user's note is never replaced
    expect(await markCells(marks)).toBe(0); // marking twice does not lose the saved formatting

    expect(await syncsOf(model, () => clearMarks())).toBe(2);
    expect(JSON.stringify([...sheet.cells.entries()])).toBe(before);
    expect(JSON.stringify([...sheet.notes.entries()])).toBe(notesBefore);
    expect(await clearMarks()).toBe(0);
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

describe("the host double enforces the real API's rules", () => {
  it("refuses to read a property that was not loaded and synced", async () => {
    host(["Elections"]);
    await expect(
      Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Elections").getRange("A1");
        range.load("values");
        return range.values;
      }),
    ).rejects.toThrow(/PropertyNotLoaded/);
  });

  it("fails the sync for a missing item", async () => {
    host(["Elections"]);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Nope").load("name");
        await context.sync();
      }),
    ).rejects.toThrow(/ItemNotFound/);
  });
});

describe("Share reserve through the adapter", () => {
  it("reads the ledger in one round trip and writes the running ledger with a chart in one read and one write", async () => {
    const { LEDGER_TEMPLATE } = await import("../../src/sheets/templates");
    const { readReserveSheets } = await import("../../src/sheets/reserve");
    const { reconcileReserve } = await import("../../src/engine/reserve");
    const { readSheets, writeReserveReport, RESERVE_SHEET } = await import("../../src/workbook/excel");
    const model = host();
    await insertTemplates([LEDGER_TEMPLATE]);
    let grids!: Map<string, import("../../src/sheets/grid").SheetGrid>;
    expect(await syncsOf(model, async () => (grids = await readSheets(["Ledger"])))).toBe(1);
    const { read } = readReserveSheets({ ledger: grids.get("Ledger") });
    const r = reconcileReserve(read.entries);
    expect(r.exhaustionDate).toBe("2004-03-31");
    const lines = r.lines.map((l) => ({ date: l.date, remaining: l.remaining.toNumber(), used: l.used.toNumber(), reserve: l.reserve.toNumber(), kind: l.kind, quantity: l.quantity.toNumber(), participant: "", reference: "", source: "", reported: "" as const }));
    expect(await syncsOf(model, () => writeReserveReport(lines))).toBe(2);
    const sheet = model.sheet(RESERVE_SHEET)!;
    expect(sheet.read("A1:D2")).toEqual([["Date", "Remaining", "Used", "Reserve"], [37_529, 4_800_000, 1_200_000, 6_000_000]]);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({ type: "Line", source: "'DCP Reserve'!A1:B9", title: "Shares remaining in the §13.8 reserve" });
    expect(model.table("DCPReserve")).toBeDefined();
  });
});
