/**
 * The streaming reader (src/workbook/xlsxStream.ts) the commands use gives
 * the same grids as the whole-workbook reader (ExcelJS, `sheetGrid`), and
 * refuses damaged and oversized files in one line.
 */
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { UnsavedFormula } from "../../src/sheets/grid";
import { openWorkbook, sheetGrid, UnusableInput } from "../../src/workbook/xlsx";
import { MAX_STREAMED_UNPACKED_BYTES, openXlsx } from "../../src/workbook/xlsxStream";
import { ledgerWorkbook } from "../helpers/large";

const ROOT = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dcp-stream-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function sameGrids(file: string): Promise<void> {
  const whole = await openWorkbook(file);
  const streamed = await openXlsx(file);
  expect(streamed.worksheets.map((s) => [s.name, s.state])).toEqual(whole.worksheets.map((s) => [s.name, s.state]));
  for (const [i, sheet] of whole.worksheets.entries()) expect(await streamed.grid(streamed.worksheets[i])).toEqual(sheetGrid(sheet));
}

async function refusalOf(file: string): Promise<string> {
  try {
    await (await openXlsx(file)).grid((await openXlsx(file)).worksheets[0]);
  } catch (error) {
    expect(error).toBeInstanceOf(UnusableInput);
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

describe("the streaming reader", () => {
  it.each(["elections", "reserve", "credits", "records"])("reads examples/%s.xlsx as the whole-workbook reader does", (name) =>
    sameGrids(path.join(ROOT, "examples", `${name}.xlsx`)),
  );

  it("reads a 12,000-row ledger (its XML inflated in many pieces) cell for cell as ExcelJS does", async () => {
    const file = await ledgerWorkbook(path.join(tmp, "ledger.xlsx"), 12_000);
    await sameGrids(file);
    const grid = await (await openXlsx(file)).grid((await openXlsx(file)).worksheets[0]);
    expect(grid.values).toHaveLength(12_001);
    // Row 12,001: entry 11,999, every fourth an option, dated 7,299 days after 2002-07-18 (serial 37455 + 7299).
    expect(grid.values[12_000].slice(0, 4)).toEqual([37455 + 7299, "option", 1, "Participant 499"]);
  });

  it("reads what hand-made files hold: formulas never calculated, merged cells, hidden sheets, inline and rich text, errors, dates", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Odd");
    sheet.addRow(["Participant", "Date", "Amount", "Note"]);
    sheet.addRow([{ richText: [{ text: "Ann " }, { text: "Lee", font: { bold: true } }] }, new Date(Date.UTC(2003, 4, 2)), { formula: "1+1" }, "a & b < c"]);
    sheet.addRow(["Bo Chan", new Date(Date.UTC(2003, 4, 3)), { formula: "C2*2", result: 4 }, { error: "#N/A" }]);
    sheet.addRow(["merged", "", 12.5, true]);
    sheet.mergeCells("A4:B4");
    // ExcelJS puts a value given to a merged cell on the merge's first cell; B4 stays blank.
    sheet.getCell("B4").value = "the merge's value";
    book.addWorksheet("Secret", { state: "veryHidden" }).addRow(["x"]);
    const file = path.join(tmp, "odd.xlsx");
    await book.xlsx.writeFile(file);
    await sameGrids(file);
    const grid = await (await openXlsx(file)).grid((await openXlsx(file)).worksheets[0]);
    expect(grid.values[1][0]).toBe("Ann Lee");
    expect(grid.values[1][1]).toBe(37743);
    expect(grid.values[1][2]).toBeInstanceOf(UnsavedFormula);
    expect(grid.values[1][3]).toBe("a & b < c");
    expect(grid.values[2].slice(2)).toEqual([4, "#N/A"]);
    expect(grid.values[3]).toEqual(["the merge's value", "", 12.5, true]);
  });

  it("says a zeroed zip is damaged in words, with no library internals such as (Bug : uncompressed data size mismatch)", async () => {
    const bytes = fs.readFileSync(path.join(ROOT, "examples/elections.xlsx"));
    // Zero every entry's compressed data, keeping the zip's headers and directory: what a disk error leaves.
    const zeroed = Buffer.from(bytes);
    for (let at = 0; at + 30 < zeroed.length; at++) {
      if (zeroed.readUInt32LE(at) !== 0x04034b50) continue;
      const start = at + 30 + zeroed.readUInt16LE(at + 26) + zeroed.readUInt16LE(at + 28);
      zeroed.fill(0, start, Math.min(zeroed.length, start + zeroed.readUInt32LE(at + 18)));
    }
    const file = path.join(tmp, "zeroed.xlsx");
    fs.writeFileSync(file, zeroed);
    const message = await refusalOf(file);
    expect(message).toBe(
      "zeroed.xlsx is not a readable .xlsx workbook (its contents are damaged or not what Excel writes); open it in Excel and save it as .xlsx",
    );
    expect(message).not.toMatch(/Bug|mismatch|TypeError/);
  });

  it("refuses in one line, before reading, a file whose parts unpack to more than it reads", async () => {
    const bytes = Buffer.from(fs.readFileSync(path.join(ROOT, "examples/elections.xlsx")));
    // Two directory entries that claim 0xFFFFFFF0 bytes each: beyond the bound, as a zip bomb's directory says.
    let claimed = 0;
    for (let at = 0; at + 46 < bytes.length && claimed < 2; at++) {
      if (bytes.readUInt32LE(at) !== 0x02014b50) continue;
      bytes.writeUInt32LE(0xfffffff0, at + 24);
      claimed++;
    }
    const file = path.join(tmp, "bomb.xlsx");
    fs.writeFileSync(file, bytes);
    const message = await refusalOf(file);
    expect(message).toMatch(/^bomb\.xlsx unpacks to [\d,]+ MB, more than dcp reads \([\d,]+ MB\); keep only the sheets it needs, or split the workbook$/);
    expect(2 * 0xfffffff0).toBeGreaterThan(MAX_STREAMED_UNPACKED_BYTES);
  });
});
