/**
 * The `Holdings` sheet (PAYOUT.md §1): a participant's units in each unit
 * Account and dollars in the Investment Account, by Participating Employer.
 */
import { ACCOUNT_KEYS, type AccountKey } from "../engine/accounts";
import type { Decimal } from "../engine/decimal";
import type { IsoDate } from "../engine/dates";
import { readDate, readNumber, readText } from "./cells";
import type { ColumnSpec, SheetGrid } from "./grid";
import { readTable, type Sourced, type TableRead, type TableRules } from "./records";

export interface HoldingRow {
  participant: string;
  /** §2.5's Participating Employer; "Company" when the column is blank or absent. */
  employer: string;
  account: AccountKey;
  quantity: Decimal;
  /** CSA rows: "discretionary" or "allocation". */
  source?: string;
  /** CSA rows: when the units were credited. */
  creditDate?: IsoDate;
}

export const DEFAULT_EMPLOYER = "Company";

export const HOLDING_COLUMNS: ReadonlyArray<ColumnSpec<keyof HoldingRow>> = [
  { key: "participant", header: "Participant", aliases: ["Name"], required: true },
  { key: "employer", header: "Employer", aliases: ["Participating Employer"] },
  { key: "account", header: "Account", aliases: [], required: true },
  { key: "quantity", header: "Quantity", aliases: ["Units"], required: true },
  { key: "source", header: "Source", aliases: [] },
  { key: "creditDate", header: "Credit Date", aliases: [] },
];

const SOURCES = ["discretionary", "allocation"];

/**
 * The Holdings table. An unknown Account or Source, or a negative Quantity,
 * is an error on its cell under `rules.unreadable` and the row is left out
 * (PAYOUT.md §11): each command that reads Holdings reports it under its own rule.
 */
export function readHoldings(grid: SheetGrid, rules: TableRules): TableRead<HoldingRow & Sourced> {
  return readTable<keyof HoldingRow, HoldingRow>(
    grid,
    HOLDING_COLUMNS,
    (row) => {
      const participant = row.require("participant", readText, "a participant's name");
      const employer = row.read("employer", readText) ?? DEFAULT_EMPLOYER;
      const accountText = row.require("account", readText, `an Account (${ACCOUNT_KEYS.join(", ")})`);
      const quantity = row.require("quantity", readNumber, "units, or dollars for the IA");
      const source = row.read("source", readText);
      const creditDate = row.read("creditDate", readDate);
      const account = ACCOUNT_KEYS.find((key) => key === accountText?.toUpperCase());
      if (accountText !== undefined && account === undefined) {
        row.problem("account", `Account "${accountText}" is not one of ${ACCOUNT_KEYS.join(", ")}; the row is left out.`, "8.1");
      }
      if (quantity?.isNegative()) row.problem("quantity", `Quantity ${quantity.toString()} must not be negative; the row is left out.`, "8.1");
      if (source !== undefined && !SOURCES.includes(source.toLowerCase())) {
        row.problem("source", `Source "${source}" is not "discretionary" or "allocation"; the row is left out.`, "7.1(f)");
      }
      if (participant === undefined || account === undefined || quantity === undefined) return undefined;
      return { participant, employer, account, quantity, source: source?.toLowerCase(), creditDate };
    },
    rules,
  );
}
