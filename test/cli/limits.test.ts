/**
 * Issue 19: every command on every sheet Excel can hold finishes within 2 GB
 * of memory, or refuses in one line (exit 2) before it gets there. The plan
 * records past STATEMENT_ROWS are refused by both commands that replay them,
 * an election sheet past ELECTION_ROWS by dcp validate; each workbook is
 * written a row at a time, each row one cell, so making it costs seconds.
 * Run after a build.
 */
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { STATEMENT_ROWS } from "../../src/cli/statement";
import { ELECTION_ROWS } from "../../src/cli/validate";
import { dcp } from "../helpers/cli";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dcp-limits-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A sheet of `rows` rows with its header, each row one name: past the limit, nothing but the row count is read. */
async function oversizedWorkbook(sheet: string, header: string[], rows: number): Promise<string> {
  const file = path.join(tmp, `${sheet}-${rows}.xlsx`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const worksheet = workbook.addWorksheet(sheet);
  worksheet.addRow(header).commit();
  for (let i = 1; i < rows; i++) worksheet.addRow([`Participant ${i % 1000}`]).commit();
  worksheet.commit();
  await workbook.commit();
  return file;
}

describe(`plan records past ${STATEMENT_ROWS.toLocaleString("en-US")} Activity rows`, () => {
  let oversized: string;
  beforeAll(async () => {
    oversized = await oversizedWorkbook("Activity", ["Participant", "Date", "Kind", "Amount"], STATEMENT_ROWS + 1);
  });

  const refusal = (command: string) =>
    `dcp: the Activity sheet has ${(STATEMENT_ROWS + 1).toLocaleString("en-US")} rows, more than ${command} replays within 2 GB of memory (${STATEMENT_ROWS.toLocaleString("en-US")}); split the records into workbooks by participant\n`;

  it("dcp statement refuses in one line, exit 2, and writes nothing (--out included)", () => {
    const out = path.join(tmp, "statements.xlsx");
    const result = dcp("statement", oversized, "--out", out);
    expect(result).toEqual({ code: 2, stdout: "", stderr: refusal("dcp statement") });
    expect(fs.existsSync(out)).toBe(false);
  });

  it("dcp reserve, which replays the Activity sheet too, refuses alike", () => {
    expect(dcp("reserve", oversized)).toEqual({ code: 2, stdout: "", stderr: refusal("dcp reserve") });
  });
});

describe(`an election sheet past ${ELECTION_ROWS.toLocaleString("en-US")} rows`, () => {
  it("dcp validate refuses in one line, exit 2, and writes nothing (--out included)", async () => {
    const oversized = await oversizedWorkbook("Elections", ["Participant", "Election Type", "Election Date"], ELECTION_ROWS + 1);
    const out = path.join(tmp, "report.xlsx");
    expect(dcp("validate", oversized, "--out", out)).toEqual({
      code: 2,
      stdout: "",
      stderr: `dcp: the Elections sheet has ${(ELECTION_ROWS + 1).toLocaleString("en-US")} rows, more than dcp validate checks within 2 GB of memory (${ELECTION_ROWS.toLocaleString("en-US")}); split the elections into workbooks by plan year or participant\n`,
    });
    expect(fs.existsSync(out)).toBe(false);
  });
});
