/**
 * Writes the committed example workbooks from the templates the task pane
 * inserts: `npm run examples`. Tests assert their exact findings. The output is
 * byte-for-byte the same on every run, so the committed files change only
 * when their content does.
 */
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { CREDITS_TEMPLATE, ELECTIONS_TEMPLATE, ISSUER_TEMPLATE, LEDGER_TEMPLATE, PRICES_TEMPLATE } from "../src/sheets/templates";
import { PAYOUT_TEMPLATES } from "../src/sheets/payoutTemplates";
import { addTemplateSheet } from "../src/workbook/xlsx";
import { addRecordsSheets } from "./records-example";

/** `npm run examples` writes the committed files; a folder argument writes them there instead (the determinism test). */
const EXAMPLES = path.resolve(process.argv[2] ?? path.join(__dirname, "../examples"));

/** One date for the document properties and every zip entry, so a regenerated file differs only where its content does. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

/** ExcelJS stamps each zip entry with the time of writing; the same entries are packed again with FIXED_DATE. */
async function withFixedZipDates(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  zip.forEach((_name, entry) => {
    entry.date = FIXED_DATE;
  });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function write(file: string, build: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "DCP add-in examples";
  workbook.created = workbook.modified = FIXED_DATE;
  build(workbook);
  const xlsx = await withFixedZipDates(Buffer.from(await workbook.xlsx.writeBuffer()));
  fs.writeFileSync(path.join(EXAMPLES, file), xlsx);
  console.log(`wrote ${path.relative(process.cwd(), path.join(EXAMPLES, file))}`);
}

async function main(): Promise<void> {
  await write("elections.xlsx", (workbook) => {
    addTemplateSheet(workbook, ELECTIONS_TEMPLATE);
    addTemplateSheet(workbook, PRICES_TEMPLATE);
  });
  await write("reserve.xlsx", (workbook) => {
    addTemplateSheet(workbook, LEDGER_TEMPLATE);
    addTemplateSheet(workbook, ISSUER_TEMPLATE);
  });
  await write("credits.xlsx", (workbook) => {
    addTemplateSheet(workbook, CREDITS_TEMPLATE);
    addTemplateSheet(workbook, PRICES_TEMPLATE);
    addTemplateSheet(workbook, ISSUER_TEMPLATE);
  });
  await write("records.xlsx", addRecordsSheets);
  await write("payouts.xlsx", (workbook) => {
    for (const template of PAYOUT_TEMPLATES) addTemplateSheet(workbook, template);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
