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
import { ledgerQuantityProblem, parseLedgerKind, screenLedger, type LedgerEntry } from "../engine/reserve";
import { matchRateProblem, matchUnits, unitsCredited } from "../engine/units";
import { cellProblem, readDate, readNumber, readPercent, readText, type CellRead } from "./cells";
import { outsideTableFindings } from "./extent";
import { cellAddress, duplicateColumnMessage, findHeader, isBlankRow, type ColumnSpec, type SheetGrid } from "./grid";

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

/** The cell a ledger entry's quantity comes from (a credit's Deferred Amount), to report a row the reserve cannot take. */
export interface QuantitySource extends EntrySource {
  column: string;
  /** R01 for a ledger row, R02 for a credit. */
  rule: string;
}

export interface LedgerRead {
  entries: LedgerEntry[];
  sources: Map<LedgerEntry, EntrySource>;
  quantitySources: Map<LedgerEntry, QuantitySource>;
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
  return { entries: [], sources: new Map(), quantitySources: new Map(), findings: [], locations: [] };
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
  for (const duplicate of header.duplicates) {
    for (const ignored of duplicate.ignored) {
      const message = duplicateColumnMessage(grid, header, duplicate, ignored);
      into.findings.push({ row: grid.firstRow + header.headerIndex, column: header.labels[duplicate.spec.key] ?? duplicate.spec.header, rule, section: "—", severity: "error", message });
      into.locations.push({ sheet: grid.sheet, address: cellAddress(grid, header.headerIndex, ignored) });
    }
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
        if (expected) problem(field, `${cellProblem(address(field), label(field), cells[c], expected)} The row is left out of the reserve.`);
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
    into.quantitySources.set(entry, { sheet: grid.sheet, address: row.address("quantity"), column: row.label("quantity"), rule: "R01" });
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
    const rateProblem = rate === undefined ? undefined : matchRateProblem(rate);
    if (rateProblem) return row.problem("matchRate", `${row.label("matchRate")} ${rateProblem}; the credit is left out of the reserve.`);
    if (prices === undefined) return row.problem("payDate", "There is no Prices table, so the units cannot be computed (§8.1(a)).");
    let units: Decimal, match: Decimal, creditingDate: IsoDate;
    try {
      creditingDate = quarterEnd(payDate);
      units = unitsCredited(amount, prices, payDate);
      match = rate === undefined ? matchUnits(amount, prices, payDate) : matchUnits(amount, prices, payDate, rate);
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      const field = /^(deferredAmount|amount) /.test(error.message) ? "amount" : "payDate";
      return row.problem(field, `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}; the credit is left out of the reserve.`);
    }
    const source = { sheet: grid.sheet, address: row.address("payDate") };
    const quantitySource = { sheet: grid.sheet, address: row.address("amount"), column: row.label("amount"), rule: "R02" };
    for (const [reference, quantity] of [["deferral units", units], ["match units", match]] as const) {
      const entry: LedgerEntry = { rowNumber: row.row, date: creditingDate, kind: "units", quantity, participant, reference: `${reference} for pay on ${payDate}` };
      into.entries.push(entry);
      into.sources.set(entry, source);
      into.quantitySources.set(entry, quantitySource);
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

/**
 * Leaves out, as findings on their quantity cells, the rows the reserve
 * cannot take (a reserve below zero, a split or quantity past what a cell
 * holds): what is left reconciles without an error.
 */
function refuseRows(read: LedgerRead): void {
  const { refused } = screenLedger(read.entries);
  if (refused.length === 0) return;
  for (const { entry, reason } of refused) {
    const cell = read.quantitySources.get(entry) ?? { sheet: "", address: "", column: "Quantity", rule: "R01" };
    const message = `${reason.charAt(0).toUpperCase()}${reason.slice(1)}. The row is left out of the reserve.`;
    read.findings.push({ row: entry.rowNumber, column: cell.column, rule: cell.rule, section: "13.8", severity: "error", message });
    read.locations.push({ sheet: cell.sheet, address: cell.address });
  }
  const leftOut = new Set(refused.map((r) => r.entry));
  read.entries = read.entries.filter((entry) => !leftOut.has(entry));
}

/** Everything that counts against the reserve in a workbook: a ledger sheet, credits valued at prices, or both. */
export function readReserveSheets({ ledger, credits, prices }: ReserveSheets): { read: LedgerRead; credits: CreditSummary[] } {
  const read = emptyRead();
  if (!ledger && !credits) {
    read.unusable = "there is no Ledger or Credits sheet to reconcile";
    return { read, credits: [] };
  }
  if (ledger) readLedgerSheet(ledger, read);
  if (read.unusable) return { read, credits: [] };
  let summary: CreditSummary[] = [];
  if (credits) {
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
    summary = readCreditsSheet(credits, table, read).summary;
    if (read.unusable) return { read, credits: [] };
  }
  refuseRows(read);
  return { read, credits: summary };
}
