/**
 * `dcp statement FILE.xlsx`: each participant's Accounts replayed from the
 * plan records (STATEMENT.md), as a table, as the `--json` document, as a
 * workbook (`--out`) and as one PDF a participant (`--pdf`). A shell over
 * statementWorkflow: it finds the sheets, calls the workflow, presents it.
 */
import fs from "fs";
import path from "path";
import type ExcelJS from "exceljs";
import { ACCOUNT_KEYS } from "../engine/accounts";
import { dateParts, type IsoDate } from "../engine/dates";
import { toNumber } from "../engine/decimal";
import { formatDollars, formatShares, formatUnits, plural } from "../engine/format";
import { ACCOUNT_LINE_COLUMNS } from "../engine/statement";
import { participantSheet, placeSheet, summarySheet, type SheetCell, type StatementSheet } from "../sheets/statementSheets";
import { countBySeverity } from "../sheets/findings";
import type { CellFinding } from "../sheets/records";
import type { SheetGrid } from "../sheets/grid";
import { uniqueTableName, worksheetName } from "../workbook/names";
import { findSheet, loadExcelJS, UnusableInput, type ListedSheet } from "../workbook/xlsx";
import { openXlsx, type StreamedSheet, type StreamedWorkbook } from "../workbook/xlsxStream";
import { statementJson, statementWorkflow, type ParticipantResult, type StatementGrids, type StatementResult } from "../workflows/statement";
import { dateOption, type CommandSpec, type ParsedOptions } from "./options";
import { hasDocumentKeyword, pdfFolderRequest, prepareOutputs, type Output, type OutputRequest } from "./output";
import { STATEMENT_CREATOR } from "../documents/fileNames";
import type { StatementPdfInput } from "../documents/statementInput";
import { fontsBesideTheCommand } from "./fonts";
import { alignedTable, readThoughHidden } from "./table";

export const STATEMENT_COMMAND: CommandSpec = {
  name: "statement",
  summary: "each participant's Accounts and options, replayed from the records",
  description: [
    "Replays the plan records of FILE.xlsx (the sheets Activity, Dividends, Splits, Prices and",
    "Prime Rates; where present Withdrawals, Participation, Plan and Payouts) into each participant's",
    "four Accounts and options, and states them over a period: opening, credited, dividends,",
    "split adjustment, interest, allocated out, paid out, closing and value. Credits inside a",
    "stop window (§3.3, §7.3, §15.1, §15.2) are refused (S05). FILE.xlsx is only read, never changed.",
  ].join("\n"),
  options: [
    { name: "participant", value: "NAME", help: "state one participant (matched ignoring case and surrounding spaces; default: all)" },
    { name: "from", value: "YYYY-MM-DD", help: "the first day of the period (default: the first Activity date)" },
    { name: "to", value: "YYYY-MM-DD", help: "the last day of the period (default: the last Activity date)" },
    { name: "json", help: "print the statements as JSON (docs/STATEMENT.md) instead of tables" },
    { name: "out", value: "FILE.xlsx", help: "also write a workbook: a Summary sheet and one sheet a participant" },
    { name: "pdf", value: "DIR", help: "also write one PDF statement a participant into the folder DIR" },
    { name: "force", help: "replace FILE.xlsx or DIR even when it is not an output dcp statement wrote" },
  ],
};

/** The sheets a statement reads, by the names STATEMENT.md gives them. */
const SHEETS: Record<keyof StatementGrids, string> = {
  activity: "Activity",
  dividends: "Dividends",
  splits: "Splits",
  prices: "Prices",
  primeRates: "Prime Rates",
  withdrawals: "Withdrawals",
  participation: "Participation",
  plan: "Plan",
  payouts: "Payouts",
};

/** Set in the --out workbook's document properties: how a later run knows the file is its own output. */
const WORKBOOK_MARKER = "dcp-statements";
interface Read {
  grids: StatementGrids;
  /** The sheets read, to say which were hidden (readThoughHidden). */
  sheets: StreamedSheet[];
}

async function readGrids(workbook: StreamedWorkbook): Promise<Read> {
  const grids: StatementGrids = {};
  const sheets: StreamedSheet[] = [];
  for (const [key, name] of Object.entries(SHEETS) as Array<[keyof StatementGrids, string]>) {
    const sheet = findSheet(workbook, name);
    if (!sheet) continue;
    grids[key] = await workbook.grid(sheet);
    sheets.push(sheet);
  }
  return { grids, sheets };
}

// ---------------------------------------------------------------------------
// Text.

const indent = (text: string) => text.replace(/^/gm, "  ");

function participantText({ statement, findings }: ParticipantResult): string {
  const lines = [`${statement.participant}: total value ${formatDollars(statement.totalValue)} on ${statement.to}`];
  const rows = ACCOUNT_KEYS.map((key) => {
    const line = statement.accounts[key];
    return [key, ...ACCOUNT_LINE_COLUMNS.map(([field]) => (key === "IA" || field === "value" ? formatDollars(line[field]) : formatUnits(line[field])))];
  });
  lines.push(indent(alignedTable(["Account", ...ACCOUNT_LINE_COLUMNS.map(([, header]) => header)], rows, [false, ...ACCOUNT_LINE_COLUMNS.map(() => true)])));
  if (statement.options.length > 0) {
    lines.push(`  ${plural(statement.options.length, "option grant")}, as adjusted through ${statement.to} (§5.4):`);
    const options = statement.options.map((o) => [
      o.grantDate,
      formatShares(o.shares),
      formatDollars(o.exercisePrice),
      o.exercisableDate,
      formatDollars(o.value),
    ]);
    lines.push(indent(alignedTable(["Grant date", "Shares", "Exercise price", "Exercisable on", "Value"], options, [false, true, true, false, true])));
  }
  const { error, warning } = countBySeverity(findings);
  if (error > 0) lines.push(`  ${plural(error, "error")}: records of this participant's that could not be applied; see the findings below.`);
  if (warning > 0) lines.push(`  ${plural(warning, "warning")} on records of this participant's that still count; see the findings below.`);
  return lines.join("\n");
}

function findingsText(findings: readonly CellFinding[]): string {
  const rows = findings.map((f) => [f.sheet, f.cell, f.rule, f.section, f.severity, f.message]);
  return `${plural(findings.length, "finding")}:\n${alignedTable(["Sheet", "Cell", "Rule", "§", "Severity", "Message"], rows)}`;
}

function printText(result: StatementResult, file: string, sheets: readonly ListedSheet[], written: readonly string[]): void {
  const { rowsRead } = result;
  const read = `${plural(rowsRead.activity, "Activity row")}, ${plural(rowsRead.dividends, "dividend")}, ${plural(rowsRead.splits, "split")} read`;
  const blocks: string[] = [];
  if (result.from === undefined || result.to === undefined) {
    blocks.push(`No statement from ${file}: no Activity row could be read (${read}).`);
  } else {
    const header = [`Statements from ${file} for ${result.from} to ${result.to}: ${plural(result.participants.length, "participant")} (${read}).`];
    const fairMarketValue = result.participants[0]?.statement.fairMarketValue;
    if (fairMarketValue) header.push(`Units valued at ${formatDollars(fairMarketValue)}, the fair market value on ${result.to} (§7.2(a)).`);
    const hidden = readThoughHidden(sheets);
    if (hidden) header.push(hidden);
    blocks.push(header.join("\n"));
    for (const participant of result.participants) blocks.push(participantText(participant));
    const { balances, totalValue } = result.totals;
    const totals = [
      ["DCA", formatUnits(balances.DCA), "units"],
      ["CMSA", formatUnits(balances.CMSA), "units"],
      ["CSA", formatUnits(balances.CSA), "units"],
      ["IA", formatDollars(balances.IA), ""],
      ["Options", formatShares(balances.OPTIONS), "shares outstanding"],
      ["Total value", formatDollars(totalValue), ""],
    ];
    const [labels, figures] = [0, 1].map((i) => totals.reduce((width, row) => Math.max(width, row[i].length), 0));
    const lines = totals.map(([label, figure, unit]) => `  ${label.padEnd(labels)}  ${figure.padStart(figures)}${unit ? ` ${unit}` : ""}`);
    blocks.push([`Plan totals on ${result.to} (§13.3: what the plan owes at fair market value):`, ...lines].join("\n"));
  }
  if (result.findings.length > 0) blocks.push(findingsText(result.findings));
  if (written.length > 0) blocks.push(written.join("\n"));
  console.log(blocks.join("\n\n"));
}

// ---------------------------------------------------------------------------
// --out: the same sheets the task pane writes, through ExcelJS.

function excelDate(date: IsoDate): Date {
  const { year, month, day } = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day));
}

/** Lays out one sheet; findings link to their cells in the input workbook. */
function addSheet(workbook: ExcelJS.Workbook, laid: StatementSheet, source: string, tables: Set<string>): void {
  const sheet = workbook.addWorksheet(laid.name);
  const placed = placeSheet(laid);
  laid.widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  const title = sheet.getCell(placed.title, 1);
  title.value = laid.title;
  title.font = { bold: true, size: 14 };
  laid.lines.forEach((line, i) => (sheet.getCell(placed.lines[i], 1).value = line));
  for (const { table, heading, header } of placed.tables) {
    const headingCell = sheet.getCell(heading, 1);
    headingCell.value = table.heading;
    headingCell.font = { bold: true };
    const name = uniqueTableName(table.name, tables);
    tables.add(name);
    const value = (cell: SheetCell): ExcelJS.CellValue => {
      if (typeof cell === "string") return cell === "" ? null : cell;
      if ("number" in cell) return cell.number;
      if ("date" in cell) return excelDate(cell.date);
      return `${cell.link.sheet}!${cell.link.cell}`;
    };
    sheet.addTable({
      name,
      ref: `A${header}`,
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: table.header.map((column) => ({ name: column })),
      rows: table.rows.map((row) => row.map(value)),
    });
    table.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell === "string") return;
        const target = sheet.getCell(header + 1 + r, c + 1);
        if ("number" in cell) target.numFmt = cell.format;
        else if ("date" in cell) target.numFmt = "yyyy-mm-dd";
        else target.value = { text: `${cell.link.sheet}!${cell.link.cell}`, hyperlink: `${source}#'${cell.link.sheet.replace(/'/g, "''")}'!${cell.link.cell}` };
      }),
    );
  }
}

/** The --out target: never the input; an existing file only when it is a statements workbook, or with --force. */
function workbookRequest(out: string, input: string, force: boolean): OutputRequest {
  return {
    path: out,
    option: "--out",
    what: "a statements workbook",
    inputs: [input],
    force,
    kind: "file",
    extension: ".xlsx",
    isOwnOutput: (existing) => hasDocumentKeyword(existing, WORKBOOK_MARKER),
  };
}

async function writeWorkbook(result: StatementResult, file: string, output: Output): Promise<void> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = "dcp statement";
  workbook.title = `DCP statements from ${path.basename(file)}, ${result.from} to ${result.to}`;
  workbook.keywords = WORKBOOK_MARKER;
  // Links reach the input from wherever the output sits.
  const source = path.relative(path.dirname(output.path), path.resolve(file)).split(path.sep).join("/");
  const names = new Set<string>();
  const tables = new Set<string>();
  const named = (wanted: string) => {
    const name = worksheetName(wanted, names);
    names.add(name);
    return name;
  };
  addSheet(workbook, summarySheet(result, named("Summary")), source, tables);
  for (const participant of result.participants) addSheet(workbook, participantSheet(participant, named(participant.statement.participant)), source, tables);
  await output.write((temporary) => workbook.xlsx.writeFile(temporary));
}

// ---------------------------------------------------------------------------
// --pdf: one statement a participant.

async function writePdfs(result: StatementResult, output: Output): Promise<number> {
  // Loaded only for --pdf: pdfkit and its fonts would cost every other run of dcp a tenth of a second.
  const { renderStatementPdf, documentFileNames } = await import(/* webpackChunkName: "documents" */ "../documents");
  const json = statementJson(result);
  const { from, to } = json;
  if (from === null || to === null) return 0;
  const files = documentFileNames(json.participants.map((p) => p.participant));
  const pdfs: Uint8Array[] = [];
  for (const [i, participant] of json.participants.entries()) {
    const valueSeries = (result.participants[i].series ?? []).map(({ date, value }) => ({ date, value: toNumber(value) }));
    const findings = result.participants[i].findings.map(({ sheet, cell, rule, section, severity, message }) => ({
      sheet,
      cell,
      rule,
      section,
      severity,
      message,
    }));
    const input: StatementPdfInput = { ...participant, from, to, valueSeries, findings };
    pdfs.push(await renderStatementPdf(input, fontsBesideTheCommand));
  }
  await output.write((folder) => files.forEach((name, i) => fs.writeFileSync(path.join(folder, name), pdfs[i])));
  return files.length;
}

// ---------------------------------------------------------------------------

/**
 * Past this many Activity rows a replay would take more than 2 GB of
 * memory (bench, 1,048,576 rows: 3.6 GB for every participant's text, over
 * 4 GB with --out's value series, 2.5 GB for one --participant, 3.5 GB for
 * `dcp reserve`'s replay; 262,144 rows with --out: 1.3 GB), so dcp statement
 * and dcp reserve refuse in one line.
 */
export const STATEMENT_ROWS = 300_000;

/** Exit 2, in one line, for an Activity sheet past STATEMENT_ROWS: `command` replays it ("dcp statement"). */
export function refuseOversizedRecords(activity: SheetGrid | undefined, command: string): void {
  const rows = activity?.values.length ?? 0;
  if (rows <= STATEMENT_ROWS) return;
  throw new UnusableInput(
    `the ${activity?.sheet ?? "Activity"} sheet has ${rows.toLocaleString("en-US")} rows, more than ${command} replays within 2 GB of memory (${STATEMENT_ROWS.toLocaleString("en-US")}); split the records into workbooks by participant`,
  );
}

/** Returns the exit code: 0 clean, 1 findings; unusable input throws UnusableInput (exit 2). */
export async function statementCommand(file: string, values: ParsedOptions): Promise<number> {
  const from = dateOption("from", values.from as string | undefined);
  const to = dateOption("to", values.to as string | undefined);
  const participant = values.participant as string | undefined;
  if (participant !== undefined && participant.trim() === "")
    throw new UnusableInput("--participant is blank; give a name, or leave the option out for every participant");
  const force = Boolean(values.force);
  const outPath = values.out as string | undefined;
  const pdfPath = values.pdf as string | undefined;
  const prepared = await prepareOutputs([
    outPath ? workbookRequest(outPath, file, force) : undefined,
    pdfPath ? pdfFolderRequest(pdfPath, file, "a folder of statements", STATEMENT_CREATOR) : undefined,
  ]);
  const [out, pdf] = prepared.outputs;

  const { grids, sheets } = await readGrids(await openXlsx(file));
  refuseOversizedRecords(grids.activity, "dcp statement");
  const result = statementWorkflow(grids, { participant, from, to, series: out !== undefined || pdf !== undefined });
  if (result.unusable) throw new UnusableInput(result.unusable);
  if (result.from === undefined && result.findings.length === 0)
    throw new UnusableInput(`the ${grids.activity?.sheet ?? "Activity"} sheet holds no rows: there is nothing to state`);

  const written: string[] = [];
  if (out && outPath) {
    await writeWorkbook(result, file, out);
    written.push(`Statements workbook written to ${outPath} (a Summary sheet and ${plural(result.participants.length, "participant sheet")}).`);
  }
  if (pdf && pdfPath) {
    const count = await writePdfs(result, pdf);
    written.push(`${plural(count, "PDF statement")} written to ${pdfPath}.`);
  }
  prepared.putInPlace();
  if (values.json) console.log(JSON.stringify(statementJson(result), null, 2));
  else printText(result, file, sheets, written);
  return result.findings.length > 0 ? 1 : 0;
}
