/** How numbers read in messages, reports and the command line: one place, so they all agree. */
import { Decimal, toNumber } from "./decimal";

/** Shares or units with thousands separators, at most `places` decimals: 1,234,567.5 */
export function formatShares(value: Decimal | number, places = 6): string {
  const number = typeof value === "number" ? value : toNumber(value.toDecimalPlaces(places));
  return number.toLocaleString("en-US", { maximumFractionDigits: places });
}

/** "1 row", "2 rows", "1,073 findings". */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString("en-US")} ${noun}${count === 1 ? "" : "s"}`;
}

/** Dollars with thousands separators and cents: $1,234.50 (more decimals only when the value has them). */
export function formatDollars(value: Decimal): string {
  const places = Math.max(2, value.decimalPlaces());
  const sign = value.isNegative() && !value.isZero() ? "-" : "";
  const [whole, fraction] = value.abs().toFixed(places).split(".");
  return `${sign}$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction}`;
}
