/**
 * What the statement replay learns of a participant's life in the plan
 * (PAYOUT.md §7): the windows in which nothing may be credited (§3.3, §7.3,
 * §15.1, §15.2), and the withdrawals and payouts that take units and dollars
 * out of the Accounts. Each window cites the section that opens it; the
 * replay (accounts.ts) refuses credits inside them and posts what leaves.
 */
import { addDays, dateParts, isoDate, laterOf, type IsoDate } from "./dates";
import type { Decimal } from "./decimal";
import { nonparticipationEnd } from "./distributionTerms";
import { formatPercent } from "./format";

export type StopSection = "3.3" | "7.3" | "15.1" | "15.2";

/** A period in which §8.1(a),(b),(c) and Art. V credits are refused (PAYOUT.md §7). */
export interface StopWindow {
  section: StopSection;
  /** The first day a credit is refused. */
  from: IsoDate;
  /** The first day credits are allowed again; undefined while the window is open-ended. */
  until?: IsoDate;
  /** Whether §5.2(b) interest stops too: in every window but §15.1's (P-R27). */
  stopsInterest: boolean;
  /** What opened it, in words, for the finding ("the §7.3 withdrawal of 25% approved 2004-03-01"). */
  what: string;
  /** §3.3 only: when deferrals under the new election start (January 1 after it). */
  deferralsResume?: IsoDate;
}

/**
 * After a §3.3 suspension, deferrals under the new Art. IV election start the
 * January 1 after it, a December 31 election included (§4.2(c): a Bonus Award
 * election needs only be "before the first day of the calendar year").
 * @example deferralsResume("2004-12-31") // "2005-01-01"
 */
export function deferralsResume(newElection: IsoDate): IsoDate {
  return isoDate(dateParts(newElection).year + 1, 1, 1);
}

/**
 * §3.3: from the suspension until the participant is both again determined
 * eligible (Reinstated) and has made a new Art. IV election, the later of the
 * two; open-ended until both exist. Interest stops too ("Section 5.2").
 */
export function suspensionWindow(suspended: IsoDate, reinstated?: IsoDate, newElection?: IsoDate): StopWindow {
  return {
    section: "3.3",
    from: suspended,
    until: reinstated !== undefined && newElection !== undefined ? laterOf(reinstated, newElection) : undefined,
    stopsInterest: true,
    what: `the §3.3 suspension from ${suspended}`,
    deferralsResume: newElection === undefined ? undefined : deferralsResume(newElection),
  };
}

/** §7.3: six months out of the plan per 25% withdrawn, from the approval date (NONPARTICIPATION_END). Interest stops ("Article V"). */
export function withdrawalWindow(approval: IsoDate, fraction: Decimal): StopWindow {
  return {
    section: "7.3",
    from: approval,
    until: nonparticipationEnd(approval, fraction),
    stopsInterest: true,
    what: `the §7.3 withdrawal of ${formatPercent(fraction)} approved ${approval}`,
  };
}

/**
 * §15.1: no credit "after such date", the effective date of the Board's
 * action (P-R5); a credit dated on it still posts (P-R17). Interest continues:
 * the Accounts "continue to be adjusted by the other provisions of Article V"
 * (P-R27).
 */
export function terminationWindow(terminationDate: IsoDate): StopWindow {
  return { section: "15.1", from: addDays(terminationDate, 1), stopsInterest: false, what: `the §15.1 termination of the plan effective ${terminationDate}` };
}

/** §15.2: nothing credited "on or after" the day the reserve is used up; interest stops ("of Article V", P-R27). */
export function exhaustionWindow(exhaustionDate: IsoDate): StopWindow {
  return { section: "15.2", from: exhaustionDate, stopsInterest: true, what: `the §15.2 stop from ${exhaustionDate}, when the §13.8 reserve was used up` };
}

/** Whether `date` falls inside the window: on or after its first day and before the day credits resume. */
export function inWindow(window: StopWindow, date: IsoDate): boolean {
  return date >= window.from && (window.until === undefined || date < window.until);
}

/** The window that refuses a credit dated `date` (the earliest opened, when several do), or undefined. */
export function stopWindowAt(windows: readonly StopWindow[], date: IsoDate, interest = false): StopWindow | undefined {
  let found: StopWindow | undefined;
  for (const window of windows) {
    if (interest && !window.stopsInterest) continue;
    if (inWindow(window, date) && (found === undefined || window.from < found.from)) found = window;
  }
  return found;
}

/** The window as a finding says it: "the §3.3 suspension from 2004-02-01 (credits resume 2004-07-01)". */
export function describeWindow(window: StopWindow): string {
  const resumes = window.until === undefined ? "open-ended" : `credits resume ${window.until}`;
  const deferrals = window.deferralsResume === undefined ? "" : `; deferrals under the new election start ${window.deferralsResume}`;
  return `${window.what} (${resumes}${deferrals})`;
}
