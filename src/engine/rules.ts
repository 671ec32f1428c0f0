/**
 * Every finding rule, declared once: its id, the plan section it cites, the
 * severity it is raised at, and one sentence of what it checks. The
 * validator, the statement replay, the reserve, payouts, claims and Change in
 * Control readers raise findings by naming an entry here; the README's rule
 * table and the task pane's rule list are read from it.
 *
 * A finding takes its section and severity from its entry, through
 * `declaredAs`: a check may cite a more particular section (`cites`), and a
 * rule that declares an `unchecked` severity is raised at it when its check
 * could not be made; nothing else differs from the table. Ids are
 * allocated by family and never reused: validation E01–E16 (docs/RULES.md),
 * statement S01–S09, reserve R01–R09,
 * payouts P01–P09, claims C01–C09, Change in Control H01–H10, tables T01–T02.
 */
import type { Severity } from "./findings";

export interface Rule {
  readonly id: string;
  /** Plan section(s), e.g. "4.2(a),(b); 5.3(a),(b)"; "—" where the rule is about the sheet itself. */
  readonly section: string;
  readonly severity: Severity;
  /** Where set, the severity a finding is raised at when its check could not be made (E11 with no close to check against). */
  readonly unchecked?: Severity;
  /** One sentence: what the rule checks. */
  readonly checks: string;
}

type DeclaredTable<T> = { readonly [K in keyof T & string]: Rule & { readonly id: K } };

function declare<const T extends Record<string, Omit<Rule, "id">>>(rules: T): DeclaredTable<T> {
  return Object.fromEntries(Object.entries(rules).map(([id, rule]) => [id, { id, ...rule }])) as DeclaredTable<T>;
}

export const RULES = declare({
  // Election sheets (docs/RULES.md, "Election sheet rules").
  E01: {
    section: "—",
    severity: "error",
    checks: "Required columns are present and each row has a participant, a known election type and a valid election date.",
  },
  E02: {
    section: "4.2(a),(b); 5.3(a),(b)",
    severity: "error",
    checks: "A salary deferral is filed in the calendar year before its Plan Year, on or before December 30.",
  },
  E03: {
    section: "4.2(c); 5.3(c)",
    severity: "error",
    checks: "A bonus deferral is filed on or before December 31 before the calendar year in which the bonus's fiscal year ends.",
  },
  E04: {
    section: "4.2(d); 5.3(d)",
    severity: "error",
    checks: "A newly eligible participant's election is filed within 30 days after eligibility, a bonus election also 6 months before the payable date.",
  },
  E05: {
    section: "4.2(e); 5.3(e)",
    severity: "error",
    checks: "An election for the plan's first year is filed within 30 days after 2002-07-18, a bonus election also 6 months before the payable date.",
  },
  E06: { section: "4.1", severity: "error", checks: "A deferral percent is above 0% and at most 100%." },
  E07: {
    section: "5.3(a),(c)",
    severity: "error",
    checks: "Art. IV and Art. V percents of one participant, year and kind of compensation total at most 100%.",
  },
  E08: { section: "3.1, 3.2", severity: "error", checks: "An election is not filed before the participant's eligibility date." },
  E09: { section: "5.2(c)", severity: "error", checks: "An allocation is filed in the 10 days after the release date and names its amount." },
  E10: { section: "5.2(c)", severity: "error", checks: "A participant makes at most one allocation a fiscal quarter; every later one is void." },
  E11: {
    section: "5.1",
    severity: "error",
    unchecked: "warning",
    checks: "An option allocation's discount is within the §5.1 bounds at the closing price on the determination date (a warning when it cannot be checked).",
  },
  E12: { section: "7.1(f)", severity: "error", checks: "An elected distribution date is at least 13 months after the election's effective date." },
  E13: { section: "7.1(f)", severity: "error", checks: "A distribution-date election is filed with the participant's initial elections." },
  E14: { section: "4.2(b),(c); 5.2(e)", severity: "warning", checks: "The Committee approved the election (Y)." },
  E15: { section: "—", severity: "warning", checks: "No row repeats another exactly." },
  E16: { section: "—", severity: "error", checks: "Every cell can be read as its column expects (a date, a number, text)." },

  // The statement replay of the plan records (docs/STATEMENT.md, "Findings").
  S01: {
    section: "5.2(c)",
    severity: "error",
    checks: "An allocation is no larger than the Investment Account held at the close of the day before its determination date.",
  },
  S02: { section: "—", severity: "error", checks: "Every cell a record needs is present and readable, and an amount is above zero." },
  S03: { section: "8.1; 5.2(b),(d); 5.4", severity: "error", checks: "The closing price or prime rate a record needs is in the tables." },
  S04: { section: "4.3, 5.1", severity: "error", checks: "A Match Rate or a Discount is one the plan allows." },
  S05: {
    section: "3.3, 7.3, 15.1, 15.2",
    severity: "error",
    checks: "No credit falls inside a stop window (suspension, withdrawal, termination, exhausted reserve; PAYOUT.md §7).",
  },
  S06: { section: "—", severity: "warning", checks: "A row holds no value its kind does not use." },
  S07: { section: "—", severity: "warning", checks: "A participant is spelled one way throughout the records." },
  S08: {
    section: "13.8, 5.1, 6.3; 8.1; 5.2(b),(d); 5.4",
    severity: "error",
    checks: "An Activity amount, a dividend per share or a split ratio is within what the plan could hold (engine/plausibility.ts).",
  },
  S09: { section: "—", severity: "warning", checks: "An Activity, Dividends or Splits row does not repeat an earlier one exactly." },

  // The share reserve (§13.8, §15.2, §5.4(c)).
  R01: { section: "13.8", severity: "error", checks: "A Ledger row is readable and of a known kind, with a quantity its kind allows." },
  R02: {
    section: "13.8; 8.1(a),(c)",
    severity: "error",
    checks: "A Credits row is readable and its quarter has every closing price, so its units can be counted.",
  },
  R03: { section: "13.8", severity: "error", checks: "An Activity record the reserve counts can be replayed." },
  R04: { section: "5.4", severity: "error", checks: "An option row grants whole shares." },
  R05: {
    section: "13.8, 6.3, 5.1",
    severity: "error",
    checks: "A Ledger quantity, split or exercise price, or a Credits amount, is within what the reserve could hold (engine/plausibility.ts).",
  },
  R06: { section: "13.8", severity: "warning", checks: "A Ledger row does not repeat an earlier one exactly." },
  R07: { section: "—", severity: "warning", checks: "A participant is spelled one way on the Ledger and Credits sheets." },
  R08: { section: "13.8, 15.2, 5.4(c)", severity: "error", checks: "A credit or an option grant takes no more shares than remain in the reserve." },
  R09: { section: "13.8", severity: "warning", checks: "A Ledger row's Reported Remaining is the remaining the reserve computes." },

  // Payouts and withdrawals (docs/PAYOUT.md).
  P01: { section: "—", severity: "error", checks: "Every cell of the Payouts, Holdings and Withdrawals sheets can be read." },
  P02: { section: "—", severity: "warning", checks: "A row holds no value it does not use (a Source on a DCA row)." },
  P03: { section: "7.1", severity: "error", checks: "A participant's payout can be computed." },
  P04: { section: "7.2(a), 10.2", severity: "error", checks: "The closing price a payout or withdrawal needs is in the Prices sheet." },
  P05: { section: "7.1(f)", severity: "error", checks: "An elected distribution date is no earlier than 13 months after the election." },
  P06: { section: "7.1", severity: "warning", checks: "A participant has a Distributable Event, so something is payable." },
  P07: { section: "10.2", severity: "warning", checks: "Withholding is as elected: a cash election received before the event, the tax within the shares." },
  P08: { section: "9.2, 9.3", severity: "warning", checks: "The payee is known: an accepted beneficiary form, a conservator for an incompetent payee." },
  P09: { section: "7.3", severity: "error", checks: "A withdrawal can be computed." },

  // Claims deadlines (§12.3; docs/PAYOUT.md §8).
  C01: { section: "—", severity: "error", checks: "Every cell of the Claims sheet can be read." },
  C02: { section: "12.3(f)", severity: "warning", checks: "A claim is filed within the one-year limit." },
  C03: { section: "12.3(b)", severity: "warning", checks: "A review is requested within the time allowed after the denial." },
  C04: { section: "12.3(a)(ii), (d)", severity: "warning", checks: "A decision on the claim is made by its due date." },
  C05: { section: "12.3(c)", severity: "warning", checks: "A decision on review is made by its due date (else the claim is deemed denied)." },
  C06: { section: "12.3(d)", severity: "warning", checks: "An extension notice extends a deadline still open." },
  C07: { section: "12.3(b)", severity: "warning", checks: "A Disability claim's 60-day appeal window under the plan is flagged against DOL's 180 days." },
  C08: { section: "12.3(h)", severity: "warning", checks: "A window for legal action remains." },
  C09: { section: "12.3", severity: "error", checks: "A claim's dates are in order, so its deadlines can be computed." },

  // Change in Control (§1.1(e), §13.4; docs/PAYOUT.md §9).
  H01: { section: "—", severity: "error", checks: "Every cell of the CIC Events sheet can be read." },
  H02: { section: "1.1(e)", severity: "error", checks: "An event's Type and Exemption are ones the plan names." },
  H03: { section: "1.1(e)", severity: "error", checks: "A percentage is within 0-100% and board figures are possible." },
  H04: { section: "1.1(e)", severity: "error", checks: "Every figure an event's test needs is given." },
  H05: { section: "—", severity: "error", checks: "Every cell of the Trust sheet can be read." },
  H06: { section: "—", severity: "error", checks: "Every Holdings row can be read." },
  H07: { section: "13.4(b)", severity: "error", checks: "A closing price values the Accounts on the Change in Control day." },
  H08: { section: "13.4(a), 8.1(f)", severity: "warning", checks: "A Trust is established to fund." },
  H09: { section: "1.1(e)", severity: "warning", checks: "The Trust's Change in Control date is the events' date." },
  H10: { section: "—", severity: "warning", checks: "A Holdings row holds no value it does not use (a Source on a DCA row)." },

  // Every sheet read.
  T01: { section: "—", severity: "warning", checks: "No value lies outside the table read from a sheet." },
  T02: { section: "—", severity: "warning", checks: "A header names one column of a table (of two with one name, the first is read)." },
});

export type RuleId = keyof typeof RULES;

/** The ids of one family, e.g. `RuleIdOf<"S">` for the statement's. */
export type RuleIdOf<Letter extends string> = Extract<RuleId, `${Letter}${string}`>;

/** The declared rules in table order. */
export const ALL_RULES: readonly Rule[] = Object.values(RULES);

/** A family's rules (ids starting with `letter`), in order. */
export function rulesOf(letter: string): Rule[] {
  return ALL_RULES.filter((rule) => rule.id.startsWith(letter));
}

/** The rule, section and severity a finding carries. */
export interface Declared {
  rule: string;
  section: string;
  severity: Severity;
}

/** The two ways a raise site may differ from its rule's entry. */
export interface Raising {
  /**
   * The section the check cites, a part of the rule's whole reach: E02 on a
   * §5.3(a) row cites "5.3(a)"; a rule about the sheet itself ("—") cites
   * the provision that governs the cell (an Activity amount, its kind's).
   */
  cites?: string;
  /** The check could not be made: the finding is at the rule's `unchecked` severity. */
  unchecked?: boolean;
}

/** A finding's rule, section and severity as `rule` declares them (see `Raising` for the two exceptions). */
export function declaredAs(rule: Rule, raising: Raising = {}): Declared {
  const severity = raising.unchecked && rule.unchecked !== undefined ? rule.unchecked : rule.severity;
  return { rule: rule.id, section: raising.cites ?? rule.section, severity };
}
