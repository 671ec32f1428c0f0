/**
 * The plan records read from sheets or ranges (STATEMENT.md, "Input"):
 * Activity, Dividends and Splits found by their headers, each cell read as
 * its column needs. A cell that cannot be read is an S02 finding on that cell
 * and its row is left out; nothing on a sheet makes the reading throw.
 */
import { declaredAs, RULES, type Declared, type Rule } from "../engine/rules";
import {
  ACTIVITY_KINDS,
  parseActivityKind,
  participantKey,
  type ActivityKind,
  type ActivityRecord,
  type DividendRecord,
  type ReplayProblem,
  type SplitRecord,
} from "../engine/accounts";
import { primeRatesFromCells } from "../cells/ranges";
import { describe } from "../cells/values";
import type { Decimal } from "../engine/decimal";
import { PlanError } from "../engine/errors";
import { implausibleAmount, implausiblePerShare, implausibleSplit } from "../engine/plausibility";
import type { IsoDate } from "../engine/dates";
import type { PrimeRate } from "../engine/investment";
import { ParticipantSpellings } from "./participants";
import { readDate, readDiscount, readNumber, readPercent, readText, type CellRead } from "./cellReaders";
import type { CellFinding, CellRef } from "./findings";
import { columnLetter, DuplicateRows, duplicateColumnFindings, findHeader, isBlankRow, isEmptyRow, type ColumnSpec, type SheetGrid } from "./grid";

// The functions read record findings from here (functions/accounts.ts).
export type { CellFinding };

/** Where a table's columns sit, shared by its rows. */
interface TableLayout {
  sheet: string;
  firstColumn: number;
  columns: Partial<Record<string, number>>;
  labels: Partial<Record<string, string>>;
  /** The first column the table has, for a finding about a field it lacks. */
  fallbackColumn: number;
  /** The fields whose 0 is an empty cell (a formula's range, `SheetGrid.zeroMayBeEmpty`). */
  zeroIsBlank?: ReadonlySet<string>;
}

export interface RowSource {
  layout: TableLayout;
  /** The worksheet row (the range row, when a range was read). */
  row: number;
}

/** What the reader attaches to every record it makes: where it came from. */
export interface Sourced {
  source: RowSource;
}

export interface TableRead<R> {
  records: R[];
  findings: CellFinding[];
  /** Set when the table cannot be read at all (no header, a required column missing). */
  unusable?: string;
  /** The rows left out for a finding, each with its first column's text (the participant): whoever looks for one can say why it is not there. */
  leftOut?: Array<{ source: RowSource; key?: string }>;
}

/** The cell of `field` in the record's row (the row's first cell when the table has no such column), and its header. */
export function fieldCell(source: RowSource, field: string): CellRef & { column: string } {
  const { layout, row } = source;
  const column = layout.columns[field] ?? layout.fallbackColumn;
  return { sheet: layout.sheet, cell: `${columnLetter(layout.firstColumn + column)}${row}`, column: layout.labels[field] ?? field };
}

/** A finding of a rule (`declaredAs` an entry of the rule table) on the cell of `field` in the record's row. */
export function findingAt(source: RowSource, field: string, declared: Declared, message: string): CellFinding {
  // Named rather than spread: a spread costs several times the rest, and a statement makes one finding for every credit refused.
  const { sheet, cell, column } = fieldCell(source, field);
  return { sheet, cell, column, row: source.row, rule: declared.rule, section: declared.section, severity: declared.severity, message };
}

/** Each participant's first row of a table left out for a finding (their key, as `participantKey` makes it). */
export function leftOutByParticipant(read: Pick<TableRead<unknown>, "leftOut">): Map<string, RowSource> {
  const rows = new Map<string, RowSource>();
  for (const { key, source } of read.leftOut ?? []) if (key !== undefined && !rows.has(participantKey(key))) rows.set(participantKey(key), source);
  return rows;
}

/** The first error finding on a row of a sheet: why the row was left out. */
export function rowError(findings: readonly CellFinding[], source: RowSource): CellFinding | undefined {
  return findings.find((f) => f.severity === "error" && f.row === source.row && f.sheet === source.layout.sheet);
}

/** A replay's problem as a finding on the cell it concerns. */
export function problemFinding(problem: ReplayProblem<Sourced>): CellFinding {
  return findingAt(problem.record.source, problem.field, problem, problem.message);
}

/** STATEMENT.md: headers match ignoring case, spaces and punctuation ("Per-Share ($)" is "Per Share"). */
function normalizeRecordHeader(text: unknown): string {
  return typeof text === "string" ? text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, "") : "";
}

type ActivityField = keyof ActivityRecord | "discountType";

export const ACTIVITY_COLUMNS: ReadonlyArray<ColumnSpec<ActivityField>> = [
  { key: "participant", header: "Participant", aliases: ["Name", "Employee"], required: true },
  { key: "date", header: "Date", aliases: [], required: true },
  { key: "kind", header: "Kind", aliases: ["Type"], required: true },
  { key: "amount", header: "Amount", aliases: ["Dollars"], required: true },
  { key: "matchRate", header: "Match Rate", aliases: [] },
  { key: "discount", header: "Discount", aliases: [] },
  { key: "discountType", header: "Discount Type", aliases: [] },
  { key: "reference", header: "Reference", aliases: ["Note"] },
];

export const DIVIDEND_COLUMNS: ReadonlyArray<ColumnSpec<keyof DividendRecord>> = [
  { key: "recordDate", header: "Record Date", aliases: [], required: true },
  { key: "paymentDate", header: "Payment Date", aliases: [], required: true },
  { key: "perShare", header: "Per Share", aliases: [], required: true },
];

export const SPLIT_COLUMNS: ReadonlyArray<ColumnSpec<keyof SplitRecord>> = [
  { key: "date", header: "Date", aliases: [], required: true },
  { key: "newShares", header: "New Shares", aliases: [], required: true },
  { key: "oldShares", header: "Old Shares", aliases: [], required: true },
];

/** A §3.3 suspension (PAYOUT.md §7, sheet `Participation`): suspended, and the two steps that end it. */
export interface ParticipationRecord {
  participant: string;
  suspended: IsoDate;
  reinstated?: IsoDate;
  newElection?: IsoDate;
}

/** The `Plan` sheet's one row (PAYOUT.md §7): the §15.1 termination's effective date (P-R5). */
export interface PlanTermination {
  planTerminationDate: IsoDate;
}

export const PARTICIPATION_COLUMNS: ReadonlyArray<ColumnSpec<keyof ParticipationRecord>> = [
  { key: "participant", header: "Participant", aliases: ["Name", "Employee"], required: true },
  { key: "suspended", header: "Suspended", aliases: [], required: true },
  { key: "reinstated", header: "Reinstated", aliases: [] },
  { key: "newElection", header: "New Election", aliases: [] },
];

export const PLAN_COLUMNS: ReadonlyArray<ColumnSpec<keyof PlanTermination>> = [
  { key: "planTerminationDate", header: "Plan Termination Date", aliases: [], required: true },
];

/** The rules a table's findings are raised under: a cell that cannot be read (the row is left out), and a value its row ignores. */
export interface TableRules {
  unreadable: Rule;
  ignored: Rule;
  /** Where set, a row that repeats an earlier one exactly is a warning under this rule (the row still counts). */
  duplicate?: Rule;
}

/** The records' rules (STATEMENT.md, "Findings"): S02 unreadable or missing cells, S06 a value the row's kind does not use. */
const RECORD_RULES: TableRules = { unreadable: RULES.S02, ignored: RULES.S06 };
/** The tables whose rows add up (Activity, Dividends, Splits): a row entered twice counts twice, so it is pointed out (S09). */
const COUNTED_RULES: TableRules = { ...RECORD_RULES, duplicate: RULES.S09 };

/**
 * One data row at a time: reads its cells, turning every problem into a
 * finding on its cell. One reader walks the whole table (a sheet can hold
 * tens of thousands of rows, so a row costs no new closures).
 */
export class RowReader<K extends string> {
  private cells: readonly unknown[] = [];
  source: RowSource;
  /** True once the row has had an S02 finding: it is left out. */
  failed = false;

  constructor(
    private readonly layout: TableLayout,
    private readonly findings: CellFinding[],
    private readonly rules: TableRules = RECORD_RULES,
  ) {
    this.source = { layout, row: 0 };
  }

  start(cells: readonly unknown[], row: number): void {
    this.cells = cells;
    this.source = { layout: this.layout, row };
    this.failed = false;
  }

  /** The field's cell as the sheet holds it; "" where the table has no such column. */
  private held(field: K): unknown {
    const c = this.layout.columns[field];
    return c === undefined ? "" : this.cells[c];
  }

  /** A 0 that is an empty cell: in a formula's range (`SheetGrid.zeroMayBeEmpty`), where the column cannot mean 0. */
  private zeroIsBlank(field: K): boolean {
    return this.layout.zeroIsBlank?.has(field) === true && this.held(field) === 0;
  }

  /** The field's cell as the readers take it: a 0 that is an empty cell as "". */
  private value(field: K): unknown {
    return this.zeroIsBlank(field) ? "" : this.held(field);
  }

  /** "blank", saying so when the cell held a 0 read as empty: a message then tells how to give a true zero. */
  blank(field: K): string {
    return this.zeroIsBlank(field) ? "blank (a 0 in a formula's table is an empty cell, as Excel desktop passes one; type '0 for zero)" : "blank";
  }

  private label(field: K): string {
    return this.layout.labels[field] ?? field;
  }

  private cell<T>(field: K, reader: (cell: unknown) => CellRead<T>): CellRead<T> {
    const cell = this.value(field);
    const read = reader(cell);
    if (read.problem) this.problem(field, `${this.label(field)} holds ${describe(cell)}, not ${read.problem}; the row is left out.`);
    return read;
  }

  /** The field's cell as text, with no finding: what a left-out row is known by. */
  text(field: K): string | undefined {
    return readText(this.value(field)).value;
  }

  /** The cell read as `reader` reads it; unreadable is an S02 finding and undefined. */
  read<T>(field: K, reader: (cell: unknown) => CellRead<T>): T | undefined {
    return this.cell(field, reader).value;
  }

  /** A required cell: blank is an S02 finding too, saying it needs `expected`. */
  require<T>(field: K, reader: (cell: unknown) => CellRead<T>, expected: string): T | undefined {
    const { value, problem } = this.cell(field, reader);
    if (value === undefined && !problem)
      this.problem(field, `${this.label(field)} is ${this.blank(field)}; every ${this.layout.sheet} row needs ${expected}. The row is left out.`);
    return value;
  }

  /** A finding on the field's cell under `rule` (the table's unreadable-cell rule by default), citing `cites`: the row is left out. */
  problem(field: K, message: string, cites?: string, rule = this.rules.unreadable): void {
    this.failed = true;
    this.findings.push(findingAt(this.source, field, declaredAs(rule, { cites }), message));
  }

  /** A value the row does not use, under the table's `ignored` rule, citing `cites`. */
  warn(field: K, message: string, cites?: string): void {
    this.findings.push(findingAt(this.source, field, declaredAs(this.rules.ignored, { cites }), message));
  }
}

/** Walks a table's data rows under its header; `readRow` makes a record of a row, or undefined. */
export function readTable<K extends string, R>(
  grid: SheetGrid,
  specs: ReadonlyArray<ColumnSpec<K>>,
  readRow: (row: RowReader<K>) => R | undefined,
  rules: TableRules = RECORD_RULES,
): TableRead<R & Sourced> {
  const read: TableRead<R & Sourced> = { records: [], findings: [] };
  if (grid.values.every((cells) => isEmptyRow(grid, cells))) return read;
  const header = findHeader(grid, specs, normalizeRecordHeader);
  if (header === undefined) return read;
  if (header.missing.length > 0) {
    const names = header.missing.map((c) => `"${c.header}"${c.aliases.length > 0 ? ` (or ${c.aliases.map((a) => `"${a}"`).join(", ")})` : ""}`);
    read.unusable = `${grid.sheet} has no ${names.join(", ")} column in its header row (row ${grid.firstRow + header.headerIndex}).`;
    return read;
  }
  read.findings.push(...duplicateColumnFindings(grid, header, declaredAs(RULES.T02)));
  const present = Object.values(header.columns) as number[];
  const layout: TableLayout = {
    sheet: grid.sheet,
    firstColumn: grid.firstColumn,
    columns: header.columns,
    labels: header.labels,
    fallbackColumn: Math.min(...present),
    zeroIsBlank: grid.zeroMayBeEmpty ? new Set(specs.filter((spec) => !spec.zeroCounts).map((spec) => spec.key)) : undefined,
  };
  const row = new RowReader<K>(layout, read.findings, rules);
  const duplicates = rules.duplicate === undefined ? undefined : new DuplicateRows();
  for (let r = header.headerIndex + 1; r < grid.values.length; r++) {
    const cells = grid.values[r];
    if (isEmptyRow(grid, cells)) continue;
    row.start(cells, grid.firstRow + r);
    const record = readRow(row) as (R & Partial<Sourced>) | undefined;
    if (row.failed) (read.leftOut ??= []).push({ source: row.source, key: row.text(specs[0].key) });
    if (record === undefined || row.failed) continue;
    record.source = row.source;
    read.records.push(record as R & Sourced);
    const earlier = duplicates?.repeats(cells, row.source.row);
    if (earlier !== undefined && rules.duplicate !== undefined) {
      const message = `This row repeats row ${earlier} exactly, and both are counted; remove one if it was entered twice.`;
      read.findings.push(findingAt(row.source, specs[0].key, declaredAs(rules.duplicate), message));
    }
  }
  return read;
}

function positive(row: RowReader<string>, field: string, value: Decimal | undefined, what: string, section: string): Decimal | undefined {
  if (value === undefined || value.greaterThan(0)) return value;
  row.problem(field, `${what} ${value.toString()} must be more than 0; the row is left out (§${section}).`, section);
  return undefined;
}

/** S08: `why` (engine/plausibility.ts) as an error on the field's cell, the row left out. */
function implausible(row: RowReader<string>, field: string, what: string, why: string | undefined, section: string): void {
  if (why) row.problem(field, `${what}: ${why} (§${section}). The row is left out; check the cell.`, section, RULES.S08);
}

const DISCOUNT_TYPES: Record<string, "fraction" | "dollars"> = { percent: "fraction", dollars: "dollars" };
const KIND_NAMES = Object.keys(ACTIVITY_KINDS)
  .map((k) => `"${k}"`)
  .join(", ");

/** The Activity table: one row per event (STATEMENT.md, "Activity"). */
export function readActivity(grid: SheetGrid): TableRead<ActivityRecord & Sourced> {
  // A sheet spells its kinds a handful of ways over thousands of rows.
  const kinds = new Map<string, ActivityKind | undefined>();
  const kindOf = (text: string) => {
    if (!kinds.has(text)) kinds.set(text, parseActivityKind(text));
    return kinds.get(text);
  };
  const read = readTable<ActivityField, ActivityRecord>(
    grid,
    ACTIVITY_COLUMNS,
    (row) => {
      const participant = row.require("participant", readText, "a participant's name");
      const date = row.require("date", readDate, "a date");
      const kindText = row.require("kind", readText, `a kind (${KIND_NAMES})`);
      const amount = row.require("amount", readNumber, "a dollar amount above 0");
      const matchRate = row.read("matchRate", readPercent);
      const discount = row.read("discount", readDiscount);
      const discountTypeText = row.read("discountType", readText);
      const reference = row.read("reference", readText);

      const kind = kindText === undefined ? undefined : kindOf(kindText);
      if (kindText !== undefined && kind === undefined) row.problem("kind", `Kind "${kindText}" is not one of ${KIND_NAMES}; the row is left out.`);
      const section = kind === undefined ? RULES.S02.section : ACTIVITY_KINDS[kind].section;
      const credited = positive(row, "amount", amount, "Amount", section);
      if (credited) implausible(row, "amount", "Amount", implausibleAmount(credited), section);

      let discountType = discount?.type;
      if (discountTypeText !== undefined) {
        const typed = DISCOUNT_TYPES[discountTypeText.toLowerCase()];
        if (typed === undefined) row.problem("discountType", `Discount Type "${discountTypeText}" is not "percent" or "dollars"; the row is left out.`);
        else if (discount?.type === "dollars" && typed === "fraction")
          row.problem("discount", `Discount is written in dollars but the Discount Type is "${discountTypeText}"; the row is left out.`);
        else discountType = typed;
      }
      if (kind === "option allocation" && discount === undefined && !row.failed) {
        row.problem("discount", "Discount is blank; an option allocation needs one within the bounds of §5.1. The row is left out.", "5.1");
      }
      if (kind !== undefined && kind !== "deferral" && matchRate !== undefined) {
        row.warn("matchRate", `Match Rate is for deferrals only; it is ignored on a ${kind} row (§4.3).`, "4.3");
      }
      if (kind !== undefined && kind !== "option allocation" && (discount !== undefined || discountTypeText !== undefined)) {
        row.warn(
          discount !== undefined ? "discount" : "discountType",
          `Discount is for option allocations only; it is ignored on a ${kind} row (§5.1).`,
          "5.1",
        );
      }
      if (participant === undefined || date === undefined || kind === undefined || amount === undefined || row.failed) return undefined;
      return {
        participant,
        date,
        kind,
        amount,
        matchRate: kind === "deferral" ? matchRate : undefined,
        discount:
          kind === "option allocation" && discount !== undefined && discountType !== undefined ? { value: discount.value, type: discountType } : undefined,
        reference,
      };
    },
    COUNTED_RULES,
  );
  read.findings.push(...spellingWarnings(read.records));
  return read;
}

/** A participant written two ways is one participant (sheets/participants.ts); each other spelling is pointed out once. */
function spellingWarnings(records: ReadonlyArray<ActivityRecord & Sourced>): CellFinding[] {
  const spellings = new ParticipantSpellings();
  const findings: CellFinding[] = [];
  for (const record of records) {
    const { message } = spellings.see(record.participant, record.source.row);
    if (message) findings.push(findingAt(record.source, "participant", declaredAs(RULES.S07), message));
  }
  return findings;
}

/** The Dividends table: Record Date, Payment Date, Per Share (§8.1(d)). */
export function readDividends(grid: SheetGrid): TableRead<DividendRecord & Sourced> {
  return readTable(
    grid,
    DIVIDEND_COLUMNS,
    (row) => {
      const recordDate = row.require("recordDate", readDate, "a date");
      const paymentDate = row.require("paymentDate", readDate, "a date");
      const perShare = positive(row, "perShare", row.require("perShare", readNumber, "dollars per share"), "Per Share", "8.1(d)");
      if (perShare) implausible(row, "perShare", "Per Share", implausiblePerShare(perShare), "8.1(d)");
      if (recordDate === undefined || paymentDate === undefined || perShare === undefined) return undefined;
      return { recordDate, paymentDate, perShare };
    },
    COUNTED_RULES,
  );
}

/** The Splits table: Date, New Shares, Old Shares (§8.1(e)). */
export function readSplits(grid: SheetGrid): TableRead<SplitRecord & Sourced> {
  return readTable(
    grid,
    SPLIT_COLUMNS,
    (row) => {
      const date = row.require("date", readDate, "a date");
      const newShares = positive(row, "newShares", row.require("newShares", readNumber, "a number of shares"), "New Shares", "8.1(e)");
      const oldShares = positive(row, "oldShares", row.require("oldShares", readNumber, "a number of shares"), "Old Shares", "8.1(e)");
      if (newShares && oldShares) implausible(row, "newShares", "New Shares", implausibleSplit(newShares, oldShares), "8.1(e)");
      if (date === undefined || newShares === undefined || oldShares === undefined) return undefined;
      return { date, newShares, oldShares };
    },
    COUNTED_RULES,
  );
}

/** The Participation table: a §3.3 suspension a row (PAYOUT.md §7). */
export function readParticipation(grid: SheetGrid): TableRead<ParticipationRecord & Sourced> {
  return readTable(grid, PARTICIPATION_COLUMNS, (row) => {
    const participant = row.require("participant", readText, "a participant's name");
    const suspended = row.require("suspended", readDate, "the date the Committee suspended the participant (§3.3)");
    const reinstated = row.read("reinstated", readDate);
    const newElection = row.read("newElection", readDate);
    for (const [field, date] of [
      ["reinstated", reinstated],
      ["newElection", newElection],
    ] as const) {
      if (suspended !== undefined && date !== undefined && date < suspended) {
        row.problem(
          field,
          `${PARTICIPATION_COLUMNS.find((c) => c.key === field)?.header} ${date} is before the suspension on ${suspended}; the row is left out (§3.3).`,
          "3.3",
        );
      }
    }
    if (participant === undefined || suspended === undefined) return undefined;
    return { participant, suspended, reinstated, newElection };
  });
}

/** The Plan table: the §15.1 termination's effective date (PAYOUT.md §7, P-R5). */
export function readPlan(grid: SheetGrid): TableRead<PlanTermination & Sourced> {
  return readTable(grid, PLAN_COLUMNS, (row) => {
    const planTerminationDate = row.require("planTerminationDate", readDate, "the effective date of the Board's action (§15.1)");
    return planTerminationDate === undefined ? undefined : { planTerminationDate };
  });
}

/** A Prime Rates sheet's first two columns, [date, annual rate], as INVESTMENT_BALANCE reads them (throws a PlanError naming the bad row). */
export function primeRatesFrom(grid: SheetGrid): PrimeRate[] {
  if (grid.values.every(isBlankRow)) return [];
  try {
    return primeRatesFromCells(grid.values.map((row) => [row[0] ?? "", row[1] ?? ""]));
  } catch (error) {
    if (error instanceof PlanError) throw new PlanError(error.kind, `${grid.sheet}: ${error.message}`);
    throw error;
  }
}
