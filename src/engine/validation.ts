/**
 * The election-sheet rules E01–E15 of RULES.md over typed rows (E16, a cell
 * that cannot be read, is found where cells are read: `sheets/elections.ts`).
 * Each finding names its row, column, rule and section in words HR reads
 * without the plan open.
 */
import { electionWindowEnd } from "./calendar";
import { BONUS_ELECTION_LEAD_MONTHS, ELECTED_DISTRIBUTION_MONTHS, MAX_DEFERRAL_FRACTION, NEW_PARTICIPANT_ELECTION_DAYS, PLAN_EFFECTIVE_DATE } from "./constants";
import { addDays, addMonths, dateParts, isoDate, previousQuarter, quarterLabel, quarterOf, type IsoDate, type Quarter } from "./dates";
import { Decimal, ZERO } from "./decimal";
import { electionDeadline, firstYearDeadline, isJanuaryFirst } from "./elections";
import { PlanError } from "./errors";
import { compareFindings, type Finding, type Severity } from "./findings";
import { discountProblem, type DiscountType } from "./options";
import type { PriceTable } from "./prices";

export type ElectionType = "IV-SAL" | "IV-BON" | "V-SAL" | "V-BON" | "ALLOC-STOCK" | "ALLOC-OPTION" | "DIST-DATE";

interface ElectionTypeInfo {
  label: string;
  article?: "IV" | "V";
  compensation?: "salary" | "bonus";
  allocation?: "stock" | "option";
}

export const ELECTION_TYPES: Record<ElectionType, ElectionTypeInfo> = {
  "IV-SAL": { label: "Salary deferral", article: "IV", compensation: "salary" },
  "IV-BON": { label: "Bonus deferral", article: "IV", compensation: "bonus" },
  "V-SAL": { label: "Investment salary deferral", article: "V", compensation: "salary" },
  "V-BON": { label: "Investment bonus deferral", article: "V", compensation: "bonus" },
  "ALLOC-STOCK": { label: "Stock allocation", allocation: "stock" },
  "ALLOC-OPTION": { label: "Option allocation", allocation: "option" },
  "DIST-DATE": { label: "Distribution date" },
};

/** An election type by its name or code, in any case. */
export function parseElectionType(text: string): ElectionType | undefined {
  const wanted = text.trim().toLowerCase().replace(/\s+/g, " ");
  return (Object.keys(ELECTION_TYPES) as ElectionType[]).find(
    (code) => code.toLowerCase() === wanted || ELECTION_TYPES[code].label.toLowerCase() === wanted,
  );
}

export type ElectionField =
  | "participant" | "type" | "electionDate" | "planYear" | "percent" | "eligibilityDate" | "fyEnd" | "payable"
  | "release" | "quarter" | "amount" | "discount" | "distributionDate" | "effectiveDate" | "approved";

export interface ElectionRow {
  /** The worksheet row as Excel shows it. */
  row: number;
  participant?: string;
  type?: ElectionType;
  /** The type cell's text when it names no known type. */
  unknownType?: string;
  electionDate?: IsoDate;
  planYear?: number;
  percent?: Decimal;
  eligibilityDate?: IsoDate;
  fyEnd?: IsoDate;
  payable?: IsoDate;
  release?: IsoDate;
  quarter?: Quarter;
  amount?: Decimal;
  discount?: { value: Decimal; type: DiscountType };
  distributionDate?: IsoDate;
  effectiveDate?: IsoDate;
  /** Committee approval: true (Y), false (N) or undefined (blank). */
  approved?: boolean;
  /** Fields whose cell could not be read (already reported as E16): not reported again as blank. */
  unreadable: ReadonlySet<ElectionField>;
  /** The row's cells as written, to find exact duplicates. */
  signature: string;
}

export interface ElectionSettings {
  planEffectiveDate: IsoDate;
  /** The Company's fiscal year end, month and day (default December 31). */
  fiscalYearEnd: { month: number; day: number };
  /** Closing prices for E11's discount bounds; without them E11 warns that it did not check. */
  prices?: PriceTable;
  /** Whether the sheet has a Committee Approved column (E14 applies only then). */
  hasApprovalColumn: boolean;
}

export const DEFAULT_ELECTION_SETTINGS: ElectionSettings = {
  planEffectiveDate: PLAN_EFFECTIVE_DATE,
  fiscalYearEnd: { month: 12, day: 31 },
  hasApprovalColumn: false,
};

/** Header text for a field, as the sheet spells it. */
export type ColumnLabels = (field: ElectionField) => string;

const percent = (value: Decimal) => `${value.times(100).toDecimalPlaces(4).toString()}%`;

interface Context {
  settings: ElectionSettings;
  label: ColumnLabels;
  findings: Finding[];
}

function report(ctx: Context, row: ElectionRow, field: ElectionField, rule: string, section: string, severity: Severity, message: string): void {
  ctx.findings.push({ row: row.row, column: ctx.label(field), rule, section, severity, message });
}

/** E01: a participant, a known type and an election date, or the row cannot be checked further. */
function checkRequired(ctx: Context, row: ElectionRow): boolean {
  let complete = true;
  if (row.participant === undefined) {
    complete = false;
    if (!row.unreadable.has("participant")) report(ctx, row, "participant", "E01", "—", "error", "The row has no participant; every election names one.");
  }
  if (row.type === undefined) {
    complete = false;
    if (row.unknownType !== undefined) {
      const known = Object.entries(ELECTION_TYPES).map(([code, info]) => `${info.label} (${code})`).join(", ");
      report(ctx, row, "type", "E01", "—", "error", `Election type "${row.unknownType}" is not one the plan has; use one of: ${known}.`);
    } else if (!row.unreadable.has("type")) {
      report(ctx, row, "type", "E01", "—", "error", "The row has no election type.");
    }
  }
  if (row.electionDate === undefined) {
    complete = false;
    if (!row.unreadable.has("electionDate")) report(ctx, row, "electionDate", "E01", "—", "error", "The row has no election date (the day it was filed).");
  }
  return complete;
}

/** E08: nobody elects before becoming eligible (§3.1, §3.2). */
function checkEligibility(ctx: Context, row: ElectionRow, filed: IsoDate): void {
  if (row.eligibilityDate !== undefined && filed < row.eligibilityDate) {
    report(ctx, row, "electionDate", "E08", "3.1, 3.2", "error", `Filed ${filed}, before the participant became eligible on ${row.eligibilityDate} (§3.1, §3.2).`);
  }
}

/** E06: a deferral percent in (0%, 100%] (§4.1). */
function checkPercent(ctx: Context, row: ElectionRow): void {
  const p = row.percent;
  if (p === undefined) {
    if (!row.unreadable.has("percent")) report(ctx, row, "percent", "E06", "4.1", "error", "The percent deferred is blank; a deferral needs a percent above 0% and at most 100% (§4.1).");
    return;
  }
  if (!p.greaterThan(0)) {
    report(ctx, row, "percent", "E06", "4.1", "error", `Percent ${percent(p)} defers nothing; a deferral must be above 0% (§4.1).`);
  } else if (p.greaterThan(MAX_DEFERRAL_FRACTION)) {
    const hint = p.greaterThanOrEqualTo(2) ? ` If ${p.toString()}% was meant, enter it as a percent (${p.toString()}%) or a fraction (${p.dividedBy(100).toString()}).` : "";
    report(ctx, row, "percent", "E06", "4.1", "error", `Percent ${percent(p)} is more than the 100% the plan allows (§4.1).${hint}`);
  }
}

/** The compensation year of a deferral: the Plan Year for salary, the year the bonus's fiscal year ends for a bonus. */
function bonusFiscalYearEnd(ctx: Context, row: ElectionRow): IsoDate | undefined {
  if (row.fyEnd !== undefined) return row.fyEnd;
  if (row.planYear === undefined) return undefined;
  const { month, day } = ctx.settings.fiscalYearEnd;
  return isoDate(row.planYear, month, day);
}

function compensationYear(ctx: Context, row: ElectionRow): number | undefined {
  const info = ELECTION_TYPES[row.type!];
  if (info.compensation === "salary") return row.planYear;
  const fyEnd = bonusFiscalYearEnd(ctx, row);
  return fyEnd === undefined ? undefined : dateParts(fyEnd).year;
}

/** E02–E05: the filing deadline of a deferral election, under the one rule that governs it. */
function checkDeferralDeadline(ctx: Context, row: ElectionRow, filed: IsoDate): void {
  const info = ELECTION_TYPES[row.type!];
  const salary = info.compensation === "salary";
  const articleIV = info.article === "IV";
  const year = compensationYear(ctx, row);
  if (year === undefined) {
    const field = salary || row.unreadable.has("planYear") ? "planYear" : "fyEnd";
    if (!row.unreadable.has("planYear") && !row.unreadable.has("fyEnd")) {
      const what = salary ? "Plan Year is blank; a salary deferral names the calendar year it defers" : "Plan Year and Bonus Fiscal Year End are blank; a bonus deferral names the fiscal year whose bonus it defers";
      report(ctx, row, field, salary ? "E02" : "E03", salary ? (articleIV ? "4.2(a)" : "5.3(a)") : articleIV ? "4.2(c)" : "5.3(c)", "error", `${what}.`);
    }
    return;
  }
  const kind = salary ? "salary deferrals" : "bonus deferrals";
  const what = salary ? `${kind} for ${year}` : `${kind} for the fiscal year ending ${bonusFiscalYearEnd(ctx, row)}`;
  const payableCheck = (rule: string, section: string) => {
    if (salary) return;
    if (row.payable === undefined) {
      if (!row.unreadable.has("payable")) {
        report(ctx, row, "payable", rule, section, "error", `Bonus Payable Date is blank; a bonus election under §${section} must be filed at least six months before the bonus is payable.`);
      }
      return;
    }
    const latest = addMonths(row.payable, -BONUS_ELECTION_LEAD_MONTHS);
    if (filed > latest) {
      report(ctx, row, "electionDate", rule, section, "error", `Filed ${filed}, less than six months before the bonus is payable on ${row.payable}; it had to be filed by ${latest} (§${section}).`);
    }
  };

  // §4.2(d)/§5.3(d): newly eligible on a day other than January 1, electing for that year's compensation.
  const eligible = row.eligibilityDate;
  if (eligible !== undefined && !isJanuaryFirst(eligible) && dateParts(eligible).year === year && eligible > ctx.settings.planEffectiveDate) {
    const section = articleIV ? "4.2(d)" : "5.3(d)";
    const deadline = addDays(eligible, NEW_PARTICIPANT_ELECTION_DAYS);
    if (filed > deadline) {
      report(ctx, row, "electionDate", "E04", section, "error", `Became eligible ${eligible}; the election had to be filed within 30 days, by ${deadline}, but was filed ${filed} (§${section}).`);
    }
    payableCheck("E04", section);
    return;
  }
  // §4.2(e)/§5.3(e): the plan's first year.
  const firstYear = dateParts(ctx.settings.planEffectiveDate).year;
  if (year === firstYear) {
    const section = articleIV ? "4.2(e)" : "5.3(e)";
    const deadline = firstYearDeadline(ctx.settings.planEffectiveDate);
    if (filed > deadline) {
      report(ctx, row, "electionDate", "E05", section, "error", `Filed ${filed}; ${what} had to be filed within 30 days after the plan took effect on ${ctx.settings.planEffectiveDate}, by ${deadline} (§${section}).`);
    }
    payableCheck("E05", section);
    return;
  }
  if (year < firstYear) {
    report(ctx, row, salary ? "planYear" : "fyEnd", salary ? "E02" : "E03", salary ? "4.2(a)" : "4.2(c)", "error", `${salary ? "Plan Year" : "The bonus's fiscal year"} ${year} is before the plan's first year, ${firstYear}.`);
    return;
  }
  const deadline = electionDeadline(salary ? "salary" : "bonus", year, ctx.settings.planEffectiveDate);
  if (salary) {
    const section = articleIV ? "4.2(a),(b)" : "5.3(a),(b)";
    if (filed > deadline) {
      report(ctx, row, "electionDate", "E02", section, "error", `Filed ${filed}; ${what} had to be filed by ${deadline} (§${section.replace(",(b)", "")}).`);
    } else if (dateParts(filed).year < year - 1) {
      report(ctx, row, "electionDate", "E02", section, "error", `Filed ${filed}; a salary election applies to the calendar year after the one it is filed in, so ${what} must be filed in ${year - 1}, by ${deadline} (§${section.replace(",(b)", "")}).`);
    }
  } else if (filed > deadline) {
    const section = articleIV ? "4.2(c)" : "5.3(c)";
    report(ctx, row, "electionDate", "E03", section, "error", `Filed ${filed}; ${what} had to be filed by ${deadline}, before the calendar year in which that fiscal year ends (§${section}).`);
  }
}

/** E09, E11: an allocation inside the ten days after the release, and an option discount within §5.1. */
function checkAllocation(ctx: Context, row: ElectionRow, filed: IsoDate): void {
  if (row.release === undefined) {
    if (!row.unreadable.has("release")) report(ctx, row, "release", "E09", "5.2(c)", "error", "Release Date is blank; an allocation is filed in the ten days after the quarter's results are released (§5.2(c)).");
    return;
  }
  const opens = addDays(row.release, 1);
  const closes = addDays(row.release, 10);
  if (filed < opens || filed > closes) {
    report(ctx, row, "electionDate", "E09", "5.2(c)", "error", `Filed ${filed}; allocations after the release of ${row.release} had to be filed ${opens} through ${closes}, the ten days following it (§5.2(c)).`);
  }
  if (ELECTION_TYPES[row.type!].allocation !== "option") return;
  if (row.discount === undefined) {
    if (!row.unreadable.has("discount")) report(ctx, row, "discount", "E11", "5.1", "error", "Discount is blank; an option allocation names the discount from the fair market value (§5.1).");
    return;
  }
  let determination: IsoDate;
  try {
    determination = electionWindowEnd(row.release);
  } catch (error) {
    if (error instanceof PlanError) return report(ctx, row, "release", "E11", "5.1", "warning", `Discount not checked: ${error.message}.`);
    throw error;
  }
  if (ctx.settings.prices === undefined) {
    report(ctx, row, "discount", "E11", "5.1", "warning", `Discount not checked against §5.1: there is no Prices table to give the close on the determination date, ${determination}.`);
    return;
  }
  let fmv: Decimal;
  try {
    fmv = ctx.settings.prices.closePrice(determination);
  } catch {
    report(ctx, row, "discount", "E11", "5.1", "warning", `Discount not checked against §5.1: the Prices table has no close for the determination date, ${determination}.`);
    return;
  }
  const problem = discountProblem(fmv, row.discount.value, row.discount.type);
  if (problem) {
    const sentence = problem.charAt(0).toUpperCase() + problem.slice(1);
    report(ctx, row, "discount", "E11", "5.1", "error", `${sentence}: the close on ${determination}, the determination date, was $${fmv.toFixed(2)} (§5.1).`);
  }
}

/** E12: an elected distribution date at least thirteen months after the election takes effect (§7.1(f)). */
function checkDistributionDate(ctx: Context, row: ElectionRow, filed: IsoDate): void {
  if (row.distributionDate === undefined) {
    if (!row.unreadable.has("distributionDate")) report(ctx, row, "distributionDate", "E12", "7.1(f)", "error", "Elected Distribution Date is blank.");
    return;
  }
  const effective = row.effectiveDate ?? filed;
  const earliest = addMonths(effective, ELECTED_DISTRIBUTION_MONTHS);
  if (row.distributionDate < earliest) {
    report(ctx, row, "distributionDate", "E12", "7.1(f)", "error", `Distribution date ${row.distributionDate} is less than 13 months after the election takes effect on ${effective}; the earliest allowed is ${earliest} (§7.1(f)).`);
  }
}

function isDeferral(type: ElectionType): boolean {
  return ELECTION_TYPES[type].compensation !== undefined;
}

/** E07: Art. IV and Art. V together at most 100% of one kind of compensation for one year (§5.3(a),(c)). */
function checkCombinedPercent(ctx: Context, rows: ElectionRow[]): void {
  const groups = new Map<string, ElectionRow[]>();
  for (const row of rows) {
    if (!isDeferral(row.type!) || row.percent === undefined || !row.percent.greaterThan(0)) continue;
    const year = compensationYear(ctx, row);
    if (year === undefined) continue;
    const key = `${row.participant!.toLowerCase()}\u001f${ELECTION_TYPES[row.type!].compensation}\u001f${year}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const group of groups.values()) {
    const total = group.reduce((sum, row) => sum.plus(row.percent!), ZERO);
    if (total.lessThanOrEqualTo(MAX_DEFERRAL_FRACTION) || group.length < 2) continue;
    const last = group[group.length - 1];
    const compensation = ELECTION_TYPES[last.type!].compensation!;
    const section = compensation === "salary" ? "5.3(a)" : "5.3(c)";
    const year = compensationYear(ctx, last);
    report(ctx, last, "percent", "E07", section, "error",
      `${last.participant}'s ${compensation} deferrals for ${year} add up to ${percent(total)} (rows ${group.map((r) => r.row).join(", ")}); Art. IV and Art. V together may not exceed 100% (§${section}).`);
  }
}

/** E10: one allocation per participant per fiscal quarter; the first is irrevocable, later ones void (§5.2(c)). */
function checkOneAllocationPerQuarter(ctx: Context, rows: ElectionRow[]): void {
  const allocations = rows
    .filter((row) => ELECTION_TYPES[row.type!].allocation !== undefined && (row.quarter !== undefined || row.release !== undefined))
    .sort((a, b) => (a.electionDate! < b.electionDate! ? -1 : a.electionDate! > b.electionDate! ? 1 : a.row - b.row));
  const first = new Map<string, ElectionRow>();
  for (const row of allocations) {
    const quarter = quarterLabel(row.quarter ?? previousQuarter(quarterOf(row.release!)));
    const key = `${row.participant!.toLowerCase()}\u001f${quarter}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, row);
      continue;
    }
    report(ctx, row, row.quarter !== undefined ? "quarter" : "electionDate", "E10", "5.2(c)", "error",
      `A second allocation by ${row.participant} for fiscal quarter ${quarter}; the first, on row ${earlier.row} (filed ${earlier.electionDate}), is irrevocable, so this one is void (§5.2(c)).`);
  }
}

/** E13: a distribution-date election is made only with the participant's initial elections (§7.1(f)). */
function checkInitialElections(ctx: Context, rows: ElectionRow[]): void {
  const initial = new Map<string, IsoDate>();
  for (const row of rows) {
    if (!isDeferral(row.type!)) continue;
    const key = row.participant!.toLowerCase();
    const known = initial.get(key);
    if (known === undefined || row.electionDate! < known) initial.set(key, row.electionDate!);
  }
  for (const row of rows) {
    if (row.type !== "DIST-DATE") continue;
    const first = initial.get(row.participant!.toLowerCase());
    if (first !== undefined && row.electionDate !== first) {
      report(ctx, row, "electionDate", "E13", "7.1(f)", "error",
        `Distribution-date election filed ${row.electionDate}, but ${row.participant}'s initial elections were filed ${first}; a distribution date can only be elected with them (§7.1(f)).`);
    }
  }
}

/** E14: elections the Committee has not approved (§4.2(b),(c); §5.2(e)). */
function checkApproval(ctx: Context, row: ElectionRow): void {
  if (!ctx.settings.hasApprovalColumn || row.approved === true || row.unreadable.has("approved")) return;
  const state = row.approved === false ? `marked "N"` : "blank";
  report(ctx, row, "approved", "E14", "4.2(b),(c); 5.2(e)", "warning", `Committee approval is ${state}; the election takes effect only once the Committee approves it.`);
}

/** E15: exact duplicate rows. */
function checkDuplicates(ctx: Context, rows: readonly ElectionRow[]): void {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const first = seen.get(row.signature);
    if (first === undefined) seen.set(row.signature, row.row);
    else report(ctx, row, "participant", "E15", "—", "warning", `This row repeats row ${first} exactly; remove one so the election is not counted twice.`);
  }
}

/** Every finding of rules E01–E15 over the rows, in row order. */
export function validateElections(rows: readonly ElectionRow[], settings: ElectionSettings, label: ColumnLabels): Finding[] {
  const ctx: Context = { settings, label, findings: [] };
  const complete: ElectionRow[] = [];
  for (const row of rows) {
    if (!checkRequired(ctx, row)) continue;
    complete.push(row);
    const filed = row.electionDate!;
    checkEligibility(ctx, row, filed);
    if (isDeferral(row.type!)) {
      checkPercent(ctx, row);
      checkDeferralDeadline(ctx, row, filed);
    } else if (row.type === "DIST-DATE") {
      checkDistributionDate(ctx, row, filed);
    } else {
      checkAllocation(ctx, row, filed);
    }
    checkApproval(ctx, row);
  }
  checkCombinedPercent(ctx, complete);
  checkOneAllocationPerQuarter(ctx, complete);
  checkInitialElections(ctx, complete);
  checkDuplicates(ctx, rows);
  return ctx.findings.sort(compareFindings);
}
