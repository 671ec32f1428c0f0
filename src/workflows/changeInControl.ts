/**
 * The Change in Control and the Trust funding it triggers, written once for
 * every surface (PAYOUT.md §9): the `CIC Events`, `Trust`, `Holdings` and
 * `Prices` grids in; each event's test, the Change in Control, the funding
 * and the findings out, every finding on its cell.
 */
import { changeInControl, cicTest, type CicEvent, type CicTest } from "../engine/changeInControl";
import { ZERO } from "../engine/decimal";
import type { IsoDate } from "../engine/dates";
import { PlanError } from "../engine/errors";
import type { Severity } from "../engine/findings";
import { trustFunding, type TrustFunding } from "../engine/trustFunding";
import { declaredAs } from "../engine/rules";
import { CIC_HOLDINGS_RULES, CIC_RULES, readCicEvents, readTrust } from "../sheets/changeInControl";
import { countBySeverity, type CellFinding } from "../sheets/findings";
import type { SheetGrid } from "../sheets/grid";
import { readHoldings } from "../sheets/payouts";
import { readPricesSheet } from "../sheets/prices";
import { findingAt, type Sourced } from "../sheets/records";
import { findingsJson } from "./claims";

export interface CicGrids {
  events?: SheetGrid;
  trust?: SheetGrid;
  holdings?: SheetGrid;
  prices?: SheetGrid;
}

export interface CicResult {
  /** Each event with its test, in the sheet's order. */
  tests: Array<{ event: CicEvent & Sourced; test: CicTest }>;
  changeInControl?: { date: IsoDate; clauses: string[] };
  /** Computed when there is a date, Holdings and Prices. */
  funding?: TrustFunding;
  findings: CellFinding[];
  counts: Record<Severity, number>;
  unusable?: string;
}

/** Never throws on the workbook's content. */
export function cicWorkflow(grids: CicGrids): CicResult {
  if (!grids.events) return { tests: [], findings: [], counts: { error: 0, warning: 0 }, unusable: 'the workbook has no "CIC Events" sheet' };
  const events = readCicEvents(grids.events);
  const findings = [...events.findings];
  const tests = events.records.map((event) => ({ event, test: cicTest(event) }));
  const cic = changeInControl(events.records);
  const trustRead = grids.trust ? readTrust(grids.trust) : undefined;
  if (trustRead) findings.push(...trustRead.findings);
  const trust = trustRead?.records[0];
  const date = trust?.changeInControlDate ?? cic?.date;
  if (trust?.changeInControlDate && cic && trust.changeInControlDate !== cic.date) {
    findings.push(
      findingAt(
        trust.source,
        "changeInControlDate",
        declaredAs(CIC_RULES.trustDateDiffers),
        `Change in Control Date ${trust.changeInControlDate} differs from ${cic.date}, the first date CIC Events meet a test; the Trust sheet's date is used.`,
      ),
    );
  }
  let funding: TrustFunding | undefined;
  if (date !== undefined && grids.holdings && grids.prices) {
    const holdings = readHoldings(grids.holdings, CIC_HOLDINGS_RULES);
    const prices = readPricesSheet(grids.prices);
    findings.push(...holdings.findings, ...prices.findings);
    const where = trust?.changeInControlDate ? { source: trust.source, field: "changeInControlDate" } : { source: cic?.events[0].source, field: "date" };
    if (prices.table) {
      try {
        funding = trustFunding(holdings.records, prices.table, date, trust?.trustAssets ?? ZERO, trust?.trustEstablished ?? false);
      } catch (error) {
        if (!(error instanceof PlanError) || !where.source) throw error;
        findings.push(
          findingAt(
            where.source,
            where.field,
            declaredAs(CIC_RULES.noPrice),
            `${error.message}: the Accounts cannot be valued at the Change in Control (§13.4(b)).`,
          ),
        );
      }
    } else if (prices.unusable && where.source) {
      findings.push(findingAt(where.source, where.field, declaredAs(CIC_RULES.noPrice), prices.unusable));
    }
    if (funding && !funding.trustEstablished) {
      const at = trust ? { source: trust.source, field: "trustEstablished" } : where;
      if (at.source) {
        findings.push(
          findingAt(
            at.source,
            at.field,
            declaredAs(CIC_RULES.noTrust),
            "No Trust is established: nothing to fund and no units move to a Trust (§13.4(a) 'may').",
          ),
        );
      }
    }
  }
  return {
    tests,
    changeInControl: cic && { date: cic.date, clauses: cic.clauses },
    funding,
    findings,
    counts: countBySeverity(findings),
    unusable: events.unusable,
  };
}

const mapValues = <T, U>(record: Record<string, T>, f: (v: T) => U): Record<string, U> => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));

/** The `dcp cic --json` document (PAYOUT.md §1): its own keys only. */
export function cicJson(result: CicResult): object {
  const f = result.funding;
  return {
    changeInControl: result.changeInControl ?? null,
    funding: f
      ? {
          fmvDate: f.fmvDate,
          fmv: f.fmv,
          aggregateValue: f.aggregateValue,
          trustAssets: f.trustAssets,
          shortfall: f.shortfall,
          fundingDeadline: f.fundingDeadline ?? null,
          byEmployer: f.byEmployer,
          trustEstablished: f.trustEstablished,
          unitsToTrust: f.unitsToTrust ? mapValues(f.unitsToTrust, (u) => u.toDecimalPlaces(6)) : null,
        }
      : null,
    findings: findingsJson(result.findings),
  };
}
