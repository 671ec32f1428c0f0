/**
 * "Validate elections", written once for the task pane and `dcp validate`:
 * the election sheet's grid, the prices sheet's (for the §5.1 discount check,
 * E11) and the settings in; every finding on its cell out. The surfaces only
 * find the sheets, call `validateWorkflow` and present what it returns.
 */
import type { Severity } from "../engine/findings";
import type { ElectionSettings } from "../engine/validation";
import { validateElectionSheet } from "../sheets/elections";
import { countBySeverity, type CellFinding } from "../sheets/findings";
import type { SheetGrid } from "../sheets/grid";
import { readPricesSheet } from "../sheets/prices";

export interface ValidationGrids {
  elections: SheetGrid;
  prices?: SheetGrid;
}

export type ValidationSettings = Omit<ElectionSettings, "hasApprovalColumn" | "prices">;

export interface ValidationResult {
  /** The election sheet. */
  sheet: string;
  rowsChecked: number;
  /** The election sheet's findings by row, then the values outside the prices sheet's table. */
  findings: CellFinding[];
  counts: Record<Severity, number>;
  /** Set when the election sheet cannot be checked at all (no header, required columns missing). */
  unusable?: string;
  /** The prices sheet given, and why it was not used when it could not be: option discounts (E11) are then not checked. */
  prices?: { sheet: string; unusable?: string };
}

/** Checks the election sheet against rules E01–E16; never throws on the workbook's content. */
export function validateWorkflow(grids: ValidationGrids, settings: ValidationSettings): ValidationResult {
  const prices = grids.prices ? { sheet: grids.prices.sheet, ...readPricesSheet(grids.prices) } : undefined;
  const sheet = validateElectionSheet(grids.elections, { ...settings, prices: prices?.table });
  const findings = prices ? [...sheet.findings, ...prices.findings] : sheet.findings;
  return {
    sheet: sheet.sheet,
    rowsChecked: sheet.rowsChecked,
    findings,
    counts: countBySeverity(findings),
    unusable: sheet.unusable,
    prices: prices && { sheet: prices.sheet, unusable: prices.unusable },
  };
}
