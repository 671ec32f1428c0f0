/**
 * Exact decimal arithmetic for every dollar and unit figure, and the only
 * rounding steps the plan allows (FUNCTIONS.md, "Rounding").
 */
import DecimalJs from "decimal.js";
import { outOfRange } from "./errors";

/** 60 significant digits: quotients such as amount / quarter average stay exact far beyond any rounding step. */
export const Decimal = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = DecimalJs;

export const ZERO = new Decimal(0);

export function dec(value: number | string | Decimal): Decimal {
  return new Decimal(value);
}

/** Units and prices: `places` decimals, half-up. */
export function roundHalfUp(value: Decimal, places: number): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/** Results "in cents": half-up to two decimals. */
export function roundCents(value: Decimal): Decimal {
  return roundHalfUp(value, 2);
}

/** Option shares: whole shares, down (§5.4 example). */
export function wholeDown(value: Decimal): Decimal {
  return value.toDecimalPlaces(0, Decimal.ROUND_DOWN);
}

/** Withholding and the §6.2 benefit limit: the next whole share or unit. */
export function wholeUp(value: Decimal): Decimal {
  return value.toDecimalPlaces(0, Decimal.ROUND_UP);
}

/**
 * The largest magnitude a figure may reach: the largest number a spreadsheet
 * cell holds (Excel specifications and limits), so every figure the engine
 * gives can be written where its user keeps it. Beyond it a figure is refused
 * where it is read or computed.
 */
export const LARGEST_FIGURE = new Decimal("9.99999999999999e307");

export function fitsLargestFigure(value: Decimal): boolean {
  return value.abs().lessThanOrEqualTo(LARGEST_FIGURE);
}

/** The edge back to a binary number: only a finite result leaves the engine. */
export function toNumber(value: Decimal): number {
  const n = value.toNumber();
  if (!Number.isFinite(n)) throw outOfRange(`result ${value.toString()} is too large for a cell`);
  return n === 0 ? 0 : n; // never -0
}
