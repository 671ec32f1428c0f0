/** How figures, dates and text read on paper. */
import { DEFAULT_UNIT_PLACES, OPTION_PRICE_PLACES } from "../engine/constants";
import type { IsoDate } from "../engine/dates";
import { type Decimal, ZERO, dec } from "../engine/decimal";

function withThousands(fixed: string): string {
  const [whole, fraction] = fixed.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const grouped = whole.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped}.${fraction}`;
}

/** Exact decimal text at `places`, with thousands separators, never "-0". */
function fixed(value: Decimal, places: number): string {
  const rounded = value.toDecimalPlaces(places);
  return withThousands((rounded.isZero() ? ZERO : rounded).toFixed(places));
}

export function dollarsAt(value: Decimal, places: number): string {
  const text = fixed(value, places);
  return text.startsWith("-") ? `-$${text.slice(1)}` : `$${text}`;
}

/** Units as the statement shows them: always six decimals, 1,234.500000. */
export function formatUnits(value: number): string {
  return fixed(dec(value), DEFAULT_UNIT_PLACES);
}

/** Dollars to the cent: $1,234.50, -$12.00. */
export function formatDollars(value: number): string {
  return dollarsAt(dec(value), 2);
}

/** An exercise price: cents, or up to four decimals when a split left more (STATEMENT.md, "Splits"). */
export function formatPrice(value: number): string {
  const rounded = dec(value).toDecimalPlaces(OPTION_PRICE_PLACES);
  return dollarsAt(rounded, Math.max(2, rounded.decimalPlaces()));
}

const LONG_DATE = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

/** "December 31, 2003". */
export function formatLongDate(date: IsoDate): string {
  return LONG_DATE.format(new Date(`${date}T00:00:00Z`));
}
