/** `dcp reserve FILE.xlsx`: units and options reconciled against the 6,000,000-share reserve (§13.8, §15.2). */
import { once } from "events";
import { SHARE_RESERVE } from "../engine/constants";
import { exactJsonPieces, formatDollars, formatShares as shares, plural } from "../engine/format";
import { ACCOUNT_KEYS } from "../engine/accounts";
import { defaultSheet, findSheet, namedSheet, UnusableInput } from "../workbook/xlsx";
import { openXlsx, type StreamedSheet, type StreamedWorkbook } from "../workbook/xlsxStream";
import { reconciles, reconcileWorkflow, reserveFindingGroups, type ReconcileResult, type ReserveGrids } from "../workflows/reconcile";
import type { CellFinding } from "../sheets/findings";
import { ISSUER_SHEET } from "../sheets/issuer";
import { reserveReportStream } from "../workflows/reports";
import { exportOcf, ocfRequest, type IssuerFlags } from "./ocf";
import { dateOption, type CommandSpec, type ParsedOptions } from "./options";
import { prepareOutputs } from "./output";
import { reportRequest, RESERVE_REPORT, writeReportFile } from "./report";
import { refuseOversizedRecords } from "./statement";
import { alignedTable } from "./table";

export const RESERVE_COMMAND: CommandSpec = {
  name: "reserve",
  summary: "reconcile units and options against the §13.8 share reserve",
  description: [
    `Counts the units credited and options granted in FILE.xlsx against the ${shares(SHARE_RESERVE)}-share`,
    "reserve through splits (§13.8), from a Ledger sheet, a Credits sheet valued at its",
    "Prices sheet, the plan records of an Activity sheet (replayed through --as-of with",
    "their Dividends, Splits and Prime Rates sheets), or any of them together.",
    "FILE.xlsx is only read, never changed.",
  ].join("\n"),
  options: [
    { name: "as-of", value: "YYYY-MM-DD", help: "the date of the summary (default: the ledger's last date)" },
    { name: "ledger", value: "NAME", help: 'the ledger sheet (default: the sheet "Ledger"; a hidden sheet only when named)' },
    { name: "credits", value: "NAME", help: 'the credits sheet (default: the sheet "Credits")' },
    { name: "prices", value: "NAME", help: 'the closing prices the credits and records are valued at (default: the sheet "Prices")' },
    { name: "activity", value: "NAME", help: 'the plan records (default: the sheet "Activity")' },
    { name: "dividends", value: "NAME", help: 'the dividends the records replay with (default: the sheet "Dividends")' },
    { name: "splits", value: "NAME", help: 'the splits the records replay with (default: the sheet "Splits")' },
    { name: "prime-rates", value: "NAME", help: 'the prime rates the records replay with (default: the sheet "Prime Rates")' },
    { name: "json", help: "print the reconciliation as JSON instead of a summary" },
    { name: "out", value: "REPORT.xlsx", help: "also write the running ledger to a workbook, each row naming its source cell" },
    { name: "ocf", value: "FOLDER|OUT.zip", help: "also write an Open Cap Format 1.2.0 package: a folder, or one .zip" },
    { name: "issuer-name", value: "NAME", help: "the issuer's legal name for the package (else the Issuer sheet)" },
    { name: "issuer-formed", value: "YYYY-MM-DD", help: "the issuer's formation date (else the Issuer sheet)" },
    { name: "issuer-country", value: "CC", help: "the issuer's country of formation, two letters (else the Issuer sheet)" },
    { name: "issuer-subdivision", value: "CODE", help: "the state or province of formation, e.g. DE (else the Issuer sheet)" },
    { name: "force", help: "replace the --out or --ocf target even when it is not one dcp wrote" },
  ],
};

type SheetRole = keyof ReserveGrids;
const ROLES: Record<SheetRole, { option: string; sheet: string }> = {
  ledger: { option: "ledger", sheet: "Ledger" },
  credits: { option: "credits", sheet: "Credits" },
  prices: { option: "prices", sheet: "Prices" },
  activity: { option: "activity", sheet: "Activity" },
  dividends: { option: "dividends", sheet: "Dividends" },
  splits: { option: "splits", sheet: "Splits" },
  primeRates: { option: "prime-rates", sheet: "Prime Rates" },
};

type SheetNames = Record<SheetRole, string | null>;

/** The sheets a reconciliation reads: each one named (hidden or not), else its visible default; none when absent. */
async function gatherSheets(workbook: StreamedWorkbook, values: ParsedOptions): Promise<{ grids: ReserveGrids; names: SheetNames }> {
  const sheets: Partial<Record<SheetRole, StreamedSheet>> = {};
  const wanted = (role: SheetRole) => values[ROLES[role].option] as string | undefined;
  // Every sheet named is looked up first, read or not: a name that matches nothing is a mistake to report, whatever else the workbook holds.
  const named = Object.fromEntries(
    (Object.keys(ROLES) as SheetRole[]).flatMap((role) => {
      const name = wanted(role);
      return name === undefined ? [] : [[role, namedSheet(workbook, name)]];
    }),
  ) as Partial<Record<SheetRole, StreamedSheet>>;
  const take = (role: SheetRole) => {
    const { option, sheet } = ROLES[role];
    sheets[role] = named[role] ?? defaultSheet(workbook, sheet, `--${option}`);
  };
  (["ledger", "credits", "activity"] as const).forEach(take);
  if (!sheets.ledger && !sheets.credits && !sheets.activity) {
    throw new UnusableInput("the workbook has no Ledger or Credits sheet, and no Activity sheet (name one with --ledger, --credits or --activity)");
  }
  if (sheets.credits || sheets.activity) take("prices");
  if (sheets.activity) (["dividends", "splits", "primeRates"] as const).forEach(take);
  const roles = Object.keys(ROLES) as SheetRole[];
  return {
    grids: Object.fromEntries(await Promise.all(roles.flatMap((role) => (sheets[role] ? [workbook.grid(sheets[role]).then((grid) => [role, grid])] : [])))),
    names: Object.fromEntries(roles.map((role) => [role, sheets[role]?.name ?? null])) as SheetNames,
  };
}

function sheetsRead({ ledger, credits, prices, activity, dividends, splits, primeRates }: SheetNames): string {
  const read = [];
  if (ledger) read.push(`ledger "${ledger}"`);
  const valued = prices ? ` valued at the prices in "${prices}"` : "";
  if (credits) read.push(`credits "${credits}"${valued}`);
  if (activity) {
    const alongside = [dividends, splits, primeRates].filter((name) => name !== null).map((name) => `"${name}"`);
    read.push(`plan records "${activity}"${alongside.length ? ` with ${alongside.join(", ")}` : ""}${valued}`);
  }
  return read.join("; ");
}

function reportOf(result: ReconcileResult, names: SheetNames) {
  const { reconciliation, status } = result;
  const { ledger, credits, prices, ...records } = names;
  return {
    // The plan records' sheets only when they were read: a ledger's report reads as it always has.
    sheets: records.activity === null ? { ledger, credits, prices } : names,
    asOf: result.asOf ?? null,
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
    // Made as the JSON is written: a million rows are never held twice.
    ledger: (function* () {
      for (const l of reconciliation.lines) yield { row: l.rowNumber, date: l.date, kind: l.kind, quantity: l.quantity, used: l.used, remaining: l.remaining };
    })(),
    credits: result.credits.map((c) => ({
      quarter: c.quarter,
      participant: c.participant,
      creditingDate: c.creditingDate,
      deferralUnits: c.deferralUnits,
      matchUnits: c.matchUnits,
    })),
    records: result.records && { through: result.records.through, ...result.records.totals.balances, totalValue: result.records.totals.totalValue },
    findings: result.findings.map(({ sheet, row, column, rule, section, severity, message }) => ({ sheet, row, column, rule, section, severity, message })),
  };
}

function printSummary(result: ReconcileResult, names: SheetNames): void {
  const { reconciliation, status } = result;
  console.log(`Share reserve as of ${result.asOf ?? "(no rows)"} (§13.8)`);
  console.log(`  Sheets     ${sheetsRead(names)}`);
  console.log(`  Reserve    ${shares(status.reserve)}`);
  console.log(`  Used       ${shares(status.used)}${result.percentUsed === undefined ? "" : ` (${result.percentUsed}% of the reserve)`}`);
  console.log(`  Remaining  ${shares(status.remaining)}`);
  console.log(
    reconciliation.exhaustionDate
      ? `  Used up on ${reconciliation.exhaustionDate}: from then §15.2 stops deferrals and §5.4(c) stops option grants.`
      : "  The reserve has not been used up.",
  );
  if (result.records) {
    const { through, totals } = result.records;
    console.log(`\nWhat the plan records add up to on ${through}, the Company's unfunded obligations (§13.3):`);
    console.log(
      alignedTable(
        ["Account", "Balance"],
        [
          ...ACCOUNT_KEYS.map((key) => [key, key === "IA" ? formatDollars(totals.balances.IA) : `${shares(totals.balances[key])} units`]),
          ["Options", `${shares(totals.balances.OPTIONS)} shares outstanding`],
          ["Value", formatDollars(totals.totalValue)],
        ],
      ),
    );
  }
  if (result.credits.length) {
    console.log("\nUnits credited from the Credits sheet, by quarter and participant (§8.1(a),(c)):");
    console.log(
      alignedTable(
        ["Quarter", "Credited on", "Participant", "Deferral units", "Match units"],
        result.credits.map((c) => [c.quarter, c.creditingDate, c.participant, shares(c.deferralUnits), shares(c.matchUnits)]),
      ),
    );
  }
  const { violations, divergences } = reconciliation;
  if (violations.length) {
    console.log(`\n${plural(violations.length, "row")} credit units or grant options beyond the reserve:`);
    console.log(
      alignedTable(
        ["Row", "Date", "Kind", "Quantity", "Shortfall", "Message"],
        violations.map((v) => [String(v.line.rowNumber), v.line.date, v.line.kind, shares(v.line.quantity), shares(v.shortfall), v.message]),
      ),
    );
  }
  if (divergences.length) {
    console.log(`\n${plural(divergences.length, "row")} where the reported remaining differs (first on ${reconciliation.firstDivergenceDate}):`);
    console.log(
      alignedTable(
        ["Row", "Date", "Reported", "Computed", "Difference"],
        divergences.map((d) => [String(d.line.rowNumber), d.line.date, shares(d.reported), shares(d.computed), shares(d.difference)]),
      ),
    );
  }
  const { leftOut, counted, outside } = reserveFindingGroups(result);
  const findingTable = (findings: CellFinding[]) =>
    alignedTable(
      ["Sheet", "Row", "Cell", "Message"],
      findings.map((f) => [f.sheet, String(f.row), f.cell, f.message]),
    );
  if (leftOut.length) console.log(`\n${plural(leftOut.length, "row")} left out because a cell cannot be used:\n${findingTable(leftOut)}`);
  if (counted.length) console.log(`\n${plural(counted.length, "finding")} on rows that still count:\n${findingTable(counted)}`);
  if (outside.length) console.log(`\n${plural(outside.length, "value")} outside the tables, not read:\n${findingTable(outside)}`);
}

/** A document to stdout a piece at a time, in writes of about 64 kB, each waiting while stdout is full, then a newline. */
async function printPieces(pieces: Iterable<string>): Promise<void> {
  let pending = "";
  const write = async (text: string) => {
    if (!process.stdout.write(text)) await once(process.stdout, "drain");
  };
  for (const piece of pieces) {
    pending += piece;
    if (pending.length >= 65_536) {
      await write(pending);
      pending = "";
    }
  }
  await write(`${pending}\n`);
}

/** Returns the exit code: 0 when the reserve reconciles, 1 with violations, divergences, unreadable rows or values outside the tables. */
export async function reserveCommand(file: string, values: ParsedOptions): Promise<number> {
  const asOf = dateOption("as-of", values["as-of"] as string | undefined);
  const force = Boolean(values.force);
  const ocf = values.ocf as string | undefined;
  const out = values.out as string | undefined;
  const prepared = await prepareOutputs([ocf ? ocfRequest(ocf, [file], force) : undefined, out ? reportRequest(out, file, force, RESERVE_REPORT) : undefined]);
  const [ocfOutput, reportOutput] = prepared.outputs;
  const workbook = await openXlsx(file);
  const { grids, names } = await gatherSheets(workbook, values);
  refuseOversizedRecords(grids.activity, "dcp reserve");
  const result = reconcileWorkflow(grids, { asOf });
  // The rows are read: a million-row grid need not stay in memory beside the reconciliation.
  for (const role of Object.keys(grids) as SheetRole[]) delete grids[role];
  if (result.unusable) throw new UnusableInput(result.unusable);

  const issuer: IssuerFlags = {
    name: values["issuer-name"] as string | undefined,
    formed: values["issuer-formed"] as string | undefined,
    country: values["issuer-country"] as string | undefined,
    subdivision: values["issuer-subdivision"] as string | undefined,
  };
  const issuerSheet = ocfOutput && findSheet(workbook, ISSUER_SHEET);
  const written = ocfOutput ? await exportOcf(issuerSheet && (await workbook.grid(issuerSheet)), result.reconciliation, ocfOutput, issuer, asOf) : undefined;
  if (reportOutput) await writeReportFile(reserveReportStream(result), file, reportOutput, RESERVE_REPORT);
  prepared.putInPlace();

  if (values.json) {
    await printPieces(exactJsonPieces(reportOf(result, names)));
  } else {
    printSummary(result, names);
    if (out) console.log(`\nReport written to ${out}.`);
    if (written) console.log(`\nOpen Cap Format 1.2.0 package written to ${ocf} (${written.kind === "zip" ? "one .zip" : `${written.files} files`}).`);
  }
  return reconciles(result) ? 0 : 1;
}
