/**
 * The ways a plan computation can fail, named for what went wrong, and the one
 * mapping to the Excel error each becomes (FUNCTIONS.md, "Errors"). The engine
 * throws these; adapters turn them into a `CustomFunctions.Error`, a finding,
 * or a CLI line.
 */
export type PlanErrorKind = "invalidValue" | "outOfRange" | "notAvailable";

/** Excel shows a custom function's message only on these two codes, so a plan error is never anything else. */
export type PlanErrorCode = "#VALUE!" | "#N/A";

const EXCEL_ERROR: Record<PlanErrorKind, PlanErrorCode> = {
  invalidValue: "#VALUE!",
  // #NUM! would suit a number the plan forbids, but Excel drops its message: the user would see no reason.
  outOfRange: "#VALUE!",
  notAvailable: "#N/A",
};

export class PlanError extends Error {
  readonly code: PlanErrorCode;

  constructor(
    readonly kind: PlanErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "PlanError";
    this.code = EXCEL_ERROR[kind];
  }
}

/** Malformed input: wrong type, bad text, a bad table. */
export function invalidValue(message: string): PlanError {
  return new PlanError("invalidValue", message);
}

/** Needed data is missing: no price for a required day, no prime rate. */
export function notAvailable(message: string): PlanError {
  return new PlanError("notAvailable", message);
}

/** A number (or date) of the right type outside what the plan or the supported range allows. */
export function outOfRange(message: string): PlanError {
  return new PlanError("outOfRange", message);
}

/**
 * A plan error about one named input (a sheet column, a function argument):
 * `field` lets a sheet reader put its finding on that field's cell, where a
 * plain PlanError can only name the row.
 */
export class FieldError extends PlanError {
  constructor(
    kind: PlanErrorKind,
    readonly field: string,
    message: string,
  ) {
    super(kind, message);
  }
}

/** Malformed input in one named field. */
export function invalidField(field: string, message: string): FieldError {
  return new FieldError("invalidValue", field, message);
}
