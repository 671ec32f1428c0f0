/**
 * The share-reserve ledger read from a sheet, or built from a Credits sheet
 * and prices: every row that cannot be read is a finding on its cell, never
 * a crash (§13.8).
 */
import { declaredAs, RULES, type Declared, type Rule } from "../engine/rules";
import { quarterEnd } from "../engine/calendar";
import { quarterLabel, quarterOf, type IsoDate } from "../engine/dates";
import { type Decimal, ZERO } from "../engine/decimal";
import { PlanError } from "../engine/errors";
import { capitalize } from "../engine/format";
import { exercisePriceProblem } from "../engine/options";
import { implausibleAmount, implausiblePerShare, implausibleSplit } from "../engine/plausibility";
import type { PriceTable } from "../engine/prices";
import { ledgerQuantityProblem, parseLedgerKind, screenLedger, type LedgerEntry } from "../engine/reserve";
import { matchRateProblem, matchUnits, unitsCredited } from "../engine/units";
import { cellProblem, readDate, readNumber, readPercent, readText, type CellRead } from "./cellReaders";
import { outsideTableFindings } from "./extent";
import { ParticipantSpellings } from "./participants";
import type { CellFinding, CellRef } from "./findings";
import { cellAddress, DuplicateRows, duplicateColumnFindings, findHeader, isBlankRow, type ColumnSpec, type SheetGrid } from "./grid";

/** The section a row left out of the reserve cites, whichever rule leaves it out. */
const RESERVE_SECTION = "13.8";

/** The rule a row left out of the reserve is reported under, by the sheet it comes from. */
export const RESERVE_RULES = {
  ledger: RULES.R01,
  credits: RULES.R02,
  records: RULES.R03,
  wholeOptionShares: RULES.R04,
  /** A value beyond what the plan could hold (engine/plausibility.ts): the row is left out. */
  implausible: RULES.R05,
  /** A row that repeats an earlier one exactly (as E15): a warning, the row still counts. */
  duplicate: RULES.R06,
  /** A participant spelled two ways, counted as one (as the statement's S07): a warning. */
  spelling: RULES.R07,
} as const;

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

/**
 * Where a reserve row comes from: the cell a person checks it by, and the
 * cell a row the reserve cannot take is reported on, with its header and the
 * rule of its sheet (RESERVE_RULES).
 */
export interface EntryCells {
  /** The row's date cell (a credit's Pay Date). */
  source: CellRef;
  /** The cell its quantity comes from (a credit's Deferred Amount). */
  quantity: CellRef & { column: string; rule: Rule };
}

/** A ledger row with its cells. */
export interface SourcedEntry extends LedgerEntry {
  cells: EntryCells;
}

export interface LedgerRead {
  entries: SourcedEntry[];
  /** Rows left out and values outside the tables, each on its cell. */
  findings: CellFinding[];
  unusable?: string;
}

export interface CreditSummary {
  quarter: string;
  participant: string;
  creditingDate: IsoDate;
  deferralUnits: Decimal;
  matchUnits: Decimal;
}

export function emptyRead(): LedgerRead {
  return { entries: [], findings: [] };
}

interface RowReader<K extends string> {
  /**
   * A cell's value, or undefined when blank or unreadable. An unreadable
   * required cell leaves the row out (`leftOut`); an unreadable optional one
   * is a finding on its cell and the row counts without it.
   */
  read<T>(field: K, reader: (cell: unknown) => CellRead<T>, ignored?: string): T | undefined;
  /** Whether a required cell could not be read, so the row is left out. */
  leftOut(): boolean;
  /** Whether the field's cell held something that could not be read (not a blank). */
  unreadable(field: K): boolean;
  problem(field: K, message: string): void;
  label(field: K): string;
  cell(field: K): CellRef;
  row: number;
  /** The row's cells as read. */
  cells: readonly unknown[];
}

/** Walks the data rows of a sheet, reading each cell once and turning problems into findings on their cells. */
function eachRow<K extends string>(
  grid: SheetGrid,
  specs: ReadonlyArray<ColumnSpec<K>>,
  rule: Rule,
  into: LedgerRead,
  visit: (row: RowReader<K>) => void,
): void {
  into.findings.push(...outsideTableFindings(grid));
  const header = findHeader(grid, specs);
  if (!header) {
    into.unusable = `${grid.sheet} is empty: there is no header row to read.`;
    return;
  }
  if (header.missing.length > 0) {
    into.unusable = `${grid.sheet} has no ${header.missing.map((c) => `"${c.header}"`).join(", ")} column in its header row (row ${grid.firstRow + header.headerIndex}).`;
    return;
  }
  into.findings.push(...duplicateColumnFindings(grid, header, declaredAs(rule, { cites: "—" })));
  for (let r = header.headerIndex + 1; r < grid.values.length; r++) {
    const cells = grid.values[r];
    if (isBlankRow(cells)) continue;
    const row = grid.firstRow + r;
    const label = (field: K) => header.labels[field] ?? field;
    // Problems are reported on required columns, which the header has, or on a cell that was read.
    const cell = (field: K): CellRef => ({ sheet: grid.sheet, cell: cellAddress(grid, r, header.columns[field] ?? 0) });
    const problem = (field: K, message: string) => {
      into.findings.push({ ...cell(field), row, column: label(field), ...declaredAs(rule, { cites: RESERVE_SECTION }), message });
    };
    let leftOut = false;
    const unreadable = new Set<K>();
    visit({
      row,
      cells,
      label,
      cell,
      problem,
      leftOut: () => leftOut,
      unreadable: (field) => unreadable.has(field),
      read: (field, reader, ignored = "The value is ignored; the rest of the row still counts.") => {
        const c = header.columns[field];
        if (c === undefined) return undefined;
        const { value, problem: expected } = reader(cells[c]);
        if (!expected) return value;
        unreadable.add(field);
        const required = specs.find((spec) => spec.key === field)?.required === true;
        leftOut ||= required;
        const consequence = required ? "The row is left out of the reserve." : ignored;
        problem(field, `${cellProblem(cell(field).cell, label(field), cells[c], expected)} ${consequence}`);
        return undefined;
      },
    });
  }
}

/** A finding of a rule other than the sheet's own (R01 or R02) on the field's cell. */
function ruleFinding<K extends string>(row: RowReader<K>, field: K, declared: Declared, message: string): CellFinding {
  return { ...row.cell(field), row: row.row, column: row.label(field), ...declared, message };
}

/** The participant as first spelled on the sheet; another spelling is an R07 warning on its cell (sheets/participants.ts). */
function oneSpelling(spellings: ParticipantSpellings, row: RowReader<"participant">, into: LedgerRead, spelled: string): string {
  const { name, message } = spellings.see(spelled, row.row);
  if (message) into.findings.push(ruleFinding(row, "participant", declaredAs(RESERVE_RULES.spelling), message));
  return name;
}

/** Where a ledger sheet's date and quantity columns are: the same on every row. */
interface LedgerColumns {
  sheet: string;
  date: string;
  quantity: string;
  label: string;
}

function ledgerColumns(row: RowReader<LedgerField>): LedgerColumns {
  const letters = (field: LedgerField) => row.cell(field).cell.replace(/\d+$/, "");
  return { sheet: row.cell("date").sheet, date: letters("date"), quantity: letters("quantity"), label: row.label("quantity") };
}

/** A ledger row's cells, named when asked for: a million rows keep a row number each, not four strings. */
class LedgerRowCells implements EntryCells {
  constructor(
    private readonly columns: LedgerColumns,
    private readonly row: number,
  ) {}

  get source(): CellRef {
    return { sheet: this.columns.sheet, cell: `${this.columns.date}${this.row}` };
  }

  get quantity(): EntryCells["quantity"] {
    const { sheet, quantity, label } = this.columns;
    return { sheet, cell: `${quantity}${this.row}`, column: label, rule: RESERVE_RULES.ledger };
  }
}

/** A ledger sheet: `[Date, Kind, Quantity]` with optional Participant, Reference, Reported Remaining. */
export function readLedgerSheet(grid: SheetGrid, into: LedgerRead = emptyRead()): LedgerRead {
  const duplicates = new DuplicateRows();
  const spellings = new ParticipantSpellings();
  let columns: LedgerColumns | undefined;
  eachRow(grid, LEDGER_COLUMNS, RESERVE_RULES.ledger, into, (row) => {
    const date = row.read("date", readDate);
    const kindText = row.read("kind", readText);
    const quantity = row.read("quantity", readNumber);
    const spelled = row.read("participant", readText);
    const reference = row.read("reference", readText);
    const reportedRemaining = row.read("reportedRemaining", readNumber);
    const exercisePrice = row.read("exercisePrice", readNumber);
    if (row.leftOut()) return;
    if (date === undefined) return row.problem("date", `The row has no date; every ledger row counts on a date. It is left out of the reserve.`);
    const kind = kindText === undefined ? undefined : parseLedgerKind(kindText);
    if (kind === undefined) {
      return row.problem(
        "kind",
        `Kind ${kindText === undefined ? "is blank" : `"${kindText}" is not known`}; use units, option, split or reserve. The row is left out of the reserve.`,
      );
    }
    if (quantity === undefined) return row.problem("quantity", `The row has no quantity. It is left out of the reserve.`);
    const why = ledgerQuantityProblem(kind, quantity);
    if (why) return row.problem("quantity", `Quantity ${quantity.toString()}: ${why}. The row is left out of the reserve.`);
    if (kind === "option" && !quantity.isInteger()) {
      // §5.4 grants whole shares (rounded down): a fraction is a typing mistake, never a grant to count or export to OCF.
      return into.findings.push(
        ruleFinding(
          row,
          "quantity",
          declaredAs(RESERVE_RULES.wholeOptionShares),
          `Quantity ${quantity.toString()}: an option grants whole shares (§5.4 rounds option shares down), so this is not a grant as written. The row is left out of the reserve and of the Open Cap Format export.`,
        ),
      );
    }
    const implausible = kind === "split" ? implausibleSplit(quantity) : undefined;
    if (implausible) {
      return into.findings.push(
        ruleFinding(
          row,
          "quantity",
          declaredAs(RESERVE_RULES.implausible, { cites: RESERVE_SECTION }),
          `Quantity ${quantity.toString()}: ${implausible} (§13.8). The row is left out of the reserve; check the cell.`,
        ),
      );
    }
    // The reserve counts shares, not their price: a price §5.1 cannot give is a finding, and the row still counts.
    const priceProblem = exercisePrice === undefined ? undefined : exercisePriceProblem(exercisePrice);
    if (priceProblem)
      row.problem("exercisePrice", `${capitalize(priceProblem)} (§5.1). The row still counts against the reserve; the Open Cap Format export refuses it.`);
    const priceImplausible = exercisePrice === undefined || priceProblem ? undefined : implausiblePerShare(exercisePrice);
    if (priceImplausible) {
      const message = `${row.label("exercisePrice")} ${priceImplausible}. The row still counts against the reserve; the Open Cap Format export refuses it.`;
      into.findings.push(ruleFinding(row, "exercisePrice", declaredAs(RESERVE_RULES.implausible, { cites: "5.1" }), message));
    }
    const participant = spelled === undefined ? undefined : oneSpelling(spellings, row, into, spelled);
    columns ??= ledgerColumns(row);
    const cells = new LedgerRowCells(columns, row.row);
    into.entries.push({ rowNumber: row.row, date, kind, quantity, participant, reference, reportedRemaining, exercisePrice, cells });
    const earlier = duplicates.repeats(row.cells, row.row);
    if (earlier !== undefined) {
      const message = `This row repeats row ${earlier} exactly, and both are counted against the reserve; remove one if it was entered twice.`;
      into.findings.push(ruleFinding(row, "date", declaredAs(RESERVE_RULES.duplicate), message));
    }
  });
  return into;
}

/**
 * A Credits sheet turned into ledger rows: deferral and match units computed
 * exactly as UNITS_CREDITED and MATCH_UNITS do, each counted on the quarter's
 * crediting date (§8.1(a),(c); reading 3).
 */
export function readCreditsSheet(
  grid: SheetGrid,
  prices: PriceTable | undefined,
  into: LedgerRead = emptyRead(),
): { read: LedgerRead; summary: CreditSummary[] } {
  const summary = new Map<string, CreditSummary>();
  const spellings = new ParticipantSpellings();
  eachRow(grid, CREDIT_COLUMNS, RESERVE_RULES.credits, into, (row) => {
    const spelled = row.read("participant", readText);
    const amount = row.read("amount", readNumber);
    const payDate = row.read("payDate", readDate);
    const rateCell = row.read("matchRate", readPercent, "No match units are counted; the deferral units still count.");
    if (row.leftOut()) return;
    if (spelled === undefined || amount === undefined || payDate === undefined) {
      const field = spelled === undefined ? "participant" : amount === undefined ? "amount" : "payDate";
      return row.problem(field, `${row.label(field)} is blank; the credit is left out of the reserve.`);
    }
    const implausible = implausibleAmount(amount);
    if (implausible) {
      return into.findings.push(
        ruleFinding(
          row,
          "amount",
          declaredAs(RESERVE_RULES.implausible, { cites: RESERVE_SECTION }),
          `${row.label("amount")} ${implausible} (§4.1, §13.8). The credit is left out of the reserve; check the cell.`,
        ),
      );
    }
    // A match rate the plan does not allow refuses the match only: the deferral's own units are credited whatever the match (§8.1(a)).
    const rateProblem = rateCell === undefined ? undefined : matchRateProblem(rateCell);
    if (rateProblem) row.problem("matchRate", `${row.label("matchRate")} ${rateProblem}; no match units are counted; the deferral units still count.`);
    // A blank rate is the plan's match; a rate that cannot be read or is refused is no match, never the default in its place.
    const matchRefused = rateProblem !== undefined || row.unreadable("matchRate");
    if (prices === undefined) return row.problem("payDate", "There is no Prices table, so the units cannot be computed (§8.1(a)).");
    let units: Decimal, match: Decimal, creditingDate: IsoDate;
    try {
      creditingDate = quarterEnd(payDate);
      units = unitsCredited(amount, prices, payDate);
      match = matchRefused ? ZERO : rateCell === undefined ? matchUnits(amount, prices, payDate) : matchUnits(amount, prices, payDate, rateCell);
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      const field = /^(deferredAmount|amount) /.test(error.message) ? "amount" : "payDate";
      return row.problem(field, `${capitalize(error.message)}; the credit is left out of the reserve.`);
    }
    const participant = oneSpelling(spellings, row, into, spelled);
    const cells = { source: row.cell("payDate"), quantity: { ...row.cell("amount"), column: row.label("amount"), rule: RESERVE_RULES.credits } };
    for (const [reference, quantity] of [
      ["deferral units", units],
      ["match units", match],
    ] as const) {
      if (reference === "match units" && matchRefused) continue;
      into.entries.push({
        rowNumber: row.row,
        date: creditingDate,
        kind: "units",
        quantity,
        participant,
        reference: `${reference} for pay on ${payDate}`,
        cells,
      });
    }
    const key = JSON.stringify([quarterLabel(quarterOf(payDate)), participant]);
    const line = summary.get(key) ?? { quarter: quarterLabel(quarterOf(payDate)), participant, creditingDate, deferralUnits: ZERO, matchUnits: ZERO };
    summary.set(key, { ...line, deferralUnits: line.deferralUnits.plus(units), matchUnits: line.matchUnits.plus(match) });
  });
  return { read: into, summary: [...summary.values()].sort((a, b) => a.quarter.localeCompare(b.quarter) || a.participant.localeCompare(b.participant)) };
}

/**
 * Leaves out, as findings on their quantity cells, the rows the reserve
 * cannot take (a reserve below zero, a split or quantity past what a cell
 * holds): what is left reconciles without an error.
 */
export function screenEntries(entries: readonly SourcedEntry[]): { entries: SourcedEntry[]; findings: CellFinding[] } {
  const { refused } = screenLedger(entries);
  if (refused.length === 0) return { entries: [...entries], findings: [] };
  const findings = refused.map(({ entry, reason, implausible }): CellFinding => {
    const { sheet, cell, column, rule } = entry.cells.quantity;
    return {
      sheet,
      cell,
      row: entry.rowNumber,
      column,
      ...declaredAs(implausible ? RESERVE_RULES.implausible : rule, { cites: RESERVE_SECTION }),
      message: implausible
        ? `${capitalize(reason)} (${column} ${cell}). The row is left out of the reserve; check the cell.`
        : `${capitalize(reason)}. The row is left out of the reserve.`,
    };
  });
  const leftOut = new Set(refused.map((r) => r.entry));
  return { entries: entries.filter((entry) => !leftOut.has(entry)), findings };
}
