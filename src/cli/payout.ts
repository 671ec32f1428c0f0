/**
 * `dcp payout FILE.xlsx`: each participant's Distributable Event, payments,
 * withholding and payee, and each early withdrawal (PAYOUT.md), as text, as
 * the `--json` document, as a report workbook (`--out`) and as one
 * distribution notice a participant (`--pdf DIR`). A shell over
 * payoutWorkflow: it finds the sheets, calls the workflow, presents it.
 */
import fs from "fs";
import path from "path";
import type ExcelJS from "exceljs";
import { NOTICE_CREATOR } from "../documents/fileNames";
import { formatDollars, formatShares, plural } from "../engine/format";
import type { Payout } from "../engine/payout";
import { findSheet, openWorkbook, sheetGrid, UnusableInput, type ListedSheet } from "../workbook/xlsx";
import { payoutJson, payoutWorkflow, type PayoutGrids, type PayoutResult } from "../workflows/payout";
import { payoutReports } from "../workflows/reports";
import { fontsBesideTheCommand } from "./fonts";
import { type CommandSpec, type ParsedOptions } from "./options";
import { pdfFolderRequest, prepareOutputs, type Output } from "./output";
import { PAYOUT_REPORT, reportRequest, writeReportFile } from "./report";
import { alignedTable, readThoughHidden } from "./table";

export const PAYOUT_COMMAND: CommandSpec = {
  name: "payout",
  summary: "each participant's distribution, withholding and payee; early withdrawals",
  description: [
    "Reads the sheets Payouts, Holdings, Prices and, where present, Withdrawals of FILE.xlsx",
    "(docs/PAYOUT.md) and computes each participant's Distributable Event (§7.1, §7.5, §7.6),",
    "payment dates, shares and cash (§6.2, §7.2), withholding (§10.2) and payee (§9.2, §9.3,",
    "§12.4), and each early withdrawal (§7.3). FILE.xlsx is only read, never changed.",
  ].join("\n"),
  options: [
    { name: "participant", value: "NAME", help: "one participant (matched ignoring case and surrounding spaces; default: all)" },
    { name: "json", help: "print the payouts as JSON (docs/PAYOUT.md) instead of tables" },
    { name: "out", value: "FILE.xlsx", help: "also write a workbook: payments, withdrawals and findings, each linked to its cell" },
    { name: "pdf", value: "DIR", help: "also write one distribution notice a participant, as PDF, into the folder DIR" },
    { name: "force", help: "replace FILE.xlsx even when it is not a report dcp payout wrote" },
  ],
};

/** The sheets a payout reads, by the names PAYOUT.md gives them (found hidden or not). */
const SHEETS: Record<keyof PayoutGrids, string> = {
  payouts: "Payouts",
  holdings: "Holdings",
  withdrawals: "Withdrawals",
  prices: "Prices",
};

/** The grids, and the sheets read, to say which were hidden (readThoughHidden). */
function readGrids(workbook: ExcelJS.Workbook): { grids: PayoutGrids; sheets: ExcelJS.Worksheet[] } {
  const grids: PayoutGrids = {};
  const sheets: ExcelJS.Worksheet[] = [];
  for (const [key, name] of Object.entries(SHEETS) as Array<[keyof PayoutGrids, string]>) {
    const sheet = findSheet(workbook, name);
    if (!sheet) continue;
    grids[key] = sheetGrid(sheet);
    sheets.push(sheet);
  }
  return { grids, sheets };
}

const indent = (text: string) => text.replace(/^/gm, "  ");

function payoutText(p: Payout): string {
  const lines: string[] = [];
  const { event } = p;
  lines.push(
    event.date === undefined
      ? `${p.participant}: no Distributable Event (§7.1)`
      : `${p.participant}: ${event.kinds.join(", ")} on ${event.date} (${event.sections.join(", ")}); distribution date ${p.distributionDate} (§7.2(a))`,
  );
  for (const e of event.excluded) lines.push(`  not counted: ${e.kind} ${e.date}: ${e.reason}`);
  if (p.payments.length > 0) {
    const rows = p.payments.map((m) => [
      m.date,
      m.payeeKind,
      formatDollars(m.fmv),
      formatShares(m.grossShares),
      formatDollars(m.iaCash),
      formatShares(m.withheldShares),
      formatShares(m.netShares),
      formatDollars(m.netCash),
      formatDollars(m.cashDueFromPayee),
    ]);
    const header = ["Date", "Payee", "FMV", "Shares", "IA cash", "Withheld", "Net shares", "Net cash", "Due from payee"];
    lines.push(indent(alignedTable(header, rows, [false, false, true, true, true, true, true, true, true])));
  }
  if (p.payee) {
    const from = p.payee.awaitingApplication ? "awaiting the beneficiary's application (§7.2(e))" : `payable from ${p.payee.payableFrom}`;
    lines.push(`  payee: ${p.payee.kind} ${p.payee.name} (${p.payee.section}), paid to ${p.payee.paidTo}, ${from}; options pass ${p.payee.optionsPassTo}`);
  }
  if (p.unlocated) {
    const parts = [
      p.unlocated.deemedDeathDate && `deemed dead ${p.unlocated.deemedDeathDate}`,
      p.unlocated.locateBeneficiaryBy && `beneficiary to be located by ${p.unlocated.locateBeneficiaryBy}`,
    ];
    lines.push(`  ${p.unlocated.section}: ${parts.filter(Boolean).join("; ")}`);
  }
  return lines.join("\n");
}

function printText(result: PayoutResult, file: string, sheets: readonly ListedSheet[], written: readonly string[]): void {
  const { rowsRead } = result;
  const header = [
    `Payouts from ${file}: ${plural(result.payouts.length, "participant")}, ${plural(result.withdrawals.length, "withdrawal")} (${plural(rowsRead.holdings, "Holdings row")} read).`,
  ];
  const hidden = readThoughHidden(sheets);
  if (hidden) header.push(hidden);
  const blocks = [header.join("\n")];
  for (const outcome of result.payouts) blocks.push("error" in outcome ? `${outcome.participant}: not computed: ${outcome.error}` : payoutText(outcome.payout));
  if (result.withdrawals.length > 0) {
    const rows = result.withdrawals.map((o) =>
      "error" in o
        ? [o.participant, o.row.approvalDate, "", "", "", "", "", `not computed: ${o.error}`]
        : [
            o.participant,
            o.withdrawal.approvalDate,
            formatDollars(o.withdrawal.valueWithdrawn),
            formatDollars(o.withdrawal.penalty),
            formatShares(o.withdrawal.netShares),
            formatDollars(o.withdrawal.fractionCash),
            o.withdrawal.creditsResume,
            "",
          ],
    );
    blocks.push(
      `Early withdrawals (§7.3):\n${alignedTable(["Participant", "Approved", "Value", "Penalty", "Net shares", "Cash", "Credits resume", ""], rows)}`,
    );
  }
  if (result.findings.length > 0) {
    const rows = result.findings.map((f) => [f.sheet, f.cell, f.rule, f.section, f.severity, f.message]);
    blocks.push(`${plural(result.findings.length, "finding")}:\n${alignedTable(["Sheet", "Cell", "Rule", "§", "Severity", "Message"], rows)}`);
  }
  if (written.length > 0) blocks.push(written.join("\n"));
  console.log(blocks.join("\n\n"));
}

/**
 * --pdf: a notice a participant whose payout was computed, all written at
 * once into a new folder put in place of DIR. Returns how many.
 */
async function writeNotices(result: PayoutResult, output: Output): Promise<number> {
  // Loaded only for --pdf: pdfkit and its fonts would cost every other run of dcp a tenth of a second.
  const { renderNotices } = await import(/* webpackChunkName: "documents" */ "../documents");
  const notices = await renderNotices(payoutJson(result), fontsBesideTheCommand);
  await output.write((folder) => notices.forEach(({ name, pdf }) => fs.writeFileSync(path.join(folder, name), pdf)));
  return notices.length;
}

/** Returns the exit code: 0 clean, 1 findings (unusable input throws: exit 2). */
export async function payoutCommand(file: string, values: ParsedOptions): Promise<number> {
  const out = values.out as string | undefined;
  const pdfPath = values.pdf as string | undefined;
  const prepared = await prepareOutputs([
    out ? reportRequest(out, file, Boolean(values.force), PAYOUT_REPORT) : undefined,
    pdfPath ? pdfFolderRequest(pdfPath, file, "a folder of distribution notices", NOTICE_CREATOR) : undefined,
  ]);
  const [report, notices] = prepared.outputs;
  const workbook = await openWorkbook(file);
  const { grids, sheets } = readGrids(workbook);
  const result = payoutWorkflow(grids, { participant: values.participant as string | undefined });
  if (result.unusable) throw new UnusableInput(result.unusable);
  const written: string[] = [];
  if (report) {
    await writeReportFile(payoutReports(result, SHEETS.payouts), file, report, PAYOUT_REPORT);
    written.push(`Report written to ${out}.`);
  }
  if (notices) {
    const count = await writeNotices(result, notices);
    const skipped = result.payouts.length - count;
    const left = skipped > 0 ? ` (${plural(skipped, "participant")} not computed: see the findings)` : "";
    written.push(`${plural(count, "distribution notice")} written to ${pdfPath}${left}.`);
  }
  prepared.putInPlace();
  if (values.json) console.log(JSON.stringify(payoutJson(result), null, 2));
  else printText(result, file, sheets, written);
  return result.findings.length > 0 ? 1 : 0;
}
