import { pricesFromCells } from "../cells/ranges";
import { isBlankOrZero } from "../cells/values";
import { participantKey } from "../engine/accounts";
import { toNumber } from "../engine/decimal";
import { invalidValue, notAvailable } from "../engine/errors";
import { distributableEvent, payout } from "../engine/payout";
import { withdrawal } from "../engine/withdrawal";
import { readHoldings, readPayouts } from "../sheets/payouts";
import { leftOutByParticipant, rowError } from "../sheets/records";
import { dateArg, excel, flagArg, lift, numberArg, optionalDateArg, participantArg, serialResult } from "./args";
import { readRange } from "./accounts";

/**
 * The Distributable Event's date: the earliest of §7.1's events that counts, after the §7.5 gate on (d) and (e) and §7.6 for a termination for cause; #N/A when there is none.
 * @customfunction PAYOUT_EVENT
 * @param disability Date of Disability (§7.1(a)), or blank; or a column of them.
 * @param death Date of death (§7.1(b)), or blank.
 * @param lastDayWorked The last day worked; separation is the day after (§7.1(c)), or blank.
 * @param planTermination The effective date of the Board's termination (§7.1(d)), or blank.
 * @param causeDate The date the Committee treats as the event after a termination for cause (§7.6), or blank.
 * @param electedDate The elected distribution date (§7.1(f)), or blank.
 * @param electionEffective The election's effective date, or blank.
 * @param [cicDate] The Change in Control date (as CIC_DATE returns it), or blank.
 * @param [parachute] Y when the Committee determined a parachute payment (§7.5); blank is N.
 * @param [auditorOpinion] The independent auditor's opinion date (§7.5), or blank.
 * @param [electedApproved] N when the Committee did not approve the election; blank is Y.
 * @returns A date serial, one per row; #N/A when no event counts.
 */
export function payoutEventFn(
  disability: unknown[][],
  death: unknown[][],
  lastDayWorked: unknown[][],
  planTermination: unknown[][],
  causeDate: unknown[][],
  electedDate: unknown[][],
  electionEffective: unknown[][],
  cicDate?: unknown[][],
  parachute?: unknown[][],
  auditorOpinion?: unknown[][],
  electedApproved?: unknown[][],
): unknown[][] {
  const args = {
    disability,
    death,
    lastDayWorked,
    planTermination,
    causeDate,
    electedDate,
    electionEffective,
    cicDate,
    parachute,
    auditorOpinion,
    electedApproved,
  };
  return lift(args, (x) => {
    const event = distributableEvent({
      disability: optionalDateArg("disability", x.disability),
      death: optionalDateArg("death", x.death),
      lastDayWorked: optionalDateArg("lastDayWorked", x.lastDayWorked),
      planTermination: optionalDateArg("planTermination", x.planTermination),
      causeDate: optionalDateArg("causeDate", x.causeDate),
      electedDate: optionalDateArg("electedDate", x.electedDate),
      electionEffective: optionalDateArg("electionEffective", x.electionEffective),
      changeInControl: optionalDateArg("cicDate", x.cicDate),
      parachuteDetermined: flagArg("parachute", x.parachute, false),
      auditorOpinion: optionalDateArg("auditorOpinion", x.auditorOpinion),
      electedApproved: flagArg("electedApproved", x.electedApproved, true),
    });
    if (event.date === undefined) {
      const why = event.excluded.map((e) => `${e.kind} ${e.date}: ${e.reason}`).join("; ");
      throw notAvailable(`no Distributable Event (§7.1)${why ? `; not counted: ${why}` : ""}`);
    }
    return serialResult(event.date);
  });
}

/** The participant's Holdings rows; with `required`, a name no row has is #N/A (a typo must not read as an empty account). */
function holdingsOf(holdings: unknown, participant: string, required = false) {
  const read = readRange("holdings", holdings, readHoldings, false);
  const error = read.findings.find((f) => f.severity === "error");
  if (error) throw invalidValue(`holdings row ${error.row}: ${error.message}`);
  const rows = read.records.filter((h) => participantKey(h.participant) === participantKey(participant));
  if (required && rows.length === 0) throw notAvailable(`holdings has no row for participant "${participant.trim()}"`);
  return rows;
}

/** The header PAYOUT spills (PAYOUT.md §1). */
export const PAYOUT_HEADER = [
  "Date",
  "FMV",
  "DCA units",
  "CMSA units",
  "CSA units",
  "Gross shares",
  "Share value",
  "IA cash",
  "Tax on shares",
  "Tax on cash",
  "Withheld shares",
  "Fraction cash",
  "Net shares",
  "Net cash",
  "Cash due from payee",
] as const;

/**
 * A participant's payout as a spilled table: one row a payment, with the shares (§6.2), IA cash (§7.2(b)) and withholding (§10.2).
 * @customfunction PAYOUT
 * @param payouts The Payouts table with its header row (PAYOUT.md §1).
 * @param holdings The Holdings table with its header row.
 * @param prices A 2-column range [date, close].
 * @param participant The participant, as the Payouts row spells it.
 * @returns A header row, then one row per payment; #N/A when no event counts.
 */
export function payoutFn(payouts: unknown[][], holdings: unknown[][], prices: unknown[][], participant: unknown): unknown[][] {
  return excel(() => {
    const name = participantArg(participant, "Payouts and Holdings");
    const key = participantKey(name);
    const read = readRange("payouts", payouts, readPayouts, false);
    const row = read.records.find((r) => participantKey(r.participant) === key);
    // The participant's own row left out for a cell it cannot read: that cell is the answer, not a missing row.
    const source = row?.source ?? leftOutByParticipant(read).get(key);
    const error = source && rowError(read.findings, source);
    if (error) throw invalidValue(`payouts row ${error.row}: ${error.message}`);
    if (!row) throw notAvailable(`payouts has no row for participant "${name.trim()}"`);
    const result = payout(row, holdingsOf(holdings, name), pricesFromCells(prices));
    if (result.event.date === undefined) throw notAvailable(`no Distributable Event for "${name.trim()}" (§7.1)`);
    return [
      [...PAYOUT_HEADER],
      ...result.payments.map((p) => [
        serialResult(p.date),
        ...[
          p.fmv,
          p.units.DCA,
          p.units.CMSA,
          p.units.CSA,
          p.grossShares,
          p.shareValue,
          p.iaCash,
          p.taxOnShares,
          p.taxOnCash,
          p.withheldShares,
          p.fractionCash,
          p.netShares,
          p.netCash,
          p.cashDueFromPayee,
        ].map(toNumber),
      ]),
    ];
  });
}

/**
 * An early withdrawal (§7.3) as a spilled two-column table of labels and values: units withdrawn, value, the 10% penalty, shares and cash, withholding, and when credits resume.
 * @customfunction WITHDRAWAL
 * @param holdings The Holdings table with its header row (PAYOUT.md §1).
 * @param prices A 2-column range [date, close].
 * @param participant The participant, as the Holdings rows spell it.
 * @param approvalDate The day the Committee approved the withdrawal.
 * @param fraction 25%, 50%, 75% or 100%.
 * @param [distributionDate] The distribution date of an event that has occurred, or blank.
 * @param [taxRate] The withdrawal's combined tax rate (§10.1); blank is 0.
 * @returns Label and value rows.
 */
export function withdrawalFn(
  holdings: unknown[][],
  prices: unknown[][],
  participant: unknown,
  approvalDate: unknown,
  fraction: unknown,
  distributionDate?: unknown,
  taxRate?: unknown,
): unknown[][] {
  return excel(() => {
    const name = participantArg(participant, "Holdings");
    const w = withdrawal(
      {
        approvalDate: dateArg("approvalDate", approvalDate),
        fraction: numberArg("fraction", fraction),
        distributionDate: optionalDateArg("distributionDate", distributionDate),
        taxRate: isBlankOrZero(taxRate) ? undefined : numberArg("taxRate", taxRate),
      },
      holdingsOf(holdings, name, true),
      pricesFromCells(prices),
    );
    return [
      ["Approval date", serialResult(w.approvalDate)],
      ["FMV date", serialResult(w.fmvDate)],
      ["FMV", toNumber(w.fmv)],
      ["DCA units withdrawn", toNumber(w.unitsWithdrawn.DCA)],
      ["CMSA units withdrawn", toNumber(w.unitsWithdrawn.CMSA)],
      ["CSA units withdrawn", toNumber(w.unitsWithdrawn.CSA)],
      ["Value withdrawn", toNumber(w.valueWithdrawn)],
      ["Penalty", toNumber(w.penalty)],
      ["Net value", toNumber(w.netValue)],
      ["Shares delivered", toNumber(w.sharesDelivered)],
      ["Tax on shares", toNumber(w.taxOnShares)],
      ["Withheld shares", toNumber(w.withheldShares)],
      ["Net shares", toNumber(w.netShares)],
      ["Fraction cash", toNumber(w.fractionCash)],
      ["Excluded CSA units (Art. V)", toNumber(w.excludedArticleV.csaUnits)],
      ["Excluded IA dollars (Art. V)", toNumber(w.excludedArticleV.iaDollars)],
      ["Nonparticipation from", serialResult(w.nonparticipationFrom)],
      ["Credits resume", serialResult(w.creditsResume)],
    ];
  });
}
