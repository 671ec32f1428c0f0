/**
 * The plan's terms, each with its section, so an amendment is a one-line change
 * (RULES.md, "Terms"). Money and rates are decimal strings.
 */
import type { IsoDate } from "./dates";

/** Preamble: the plan is effective July 18, 2002. */
export const PLAN_EFFECTIVE_DATE: IsoDate = "2002-07-18";
/** §4.2(e): first-year elections within thirty days after the effective date. */
export const FIRST_YEAR_ELECTION_DAYS = 30;
/** §4.2(d), §5.3(d): a newly eligible employee elects within thirty days. */
export const NEW_PARTICIPANT_ELECTION_DAYS = 30;
/** §4.2(d),(e): a bonus election at least six months before the bonus is payable. */
export const BONUS_ELECTION_LEAD_MONTHS = 6;

/** §13.8: shares reserved for the plan, adjusted for splits. */
export const SHARE_RESERVE = 6_000_000;

/** §4.3: the match credited on Art. IV deferrals (the Committee may set a greater rate). */
export const MATCH_RATE = "0.10";
/** FUNCTIONS.md: a match rate above 100% is refused as a slip (15 typed for 15%), not credited. */
export const MAX_MATCH_RATE = "1";

/** §4.1, §5.3(a),(c): at most 100% of Eligible Compensation or of a Bonus Award. */
export const MAX_DEFERRAL_FRACTION = "1";

/** §5.1: the discount is at least 10% of a price at or below $10.00 ... */
export const DISCOUNT_PRICE_THRESHOLD = "10.00";
export const MIN_DISCOUNT_FRACTION = "0.10";
/** ... at least $1.00 per share above $10.00 ... */
export const MIN_DISCOUNT_DOLLARS = "1.00";
/** ... and never more than 50% of the price. */
export const MAX_DISCOUNT_FRACTION = "0.50";

/** §5.2(c),(d), §5.4(a): the election period is the ten days following the release of results. */
export const ALLOCATION_WINDOW_DAYS = 10;

/** §7.2(c)(ii), §7.1(f): six months (and the next January 1) before options vest or stock amounts may be distributed. */
export const HOLDING_MONTHS = 6;

/** §7.1(f): an elected distribution date is at least thirteen months after the election. */
export const ELECTED_DISTRIBUTION_MONTHS = 13;

/** §7.2(a): distributions are made on the first day of the second month after the event's month. */
export const DISTRIBUTION_MONTHS_AFTER_EVENT = 2;

/** §7.3: withdrawals in 25% increments, a 10% penalty, six months out per increment. */
export const WITHDRAWAL_INCREMENT = "0.25";
export const WITHDRAWAL_PENALTY_RATE = "0.10";
export const NONPARTICIPATION_MONTHS_PER_INCREMENT = 6;

/** FUNCTIONS.md: units are shown to six decimals unless a formula asks otherwise. */
export const DEFAULT_UNIT_PLACES = 6;
/** Reading 10: the exercise price is shown to four decimals. */
export const OPTION_PRICE_PLACES = 4;

/** Retention agreement ¶1: effective on the date it was made, November 6, 2001; nothing before it falls under it. */
export const RETENTION_AGREEMENT_DATE: IsoDate = "2001-11-06";
/** Retention agreement ¶2: the two installments. */
export const RETENTION_INSTALLMENTS: ReadonlyArray<{ date: IsoDate; amount: string; paragraph: string }> = [
  { date: "2002-06-30", amount: "66000.00", paragraph: "¶2(a)" },
  { date: "2002-12-31", amount: "132000.00", paragraph: "¶2(b)" },
];
/** Retention agreement ¶3: paid on or within three business days after the date. */
export const RETENTION_PAYMENT_BUSINESS_DAYS = 3;
/** Retention agreement ¶3: unpaid amounts bear interest at ten percent per annum (simple, actual/365, reading 12). */
export const RETENTION_LATE_INTEREST_RATE = "0.10";
export const DAYS_PER_YEAR = 365;

/** §12.4: a participant not located within three years after payment may be made is paid as though dead at its end ... */
export const UNLOCATED_PARTICIPANT_YEARS = 3;
/** ... and a designated beneficiary not located within one more year (three after an actual death) forfeits. */
export const UNLOCATED_BENEFICIARY_YEARS_AFTER_DEEMED_DEATH = 1;
export const UNLOCATED_BENEFICIARY_YEARS_AFTER_DEATH = 3;
