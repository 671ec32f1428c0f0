/**
 * One Excel value, as a formula argument or a cell read from a sheet: what
 * counts as blank, how a message quotes it, and the date and number it holds.
 * The custom functions and the sheet readers both read values through here,
 * so the engine only ever sees typed values.
 */
import { assertSupportedDate, parseIsoDate, type IsoDate } from "../engine/dates";
import { Decimal } from "../engine/decimal";
import { invalidValue } from "../engine/errors";
import { quoted } from "../engine/format";
import { serialToIsoDate } from "./serials";

/** Whatever Excel (Office.js, a custom function call, an .xlsx reader) hands over for one cell. */
export type CellValue = unknown;

/** `null`, `undefined`, `""` (or only spaces): an empty cell. */
export function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Excel desktop hands an empty cell as 0 where the web hands null: where 0 cannot be meant, it is blank too. */
export function isBlankOrZero(value: CellValue): boolean {
  return value === 0 || isBlank(value);
}

/**
 * The code of an error cell (#N/A, #REF!, …), or undefined for any other
 * value. The functions metadata opts every `any` parameter into receiving
 * errors (allowErrorForDataTypeAny), and Excel then hands an error cell over
 * as an error object whose `code` is what the cell shows; ExcelJS reads one
 * from an .xlsx file as `{ error: "#N/A" }`.
 */
export function cellErrorCode(value: CellValue): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { code, error } = value as { code?: unknown; error?: unknown };
  const text = typeof code === "string" ? code : error;
  return typeof text === "string" && text.startsWith("#") ? text : undefined;
}

/** A cell value as a message quotes it. */
export function describe(value: CellValue): string {
  const error = cellErrorCode(value);
  if (error !== undefined) return error;
  if (typeof value === "string") return quoted(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number" && !Number.isFinite(value)) return `a value that is no number Excel can hold (${String(value)})`;
  return String(value);
}

/** A date cell: an Excel serial or `YYYY-MM-DD` text; blank (or 0) is undefined. */
export function readDateCell(value: CellValue, what: string): IsoDate | undefined {
  if (isBlankOrZero(value)) return undefined;
  let date: IsoDate | undefined;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw invalidValue(`${what} ${describe(value)} is not a date`);
    date = serialToIsoDate(value);
    if (date === undefined) throw invalidValue(`${what} ${describe(value)} is not a date serial Excel can show`);
  } else if (typeof value === "string") {
    date = parseIsoDate(value);
    if (date === undefined) throw invalidValue(`${what} ${describe(value)} is not a date (expected a date cell or YYYY-MM-DD)`);
  } else if (value instanceof Date && !Number.isNaN(value.getTime())) {
    date = value.toISOString().slice(0, 10);
  } else {
    throw invalidValue(`${what} ${describe(value)} is not a date`);
  }
  return assertSupportedDate(date, what);
}

/** A number cell, exact: binary numbers are read through their shortest decimal form. */
export function readNumberCell(value: CellValue, what: string): Decimal {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw invalidValue(`${what} ${describe(value)} is not a number`);
  }
  return new Decimal(value);
}
