/**
 * A command that writes several outputs (payout --out/--pdf, claims
 * --out/--ics, statement --out/--pdf, reserve --out/--ocf) writes all of
 * them or none: two on one path, one inside another's folder, or any target
 * that cannot be written is exit 2 with one line and nothing written. And
 * every command that finds its sheets by name says when one was hidden.
 * Run after a build.
 */
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { CIC_EVENTS_TEMPLATE, CLAIMS_TEMPLATE, CLAIMS_TEMPLATE_AS_OF } from "../../src/sheets/claimsTemplates";
import { addTemplateSheet, findSheet, openWorkbook } from "../../src/workbook/xlsx";
import { dcp, ROOT } from "../helpers/cli";

const PAYOUTS = path.join(ROOT, "examples/payouts.xlsx");
const RECORDS = path.join(ROOT, "examples/records.xlsx");
const RESERVE = path.join(ROOT, "examples/reserve.xlsx");

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dcp-outputs-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Everything in the folder, hidden temporaries included. */
const entries = (folder = tmp) => fs.readdirSync(folder).sort();

async function claimsWorkbook(hidden = false): Promise<string> {
  const book = new ExcelJS.Workbook();
  addTemplateSheet(book, CLAIMS_TEMPLATE).state = hidden ? "hidden" : "visible";
  addTemplateSheet(book, CIC_EVENTS_TEMPLATE).state = hidden ? "veryHidden" : "visible";
  const file = path.join(tmp, hidden ? "hidden-claims.xlsx" : "claims.xlsx");
  await book.xlsx.writeFile(file);
  return file;
}

/** Exit 2, one line on stderr, nothing on stdout. */
function expectRefusal(run: ReturnType<typeof dcp>, line: string): void {
  expect(run.stderr).toBe(`${line}\n`);
  expect(run.stdout).toBe("");
  expect(run.code).toBe(2);
}

describe("two outputs on one path are refused before anything is written", () => {
  it("dcp claims --out a.xlsx --ics a.xlsx: the calendar would replace the docket", async () => {
    const claims = await claimsWorkbook();
    const docket = path.join(tmp, "a.xlsx");
    expectRefusal(
      dcp("claims", claims, "--as-of", CLAIMS_TEMPLATE_AS_OF, "--out", docket, "--ics", docket),
      `dcp: --out ${docket} and --ics ${docket} are the same path; one output would replace the other, so give each a name of its own`,
    );
    expect(entries()).toEqual(["claims.xlsx"]);
  });

  it("dcp payout --out same.xlsx --pdf same.xlsx, spelled two ways", () => {
    const spelled = path.join(tmp, "sub", "..", "same.xlsx");
    const run = dcp("payout", PAYOUTS, "--out", path.join(tmp, "same.xlsx"), "--pdf", spelled);
    expectRefusal(
      run,
      `dcp: --out ${path.join(tmp, "same.xlsx")} and --pdf ${spelled} are the same path; one output would replace the other, so give each a name of its own`,
    );
    expect(entries()).toEqual([]);
  });

  it("dcp statement --out and --pdf through a symbolic link to the same folder", () => {
    fs.mkdirSync(path.join(tmp, "real"));
    fs.symlinkSync(path.join(tmp, "real"), path.join(tmp, "link"));
    const out = path.join(tmp, "real", "s.xlsx");
    const pdf = path.join(tmp, "link", "s.xlsx");
    expectRefusal(
      dcp("statement", RECORDS, "--out", out, "--pdf", pdf),
      `dcp: --out ${out} and --pdf ${pdf} are the same path; one output would replace the other, so give each a name of its own`,
    );
    expect(entries(path.join(tmp, "real"))).toEqual([]);
  });

  it("dcp payout --out inside the --pdf folder, which is replaced whole", () => {
    const notices = path.join(tmp, "notices");
    const report = path.join(notices, "report.xlsx");
    expectRefusal(
      dcp("payout", PAYOUTS, "--pdf", notices, "--out", report),
      `dcp: --out ${report} is inside --pdf ${notices}, which dcp replaces whole; give each output a place of its own`,
    );
    expect(entries()).toEqual([]);
  });

  it("dcp reserve --out inside the --ocf package folder", () => {
    const ocf = path.join(tmp, "package");
    fs.mkdirSync(ocf);
    const report = path.join(ocf, "reserve.xlsx");
    expectRefusal(
      dcp("reserve", RESERVE, "--out", report, "--ocf", ocf),
      `dcp: --out ${report} is inside --ocf ${ocf}, which dcp replaces whole; give each output a place of its own`,
    );
    expect(entries(ocf)).toEqual([]);
  });
});

describe("a target that cannot be written is found before any output is written", () => {
  it.each([
    ["payout", "--pdf", "pdfs", PAYOUTS],
    ["statement", "--pdf", "pdfs", RECORDS],
    ["reserve", "--ocf", "package", RESERVE],
  ])("dcp %s FILE --out good.xlsx %s /proc/%s: exit 2, and good.xlsx is not written", (command, other, name, input) => {
    const good = path.join(tmp, "good.xlsx");
    expectRefusal(
      dcp(command, input, "--out", good, other, `/proc/${name}`),
      `dcp: cannot write ${other} /proc/${name}: the folder /proc does not take new files`,
    );
    expect(entries()).toEqual([]);
  });

  it("dcp claims --out docket.xlsx --ics /proc/…: exit 2, and the docket is not written", async () => {
    const claims = await claimsWorkbook();
    const docket = path.join(tmp, "docket.xlsx");
    expectRefusal(
      dcp("claims", claims, "--as-of", CLAIMS_TEMPLATE_AS_OF, "--out", docket, "--ics", "/proc/deadlines.ics"),
      "dcp: cannot write --ics /proc/deadlines.ics: the folder /proc does not take new files",
    );
    expect(entries()).toEqual(["claims.xlsx"]);
  });

  it("writes both when both can be written", async () => {
    const claims = await claimsWorkbook();
    const run = dcp("claims", claims, "--as-of", CLAIMS_TEMPLATE_AS_OF, "--out", path.join(tmp, "docket.xlsx"), "--ics", path.join(tmp, "deadlines.ics"));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expect(entries()).toEqual(["claims.xlsx", "deadlines.ics", "docket.xlsx"]);
    expect(fs.readFileSync(path.join(tmp, "deadlines.ics"), "utf8")).toMatch(/^BEGIN:VCALENDAR/);
  });
});

describe("a sheet read though hidden is named in the text output", () => {
  it("dcp payout: the Prices sheet hidden", async () => {
    const workbook = await openWorkbook(PAYOUTS);
    findSheet(workbook, "Prices")!.state = "hidden";
    const file = path.join(tmp, "hidden-prices.xlsx");
    await workbook.xlsx.writeFile(file);
    const text = dcp("payout", file);
    expect(text.code).toBe(0);
    expect(text.stdout.split("\n")[1]).toBe('Read though hidden: "Prices".');
    // The JSON is the document of PAYOUT.md, as statement's is STATEMENT.md's: it does not carry the line.
    expect(JSON.parse(dcp("payout", file, "--json").stdout)).toEqual(JSON.parse(dcp("payout", PAYOUTS, "--json").stdout));
    expect(dcp("payout", PAYOUTS).stdout).not.toContain("Read though hidden");
  });

  it("dcp claims and dcp cic: the Claims sheet hidden, the CIC Events sheet very hidden", async () => {
    const hidden = await claimsWorkbook(true);
    const claims = dcp("claims", hidden, "--as-of", CLAIMS_TEMPLATE_AS_OF);
    expect(claims.code).toBe(1);
    expect(claims.stdout.split("\n").slice(0, 2)).toEqual([
      `Claims docket of sheet "Claims" as of ${CLAIMS_TEMPLATE_AS_OF}: 3 claims.`,
      'Read though hidden: "Claims".',
    ]);
    const cic = dcp("cic", hidden);
    expect(cic.stdout.split("\n")[0]).toBe('Read though hidden: "CIC Events".');

    const visible = await claimsWorkbook();
    expect(dcp("claims", visible, "--as-of", CLAIMS_TEMPLATE_AS_OF).stdout).not.toContain("Read though hidden");
    expect(dcp("cic", visible).stdout).not.toContain("Read though hidden");
  });
});

it("dcp cic --out over someone else's file names a Change in Control report once", async () => {
  const claims = await claimsWorkbook();
  const notes = path.join(tmp, "notes.xlsx");
  fs.writeFileSync(notes, "the user's notes");
  expectRefusal(
    dcp("cic", claims, "--out", notes),
    `dcp: --out ${notes} already exists and is not a Change in Control report written by dcp; choose another name, or add --force to replace it`,
  );
  expect(fs.readFileSync(notes, "utf8")).toBe("the user's notes");
});
