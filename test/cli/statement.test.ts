/**
 * `dcp statement` over examples/records.xlsx (four participants, 2003–2006, one
 * allocation larger than the Investment Account): the JSON is the workflow's
 * document, the three surfaces (command, workflow, functions) agree, and the
 * workbook and PDFs it writes read back as statements. Run after a build.
 */
import fs from "fs";
import os from "os";
import path from "path";
import type ExcelJS from "exceljs";
import { findSheet, openWorkbook, sheetGrid } from "../../src/workbook/xlsx";
import { statementJson, statementWorkflow, type StatementGrids, type StatementJson } from "../../src/workflows/statement";
import { cellCaller, iso, loadFunctionsBundle, serial } from "../helpers/bundle";
import { dcp, ROOT } from "../helpers/cli";
import { readPdf } from "../helpers/pdf";

const EXAMPLE = path.join(ROOT, "examples/records.xlsx");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dcp-statement-"));
const SHEETS = { activity: "Activity", dividends: "Dividends", splits: "Splits", prices: "Prices", primeRates: "Prime Rates" } as const;

function present<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`expected ${what}`);
  return value;
}

async function exampleGrids(): Promise<StatementGrids> {
  const workbook = await openWorkbook(EXAMPLE);
  return Object.fromEntries(Object.entries(SHEETS).map(([key, name]) => [key, sheetGrid(present(findSheet(workbook, name), name))]));
}

/** A workbook of the example's sheets but those left out, and with any changes. */
async function exampleWithout(file: string, leaveOut: string[]): Promise<string> {
  const workbook = await openWorkbook(EXAMPLE);
  for (const name of leaveOut) workbook.removeWorksheet(present(findSheet(workbook, name), name).id);
  const out = path.join(tmp, file);
  await workbook.xlsx.writeFile(out);
  return out;
}

const json = (...args: string[]): { code: number; document: StatementJson; stderr: string } => {
  const { code, stdout, stderr } = dcp("statement", ...args, "--json");
  return { code, document: JSON.parse(stdout), stderr };
};

describe("dcp statement --json", () => {
  let grids: StatementGrids;
  beforeAll(async () => {
    grids = await exampleGrids();
  });

  it("prints exactly the workflow's document, and exits 1 for the over-allocation it finds (S01, §5.2(c))", () => {
    const { code, document, stderr } = json(EXAMPLE);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(document).toEqual(JSON.parse(JSON.stringify(statementJson(statementWorkflow(grids)))));
    expect([document.from, document.to]).toEqual(["2003-01-15", "2006-12-28"]);
    expect(document.participants.map((p) => p.participant)).toEqual(["Ann Lee", "Ben Ortiz", "Cara Diaz", "Dan Wu"]);
    expect(document.findings.map((f) => [f.sheet, f.cell, f.rule, f.section, f.severity])).toEqual([["Activity", "D152", "S01", "5.2(c)", "error"]]);
    expect(Object.keys(document)).toEqual(["from", "to", "participants", "totals", "findings"]);
    expect(Object.keys(document.participants[0].accounts.DCA)).toEqual([
      "opening",
      "credited",
      "dividends",
      "splitAdjustment",
      "interest",
      "allocatedOut",
      "paidOut",
      "closing",
      "value",
    ]);
  });

  it("states one participant over a period, matched ignoring case and spaces, and exits 0 when that participant's records are clean", () => {
    const { code, document } = json(EXAMPLE, "--participant", "  ANN LEE ", "--from", "2006-01-01", "--to", "2006-06-30");
    expect(code).toBe(0);
    expect([document.from, document.to]).toEqual(["2006-01-01", "2006-06-30"]);
    expect(document.participants.map((p) => p.participant)).toEqual(["Ann Lee"]);
    expect(document.totals.totalValue).toBe(document.participants[0].totalValue);
    for (const account of Object.values(document.participants[0].accounts)) {
      const moved =
        account.opening + account.credited + account.dividends + account.splitAdjustment + account.interest - account.allocatedOut - account.paidOut;
      expect(moved).toBeCloseTo(account.closing, 6);
    }
  });
});

describe("the three surfaces agree on the same records", () => {
  const call = cellCaller(loadFunctionsBundle().registered);
  let ranges: Record<keyof typeof SHEETS, unknown[][]>;
  let document: StatementJson;
  beforeAll(async () => {
    const grids = await exampleGrids();
    ranges = Object.fromEntries(Object.keys(SHEETS).map((key) => [key, present(grids[key as keyof StatementGrids], key).values])) as typeof ranges;
    document = json(EXAMPLE, "--from", "2005-01-01", "--to", "2006-12-28").document;
  });
  const balance = (participant: string, account: string, asOf: unknown) =>
    call("ACCOUNT_BALANCE", ranges.activity, ranges.prices, ranges.dividends, ranges.splits, ranges.primeRates, participant, account, asOf);

  it("ACCOUNT_BALANCE at the period's end is the command's closing for every account of every participant with clean records", () => {
    const clean = document.participants.filter((p) => p.participant !== "Cara Diaz");
    expect(clean).toHaveLength(3);
    for (const p of clean) {
      for (const [key, line] of Object.entries(p.accounts))
        expect([p.participant, key, balance(p.participant, key, serial("2006-12-28"))]).toEqual([p.participant, key, line.closing]);
      const shares = p.options.reduce((sum, o) => sum + o.shares, 0);
      expect(balance(p.participant, "OPTIONS", "2006-12-28")).toBe(shares);
    }
    // The formula refuses what the command reports and leaves out: Cara Diaz's allocation larger than her Investment Account.
    expect(balance("Cara Diaz", "IA", "2006-12-28")).toEqual({ code: "#VALUE!", message: expect.stringMatching(/^activity row 152: .*§5\.2\(c\)/) });
  });

  it("ACCOUNT_STATEMENT and OPTION_GRANTS spill what the command states", () => {
    const ann = document.participants[0];
    const rows = call(
      "ACCOUNT_STATEMENT",
      ranges.activity,
      ranges.prices,
      ranges.dividends,
      ranges.splits,
      ranges.primeRates,
      "Ann Lee",
      "2005-01-01",
      "2006-12-28",
    ) as unknown[][];
    expect(rows.slice(1, 5)).toEqual(Object.entries(ann.accounts).map(([key, line]) => [key, ...Object.values(line)]));
    expect(rows[5][9]).toBe(ann.totalValue);
    const grants = call("OPTION_GRANTS", ranges.activity, ranges.prices, ranges.splits, "Ann Lee", "2006-12-28") as unknown[][];
    expect(
      grants.slice(1).map(([grant, shares, price, exercisable, value]) => ({
        grantDate: iso(grant as number),
        shares,
        exercisePrice: price,
        exercisableDate: iso(exercisable as number),
        value,
      })),
    ).toEqual(ann.options);
  });
});

describe("dcp statement as text", () => {
  it("prints an aligned table a participant, the plan totals and the findings with their cells", () => {
    const { code, stdout, stderr } = dcp("statement", EXAMPLE, "--from", "2006-01-01");
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^Statements from .*records\.xlsx for 2006-01-01 to 2006-12-28: 4 participants \(176 Activity rows, 16 dividends, 1 split read\)\.\n/,
    );
    expect(stdout).toContain("Units valued at $4.32, the fair market value on 2006-12-28 (§7.2(a)).");
    expect(stdout).toContain(
      "Ann Lee: total value $163,929.75 on 2006-12-28\n  Account        Opening      Credited   Dividends  Split adjustment   Interest  Allocated out  Paid out        Closing       Value\n",
    );
    expect(stdout).toContain(
      "\n  DCA      12,832.559430  2,658.377739  158.520341          0.000000   0.000000       0.000000  0.000000  15,649.457510  $67,605.66\n",
    );
    expect(stdout).toContain(
      "\n  IA          $16,320.94    $10,000.00       $0.00             $0.00  $1,113.46      $5,000.00     $0.00     $22,434.40  $22,434.40\n",
    );
    expect(stdout).toContain("\n  2003-08-01   4,950          $1.717  2004-02-01      $12,884.85\n");
    expect(stdout).toMatch(/Plan totals on 2006-12-28 \(§13\.3: .*\):\n {2}DCA {10}51,245\.747959 units\n/);
    expect(stdout).toContain("\n  Total value    $448,441.20\n");
    expect(stdout).toMatch(
      /\n1 finding:\nSheet +Cell +Rule +§ +Severity +Message\n[- ]+\nActivity {2}D152 {2}S01 {3}5\.2\(c\) {2}error {5}The allocation to a discounted option of \$50,000\.00 /,
    );
  });

  it("reads a hidden records sheet all the same, since the records are found by name, and says so", async () => {
    const workbook = await openWorkbook(EXAMPLE);
    present(findSheet(workbook, "Prices"), "Prices").state = "hidden";
    const file = path.join(tmp, "hidden-prices.xlsx");
    await workbook.xlsx.writeFile(file);
    const { code, stdout } = dcp("statement", file, "--participant", "Dan Wu");
    expect(code).toBe(0);
    expect(stdout.split("\n").slice(0, 3)).toEqual([
      // The period runs over the whole Activity sheet, not just this participant's rows (STATEMENT.md: "--to defaults to the last date in Activity").
      `Statements from ${file} for 2003-01-15 to 2006-12-28: 1 participant (176 Activity rows, 16 dividends, 1 split read).`,
      "Units valued at $4.32, the fair market value on 2006-12-28 (§7.2(a)).",
      'Read though hidden: "Prices".',
    ]);
  });

  it("--help names every option", () => {
    const { code, stdout } = dcp("statement", "--help");
    expect(code).toBe(0);
    for (const option of ["--participant NAME", "--from YYYY-MM-DD", "--to YYYY-MM-DD", "--json", "--out FILE.xlsx", "--pdf DIR", "--force"])
      expect(stdout).toContain(`\n  ${option} `);
  });
});

describe("dcp statement --out FILE.xlsx", () => {
  const out = path.join(tmp, "statements.xlsx");
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const run = dcp("statement", EXAMPLE, "--out", out);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`Statements workbook written to ${out} (a Summary sheet and 4 participant sheets).`);
    workbook = await openWorkbook(out);
  });

  it("holds a Summary sheet and one sheet a participant, marked as dcp's own", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Summary", "Ann Lee", "Ben Ortiz", "Cara Diaz", "Dan Wu"]);
    expect(workbook.keywords).toBe("dcp-statements");
  });

  it("states each participant's Accounts as --json does, with options and the value over the period", () => {
    const { document } = json(EXAMPLE);
    const ann = present(workbook.getWorksheet("Ann Lee"), "Ann Lee");
    const values = sheetGrid(ann).values;
    const row = (label: string) =>
      present(
        values.find((r) => r[0] === label),
        label,
      );
    expect(values[0][0]).toBe("Hecla Mining Company Key Employee Deferred Compensation Plan: participant statement");
    expect(values[1][0]).toBe("Ann Lee");
    expect(row("Account")).toEqual([
      "Account",
      "Opening",
      "Credited",
      "Dividends",
      "Split adjustment",
      "Interest",
      "Allocated out",
      "Paid out",
      "Closing",
      "Value",
    ]);
    const [dca, ia] = [row("Deferred Compensation Account (DCA)"), row("Investment Account (IA)")];
    expect(dca.slice(1)).toEqual(Object.values(document.participants[0].accounts.DCA));
    expect(ia.slice(1)).toEqual(Object.values(document.participants[0].accounts.IA));
    expect(row("Total value, accounts and options")[9]).toBe(document.participants[0].totalValue);
    const dcaRow = values.indexOf(dca) + 1;
    expect(ann.getCell(dcaRow, 2).numFmt).toBe("#,##0.000000");
    expect(ann.getCell(dcaRow + 3, 2).numFmt).toBe("$#,##0.00");
    const grants = values.filter((r) => typeof r[0] === "number" && typeof r[2] === "number" && r[2] < 10);
    expect(grants.map((r) => [iso(r[0] as number), r[1], r[2]])).toEqual(document.participants[0].options.map((o) => [o.grantDate, o.shares, o.exercisePrice]));
    expect(Object.keys((ann as unknown as { tables: Record<string, unknown> }).tables)).toEqual(["DCPAccounts", "DCPOptions", "DCPValue2"]);
  });

  it("sums the plan on the Summary sheet and links each finding to its cell in the input", () => {
    const { document } = json(EXAMPLE);
    const summary = present(workbook.getWorksheet("Summary"), "Summary");
    const values = sheetGrid(summary).values;
    const total = present(
      values.find((r) => r[0] === "Plan total"),
      "Plan total",
    );
    expect(total.slice(1, 7)).toEqual([
      document.totals.DCA,
      document.totals.CMSA,
      document.totals.CSA,
      document.totals.IA,
      document.totals.OPTIONS,
      document.totals.totalValue,
    ]);
    expect(values.filter((r) => document.participants.some((p) => p.participant === r[0])).map((r) => r[6])).toEqual(
      document.participants.map((p) => p.totalValue),
    );
    const link = values.findIndex((r) => r[0] === "Activity!D152") + 1;
    expect(summary.getCell(link, 1).value).toEqual({
      text: "Activity!D152",
      hyperlink: `${path.relative(tmp, EXAMPLE).split(path.sep).join("/")}#'Activity'!D152`,
    });
    expect(summary.getCell(link, 2).value).toBe("S01");
  });

  it("replaces its own earlier workbook, but not another file without --force, and never the input", async () => {
    expect(dcp("statement", EXAMPLE, "--out", out, "--participant", "Dan Wu").code).toBe(0);
    expect((await openWorkbook(out)).worksheets.map((s) => s.name)).toEqual(["Summary", "Dan Wu"]);

    const foreign = path.join(tmp, "budget.xlsx");
    fs.writeFileSync(foreign, "not ours");
    const refused = dcp("statement", EXAMPLE, "--out", foreign);
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([
      2,
      "",
      `dcp: --out ${foreign} already exists and is not a statements workbook written by dcp; choose another name, or add --force to replace it\n`,
    ]);
    expect(fs.readFileSync(foreign, "utf8")).toBe("not ours");
    expect(dcp("statement", EXAMPLE, "--out", foreign, "--force").code).toBe(1);
    expect((await openWorkbook(foreign)).keywords).toBe("dcp-statements");

    const copy = path.join(tmp, "records-copy.xlsx");
    fs.copyFileSync(EXAMPLE, copy);
    const overInput = dcp("statement", copy, "--out", path.join(tmp, ".", "records-copy.xlsx"), "--force");
    expect(overInput.code).toBe(2);
    expect(overInput.stderr).toMatch(
      /^dcp: --out .*records-copy\.xlsx is the same file as the input .*; writing there would replace it, so choose another name\n$/,
    );
    expect(fs.readFileSync(copy)).toEqual(fs.readFileSync(EXAMPLE));
  });
});

describe("dcp statement --pdf DIR", () => {
  const folder = path.join(tmp, "statements");
  beforeAll(() => {
    const run = dcp("statement", EXAMPLE, "--from", "2006-01-01", "--pdf", folder);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`4 PDF statements written to ${folder}.`);
  });

  it("prints Cara Diaz's findings in her statement: the $50,000 allocation of Activity D152 not applied (S01)", async () => {
    const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dcp-pdf-")), "statements");
    expect(dcp("statement", EXAMPLE, "--participant", "Cara Diaz", "--pdf", folder).code).toBe(1);
    const text = (await readPdf(fs.readFileSync(path.join(folder, "Cara Diaz.pdf")))).text.replace(/\s*\|\s*|\s+/g, " ");
    expect(text).toContain("Activity!D152 S01");
    expect(text).toContain("The allocation to a discounted option of $50,000.00");
  });

  it("writes one PDF a participant, named for the participant", () => {
    expect(fs.readdirSync(folder).sort()).toEqual(["Ann Lee.pdf", "Ben Ortiz.pdf", "Cara Diaz.pdf", "Dan Wu.pdf"]);
  });

  it("each reads back as that participant's statement: plan, period, accounts, options, the chart and page numbers", async () => {
    const { document } = json(EXAMPLE, "--from", "2006-01-01");
    for (const participant of document.participants) {
      const pdf = await readPdf(fs.readFileSync(path.join(folder, `${participant.participant}.pdf`)));
      expect(pdf.pages).toBeGreaterThanOrEqual(1);
      expect(pdf.lines[0]).toBe("Hecla Mining Company Key Employee Deferred Compensation Plan — Participant statement");
      expect(pdf.lines).toContain(participant.participant);
      expect(pdf.text).toContain("Statement period: January 1, 2006 to December 28, 2006");
      expect(pdf.text).toContain(`Total value on December 28, 2006 | $${participant.totalValue.toLocaleString("en-US", { minimumFractionDigits: 2 })}`);
      expect(pdf.text).toContain("Value over the period");
      expect(pdf.text).toContain(`Page ${pdf.pages} of ${pdf.pages}`);
    }
    const ann = await readPdf(fs.readFileSync(path.join(folder, "Ann Lee.pdf")));
    expect(ann.pages).toBe(2);
    expect(ann.lines).toContain("Deferred | 12,832.559430 | 2,658.377739 | 158.520341 | 0.000000 | — | — | 0.000000 | 15,649.457510 | $67,605.66");
    expect(ann.text).toContain("August 1, 2003 | 4,950 | $1.717 | February 1, 2004 | $12,884.85");
  });

  it("replaces its own folder of statements, but never a folder holding anything else, --force or not", () => {
    expect(dcp("statement", EXAMPLE, "--participant", "Dan Wu", "--pdf", folder).code).toBe(0);
    expect(fs.readdirSync(folder)).toEqual(["Dan Wu.pdf"]);

    const mixed = path.join(tmp, "mixed");
    fs.mkdirSync(mixed);
    fs.writeFileSync(path.join(mixed, "notes.txt"), "keep me");
    const refused = dcp("statement", EXAMPLE, "--pdf", mixed);
    expect([refused.code, refused.stderr]).toEqual([
      2,
      `dcp: --pdf ${mixed} already exists and holds files that are not a folder of statements written by dcp; choose a new or empty folder\n`,
    ]);
    expect(dcp("statement", EXAMPLE, "--pdf", mixed, "--force").code).toBe(2);
    expect(fs.readdirSync(mixed)).toEqual(["notes.txt"]);
  });
});

describe("input dcp statement cannot use: exit 2, one line on stderr, nothing on stdout", () => {
  it.each([
    ["no Activity sheet", ["Activity"], [], "dcp: there is no Activity sheet: it holds the plan records a statement replays"],
    ["no Prices sheet", ["Prices"], [], "dcp: there is no Prices sheet: units are credited and valued at its closing prices (§8.1)"],
    ["a --from that is no date", [], ["--from", "2006-13-01"], "dcp: --from 2006-13-01 is not a YYYY-MM-DD date"],
    ["a --to outside the supported dates", [], ["--to", "2100-01-01"], "dcp: --to 2100-01-01 is outside the supported dates 1990-01-01 .. 2099-12-31"],
    ["a period that ends before it starts", [], ["--from", "2006-12-31", "--to", "2006-01-01"], "dcp: the period starts 2006-12-31, after it ends 2006-01-01"],
    [
      "a --to without a price",
      [],
      ["--to", "2007-06-29"],
      "dcp: the statement values units at the fair market value on 2007-06-29, but there is no closing price for 2007-06-29 in the price table",
    ],
    [
      "an unknown participant",
      [],
      ["--participant", "Eve Park"],
      'dcp: Activity has no readable row for participant "Eve Park"; its participants are "Ann Lee", "Ben Ortiz", "Cara Diaz", "Dan Wu"',
    ],
    ["a blank participant", [], ["--participant", " "], "dcp: --participant is blank; give a name, or leave the option out for every participant"],
  ])("%s", async (what, leaveOut, args, line) => {
    const file = leaveOut.length ? await exampleWithout(`without-${leaveOut.join("-")}.xlsx`, leaveOut) : EXAMPLE;
    for (const json of [[], ["--json"]]) {
      const { code, stdout, stderr } = dcp("statement", file, ...args, ...json);
      expect([what, code, stdout, stderr]).toEqual([what, 2, "", `${line}\n`]);
    }
  });

  it("a file that is not a workbook, and a missing one", () => {
    const text = path.join(tmp, "records.xlsx");
    fs.writeFileSync(text, "Participant,Date\n");
    expect(dcp("statement", text).stderr).toBe("dcp: records.xlsx is not an .xlsx workbook (save it from Excel as .xlsx)\n");
    expect(dcp("statement", path.join(tmp, "nowhere.xlsx")).stderr).toMatch(/^dcp: cannot read .*nowhere\.xlsx: no such file\n$/);
  });

  it("an Activity sheet with a header and no rows", async () => {
    const workbook = await openWorkbook(EXAMPLE);
    workbook.removeWorksheet(present(findSheet(workbook, "Activity"), "Activity").id);
    workbook.addWorksheet("Activity").addRow(["Participant", "Date", "Kind", "Amount"]);
    const file = path.join(tmp, "empty-activity.xlsx");
    await workbook.xlsx.writeFile(file);
    expect(dcp("statement", file)).toEqual({ code: 2, stdout: "", stderr: "dcp: the Activity sheet holds no rows: there is nothing to state\n" });
  });

  it("an unreadable cell is a finding on its cell, not a failure: the rest is stated, exit 1", async () => {
    const workbook = await openWorkbook(EXAMPLE);
    present(findSheet(workbook, "Activity"), "Activity").getCell("D2").value = "lots";
    const file = path.join(tmp, "unreadable.xlsx");
    await workbook.xlsx.writeFile(file);
    const { code, document } = json(file);
    expect(code).toBe(1);
    expect(document.findings.map((f) => [f.cell, f.rule])).toEqual([
      ["D2", "S02"],
      ["D152", "S01"],
    ]);
    expect(document.participants).toHaveLength(4);
  });
});

describe("dcp statement: an exact duplicate Activity row (issue 19)", () => {
  it("is S09, a warning whose row still counts: the text never says it could not be applied", async () => {
    const workbook = await openWorkbook(EXAMPLE);
    const activity = present(findSheet(workbook, "Activity"), "Activity");
    const repeated = activity.getRow(2).values as ExcelJS.CellValue[];
    const copy = activity.addRow(repeated.slice(1));
    const file = path.join(tmp, "duplicate-row.xlsx");
    await workbook.xlsx.writeFile(file);
    const { code, document } = json(file);
    expect(code).toBe(1);
    expect(document.findings.filter((f) => f.rule === "S09").map((f) => [f.cell, f.severity, f.message])).toEqual([
      [`A${copy.number}`, "warning", "This row repeats row 2 exactly, and both are counted; remove one if it was entered twice."],
    ]);
    const { stdout } = dcp("statement", file);
    // Ann Lee's row 2 counted twice: $165,782.71 (issue 19), and the text says so as a warning, never as a record not applied.
    expect(stdout).toMatch(/^Ann Lee: total value \$165,782\.71 on 2006-12-28$/m);
    expect(stdout.match(/could not be applied/g)).toHaveLength(1); // Cara Diaz's S01 alone
  });
});
