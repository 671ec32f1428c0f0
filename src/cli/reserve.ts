/** `dcp reserve FILE.xlsx`: units and options reconciled against the 6,000,000-share reserve (§13.8, §15.2). */
import ExcelJS from "exceljs";
import { parseIsoDate } from "../engine/dates";
import { reconcileReserve, reserveStatus } from "../engine/reserve";
import { locatedFindings, readReserveSheets, type CreditSummary, type LedgerRead } from "../sheets/reserve";
import { findSheet, openWorkbook, sheetGrid, UnusableInput } from "../workbook/xlsx";
import { exactJson, formatShares as shares, plural } from "../engine/format";
import { exportOcf, type IssuerFlags } from "./ocf";
import { alignedTable } from "./table";

export interface ReserveOptions {
  file: string;
  asOf?: string;
  json?: boolean;
  /** A folder, or a .zip file, for the Open Cap Format package. */
  ocf?: string;
  issuer?: IssuerFlags;
  ledger?: string;
  credits?: string;
  prices?: string;
}

function sheetOrNull(workbook: ExcelJS.Workbook, wanted: string | undefined, fallback: string): ExcelJS.Worksheet | undefined {
  if (wanted === undefined) return findSheet(workbook, fallback);
  const sheet = findSheet(workbook, wanted);
  if (!sheet) throw new UnusableInput(`there is no sheet "${wanted}"`);
  return sheet;
}

function readSources(workbook: ExcelJS.Workbook, options: ReserveOptions): { read: LedgerRead; credits: CreditSummary[] } {
  const grid = (wanted: string | undefined, fallback: string) => {
    const sheet = sheetOrNull(workbook, wanted, fallback);
    return sheet ? sheetGrid(sheet) : undefined;
  };
  const ledger = grid(options.ledger, "Ledger");
  const credits = grid(options.credits, "Credits");
  if (!ledger && !credits) throw new UnusableInput("the workbook has no Ledger or Credits sheet (name one with --ledger or --credits)");
  const result = readReserveSheets({ ledger, credits, prices: credits ? grid(options.prices, "Prices") : undefined });
  if (result.read.unusable) throw new UnusableInput(result.read.unusable);
  return result;
}

/** Returns the exit code: 0 when the reserve reconciles, 1 with violations, divergences or unreadable rows. */
export async function reserveCommand(options: ReserveOptions): Promise<number> {
  const asOf = options.asOf === undefined ? undefined : parseIsoDate(options.asOf);
  if (options.asOf !== undefined && asOf === undefined) throw new UnusableInput(`--as-of ${options.asOf} is not a YYYY-MM-DD date`);
  const workbook = await openWorkbook(options.file);
  const { read, credits } = readSources(workbook, options);
  const reconciliation = reconcileReserve(read.entries);
  const lastDate = reconciliation.lines.at(-1)?.date;
  const summaryDate = asOf ?? lastDate;
  const status = reserveStatus(reconciliation, summaryDate);

  const ocf = options.ocf ? await exportOcf(workbook, reconciliation, options.ocf, options.issuer ?? {}, asOf) : undefined;

  const findings = locatedFindings(read);
  const report = {
    asOf: summaryDate ?? null,
    reserve: status.reserve,
    used: status.used,
    remaining: status.remaining,
    exhaustionDate: reconciliation.exhaustionDate ?? null,
    violations: reconciliation.violations.map((v) => ({
      row: v.line.rowNumber,
      date: v.line.date,
      kind: v.line.kind,
      quantity: v.line.quantity,
      shortfall: v.shortfall,
      section: v.section,
      message: v.message,
    })),
    divergences: reconciliation.divergences.map((d) => ({
      row: d.line.rowNumber,
      date: d.line.date,
      reported: d.reported,
      computed: d.computed,
      difference: d.difference,
    })),
    ledger: reconciliation.lines.map((l) => ({ row: l.rowNumber, date: l.date, kind: l.kind, quantity: l.quantity, used: l.used, remaining: l.remaining })),
    credits: credits.map((c) => ({ quarter: c.quarter, participant: c.participant, creditingDate: c.creditingDate, deferralUnits: c.deferralUnits, matchUnits: c.matchUnits })),
    findings: findings.map(({ sheet, row, column, rule, section, severity, message }) => ({ sheet, row, column, rule, section, severity, message })),
  };

  if (options.json) {
    console.log(exactJson(report));
  } else {
    const percentUsed = status.reserve.isZero() ? "" : ` (${status.used.dividedBy(status.reserve).times(100).toFixed(2)}% of the reserve)`;
    console.log(`Share reserve as of ${summaryDate ?? "(no rows)"} (§13.8)`);
    console.log(`  Reserve    ${shares(report.reserve)}`);
    console.log(`  Used       ${shares(report.used)}${percentUsed}`);
    console.log(`  Remaining  ${shares(report.remaining)}`);
    console.log(
      reconciliation.exhaustionDate
        ? `  Used up on ${reconciliation.exhaustionDate}: from then §15.2 stops deferrals and §5.4(c) stops option grants.`
        : "  The reserve has not been used up.",
    );
    if (report.credits.length) {
      console.log("\nUnits credited from the Credits sheet, by quarter and participant (§8.1(a),(c)):");
      console.log(alignedTable(["Quarter", "Credited on", "Participant", "Deferral units", "Match units"], report.credits.map((c) => [c.quarter, c.creditingDate, c.participant, shares(c.deferralUnits), shares(c.matchUnits)])));
    }
    if (report.violations.length) {
      console.log(`\n${plural(report.violations.length, "row")} credit units or grant options beyond the reserve:`);
      console.log(alignedTable(["Row", "Date", "Kind", "Quantity", "Shortfall", "Message"], report.violations.map((v) => [String(v.row), v.date, v.kind, shares(v.quantity), shares(v.shortfall), v.message])));
    }
    if (report.divergences.length) {
      console.log(`\n${plural(report.divergences.length, "row")} where the reported remaining differs (first on ${reconciliation.firstDivergenceDate}):`);
      console.log(alignedTable(["Row", "Date", "Reported", "Computed", "Difference"], report.divergences.map((d) => [String(d.row), d.date, shares(d.reported), shares(d.computed), shares(d.difference)])));
    }
    if (findings.length) {
      console.log(`\n${plural(findings.length, "row")} left out because a cell cannot be used:`);
      console.log(alignedTable(["Sheet", "Row", "Cell", "Message"], findings.map((f) => [f.sheet, String(f.row), f.address, f.message])));
    }
    if (ocf) console.log(`\nOpen Cap Format 1.2.0 package written to ${options.ocf} (${ocf.kind === "zip" ? "one .zip" : `${ocf.paths.length} files`}).`);
  }
  return report.violations.length || report.divergences.length || findings.length ? 1 : 0;
}
