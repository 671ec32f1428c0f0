/**
 * Large workbooks within Excel on the web's limits (5 MB a request or
 * response, 5,000,000 cells a read, enforced by the double at every sync):
 * validate, write report, mark and clear over 100,000 election rows, and the
 * reserve report over 100,000 ledger rows, each in a handful of round trips,
 * under every platform profile.
 */
import { DEFAULT_ELECTION_SETTINGS } from "../../src/engine/validation";
import { markRequests } from "../../src/taskpane/validateView";
import { clearMarks, markCells, readElections, readSheets, writeReport } from "../../src/workbook/excel";
import { reconcileWorkflow } from "../../src/workflows/reconcile";
import { RESERVE_SHEET, reserveReport, VALIDATION_SHEET, validationReport } from "../../src/workflows/reports";
import { validateWorkflow } from "../../src/workflows/validate";
import { installHost, PROFILE_NAMES, PROFILES, WorkbookModel } from "../doubles/excel-host";

const ROWS = 100_000;
/** "A handful": what one command may cost in round trips at 100,000 rows. */
const HANDFUL = 8;

async function syncsOf(model: WorkbookModel, run: () => Promise<unknown>): Promise<number> {
  const before = model.syncCount;
  await run();
  return model.syncCount - before;
}

describe.each(PROFILE_NAMES)("100,000 rows in %s", (profileName) => {
  it("validates, writes the report, marks and clears 100,000 election rows in a handful of round trips each", async () => {
    const model = new WorkbookModel(["Elections"], PROFILES[profileName]);
    installHost(model);
    const header = ["Participant", "Election Type", "Election Date", "Plan Year", "Percent"];
    // Every row is filed after the deadline (E02), so every row has a finding on its Election Date cell.
    model.fill("Elections", [header, ...Array.from({ length: ROWS }, (_, i) => [`Participant number ${i}`, "Salary deferral", 37_986, 2004, 0.6])]);

    let read!: Awaited<ReturnType<typeof readElections>>;
    expect(await syncsOf(model, async () => (read = await readElections({ kind: "sheet", sheet: "Elections" })))).toBeLessThanOrEqual(HANDFUL);
    expect(read.grid.values).toHaveLength(ROWS + 1);
    expect(read.grid.values[ROWS]).toEqual([`Participant number ${ROWS - 1}`, "Salary deferral", 37_986, 2004, 0.6]);

    const result = validateWorkflow({ elections: read.grid }, DEFAULT_ELECTION_SETTINGS);
    expect(result.rowsChecked).toBe(ROWS);
    const located = result.findings;
    expect(located.length).toBeGreaterThanOrEqual(ROWS);

    expect(await syncsOf(model, () => writeReport(validationReport(result), read.reportExists))).toBeLessThanOrEqual(HANDFUL);
    const report = model.sheet(VALIDATION_SHEET)!;
    expect(report.read(`A${located.length + 1}:B${located.length + 1}`)).toEqual([[located.at(-1)!.row, located.at(-1)!.cell]]);
    expect(model.table("DCPValidation")!.block.r1).toBe(located.length);

    const sheet = model.sheet("Elections")!;
    let marked!: Awaited<ReturnType<typeof markCells>>;
    expect(await syncsOf(model, async () => (marked = await markCells(markRequests(located))))).toBeLessThanOrEqual(HANDFUL);
    expect(marked.notes).toBe(false); // 100,000 notes would bury the sheet: the report holds the messages
    expect(sheet.peek(ROWS, 2)!.fill.pattern).toBe("Solid");
    expect(sheet.notes.size).toBe(0);
    expect(JSON.stringify(model.settings.get("dcp.marks")).length).toBeLessThan(2_000);

    expect(await syncsOf(model, () => clearMarks())).toBeLessThanOrEqual(HANDFUL);
    expect(sheet.peek(ROWS, 2)!.fill.pattern).toBe("None");
    if (profileName === "web") expect(Math.max(...model.syncs.map((s) => Math.max(s.requestBytes, s.responseBytes)))).toBeLessThanOrEqual(5 * 1024 * 1024);
  });

  it("reconciles 100,000 ledger rows and writes the reserve report in a handful of round trips", async () => {
    const model = new WorkbookModel(["Ledger"], PROFILES[profileName]);
    installHost(model);
    const start = Date.UTC(2002, 6, 18) / 86_400_000 + 25_569;
    model.fill("Ledger", [
      ["Date", "Kind", "Quantity", "Participant"],
      ...Array.from({ length: ROWS }, (_, i) => [start + Math.floor(i / 20), "units", 10, `Participant ${i % 500}`]),
    ]);

    let grids!: Awaited<ReturnType<typeof readSheets>>;
    expect(await syncsOf(model, async () => (grids = await readSheets(["Ledger"])))).toBeLessThanOrEqual(HANDFUL);
    const result = reconcileWorkflow({ ledger: grids.get("Ledger") });
    expect(result.reconciliation.lines).toHaveLength(ROWS);
    expect(await syncsOf(model, () => writeReport(reserveReport(result)))).toBeLessThanOrEqual(HANDFUL);
    const report = model.sheet(RESERVE_SHEET)!;
    expect(report.read(`B${ROWS + 1}:C${ROWS + 1}`)).toEqual([[6_000_000 - 10 * ROWS, 10 * ROWS]]);
    expect(report.charts[0].source).toBe(`'DCP Reserve'!A1:B${ROWS + 1}`);
  });
});
