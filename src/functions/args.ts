/**
 * The one place Excel values become engine inputs, and engine errors become
 * Excel errors. Every custom function is a few lines on top of these.
 */
import { assertSupportedDate, isoDateToSerial, type IsoDate } from "../engine/dates";
import { Decimal, toNumber } from "../engine/decimal";
import { invalidValue, PlanError } from "../engine/errors";
import { describe, isBlank, isBlankOrZero, readDateCell } from "../engine/tables";

/**
 * Runs one calculation. A plan error becomes the `CustomFunctions.Error` it
 * names; anything unexpected becomes #VALUE! with its message, so no exception,
 * NaN or Infinity ever reaches a cell. Only #VALUE! and #N/A ever leave: Excel
 * drops the message of every other code (FUNCTIONS.md, "Errors").
 */
export function excel<T>(compute: () => T): T {
  let result: T;
  try {
    result = compute();
  } catch (error) {
    if (error instanceof PlanError) throw new CustomFunctions.Error(error.code as CustomFunctions.ErrorCode, error.message);
    const message = error instanceof Error ? error.message : String(error);
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `unexpected input: ${message}`);
  }
  if (typeof result === "number" && !Number.isFinite(result)) {
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "the result is not a finite number");
  }
  return result;
}

/** A required argument left blank, or 0: what Excel desktop hands for an empty cell. */
function missing(name: string, value: unknown, wanted: string) {
  return invalidValue(`${name} is ${value === 0 ? "0 (an empty cell?)" : "blank"}; enter ${wanted}`);
}

/** A required date: a serial or `YYYY-MM-DD` text, 1990-01-01 .. 2099-12-31. */
export function dateArg(name: string, value: unknown): IsoDate {
  if (isBlankOrZero(value)) throw missing(name, value, "a date");
  return readDateCell(value, name) as IsoDate;
}

/** A date that may be blank: omitted, null, "" or 0 (Excel desktop's empty cell). */
export function optionalDateArg(name: string, value: unknown): IsoDate | undefined {
  return readDateCell(value, name);
}

/** A required number, exact. */
export function numberArg(name: string, value: unknown): Decimal {
  if (isBlank(value)) throw invalidValue(`${name} is blank; enter a number`);
  if (typeof value !== "number" || !Number.isFinite(value)) throw invalidValue(`${name} ${describe(value)} is not a number`);
  return new Decimal(value);
}

/** An optional number; blank gives `fallback`. */
export function optionalNumberArg(name: string, value: unknown, fallback: Decimal): Decimal;
export function optionalNumberArg(name: string, value: unknown): Decimal | undefined;
export function optionalNumberArg(name: string, value: unknown, fallback?: Decimal): Decimal | undefined {
  return isBlank(value) ? fallback : numberArg(name, value);
}

/** A whole-number argument such as `places` or `offset`; blank gives `fallback`. */
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
  return Object.keys(choices).map((c) => `"${c}"`).join(", ");
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

/** A date result as the serial a date cell holds. */
export function serialResult(date: IsoDate, what = "the result"): number {
  return isoDateToSerial(assertSupportedDate(date, what));
}

/** A number result: the exact decimal converted once, at the edge. */
export function numberResult(value: Decimal): number {
  return toNumber(value);
}

