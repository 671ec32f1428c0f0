/**
 * How the Excel platforms the add-in runs on differ, as Microsoft documents
 * them or as its issue tracker confirms. The host double (excel-host.ts)
 * and the custom-functions shim (test/helpers/bundle.ts) both take these
 * facts from here, so a test runs "as Excel on the web" by naming a profile.
 * No Node APIs: the browser harness bundles this file too.
 */

export type ProfileName = "windows" | "mac" | "web" | "excel2021";

export interface FunctionArgumentRules {
  /**
   * What a reference to an empty cell arrives as in a scalar argument: `0` on
   * desktop, `null` on the web (OfficeDev/office-js#4702).
   */
  emptyCell: 0 | null;
  /**
   * What an empty cell inside a range (matrix) argument arrives as: `0` on
   * desktop (OfficeDev/office-js#1951, #5262), `null` on the web (#4702).
   */
  emptyCellInRange: 0 | null;
  /**
   * Whether Excel calls a function at all when a range argument holds an
   * error cell. It does not, on any platform (as issue 10 records): the
   * formula shows that error with no message and the function never runs, so
   * nothing the function says about the cell reaches the user. Only #VALUE!
   * and #N/A carry a function's own message (learn.microsoft.com/office/dev/
   * add-ins/excel/custom-functions-errors).
   */
  calledWithErrorInRange: boolean;
}

export interface HostProfile {
  name: ProfileName;
  label: string;
  /**
   * The highest ExcelApi requirement set this Excel supports
   * (learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets):
   * Microsoft 365 on Windows, Mac and the web have 1.20; Office 2021
   * perpetual stops at 1.14 (Office 2024 at 1.17), so it has no notes (1.18).
   */
  excelApi: string;
  /** CustomFunctionsRuntime: 1.3 on Office 2021, 1.5 on Microsoft 365 (custom-functions-requirement-sets). */
  customFunctionsRuntime: string;
  /**
   * Excel on the web only: one request or response is at most 5 MB, and a
   * read at most 5,000,000 cells (learn.microsoft.com/office/dev/add-ins/
   * concepts/resource-limits-and-performance-optimization#excel-add-ins;
   * excel-add-ins-ranges-large). Desktop Excel has no fixed payload limit.
   */
  limits?: { payloadBytes: number; cellsPerRead: number };
  functionArguments: FunctionArgumentRules;
}

const DESKTOP_ARGUMENTS: FunctionArgumentRules = { emptyCell: 0, emptyCellInRange: 0, calledWithErrorInRange: false };

export const PROFILES: Record<ProfileName, HostProfile> = {
  windows: {
    name: "windows",
    label: "Excel on Windows (Microsoft 365)",
    excelApi: "1.20",
    customFunctionsRuntime: "1.5",
    functionArguments: DESKTOP_ARGUMENTS,
  },
  mac: { name: "mac", label: "Excel on Mac (Microsoft 365)", excelApi: "1.20", customFunctionsRuntime: "1.5", functionArguments: DESKTOP_ARGUMENTS },
  web: {
    name: "web",
    label: "Excel on the web",
    excelApi: "1.20",
    customFunctionsRuntime: "1.5",
    limits: { payloadBytes: 5 * 1024 * 1024, cellsPerRead: 5_000_000 },
    functionArguments: { emptyCell: null, emptyCellInRange: null, calledWithErrorInRange: false },
  },
  excel2021: { name: "excel2021", label: "Excel 2021 (perpetual)", excelApi: "1.14", customFunctionsRuntime: "1.3", functionArguments: DESKTOP_ARGUMENTS },
};

export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

/** "1.9" < "1.18": requirement-set versions compare by their minor number. */
export function versionAtLeast(have: string, want: string): boolean {
  const [a, b] = [have, want].map((v) => v.split(".").map(Number));
  return a[0] !== b[0] ? a[0] > b[0] : (a[1] ?? 0) >= (b[1] ?? 0);
}

/** `Office.context.requirements.isSetSupported` as this profile answers it. */
export function isSetSupported(profile: HostProfile, name: string, minVersion = "1.1"): boolean {
  const version = String(minVersion);
  if (name === "ExcelApi") return versionAtLeast(profile.excelApi, version);
  if (name === "CustomFunctionsRuntime") return versionAtLeast(profile.customFunctionsRuntime, version);
  if (name === "SharedRuntime") return versionAtLeast("1.1", version);
  return false;
}

/** An error cell (#N/A, #REF!, …) inside a range a test hands to a custom function. */
export class ErrorCell {
  constructor(readonly code: string) {}
}

/** An empty cell a test hands to a custom function (a blank the user left, not an omitted argument). */
export const EMPTY_CELL = Symbol("empty cell");

/**
 * One argument as this profile's Excel passes it: `EMPTY_CELL` becomes 0 or
 * null, in a scalar or inside a range; anything else passes unchanged.
 */
export function excelArgument(profile: HostProfile, argument: unknown): unknown {
  const rules = profile.functionArguments;
  if (argument === EMPTY_CELL) return rules.emptyCell;
  if (Array.isArray(argument))
    return argument.map((row) => (Array.isArray(row) ? row.map((cell) => (cell === EMPTY_CELL ? rules.emptyCellInRange : cell)) : row));
  return argument;
}

/**
 * Whether Excel calls the function with these arguments; when it does not,
 * the cell shows the first error found in a range argument, with no message.
 */
export function excelCalls(profile: HostProfile, args: readonly unknown[]): { called: true } | { called: false; code: string } {
  if (profile.functionArguments.calledWithErrorInRange) return { called: true };
  for (const argument of args) {
    if (!Array.isArray(argument)) continue;
    for (const row of argument) for (const cell of Array.isArray(row) ? row : [row]) if (cell instanceof ErrorCell) return { called: false, code: cell.code };
  }
  return { called: true };
}
