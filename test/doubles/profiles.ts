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
   * What a reference to an empty cell arrives as in a scalar argument of type
   * `any`: `0` on desktop, `null` on the web (OfficeDev/office-js#4702).
   */
  emptyCell: 0 | null;
  /**
   * What an empty cell inside a range (matrix) argument of type `any` arrives
   * as: `0` on desktop (OfficeDev/office-js#1951, #5262), `null` on the web (#4702).
   */
  emptyCellInRange: 0 | null;
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
  /**
   * `Office.context.diagnostics.platform`, an `Office.PlatformType`
   * (learn.microsoft.com/javascript/api/office/office.platformtype): "PC" for
   * Windows, "Mac", "OfficeOnline" for the web. Office on the Mac's task panes
   * (WKWebView) do not save downloads, by design (github.com/OfficeDev/office-js
   * issues 2700, 4681), so the pane offers another way there.
   */
  platform: "PC" | "Mac" | "OfficeOnline";
}

const DESKTOP_ARGUMENTS: FunctionArgumentRules = { emptyCell: 0, emptyCellInRange: 0 };

export const PROFILES: Record<ProfileName, HostProfile> = {
  windows: {
    name: "windows",
    label: "Excel on Windows (Microsoft 365)",
    excelApi: "1.20",
    customFunctionsRuntime: "1.5",
    functionArguments: DESKTOP_ARGUMENTS,
    platform: "PC",
  },
  mac: {
    name: "mac",
    label: "Excel on Mac (Microsoft 365)",
    excelApi: "1.20",
    customFunctionsRuntime: "1.5",
    functionArguments: DESKTOP_ARGUMENTS,
    platform: "Mac",
  },
  web: {
    name: "web",
    label: "Excel on the web",
    excelApi: "1.20",
    customFunctionsRuntime: "1.5",
    limits: { payloadBytes: 5 * 1024 * 1024, cellsPerRead: 5_000_000 },
    functionArguments: { emptyCell: null, emptyCellInRange: null },
    platform: "OfficeOnline",
  },
  excel2021: {
    name: "excel2021",
    label: "Excel 2021 (perpetual)",
    excelApi: "1.14",
    customFunctionsRuntime: "1.3",
    functionArguments: DESKTOP_ARGUMENTS,
    platform: "PC",
  },
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

/** A parameter as functions.json declares it (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#parameters). */
export interface DeclaredParameter {
  name: string;
  /** `boolean`, `number`, `string` or `any`; absent means `any`. */
  type?: string;
  dimensionality?: string;
}

/** What Excel reads of functions.json before calling one function. */
export interface FunctionDeclaration {
  parameters: readonly DeclaredParameter[];
  /** Top-level in functions.json: every `any` parameter then receives error cells (custom-functions-json#allowerrorfordatatypeany). */
  allowErrorForDataTypeAny?: boolean;
}

export type Invocation = { called: true; args: unknown[] } | { called: false; code: string };

class NotCalled {
  constructor(readonly code: string) {}
}

/**
 * One cell of an argument as Excel converts it to the parameter's declared
 * type before the call, or the error that keeps Excel from calling at all:
 * - `any` passes what the cell holds; an empty cell is 0 or null by platform;
 *   an error cell reaches the function only where functions.json says
 *   `allowErrorForDataTypeAny` (custom-functions-errors, "Errors as custom
 *   function inputs"), else the formula shows that error, no message.
 * - `number`, `string`, `boolean` (custom-functions-json#parameters): the cell
 *   is converted first, an empty cell to 0, "" or FALSE, and a cell that does
 *   not convert (text in a number parameter) is #VALUE! before the function
 *   runs, so the function's own message never shows. An error cell is never
 *   passed to a declared type.
 */
function convertCell(
  profile: HostProfile,
  type: string,
  cell: unknown,
  inRange: boolean,
  allowErrors: boolean,
  errorValue: (code: string) => unknown,
): unknown {
  if (cell instanceof ErrorCell) {
    if (type === "any" && allowErrors) return errorValue(cell.code);
    throw new NotCalled(cell.code);
  }
  const empty = cell === EMPTY_CELL;
  switch (type) {
    case "number":
      if (empty) return 0;
      if (typeof cell === "boolean") return cell ? 1 : 0;
      if (typeof cell === "string" && cell.trim() !== "" && Number.isFinite(Number(cell))) return Number(cell);
      if (typeof cell !== "number") throw new NotCalled("#VALUE!");
      return cell;
    case "string":
      if (empty) return "";
      if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
      return typeof cell === "number" ? String(cell) : cell;
    case "boolean":
      if (empty) return false;
      if (typeof cell === "number") return cell !== 0;
      if (typeof cell === "string" && /^(true|false)$/i.test(cell)) return cell.toUpperCase() === "TRUE";
      if (typeof cell !== "boolean") throw new NotCalled("#VALUE!");
      return cell;
    default:
      if (empty) return inRange ? profile.functionArguments.emptyCellInRange : profile.functionArguments.emptyCell;
      return cell;
  }
}

/**
 * A formula's arguments as Excel on `profile` hands them to a custom function
 * declared as `declaration` says, or the error the cell shows when Excel does
 * not call it. `errorValue` makes the error object the runtime passes for an
 * error cell (the shim's CustomFunctions.Error); an omitted argument stays omitted.
 */
export function excelInvocation(
  profile: HostProfile,
  declaration: FunctionDeclaration,
  args: readonly unknown[],
  errorValue: (code: string) => unknown = (code) => new ErrorCell(code),
): Invocation {
  const allowErrors = declaration.allowErrorForDataTypeAny === true;
  try {
    const converted = args.map((argument, i) => {
      const type = declaration.parameters[i]?.type ?? "any";
      if (argument === undefined) return undefined;
      if (Array.isArray(argument))
        return argument.map((row) => (Array.isArray(row) ? row.map((cell) => convertCell(profile, type, cell, true, allowErrors, errorValue)) : row));
      return convertCell(profile, type, argument, false, allowErrors, errorValue);
    });
    return { called: true, args: converted };
  } catch (error) {
    if (error instanceof NotCalled) return { called: false, code: error.code };
    throw error;
  }
}
