/** Guards on numeric arguments shared by every family of calculations. */
import { type Decimal } from "./decimal";
import { outOfRange } from "./errors";

export function requirePositive(value: Decimal, name: string): Decimal {
  if (!value.isPositive() || value.isZero()) throw outOfRange(`${name} ${value.toString()} must be greater than 0`);
  return value;
}

export function requireNonNegative(value: Decimal, name: string): Decimal {
  if (value.isNegative() && !value.isZero()) throw outOfRange(`${name} ${value.toString()} must not be negative`);
  return value;
}

/** Rounding places for units: a whole number 0..20. */
export function requirePlaces(places: number, name = "places"): number {
  if (!Number.isInteger(places) || places < 0 || places > 20) {
    throw outOfRange(`${name} ${places} must be a whole number from 0 to 20`);
  }
  return places;
}

/** A fraction entered as 15 where 15% was meant is the most common slip with rates. */
export function requireFraction(value: Decimal, name: string): Decimal {
  requireNonNegative(value, name);
  if (value.greaterThan(1)) {
    throw outOfRange(`${name} ${value.toString()} is more than 100%; enter a rate as a fraction or percent (e.g. 10% or 0.10)`);
  }
  return value;
}
