/** What the Share reserve page shows, from the workflow's result: no React, no Excel. */
import { ACCOUNT_KEYS } from "../engine/accounts";
import type { Decimal } from "../engine/decimal";
import { formatDollars, formatShares } from "../engine/format";
import { reserveFindingGroups, type ReconcileResult } from "../workflows/reconcile";
import { findingLink, type CellLinkGroup } from "./findingLinks";

export const shares = (value: Decimal | number) => formatShares(value, 2);

/** The sheets the page reads, by their role. */
export interface ReserveChoice {
  ledger: string;
  credits: string;
  prices: string;
  activity: string;
}

/** The workbook's sheet called `name` in any case, or "" (none). */
export function sheetCalled(sheets: readonly string[], name: string): string {
  return sheets.find((s) => s.toLowerCase() === name.toLowerCase()) ?? "";
}

/** Each role keeps its sheet while the workbook has it, else takes the sheet named for it. */
export function chooseSheets(sheets: readonly string[], current: ReserveChoice): ReserveChoice {
  const keep = (role: keyof ReserveChoice, name: string) => (sheets.includes(current[role]) ? current[role] : sheetCalled(sheets, name));
  return { ledger: keep("ledger", "Ledger"), credits: keep("credits", "Credits"), prices: keep("prices", "Prices"), activity: keep("activity", "Activity") };
}

/**
 * The sheets to read for a choice: prices only for credits or records to be
 * valued at, and beside the records the Dividends, Splits and Prime Rates
 * sheets they replay with, found by name.
 */
export function sheetsToRead(sheets: readonly string[], choice: ReserveChoice) {
  const valued = choice.credits !== "" || choice.activity !== "";
  const records = (name: string) => (choice.activity !== "" ? sheetCalled(sheets, name) : "");
  return {
    ledger: choice.ledger,
    credits: choice.credits,
    prices: valued ? choice.prices : "",
    activity: choice.activity,
    dividends: records("Dividends"),
    splits: records("Splits"),
    primeRates: records("Prime Rates"),
  };
}

export interface SummaryLine {
  term: string;
  value: string;
}

/** The summary as of its date: reserve, used (with its share), remaining, and when it ran or would run out. */
export function reserveSummary(result: ReconcileResult): { heading: string; lines: SummaryLine[]; note: string } {
  const { status, projection } = result;
  const { exhaustionDate } = result.reconciliation;
  return {
    heading: `Reserve as of ${result.asOf ?? "(no rows)"}`,
    lines: [
      { term: "Reserve", value: shares(status.reserve) },
      { term: "Used", value: `${shares(status.used)}${result.percentUsed === undefined ? "" : ` (${result.percentUsed}%)`}` },
      { term: "Remaining", value: shares(status.remaining) },
      { term: exhaustionDate ? "Used up on" : "Projected", value: exhaustionDate ?? projection?.projectedDate ?? "not at the last four quarters' pace" },
    ],
    note: exhaustionDate
      ? "From that date §15.2 stops all deferrals and §5.4(c) all option grants."
      : projection
        ? `At the pace of ${projection.windowStart} to ${projection.windowEnd} (${shares(projection.sharesPerDay)} shares a day).`
        : "",
  };
}

/** What the plan records add up to, when the Activity sheet was read. */
export function recordsSummary(result: ReconcileResult): { heading: string; lines: SummaryLine[] } | undefined {
  if (!result.records) return undefined;
  const { through, totals } = result.records;
  return {
    heading: `Plan records through ${through} (§13.3)`,
    lines: [
      ...ACCOUNT_KEYS.map((key) => ({ term: key, value: key === "IA" ? formatDollars(totals.balances.IA) : `${shares(totals.balances[key])} units` })),
      { term: "Options", value: `${shares(totals.balances.OPTIONS)} shares` },
      { term: "Value", value: formatDollars(totals.totalValue) },
    ],
  };
}

/** Rows beyond the reserve, rows whose reported remaining differs, rows left out: each a link to its row's cell. */
export function reserveProblems(result: ReconcileResult): CellLinkGroup[] {
  const { violations, divergences, firstDivergenceDate } = result.reconciliation;
  const groups: CellLinkGroup[] = [];
  if (violations.length) {
    groups.push({
      key: "violations",
      heading: `Beyond the reserve (${violations.length})`,
      links: violations.map(({ line, message, severity }, i) => ({
        key: `v${i}`,
        ...line.entry.cells.source,
        severity,
        title: `Row ${line.rowNumber} · ${line.kind}`,
        message,
      })),
    });
  }
  if (divergences.length) {
    groups.push({
      key: "divergences",
      heading: `Reported remaining differs (${divergences.length}; first on ${firstDivergenceDate})`,
      links: divergences.map((d, i) => ({
        key: `d${i}`,
        ...d.line.entry.cells.source,
        severity: d.severity,
        title: `Row ${d.line.rowNumber} · ${d.line.date}`,
        message: `Reported ${shares(d.reported)}, computed ${shares(d.computed)}: a difference of ${shares(d.difference)} shares.`,
      })),
    });
  }
  const { leftOut, counted, outside } = reserveFindingGroups(result);
  for (const [key, heading, findings] of [
    ["findings", "Rows left out", leftOut],
    ["counted", "Findings on rows that still count", counted],
    ["outside", "Values outside the tables, not read", outside],
  ] as const) {
    if (findings.length === 0) continue;
    groups.push({
      key,
      heading: `${heading} (${findings.length})`,
      links: findings.map((f, i) => findingLink(f, `${key}${i}`, `Row ${f.row} · ${f.column}`)),
    });
  }
  return groups;
}
