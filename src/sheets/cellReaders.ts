/**
 * Reading one worksheet cell as the type its column needs. A cell that
 * cannot be read yields a problem (rule E16) instead of a value, never an
 * exception: the sheet is the user's, and any cell may hold anything. A cell
 * that holds no value at all (an error such as #N/A, a formula never
 * calculated) is never read as text, a number or a blank.
 */
import { describe, isBlank, readDateCell } from "../cells/values";
import type { IsoDate, Quarter } from "../engine/dates";
import { Decimal, fitsLargestFigure, LARGEST_FIGURE } from "../engine/decimal";
import { PlanError } from "../engine/errors";
import type { DiscountType } from "../engine/options";
import { UnsavedFormula, visibleText } from "./grid";

/** A value, or `problem`: what the column expects, for the finding's message. */
export type CellRead<T> = { value?: T; problem?: string };

const blank = { value: undefined };
const ok = <T>(value: T | undefined): CellRead<T> => ({ value });
const problem = <T>(expected: string): CellRead<T> => ({ problem: expected });

/** Every error value Excel shows in a cell; Office.js `values` and the .xlsx reader both give it as this text. */
const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#EXTERNAL!",
  "#PYTHON!",
  "#TIMEOUT!",
]);

/** The error a cell shows (`#N/A`, `#REF!`, …), or undefined. */
export function excelError(cell: unknown): string | undefined {
  // Every error starts with "#": the text of the other cells (names, kinds, references) is not copied to find out.
  if (typeof cell !== "string" || !cell.includes("#")) return undefined;
  const text = cell.trim().toUpperCase();
  return EXCEL_ERRORS.has(text) ? text : undefined;
}

/** A cell with nothing a reader may take as a value. */
function holdsNoValue(cell: unknown): boolean {
  return cell instanceof UnsavedFormula || excelError(cell) !== undefined;
}

/** A reader that refuses error cells and uncalculated formulas before looking at the value. */
function reader<T>(expected: string, read: (cell: unknown) => CellRead<T>): (cell: unknown) => CellRead<T> {
  return (cell) => (holdsNoValue(cell) ? problem(expected) : read(cell));
}

/** One comma between digits and no point, as in "0,1" or "1,5%": a decimal comma, never a thousands separator. */
const DECIMAL_COMMA = /^\s*(-?\$?\d+),(\d+\s*%?)\s*$/;
const LOOKS_NUMERIC = /^[\s\d.,$%-]*\d[\s\d.,$%-]*$/;
/**
 * Text whose separator could mean two things: "12.000" is twelve to some and
 * twelve thousand to others (a European grouping). Never guessed: a finding.
 */
const AMBIGUOUS_SEPARATOR = /^\s*(-?)(\$?)([1-9]\d{0,2})((?:\.\d{3})+)\s*%?\s*$/;
/** A separator between groups of three digits, either kind: what a message explains both readings of. */
const TWO_WAYS = /^\s*(-?)(\$?)([1-9]\d{0,2})((?:[.,]\d{3})+)\s*%?\s*$/;
/** In a Percent column "1,000" could be 1.000 (100%) or a thousand percent: also never guessed. */
const AMBIGUOUS_PERCENT = /^\s*(-?)(\$?)([1-9]\d{0,2})((?:,\d{3})+)\s*$/;

/**
 * The finding's sentence for a cell its column cannot use: what the cell
 * holds, what the column expects, and how to fix the cell.
 */
export function cellProblem(address: string, label: string, cell: unknown, expected: string): string {
  if (cell instanceof UnsavedFormula) {
    return `Cell ${address} holds a formula with no saved value (${cell.toString()}): open and save it in Excel.`;
  }
  const error = excelError(cell);
  if (error !== undefined) return `Cell ${address} holds the error ${error}; ${label} expects ${expected}. Correct the formula or value behind it.`;
  let hint = "";
  const twoWays = typeof cell === "string" ? TWO_WAYS.exec(cell) : null;
  if (typeof cell === "string" && twoWays) {
    const [, sign, dollar, head, tail] = twoWays;
    const separator = tail[0];
    const groups = tail.split(separator).slice(1).join("");
    const point = `${sign}${dollar}${head}.${groups}`.replace(/\.?0+$/, "");
    const thousands = `${sign}${dollar}${head}${groups}`;
    hint = ` ("${cell.trim()}" reads two ways: ${point} with "${separator}" as a decimal point, or ${thousands} with it between thousands; type the number you mean)`;
  } else if (typeof cell === "string" && cell.includes(",") && LOOKS_NUMERIC.test(cell)) {
    const comma = DECIMAL_COMMA.exec(cell);
    hint = ` (a comma is read only between thousands, as in 1,000; write a decimal with a point${comma ? `: "${comma[1]}.${comma[2]}"` : ""})`;
  }
  return `Cell ${address} holds ${describe(cell)}; ${label} expects ${expected}${hint}.`;
}

/** Text, trimmed and as a person reads it (full-width letters folded, zero-width characters dropped). */
export const readText = reader("text", (cell): CellRead<string> => {
  if (isBlank(cell)) return blank;
  if (typeof cell === "string") {
    const text = visibleText(cell).trim();
    return text === "" ? blank : ok(text);
  }
  if (typeof cell === "number" && Number.isFinite(cell)) return ok(String(cell));
  return problem("text");
});

const A_DATE = "a date (a date cell or YYYY-MM-DD)";

export const readDate = reader(A_DATE, (cell): CellRead<IsoDate> => {
  if (isBlank(cell)) return blank;
  try {
    return ok(readDateCell(cell, "date"));
  } catch (error) {
    if (error instanceof PlanError) return problem(error.kind === "outOfRange" ? "a date from 1990 to 2099" : A_DATE);
    throw error;
  }
});

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const GROUPED_NUMBER = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Numbers may come as text from CSV-born sheets: "1,000", "$1,000.50". A
 * comma counts only between groups of three digits, so "0,1" is no number
 * rather than 1.
 */
function numericText(text: string): Decimal | undefined {
  if (AMBIGUOUS_SEPARATOR.test(text)) return undefined;
  // "-$12,000" is "$-12,000" is -12000.
  const cleaned = text.trim().replace(/^(-?)\$/, "$1");
  if (PLAIN_NUMBER.test(cleaned)) return new Decimal(cleaned);
  if (GROUPED_NUMBER.test(cleaned)) return new Decimal(cleaned.replace(/,/g, ""));
  return undefined;
}

const A_NUMBER = "a number";
const TOO_LARGE = `a number a cell can hold (at most ${LARGEST_FIGURE.toExponential()})`;

/** Numbers recur down a column (the same salary deferral each month): each is made a Decimal once. A Decimal never changes. */
const decimals = new Map<number, Decimal>();
const MAX_REMEMBERED = 100_000;

function decimalOf(cell: number): Decimal {
  let value = decimals.get(cell);
  if (value === undefined) {
    value = new Decimal(cell);
    // Not zero: the Map holds 0 and -0 as one key, and a Decimal keeps the sign.
    if (cell !== 0 && decimals.size < MAX_REMEMBERED) decimals.set(cell, value);
  }
  return value;
}

export const readNumber = reader(A_NUMBER, (cell): CellRead<Decimal> => {
  if (isBlank(cell)) return blank;
  const value = typeof cell === "number" && Number.isFinite(cell) ? decimalOf(cell) : typeof cell === "string" ? numericText(cell) : undefined;
  if (value === undefined) return problem(A_NUMBER);
  return fitsLargestFigure(value) ? ok(value) : problem(TOO_LARGE);
});

const A_YEAR = "a year such as 2004";

export const readYear = reader(A_YEAR, (cell): CellRead<number> => {
  const { value, problem: why } = readNumber(cell);
  if (why) return problem(A_YEAR);
  if (value === undefined) return blank;
  return value.isInteger() && value.greaterThanOrEqualTo(1990) && value.lessThanOrEqualTo(2099) ? ok(value.toNumber()) : problem(A_YEAR);
});

const A_PERCENT = "a percent such as 50%";

/** A percent cell (0.5 formatted as 50%) or text "50%". */
export const readPercent = reader(A_PERCENT, (cell): CellRead<Decimal> => {
  if (typeof cell === "string" && AMBIGUOUS_PERCENT.test(cell)) return problem(A_PERCENT);
  if (typeof cell === "string" && /%\s*$/.test(cell)) {
    const parsed = numericText(cell.replace(/%\s*$/, ""));
    return parsed === undefined ? problem(A_PERCENT) : ok(parsed.dividedBy(100));
  }
  const read = readNumber(cell);
  return read.problem ? problem(A_PERCENT) : read;
});

const A_DISCOUNT = "a discount such as 15% or $1.25";

/** A discount as OPTION_PRICE takes it: a fraction (15%), or dollars written "$1.25". */
export const readDiscount = reader(A_DISCOUNT, (cell): CellRead<{ value: Decimal; type: DiscountType }> => {
  if (typeof cell === "string" && cell.trim().startsWith("$")) {
    const parsed = numericText(cell);
    return parsed === undefined ? problem(A_DISCOUNT) : ok({ value: parsed, type: "dollars" });
  }
  const read = readPercent(cell);
  if (read.problem) return problem(A_DISCOUNT);
  return ok(read.value === undefined ? undefined : { value: read.value, type: "fraction" });
});

const A_QUARTER = "a fiscal quarter such as 2003-Q2";

export const readQuarter = reader(A_QUARTER, (cell): CellRead<Quarter> => {
  if (isBlank(cell)) return blank;
  const match = typeof cell === "string" ? /^\s*(\d{4})\s*-?\s*Q([1-4])\s*$/i.exec(cell) : null;
  return match ? ok({ year: Number(match[1]), quarter: Number(match[2]) }) : problem(A_QUARTER);
});

/** Y / N (Yes, No, TRUE, FALSE) or blank. */
export const readYesNo = reader("Y or N", (cell): CellRead<boolean> => {
  if (isBlank(cell)) return blank;
  if (typeof cell === "boolean") return ok(cell);
  const text = typeof cell === "string" ? cell.trim().toLowerCase() : "";
  if (text === "y" || text === "yes") return ok(true);
  if (text === "n" || text === "no") return ok(false);
  return problem("Y or N");
});

/** PAYOUT.md §1's Y/N cells: Y, Yes, TRUE, 1 / N, No, FALSE, 0 (text, number or boolean); blank is undefined, for the column's default. */
export const readFlag = reader("Y or N (Yes, TRUE, 1 / No, FALSE, 0)", (cell): CellRead<boolean> => {
  if (cell === 1 || cell === 0) return ok(cell === 1);
  const text = typeof cell === "string" ? cell.trim().toLowerCase() : "";
  if (text === "true" || text === "1") return ok(true);
  if (text === "false" || text === "0") return ok(false);
  const read = readYesNo(cell);
  return read.problem ? problem("Y or N (Yes, TRUE, 1 / No, FALSE, 0)") : read;
});
