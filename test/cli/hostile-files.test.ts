/**
 * The built `dcp` against files made to break it: every file is generated
 * here, every run checks the exit code and the message, and every input is
 * byte-for-byte the same afterwards.
 */
import { spawn, spawnSync } from "child_process";
import crypto from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { ELECTIONS_TEMPLATE, LEDGER_TEMPLATE, PRICES_TEMPLATE } from "../../src/sheets/templates";
import { addTemplateSheet } from "../../src/workbook/xlsx";
import { dcp, ROOT } from "../helpers/cli";

const DCP = path.join(ROOT, "dist/cli/dcp.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dcp-hostile-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A heap far below what walking a million-row extent takes (the first release died at the default 2 GB and more). */
const SMALL_HEAP_MB = 160;

const digest = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs dcp in `cwd` with a small heap, and checks that none of `inputs` changed. */
function dcpIn(cwd: string, inputs: string[], ...args: string[]): Run {
  const before = inputs.map((file) => digest(path.resolve(cwd, file)));
  const result = spawnSync(process.execPath, [`--max-old-space-size=${SMALL_HEAP_MB}`, DCP, ...args], { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  expect(inputs.map((file) => digest(path.resolve(cwd, file)))).toEqual(before);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The run ended with exit 2 and exactly one line on stderr, nothing on stdout. */
function expectOneLine(run: Run, line: string | RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr.endsWith("\n")).toBe(true);
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr.trimEnd()).toMatch(typeof line === "string" ? new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) : line);
}

async function workbook(file: string, build: (book: ExcelJS.Workbook) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  build(book);
  const out = path.join(tmp, file);
  await book.xlsx.writeFile(out);
  return out;
}

const cleanElections = { ...ELECTIONS_TEMPLATE, rows: ELECTIONS_TEMPLATE.rows.slice(0, 1) };

let many: Promise<string> | undefined;
/** An election sheet of 150,000 rows, each with an unreadable date: 150,000 findings. Made once. */
function manyFindings(): Promise<string> {
  many ??= (async () => {
    const file = path.join(tmp, "many.xlsx");
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
    const sheet = writer.addWorksheet("Elections");
    sheet.addRow(["Participant", "Election Type", "Election Date"]).commit();
    for (let i = 1; i <= 150_000; i++) sheet.addRow([`Participant ${i}`, "IV-SAL", "soon"]).commit();
    sheet.commit();
    await writer.commit();
    return file;
  })();
  return many;
}

describe("the command line never destroys a file", () => {
  let dir: string;
  beforeAll(async () => {
    dir = path.join(tmp, "books");
    fs.mkdirSync(path.join(dir, "sub"), { recursive: true });
    fs.copyFileSync(path.join(ROOT, "examples/elections.xlsx"), path.join(dir, "elections.xlsx"));
    fs.copyFileSync(path.join(ROOT, "examples/reserve.xlsx"), path.join(dir, "reserve.xlsx"));
    fs.symlinkSync("elections.xlsx", path.join(dir, "link.xlsx"));
    fs.linkSync(path.join(dir, "elections.xlsx"), path.join(dir, "hard.xlsx"));
  });

  it.each([["elections.xlsx"], ["./elections.xlsx"], ["sub/../elections.xlsx"], ["../books/elections.xlsx"], ["link.xlsx"], ["hard.xlsx"]])(
    "refuses dcp validate elections.xlsx --out %s, with or without --force",
    (out) => {
      for (const force of [[], ["--force"]]) {
        expectOneLine(
          dcpIn(dir, ["elections.xlsx"], "validate", "elections.xlsx", "--out", out, ...force),
          `dcp: --out ${out} is the same file as the input elections.xlsx; writing there would replace it, so choose another name`,
        );
      }
    },
  );

  it("refuses dcp reserve reserve.xlsx --ocf with the workbook, by any path", () => {
    for (const out of ["reserve.xlsx", "./reserve.xlsx", path.join(dir, "reserve.xlsx")]) {
      expectOneLine(
        dcpIn(dir, ["reserve.xlsx"], "reserve", "reserve.xlsx", "--ocf", out, "--force"),
        /^dcp: --ocf .* is the same file as the input reserve\.xlsx;/,
      );
    }
  });

  it("replaces an existing file only when it is a report dcp wrote, or with --force", () => {
    fs.writeFileSync(path.join(dir, "notes.xlsx"), "someone's notes");
    expectOneLine(
      dcpIn(dir, ["elections.xlsx", "notes.xlsx"], "validate", "elections.xlsx", "--out", "notes.xlsx"),
      "dcp: --out notes.xlsx already exists and is not a validation report written by dcp; choose another name, or add --force to replace it",
    );
    // Another workbook is not a report either.
    expectOneLine(
      dcpIn(dir, ["elections.xlsx", "reserve.xlsx"], "validate", "elections.xlsx", "--out", "reserve.xlsx"),
      /^dcp: --out reserve\.xlsx already exists and is not a validation report/,
    );

    expect(dcpIn(dir, ["elections.xlsx"], "validate", "elections.xlsx", "--out", "report.xlsx").code).toBe(1);
    const first = fs.statSync(path.join(dir, "report.xlsx"));
    const again = dcpIn(dir, ["elections.xlsx"], "validate", "elections.xlsx", "--out", "report.xlsx");
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/\nReport written to report\.xlsx\.\n$/);
    expect(fs.statSync(path.join(dir, "report.xlsx")).ino).not.toBe(first.ino);

    expect(dcpIn(dir, ["elections.xlsx"], "validate", "elections.xlsx", "--out", "notes.xlsx", "--force").code).toBe(1);
    expect(fs.readFileSync(path.join(dir, "notes.xlsx")).subarray(0, 2).toString()).toBe("PK");
    expect(fs.readdirSync(dir).filter((name) => name.startsWith("."))).toEqual([]);
  });

  it("replaces an Open Cap Format package only when dcp wrote it, or with --force", () => {
    fs.writeFileSync(path.join(dir, "config.zip"), "not a package\n");
    expectOneLine(
      dcpIn(dir, ["reserve.xlsx", "config.zip"], "reserve", "reserve.xlsx", "--ocf", "config.zip"),
      "dcp: --ocf config.zip already exists and is not an Open Cap Format .zip written by dcp; choose another name, or add --force to replace it",
    );
    fs.mkdirSync(path.join(dir, "papers"));
    fs.writeFileSync(path.join(dir, "papers", "minutes.txt"), "keep\n");
    expectOneLine(
      dcpIn(dir, ["reserve.xlsx"], "reserve", "reserve.xlsx", "--ocf", "papers"),
      "dcp: --ocf papers already exists and holds files that are not an Open Cap Format package folder written by dcp; choose a new or empty folder",
    );
    expect(fs.readFileSync(path.join(dir, "papers", "minutes.txt"), "utf8")).toBe("keep\n");

    for (const target of ["ledger-ocf.zip", "ledger-ocf"]) {
      expect(dcpIn(dir, ["reserve.xlsx"], "reserve", "reserve.xlsx", "--ocf", target).code).toBe(1);
      expect(dcpIn(dir, ["reserve.xlsx"], "reserve", "reserve.xlsx", "--ocf", target).code).toBe(1);
    }
    expect(JSON.parse(fs.readFileSync(path.join(dir, "ledger-ocf", "Manifest.ocf.json"), "utf8")).file_type).toBe("OCF_MANIFEST_FILE");
    expect(dcpIn(dir, ["reserve.xlsx"], "reserve", "reserve.xlsx", "--ocf", "config.zip", "--force").code).toBe(1);
    expect(fs.readFileSync(path.join(dir, "config.zip")).subarray(0, 2).toString()).toBe("PK");
    expect(fs.readdirSync(dir).filter((name) => name.startsWith("."))).toEqual([]);
  });

  it("leaves the previous report whole, and no temporary behind, when a run is interrupted while writing", async () => {
    const big = await manyFindings();
    expect(dcpIn(dir, ["elections.xlsx"], "validate", "elections.xlsx", "--out", "interrupted.xlsx").code).toBe(1);
    const [before, input] = [digest(path.join(dir, "interrupted.xlsx")), digest(big)];
    const temporaries = () => fs.readdirSync(dir).filter((name) => name.startsWith(".interrupted.xlsx.dcp-"));
    // Watch the folder before the run starts, so the temporary's creation cannot be missed.
    const watcher = fs.watch(dir);
    const child = spawn(process.execPath, [DCP, "validate", big, "--out", "interrupted.xlsx"], { cwd: dir, stdio: "ignore" });
    const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      watcher.on("change", () => temporaries().length > 0 && resolve());
      void exit.then(() => resolve());
    });
    watcher.close();
    expect(temporaries()).toHaveLength(1);
    child.kill("SIGINT");
    expect(await exit).toBe(130);
    expect(temporaries()).toEqual([]);
    expect(digest(path.join(dir, "interrupted.xlsx"))).toBe(before);
    expect(digest(big)).toBe(input);
  });

  it("names the missing folder of --out or --ocf in one line", () => {
    expectOneLine(
      dcpIn(dir, ["elections.xlsx"], "validate", "elections.xlsx", "--out", "reports/2004/report.xlsx"),
      "dcp: cannot write --out reports/2004/report.xlsx: the folder reports/2004 does not exist",
    );
    expectOneLine(
      dcpIn(dir, ["reserve.xlsx"], "reserve", "reserve.xlsx", "--ocf", "out/ledger.json"),
      "dcp: cannot write --ocf out/ledger.json: the folder out does not exist",
    );
    expectOneLine(
      dcpIn(dir, ["elections.xlsx"], "validate", "elections.xlsx", "--out", "sub"),
      "dcp: cannot write --out sub: it is a folder; name a file inside it",
    );
  });
});

describe("reading is bounded by the data, not by the sheet's extent", () => {
  it("reads a workbook with one stray value at Z1048576 in a small heap, and reports the cell", async () => {
    const file = await workbook("stray.xlsx", (book) => {
      addTemplateSheet(book, cleanElections).getCell("Z1048576").value = "stray";
    });
    expect(fs.statSync(file).size).toBeLessThan(20_000);
    const run = dcpIn(tmp, [file], "validate", file, "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings).toEqual([
      {
        row: 1_048_576,
        column: "Z",
        rule: "T01",
        section: "—",
        severity: "warning",
        message: 'Cell Z1048576 holds "stray", outside the table (A1:O2) on Elections; it is not read. Move it into the table or clear it.',
      },
    ]);
    const text = dcpIn(tmp, [file], "validate", file);
    expect(text.stdout).toMatch(/\n1048576 +Z1048576 +Z +T01 +— +warning +Cell Z1048576 holds "stray"/);
  });

  it("reads a workbook formatted down to row 1,048,576 in a small heap, and finds nothing wrong", async () => {
    const file = await workbook("formatted.xlsx", (book) => {
      const sheet = addTemplateSheet(book, cleanElections);
      sheet.getRow(1_048_576).font = { bold: true };
      sheet.getRow(1_048_576).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    });
    const run = dcpIn(tmp, [file], "validate", file);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Sheet "Elections": 1 election checked, 0 errors, 0 warnings\./);
  });

  it("reports a stray value far below the Prices table on its own sheet's cell", async () => {
    const file = await workbook("prices-stray.xlsx", (book) => {
      addTemplateSheet(book, cleanElections);
      addTemplateSheet(book, PRICES_TEMPLATE).getCell("B500000").value = 99;
    });
    const json = dcpIn(tmp, [file], "validate", file, "--json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).findings).toEqual([
      expect.objectContaining({
        row: 500_000,
        column: "B",
        rule: "T01",
        severity: "warning",
        message: expect.stringMatching(/^Cell B500000 holds 99, outside the table \(A1:B\d+\) on Prices; it is not read\./),
      }),
    ]);
    expect(dcpIn(tmp, [file], "validate", file).stdout).toMatch(/\n500000 +'Prices'!B500000 +B +T01 /);
  });

  it("reports a stray value far below a ledger, and still reconciles the ledger", async () => {
    const file = await workbook("ledger-stray.xlsx", (book) => {
      addTemplateSheet(book, LEDGER_TEMPLATE).getCell("C900000").value = 5_000_000;
    });
    const json = dcpIn(tmp, [file], "reserve", file, "--json");
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.used).toBe(12_400_000);
    expect(report.findings).toEqual([expect.objectContaining({ sheet: "Ledger", row: 900_000, column: "C", rule: "T01", severity: "warning" })]);
    const text = dcpIn(tmp, [file], "reserve", file);
    expect(text.stdout).toMatch(
      /\n1 value outside the tables, not read:\nSheet .*\n-.*\nLedger +900000 +C900000 +Cell C900000 holds 5000000, outside the table/,
    );
  });

  it("prints 150,000 findings as text, every one of them", async () => {
    const file = await manyFindings();
    const result = spawnSync(process.execPath, [DCP, "validate", file], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe('Sheet "Elections": 150,000 elections checked, 150,000 errors, 0 warnings.');
    expect(lines).toHaveLength(5 + 150_000);
    expect(lines.at(-1)).toMatch(/^150001 +C150001 +Election Date +E16 +— +error +Cell C150001 holds "soon"/);
  });
});

describe("no sheet is picked silently", () => {
  it.each([
    ["hidden", "hidden"],
    ["veryHidden", "very hidden (hidden from Excel's Unhide list)"],
  ] as const)("does not check a %s Elections sheet unless it is named, and says how", async (state, words) => {
    const file = await workbook(`elections-${state}.xlsx`, (book) => {
      book.addWorksheet("Notes").addRow(["Read me first"]);
      addTemplateSheet(book, cleanElections).state = state;
    });
    expectOneLine(dcpIn(tmp, [file], "validate", file), `dcp: the sheet "Elections" is ${words}, so it is not used unless named: add --sheet "Elections"`);
    const named = dcpIn(tmp, [file], "validate", file, "--sheet", "Elections", "--json");
    expect(named.code).toBe(0);
    expect(JSON.parse(named.stdout)).toEqual({ sheet: "Elections", prices: null, findings: [] });
  });

  it("falls back to the first visible sheet, passing over hidden ones, and names it", async () => {
    const file = await workbook("first-visible.xlsx", (book) => {
      const hidden = book.addWorksheet("Old");
      hidden.addRow(["Participant", "Election Type", "Election Date"]);
      hidden.addRow(["Zed", "IV-SAL", "soon"]);
      hidden.state = "hidden";
      addTemplateSheet(book, { ...cleanElections, sheet: "2004 elections" });
    });
    const run = dcpIn(tmp, [file], "validate", file);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Sheet "2004 elections": 1 election checked, 0 errors, 0 warnings\.\n/);
  });

  it("does not value options at a hidden Prices sheet unless it is named", async () => {
    const file = await workbook("prices-hidden.xlsx", (book) => {
      addTemplateSheet(book, ELECTIONS_TEMPLATE);
      addTemplateSheet(book, PRICES_TEMPLATE).state = "hidden";
    });
    expectOneLine(dcpIn(tmp, [file], "validate", file), 'dcp: the sheet "Prices" is hidden, so it is not used unless named: add --prices "Prices"');
    const named = dcpIn(tmp, [file], "validate", file, "--prices", "Prices", "--json");
    expect(named.code).toBe(1);
    expect(JSON.parse(named.stdout)).toMatchObject({ sheet: "Elections", prices: "Prices" });
  });

  it("does not reconcile a hidden Ledger sheet unless it is named, and names the sheets it read", async () => {
    const file = await workbook("ledger-hidden.xlsx", (book) => {
      addTemplateSheet(book, LEDGER_TEMPLATE).state = "veryHidden";
    });
    expectOneLine(dcpIn(tmp, [file], "reserve", file), /^dcp: the sheet "Ledger" is very hidden .*: add --ledger "Ledger"$/);
    const named = dcpIn(tmp, [file], "reserve", file, "--ledger", "Ledger", "--json");
    expect(JSON.parse(named.stdout).sheets).toEqual({ ledger: "Ledger", credits: null, prices: null });
  });
});

describe("dates on the command line", () => {
  it.each([
    ["reserve", "examples/reserve.xlsx", "--as-of", "1989-12-31"],
    ["reserve", "examples/reserve.xlsx", "--as-of", "2100-01-01"],
    ["validate", "examples/elections.xlsx", "--effective-date", "1900-01-01"],
  ])("%s %s %s %s is exit 2: outside the supported dates", (...args) => {
    expectOneLine(dcpIn(ROOT, [args[1]], ...args), `dcp: ${args[2]} ${args[3]} is outside the supported dates 1990-01-01 .. 2099-12-31`);
  });

  it("takes the first and last supported days", () => {
    expect(dcpIn(ROOT, [], "reserve", "examples/reserve.xlsx", "--as-of", "1990-01-01", "--json").code).toBe(1);
    expect(JSON.parse(dcpIn(ROOT, [], "reserve", "examples/reserve.xlsx", "--as-of", "2099-12-31", "--json").stdout).asOf).toBe("2099-12-31");
  });
});

describe("an output folder is replaced whole, so nothing of the user's may be in it", () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dcp-folder-"));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it.each([
    ["the input itself, with --force", "in.xlsx", ["--force"]],
    ["the input deeper down, with --force", path.join("deep", "in.xlsx"), ["--force"]],
    ["the input, without --force", "in.xlsx", []],
  ])("refuses --ocf FOLDER holding %s, and leaves every file as it was", (_what, inputPath, flags) => {
    const folder = path.join(tmp, "v6");
    const input = path.join(folder, inputPath);
    fs.mkdirSync(path.dirname(input), { recursive: true });
    fs.copyFileSync(path.join(ROOT, "examples/reserve.xlsx"), input);
    fs.writeFileSync(path.join(folder, "thesis.docx"), "keep");
    const before = fs.readFileSync(input);
    const run = dcp("reserve", input, "--ocf", folder, ...flags);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^dcp: --ocf .*v6 holds the input .*in\.xlsx; writing there would replace the folder, so choose another folder\n$/);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.readFileSync(path.join(folder, "thesis.docx"), "utf8")).toBe("keep");
  });

  it("refuses a folder with other files even with --force, and writes into an empty one", () => {
    const folder = path.join(tmp, "victim");
    fs.mkdirSync(path.join(folder, "sub"), { recursive: true });
    fs.writeFileSync(path.join(folder, "sub", "notes.txt"), "keep");
    const refused = dcp("reserve", "examples/reserve.xlsx", "--ocf", folder, "--force");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/holds files that are not an Open Cap Format package folder written by dcp; choose a new or empty folder\n$/);
    expect(fs.readFileSync(path.join(folder, "sub", "notes.txt"), "utf8")).toBe("keep");
    const empty = path.join(tmp, "empty");
    fs.mkdirSync(empty);
    expect(dcp("reserve", "examples/reserve.xlsx", "--ocf", empty).code).toBe(1);
    expect(fs.readdirSync(empty)).toContain("Manifest.ocf.json");
  });
});

describe("a workbook that would unpack beyond what can be read is refused before reading", () => {
  /** The example with its first two central-directory entries claiming `size` unpacked bytes each, as a zip bomb's do. */
  function claiming(size: number): Buffer {
    const zip = Buffer.from(fs.readFileSync(path.join(ROOT, "examples/reserve.xlsx")));
    const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
    const first = zip.indexOf(signature);
    for (const entry of [first, zip.indexOf(signature, first + 4)]) zip.writeUInt32LE(size, entry + 24);
    return zip;
  }

  it("names the unpacked size and the limit in one line, exit 2, within the time it takes to read a directory", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dcp-bomb-"));
    const file = path.join(tmp, "bomb.xlsx");
    fs.writeFileSync(file, claiming(0xf000_0000));
    const run = dcp("validate", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("dcp: bomb.xlsx unpacks to 7,680 MB, more than dcp reads (4,096 MB); keep only the sheets it needs, or split the workbook\n");
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("says a file whose zip directory is cut off is damaged", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dcp-cut-"));
    const file = path.join(tmp, "cut.xlsx");
    const whole = fs.readFileSync(path.join(ROOT, "examples/reserve.xlsx"));
    fs.writeFileSync(file, whole.subarray(0, whole.length - 200));
    const run = dcp("reserve", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("dcp: cut.xlsx is not a readable .xlsx workbook: its zip directory is damaged (save it again from Excel)\n");
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});
