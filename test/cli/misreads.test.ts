/**
 * Hostile workbooks through the built command line (issue 8 §4): each is
 * generated here with ExcelJS, and each misread is a finding on its cell or one
 * clear line, never a plausible number, an "unexpected failure" or a changed
 * input file.
 */
import crypto from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { dcp } from "../helpers/cli";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dcp-misreads-"));
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const ELECTION_HEADERS = ["Participant", "Election Type", "Election Date", "Plan Year", "Percent", "Committee Approved"];
const SALARY = ["Ann Lee", "Salary deferral", day("2003-12-01"), 2004, 0.1, "Y"];

async function workbook(name: string, sheets: Record<string, ExcelJS.CellValue[][]>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const worksheet = book.addWorksheet(sheet);
    rows.forEach((row) => worksheet.addRow(row));
  }
  const file = path.join(tmp, name);
  await book.xlsx.writeFile(file);
  return file;
}

const digest = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** Runs dcp on the file and checks the file is byte-identical afterwards. */
function run(file: string, ...args: string[]) {
  const before = digest(file);
  const result = dcp(args[0], file, ...args.slice(1));
  expect(digest(file)).toBe(before);
  return result;
}

type JsonFinding = { row: number; column: string; rule: string; message: string };
const json = (stdout: string) => JSON.parse(stdout) as { findings: JsonFinding[] } & Record<string, unknown>;

/** Every business day of 2003-Q3 at a flat $2.50: 2003-Q3 averages exactly 2.5. */
function flatPrices(): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [["Date", "Close"]];
  for (let d = day("2003-07-01"); d <= day("2003-09-30"); d = new Date(d.getTime() + 86_400_000)) rows.push([d, 2.5]);
  return rows;
}

describe("dcp validate: cells that hold no value, or not the value they seem to", () => {
  it("names a formula with no saved value instead of calling the cell blank", async () => {
    const file = await workbook("unsaved-formula.xlsx", { Elections: [ELECTION_HEADERS, [{ formula: "Staff!B2" }, ...SALARY.slice(1)]] });
    const { code, stdout, stderr } = run(file, "validate", "--json");
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    expect(json(stdout).findings).toEqual([
      expect.objectContaining({
        row: 2,
        column: "Participant",
        rule: "E16",
        message: "Cell A2 holds a formula with no saved value (=Staff!B2): open and save it in Excel.",
      }),
    ]);
  });

  it("refuses error cells, stored or computed, as participants or election types", async () => {
    const file = await workbook("error-cells.xlsx", {
      Elections: [
        ELECTION_HEADERS,
        [{ error: "#N/A" }, ...SALARY.slice(1)],
        ["Ben Ortiz", { formula: "VLOOKUP(A3,Types!A:B,2,0)", result: { error: "#REF!" } }, ...SALARY.slice(2)],
      ],
    });
    const { code, stdout } = run(file, "validate", "--json");
    expect(code).toBe(1);
    expect(json(stdout).findings.map((f) => `${f.row} ${f.rule} ${f.column}: ${f.message}`)).toEqual([
      "2 E16 Participant: Cell A2 holds the error #N/A; Participant expects text. Correct the formula or value behind it.",
      "3 E16 Election Type: Cell B3 holds the error #REF!; Election Type expects text. Correct the formula or value behind it.",
    ]);
    expect(stdout).not.toMatch(/"#N\/A"|"#REF!" is not one/);
  });

  it('reports "0,1" as what it is, not 100%', async () => {
    const file = await workbook("decimal-comma.xlsx", { Elections: [ELECTION_HEADERS, [...SALARY.slice(0, 4), "0,1", "Y"]] });
    const { code, stdout } = run(file, "validate");
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /Cell E2 holds "0,1"; Percent expects a percent such as 50% \(a comma is read only between thousands, as in 1,000; write a decimal with a point: "0\.1"\)\./,
    );
  });

  it("reports a column named twice, reading the canonical one", async () => {
    const file = await workbook("two-types.xlsx", {
      Elections: [
        [...ELECTION_HEADERS, "Type"],
        [...SALARY, "Bonus deferral"],
      ],
    });
    const { code, stdout } = run(file, "validate", "--json");
    expect(code).toBe(1);
    expect(json(stdout).findings).toEqual([
      expect.objectContaining({
        row: 1,
        rule: "E01",
        message: expect.stringMatching(/^Columns B \("Election Type"\) and G \("Type"\) both name the Election Type column; B is read and G is ignored\./),
      }),
    ]);
  });

  it("matches headers with zero-width spaces, full-width letters and no-break spaces", async () => {
    const headers = ["\u200BParticipant", "\uFF25lection Type", "Election\u00A0Date", "Plan Year\uFEFF", "Percent", "Committee\u00A0Approved"];
    const file = await workbook("unicode-headers.xlsx", { Elections: [headers, SALARY] });
    const { code, stdout } = run(file, "validate");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Sheet "Elections": 1 election checked, 0 errors, 0 warnings\./);
  });

  it("a prices cell with no saved value makes the prices unusable: one line naming it, exit 2", async () => {
    const prices = flatPrices();
    prices[2][1] = { formula: "B2*1.01" } as ExcelJS.CellValue;
    const file = await workbook("prices-formula.xlsx", { Elections: [ELECTION_HEADERS, SALARY], Prices: prices });
    const { code, stdout, stderr } = run(file, "validate");
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toBe("dcp: the prices sheet cannot be used: Prices!B3 holds a formula with no saved value (=B2*1.01): open and save it in Excel\n");
  });
});

describe("dcp reserve: rates, reserve changes, splits and quantities that cannot be counted", () => {
  it("Match Rate 15 is a finding suggesting 15%, not 60,000 match units against the reserve", async () => {
    const file = await workbook("match-15.xlsx", {
      Credits: [
        ["Participant", "Deferred Amount", "Pay Date", "Match Rate"],
        ["Ann Lee", 10_000, day("2003-08-15"), 15],
        ["Ben Ortiz", 10_000, day("2003-08-15"), 0.15],
      ],
      Prices: flatPrices(),
    });
    const { code, stdout, stderr } = run(file, "reserve", "--json");
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    const report = json(stdout);
    // Ann Lee's 4,000 deferral units count without a match; Ben Ortiz has 4,000 deferral units and 600 match units at $2.50.
    expect(report.used).toBe(8_600);
    expect(report.findings).toEqual([
      expect.objectContaining({
        row: 2,
        column: "Match Rate",
        rule: "R02",
        message: "Match Rate 1500% is above 100%; if 15% was meant, enter 15% (or 0.15) (§4.3); no match units are counted; the deferral units still count.",
      }),
    ]);
    expect(run(file, "reserve").stdout).toMatch(/Credits {2}2 {4}D2 {4}Match Rate 1500% is above 100%; if 15% was meant/);
  });

  it.each([
    [
      "a reserve change below zero",
      [
        [day("2003-03-31"), "units", 100],
        [day("2003-06-30"), "reserve", -7_000_000],
      ],
      "C3",
      /^A reserve change of -7,000,000 shares would leave the authorised reserve at -1,000,000; it cannot fall below zero \(§13\.8\)\./,
      "R01",
    ],
    [
      "a split that overflows a cell",
      [
        [day("2003-03-31"), "units", 100],
        [day("2003-06-30"), "split", 1e300],
        [day("2003-07-31"), "split", 1e300],
      ],
      "C3",
      /^Quantity 1e\+300: a split of 1e\+300 new shares per old share is beyond 1,000 to one either way \(§13\.8\)/,
      "R05",
    ],
    [
      "a split that underflows a share",
      [
        [day("2003-03-31"), "units", 100],
        [day("2003-06-30"), "split", 1e-300],
      ],
      "C3",
      /^Quantity 1e-300: a split of 1e-300 new shares per old share is beyond 1,000 to one either way \(§13\.8\)/,
      "R05",
    ],
    [
      "a quantity too large for a cell",
      [[day("2003-03-31"), "units", `1${"0".repeat(400)}`]],
      "C2",
      /^Cell C2 holds "1000.*" \(401 characters\); Quantity expects a number a cell can hold/,
      "R01",
    ],
  ])("%s is a finding naming its row and cell, never an unexpected failure", async (name, rows, address, message, rule) => {
    const file = await workbook(`${name.replace(/\W+/g, "-")}.xlsx`, { Ledger: [["Date", "Kind", "Quantity"], ...rows] });
    const { code, stdout, stderr } = run(file, "reserve", "--json");
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    const [finding] = json(stdout).findings;
    expect(finding).toMatchObject({ row: Number(address.slice(1)), column: "Quantity", rule });
    expect(finding.message).toMatch(message);
    const text = run(file, "reserve");
    expect(text.stderr).toBe("");
    expect(text.stdout).toContain(`Ledger  ${address.slice(1)}    ${address}`);
  });

  it("a 20-digit Quantity is beyond the reserve (R05, issue 19): named exactly on its cell, never a 1666666666666700.00% total", async () => {
    const file = await workbook("twenty-digits.xlsx", {
      Ledger: [
        ["Date", "Kind", "Quantity"],
        [day("2003-03-31"), "units", 100],
        [day("2003-06-30"), "units", "98765432109876543210"],
      ],
    });
    const text = run(file, "reserve");
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/\n {2}Used {7}100 \(0\.00% of the reserve\)\n/);
    expect(text.stdout).toMatch(/\n1 row left out because a cell cannot be used:\n/);
    expect(text.stdout).toContain("98,765,432,109,876,543,210 shares is more than the whole §13.8 reserve on that date (6,000,000 shares)");
    const report = json(run(file, "reserve", "--json").stdout);
    expect(report.findings).toEqual([expect.objectContaining({ row: 3, column: "Quantity", rule: "R05" })]);
    expect(report.used).toBe(100);
  });
});
