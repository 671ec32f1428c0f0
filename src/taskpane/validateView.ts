/** What the Validate elections page shows, from the workflow's result: no React, no Excel. */
import { formatMonthDay, parseIsoDate, parseMonthDay } from "../engine/dates";
import { capitalize, plural } from "../engine/format";
import { DEFAULT_ELECTION_SETTINGS } from "../engine/validation";
import type { CellFinding } from "../sheets/findings";
import type { MarkRequest, MarkResult, PaneSettings, WorkbookOverview } from "../workbook/excel";
import { VALIDATION_SHEET } from "../workflows/reports";
import type { ValidationResult, ValidationSettings } from "../workflows/validate";
import { findingLink, type CellLinkGroup } from "./findingLinks";

export const DEFAULT_PANE_SETTINGS: PaneSettings = {
  planEffectiveDate: DEFAULT_ELECTION_SETTINGS.planEffectiveDate,
  fiscalYearEnd: formatMonthDay(DEFAULT_ELECTION_SETTINGS.fiscalYearEnd),
  pricesSheet: "",
};

/** The settings as the workflow takes them; a field undefined when its text does not read. */
export function readSettings(settings: PaneSettings): { planEffectiveDate?: string; fiscalYearEnd?: ValidationSettings["fiscalYearEnd"] } {
  return { planEffectiveDate: parseIsoDate(settings.planEffectiveDate), fiscalYearEnd: parseMonthDay(settings.fiscalYearEnd) };
}

export function describeSource(overview: WorkbookOverview | undefined): string {
  if (!overview) return "Looking for the election sheet…";
  const { source } = overview;
  return source.kind === "table"
    ? `Source: the table "${source.table}" on sheet "${source.sheet}".`
    : `Source: the used range of the active sheet, "${source.sheet}" (no table named Elections).`;
}

/** The findings under one heading a row, rows in the order the findings come. */
export function findingsByRow(findings: readonly CellFinding[]): CellLinkGroup[] {
  const byRow = new Map<number, CellLinkGroup>();
  findings.forEach((f, i) => {
    let group = byRow.get(f.row);
    if (!group) byRow.set(f.row, (group = { key: String(f.row), heading: `Row ${f.row}`, links: [] }));
    group.links.push(findingLink(f, String(i), `${f.rule} · ${f.column}`));
  });
  return [...byRow.values()];
}

export function summaryTexts(result: ValidationResult): { errors: string; warnings: string; checked: string } {
  return {
    errors: plural(result.counts.error, "error"),
    warnings: plural(result.counts.warning, "warning"),
    checked: `${plural(result.rowsChecked, "row")} checked on "${result.sheet}"`,
  };
}

/** Why the discounts went unchecked, when the prices sheet could not be used: the pane validates without it. */
export function pricesNote(result: ValidationResult): string | undefined {
  const why = result.prices?.unusable;
  return why === undefined ? undefined : `${capitalize(why)}. Option discounts (E11) are not checked.`;
}

/** A mark on each finding's cell, its note the rule, section and message. */
export function markRequests(findings: readonly CellFinding[]): MarkRequest[] {
  return findings.map((f) => ({ sheet: f.sheet, address: f.cell, severity: f.severity, note: `${f.rule} (§${f.section}): ${f.message}` }));
}

export function reportWritten(findings: number): string {
  return `Wrote ${findings} findings to the sheet "${VALIDATION_SHEET}".`;
}

/** Without notes (an Excel before ExcelApi 1.18, or too many cells), the messages went to the report sheet. */
export function marksWritten({ marked, notes }: MarkResult): string {
  const where = notes || marked === 0 ? "" : ` Their messages are on the sheet "${VALIDATION_SHEET}".`;
  return `Marked ${plural(marked, "cell")}.${where} Clear marks puts their formatting back.`;
}

export function marksCleared(cells: number): string {
  return `Restored the formatting of ${plural(cells, "cell")}.`;
}
