/**
 * Writes the committed example workbooks from the templates the task pane
 * inserts: `npx tsx scripts/make-examples.ts`. Tests assert their exact findings.
 */
import path from "path";
import ExcelJS from "exceljs";
import { CREDITS_TEMPLATE, ELECTIONS_TEMPLATE, LEDGER_TEMPLATE, PRICES_TEMPLATE } from "../src/sheets/templates";
import { addTemplateSheet } from "../src/workbook/xlsx";
import { addRecordsSheets } from "./records-example";

const EXAMPLES = path.resolve(__dirname, "../examples");

async function write(file: string, build: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "DCP add-in examples";
  // Fixed document dates, so a regenerated file differs only where its content does.
  workbook.created = workbook.modified = new Date(Date.UTC(2026, 0, 1));
  build(workbook);
  await workbook.xlsx.writeFile(path.join(EXAMPLES, file));
  console.log(`wrote examples/${file}`);
}

async function main(): Promise<void> {
  await write("elections.xlsx", (workbook) => {
    addTemplateSheet(workbook, ELECTIONS_TEMPLATE);
    addTemplateSheet(workbook, PRICES_TEMPLATE);
  });
  await write("reserve.xlsx", (workbook) => addTemplateSheet(workbook, LEDGER_TEMPLATE));
  await write("credits.xlsx", (workbook) => {
    addTemplateSheet(workbook, CREDITS_TEMPLATE);
    addTemplateSheet(workbook, PRICES_TEMPLATE);
  });
  await write("records.xlsx", addRecordsSheets);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
