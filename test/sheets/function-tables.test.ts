/**
 * The tables the custom functions read (Prices, Flows, Prime Rates), as
 * "Insert template" and the .xlsx writer make them: Excel tables a formula
 * names whole, one formula per column over them.
 */
import ExcelJS from "exceljs";
import {
  CREDITS_TEMPLATE,
  cellValues,
  FLOWS_TEMPLATE,
  FUNCTION_TABLE_TEMPLATES,
  PRICES_TEMPLATE,
  PRIME_RATES_TEMPLATE,
  type SheetTemplate,
} from "../../src/sheets/templates";
import { insertTemplates } from "../../src/workbook/excel";
import { addTemplateSheet } from "../../src/workbook/xlsx";
import { installHost, WorkbookModel } from "../doubles/excel-host";
import { caller, cellCaller, loadFunctionsBundle, serial } from "../helpers/bundle";

const { registered } = loadFunctionsBundle();
const raw = caller(registered);
const call = cellCaller(registered);

/** What a structured reference such as `Prices` hands a function: the table's rows, without its header. */
const body = (template: SheetTemplate) => cellValues(template);
/** A column of a table, as `Credits[Pay Date]` hands it. */
const column = (template: SheetTemplate, header: string) => {
  const c = template.columns.findIndex((col) => col.header === header);
  return cellValues(template).map((row) => [row[c] === "" ? null : row[c]]);
};
const withHeader = (template: SheetTemplate) => [template.columns.map((c) => c.header), ...cellValues(template)];

describe("the function tables' templates", () => {
  it("are Prices, Flows and Prime Rates, each an Excel table of exactly the columns its argument takes", () => {
    expect(FUNCTION_TABLE_TEMPLATES.map((t) => [t.sheet, t.table, t.columns.map((c) => c.header)])).toEqual([
      ["Prices", "Prices", ["Date", "Close"]],
      ["Flows", "Flows", ["Date", "Amount"]],
      ["Prime Rates", "PrimeRates", ["Date", "Prime Rate"]],
    ]);
  });

  it("are read by the functions by table name (rows only) exactly as with their header", () => {
    expect(call("CLOSE_PRICE", body(PRICES_TEMPLATE), "2003-07-01")).toBe(4);
    expect(call("CLOSE_PRICE", withHeader(PRICES_TEMPLATE), "2003-07-01")).toBe(4);
    // 10,000 from 2003-01-15: 76 of Q1's 90 days, at the 4.25% quoted 2002-11-07: 8,444.44 × 4.25% / 4 = 89.72 (§5.2(b)).
    expect(call("INVESTMENT_INTEREST", body(FLOWS_TEMPLATE), "2003-03-31", 0.0425)).toBe(89.72);
    const asOf = [["2003-03-31"], ["2003-06-30"], ["2003-12-31"]];
    const balances = raw("INVESTMENT_BALANCE", body(FLOWS_TEMPLATE), body(PRIME_RATES_TEMPLATE), asOf) as number[][];
    expect(balances[0]).toEqual([10_089.72]);
    expect(raw("INVESTMENT_BALANCE", withHeader(FLOWS_TEMPLATE), withHeader(PRIME_RATES_TEMPLATE), asOf)).toEqual(balances);
    expect(balances[2][0]).toBeGreaterThan(35_000);
  });

  it("take one formula per column over the Credits table, as the README shows", () => {
    const amounts = column(CREDITS_TEMPLATE, "Deferred Amount");
    const payDates = column(CREDITS_TEMPLATE, "Pay Date");
    const matchRates = column(CREDITS_TEMPLATE, "Match Rate");
    const units = raw("UNITS_CREDITED", amounts, body(PRICES_TEMPLATE), payDates, null) as number[][];
    const match = raw("MATCH_UNITS", amounts, body(PRICES_TEMPLATE), payDates, matchRates, null) as number[][];
    expect(units).toHaveLength(CREDITS_TEMPLATE.rows.length);
    units.forEach(([u], i) => expect(u).toBe(call("UNITS_CREDITED", amounts[i][0], body(PRICES_TEMPLATE), payDates[i][0], null)));
    // An empty Match Rate cell is the plan's 10%; Ben Ortiz's 15% is his.
    expect(matchRates.map(([rate]) => rate)).toEqual([null, 0.15, null, null]);
    match.forEach(([m], i) => expect(m).toBe(call("MATCH_UNITS", amounts[i][0], body(PRICES_TEMPLATE), payDates[i][0], i === 1 ? 0.15 : 0.1, null)));
  });
});

describe("both writers make them Excel tables", () => {
  it("Insert template (Office.js) adds the three sheets, each holding its named table", async () => {
    const model = new WorkbookModel();
    installHost(model);
    expect(await insertTemplates(FUNCTION_TABLE_TEMPLATES)).toEqual(["Prices", "Flows", "Prime Rates"]);
    for (const template of FUNCTION_TABLE_TEMPLATES) {
      expect(model.table(template.table)?.block).toEqual({ r0: 0, c0: 0, r1: template.rows.length, c1: template.columns.length - 1 });
    }
    expect(model.sheet("Prime Rates")?.peek(1, 1)?.numberFormat).toBe("0.00%");
  });

  it("the .xlsx writer adds each as a named table", () => {
    const workbook = new ExcelJS.Workbook();
    for (const template of FUNCTION_TABLE_TEMPLATES) {
      const sheet = addTemplateSheet(workbook, template);
      expect(sheet.getTable(template.table)).toBeDefined();
      expect(sheet.getCell("A2").value).toBe(serial(template.rows[0][0] as string));
    }
  });
});
