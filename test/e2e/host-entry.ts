/**
 * Stands in for office.js in the browser harness: an in-memory workbook behind
 * the `Excel` and `Office` globals, and a `CustomFunctions` global that records
 * each registration and when it happened. `?theme=dark` picks Office's dark
 * theme; `?profile=web` (windows, mac, web, excel2021) the platform it plays.
 */
import { installHost, PROFILES, WorkbookModel, type ProfileName } from "../doubles/excel-host";

class CustomFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const query = new URLSearchParams(location.search);
const model = new WorkbookModel(["Sheet1"], PROFILES[query.get("profile") as ProfileName] ?? PROFILES.windows);
if (query.get("theme") === "dark") {
  model.theme = {
    bodyBackgroundColor: "#262626",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#3A3A3A",
    controlForegroundColor: "#FFFFFF",
    isDarkTheme: true,
  };
}
const registrations: Array<{ id: string; at: number }> = [];
const target = window as unknown as Record<string, unknown>;
target.CustomFunctions = {
  associate: (id: string) => registrations.push({ id, at: performance.now() }),
  Error: CustomFunctionError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" },
};
installHost(model, target);
target.__dcp = { model, registrations };
