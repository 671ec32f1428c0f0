/** Problems as the pages list them: each a link that selects its cell, in headed groups. */
import type { Severity } from "../engine/findings";
import type { CellFinding, CellRef } from "../sheets/findings";

export interface CellLink extends CellRef {
  key: string;
  severity: Severity;
  /** e.g. "E02 · Election Date" */
  title: string;
  message: string;
}

export interface CellLinkGroup {
  key: string;
  heading: string;
  links: CellLink[];
}

/** A finding as a link to its cell, titled by what it is about. */
export function findingLink(finding: CellFinding, key: string, title: string): CellLink {
  return { key, sheet: finding.sheet, cell: finding.cell, severity: finding.severity, title, message: finding.message };
}
