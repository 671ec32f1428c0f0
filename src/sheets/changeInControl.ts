/**
 * The `CIC Events` and `Trust` sheets (PAYOUT.md §1): the events the §1.1(e)
 * tests run over, and the Trust a Change in Control funds (§13.4). A cell that
 * cannot be read, or a row its test cannot use, is an H finding on the cell
 * and the row is left out.
 */
import { RULES } from "../engine/rules";
import { acquisitionTest, CIC_CLAUSES, EXEMPTIONS, type CicEvent, type CicEventType, type Exemption } from "../engine/changeInControl";
import { Decimal, ZERO } from "../engine/decimal";
import type { IsoDate } from "../engine/dates";
import { readDate, readFlag, readNumber, readPercent, readText } from "./cellReaders";
import type { ColumnSpec, SheetGrid } from "./grid";
import { readTable, type RowReader, type Sourced, type TableRead, type TableRules } from "./records";

/** Change in Control findings (PAYOUT.md §1, "H01–H09"; H10 ours). */
export const CIC_RULES = {
  unreadable: RULES.H01,
  unknownWord: RULES.H02,
  percentOutOfRange: RULES.H03,
  missingFigure: RULES.H04,
  trustUnreadable: RULES.H05,
  holdingUnreadable: RULES.H06,
  noPrice: RULES.H07,
  noTrust: RULES.H08,
  trustDateDiffers: RULES.H09,
  holdingIgnored: RULES.H10,
} as const;

/** The Holdings sheet as the Change in Control reads it: an unreadable cell is H06, a value a row does not use H10. */
export const CIC_HOLDINGS_RULES: TableRules = { unreadable: CIC_RULES.holdingUnreadable, ignored: CIC_RULES.holdingIgnored };

type EventField =
  | "date"
  | "type"
  | "pctCommon"
  | "pctVoting"
  | "exemption"
  | "buyback"
  | "incumbentDirectors"
  | "boardSize"
  | "continuityCommon"
  | "continuityVoting"
  | "sameProportion"
  | "holderCommon"
  | "holderVoting"
  | "holderException"
  | "incumbentBoardPct";

const column = (key: EventField, header: string, required = false): ColumnSpec<EventField> => ({ key, header, aliases: [], required });

export const CIC_EVENT_COLUMNS: ReadonlyArray<ColumnSpec<EventField>> = [
  column("date", "Date", true),
  column("type", "Type", true),
  column("pctCommon", "Pct Common"),
  column("pctVoting", "Pct Voting"),
  column("exemption", "Exemption"),
  column("buyback", "Buyback"),
  column("incumbentDirectors", "Incumbent Directors"),
  column("boardSize", "Board Size"),
  column("continuityCommon", "Continuity Common"),
  column("continuityVoting", "Continuity Voting"),
  column("sameProportion", "Same Proportion"),
  column("holderCommon", "Holder Common"),
  column("holderVoting", "Holder Voting"),
  column("holderException", "Holder Exception"),
  column("incumbentBoardPct", "Incumbent Board Pct"),
];

export const CIC_TYPES = Object.keys(CIC_CLAUSES) as CicEventType[];
const ONE = new Decimal(1);
const TYPE_NAMES = CIC_TYPES.map((t) => `"${t}"`).join(", ");
const EXEMPTION_NAMES = Object.keys(EXEMPTIONS)
  .map((e) => `"${e}"`)
  .join(", ");

/** A percentage cell as a fraction of 0..1 (20% is 0.2); over 100% is a percentage typed as a number (25 for 25%). */
function percent(row: RowReader<EventField>, field: EventField, label: string): Decimal | undefined {
  const value = row.read(field, readPercent);
  if (value !== undefined && (value.isNegative() || value.greaterThan(1))) {
    row.problem(
      field,
      `${label} ${value.times(100).toString()}% is not from 0% to 100% (a percent cell, 20% for twenty percent); the row is left out.`,
      "1.1(e)",
      CIC_RULES.percentOutOfRange,
    );
    return undefined;
  }
  return value;
}

/** A figure the row's test cannot do without. */
function needed<T>(row: RowReader<EventField>, field: EventField, value: T | undefined, label: string, type: CicEventType): T | undefined {
  if (value === undefined && !row.failed) {
    row.problem(
      field,
      `${label} is ${row.blank(field)}; ${/^[aeiou]/.test(type) ? "an" : "a"} ${type} row needs it for the ${CIC_CLAUSES[type]} test. The row is left out.`,
      CIC_CLAUSES[type].slice(1),
      CIC_RULES.missingFigure,
    );
  }
  return value;
}

function wholeNumber(row: RowReader<EventField>, field: EventField, label: string, least: number): number | undefined {
  const value = row.read(field, readNumber);
  if (value === undefined) return undefined;
  if (!value.isInteger() || value.lessThan(least)) {
    row.problem(
      field,
      `${label} ${value.toString()} must be a whole number, ${least} or more; the row is left out.`,
      "1.1(e)(ii)",
      CIC_RULES.percentOutOfRange,
    );
    return undefined;
  }
  return value.toNumber();
}

/** The CIC Events table: one event a row, each carrying what its clause's test needs. */
export function readCicEvents(grid: SheetGrid): TableRead<CicEvent & Sourced> {
  return readTable<EventField, CicEvent>(
    grid,
    CIC_EVENT_COLUMNS,
    (row) => {
      const date = row.require("date", readDate, "the event's date");
      const typeText = row.require("type", readText, `a type (${TYPE_NAMES})`);
      const type = CIC_TYPES.find((t) => t === typeText?.toLowerCase());
      if (typeText !== undefined && type === undefined) {
        row.problem("type", `Type "${typeText}" is not one of ${TYPE_NAMES}; the row is left out.`, "1.1(e)", CIC_RULES.unknownWord);
      }
      if (date === undefined || type === undefined) return undefined;
      return eventOf(row, date, type);
    },
    { unreadable: CIC_RULES.unreadable, ignored: CIC_RULES.unreadable },
  );
}

function eventOf(row: RowReader<EventField>, date: IsoDate, type: CicEventType): CicEvent | undefined {
  switch (type) {
    case "acquisition": {
      const pctCommon = percent(row, "pctCommon", "Pct Common");
      const pctVoting = percent(row, "pctVoting", "Pct Voting");
      const exemptionText = row.read("exemption", readText);
      const exemption = Object.keys(EXEMPTIONS).find((e) => e === exemptionText?.toLowerCase()) as Exemption | undefined;
      if (exemptionText !== undefined && exemption === undefined) {
        row.problem("exemption", `Exemption "${exemptionText}" is not one of ${EXEMPTION_NAMES}; the row is left out.`, "1.1(e)(i)", CIC_RULES.unknownWord);
      }
      const buyback = row.read("buyback", readFlag) ?? false;
      if (pctCommon === undefined && pctVoting === undefined) needed(row, "pctCommon", undefined, "Pct Common (or Pct Voting)", type);
      else if (!row.failed) {
        // One figure blank: a finding unless the other decides the test alone (either at 20% or more, an exemption, a buyback).
        const event = { type, date, pctCommon, pctVoting, exemption, buyback };
        const blank = pctCommon === undefined ? "pctCommon" : pctVoting === undefined ? "pctVoting" : undefined;
        const turnsOn = blank && acquisitionTest({ ...event, [blank]: ZERO }).met !== acquisitionTest({ ...event, [blank]: ONE }).met;
        if (blank && turnsOn) needed(row, blank, undefined, blank === "pctCommon" ? "Pct Common" : "Pct Voting", type);
      }
      return row.failed ? undefined : { type, date, pctCommon, pctVoting, exemption, buyback };
    }
    case "board": {
      const incumbentDirectors = needed(
        row,
        "incumbentDirectors",
        wholeNumber(row, "incumbentDirectors", "Incumbent Directors", 0),
        "Incumbent Directors",
        type,
      );
      const boardSize = needed(row, "boardSize", wholeNumber(row, "boardSize", "Board Size", 1), "Board Size", type);
      if (incumbentDirectors !== undefined && boardSize !== undefined && incumbentDirectors > boardSize) {
        row.problem(
          "incumbentDirectors",
          `Incumbent Directors ${incumbentDirectors} is more than the Board Size ${boardSize}; the row is left out.`,
          "1.1(e)(ii)",
          CIC_RULES.percentOutOfRange,
        );
      }
      if (row.failed || incumbentDirectors === undefined || boardSize === undefined) return undefined;
      return { type, date, incumbentDirectors, boardSize };
    }
    case "combination": {
      const continuityCommon = needed(row, "continuityCommon", percent(row, "continuityCommon", "Continuity Common"), "Continuity Common", type);
      const continuityVoting = needed(row, "continuityVoting", percent(row, "continuityVoting", "Continuity Voting"), "Continuity Voting", type);
      const incumbentBoardPct = needed(row, "incumbentBoardPct", percent(row, "incumbentBoardPct", "Incumbent Board Pct"), "Incumbent Board Pct", type);
      const holderCommon = percent(row, "holderCommon", "Holder Common");
      const holderVoting = percent(row, "holderVoting", "Holder Voting");
      const sameProportion = row.read("sameProportion", readFlag) ?? false;
      const holderException = row.read("holderException", readFlag) ?? false;
      if (row.failed || continuityCommon === undefined || continuityVoting === undefined || incumbentBoardPct === undefined) return undefined;
      return { type, date, continuityCommon, continuityVoting, sameProportion, holderCommon, holderVoting, holderException, incumbentBoardPct };
    }
    case "liquidation":
      return { type, date };
  }
}

export interface TrustRow {
  /** Blank: the date the CIC Events give. */
  changeInControlDate?: IsoDate;
  trustEstablished: boolean;
  trustAssets?: Decimal;
}

type TrustField = keyof TrustRow;

export const TRUST_COLUMNS: ReadonlyArray<ColumnSpec<TrustField>> = [
  { key: "changeInControlDate", header: "Change in Control Date", aliases: ["CIC Date"] },
  { key: "trustEstablished", header: "Trust Established", aliases: [] },
  { key: "trustAssets", header: "Trust Assets", aliases: [] },
];

/** The Trust sheet's one row (the first, when there are more); blank Trust Established is N (PAYOUT.md §1). */
export function readTrust(grid: SheetGrid): TableRead<TrustRow & Sourced> {
  return readTable<TrustField, TrustRow>(
    grid,
    TRUST_COLUMNS,
    (row) => {
      const changeInControlDate = row.read("changeInControlDate", readDate);
      const trustEstablished = row.read("trustEstablished", readFlag) ?? false;
      const trustAssets = row.read("trustAssets", readNumber);
      if (trustAssets?.isNegative()) row.problem("trustAssets", `Trust Assets ${trustAssets.toString()} must not be negative.`, "13.4(b)");
      return { changeInControlDate, trustEstablished, trustAssets };
    },
    { unreadable: CIC_RULES.trustUnreadable, ignored: CIC_RULES.trustUnreadable },
  );
}
