/** How numbers read in messages, reports and the command line: one place, so they all agree. */
import { DEFAULT_UNIT_PLACES } from "./constants";
import { Decimal } from "./decimal";

/** From here on digits are shown in exponent form (exact still): no one reads 22 digits of shares. */
const PLAIN_DIGITS_BELOW = new Decimal("1e21");

/**
 * Shares or units with thousands separators, at most `places` decimals,
 * exactly: 12345678901234567890 is 12,345,678,901,234,567,890, never
 * 12,345,678,901,234,567,000 as a binary number would print it.
 */
export function formatShares(value: Decimal | number, places = 6): string {
  const exact = new Decimal(value).toDecimalPlaces(places);
  if (exact.isZero()) return "0";
  if (exact.abs().greaterThanOrEqualTo(PLAIN_DIGITS_BELOW)) return exact.toString();
  const [whole, fraction] = exact.abs().toFixed().split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${exact.isNegative() ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** A rate as a percent, exactly: "0.10" → "10%", 0.155 → "15.5%". */
export function formatPercent(rate: Decimal | string): string {
  return `${new Decimal(rate).times(100).toString()}%`;
}

/** `"Elections", "Prices" and "Flows"`: names quoted and listed as a sentence lists them. */
export function quotedList(names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/** Text this long is shortened in messages: a 400-digit cell or a 40,000-character name must not fill the screen. */
const LONGEST_QUOTED = 40;

/** Text as a message quotes it: `"Ann Lee"`, or its ends and its length, `"AAAA…AAAA" (40,000 characters)`. */
export function quoted(text: string): string {
  if (text.length <= LONGEST_QUOTED) return `"${text}"`;
  return `"${text.slice(0, 20)}…${text.slice(-10)}" (${text.length.toLocaleString("en-US")} characters)`;
}

/** A name as a message writes it: itself, or shortened and quoted when too long to read. */
export function shortName(text: string): string {
  return text.length <= LONGEST_QUOTED ? text : quoted(text);
}

/** "1 row", "2 rows", "1,073 findings". */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString("en-US")} ${noun}${count === 1 ? "" : "s"}`;
}

/** A JSON number literal with every digit of the decimal: JSON allows any precision, only binary numbers lose it. */
function numberLiteral(value: Decimal): string {
  if (value.isZero()) return "0";
  return value.abs().lessThan(PLAIN_DIGITS_BELOW) ? value.toFixed() : value.toString();
}

/**
 * `JSON.stringify(value, null, 2)` for plain data, with every Decimal written
 * as an exact number literal rather than a binary number (a 20-digit share
 * count prints exactly) or decimal.js's quoted string.
 */
export function exactJson(value: unknown, indent = ""): string {
  return Array.from(exactJsonPieces(value, indent)).join("");
}

/**
 * `exactJson`'s text in pieces, for a document too large to hold as one
 * string: a million-row ledger is written as it is made. A list may be any
 * iterable (a generator's rows), written as an array.
 */
export function* exactJsonPieces(value: unknown, indent = ""): Generator<string> {
  if (Decimal.isDecimal(value)) return yield numberLiteral(value);
  if (value === null || typeof value !== "object") return yield JSON.stringify(value) ?? "null";
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return yield* exactJsonPieces((value as { toJSON: () => unknown }).toJSON(), indent);
  const inner = `${indent}  `;
  if (Array.isArray(value) || Symbol.iterator in value) {
    let empty = true;
    for (const item of value as Iterable<unknown>) {
      yield `${empty ? "[\n" : ",\n"}${inner}`;
      yield* exactJsonPieces(item, inner);
      empty = false;
    }
    return yield empty ? "[]" : `\n${indent}]`;
  }
  const fields = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function");
  if (fields.length === 0) return yield "{}";
  for (const [i, [k, v]] of fields.entries()) {
    yield `${i === 0 ? "{\n" : ",\n"}${inner}${JSON.stringify(k)}: `;
    yield* exactJsonPieces(v, inner);
  }
  yield `\n${indent}}`;
}

/** Dollars with thousands separators and cents: $1,234.50 (more decimals only when the value has them). */
export function formatDollars(value: Decimal): string {
  const places = Math.max(2, value.decimalPlaces());
  const sign = value.isNegative() && !value.isZero() ? "-" : "";
  const [whole, fraction] = value.abs().toFixed(places).split(".");
  return `${sign}$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction}`;
}

/** A message that begins a sentence: "no closing price …" → "No closing price …". */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Units as a statement shows them, always to six decimals so a column lines up: 1,234.500000 (never -0). */
export function formatUnits(value: Decimal | number): string {
  const rounded = new Decimal(value).toDecimalPlaces(DEFAULT_UNIT_PLACES);
  const [whole, fraction] = rounded.abs().toFixed(DEFAULT_UNIT_PLACES).split(".");
  const sign = rounded.isNegative() && !rounded.isZero() ? "-" : "";
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction}`;
}
