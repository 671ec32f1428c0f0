/** Inserts the template sheets: each a formatted Excel table with its sample rows, never over anything the user has. */
import { columnLetter } from "../../sheets/grid";
import { cellValues, NUMBER_FORMATS, type SheetTemplate } from "../../sheets/templates";
import { uniqueTableName, worksheetName } from "../names";
import { loadTakenTableNames } from "./names";
import { asText } from "./values";

/** Text a template holds stays text: Excel would read "2004-01-15" as a date and "-5%" as a formula. */
function templateCell(value: unknown): unknown {
  return typeof value === "string" ? asText(value) : value;
}

/** Adds each template as a new sheet holding a formatted Excel table with its sample rows. */
export async function insertTemplates(templates: readonly SheetTemplate[]): Promise<string[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const taken = loadTakenTableNames(context);
    await context.sync();

    const sheetNames = new Set(sheets.items.map((s) => s.name));
    const tableNames = new Set(taken());
    const added: string[] = [];
    for (const template of templates) {
      const name = worksheetName(template.sheet, sheetNames);
      sheetNames.add(name);
      const tableName = uniqueTableName(template.table, tableNames);
      tableNames.add(tableName);
      const sheet = sheets.add(name);
      const width = template.columns.length;
      const last = `${columnLetter(width - 1)}${template.rows.length + 1}`;
      const values = cellValues(template);
      const block = sheet.getRange(`A1:${last}`);
      block.numberFormat = [template.columns.map(() => "@"), ...values.map(() => template.columns.map((c) => NUMBER_FORMATS[c.format]))];
      block.values = [template.columns.map((c) => templateCell(c.header)), ...values.map((row) => row.map(templateCell))];
      const table = sheet.tables.add(block, true);
      table.name = tableName;
      template.columns.forEach((column, c) => {
        const body = sheet.getRange(`${columnLetter(c)}2:${columnLetter(c)}${template.rows.length + 1}`);
        body.format.columnWidth = column.width * 7;
        if (column.list) body.dataValidation.rule = { list: { inCellDropDown: true, source: column.list.join(",") } };
      });
      added.push(name);
    }
    sheets.getItem(added[0]).activate();
    await context.sync();
    return added;
  });
}
