/**
 * What this Excel's JavaScript API offers. The manifest requires the
 * ExcelApi set that covers everything the add-in uses unconditionally
 * (1.9: fill patterns and per-cell properties); anything newer runs only
 * after `excelApiSupported` says yes, with a fallback, as
 * test/workbook/api-sets.test.ts checks over src/.
 */
import { VALIDATION_SHEET } from "../../workflows/reports";

/** Cell notes (Worksheet.notes): ExcelApi 1.18, which Office 2021 (1.14) and 2024 (1.17) perpetual lack. */
export const NOTES_API = "1.18";

/** Whether this Excel supports the ExcelApi requirement set `version` (false outside Office). */
export function excelApiSupported(version: string): boolean {
  if (typeof Office === "undefined") return false;
  return Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
}

/** What this Excel lacks of what the add-in would use, one sentence each; empty where nothing is missing. */
export function hostLimitations(): string[] {
  return excelApiSupported(NOTES_API)
    ? []
    : [`This version of Excel has no cell notes (ExcelApi ${NOTES_API}): Mark cells fills the cells and puts the messages on the "${VALIDATION_SHEET}" sheet.`];
}
