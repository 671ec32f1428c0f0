/**
 * Payouts and early withdrawals, written once for every surface (PAYOUT.md
 * §1): the workbook's `Payouts`, `Holdings`, `Withdrawals` and `Prices`
 * grids in, each participant's payout and each withdrawal out, every finding
 * carrying its own cell. `dcp payout` (and the task pane's Payouts page, the
 * distribution notices) gather the grids, call `payoutWorkflow` and present
 * what it returns; `payoutJson` is the `--json` document, typed `PayoutJson`.
 */
import { participantKey, UNIT_ACCOUNTS, type AccountKey, type UnitAccount } from "../engine/accounts";
import type { IsoDate } from "../engine/dates";
import { toNumber, type Decimal } from "../engine/decimal";
import { FieldError, PlanError } from "../engine/errors";
import { compareFindings, type Severity } from "../engine/findings";
import { payout, zeroUnits, type EventKind, type Payout, type PayeeKind } from "../engine/payout";
import { withdrawal, type Withdrawal } from "../engine/withdrawal";
import type { PriceTable } from "../engine/prices";
import { declaredAs, type Rule } from "../engine/rules";
import type { CellFinding } from "../sheets/findings";
import type { SheetGrid } from "../sheets/grid";
import { PAYOUT_RULES, readHoldings, readPayouts, readWithdrawals, type HoldingRow, type PayoutRow, type WithdrawalRow } from "../sheets/payouts";
import { readPricesSheet } from "../sheets/prices";
import { findingAt, leftOutByParticipant, rowError, type Sourced, type TableRead } from "../sheets/records";

/** The sheets a payout reads, as grids; the shells find them by name (Payouts, Holdings, Withdrawals, Prices). */
export interface PayoutGrids {
  payouts?: SheetGrid;
  holdings?: SheetGrid;
  withdrawals?: SheetGrid;
  prices?: SheetGrid;
}

export interface PayoutSettings {
  /** One participant (matched ignoring case and surrounding spaces); all when omitted. */
  participant?: string;
}

/** A participant's payout, or why it cannot be computed (a #VALUE! or #N/A case of §11, also a finding on its cell). */
export type PayoutOutcome = { participant: string; row: PayoutRow; payout: Payout } | { participant: string; row: PayoutRow; error: string };
export type WithdrawalOutcome =
  { participant: string; row: WithdrawalRow & Sourced; withdrawal: Withdrawal } | { participant: string; row: WithdrawalRow & Sourced; error: string };

export interface PayoutResult {
  /** In the Payouts sheet's row order. */
  payouts: PayoutOutcome[];
  withdrawals: WithdrawalOutcome[];
  /** Every finding of the reading and the computations, by sheet and row. */
  findings: CellFinding[];
  rowsRead: { payouts: number; holdings: number; withdrawals: number };
  /** Set when the input cannot be used at all (the CLI's exit 2); everything else is then empty. */
  unusable?: string;
}

function empty(unusable?: string): PayoutResult {
  return { payouts: [], withdrawals: [], findings: [], rowsRead: { payouts: 0, holdings: 0, withdrawals: 0 }, unusable };
}

const byParticipant = <R extends { participant: string }>(rows: readonly R[]): Map<string, R[]> => {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const key = participantKey(row.participant);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
};

/** The section a plan error cites, from its message's last "§…", for the finding's Section column. */
function sectionOf(message: string, fallback: string): string {
  const cited = message.match(/§(\d+(?:\.\d+)?(?:\([a-z0-9]+\))*)/g);
  return cited ? cited[cited.length - 1].slice(1) : fallback;
}

/**
 * The finding for an error a computation threw, under `rule` (P04 for a
 * missing price) citing the section the error cites: on the field's cell when
 * the error names one (a Holdings lot's field on that lot's row), else on the
 * participant's cell.
 */
function errorFinding(error: PlanError, row: Sourced, holdings: ReadonlyArray<HoldingRow & Sourced>, rule: Rule): CellFinding {
  const field = error instanceof FieldError ? error.field : undefined;
  const declared = declaredAs(error.code === "#N/A" ? PAYOUT_RULES.missingPrice : rule, { cites: sectionOf(error.message, rule.section) });
  if (field === "creditDate" || field === "lotSource") {
    const lot = holdings.find((h) => h.account === "CSA" && h[field] === undefined);
    if (lot) return findingAt(lot.source, field, declared, error.message);
  }
  return findingAt(row.source, field ?? "participant", declared, error.message);
}

/**
 * The Payouts rows in sheet order, those left out for a finding among them
 * (known by their participant alone), so each participant has an entry: a
 * row §11 refuses is an error entry, never a missing participant.
 */
function inSheetOrder(records: readonly PayoutRow[], leftOut: TableRead<unknown>["leftOut"]): PayoutRow[] {
  const unread = (leftOut ?? []).flatMap(({ key, source }) => (key === undefined ? [] : [{ participant: key, source, leftOut: true }]));
  return [...records, ...unread].sort((a, b) => a.source.row - b.source.row);
}

/** For a row left out, its first error finding's message; undefined for a row that was read. */
function rowLeftOut(row: PayoutRow & { leftOut?: boolean }, findings: readonly CellFinding[]): string | undefined {
  if (!row.leftOut) return undefined;
  const finding = rowError(findings, row.source);
  return finding?.message ?? `Payouts row ${row.source.row} cannot be read.`;
}

/** Why a table cannot be read, or undefined. */
function unusableOf(...reads: Array<{ unusable?: string } | undefined>): string | undefined {
  return reads.find((read) => read?.unusable)?.unusable;
}

function sortFindings(findings: CellFinding[], sheets: string[]): CellFinding[] {
  const order = (sheet: string) => {
    const index = sheets.indexOf(sheet);
    return index < 0 ? sheets.length : index;
  };
  return findings.sort((a, b) => order(a.sheet) - order(b.sheet) || compareFindings(a, b) || a.cell.localeCompare(b.cell));
}

/**
 * Reads the sheets and computes every participant's payout (or the one asked
 * for) and every withdrawal. Never throws on the workbook's content: what
 * cannot be used is `unusable`, what cannot be computed is an `error` entry
 * with a finding on its cell.
 */
export function payoutWorkflow(grids: PayoutGrids, settings: PayoutSettings = {}): PayoutResult {
  if (!grids.payouts && !grids.withdrawals) return empty("there is neither a Payouts nor a Withdrawals sheet: they hold the events and withdrawals to compute");
  if (!grids.holdings) return empty("there is no Holdings sheet: it holds each participant's units and Investment Account dollars (PAYOUT.md §1)");
  const payoutsRead = grids.payouts ? readPayouts(grids.payouts) : { records: [], findings: [] };
  const holdingsRead = readHoldings(grids.holdings);
  const withdrawalsRead = grids.withdrawals ? readWithdrawals(grids.withdrawals) : { records: [], findings: [] };
  const unreadable = unusableOf(payoutsRead, holdingsRead, withdrawalsRead);
  if (unreadable) return empty(unreadable);
  const pricesRead = grids.prices ? readPricesSheet(grids.prices) : undefined;
  if (pricesRead?.unusable) return empty(pricesRead.unusable);
  const prices: PriceTable | undefined = pricesRead?.table;
  if (!prices) return empty("there is no Prices sheet: shares are valued at its closing prices (§7.2(a), §10.2)");

  const findings: CellFinding[] = [...payoutsRead.findings, ...holdingsRead.findings, ...withdrawalsRead.findings, ...(pricesRead?.findings ?? [])];
  const holdings = byParticipant(holdingsRead.records);
  const unreadHoldings = leftOutByParticipant(holdingsRead);
  const unreadWithdrawals = leftOutByParticipant(withdrawalsRead);
  const wanted = settings.participant === undefined ? undefined : participantKey(settings.participant);
  if (wanted !== undefined) {
    // A row left out for a cell it cannot read still names its participant: the run shows that row's finding.
    const named =
      [...payoutsRead.records, ...withdrawalsRead.records].some((r) => participantKey(r.participant) === wanted) ||
      leftOutByParticipant(payoutsRead).has(wanted) ||
      unreadWithdrawals.has(wanted);
    if (!named) {
      const names = [...new Set([...payoutsRead.records, ...withdrawalsRead.records].map((r) => r.participant.trim()))].sort();
      return empty(
        `no Payouts or Withdrawals row names participant "${settings.participant?.trim()}"; the participants are ${names.map((n) => `"${n}"`).join(", ") || "none"}`,
      );
    }
  }

  // A Holdings row left out (a negative Quantity, a cell it cannot read) is part of someone's Accounts:
  // their payout and withdrawals are errors (§11), never computed on the rows that remain.
  const holdingsError = (key: string): string | undefined => {
    const row = unreadHoldings.get(key)?.row;
    return row === undefined
      ? undefined
      : `Holdings row ${row} cannot be read (see its finding), so the Accounts are not known in full and nothing is computed (PAYOUT.md §11).`;
  };

  const payouts: PayoutOutcome[] = [];
  const seen = new Map<string, PayoutRow>();
  for (const row of inSheetOrder(payoutsRead.records, payoutsRead.leftOut)) {
    const key = participantKey(row.participant);
    const earlier = seen.get(key);
    if (earlier) {
      findings.push(
        findingAt(
          row.source,
          "participant",
          declaredAs(PAYOUT_RULES.unreadable),
          `${row.participant} already has a Payouts row (row ${earlier.source.row}); a participant has one. The row is left out.`,
        ),
      );
      continue;
    }
    seen.set(key, row);
    if (wanted !== undefined && key !== wanted) continue;
    const unread = rowLeftOut(row, findings) ?? holdingsError(key);
    if (unread !== undefined) {
      payouts.push({ participant: row.participant, row, error: unread });
      continue;
    }
    const lots = holdings.get(key) ?? [];
    try {
      const result = payout(row, lots, prices);
      for (const note of result.notes) {
        findings.push(findingAt(row.source, note.field ?? "participant", note, `${row.participant}: ${note.message}`));
      }
      payouts.push({ participant: row.participant, row, payout: result });
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      findings.push(errorFinding(error, row, lots, PAYOUT_RULES.payoutError));
      payouts.push({ participant: row.participant, row, error: error.message });
    }
  }

  // Each participant's withdrawals in approval order: a later one takes from what the earlier ones left of the Holdings,
  // so once one is not known (not computed, a row that cannot be read) none after it is computed either.
  const withdrawals = new Map<WithdrawalRow & Sourced, WithdrawalOutcome>();
  for (const [key, rows] of byParticipant(withdrawalsRead.records)) {
    if (wanted !== undefined && key !== wanted) continue;
    const lots = holdings.get(key) ?? [];
    const paid = payouts.find((p) => participantKey(p.participant) === key);
    const taken = zeroUnits();
    const unread = unreadWithdrawals.get(key)?.row;
    let unknown: string | undefined =
      holdingsError(key) ??
      (unread === undefined
        ? undefined
        : `Withdrawals row ${unread} cannot be read (see its finding): what it took from the Holdings is not known, so no withdrawal of this participant is computed (§7.3).`);
    let earlier: (WithdrawalRow & Sourced) | undefined;
    for (const row of [...rows].sort((a, b) => a.approvalDate.localeCompare(b.approvalDate) || a.source.row - b.source.row)) {
      if (!unknown && earlier?.approvalDate === row.approvalDate) {
        unknown = `${row.participant} already has a withdrawal approved on ${row.approvalDate} (row ${earlier.source.row}); a second the same day is not computed: enter one row with the whole fraction (§7.3).`;
        findings.push(findingAt(row.source, "approvalDate", declaredAs(PAYOUT_RULES.withdrawalError), unknown));
      }
      if (unknown) {
        withdrawals.set(row, { participant: row.participant, row, error: unknown });
        continue;
      }
      earlier = row;
      const distributionDate: IsoDate | undefined = row.distributionDate ?? (paid && "payout" in paid ? paid.payout.distributionDate : undefined);
      try {
        const result = withdrawal({ ...row, distributionDate }, lots, prices, taken);
        for (const account of UNIT_ACCOUNTS) taken[account] = taken[account].plus(result.unitsWithdrawn[account]);
        withdrawals.set(row, { participant: row.participant, row, withdrawal: result });
      } catch (error) {
        if (!(error instanceof PlanError)) throw error;
        findings.push(errorFinding(error, row, lots, PAYOUT_RULES.withdrawalError));
        withdrawals.set(row, { participant: row.participant, row, error: error.message });
        unknown = `The withdrawal approved ${row.approvalDate} (row ${row.source.row}) is not computed, so what it took from the Holdings is not known; this later one is not computed either (§7.3).`;
      }
    }
  }

  const sheets = [grids.payouts, grids.holdings, grids.withdrawals, grids.prices].map((grid) => grid?.sheet ?? "");
  return {
    payouts,
    withdrawals: withdrawalsRead.records.flatMap((row) => withdrawals.get(row) ?? []),
    findings: sortFindings(findings, sheets),
    rowsRead: { payouts: payoutsRead.records.length, holdings: holdingsRead.records.length, withdrawals: withdrawalsRead.records.length },
  };
}

// ---------------------------------------------------------------------------
// The --json document (PAYOUT.md §1), typed once for every reader of it.

export interface PaymentJson {
  date: IsoDate;
  payeeKind: PayeeKind;
  fmvDate: IsoDate;
  fmv: number;
  units: Record<UnitAccount, number>;
  iaCash: number;
  grossShares: number;
  shareValue: number;
  taxOnShares: number;
  taxOnCash: number;
  withheldShares: number;
  fractionCash: number;
  netShares: number;
  netCash: number;
  cashDueFromPayee: number;
}

export interface PayoutJsonEntry {
  participant: string;
  event: { date: IsoDate | null; kinds: EventKind[]; sections: string[] };
  excluded: Array<{ kind: EventKind; date: IsoDate; reason: string }>;
  distributionDate: IsoDate | null;
  payments: PaymentJson[];
  perEmployer: Record<string, Record<AccountKey, number>>;
  payee: {
    kind: PayeeKind;
    name: string;
    section: string;
    payableFrom: IsoDate | null;
    awaitingApplication: boolean;
    optionsPassTo: string;
    paidTo: string;
  } | null;
  unlocated: { deemedDeathDate: IsoDate | null; locateBeneficiaryBy: IsoDate | null; section: string } | null;
  findings: Array<{ severity: Severity; section: string; message: string }>;
}

export interface WithdrawalJsonEntry {
  participant: string;
  approvalDate: IsoDate;
  fmvDate: IsoDate;
  fmv: number;
  unitsWithdrawn: Record<UnitAccount, number>;
  valueWithdrawn: number;
  penalty: number;
  netValue: number;
  sharesDelivered: number;
  taxOnShares: number;
  withheldShares: number;
  netShares: number;
  fractionCash: number;
  excludedArticleV: { csaUnits: number; iaDollars: number };
  nonparticipationFrom: IsoDate;
  creditsResume: IsoDate;
}

export interface FindingJson {
  sheet: string;
  cell: string;
  row: number;
  rule: string;
  section: string;
  severity: Severity;
  message: string;
}

/** The whole `dcp payout --json` document. */
export interface PayoutJson {
  payouts: Array<PayoutJsonEntry | { participant: string; error: string }>;
  withdrawals: Array<WithdrawalJsonEntry | { participant: string; error: string }>;
  findings: FindingJson[];
}

const units = (amounts: Record<UnitAccount, Decimal>) => Object.fromEntries(UNIT_ACCOUNTS.map((a) => [a, toNumber(amounts[a])])) as Record<UnitAccount, number>;

export function payoutEntryJson(result: Payout): PayoutJsonEntry {
  const { event, payee, unlocated } = result;
  return {
    participant: result.participant,
    event: { date: event.date ?? null, kinds: event.kinds, sections: event.sections },
    excluded: event.excluded.map(({ kind, date, reason }) => ({ kind, date, reason })),
    distributionDate: result.distributionDate ?? null,
    payments: result.payments.map((p) => ({
      date: p.date,
      payeeKind: p.payeeKind,
      fmvDate: p.fmvDate,
      fmv: toNumber(p.fmv),
      units: units(p.units),
      iaCash: toNumber(p.iaCash),
      grossShares: toNumber(p.grossShares),
      shareValue: toNumber(p.shareValue),
      taxOnShares: toNumber(p.taxOnShares),
      taxOnCash: toNumber(p.taxOnCash),
      withheldShares: toNumber(p.withheldShares),
      fractionCash: toNumber(p.fractionCash),
      netShares: toNumber(p.netShares),
      netCash: toNumber(p.netCash),
      cashDueFromPayee: toNumber(p.cashDueFromPayee),
    })),
    perEmployer: Object.fromEntries(
      Object.entries(result.perEmployer).map(([employer, amounts]) => [
        employer,
        { DCA: toNumber(amounts.DCA), CMSA: toNumber(amounts.CMSA), CSA: toNumber(amounts.CSA), IA: toNumber(amounts.IA) },
      ]),
    ),
    payee: payee ? { ...payee, payableFrom: payee.payableFrom ?? null } : null,
    unlocated: unlocated
      ? { deemedDeathDate: unlocated.deemedDeathDate ?? null, locateBeneficiaryBy: unlocated.locateBeneficiaryBy ?? null, section: unlocated.section }
      : null,
    findings: result.notes.map(({ severity, section, message }) => ({ severity, section, message })),
  };
}

export function withdrawalEntryJson(participant: string, w: Withdrawal): WithdrawalJsonEntry {
  return {
    participant,
    approvalDate: w.approvalDate,
    fmvDate: w.fmvDate,
    fmv: toNumber(w.fmv),
    unitsWithdrawn: units(w.unitsWithdrawn),
    valueWithdrawn: toNumber(w.valueWithdrawn),
    penalty: toNumber(w.penalty),
    netValue: toNumber(w.netValue),
    sharesDelivered: toNumber(w.sharesDelivered),
    taxOnShares: toNumber(w.taxOnShares),
    withheldShares: toNumber(w.withheldShares),
    netShares: toNumber(w.netShares),
    fractionCash: toNumber(w.fractionCash),
    excludedArticleV: { csaUnits: toNumber(w.excludedArticleV.csaUnits), iaDollars: toNumber(w.excludedArticleV.iaDollars) },
    nonparticipationFrom: w.nonparticipationFrom,
    creditsResume: w.creditsResume,
  };
}

/** The `dcp payout --json` document (PAYOUT.md §1): only this command's keys. */
export function payoutJson(result: PayoutResult): PayoutJson {
  return {
    payouts: result.payouts.map((p) => ("error" in p ? { participant: p.participant, error: p.error } : payoutEntryJson(p.payout))),
    withdrawals: result.withdrawals.map((w) =>
      "error" in w ? { participant: w.participant, error: w.error } : withdrawalEntryJson(w.participant, w.withdrawal),
    ),
    findings: result.findings.map(({ sheet, cell, row, rule, section, severity, message }) => ({ sheet, cell, row, rule, section, severity, message })),
  };
}
