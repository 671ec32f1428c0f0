/**
 * A finding with its cell in the same value: every reader of a sheet and
 * every workflow hands findings on this way, so a surface links, marks or
 * prints a finding's cell without pairing it back up.
 */
import { compareFindings, type Finding, type Severity } from "../engine/findings";

/** A cell of the workbook: its sheet and its address, e.g. "D7" (within the range, when a range was read). */
export interface CellRef {
  sheet: string;
  cell: string;
}

/** A finding that carries its own cell. */
export interface CellFinding extends Finding, CellRef {}

/** By sheet name, then as `compareFindings` orders a sheet's findings (row, rule, column). */
export function compareCellFindings(a: CellFinding, b: CellFinding): number {
  return a.sheet.localeCompare(b.sheet) || compareFindings(a, b);
}

/**
 * A sheet name as a reference takes it, quoted with its apostrophes doubled:
 * `It's "odd" #1` is `'It''s "odd" #1'`. The one quoting both report writers
 * use, so a name Excel accepts always links.
 */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Prices'!B5": the cell with its sheet, quoted as a link or formula takes it. */
export function qualifiedCell(ref: CellRef): string {
  return `${quoteSheet(ref.sheet)}!${ref.cell}`;
}

/** A cell as a person finds it from `home`, the sheet a report is about: "C4" there, "'Prices'!B5" on another sheet. */
export function cellName(ref: CellRef, home: string): string {
  return ref.sheet === home ? ref.cell : qualifiedCell(ref);
}

export function countBySeverity(findings: readonly { severity: Severity }[]): Record<Severity, number> {
  let errors = 0;
  for (const finding of findings) if (finding.severity === "error") errors++;
  return { error: errors, warning: findings.length - errors };
}
