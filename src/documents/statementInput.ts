/** What a printed statement shows: one participant of `dcp statement --json`, the period and the value series the chart draws. */
import type { IsoDate } from "../engine/dates";
import type { AccountLineField } from "../engine/statement";

export type AccountKey = "DCA" | "CMSA" | "CSA" | "IA";

/** One account's line of the statement; units for DCA, CMSA and CSA, dollars for IA; `value` always dollars. */
/**
 * One account's line of the statement, a figure for each of the statement's
 * columns (engine/statement.ts, ACCOUNT_LINE_COLUMNS, the one list every output
 * shares): units for DCA, CMSA and CSA, dollars for IA; `value` always dollars.
 */
export type AccountFigures = Record<AccountLineField, number>;

export interface OptionGrantRow {
  grantDate: IsoDate;
  shares: number;
  exercisePrice: number;
  exercisableDate: IsoDate;
  value: number;
}

/** Exactly one element of `participants` in `dcp statement --json` (STATEMENT.md, "Command line"). */
export interface ParticipantStatement {
  participant: string;
  accounts: Record<AccountKey, AccountFigures>;
  options: OptionGrantRow[];
  totalValue: number;
}

/** The statement's total value (accounts and options, dollars) at the close of `date`. */
export interface ValuePoint {
  date: IsoDate;
  value: number;
}

/** A record of this participant's that the statement could not apply, or a warning about one, with its cell (STATEMENT.md, "Findings"). */
export interface StatementFinding {
  sheet: string;
  cell: string;
  rule: string;
  section: string;
  severity: "error" | "warning";
  message: string;
}

export interface StatementPdfInput extends ParticipantStatement {
  /** This participant's findings; absent or empty prints that every record was applied. */
  findings?: StatementFinding[];
  from: IsoDate;
  to: IsoDate;
  /** For the chart: any dates within `from .. to`, in any order; empty draws no chart. */
  valueSeries: ValuePoint[];
}

/** The plan's four Accounts, in the plan's order, with what each is measured in (§1.1(a), §4.5). */
export const PLAN_ACCOUNTS: ReadonlyArray<{ key: AccountKey; name: string; measure: "units" | "dollars" }> = [
  { key: "DCA", name: "Deferred Compensation Account", measure: "units" },
  { key: "CMSA", name: "Company Matching Stock Account", measure: "units" },
  { key: "CSA", name: "Company Stock Account", measure: "units" },
  { key: "IA", name: "Investment Account", measure: "dollars" },
];
