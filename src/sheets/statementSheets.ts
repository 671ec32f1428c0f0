/**
 * What a written statement holds, cell by cell: one participant's sheet, or
 * the summary of all of them. Both writers lay out the same sheets: the task
 * pane's "Write statement" (workbook/excel/statement.ts, Office.js) and
 * `dcp statement --out` (cli/statement.ts, ExcelJS), so a statement reads the
 * same wherever it was written.
 */
import { ACCOUNT_KEYS, ACCOUNT_NAMES } from "../engine/accounts";
import type { IsoDate } from "../engine/dates";
import { toNumber, ZERO, type Decimal } from "../engine/decimal";
import { formatDollars, plural } from "../engine/format";
import { ACCOUNT_LINE_HEADER, ACCOUNT_MOVEMENTS, type ValuePoint } from "../engine/statement";
import { countBySeverity } from "./findings";
import type { CellFinding } from "./records";
import { NUMBER_FORMATS } from "./templates";
import type { ParticipantResult, StatementResult } from "../workflows/statement";

/** The plan as its title reads (preamble). */
export const PLAN_NAME = "Hecla Mining Company Key Employee Deferred Compensation Plan";

/** Number formats of the figures a statement shows. */
export const STATEMENT_FORMATS = {
  /** Units to six decimals, as they are posted (reading 2). */
  units: "#,##0.000000",
  dollars: NUMBER_FORMATS.dollars,
  /** An exercise price: cents, or up to four decimals after a split (STATEMENT.md, "Splits"). */
  price: "$#,##0.00##",
  shares: "#,##0",
  date: NUMBER_FORMATS.date,
} as const;

/**
 * A cell as a writer puts it: text (always text, whatever it looks like), a
 * figure in its number format, a date, or a link to a cell of the records
 * that shows the cell's address.
 */
export type SheetCell = string | { number: number; format: string } | { date: IsoDate } | { link: { sheet: string; cell: string } };

export interface LaidTable {
  /** The Excel table's name; the writer makes it unique in its workbook. */
  name: string;
  /** The line above the table. */
  heading: string;
  header: string[];
  rows: SheetCell[][];
  /** A line chart of the table (dates in its first column, values in its second) with this title. */
  chart?: string;
}

export interface StatementSheet {
  /** The worksheet's name, within Excel's rules (see `worksheetName`). */
  name: string;
  title: string;
  /** Lines under the title. */
  lines: string[];
  /** Each under its heading, one blank row apart, from column A. */
  tables: LaidTable[];
  /** Column widths in characters, from column A. */
  widths: number[];
}

/** Where each part of a sheet goes: 1-based worksheet rows. */
export interface SheetPlacement {
  title: number;
  lines: number[];
  tables: Array<{ table: LaidTable; heading: number; header: number; lastRow: number }>;
}

/** Title, lines, a blank row, then each table under its heading with a blank row after it. */
export function placeSheet(sheet: StatementSheet): SheetPlacement {
  const lines = sheet.lines.map((_, i) => 2 + i);
  let row = 2 + sheet.lines.length + 1;
  const tables = sheet.tables.map((table) => {
    const placed = { table, heading: row, header: row + 1, lastRow: row + 1 + table.rows.length };
    row = placed.lastRow + 2;
    return placed;
  });
  return { title: 1, lines, tables };
}

const units = (value: Decimal): SheetCell => ({ number: toNumber(value), format: STATEMENT_FORMATS.units });
const dollars = (value: Decimal): SheetCell => ({ number: toNumber(value), format: STATEMENT_FORMATS.dollars });
const shares = (value: Decimal): SheetCell => ({ number: toNumber(value), format: STATEMENT_FORMATS.shares });

/** The columns every account row has, as ACCOUNT_STATEMENT spills them (STATEMENT.md, "Functions"). */

/** Errors are rows the replay could not apply or read; a warning's row still counts: the heading never calls a counted row left out. */
function findingsHeading(findings: readonly CellFinding[]): string {
  const { error, warning } = countBySeverity(findings);
  if (warning === 0) return `Rows the replay could not apply or read (${error})`;
  if (error === 0) return `Warnings on rows that still count (${warning})`;
  return `Findings (${findings.length}): ${plural(error, "error")} on rows the replay could not apply or read; ${plural(warning, "warning")} on rows that still count`;
}

function findingsTable(findings: readonly CellFinding[]): LaidTable {
  return {
    name: "DCPFindings",
    heading: findingsHeading(findings),
    header: ["Cell", "Rule", "Section", "Severity", "Message"],
    rows: findings.map((f) => [{ link: { sheet: f.sheet, cell: f.cell } }, f.rule, f.section, f.severity, f.message]),
  };
}

function valueTable(series: readonly ValuePoint[], heading: string, chart: string): LaidTable {
  return {
    name: "DCPValue",
    heading,
    header: ["Date", "Total value"],
    rows: series.map((point) => [{ date: point.date }, dollars(point.value)]),
    chart,
  };
}

function periodLine(from: IsoDate, to: IsoDate): string {
  return `Statement period: ${from} to ${to}`;
}

function valuationLine(fairMarketValue: Decimal, to: IsoDate): string {
  return `Units valued at ${formatDollars(fairMarketValue)}, the fair market value on ${to} (§7.2(a)); options at that value less their exercise price.`;
}

/**
 * One participant's statement: the four Accounts (units, or dollars for the
 * Investment Account), the options as adjusted through the period's end, the
 * participant's findings, and the value over the period for a chart.
 */
export function participantSheet(result: ParticipantResult, name: string): StatementSheet {
  const { statement } = result;
  const accounts: SheetCell[][] = ACCOUNT_KEYS.map((key) => {
    const line = statement.accounts[key];
    const figure = key === "IA" ? dollars : units;
    return [`${ACCOUNT_NAMES[key]} (${key})`, ...ACCOUNT_MOVEMENTS.map(([column]) => figure(line[column])), dollars(line.value)];
  });
  accounts.push(["Total value, accounts and options", ...ACCOUNT_MOVEMENTS.map(() => ""), dollars(statement.totalValue)]);
  const tables: LaidTable[] = [
    { name: "DCPAccounts", heading: "Accounts (§1.1(a), §4.5; units, the Investment Account in dollars)", header: [...ACCOUNT_LINE_HEADER], rows: accounts },
  ];
  if (statement.options.length > 0) {
    tables.push({
      name: "DCPOptions",
      heading: `Options granted from the Investment Account (§5.4), as adjusted through ${statement.to}`,
      header: ["Grant date", "Shares", "Exercise price", "Exercisable on", "Value", "Amount allocated", "Fair market value at grant"],
      rows: statement.options.map((o) => [
        { date: o.grantDate },
        shares(o.shares),
        { number: toNumber(o.exercisePrice), format: STATEMENT_FORMATS.price },
        { date: o.exercisableDate },
        dollars(o.value),
        dollars(o.amount),
        dollars(o.grantFairMarketValue),
      ]),
    });
  }
  if (result.findings.length > 0) tables.push(findingsTable(result.findings));
  if (result.series && result.series.length > 0) tables.push(valueTable(result.series, "Value over the period", `${statement.participant}: total value`));
  return {
    name,
    title: `${PLAN_NAME}: participant statement`,
    lines: [
      statement.participant,
      periodLine(statement.from, statement.to),
      valuationLine(statement.fairMarketValue, statement.to),
      `Total value on ${statement.to}: ${formatDollars(statement.totalValue)}`,
    ],
    tables,
    widths: [36, 16, 16, 14, 16, 14, 16, 16, 16, 16],
  };
}

/**
 * The plan's value over the period: at each date every participant's series
 * has, the sum of their values. A date some participant's series skipped (no
 * fair market value that day) is skipped here too, never summed short.
 */
export function planSeries(participants: readonly ParticipantResult[]): ValuePoint[] {
  if (participants.length === 0 || participants.some((p) => p.series === undefined)) return [];
  const sums = new Map<IsoDate, { value: Decimal; count: number }>();
  for (const { series } of participants) {
    for (const point of series ?? []) {
      const sum = sums.get(point.date) ?? { value: ZERO, count: 0 };
      sums.set(point.date, { value: sum.value.plus(point.value), count: sum.count + 1 });
    }
  }
  return [...sums]
    .filter(([, sum]) => sum.count === participants.length)
    .map(([date, sum]) => ({ date, value: sum.value }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Every participant's closing balances and value, the plan's totals (§13.3), every finding, and the plan's value over the period. */
export function summarySheet(result: StatementResult, name: string): StatementSheet {
  const rows: SheetCell[][] = result.participants.map(({ statement }) => [
    statement.participant,
    units(statement.accounts.DCA.closing),
    units(statement.accounts.CMSA.closing),
    units(statement.accounts.CSA.closing),
    dollars(statement.accounts.IA.closing),
    shares(statement.options.reduce((sum, o) => sum.plus(o.shares), ZERO)),
    dollars(statement.totalValue),
  ]);
  const { balances, totalValue } = result.totals;
  rows.push([
    "Plan total",
    units(balances.DCA),
    units(balances.CMSA),
    units(balances.CSA),
    dollars(balances.IA),
    shares(balances.OPTIONS),
    dollars(totalValue),
  ]);
  const tables: LaidTable[] = [
    {
      name: "DCPParticipants",
      heading: `Closing balances on ${result.to ?? "(no rows)"}`,
      header: ["Participant", "DCA units", "CMSA units", "CSA units", "Investment Account", "Option shares", "Total value"],
      rows,
    },
  ];
  if (result.findings.length > 0) tables.push(findingsTable(result.findings));
  const series = planSeries(result.participants);
  if (series.length > 0) tables.push(valueTable(series, "The plan's value over the period", "All participants: total value"));
  const first = result.participants[0]?.statement;
  const lines = [
    result.from && result.to ? periodLine(result.from, result.to) : "No Activity row could be read.",
    `${plural(result.participants.length, "participant")}; total value ${formatDollars(totalValue)}, what the plan owes at fair market value (§13.3).`,
  ];
  if (first) lines.push(valuationLine(first.fairMarketValue, first.to));
  return { name, title: `${PLAN_NAME}: statements summary`, lines, tables, widths: [30, 16, 16, 16, 18, 14, 16] };
}
