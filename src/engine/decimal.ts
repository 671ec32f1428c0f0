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

/** Powers of ten a binary number holds exactly, as parsed from their decimal literals. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 16 }, (_, places) => Number(`1e${places}`));
/** The smallest normal binary number: below it a binary number has fewer significant bits than the error bound assumes. */
const SMALLEST_NORMAL = 2 ** -1022;
/**
 * How far, relative to the scaled quotient, the binary estimate may stray. Five roundings of at most 2^-53 each (the
 * dividend and divisor made binary, the scaling, the division, the half added) keep it within 5.6e-16 of the exact
 * value; the decimal division's own 60 digits move that by under 1e-59. The margin is over fifteen times the bound.
 */
const BINARY_QUOTIENT_MARGIN = 1e-14;

/** Divisors recur (a quarter's average, a day's close): each one's binary form is found once. A Decimal never changes. */
const binaryForms = new WeakMap<Decimal, number>();

function binaryForm(value: Decimal): number {
  let binary = binaryForms.get(value);
  if (binary === undefined) {
    binary = value.toNumber();
    binaryForms.set(value, binary);
  }
  return binary;
}

/**
 * `roundHalfUp(dividend / divisor, places)` times 10^places, a whole number, found without a 60-digit long division
 * where binary arithmetic settles it; undefined where it does not. units = amount / price is computed for every row of
 * a column of formulas and every credit of a statement. The quotient scaled by 10^places, plus a half, is estimated in
 * binary; when it lies farther than the estimate's error bound from every whole number, the whole number below it is
 * the half-up result. Near a rounding boundary, and for negative, huge or tiny operands, the long division decides.
 */
function scaledHalfUpQuotient(dividend: number, divisor: Decimal, places: number): number | undefined {
  if (places >= EXACT_POWERS_OF_TEN.length || !(dividend === 0 || dividend >= SMALLEST_NORMAL) || !divisor.isPositive() || !divisor.isFinite()) {
    return undefined;
  }
  const denominator = binaryForm(divisor);
  if (!(denominator >= SMALLEST_NORMAL)) return undefined;
  const halfUp = (dividend * EXACT_POWERS_OF_TEN[places]) / denominator + 0.5;
  const whole = Math.floor(halfUp);
  const margin = BINARY_QUOTIENT_MARGIN * (halfUp + 1);
  return halfUp < 2 ** 52 && halfUp - whole > margin && whole + 1 - halfUp > margin ? whole : undefined;
}

/** `roundHalfUp(dividend / divisor, places)`, always the same Decimal, settled in binary where it can be. */
export function roundedQuotient(dividend: Decimal, divisor: Decimal, places: number): Decimal {
  const whole = dividend.isNegative() ? undefined : scaledHalfUpQuotient(dividend.isZero() ? 0 : dividend.toNumber(), divisor, places);
  return whole === undefined ? roundHalfUp(dividend.dividedBy(divisor), places) : new Decimal(`${whole}e-${places}`);
}

/**
 * `toNumber(roundedQuotient(new Decimal(dividend), divisor, places))` for a dividend a cell holds, with no Decimal
 * made where binary arithmetic settles it: the whole number and 10^places are both exact in binary, so their quotient
 * is the nearest number to the decimal result, as toNumber gives. Undefined where the long division must decide.
 */
export function binaryRoundedQuotient(dividend: number, divisor: Decimal, places: number): number | undefined {
  const whole = scaledHalfUpQuotient(dividend, divisor, places);
  return whole === undefined ? undefined : whole / EXACT_POWERS_OF_TEN[places];
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
  // Every finite figure under 1e307 (a decimal exponent below 307) fits: only the rare larger one is compared.
  return value.e < 307 || value.abs().lessThanOrEqualTo(LARGEST_FIGURE);
}

/** The edge back to a binary number: only a finite result leaves the engine. */
export function toNumber(value: Decimal): number {
  const n = value.toNumber();
  if (!Number.isFinite(n)) throw outOfRange(`result ${value.toString()} is too large for a cell`);
  return n === 0 ? 0 : n; // never -0
}
