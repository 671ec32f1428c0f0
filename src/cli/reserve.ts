/** `dcp reserve FILE.xlsx`: units and options reconciled against the 6,000,000-share reserve (§13.8, §15.2). */
import ExcelJS from "exceljs";
import { SHARE_RESERVE } from "../engine/constants";
import { reconcileReserve, reserveStatus } from "../engine/reserve";
import { locatedFindings, readReserveSheets, type CreditSummary, type LedgerRead } from "../sheets/reserve";
import { defaultSheet, findSheet, openWorkbook, sheetGrid, sheetNames, UnusableInput } from "../workbook/xlsx";
import { exactJson, formatShares as shares, plural } from "../engine/format";
import { exportOcf, prepareOcfOutput, type IssuerFlags } from "./ocf";
import { dateOption, type CommandSpec, type ParsedOptions } from "./options";
import { alignedTable } from "./table";

export const RESERVE_COMMAND: CommandSpec = {
  name: "reserve",
  summary: "reconcile units and options against the §13.8 share reserve",
  description: [
    `Counts the units credited and options granted in FILE.xlsx against the ${shares(SHARE_RESERVE)}-share`,
    "reserve through splits (§13.8), from a Ledger sheet, a Credits sheet valued at its",
    "Prices sheet, or both. FILE.xlsx is only read, never changed.",
  ].join("\n"),
  options: [
    { name: "as-of", value: "YYYY-MM-DD", help: "the date of the summary (default: the ledger's last date)" },
    { name: "ledger", value: "NAME", help: 'the ledger sheet (default: the sheet "Ledger"; a hidden sheet only when named)' },
    { name: "credits", value: "NAME", help: 'the credits sheet (default: the sheet "Credits")' },
    { name: "prices", value: "NAME", help: 'the closing prices the credits are valued at (default: the sheet "Prices")' },
    { name: "json", help: "print the reconciliation as JSON instead of a summary" },
    { name: "ocf", value: "FOLDER|OUT.zip", help: "also write an Open Cap Format 1.2.0 package: a folder, or one .zip" },
    { name: "issuer-name", value: "NAME", help: "the issuer's legal name for the package (else the Issuer sheet)" },
    { name: "issuer-formed", value: "YYYY-MM-DD", help: "the issuer's formation date (else the Issuer sheet)" },
    { name: "issuer-country", value: "CC", help: "the issuer's country of formation, two letters (else the Issuer sheet)" },
    { name: "issuer-subdivision", value: "CODE", help: "the state or province of formation, e.g. DE (else the Issuer sheet)" },
    { name: "force", help: "replace the --ocf target even when it is not a package dcp wrote" },
  ],
};

type SheetRole = "ledger" | "credits" | "prices";
const DEFAULT_SHEETS: Record<SheetRole, string> = { ledger: "Ledger", credits: "Credits", prices: "Prices" };

/** The sheet for a role: the one named (hidden or not), else the visible default; none when absent. */
function sheetFor(workbook: ExcelJS.Workbook, role: SheetRole, wanted: string | undefined): ExcelJS.Worksheet | undefined {
  if (wanted === undefined) return defaultSheet(workbook, DEFAULT_SHEETS[role], `--${role}`);
  const sheet = findSheet(workbook, wanted);
  if (!sheet) throw new UnusableInput(`there is no sheet "${wanted}"; the workbook has ${sheetNames(workbook).map((n) => `"${n}"`).join(", ")}`);
  return sheet;
}

interface Sources {
  read: LedgerRead;
  credits: CreditSummary[];
  /** The sheet used for each role, by name: the output names what it read. */
  sheets: Record<SheetRole, string | null>;
}

function readSources(workbook: ExcelJS.Workbook, values: ParsedOptions): Sources {
  const ledger = sheetFor(workbook, "ledger", values.ledger as string | undefined);
  const credits = sheetFor(workbook, "credits", values.credits as string | undefined);
  if (!ledger && !credits) throw new UnusableInput("the workbook has no Ledger or Credits sheet (name one with --ledger or --credits)");
  const prices = credits ? sheetFor(workbook, "prices", values.prices as string | undefined) : undefined;
  const grid = (sheet: ExcelJS.Worksheet | undefined) => (sheet ? sheetGrid(sheet) : undefined);
  const result = readReserveSheets({ ledger: grid(ledger), credits: grid(credits), prices: grid(prices) });
  if (result.read.unusable) throw new UnusableInput(result.read.unusable);
  return { ...result, sheets: { ledger: ledger?.name ?? null, credits: credits?.name ?? null, prices: prices?.name ?? null } };
}

function sheetsRead({ ledger, credits, prices }: Sources["sheets"]): string {
  const read = [];
  if (ledger) read.push(`ledger "${ledger}"`);
  if (credits) read.push(`credits "${credits}"${prices ? ` valued at the prices in "${prices}"` : ""}`);
  return read.join("; ");
}

/** Returns the exit code: 0 when the reserve reconciles, 1 with violations, divergences, unreadable rows or values outside the tables. */
export async function reserveCommand(file: string, values: ParsedOptions): Promise<number> {
  const asOf = dateOption("as-of", values["as-of"] as string | undefined);
  const ocf = values.ocf as string | undefined;
  const output = ocf ? await prepareOcfOutput(ocf, [file], Boolean(values.force)) : undefined;
  const workbook = await openWorkbook(file);
  const { read, credits, sheets } = readSources(workbook, values);
  const reconciliation = reconcileReserve(read.entries);
  const lastDate = reconciliation.lines.at(-1)?.date;
  const summaryDate = asOf ?? lastDate;
  const status = reserveStatus(reconciliation, summaryDate);

  const issuer: IssuerFlags = {
    name: values["issuer-name"] as string | undefined,
    formed: values["issuer-formed"] as string | undefined,
    country: values["issuer-country"] as string | undefined,
    subdivision: values["issuer-subdivision"] as string | undefined,
  };
  const written = output ? await exportOcf(workbook, reconciliation, output, issuer, asOf) : undefined;

  const findings = locatedFindings(read);
  const report = {
    sheets,
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

  if (values.json) {
    console.log(exactJson(report));
  } else {
    const percentUsed = status.reserve.isZero() ? "" : ` (${status.used.dividedBy(status.reserve).times(100).toFixed(2)}% of the reserve)`;
    console.log(`Share reserve as of ${summaryDate ?? "(no rows)"} (§13.8)`);
    console.log(`  Sheets     ${sheetsRead(sheets)}`);
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
    const unread = findings.filter((f) => f.severity === "error");
    const outside = findings.filter((f) => f.severity === "warning");
    if (unread.length) {
      console.log(`\n${plural(unread.length, "row")} left out because a cell cannot be used:`);
      console.log(alignedTable(["Sheet", "Row", "Cell", "Message"], unread.map((f) => [f.sheet, String(f.row), f.address, f.message])));
    }
    if (outside.length) {
      console.log(`\n${plural(outside.length, "value")} outside the tables, not read:`);
      console.log(alignedTable(["Sheet", "Row", "Cell", "Message"], outside.map((f) => [f.sheet, String(f.row), f.address, f.message])));
    }
    if (written) console.log(`\nOpen Cap Format 1.2.0 package written to ${ocf} (${written.kind === "zip" ? "one .zip" : `${written.files} files`}).`);
  }
  return report.violations.length || report.divergences.length || findings.length ? 1 : 0;
}
