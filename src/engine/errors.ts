/**
 * The three ways a plan computation can fail, named by the Excel error each
 * one becomes (FUNCTIONS.md, "Errors"). The engine throws these; adapters
 * turn them into a `CustomFunctions.Error`, a finding, or a CLI line.
 */
export type PlanErrorCode = "#VALUE!" | "#N/A" | "#NUM!";

export class PlanError extends Error {
  constructor(
    readonly code: PlanErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "PlanError";
  }
}

/** Malformed input: wrong type, bad text, a bad table. */
export function invalidValue(message: string): PlanError {
  return new PlanError("#VALUE!", message);
}

/** Needed data is missing: no price for a required day, no prime rate. */
export function notAvailable(message: string): PlanError {
  return new PlanError("#N/A", message);
}

/** A number outside what the plan allows. */
export function outOfRange(message: string): PlanError {
  return new PlanError("#NUM!", message);
}
