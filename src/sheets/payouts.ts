/**
 * The `Payouts`, `Holdings` and `Withdrawals` sheets (PAYOUT.md §1), read as
 * the records are: headers matched ignoring case, spaces and punctuation,
 * columns and rows in any order, a cell that cannot be read a finding on it
 * (P01) and its row left out.
 */
import { RULES } from "../engine/rules";
import { ACCOUNT_KEYS } from "../engine/accounts";
import type { Decimal } from "../engine/decimal";
import { DEFAULT_EMPLOYER, type Holding, type HoldingSource, type PayoutFacts } from "../engine/payout";
import type { WithdrawalFacts } from "../engine/withdrawal";
import { readDate, readFlag, readNumber, readPercent, readText } from "./cellReaders";
import type { ColumnSpec, SheetGrid } from "./grid";
import { readTable, type RowReader, type TableRules, type Sourced, type TableRead } from "./records";

/** The payout findings' rules (PAYOUT.md; P01–P09 are this family's). */
export const PAYOUT_RULES = {
  /** A cell that cannot be read: the row is left out. */
  unreadable: RULES.P01,
  /** A value that is not used (a Source on a DCA row). */
  ignored: RULES.P02,
  /** A participant's payout cannot be computed (a #VALUE! case of §11). */
  payoutError: RULES.P03,
  /** No closing price for a day the payout or withdrawal needs (#N/A). */
  missingPrice: RULES.P04,
  /** An elected date earlier than 13 months after the election (§7.1(f)). */
  electedTooEarly: RULES.P05,
  /** No Distributable Event yet (§7.1). */
  noEvent: RULES.P06,
  /** Withholding: a late cash election, a tax above the shares (§10.2). */
  withholding: RULES.P07,
  /** The payee: an unaccepted beneficiary form, incompetent with no conservator (§9.2, §9.3). */
  payee: RULES.P08,
  /** A withdrawal cannot be computed (§7.3). */
  withdrawalError: RULES.P09,
} as const;

const ROW_RULES: TableRules = { unreadable: PAYOUT_RULES.unreadable, ignored: PAYOUT_RULES.ignored };

type PayoutField = keyof PayoutFacts;

type DateField = "disability" | "death" | "lastDayWorked" | "planTermination" | "causeDate" | "electedDate" | "electionEffective";
type FlagField = "electedApproved" | "parachuteDetermined" | "formApproved" | "will" | "incompetent" | "located";

const column = <K extends string>(key: K, header: string, required = false): ColumnSpec<K> => ({ key, header, aliases: [], required });

export const PAYOUT_COLUMNS: ReadonlyArray<ColumnSpec<PayoutField>> = [
  column("participant", "Participant", true),
  column("disability", "Disability Date"),
  column("death", "Death Date"),
  column("lastDayWorked", "Last Day Worked"),
  column("planTermination", "Plan Termination Date"),
  column("causeDate", "Cause Date"),
  column("electedDate", "Elected Date"),
  column("electionEffective", "Election Effective Date"),
  column("electedApproved", "Elected Approved"),
  column("changeInControl", "Change in Control Date"),
  column("parachuteDetermined", "Parachute Determined"),
  column("auditorOpinion", "Auditor Opinion Date"),
  column("taxRate", "Tax Rate"),
  column("shareTax", "Share Tax"),
  column("cashTax", "Cash Tax"),
  column("cashTaxElectionDate", "Cash Tax Election Date"),
  column("beneficiary", "Beneficiary"),
  column("formApproved", "Form Approved"),
  column("will", "Will"),
  column("applicationApproved", "Application Approved"),
  column("incompetent", "Incompetent"),
  column("conservator", "Conservator"),
  column("located", "Located"),
];

const DATE_FIELDS: readonly DateField[] = ["disability", "death", "lastDayWorked", "planTermination", "causeDate", "electedDate", "electionEffective"];
const FLAG_FIELDS: readonly FlagField[] = ["electedApproved", "parachuteDetermined", "formApproved", "will", "incompetent", "located"];

export type PayoutRow = PayoutFacts & Sourced;

function nonNegative<K extends string>(row: RowReader<K>, field: K, label: string, value: Decimal | undefined, section: string): Decimal | undefined {
  if (value === undefined || !value.isNegative()) return value;
  row.problem(field, `${label} ${value.toString()} is negative; the row is left out (§${section}).`, section);
  return undefined;
}

/** The `Payouts` sheet: one row a participant. Blank Y/N cells are N, except Elected Approved and Located (blank is Y). */
export function readPayouts(grid: SheetGrid): TableRead<PayoutRow> {
  return readTable<PayoutField, PayoutFacts>(
    grid,
    PAYOUT_COLUMNS,
    (row) => {
      const participant = row.require("participant", readText, "a participant's name");
      const facts: PayoutFacts = { participant: participant ?? "" };
      for (const field of DATE_FIELDS) facts[field] = row.read(field, readDate);
      facts.changeInControl = row.read("changeInControl", readDate);
      facts.auditorOpinion = row.read("auditorOpinion", readDate);
      facts.cashTaxElectionDate = row.read("cashTaxElectionDate", readDate);
      facts.applicationApproved = row.read("applicationApproved", readDate);
      for (const field of FLAG_FIELDS) facts[field] = row.read(field, readFlag);
      facts.taxRate = row.read("taxRate", readPercent);
      facts.shareTax = nonNegative(row, "shareTax", "Share Tax", row.read("shareTax", readNumber), "10.2");
      facts.cashTax = nonNegative(row, "cashTax", "Cash Tax", row.read("cashTax", readNumber), "10.2");
      facts.beneficiary = row.read("beneficiary", readText);
      facts.conservator = row.read("conservator", readText);
      return participant === undefined ? undefined : facts;
    },
    ROW_RULES,
  );
}

export interface HoldingRow extends Holding {
  participant: string;
}

type HoldingField = keyof HoldingRow;

export const HOLDING_COLUMNS: ReadonlyArray<ColumnSpec<HoldingField>> = [
  column("participant", "Participant", true),
  column("employer", "Employer"),
  column("account", "Account", true),
  { ...column("quantity", "Quantity", true), zeroCounts: true },
  column("lotSource", "Source"),
  column("creditDate", "Credit Date"),
];

const SOURCES: readonly HoldingSource[] = ["discretionary", "allocation"];

/**
 * The `Holdings` sheet: units (IA dollars) per participant, employer, account
 * and CSA lot. An unreadable cell leaves its row out under `rules` (the
 * payout's P01 by default; the Change in Control report names its own).
 */
export function readHoldings(grid: SheetGrid, rules: TableRules = ROW_RULES): TableRead<HoldingRow & Sourced> {
  return readTable<HoldingField, HoldingRow>(
    grid,
    HOLDING_COLUMNS,
    (row) => {
      const participant = row.require("participant", readText, "a participant's name");
      const employer = row.read("employer", readText) ?? DEFAULT_EMPLOYER;
      const accountText = row.require("account", readText, `an account (${ACCOUNT_KEYS.join(", ")})`);
      const quantity = nonNegative(row, "quantity", "Quantity", row.require("quantity", readNumber, "units, or IA dollars"), "8.1");
      const sourceText = row.read("lotSource", readText);
      const creditDate = row.read("creditDate", readDate);
      const account = ACCOUNT_KEYS.find((key) => key === accountText?.toUpperCase());
      if (accountText !== undefined && account === undefined) {
        row.problem("account", `Account "${accountText}" is not one of ${ACCOUNT_KEYS.join(", ")}; the row is left out.`);
      }
      const lotSource = SOURCES.find((s) => s === sourceText?.toLowerCase());
      if (sourceText !== undefined && lotSource === undefined) {
        row.problem("lotSource", `Source "${sourceText}" is not "discretionary" (§4.4) or "allocation" (Art. V); the row is left out.`, "7.3");
      }
      if (account !== undefined && account !== "CSA" && (sourceText !== undefined || creditDate !== undefined)) {
        row.warn(
          sourceText !== undefined ? "lotSource" : "creditDate",
          `Source and Credit Date are for Company Stock Account lots; they are ignored on a ${account} row.`,
        );
      }
      if (participant === undefined || account === undefined || quantity === undefined) return undefined;
      return account === "CSA" ? { participant, employer, account, quantity, lotSource, creditDate } : { participant, employer, account, quantity };
    },
    rules,
  );
}

export interface WithdrawalRow extends WithdrawalFacts {
  participant: string;
}

type WithdrawalField = keyof WithdrawalRow;

export const WITHDRAWAL_COLUMNS: ReadonlyArray<ColumnSpec<WithdrawalField>> = [
  column("participant", "Participant", true),
  column("approvalDate", "Approval Date", true),
  column("fraction", "Fraction", true),
  column("distributionDate", "Distribution Date"),
  column("taxRate", "Tax Rate"),
];

/** The `Withdrawals` sheet: one row an approved withdrawal (§7.3). */
export function readWithdrawals(grid: SheetGrid): TableRead<WithdrawalRow & Sourced> {
  return readTable<WithdrawalField, WithdrawalRow>(
    grid,
    WITHDRAWAL_COLUMNS,
    (row) => {
      const participant = row.require("participant", readText, "a participant's name");
      const approvalDate = row.require("approvalDate", readDate, "the date the Committee approved the withdrawal");
      const fraction = row.require("fraction", readPercent, "a fraction (25%, 50%, 75% or 100%)");
      const distributionDate = row.read("distributionDate", readDate);
      const taxRate = row.read("taxRate", readPercent);
      if (participant === undefined || approvalDate === undefined || fraction === undefined) return undefined;
      return { participant, approvalDate, fraction, distributionDate, taxRate };
    },
    ROW_RULES,
  );
}

/** Every header the three sheets take, for templates: in PAYOUT.md's order. */
export const PAYOUT_SHEET_HEADERS = {
  Payouts: PAYOUT_COLUMNS.map((c) => c.header),
  Holdings: HOLDING_COLUMNS.map((c) => c.header),
  Withdrawals: WITHDRAWAL_COLUMNS.map((c) => c.header),
} as const;
