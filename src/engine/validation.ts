/**
 * The election-sheet rules E01–E15 of RULES.md over typed rows (E16, a cell
 * that cannot be read, is found where cells are read: `sheets/elections.ts`).
 * Each finding names its row, column, rule and section in words HR reads
 * without the plan open.
 */
import { electionWindowEnd } from "./calendar";
import {
  ALLOCATION_WINDOW_DAYS,
  BONUS_ELECTION_LEAD_MONTHS,
  ELECTED_DISTRIBUTION_MONTHS,
  FIRST_YEAR_ELECTION_DAYS,
  MAX_DEFERRAL_FRACTION,
  NEW_PARTICIPANT_ELECTION_DAYS,
  PLAN_EFFECTIVE_DATE,
} from "./constants";
import { dateParts, isoDate, quarterLabel, type IsoDate, type Quarter } from "./dates";
import { type Decimal, ZERO } from "./decimal";
import { earliestElectedDistribution } from "./distributionTerms";
import {
  allocationWindow,
  bonusElectionLatest,
  quarterReleased,
  electionWindow,
  isJanuaryFirst,
  newParticipantDeadline,
  type CompensationKind,
} from "./elections";
import { PlanError } from "./errors";
import { compareFindings, type Finding } from "./findings";
import { declaredAs, RULES, type Raising, type Rule } from "./rules";
import { capitalize, formatPercent, shortName } from "./format";
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
  return (Object.keys(ELECTION_TYPES) as ElectionType[]).find((code) => code.toLowerCase() === wanted || ELECTION_TYPES[code].label.toLowerCase() === wanted);
}

export type ElectionField =
  | "participant"
  | "type"
  | "electionDate"
  | "planYear"
  | "percent"
  | "eligibilityDate"
  | "fyEnd"
  | "payable"
  | "release"
  | "quarter"
  | "amount"
  | "discount"
  | "distributionDate"
  | "effectiveDate"
  | "approved";

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

/** A finding with the field it is about, so a sheet places it on that field's cell. */
export interface ElectionFinding extends Finding {
  field: ElectionField;
}

const percent = (value: Decimal) => `${value.times(100).toDecimalPlaces(4).toString()}%`;

/** A row with what every rule needs: a participant, a known type and an election date (E01). */
interface CompleteRow extends ElectionRow {
  participant: string;
  type: ElectionType;
  electionDate: IsoDate;
}

function isComplete(row: ElectionRow): row is CompleteRow {
  return row.participant !== undefined && row.type !== undefined && row.electionDate !== undefined;
}

interface Context {
  settings: ElectionSettings;
  label: ColumnLabels;
  findings: ElectionFinding[];
}

/** A finding of `rule` on the row's `field`, as the rule declares it (`raising`: a narrower section cited, or a check not made). */
function report(ctx: Context, row: ElectionRow, field: ElectionField, rule: Rule, message: string, raising: Raising = {}): void {
  ctx.findings.push({ row: row.row, column: ctx.label(field), field, ...declaredAs(rule, raising), message });
}

/** E01: what a row lacks of a participant, a known type and an election date; such a row is checked no further. */
function reportIncomplete(ctx: Context, row: ElectionRow): void {
  if (row.participant === undefined && !row.unreadable.has("participant")) {
    report(ctx, row, "participant", RULES.E01, "The row has no participant; every election names one.");
  }
  if (row.type === undefined) {
    if (row.unknownType !== undefined) {
      const known = Object.entries(ELECTION_TYPES)
        .map(([code, info]) => `${info.label} (${code})`)
        .join(", ");
      report(ctx, row, "type", RULES.E01, `Election type "${row.unknownType}" is not one the plan has; use one of: ${known}.`);
    } else if (!row.unreadable.has("type")) {
      report(ctx, row, "type", RULES.E01, "The row has no election type.");
    }
  }
  if (row.electionDate === undefined && !row.unreadable.has("electionDate")) {
    report(ctx, row, "electionDate", RULES.E01, "The row has no election date (the day it was filed).");
  }
}

/** E08: nobody elects before becoming eligible (§3.1, §3.2). */
function checkEligibility(ctx: Context, row: CompleteRow): void {
  if (row.eligibilityDate !== undefined && row.electionDate < row.eligibilityDate) {
    report(ctx, row, "electionDate", RULES.E08, `Filed ${row.electionDate}, before the participant became eligible on ${row.eligibilityDate} (§3.1, §3.2).`);
  }
}

/** E06: a deferral percent in (0%, 100%] (§4.1). */
function checkPercent(ctx: Context, row: CompleteRow): void {
  const p = row.percent;
  if (p === undefined) {
    if (!row.unreadable.has("percent"))
      report(
        ctx,
        row,
        "percent",
        RULES.E06,
        `The percent deferred is blank; a deferral needs a percent above 0% and at most ${formatPercent(MAX_DEFERRAL_FRACTION)} (§4.1).`,
      );
    return;
  }
  if (!p.greaterThan(0)) {
    report(ctx, row, "percent", RULES.E06, `Percent ${percent(p)} defers nothing; a deferral must be above 0% (§4.1).`);
  } else if (p.greaterThan(MAX_DEFERRAL_FRACTION)) {
    const hint = p.greaterThanOrEqualTo(2)
      ? ` If ${p.toString()}% was meant, enter it as a percent (${p.toString()}%) or a fraction (${p.dividedBy(100).toString()}).`
      : "";
    report(ctx, row, "percent", RULES.E06, `Percent ${percent(p)} is more than the ${formatPercent(MAX_DEFERRAL_FRACTION)} the plan allows (§4.1).${hint}`);
  }
}

/** A deferral row: its article and the kind of compensation it defers. */
interface Deferral {
  article: "IV" | "V";
  compensation: CompensationKind;
}

function deferralOf(type: ElectionType): Deferral | undefined {
  const { article, compensation } = ELECTION_TYPES[type];
  return article !== undefined && compensation !== undefined ? { article, compensation } : undefined;
}

/**
 * The subsection of the deferral's own article: Art. IV elections are
 * governed by §4.2, Art. V elections by its twin §5.3, letter for letter.
 */
function deferralSection(deferral: Deferral, subsections: string): string {
  return `${deferral.article === "IV" ? "4.2" : "5.3"}${subsections}`;
}

/** The fiscal year end of the bonus a bonus deferral defers: the column, or the settings' fiscal year end in the Plan Year. */
function bonusFiscalYearEnd(ctx: Context, row: ElectionRow): IsoDate | undefined {
  if (row.fyEnd !== undefined) return row.fyEnd;
  if (row.planYear === undefined) return undefined;
  const { month, day } = ctx.settings.fiscalYearEnd;
  return isoDate(row.planYear, month, day);
}

/** The compensation year of a deferral: the Plan Year for salary, the year the bonus's fiscal year ends for a bonus. */
function compensationYear(ctx: Context, row: ElectionRow, deferral: Deferral): number | undefined {
  if (deferral.compensation === "salary") return row.planYear;
  const fyEnd = bonusFiscalYearEnd(ctx, row);
  return fyEnd === undefined ? undefined : dateParts(fyEnd).year;
}

/** §4.2(d),(e): a bonus election at least six months before the bonus is payable. */
function checkBonusLead(ctx: Context, row: CompleteRow, rule: Rule, section: string): void {
  if (row.payable === undefined) {
    if (!row.unreadable.has("payable")) {
      report(
        ctx,
        row,
        "payable",
        rule,
        `Bonus Payable Date is blank; a bonus election under §${section} must be filed at least ${BONUS_ELECTION_LEAD_MONTHS} months before the bonus is payable.`,
        { cites: section },
      );
    }
    return;
  }
  const latest = bonusElectionLatest(row.payable);
  if (row.electionDate > latest) {
    report(
      ctx,
      row,
      "electionDate",
      rule,
      `Filed ${row.electionDate}, less than ${BONUS_ELECTION_LEAD_MONTHS} months before the bonus is payable on ${row.payable}; it had to be filed by ${latest} (§${section}).`,
      { cites: section },
    );
  }
}

/** E02–E05: the filing window of a deferral election, under the one rule that governs it. */
function checkDeferralDeadline(ctx: Context, row: CompleteRow, deferral: Deferral): void {
  const filed = row.electionDate;
  const effective = ctx.settings.planEffectiveDate;
  const salary = deferral.compensation === "salary";
  const annualRule = salary ? RULES.E02 : RULES.E03;
  const annualSection = deferralSection(deferral, salary ? "(a)" : "(c)");
  const year = compensationYear(ctx, row, deferral);
  if (year === undefined) {
    const field = salary || row.unreadable.has("planYear") ? "planYear" : "fyEnd";
    if (!row.unreadable.has("planYear") && !row.unreadable.has("fyEnd")) {
      const what = salary
        ? "Plan Year is blank; a salary deferral names the calendar year it defers"
        : "Plan Year and Bonus Fiscal Year End are blank; a bonus deferral names the fiscal year whose bonus it defers";
      report(ctx, row, field, annualRule, `${what}.`, { cites: annualSection });
    }
    return;
  }
  const what = salary ? `salary deferrals for ${year}` : `bonus deferrals for the fiscal year ending ${bonusFiscalYearEnd(ctx, row)}`;

  // §4.2(d)/§5.3(d): newly eligible on a day other than January 1, electing for that year's compensation.
  const eligible = row.eligibilityDate;
  if (eligible !== undefined && !isJanuaryFirst(eligible) && dateParts(eligible).year === year && eligible > effective) {
    const section = deferralSection(deferral, "(d)");
    const deadline = newParticipantDeadline(eligible);
    if (filed > deadline) {
      report(
        ctx,
        row,
        "electionDate",
        RULES.E04,
        `Became eligible ${eligible}; the election had to be filed within ${NEW_PARTICIPANT_ELECTION_DAYS} days, by ${deadline}, but was filed ${filed} (§${section}).`,
        { cites: section },
      );
    }
    if (!salary) checkBonusLead(ctx, row, RULES.E04, section);
    return;
  }
  const firstYear = dateParts(effective).year;
  if (year < firstYear) {
    report(
      ctx,
      row,
      salary ? "planYear" : "fyEnd",
      annualRule,
      `${salary ? "Plan Year" : "The bonus's fiscal year"} ${year} is before the plan's first year, ${firstYear}.`,
      { cites: annualSection },
    );
    return;
  }
  const { opens, closes } = electionWindow(deferral.compensation, year, effective);
  const beforeEffective = (section: string) =>
    `Filed ${filed}, before the plan took effect on ${effective}; ${what} could be filed from ${effective} through ${closes} (§${section}).`;
  // §4.2(e)/§5.3(e): the plan's first year.
  if (year === firstYear) {
    const section = deferralSection(deferral, "(e)");
    if (filed < opens) {
      report(ctx, row, "electionDate", RULES.E05, beforeEffective(section), { cites: section });
    } else if (filed > closes) {
      report(
        ctx,
        row,
        "electionDate",
        RULES.E05,
        `Filed ${filed}; ${what} had to be filed within ${FIRST_YEAR_ELECTION_DAYS} days after the plan took effect on ${effective}, by ${closes} (§${section}).`,
        { cites: section },
      );
    }
    if (!salary) checkBonusLead(ctx, row, RULES.E05, section);
    return;
  }
  const section = deferralSection(deferral, salary ? "(a),(b)" : "(c)");
  if (filed > closes) {
    const why = salary ? "" : ", before the calendar year in which that fiscal year ends";
    report(ctx, row, "electionDate", annualRule, `Filed ${filed}; ${what} had to be filed by ${closes}${why} (§${annualSection}).`, { cites: section });
  } else if (filed < effective) {
    report(ctx, row, "electionDate", annualRule, beforeEffective(annualSection), { cites: section });
  } else if (filed < opens) {
    report(
      ctx,
      row,
      "electionDate",
      annualRule,
      `Filed ${filed}; a salary election applies to the calendar year after the one it is filed in, so ${what} must be filed in ${year - 1}, by ${closes} (§${annualSection}).`,
      { cites: section },
    );
  }
}

/**
 * E09, E11: an allocation of an amount credited to the Investment Account,
 * for the quarter whose results were released, inside the ten days after the
 * release; and an option discount within §5.1.
 */
function checkAllocation(ctx: Context, row: CompleteRow): void {
  checkAllocationAmount(ctx, row);
  if (row.release === undefined) {
    if (!row.unreadable.has("release"))
      report(
        ctx,
        row,
        "release",
        RULES.E09,
        `Release Date is blank; an allocation is filed in the ${ALLOCATION_WINDOW_DAYS} days after the quarter's results are released (§5.2(c)).`,
      );
    return;
  }
  const released = quarterReleased(row.release);
  if (row.quarter !== undefined && quarterLabel(row.quarter) !== quarterLabel(released)) {
    report(
      ctx,
      row,
      "quarter",
      RULES.E09,
      `Fiscal Quarter ${quarterLabel(row.quarter)} is not the quarter whose results the release of ${row.release} published (${quarterLabel(released)}); an allocation is made in the ${ALLOCATION_WINDOW_DAYS} days after the release of its own quarter's results (§5.2(c)).`,
    );
  }
  const filed = row.electionDate;
  const { opens, closes } = allocationWindow(row.release);
  if (filed < opens || filed > closes) {
    report(
      ctx,
      row,
      "electionDate",
      RULES.E09,
      `Filed ${filed}; allocations after the release of ${row.release} had to be filed ${opens} through ${closes}, the ${ALLOCATION_WINDOW_DAYS} days following it (§5.2(c)).`,
    );
  }
  if (ELECTION_TYPES[row.type].allocation === "option") checkDiscount(ctx, row, row.release);
}

/** E09: an allocation moves an amount credited to the Investment Account, so more than $0 (§5.2(c)). */
function checkAllocationAmount(ctx: Context, row: CompleteRow): void {
  if (row.amount === undefined) {
    if (!row.unreadable.has("amount"))
      report(ctx, row, "amount", RULES.E09, "Amount is blank; an allocation names the dollars it moves from the Investment Account (§5.2(c)).");
  } else if (!row.amount.greaterThan(0)) {
    report(
      ctx,
      row,
      "amount",
      RULES.E09,
      `Amount ${row.amount.toString()} allocates nothing; an allocation moves more than $0 credited to the Investment Account (§5.2(c)).`,
    );
  }
}

/** E11: an option allocation's discount within §5.1, at the close on the determination date. */
function checkDiscount(ctx: Context, row: CompleteRow, release: IsoDate): void {
  if (row.discount === undefined) {
    if (!row.unreadable.has("discount"))
      report(ctx, row, "discount", RULES.E11, "Discount is blank; an option allocation names the discount from the fair market value (§5.1).");
    return;
  }
  let determination: IsoDate;
  try {
    determination = electionWindowEnd(release);
  } catch (error) {
    if (error instanceof PlanError) return report(ctx, row, "release", RULES.E11, `Discount not checked: ${error.message}.`, { unchecked: true });
    throw error;
  }
  if (ctx.settings.prices === undefined) {
    report(
      ctx,
      row,
      "discount",
      RULES.E11,
      `Discount not checked against §5.1: there is no Prices table to give the close on the determination date, ${determination}.`,
      { unchecked: true },
    );
    return;
  }
  let fmv: Decimal;
  try {
    fmv = ctx.settings.prices.closePrice(determination);
  } catch {
    report(ctx, row, "discount", RULES.E11, `Discount not checked against §5.1: the Prices table has no close for the determination date, ${determination}.`, {
      unchecked: true,
    });
    return;
  }
  const problem = discountProblem(fmv, row.discount.value, row.discount.type);
  if (problem) {
    report(ctx, row, "discount", RULES.E11, `${capitalize(problem)}: the close on ${determination}, the determination date, was $${fmv.toFixed(2)} (§5.1).`);
  }
}

/** E12: an elected distribution date at least thirteen months after the election takes effect (§7.1(f)). */
function checkDistributionDate(ctx: Context, row: CompleteRow): void {
  if (row.distributionDate === undefined) {
    if (!row.unreadable.has("distributionDate")) report(ctx, row, "distributionDate", RULES.E12, "Elected Distribution Date is blank.");
    return;
  }
  const effective = row.effectiveDate ?? row.electionDate;
  const earliest = earliestElectedDistribution(effective);
  if (row.distributionDate < earliest) {
    report(
      ctx,
      row,
      "distributionDate",
      RULES.E12,
      `Distribution date ${row.distributionDate} is less than ${ELECTED_DISTRIBUTION_MONTHS} months after the election takes effect on ${effective}; the earliest allowed is ${earliest} (§7.1(f)).`,
    );
  }
}

/** E07: Art. IV and Art. V together at most 100% of one kind of compensation for one year (§5.3(a),(c)). */
function checkCombinedPercent(ctx: Context, rows: readonly CompleteRow[]): void {
  interface Group {
    compensation: CompensationKind;
    year: number;
    rows: CompleteRow[];
    total: Decimal;
  }
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const deferral = deferralOf(row.type);
    if (deferral === undefined || row.percent === undefined || !row.percent.greaterThan(0)) continue;
    const year = compensationYear(ctx, row, deferral);
    if (year === undefined) continue;
    const key = `${row.participant.toLowerCase()}\u001f${deferral.compensation}\u001f${year}`;
    const group = groups.get(key) ?? { compensation: deferral.compensation, year, rows: [], total: ZERO };
    group.rows.push(row);
    group.total = group.total.plus(row.percent);
    groups.set(key, group);
  }
  for (const { compensation, year, rows: group, total } of groups.values()) {
    if (total.lessThanOrEqualTo(MAX_DEFERRAL_FRACTION) || group.length < 2) continue;
    const last = group[group.length - 1];
    const section = compensation === "salary" ? "5.3(a)" : "5.3(c)";
    report(
      ctx,
      last,
      "percent",
      RULES.E07,
      `${shortName(last.participant)}'s ${compensation} deferrals for ${year} add up to ${percent(total)} (rows ${group.map((r) => r.row).join(", ")}); Art. IV and Art. V together may not exceed ${formatPercent(MAX_DEFERRAL_FRACTION)} (§${section}).`,
      { cites: section },
    );
  }
}

/**
 * The fiscal quarter an allocation is for: the one its release published,
 * else the column (RULES.md). The release decides: a Fiscal Quarter that
 * disagrees with it is E09, and must not move the row out of the quarter it
 * was filed in and past E10.
 */
function allocationQuarter(row: ElectionRow): Quarter | undefined {
  return row.release !== undefined ? quarterReleased(row.release) : row.quarter;
}

function byFilingOrder(a: CompleteRow, b: CompleteRow): number {
  return a.electionDate < b.electionDate ? -1 : a.electionDate > b.electionDate ? 1 : a.row - b.row;
}

/**
 * E10: one allocation per participant per fiscal quarter; the first valid one
 * is irrevocable and later ones are void (§5.2(c)). A row that failed its own
 * checks (filed outside the window, say) was never an election, so it voids
 * nothing.
 */
function checkOneAllocationPerQuarter(ctx: Context, rows: readonly CompleteRow[], valid: (row: CompleteRow) => boolean): void {
  const allocations = rows.filter((row) => ELECTION_TYPES[row.type].allocation !== undefined).sort(byFilingOrder);
  const first = new Map<string, CompleteRow>();
  for (const row of allocations) {
    const quarter = allocationQuarter(row);
    if (quarter === undefined) continue;
    const label = quarterLabel(quarter);
    const key = `${row.participant.toLowerCase()}\u001f${label}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      if (valid(row)) first.set(key, row);
      continue;
    }
    report(
      ctx,
      row,
      row.quarter !== undefined ? "quarter" : "electionDate",
      RULES.E10,
      `A second allocation by ${shortName(row.participant)} for fiscal quarter ${label}; the first, on row ${earlier.row} (filed ${earlier.electionDate}), is irrevocable, so this one is void (§5.2(c)).`,
    );
  }
}

/**
 * E13: a distribution-date election is made only with the participant's
 * initial elections (§7.1(f)): the date of their earliest valid deferral
 * election. A deferral that failed its own checks was not an initial election.
 */
function checkInitialElections(ctx: Context, rows: readonly CompleteRow[], valid: (row: CompleteRow) => boolean): void {
  const initial = new Map<string, IsoDate>();
  for (const row of rows) {
    if (deferralOf(row.type) === undefined || !valid(row)) continue;
    const key = row.participant.toLowerCase();
    const known = initial.get(key);
    if (known === undefined || row.electionDate < known) initial.set(key, row.electionDate);
  }
  for (const row of rows) {
    if (row.type !== "DIST-DATE") continue;
    const first = initial.get(row.participant.toLowerCase());
    if (first !== undefined && row.electionDate !== first) {
      report(
        ctx,
        row,
        "electionDate",
        RULES.E13,
        `Distribution-date election filed ${row.electionDate}, but ${shortName(row.participant)}'s initial elections were filed ${first}; a distribution date can only be elected with them (§7.1(f)).`,
      );
    }
  }
}

/** E14: elections the Committee has not approved (§4.2(b),(c); §5.2(e)). */
function checkApproval(ctx: Context, row: CompleteRow): void {
  if (!ctx.settings.hasApprovalColumn || row.approved === true || row.unreadable.has("approved")) return;
  const state = row.approved === false ? `marked "N"` : "blank";
  report(ctx, row, "approved", RULES.E14, `Committee approval is ${state}; the election takes effect only once the Committee approves it.`);
}

/** E15: exact duplicate rows. */
function checkDuplicates(ctx: Context, rows: readonly ElectionRow[]): void {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const first = seen.get(row.signature);
    if (first === undefined) seen.set(row.signature, row.row);
    else report(ctx, row, "participant", RULES.E15, `This row repeats row ${first} exactly; remove one so the election is not counted twice.`);
  }
}

/** The row's own rules, those that judge it alone. */
function checkRow(ctx: Context, row: CompleteRow): void {
  checkEligibility(ctx, row);
  const deferral = deferralOf(row.type);
  if (deferral !== undefined) {
    checkPercent(ctx, row);
    checkDeferralDeadline(ctx, row, deferral);
  } else if (row.type === "DIST-DATE") {
    checkDistributionDate(ctx, row);
  } else {
    checkAllocation(ctx, row);
  }
  checkApproval(ctx, row);
}

/** Every finding of rules E01–E15 over the rows, in row order. */
export function validateElections(rows: readonly ElectionRow[], settings: ElectionSettings, label: ColumnLabels): ElectionFinding[] {
  const ctx: Context = { settings, label, findings: [] };
  const complete: CompleteRow[] = [];
  // A row is valid when neither the reader (E16) nor its own rules found an error in it; rules across rows (E10, E13) count only valid rows.
  const invalid = new Set<CompleteRow>();
  for (const row of rows) {
    if (!isComplete(row)) {
      reportIncomplete(ctx, row);
      continue;
    }
    complete.push(row);
    const before = ctx.findings.length;
    checkRow(ctx, row);
    if (row.unreadable.size > 0 || ctx.findings.slice(before).some((finding) => finding.severity === "error")) invalid.add(row);
  }
  const valid = (row: CompleteRow) => !invalid.has(row);
  checkCombinedPercent(ctx, complete);
  checkOneAllocationPerQuarter(ctx, complete, valid);
  checkInitialElections(ctx, complete, valid);
  checkDuplicates(ctx, rows);
  return ctx.findings.sort(compareFindings);
}
