/**
 * "Write statement" through the Office.js adapter, against the in-memory host
 * double under every platform's profile: the sheet laid out by
 * sheets/statementSheets.ts, replaced on each write, its tables named around
 * the workbook's, within Excel on the web's limits however many rows.
 */
import { participantSheet, summarySheet, type StatementSheet } from "../../src/sheets/statementSheets";
import { insertTemplates, statementSheetName, STATEMENTS_SHEET, writeStatementSheet } from "../../src/workbook/excel";
import { RECORDS_TEMPLATES, WORKED_PERIOD } from "../../src/sheets/recordsTemplates";
import { statementWorkflow } from "../../src/workflows/statement";
import { installHost, PROFILE_NAMES, PROFILES, WorkbookModel, type ProfileName, type SheetModel } from "../doubles/excel-host";
import { workedGrids } from "../helpers/records";

const result = statementWorkflow(workedGrids(), { ...WORKED_PERIOD, series: true });
const [ann, ben] = result.participants;

function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`expected ${what}`);
  return value;
}

/** The row (1-based) whose column A holds `text`. */
function rowOf(sheet: SheetModel, text: string): number {
  for (let r = 0; r < 200; r++) if (sheet.peek(r, 0)?.value === text) return r + 1;
  throw new Error(`no row starts with ${text}`);
}

describe("statementSheetName", () => {
  it("is the participant's name after DCP, within Excel's 31 characters and rules, never the summary's", () => {
    expect(statementSheetName(" Ann Lee ")).toBe("DCP Ann Lee");
    expect(statementSheetName("Ma. Josefina Núñez-Østergaard de la Cruz")).toBe("DCP Ma. Josefina Núñez-Østergaa");
    expect(statementSheetName("Lee/Ann [temp]")).toBe("DCP Lee-Ann -temp-");
    expect(statementSheetName("Statements")).toBe("DCP Statements (2)");
  });
});

describe.each(PROFILE_NAMES)("in %s", (profileName: ProfileName) => {
  function host(): WorkbookModel {
    const model = new WorkbookModel(["Sheet1"], PROFILES[profileName]);
    installHost(model);
    return model;
  }

  it("writes a participant's statement: title, period, the four Accounts as a table, options, findings linked to their cells, the value with a chart", async () => {
    const model = host();
    await writeStatementSheet(participantSheet(ann, statementSheetName("Ann Lee")));
    const sheet = present(model.sheet("DCP Ann Lee"), "the statement sheet");
    expect(model.active).toBe(sheet);
    expect(sheet.read("A1:A5").map(([text]) => text)).toEqual([
      "Hecla Mining Company Key Employee Deferred Compensation Plan: participant statement",
      "Ann Lee",
      "Statement period: 2003-01-01 to 2003-12-31",
      "Units valued at $0.70, the fair market value on 2003-12-31 (§7.2(a)); options at that value less their exercise price.",
      "Total value on 2003-12-31: $13,454.46",
    ]);
    expect(sheet.peek(0, 0)?.font).toEqual({ bold: true, size: 14 });

    const header = rowOf(sheet, "Account");
    expect(sheet.peek(header - 2, 0)?.font).toEqual({ bold: true });
    expect(sheet.read(`A${header}:J${header + 5}`)).toEqual([
      ["Account", "Opening", "Credited", "Dividends", "Split adjustment", "Interest", "Allocated out", "Paid out", "Closing", "Value"],
      ["Deferred Compensation Account (DCA)", 0, 3700, 208.057143, 3799.5, 0, 0, 0, 7707.557143, 5395.29],
      ["Company Matching Stock Account (CMSA)", 0, 550, 29.651429, 563.55, 0, 0, 0, 1143.201429, 800.24],
      ["Company Stock Account (CSA)", 0, 1000, 59.634286, 1030.2, 0, 0, 0, 2089.834286, 1462.88],
      ["Investment Account (IA)", 0, 5000, 0, 0, 129.75, 3000, 0, 2129.75, 2129.75],
      ["Total value, accounts and options", "", "", "", "", "", "", "", "", 13454.46],
    ]);
    expect([sheet.peek(header, 8)?.numberFormat, sheet.peek(header + 3, 8)?.numberFormat, sheet.peek(header, 9)?.numberFormat]).toEqual([
      "#,##0.000000",
      "$#,##0.00",
      "$#,##0.00",
    ]);
    expect(model.tablesOf(sheet).map((t) => t.name)).toEqual(["DCPAccounts", "DCPOptions", "DCPFindings", "DCPValue"]);
    expect(present(model.table("DCPAccounts"), "the accounts table").block).toEqual({ r0: header - 1, c0: 0, r1: header + 4, c1: 9 });

    const grant = rowOf(sheet, "Grant date");
    expect(sheet.read(`A${grant + 1}:E${grant + 1}`)).toEqual([[37834, 13332, 0.425, 38018, 3666.3]]);
    expect([sheet.peek(grant, 0)?.numberFormat, sheet.peek(grant, 2)?.numberFormat]).toEqual(["yyyy-mm-dd", "$#,##0.00##"]);

    const cell = rowOf(sheet, "Cell");
    const link = present(sheet.peek(cell, 0), "the finding's cell");
    expect([link.value, link.formula, link.hyperlink]).toEqual(["Activity!D8", `=HYPERLINK("#'Activity'!D8","Activity!D8")`, { address: "'Activity'!D8" }]);
    expect(sheet.read(`B${cell + 1}:D${cell + 1}`)).toEqual([["S01", "5.2(c)", "error"]]);

    const value = rowOf(sheet, "Date");
    expect(sheet.read(`A${value + 13}:B${value + 13}`)).toEqual([[37986, 13454.46]]);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({
      type: "Line",
      source: `'DCP Ann Lee'!A${value}:B${value + 13}`,
      title: "Ann Lee: total value",
      position: ["L2", "S19"],
    });
  });

  it("writes text as text, whatever it looks like", async () => {
    const model = host();
    const laid: StatementSheet = {
      name: "DCP Odd",
      title: "=SUM(A1)",
      lines: ["+1", "2003-01-01"],
      tables: [{ name: "DCPOdd", heading: "-x", header: ["=A"], rows: [["-5%"]] }],
      widths: [10],
    };
    await writeStatementSheet(laid);
    const sheet = present(model.sheet("DCP Odd"), "the sheet");
    expect(sheet.read("A1:A7").map(([v]) => v)).toEqual(["=SUM(A1)", "+1", "2003-01-01", "", "-x", "=A", "-5%"]);
    expect([...sheet.cells.values()].filter((c) => c.formula !== undefined)).toEqual([]);
  });

  it("replaces its own sheet on every write, keeping its table names; other sheets' tables keep theirs", async () => {
    const model = host();
    await writeStatementSheet(participantSheet(ben, statementSheetName("Ben Ortiz")));
    await writeStatementSheet(participantSheet(ann, statementSheetName("Ann Lee")));
    await writeStatementSheet(participantSheet(ann, statementSheetName("Ann Lee")));
    expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "DCP Ben Ortiz", "DCP Ann Lee"]);
    expect(model.tablesOf(present(model.sheet("DCP Ben Ortiz"), "Ben's sheet")).map((t) => t.name)).toEqual(["DCPAccounts", "DCPValue"]);
    expect(model.tablesOf(present(model.sheet("DCP Ann Lee"), "Ann's sheet")).map((t) => t.name)).toEqual([
      "DCPAccounts2",
      "DCPOptions",
      "DCPFindings",
      "DCPValue2",
    ]);
    expect(present(model.sheet("DCP Ann Lee"), "Ann's sheet").charts).toHaveLength(1);
  });

  it("writes the summary of all: each participant's closing balances, the plan's totals, every finding, the plan's value", async () => {
    const model = host();
    model.definedNames.push("DCPParticipants");
    await writeStatementSheet(summarySheet(result, STATEMENTS_SHEET));
    const sheet = present(model.sheet(STATEMENTS_SHEET), "the summary");
    const header = rowOf(sheet, "Participant");
    expect(sheet.read(`A${header}:G${header + 3}`)).toEqual([
      ["Participant", "DCA units", "CMSA units", "CSA units", "Investment Account", "Option shares", "Total value"],
      ["Ann Lee", 7707.557143, 1143.201429, 2089.834286, 2129.75, 13332, 13454.46],
      ["Ben Ortiz", 8114.285714, 811.428571, 0, 0, 0, 6248],
      ["Plan total", 15821.842857, 1954.63, 2089.834286, 2129.75, 13332, 19702.46],
    ]);
    expect(model.tablesOf(sheet).map((t) => t.name)).toEqual(["DCPParticipants2", "DCPFindings", "DCPValue"]);
    expect(sheet.charts[0]).toMatchObject({ title: "All participants: total value" });
  });

  it("writes a statement longer than one round trip carries, within Excel on the web's limits", async () => {
    const model = host();
    const rows = Array.from({ length: 60_000 }, (_, i) => [
      { link: { sheet: "Activity", cell: `D${i + 2}` } },
      "S02",
      "—",
      "error",
      `Amount holds "lots" on row ${i + 2}, not a number; the row is left out.`,
    ]);
    const before = model.syncs.length;
    await writeStatementSheet({
      name: "DCP Statements",
      title: "Many",
      lines: [],
      tables: [{ name: "DCPFindings", heading: "Findings", header: ["Cell", "Rule", "Section", "Severity", "Message"], rows }],
      widths: [12, 6, 8, 8, 60],
    });
    const syncs = model.syncs.slice(before);
    expect(syncs.length).toBeGreaterThan(2);
    expect(syncs.length).toBeLessThan(12);
    expect(Math.max(...syncs.map((s) => s.requestBytes))).toBeLessThanOrEqual(5_000_000);
    const sheet = present(model.sheet("DCP Statements"), "the sheet");
    expect(sheet.read("A60004:B60004")).toEqual([["Activity!D60001", "S02"]]);
    expect(present(model.table("DCPFindings"), "the table").block).toEqual({ r0: 3, c0: 0, r1: 60_003, c1: 4 });
  });

  it("writes a statement all or nothing: a round trip lost midway leaves the old sheet as it was and no sheet of its own", async () => {
    const model = host();
    const laid = (rows: number) => ({
      name: "DCP Statements",
      title: `${rows} rows`,
      lines: [],
      tables: [
        {
          name: "DCPFindings",
          heading: "Findings",
          header: ["Cell", "Rule"],
          rows: Array.from({ length: rows }, (_, i) => [`D${i + 2} ${"x".repeat(120)}`, "S02"]),
        },
      ],
      widths: [12, 6],
    });
    await writeStatementSheet(laid(2));
    const sheets = model.sheets.map((s) => s.name);
    model.failAtSync = model.syncCount + 4; // past the look around, within the rows
    await expect(writeStatementSheet(laid(60_000))).rejects.toThrow(/GeneralException/);
    expect(model.sheets.map((s) => s.name)).toEqual(sheets);
    expect(present(model.sheet("DCP Statements"), "the sheet").read("A1")).toEqual([["2 rows"]]);
    expect(present(model.table("DCPFindings"), "the table").block.r1).toBe(5);
  });

  it("writes after Insert template added the records, and never over the user's sheets", async () => {
    const model = host();
    expect(await insertTemplates(RECORDS_TEMPLATES)).toEqual([
      "Activity",
      "Dividends",
      "Splits",
      "Prices",
      "Prime Rates",
      "Withdrawals",
      "Participation",
      "Plan",
    ]);
    expect(model.table("PrimeRates")).toBeDefined();
    expect(present(model.sheet("Activity"), "Activity").read("A2:D2")).toEqual([["Ann Lee", 37666, "deferral", 10000]]);
    await writeStatementSheet(participantSheet(ann, statementSheetName("Ann Lee")));
    expect(model.sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "Activity",
      "Dividends",
      "Splits",
      "Prices",
      "Prime Rates",
      "Withdrawals",
      "Participation",
      "Plan",
      "DCP Ann Lee",
    ]);
    expect(present(model.sheet("Plan"), "Plan").read("A1:A2")).toEqual([["Plan Termination Date"], [""]]);
  });
});
