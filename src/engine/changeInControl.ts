/**
 * The four tests of a Change in Control (§1.1(e)) over a list of events, and
 * the first day any is met (PAYOUT.md §9). Percentages are fractions (20% is
 * 0.2), exact.
 */
import { BOARD_MAJORITY, CIC_CONTINUITY_THRESHOLD, CIC_EXEMPT_OWNERSHIP_LIMIT, CIC_OWNERSHIP_THRESHOLD } from "./constants";
import { compareDates, type IsoDate } from "./dates";
import { Decimal, ZERO } from "./decimal";

/** The exemptions of §1.1(e)(i)(a)–(e), by the words the `CIC Events` sheet uses. */
export const EXEMPTIONS = {
  "direct-approved": "§1.1(e)(i)(a)",
  underwriter: "§1.1(e)(i)(b)",
  company: "§1.1(e)(i)(c)",
  "benefit-plan": "§1.1(e)(i)(d)",
  "compliant-combination": "§1.1(e)(i)(e)",
} as const;
export type Exemption = keyof typeof EXEMPTIONS;

export const CIC_CLAUSES = {
  acquisition: "§1.1(e)(i)",
  board: "§1.1(e)(ii)",
  combination: "§1.1(e)(iii)",
  liquidation: "§1.1(e)(iv)",
} as const;
export type CicEventType = keyof typeof CIC_CLAUSES;

/** A Person's acquisition of beneficial ownership (§1.1(e)(i)); percentages after it. */
export interface AcquisitionEvent {
  type: "acquisition";
  date: IsoDate;
  pctCommon?: Decimal;
  pctVoting?: Decimal;
  exemption?: Exemption;
  /** The Person passed the threshold only because the Company bought back shares (§1.1(e), last paragraph). */
  buyback?: boolean;
}

/** The Board's make-up (§1.1(e)(ii)): Incumbent Directors, approved successors included, and seats. */
export interface BoardEvent {
  type: "board";
  date: IsoDate;
  incumbentDirectors: number;
  boardSize: number;
}

/** A consummated Business Combination (§1.1(e)(iii)), as it stands immediately after. */
export interface CombinationEvent {
  type: "combination";
  date: IsoDate;
  continuityCommon: Decimal;
  continuityVoting: Decimal;
  sameProportion?: boolean;
  holderCommon?: Decimal;
  holderVoting?: Decimal;
  /** The holder's stake came through an Incumbent-approved acquisition by the Company of another entity. */
  holderException?: boolean;
  incumbentBoardPct: Decimal;
}

/** Shareholder approval of a complete liquidation or dissolution (§1.1(e)(iv)). */
export interface LiquidationEvent {
  type: "liquidation";
  date: IsoDate;
}

export type CicEvent = AcquisitionEvent | BoardEvent | CombinationEvent | LiquidationEvent;

export interface CicTest {
  /** The clause tested: "§1.1(e)(i)" … "§1.1(e)(iv)". */
  clause: string;
  met: boolean;
  /** Why, in a sentence naming the figures and the exemption or proviso that decided it. */
  reason: string;
}

const THRESHOLD = new Decimal(CIC_OWNERSHIP_THRESHOLD);
const EXEMPT_LIMIT = new Decimal(CIC_EXEMPT_OWNERSHIP_LIMIT);
const CONTINUITY = new Decimal(CIC_CONTINUITY_THRESHOLD);
const MAJORITY = new Decimal(BOARD_MAJORITY);

function pct(value: Decimal | undefined): string {
  return `${(value ?? ZERO).times(100).toString()}%`;
}

/**
 * §1.1(e)(i): a Person at 20% or more of either the common stock or the
 * voting power, unless the acquisition is exempt. The direct-or-approved
 * exemption needs the Person at no more than 40% of both (P-R22). A Person
 * over the threshold only through a Company buyback is no Change in Control,
 * from clause (i)'s own "20% or more" (P-R23); a later row for that Person at
 * 20% or more without the buyback flag is the acquisition that then makes one.
 */
export function acquisitionTest(event: AcquisitionEvent): CicTest {
  const clause = CIC_CLAUSES.acquisition;
  const common = event.pctCommon ?? ZERO;
  const voting = event.pctVoting ?? ZERO;
  const figures = `${pct(common)} of the common stock and ${pct(voting)} of the voting power`;
  if (common.lessThan(THRESHOLD) && voting.lessThan(THRESHOLD)) {
    return { clause, met: false, reason: `${figures}: neither reaches 20%` };
  }
  if (event.buyback) {
    return { clause, met: false, reason: `${figures}, reached only through the Company's buyback (§1.1(e) proviso, P-R23)` };
  }
  const exemption = event.exemption;
  if (exemption === "direct-approved") {
    if (common.lessThanOrEqualTo(EXEMPT_LIMIT) && voting.lessThanOrEqualTo(EXEMPT_LIMIT)) {
      return {
        clause,
        met: false,
        reason: `${figures}, acquired from the Company or approved, and no more than 40% of both (${EXEMPTIONS[exemption]}, P-R22)`,
      };
    }
    return { clause, met: true, reason: `${figures}: over 40% of one, so the ${EXEMPTIONS[exemption]} exemption does not apply (P-R22)` };
  }
  if (exemption !== undefined) return { clause, met: false, reason: `${figures}, an exempt ${exemption} acquisition (${EXEMPTIONS[exemption]})` };
  return { clause, met: true, reason: `${figures}: 20% or more` };
}

/**
 * §1.1(e)(ii): the Incumbent Board (approved successors counted) ceases to be
 * "at least a majority": a Change in Control when incumbents are half the
 * seats or fewer, since half is no majority.
 */
export function boardTest(event: BoardEvent): CicTest {
  const clause = CIC_CLAUSES.board;
  const { incumbentDirectors: incumbents, boardSize: size } = event;
  const majority = new Decimal(incumbents).greaterThan(MAJORITY.times(size));
  return {
    clause,
    met: !majority,
    reason: `${incumbents} Incumbent Directors of ${size}: ${majority ? "still a majority" : "no longer a majority (half is not more than half)"}`,
  };
}

/**
 * §1.1(e)(iii): a consummated Business Combination, unless all three hold:
 * (a) more than 60% continuity of both common stock and voting power, in
 * substantially the same proportion; (b) no Person at 20% or more of the
 * common stock and of the voting power, both (P-R24), unless through an
 * approved acquisition leaving it at no more than 40% of each; (c) a majority
 * (more than half) of the new board were Incumbent Directors.
 */
export function combinationTest(event: CombinationEvent): CicTest {
  const clause = CIC_CLAUSES.combination;
  const failures: string[] = [];
  const { continuityCommon, continuityVoting } = event;
  if (!continuityCommon.greaterThan(CONTINUITY) || !continuityVoting.greaterThan(CONTINUITY)) {
    failures.push(`(a) continuity ${pct(continuityCommon)} common and ${pct(continuityVoting)} voting is not more than 60% of both`);
  } else if (!event.sameProportion) {
    failures.push("(a) the holders are not in substantially the same proportion");
  }
  const holderCommon = event.holderCommon ?? ZERO;
  const holderVoting = event.holderVoting ?? ZERO;
  if (holderCommon.greaterThanOrEqualTo(THRESHOLD) && holderVoting.greaterThanOrEqualTo(THRESHOLD)) {
    const excepted = event.holderException === true && holderCommon.lessThanOrEqualTo(EXEMPT_LIMIT) && holderVoting.lessThanOrEqualTo(EXEMPT_LIMIT);
    if (!excepted) failures.push(`(b) a Person holds ${pct(holderCommon)} of the common stock and ${pct(holderVoting)} of the voting power (P-R24)`);
  }
  if (!event.incumbentBoardPct.greaterThan(MAJORITY)) {
    failures.push(`(c) Incumbent Directors are ${pct(event.incumbentBoardPct)} of the new board, not a majority`);
  }
  if (failures.length === 0) return { clause, met: false, reason: "(a), (b) and (c) all hold: the combination is excepted" };
  return { clause, met: true, reason: `consummated, and ${failures.join("; ")}` };
}

export function cicTest(event: CicEvent): CicTest {
  switch (event.type) {
    case "acquisition":
      return acquisitionTest(event);
    case "board":
      return boardTest(event);
    case "combination":
      return combinationTest(event);
    case "liquidation":
      return { clause: CIC_CLAUSES.liquidation, met: true, reason: "shareholders approved a complete liquidation or dissolution" };
  }
}

export interface ChangeInControl<E> {
  date: IsoDate;
  /** Every clause met that day, in §1.1(e)'s order. */
  clauses: string[];
  /** The events met that day. */
  events: E[];
}

/**
 * The Change in Control: "the first to occur" of the events (§1.1(e)), the
 * earliest date a row meets its test, with every clause met that day.
 * Undefined when none is met.
 */
export function changeInControl<E extends CicEvent>(events: readonly E[]): ChangeInControl<E> | undefined {
  const met = events.filter((event) => cicTest(event).met);
  if (met.length === 0) return undefined;
  const date = met.map((e) => e.date).sort(compareDates)[0];
  const that = met.filter((e) => e.date === date);
  const clauses = Object.values(CIC_CLAUSES).filter((clause) => that.some((e) => CIC_CLAUSES[e.type] === clause));
  return { date, clauses, events: that };
}
