/**
 * The plan sections a participant's statement should explain: the ones behind
 * an account the participant holds or a kind of posting in the period. Worded
 * from the plan text, briefly, for the person who files the statement.
 */
import {
  ALLOCATION_WINDOW_DAYS,
  DISCOUNT_PRICE_THRESHOLD,
  HOLDING_MONTHS,
  MATCH_RATE,
  MAX_DISCOUNT_FRACTION,
  MIN_DISCOUNT_DOLLARS,
  MIN_DISCOUNT_FRACTION,
} from "../engine/constants";
import { dec } from "../engine/decimal";
import type { AccountFigures, ParticipantStatement } from "./statementInput";

export interface PlanSection {
  /** As the plan cites it: "§4.3, §8.1(c)". */
  section: string;
  title: string;
  text: string;
}

const percent = (fraction: string) => `${dec(fraction).times(100).toString()}%`;
const dollars = (amount: string) => `$${dec(amount).toFixed(2)}`;

const UNIT_ACCOUNTS = ["DCA", "CMSA", "CSA"] as const;

/** An account the statement has anything to say about: a balance at either end or any movement in the period. */
function held(account: AccountFigures): boolean {
  return Object.values(account).some((figure) => figure !== 0);
}

/**
 * The sections that apply, in the plan's order. What an Account is (§1.1(a),
 * §8.2) always applies; how it is paid (§7.2(b)) whenever anything is held.
 * The Company Stock Account's two sources (§4.4 and §5.2(d)) cannot be told
 * apart from the statement's totals, so its section names both.
 */
export function planSectionsThatApply(statement: ParticipantStatement): PlanSection[] {
  const { DCA, CMSA, CSA, IA } = statement.accounts;
  const units = UNIT_ACCOUNTS.map((key) => statement.accounts[key]);
  const sections: PlanSection[] = [
    {
      section: "§1.1(a), §8.2",
      title: "The Accounts",
      text: "The Accounts are bookkeeping records of unfunded, unsecured general obligations of the Company; they hold no actual funds or assets.",
    },
  ];
  if (held(DCA)) {
    sections.push({
      section: "§4.2, §8.1(a)",
      title: "Deferred Compensation Account",
      text:
        "Compensation deferred under Article IV is credited in units: the amount divided by the average of the NYSE closing prices for each day " +
        "of the calendar quarter in which it would have been paid, as of the last Business Day of that quarter. Each unit is measured by one share of Common Stock.",
    });
  }
  if (held(CMSA)) {
    sections.push({
      section: "§4.3, §8.1(c)",
      title: "Company Matching Stock Account",
      text:
        `Matching units of ${percent(MATCH_RATE)} (or a greater rate the Compensation Committee sets) of the amounts deferred to the ` +
        "Deferred Compensation Account, at the same quarterly average price, as of the last Business Day of the quarter.",
    });
  }
  if (held(CSA)) {
    sections.push({
      section: "§4.4, §8.1(b), §5.2(d)",
      title: "Company Stock Account",
      text:
        "Discretionary Amounts the Compensation Committee credits, in units at the NYSE closing price on the crediting date (§4.4, §8.1(b)); " +
        "and Investment Account amounts allocated to stock, in units at the closing price on the determination date (§5.2(d)).",
    });
  }
  if (held(IA)) {
    sections.push({
      section: "§5.2(b)",
      title: "Investment Account",
      text:
        "Compensation deferred under Article V is credited in dollars as of the close of business on the day it would have been paid. " +
        "As of the close of each calendar quarter, interest is credited on the quarter's average daily balance at one-fourth of the annual " +
        "prime rate quoted at the beginning of the quarter.",
    });
  }
  if (IA.allocatedOut !== 0) {
    sections.push({
      section: "§5.2(c)",
      title: "Allocations from the Investment Account",
      text:
        `By an irrevocable election within ${ALLOCATION_WINDOW_DAYS} days after the public release of a quarter's results, amounts in the ` +
        "Investment Account may be allocated to the Company Stock Account or to a discounted stock option. The allocation is made on the " +
        "determination date, the last Business Day of that period; allocated amounts earn no further interest.",
    });
  }
  if (statement.options.length > 0) {
    sections.push({
      section: "§5.1, §5.4, §7.2(c)",
      title: "Discounted stock options",
      text:
        "An allocation to an option grants, on the determination date, an option at the closing price less the elected discount " +
        `(at least ${percent(MIN_DISCOUNT_FRACTION)} of a price of ${dollars(DISCOUNT_PRICE_THRESHOLD)} or less, at least ${dollars(MIN_DISCOUNT_DOLLARS)} ` +
        `above it, never more than ${percent(MAX_DISCOUNT_FRACTION)}), on whole shares equal to the amount divided by the discount. ` +
        `An option is not exercisable until the later of ${HOLDING_MONTHS} months after the grant and January 1 of the next year, and it may ` +
        "not be transferred except by will or the laws of descent and distribution. Its value here is the closing price less the exercise price, times the shares.",
    });
  }
  if (units.some(held) || held(IA)) {
    sections.push({
      section: "§7.2(b)",
      title: "Form of distribution",
      text: "Units are paid in shares of Common Stock; the Investment Account is paid in cash.",
    });
  }
  if (units.some((account) => account.dividends !== 0)) {
    sections.push({
      section: "§8.1(d)",
      title: "Dividends",
      text:
        "On each dividend payment date, each unit account is credited with the units that the dividend on its units held at the record date " +
        "could have bought at the closing price on the payment date.",
    });
  }
  if (units.some((account) => account.splitAdjustment !== 0)) {
    sections.push({
      section: "§8.1(e)",
      title: "Stock splits",
      text:
        "Unit balances are adjusted for a stock split, stock dividend or similar change in the outstanding Common Stock. Outstanding options " +
        "are adjusted in the same ratio, in whole shares, with the exercise price changed to keep the spread: the plan does not address options, " +
        "and this is how this statement applies it.",
    });
  }
  return sections;
}
