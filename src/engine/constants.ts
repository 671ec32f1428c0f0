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

/**
 * Issue 19, bounds of what the plan could hold (engine/plausibility.ts): §5.1
 * writes its discount rule around a $10.00 share price; a share price or a
 * dividend a hundred times that, $1,000 a share, is taken for a typing mistake.
 */
export const PLAUSIBLE_SHARE_PRICE = "1000";
/** §8.1(e), §13.8 adjust units and the reserve for splits: a split beyond 1,000 new shares per old share (or 1,000 old per new) is taken for a typing mistake. */
export const PLAUSIBLE_SPLIT_RATIO = "1000";

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

/** §12.3(f): a claim is filed within one year after the claimant knew the principal facts. */
export const CLAIM_FILING_MONTHS = 12;
/** §12.3(a)(ii): the Claims Manager's written explanation within ninety days of filing. */
export const CLAIM_DECISION_DAYS = 90;
/** §12.3(b): sixty days after receiving the denial to ask for review (Disability too, P-R19). */
export const REVIEW_REQUEST_DAYS = 60;
/** §12.3(c): the decision on review within sixty days of the request. */
export const REVIEW_DECISION_DAYS = 60;
/** §12.3(d): the shorter Disability periods apply to claims filed on or after January 1, 2002. */
export const DISABILITY_CLAIMS_FROM: IsoDate = "2002-01-01";
/** §12.3(d): forty-five days for a Disability decision, extended twice by thirty days. */
export const DISABILITY_DECISION_DAYS = 45;
export const DISABILITY_EXTENSION_DAYS = 30;
/** §12.3(d): forty-five days for a Disability review decision, extended once by forty-five. */
export const DISABILITY_REVIEW_DECISION_DAYS = 45;
export const DISABILITY_REVIEW_EXTENSION_DAYS = 45;
/** PAYOUT.md §0: current DOL rules (29 CFR 2560.503-1(h)(4)) give a Disability claimant 180 days to appeal; the plan says 60. */
export const DOL_DISABILITY_APPEAL_DAYS = 180;
/** §12.3(h)(i), (ii): legal action before thirty months after knowledge or six months after exhaustion, the earlier. */
export const SUIT_AFTER_KNOWLEDGE_MONTHS = 30;
export const SUIT_AFTER_EXHAUSTION_MONTHS = 6;

/** §1.1(e)(i), (iii)(b): a Person holding 20% or more. */
export const CIC_OWNERSHIP_THRESHOLD = "0.20";
/** §1.1(e)(i)(a), (iii)(b): the exempt acquisition leaves the Person with not more than 40%. */
export const CIC_EXEMPT_OWNERSHIP_LIMIT = "0.40";
/** §1.1(e)(iii)(a): more than 60% continuity of common stock and voting power. */
export const CIC_CONTINUITY_THRESHOLD = "0.60";
/** §1.1(e)(ii), (iii)(c): a majority of the Board is more than half. */
export const BOARD_MAJORITY = "0.50";
/** §13.4(b): the Participating Employers fund the Trust within thirty days of a Change in Control. */
export const TRUST_FUNDING_DAYS = 30;
