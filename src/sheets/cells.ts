/**
 * Reading one worksheet cell as the type its column needs. A cell that
 * cannot be read yields a problem (rule E16) instead of a value, never an
 * exception: the sheet is the user's, and any cell may hold anything.
 */
import type { IsoDate, Quarter } from "../engine/dates";
import { Decimal } from "../engine/decimal";
import { PlanError } from "../engine/errors";
import type { DiscountType } from "../engine/options";
import { isBlank, readDateCell } from "../engine/tables";

export type CellRead<T> = { value?: T; problem?: string };

const blank = { value: undefined };
const ok = <T>(value: T | undefined): CellRead<T> => ({ value });
const problem = <T>(expected: string): CellRead<T> => ({ problem: expected });

export function readText(cell: unknown): CellRead<string> {
  if (isBlank(cell)) return blank;
  if (typeof cell === "string") return ok(cell.trim());
  if (typeof cell === "number" && Number.isFinite(cell)) return ok(String(cell));
  return problem("text");
}

export function readDate(cell: unknown): CellRead<IsoDate> {
  if (isBlank(cell)) return blank;
  try {
    return ok(readDateCell(cell, "date"));
  } catch (error) {
    if (error instanceof PlanError) return problem(error.kind === "outOfRange" ? "a date from 1990 to 2099" : "a date (a date cell or YYYY-MM-DD)");
    throw error;
  }
}

/** Numbers may come as text from CSV-born sheets: "1,000", "$1,000.50". */
function numericText(text: string): Decimal | undefined {
  const cleaned = text.trim().replace(/^\$/, "").replace(/,/g, "");
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? new Decimal(cleaned) : undefined;
}

export function readNumber(cell: unknown): CellRead<Decimal> {
  if (isBlank(cell)) return blank;
  if (typeof cell === "number" && Number.isFinite(cell)) return ok(new Decimal(cell));
  const parsed = typeof cell === "string" ? numericText(cell) : undefined;
  return parsed === undefined ? problem("a number") : ok(parsed);
}

export function readYear(cell: unknown): CellRead<number> {
  const { value, problem: why } = readNumber(cell);
  if (why) return problem("a year such as 2004");
  if (value === undefined) return blank;
  return value.isInteger() && value.greaterThanOrEqualTo(1990) && value.lessThanOrEqualTo(2099) ? ok(value.toNumber()) : problem("a year such as 2004");
}

/** A percent cell (0.5 formatted as 50%) or text "50%". */
export function readPercent(cell: unknown): CellRead<Decimal> {
  if (typeof cell === "string" && /%\s*$/.test(cell)) {
    const parsed = numericText(cell.replace(/%\s*$/, ""));
    return parsed === undefined ? problem("a percent such as 50%") : ok(parsed.dividedBy(100));
  }
  const read = readNumber(cell);
  return read.problem ? problem("a percent such as 50%") : read;
}

/** A discount as OPTION_PRICE takes it: a fraction (15%), or dollars written "$1.25". */
export function readDiscount(cell: unknown): CellRead<{ value: Decimal; type: DiscountType }> {
  if (typeof cell === "string" && cell.trim().startsWith("$")) {
    const parsed = numericText(cell);
    return parsed === undefined ? problem("a discount such as 15% or $1.25") : ok({ value: parsed, type: "dollars" });
  }
  const read = readPercent(cell);
  if (read.problem) return problem("a discount such as 15% or $1.25");
  return ok(read.value === undefined ? undefined : { value: read.value, type: "fraction" });
}

export function readQuarter(cell: unknown): CellRead<Quarter> {
  if (isBlank(cell)) return blank;
  const match = typeof cell === "string" ? /^\s*(\d{4})\s*-?\s*Q([1-4])\s*$/i.exec(cell) : null;
  return match ? ok({ year: Number(match[1]), quarter: Number(match[2]) }) : problem("a fiscal quarter such as 2003-Q2");
}

/** Y / N (Yes, No, TRUE, FALSE) or blank. */
export function readYesNo(cell: unknown): CellRead<boolean> {
  if (isBlank(cell)) return blank;
  if (typeof cell === "boolean") return ok(cell);
  const text = typeof cell === "string" ? cell.trim().toLowerCase() : "";
  if (text === "y" || text === "yes") return ok(true);
  if (text === "n" || text === "no") return ok(false);
  return problem("Y or N");
}

