/**
 * Loads the built `dist/functions.js` the way Excel's custom functions runtime
 * does: a bare JavaScript context holding only the `CustomFunctions` and
 * `Office` globals (no DOM, no React), capturing what it registers.
 */
import fs from "fs";
import path from "path";
import vm from "vm";
import { excelInvocation, PROFILES, type ProfileName } from "../doubles/profiles";
import { requireCurrentBuild } from "./build";

export const DIST = path.resolve(__dirname, "../../dist");

const MESSAGE_CODES = new Set(["#VALUE!", "#N/A"]);

/**
 * `CustomFunctions.Error` as Excel treats it: a custom message is kept only on
 * #VALUE! and #N/A; every other code (#NUM!, #DIV/0!, …) shows without it.
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors
 * ("Both #VALUE! and #N/A errors also support custom error messages") and
 * https://learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.errorcode
 * ("A custom error message can't be used" on the others).
 */
export class ShimError {
  readonly message?: string;

  constructor(
    readonly code: string,
    message?: string,
  ) {
    if (MESSAGE_CODES.has(code)) this.message = message;
  }
}

export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

export type Registered = Record<string, (...args: unknown[]) => unknown>;

/**
 * `isolated` (the default) runs the bundle in a fresh V8 context to prove it
 * needs no other global; the bench runs it in this context instead, since a
 * contextified global slows every built-in lookup in a way Excel's runtime does not.
 */
export function loadFunctionsBundle({ isolated = true } = {}): { registered: Registered; globals: string[] } {
  const registered: Registered = {};
  const sandbox: Record<string, unknown> = {
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => {
        registered[id] = fn;
      },
      Error: ShimError,
      ErrorCode: ERROR_CODES,
    },
    Office: { onReady: () => Promise.resolve({ host: "Excel" }) },
  };
  const before = new Set(Object.keys(sandbox));
  requireCurrentBuild("dist/functions.js");
  const code = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
  if (isolated) vm.runInNewContext(code, sandbox, { filename: "functions.js" });
  else new Function("CustomFunctions", "Office", code)(sandbox.CustomFunctions, sandbox.Office);
  return { registered, globals: Object.keys(sandbox).filter((key) => !before.has(key)) };
}

export interface FunctionMetadata {
  id: string;
  name: string;
  parameters: Array<{ name: string; type?: string; dimensionality?: string; optional?: boolean }>;
  result: { type?: string; dimensionality?: string };
}

export function functionsJson(): { allowErrorForDataTypeAny?: boolean; functions: FunctionMetadata[] } {
  requireCurrentBuild("dist/functions.json");
  return JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8"));
}

/** Excel 1900-system serial of an ISO date (independent of the engine: plain UTC arithmetic, valid after 1900-02-28). */
export function serial(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000) + 25_569;
}

export function iso(serialNumber: number): string {
  return new Date((serialNumber - 25_569) * 86_400_000).toISOString().slice(0, 10);
}

/** Calls a registered function and returns its value, or the Excel error it raised as `{code, message}`. */
export function caller(registered: Registered) {
  return (id: string, ...args: unknown[]): unknown => {
    const fn = registered[id];
    if (!fn) throw new Error(`${id} is not registered`);
    try {
      return fn(...args);
    } catch (error) {
      if (error instanceof ShimError) return { code: error.code, message: error.message };
      throw error;
    }
  };
}

/** A cell's content as a test compares it: an error value as `{code, message}`. */
export function shown(value: unknown): unknown {
  return value instanceof ShimError ? { code: value.code, message: value.message } : value;
}

/** A spilled result as the cells Excel shows, error values as `{code, message}`; anything else as it came. */
export function spilled(result: unknown): unknown {
  return Array.isArray(result) ? result.map((row: unknown) => (Array.isArray(row) ? row.map(shown) : row)) : result;
}

/**
 * Calls a function the way one cell shows it: a 1×1 result (what a function
 * that takes columns returns for single values) is its one value, as in
 * Excel; a larger spill comes back as its cells.
 */
export function cellCaller(registered: Registered) {
  const call = caller(registered);
  return (id: string, ...args: unknown[]): unknown => {
    const result = call(id, ...args);
    if (Array.isArray(result) && result.length === 1 && Array.isArray(result[0]) && result[0].length === 1) return shown(result[0][0]);
    return spilled(result);
  };
}

/**
 * Calls functions the way Excel on `profile` does, from the built bundle and
 * functions.json: each argument converted to its declared type, an error
 * cell passed as the runtime's error object where the metadata allows it,
 * or the function not called at all and the cell showing the error with no
 * message (test/doubles/profiles.ts, `excelInvocation`). Cells come back as
 * `cellCaller` shows them.
 */
export function excelCaller(profile: ProfileName, { registered = loadFunctionsBundle().registered, metadata = functionsJson() } = {}) {
  const call = cellCaller(registered);
  return (id: string, ...args: unknown[]): unknown => {
    const declaration = metadata.functions.find((f) => f.id === id);
    if (!declaration) throw new Error(`${id} is not in functions.json`);
    const invocation = excelInvocation(
      PROFILES[profile],
      { ...declaration, allowErrorForDataTypeAny: metadata.allowErrorForDataTypeAny },
      args,
      (code) => new ShimError(code),
    );
    return invocation.called ? call(id, ...invocation.args) : { code: invocation.code, message: "" };
  };
}

/** The NYSE sessions of the oracle fixture, as a set of ISO dates. */
export function nyseSessions(): Set<string> {
  const text = fs.readFileSync(path.resolve(__dirname, "../fixtures/nyse-sessions-1990-2023.txt"), "utf8");
  return new Set(
    text
      .split("\n")
      .filter((line) => /^\d{4}-\d{2}-\d{2}$/.test(line.trim()))
      .map((line) => line.trim()),
  );
}
