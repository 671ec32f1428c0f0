/**
 * The one place a custom function's arguments become engine inputs, its
 * results become cell values, and engine errors become Excel errors. Every
 * custom function is a few lines on top of these: `lift` runs it over columns,
 * `tableArg` reads a table once per call, the `…Arg` readers check one value.
 */
import { isoDateToSerial } from "../cells/serials";
import { cellErrorCode, describe, isBlank, isBlankOrZero, readDateCell } from "../cells/values";
import { assertSupportedDate, type IsoDate } from "../engine/dates";
import { Decimal, toNumber } from "../engine/decimal";
import { invalidValue, notAvailable, PlanError } from "../engine/errors";
import { readFlag } from "../sheets/cellReaders";

/**
 * The Excel error a failed calculation shows. A plan error keeps its code and
 * message; anything unexpected becomes #VALUE! with its message, so no
 * exception, NaN or Infinity ever reaches a cell. Only #VALUE! and #N/A ever
 * leave: Excel drops the message of every other code (FUNCTIONS.md, "Errors").
 */
function cellError(error: unknown): CustomFunctions.Error {
  if (error instanceof PlanError) return new CustomFunctions.Error(error.code as CustomFunctions.ErrorCode, error.message);
  const message = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `unexpected input: ${message}`);
}

function notFinite(): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "the result is not a finite number");
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: CustomFunctions.Error };

/** One calculation's value, or the error its cell shows. */
function attempt<T>(compute: () => T): Outcome<T> {
  try {
    const value = compute();
    if (typeof value === "number" && !Number.isFinite(value)) return { ok: false, error: notFinite() };
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: cellError(error) };
  }
}

/** One position of a lifted formula: its value, or the error its cell shows (attempt's rules, without an object per cell). */
function cellOutcome(compute: () => unknown): unknown {
  try {
    const value = compute();
    return typeof value === "number" && !Number.isFinite(value) ? notFinite() : value;
  } catch (error) {
    return cellError(error);
  }
}

/** Runs one calculation whose result is the whole formula's: its error is thrown, as Excel expects. */
export function excel<T>(compute: () => T): T {
  const outcome = attempt(compute);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/**
 * A value argument that reads an error cell answers as Excel's own functions
 * do, with that cell's error: #N/A stays #N/A, any other code (which a custom
 * function cannot return with a message) is #VALUE! naming it.
 */
function refuseErrorCells<K extends string>(cell: Record<K, unknown>): void {
  for (const name of Object.keys(cell) as K[]) {
    const code = cellErrorCode(cell[name]);
    if (code === "#N/A") throw notAvailable(`${name} is #N/A`);
    if (code !== undefined) throw invalidValue(`${name} is ${code}, the error in the cell it reads`);
  }
}

interface Shape {
  rows: number;
  columns: number;
}

function describeShape({ rows, columns }: Shape): string {
  if (columns === 1) return `a column of ${rows}`;
  if (rows === 1) return `a row of ${columns}`;
  return `${rows} rows × ${columns} columns`;
}

/** A range or array's rows × columns; undefined for a single value (a 1×1 range is one). */
function shapeOf(name: string, value: unknown): Shape | undefined {
  if (!Array.isArray(value)) return undefined;
  const columns = Array.isArray(value[0]) ? value[0].length : 0;
  if (columns === 0 || !value.every((row) => Array.isArray(row) && row.length === columns)) {
    throw invalidValue(`${name} must be a single value or a range of values`);
  }
  return value.length === 1 && columns === 1 ? undefined : { rows: value.length, columns };
}

/**
 * Columns in, columns out: the one way a custom function takes its single-value
 * arguments. Each of `args` may be a single value, or a column, row or block
 * (a range or an array); `compute` then runs once per position, the single
 * values repeating, and the results come back in that shape for Excel to
 * spill. Ranges given together must have the same shape, else the whole
 * formula is #VALUE! naming both. A position that fails is that cell's error,
 * with its message; the others still compute. With only single values the
 * result is one cell, and its error is the formula's, exactly as a plain
 * function's.
 */
export function lift<K extends string>(args: Record<K, unknown>, compute: (cell: Record<K, unknown>) => unknown): unknown[][] {
  const cell = {} as Record<K, unknown>;
  const ranges: Array<[K, unknown[][]]> = [];
  let shape: Shape | undefined;
  let shapedBy: K | undefined;
  excel(() => {
    for (const name of Object.keys(args) as K[]) {
      const value = args[name];
      const own = shapeOf(name, value);
      if (!own) {
        cell[name] = Array.isArray(value) ? (value[0] as unknown[])[0] : value;
        continue;
      }
      if (shape && shapedBy !== undefined && (own.rows !== shape.rows || own.columns !== shape.columns)) {
        throw invalidValue(
          `${shapedBy} is ${describeShape(shape)} but ${name} is ${describeShape(own)}; ranges given together must be the same size (a single value is used for every row)`,
        );
      }
      shape = own;
      shapedBy = name;
      ranges.push([name, value as unknown[][]]);
    }
  });
  const computeCell = () => {
    refuseErrorCells(cell);
    return compute(cell);
  };
  if (!shape) return [[excel(computeCell)]];
  const results: unknown[][] = new Array(shape.rows);
  for (let r = 0; r < shape.rows; r++) {
    const row: unknown[] = new Array(shape.columns);
    for (let c = 0; c < shape.columns; c++) {
      for (let k = 0; k < ranges.length; k++) cell[ranges[k][0]] = ranges[k][1][r][c];
      row[c] = cellOutcome(computeCell);
    }
    results[r] = row;
  }
  return results;
}

/**
 * A table argument (prices, flows, primeRates, ledger) read once per call,
 * however many rows the call computes, and only when a row first needs it: a
 * single cell meets its arguments' errors in the order it always has. A table
 * that cannot be read is the error of every row that needs it.
 */
export function tableArg<T>(read: () => T): () => T {
  let outcome: { value: T } | { error: unknown } | undefined;
  return () => {
    if (!outcome) {
      try {
        outcome = { value: read() };
      } catch (error) {
        outcome = { error };
      }
    }
    if ("error" in outcome) throw outcome.error;
    return outcome.value;
  };
}

/** A required argument left blank, or 0: what Excel desktop hands for an empty cell. */
function missing(name: string, value: unknown, wanted: string) {
  return invalidValue(`${name} is ${value === 0 ? "0 (an empty cell?)" : "blank"}; enter ${wanted}`);
}

/** A required date: a serial or `YYYY-MM-DD` text, 1990-01-01 .. 2099-12-31. */
export function dateArg(name: string, value: unknown): IsoDate {
  const date = readDateCell(value, name);
  if (date === undefined) throw missing(name, value, "a date");
  return date;
}

/** A date that may be blank: omitted, null, "" or 0 (Excel desktop's empty cell). */
export function optionalDateArg(name: string, value: unknown): IsoDate | undefined {
  return readDateCell(value, name);
}

/** A required number, as the cell holds it (numberArg makes it exact). */
export function cellNumberArg(name: string, value: unknown): number {
  if (isBlank(value)) throw invalidValue(`${name} is blank; enter a number`);
  if (typeof value !== "number" || !Number.isFinite(value)) throw invalidValue(`${name} ${describe(value)} is not a number`);
  return value;
}

/** A required number, exact. */
export function numberArg(name: string, value: unknown): Decimal {
  return new Decimal(cellNumberArg(name, value));
}

/**
 * An optional number the plan never takes as 0 (matchRate, initialReserve,
 * annualRate): blank, or 0, gives `fallback`. Excel desktop hands an empty
 * cell as 0 and the web as null, so only this reading means the same on both.
 */
export function defaultedNumberArg(name: string, value: unknown, fallback: Decimal): Decimal {
  return isBlankOrZero(value) ? fallback : numberArg(name, value);
}

/** A whole-number argument such as `places` or `offset`; blank gives `fallback`, 0 is 0. */
export function integerArg(name: string, value: unknown, fallback: number): number {
  if (isBlank(value)) return fallback;
  const number = numberArg(name, value);
  if (!number.isInteger()) throw invalidValue(`${name} ${number.toString()} must be a whole number`);
  return number.toNumber();
}

/** A calendar year such as 2004; blank or 0 (an empty cell) is #VALUE!, never a year. */
export function yearArg(name: string, value: unknown): number {
  if (isBlankOrZero(value)) throw missing(name, value, "a year such as 2004");
  return integerArg(name, value, 0);
}

/** Choices are matched ignoring case, spaces and hyphens: "Without-Cause" is "without cause". */
function choiceKey(text: string): string {
  return text.toLowerCase().replace(/[\s-]+/g, "");
}

function listChoices(choices: Record<string, unknown>): string {
  return Object.keys(choices)
    .map((c) => `"${c}"`)
    .join(", ");
}

/**
 * One of a few words, matched ignoring case, spaces and hyphens. Blank, or 0
 * (an empty cell), is #VALUE!: a required choice never falls back silently.
 */
export function choiceArg<T extends string>(name: string, value: unknown, choices: Record<string, T>): T {
  if (isBlankOrZero(value)) throw missing(name, value, `one of ${listChoices(choices)}`);
  const key = typeof value === "string" ? choiceKey(value) : undefined;
  const match = key === undefined ? undefined : Object.keys(choices).find((choice) => choiceKey(choice) === key);
  if (match === undefined) throw invalidValue(`${name} ${describe(value)} must be one of ${listChoices(choices)}`);
  return choices[match];
}

/** An optional choice: blank, or 0 (an empty cell), gives `fallback`; any text but the choices is #VALUE!. */
export function optionalChoiceArg<T extends string>(name: string, value: unknown, choices: Record<string, T>, fallback: T): T;
export function optionalChoiceArg<T extends string>(name: string, value: unknown, choices: Record<string, T>): T | undefined;
export function optionalChoiceArg<T extends string>(name: string, value: unknown, choices: Record<string, T>, fallback?: T): T | undefined {
  return isBlankOrZero(value) ? fallback : choiceArg(name, value, choices);
}

/** A Y/N argument: Y, Yes, TRUE, 1 / N, No, FALSE (PAYOUT.md §1); blank (or 0, an empty cell) gives `fallback`. */
export function flagArg(name: string, value: unknown, fallback: boolean): boolean {
  if (isBlankOrZero(value)) return fallback;
  const read = readFlag(value);
  if (read.value === undefined) throw invalidValue(`${name} ${describe(value)} is not Y or N`);
  return read.value;
}

/** A date result as the serial a date cell holds. */
export function serialResult(date: IsoDate, what = "the result"): number {
  return isoDateToSerial(assertSupportedDate(date, what));
}

/** A number result: the exact decimal converted once, at the edge. */
export function numberResult(value: Decimal): number {
  return toNumber(value);
}

/** A participant argument: a name as the `tables` rows spell it; a number is the name a sheet would read from that cell. */
export function participantArg(value: unknown, tables: string): string {
  if (typeof value === "number" && Number.isFinite(value) && value !== 0) return String(value);
  if (typeof value === "string" && value.trim() !== "") return value;
  const held = isBlankOrZero(value) ? "is blank" : `${describe(value)} is not a name`;
  throw invalidValue(`participant ${held}; enter a name as the ${tables} rows spell it`);
}
