/** What a check of a sheet against the plan reports, one per problem and cell. */
export type Severity = "error" | "warning";

export interface Finding {
  /** The worksheet row as Excel shows it. */
  row: number;
  /** The column's header as the sheet spells it (or the expected header when the column is missing). */
  column: string;
  /** Rule id, e.g. E02: an entry of the rule table (rules.ts). */
  rule: string;
  /** Plan section(s), e.g. "4.2(a),(b); 5.3(a),(b)"; "—" where the rule is about the sheet itself. */
  section: string;
  severity: Severity;
  /** A sentence a person understands without the plan open. */
  message: string;
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.row - b.row || a.rule.localeCompare(b.rule) || a.column.localeCompare(b.column);
}
