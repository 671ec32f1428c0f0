/**
 * The share-reserve ledger read from a sheet, or built from a Credits sheet
 * and prices: every row that cannot be read is a finding on its cell, never
 * a crash (§13.8).
 */
import { quarterEnd } from "../engine/calendar";
import { quarterLabel, quarterOf, type IsoDate } from "../engine/dates";
import { Decimal, ZERO } from "../engine/decimal";
import { PlanError } from "../engine/errors";
import { compareFindings, type Finding } from "../engine/findings";
import type { PriceTable } from "../engine/prices";
import { priceTableFrom } from "./prices";
import { ledgerQuantityProblem, parseLedgerKind, type LedgerEntry } from "../engine/reserve";
import { matchUnits, unitsCredited } from "../engine/units";
import { describe } from "../engine/tables";
import { readDate, readNumber, readPercent, readText, type CellRead } from "./cells";
import { outsideTableFindings } from "./extent";
import { cellAddress, findHeader, isBlankRow, type ColumnSpec, type SheetGrid } from "./grid";

type LedgerField = "date" | "kind" | "quantity" | "participant" | "reference" | "reportedRemaining" | "exercisePrice";

export const LEDGER_COLUMNS: ReadonlyArray<ColumnSpec<LedgerField>> = [
  { key: "date", header: "Date", aliases: [], required: true },
  { key: "kind", header: "Kind", aliases: ["Type"], required: true },
  { key: "quantity", header: "Quantity", aliases: ["Shares", "Units"], required: true },
  { key: "participant", header: "Participant", aliases: ["Name", "Employee"] },
  { key: "reference", header: "Reference", aliases: ["Ref", "Note"] },
  { key: "reportedRemaining", header: "Reported Remaining", aliases: ["Reported"] },
  { key: "exercisePrice", header: "Exercise Price", aliases: ["Option Price", "Price"] },
];

type CreditField = "participant" | "amount" | "payDate" | "matchRate";

export const CREDIT_COLUMNS: ReadonlyArray<ColumnSpec<CreditField>> = [
  { key: "participant", header: "Participant", aliases: ["Name", "Employee", "Employee ID"], required: true },
  { key: "amount", header: "Deferred Amount", aliases: ["Amount", "Deferral"], required: true },
  { key: "payDate", header: "Pay Date", aliases: ["Paid", "Payment Date"], required: true },
  { key: "matchRate", header: "Match Rate", aliases: ["Match"] },
];

/** Where each ledger entry came from, to link it back to its cells. */
export interface EntrySource {
  sheet: string;
  /** Cell address of the entry's date (or pay date) cell. */
  address: string;
}

export interface LedgerRead {
  entries: LedgerEntry[];
  sources: Map<LedgerEntry, EntrySource>;
  findings: Finding[];
  /** Where each finding's cell is, by index. */
  locations: EntrySource[];
  unusable?: string;
}

export interface CreditSummary {
  quarter: string;
  participant: string;
  creditingDate: IsoDate;
  deferralUnits: Decimal;
  matchUnits: Decimal;
}

function emptyRead(): LedgerRead {
  return { entries: [], sources: new Map(), findings: [], locations: [] };
}

interface RowReader<K extends string> {
  read<T>(field: K, reader: (cell: unknown) => CellRead<T>): T | undefined;
  problem(field: K, message: string): void;
  label(field: K): string;
  address(field: K): string;
  row: number;
}

/** Values far outside a sheet's table are not read: say so on their cells. */
function reportOutsideTable(grid: SheetGrid, into: LedgerRead): void {
  for (const { finding, address } of outsideTableFindings(grid)) {
    into.findings.push(finding);
    into.locations.push({ sheet: grid.sheet, address });
  }
}

/** Walks the data rows of a sheet, reading each cell once and turning problems into findings on their cells. */
function eachRow<K extends string>(
  grid: SheetGrid,
  specs: ReadonlyArray<ColumnSpec<K>>,
  rule: string,
  into: LedgerRead,
  visit: (row: RowReader<K>) => void,
): void {
  reportOutsideTable(grid, into);
  const header = findHeader(grid, specs);
  if (!header) {
    into.unusable = `${grid.sheet} is empty: there is no header row to read.`;
    return;
  }
  if (header.missing.length > 0) {
    into.unusable = `${grid.sheet} has no ${header.missing.map((c) => `"${c.header}"`).join(", ")} column in its header row (row ${grid.firstRow + header.headerIndex}).`;
    return;
  }
  for (let r = header.headerIndex + 1; r < grid.values.length; r++) {
    const cells = grid.values[r];
    if (isBlankRow(cells)) continue;
    const row = grid.firstRow + r;
    const label = (field: K) => header.labels[field] ?? field;
    const address = (field: K) => cellAddress(grid, r, header.columns[field] ?? 0);
    const problem = (field: K, message: string) => {
      into.findings.push({ row, column: label(field), rule, section: "13.8", severity: "error", message });
      into.locations.push({ sheet: grid.sheet, address: address(field) });
    };
    visit({
      row,
      label,
      address,
      problem,
      read: (field, reader) => {
        const c = header.columns[field];
        if (c === undefined) return undefined;
        const { value, problem: expected } = reader(cells[c]);
        if (expected) problem(field, `Cell ${address(field)} holds ${describe(cells[c])}; ${label(field)} expects ${expected}. The row is left out of the reserve.`);
        return value;
      },
    });
  }
}

/** A ledger sheet: `[Date, Kind, Quantity]` with optional Participant, Reference, Reported Remaining. */
export function readLedgerSheet(grid: SheetGrid, into: LedgerRead = emptyRead()): LedgerRead {
  eachRow(grid, LEDGER_COLUMNS, "R01", into, (row) => {
    const before = into.findings.length;
    const date = row.read("date", readDate);
    const kindText = row.read("kind", readText);
    const quantity = row.read("quantity", readNumber);
    const participant = row.read("participant", readText);
    const reference = row.read("reference", readText);
    const reportedRemaining = row.read("reportedRemaining", readNumber);
    const exercisePrice = row.read("exercisePrice", readNumber);
    if (into.findings.length > before) return;
    if (date === undefined) return row.problem("date", `The row has no date; every ledger row counts on a date. It is left out of the reserve.`);
    const kind = kindText === undefined ? undefined : parseLedgerKind(kindText);
    if (kind === undefined) {
      return row.problem("kind", `Kind ${kindText === undefined ? "is blank" : `"${kindText}" is not known`}; use units, option, split or reserve. The row is left out of the reserve.`);
    }
    if (quantity === undefined) return row.problem("quantity", `The row has no quantity. It is left out of the reserve.`);
    const why = ledgerQuantityProblem(kind, quantity);
    if (why) return row.problem("quantity", `Quantity ${quantity.toString()}: ${why}. The row is left out of the reserve.`);
    const entry: LedgerEntry = { rowNumber: row.row, date, kind, quantity, participant, reference, reportedRemaining, exercisePrice };
    into.entries.push(entry);
    into.sources.set(entry, { sheet: grid.sheet, address: row.address("date") });
  });
  return into;
}

/**
 * A Credits sheet turned into ledger rows: deferral and match units computed
 * exactly as UNITS_CREDITED and MATCH_UNITS do, each counted on the quarter's
 * crediting date (§8.1(a),(c); reading 3).
 */
export function readCreditsSheet(grid: SheetGrid, prices: PriceTable | undefined, into: LedgerRead = emptyRead()): { read: LedgerRead; summary: CreditSummary[] } {
  const summary = new Map<string, CreditSummary>();
  eachRow(grid, CREDIT_COLUMNS, "R02", into, (row) => {
    const before = into.findings.length;
    const participant = row.read("participant", readText);
    const amount = row.read("amount", readNumber);
    const payDate = row.read("payDate", readDate);
    const rate = row.read("matchRate", readPercent);
    if (into.findings.length > before) return;
    if (participant === undefined || amount === undefined || payDate === undefined) {
      const field = participant === undefined ? "participant" : amount === undefined ? "amount" : "payDate";
      return row.problem(field, `${row.label(field)} is blank; the credit is left out of the reserve.`);
    }
    if (prices === undefined) return row.problem("payDate", "There is no Prices table, so the units cannot be computed (§8.1(a)).");
    let units: Decimal, match: Decimal, creditingDate: IsoDate;
    try {
      creditingDate = quarterEnd(payDate);
      units = unitsCredited(amount, prices, payDate);
      match = rate === undefined ? matchUnits(amount, prices, payDate) : matchUnits(amount, prices, payDate, rate);
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      return row.problem(error.message.startsWith("matchRate") ? "matchRate" : "payDate", `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}; the credit is left out of the reserve.`);
    }
    const source = { sheet: grid.sheet, address: row.address("payDate") };
    for (const [reference, quantity] of [["deferral units", units], ["match units", match]] as const) {
      const entry: LedgerEntry = { rowNumber: row.row, date: creditingDate, kind: "units", quantity, participant, reference: `${reference} for pay on ${payDate}` };
      into.entries.push(entry);
      into.sources.set(entry, source);
    }
    const key = JSON.stringify([quarterLabel(quarterOf(payDate)), participant]);
    const line = summary.get(key) ?? { quarter: quarterLabel(quarterOf(payDate)), participant, creditingDate, deferralUnits: ZERO, matchUnits: ZERO };
    summary.set(key, { ...line, deferralUnits: line.deferralUnits.plus(units), matchUnits: line.matchUnits.plus(match) });
  });
  return { read: into, summary: [...summary.values()].sort((a, b) => a.quarter.localeCompare(b.quarter) || a.participant.localeCompare(b.participant)) };
}

/** Findings by sheet and row, each with its cell. */
export function locatedFindings(read: LedgerRead): Array<Finding & EntrySource> {
  return read.findings
    .map((f, i) => ({ ...f, ...read.locations[i] }))
    .sort((a, b) => a.sheet.localeCompare(b.sheet) || compareFindings(a, b));
}

export interface ReserveSheets {
  ledger?: SheetGrid;
  credits?: SheetGrid;
  prices?: SheetGrid;
}

/** Everything that counts against the reserve in a workbook: a ledger sheet, credits valued at prices, or both. */
export function readReserveSheets({ ledger, credits, prices }: ReserveSheets): { read: LedgerRead; credits: CreditSummary[] } {
  const read = emptyRead();
  if (!ledger && !credits) {
    read.unusable = "there is no Ledger or Credits sheet to reconcile";
    return { read, credits: [] };
  }
  if (ledger) readLedgerSheet(ledger, read);
  if (read.unusable || !credits) return { read, credits: [] };
  let table: PriceTable | undefined;
  if (prices) reportOutsideTable(prices, read);
  if (prices && prices.values.length > 0) {
    try {
      table = priceTableFrom(prices);
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      read.unusable = `the prices sheet cannot be used: ${error.message}`;
      return { read, credits: [] };
    }
  }
  return { read, credits: readCreditsSheet(credits, table, read).summary };
}
