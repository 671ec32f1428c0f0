/**
 * One minimal sheet a rule, each run through the real reader and workflow,
 * that raises the rule on a known cell: test/engine/rules.test.ts runs every
 * case and fails when a rule of the table (src/engine/rules.ts) has none.
 */
import { addDays } from "../../src/engine/dates";
import type { RuleId } from "../../src/engine/rules";
import { DEFAULT_ELECTION_SETTINGS } from "../../src/engine/validation";
import type { SheetGrid } from "../../src/sheets/grid";
import { cicWorkflow } from "../../src/workflows/changeInControl";
import { claimsWorkflow } from "../../src/workflows/claims";
import { payoutWorkflow } from "../../src/workflows/payout";
import { reconcileWorkflow } from "../../src/workflows/reconcile";
import { statementWorkflow } from "../../src/workflows/statement";
import { validateWorkflow } from "../../src/workflows/validate";
import { ACTIVITY_ROWS, grid, workedGrids, type ActivityRow } from "./records";
import { electionGrid } from "./sheets";

/** A finding as every surface reports it: where, which rule, the section it cites, how severe. */
export interface Raised {
  sheet: string;
  cell: string;
  rule: string;
  section: string;
  severity: string;
}

export interface RuleCase {
  /** What the sheet holds that trips the rule. */
  sheet: string;
  /** Where the finding is: "Sheet!A1". */
  at: string;
  /** The section the finding cites where it is more particular than the rule's (`Raising.cites`). */
  cites?: string;
  /** The check could not be made: the rule's `unchecked` severity. */
  unchecked?: true;
  raise: () => readonly Raised[];
}

// Elections (docs/RULES.md): one row, or two where the rule is about a pair, on the Elections sheet.
const elections = (...rows: Array<Record<string, unknown>>) => validateWorkflow({ elections: electionGrid(rows) }, DEFAULT_ELECTION_SETTINGS).findings;
const pricedElections = (...rows: Array<Record<string, unknown>>) => {
  const prices = grid("Prices", [["Date", "Close"], ...Array.from({ length: 60 }, (_, i) => [addDays("2003-07-01", i), 4])]);
  return validateWorkflow({ elections: electionGrid(rows), prices }, DEFAULT_ELECTION_SETTINGS).findings;
};
const salary = (filed: unknown, year: number, percent = 0.1) => ({
  Participant: "Ann Lee",
  "Election Type": "Salary deferral",
  "Election Date": filed,
  "Plan Year": year,
  Percent: percent,
  "Committee Approved": "Y",
});
const allocation = (type: string, filed: string, extra: Record<string, unknown> = {}) => ({
  Participant: "Cara Diaz",
  "Election Type": type,
  "Election Date": filed,
  "Release Date": "2003-07-24",
  Amount: 1000,
  "Committee Approved": "Y",
  ...extra,
});

// The statement's records (docs/STATEMENT.md): the worked example, with the row or sheet that trips the rule.
const YEAR = { from: "2003-01-01", to: "2003-12-31" };
const statement = (rows: readonly ActivityRow[] = ACTIVITY_ROWS, more: Record<string, SheetGrid> = {}, period = YEAR) =>
  statementWorkflow({ ...workedGrids(rows), ...more }, period).findings;
const withRow = (row: ActivityRow) => [...ACTIVITY_ROWS, row];

// The share reserve: a Ledger sheet, or Credits with Prices.
const ledger = (...rows: unknown[][]) =>
  reconcileWorkflow({ ledger: grid("Ledger", [["Date", "Kind", "Quantity", "Participant", "Reported Remaining"], ...rows]) });
const ledgerFindings = (...rows: unknown[][]) => ledger(...rows).findings;

// Payouts (docs/PAYOUT.md): one participant's Payouts row over one DCA holding, priced every day it needs.
const PAYOUT_PRICES = grid("Prices", [["Date", "Close"], ...Array.from({ length: 120 }, (_, i) => [addDays("2003-09-01", i), 4])]);
const HOLDINGS = [
  ["Participant", "Account", "Quantity", "Source"],
  ["Ann Lee", "DCA", 100, ""],
];
const payouts = (header: string[], row: unknown[], options: { holdings?: unknown[][]; withdrawals?: unknown[][]; prices?: SheetGrid } = {}) =>
  payoutWorkflow({
    payouts: grid("Payouts", [
      ["Participant", ...header],
      ["Ann Lee", ...row],
    ]),
    holdings: grid("Holdings", options.holdings ?? HOLDINGS),
    withdrawals: options.withdrawals && grid("Withdrawals", options.withdrawals),
    prices: options.prices ?? PAYOUT_PRICES,
  }).findings;

// Claims (§12.3): one claim as of 2004-06-01.
const CLAIM_HEADER = ["Claimant", "Filed", "Knew", "Disability", "Extension 1 Notice", "Denial Received", "Review Requested", "Review Decision"];
const claims = (...rows: unknown[][]) => claimsWorkflow({ claims: grid("Claims", [CLAIM_HEADER, ...rows]) }, "2004-06-01").findings;

// Change in Control (§1.1(e), §13.4): half the board replaced on 2003-03-15, with the sheet that trips the rule.
const EVENT_HEADER = ["Date", "Type", "Pct Common", "Pct Voting", "Exemption", "Buyback", "Incumbent Directors", "Board Size"];
const BOARD_CHANGE = ["2003-03-15", "board", "", "", "", "", 5, 10];
const events = (...rows: unknown[][]) => grid("CIC Events", [EVENT_HEADER, BOARD_CHANGE, ...rows]);
const trust = (row: unknown[]) => grid("Trust", [["Change in Control Date", "Trust Established", "Trust Assets"], row]);
const CIC_PRICES = grid("Prices", [
  ["Date", "Close"],
  ["2003-03-14", 4],
  ["2003-03-17", 4],
]);
const cicHoldings = (row: unknown[]) => grid("Holdings", [["Participant", "Employer", "Account", "Quantity", "Source"], row]);

/** Every rule's case; a rule may have more than one (E11 checked and not checked). */
export const RULE_CASES: ReadonlyArray<[RuleId, RuleCase]> = [
  ["E01", { sheet: "a row with no participant", at: "Elections!A2", raise: () => elections({ ...salary("2003-12-15", 2004), Participant: "" }) }],
  ["E02", { sheet: "a 2004 salary deferral filed 2003-12-31", at: "Elections!C2", cites: "4.2(a),(b)", raise: () => elections(salary("2003-12-31", 2004)) }],
  [
    "E03",
    {
      sheet: "a bonus deferral for the fiscal year ending 2004-12-31, filed 2004-01-05",
      at: "Elections!C2",
      cites: "4.2(c)",
      raise: () => elections({ ...salary("2004-01-05", 2004), "Election Type": "Bonus deferral" }),
    },
  ],
  [
    "E04",
    {
      sheet: "eligible 2003-03-15, filed 2003-04-20",
      at: "Elections!C2",
      cites: "4.2(d)",
      raise: () => elections({ ...salary("2003-04-20", 2003), "Eligibility Date": "2003-03-15" }),
    },
  ],
  ["E05", { sheet: "a 2002 election filed 2002-09-30", at: "Elections!C2", cites: "4.2(e)", raise: () => elections(salary("2002-09-30", 2002)) }],
  ["E06", { sheet: "a percent of 150%", at: "Elections!E2", raise: () => elections(salary("2003-12-15", 2004, 1.5)) }],
  [
    "E07",
    {
      sheet: "90% and 20% of one salary",
      at: "Elections!E3",
      cites: "5.3(a)",
      raise: () => elections(salary("2003-12-15", 2004, 0.9), { ...salary("2003-12-15", 2004, 0.2), "Election Type": "Investment salary deferral" }),
    },
  ],
  [
    "E08",
    {
      sheet: "filed before eligibility",
      at: "Elections!C2",
      raise: () => elections({ ...salary("2003-03-01", 2003), "Eligibility Date": "2003-03-15" }),
    },
  ],
  ["E09", { sheet: "an allocation filed 40 days after the release", at: "Elections!C2", raise: () => elections(allocation("Stock allocation", "2003-09-02")) }],
  [
    "E10",
    {
      sheet: "two allocations in one fiscal quarter",
      at: "Elections!C3",
      raise: () => elections(allocation("Stock allocation", "2003-07-30"), allocation("Stock allocation", "2003-08-01")),
    },
  ],
  [
    "E11",
    {
      sheet: "an option allocation's discount of 5%",
      at: "Elections!L2",
      raise: () => pricedElections(allocation("Option allocation", "2003-07-30", { Discount: 0.05 })),
    },
  ],
  [
    "E11",
    {
      sheet: "an option allocation with no Prices table to check its discount",
      at: "Elections!L2",
      unchecked: true,
      raise: () => elections(allocation("Option allocation", "2003-07-30", { Discount: 0.15 })),
    },
  ],
  [
    "E12",
    {
      sheet: "a distribution date 6 months after the election",
      at: "Elections!M2",
      raise: () =>
        elections({
          Participant: "Dan Wu",
          "Election Type": "Distribution date",
          "Election Date": "2003-12-10",
          "Elected Distribution Date": "2004-06-01",
          "Committee Approved": "Y",
        }),
    },
  ],
  [
    "E13",
    {
      sheet: "a distribution-date election filed after the initial elections",
      at: "Elections!C3",
      raise: () =>
        elections(salary("2003-12-01", 2004), {
          Participant: "Ann Lee",
          "Election Type": "Distribution date",
          "Election Date": "2003-12-20",
          "Elected Distribution Date": "2010-01-01",
          "Committee Approved": "Y",
        }),
    },
  ],
  ["E14", { sheet: "Committee Approved N", at: "Elections!O2", raise: () => elections({ ...salary("2003-12-15", 2004), "Committee Approved": "N" }) }],
  ["E15", { sheet: "a row repeated", at: "Elections!A3", raise: () => elections(salary("2003-12-15", 2004), salary("2003-12-15", 2004)) }],
  ["E16", { sheet: 'an Election Date of "Dec 1"', at: "Elections!C2", raise: () => elections(salary("Dec 1", 2004)) }],

  ["S01", { sheet: "a stock allocation above the Investment Account", at: "Activity!D8", raise: () => statement() }],
  [
    "S02",
    {
      sheet: 'an Amount of "lots"',
      at: "Activity!D10",
      raise: () => statement(withRow(["Ben Ortiz", "2003-08-21", "deferral", "lots" as never, "", "", "", ""])),
    },
  ],
  [
    "S03",
    {
      sheet: "no prime rate quoted before the first investment deferral",
      at: "Activity!B3",
      cites: "5.2(b)",
      raise: () =>
        statement(ACTIVITY_ROWS, {
          primeRates: grid("Prime Rates", [
            ["Date", "Annual Rate"],
            ["2003-06-27", 0.04],
          ]),
        }),
    },
  ],
  [
    "S04",
    {
      sheet: "a Match Rate of 5%",
      at: "Activity!E10",
      cites: "4.3",
      raise: () => statement(withRow(["Ben Ortiz", "2003-08-21", "deferral", 1000, 0.05, "", "", ""])),
    },
  ],
  [
    "S05",
    {
      sheet: "a deferral while Ben Ortiz is suspended",
      at: "Activity!B9",
      cites: "3.3",
      raise: () =>
        statement(ACTIVITY_ROWS, {
          participation: grid("Participation", [
            ["Participant", "Suspended"],
            ["Ben Ortiz", "2003-08-01"],
          ]),
        }),
    },
  ],
  [
    "S06",
    {
      sheet: "a Match Rate on a discretionary credit",
      at: "Activity!E10",
      cites: "4.3",
      raise: () => statement(withRow(["Ben Ortiz", "2003-08-21", "discretionary", 1000, 0.25, "", "", ""])),
    },
  ],
  [
    "S07",
    {
      sheet: 'Ben Ortiz spelled "ben ortiz"',
      at: "Activity!A10",
      raise: () => statement(withRow(["ben ortiz", "2003-08-21", "deferral", 1000, "", "", "", ""])),
    },
  ],
  [
    "S08",
    {
      sheet: "an Amount of 9.99e307",
      at: "Activity!D10",
      cites: "8.1(a),(c)",
      raise: () => statement(withRow(["Ben Ortiz", "2003-08-21", "deferral", 9.99e307, "", "", "", ""])),
    },
  ],
  ["S09", { sheet: "an Activity row repeated", at: "Activity!A10", raise: () => statement(withRow(ACTIVITY_ROWS[7])) }],

  ["R01", { sheet: 'a Ledger Kind of "bonus"', at: "Ledger!B2", raise: () => ledgerFindings(["2003-03-31", "bonus", 100]) }],
  [
    "R02",
    {
      sheet: "a Credits row with no Prices",
      at: "Credits!C2",
      cites: "13.8",
      raise: () =>
        reconcileWorkflow({
          credits: grid("Credits", [
            ["Participant", "Deferred Amount", "Pay Date"],
            ["Ann Lee", 1000, "2003-08-15"],
          ]),
        }).findings,
    },
  ],
  [
    "R03",
    {
      sheet: "103 splits of 1,000 for 1 that scale the reserve past what a cell holds",
      at: "Splits!B102",
      raise: () =>
        reconcileWorkflow({
          activity: grid("Activity", [
            ["Participant", "Date", "Kind", "Amount"],
            ["Ann Lee", "2003-03-31", "discretionary", 1000],
          ]),
          splits: grid("Splits", [["Date", "New Shares", "Old Shares"], ...Array.from({ length: 103 }, (_, i) => [addDays("2002-06-03", i), 1000, 1])]),
          prices: grid("Prices", [
            ["Date", "Close"],
            ["2003-03-31", 1],
          ]),
        }).findings,
    },
  ],
  ["R04", { sheet: "an option of 100.5 shares", at: "Ledger!C2", raise: () => ledgerFindings(["2003-03-31", "option", 100.5]) }],
  ["R05", { sheet: "a split of 1e300 for 1", at: "Ledger!C2", cites: "13.8", raise: () => ledgerFindings(["2003-03-31", "split", 1e300]) }],
  ["R06", { sheet: "a Ledger row repeated", at: "Ledger!A3", raise: () => ledgerFindings(["2003-03-31", "units", 100], ["2003-03-31", "units", 100]) }],
  [
    "R07",
    {
      sheet: 'Ann Lee spelled "ann lee"',
      at: "Ledger!D3",
      raise: () => ledgerFindings(["2003-03-31", "units", 100, "Ann Lee"], ["2003-06-30", "units", 100, "ann lee"]),
    },
  ],
  [
    "R08",
    {
      sheet: "2,000,000 units credited when 1,000,000 of the 6,000,000 remain",
      at: "Ledger!A3",
      cites: "§13.8, §15.2",
      raise: () =>
        ledger(["2003-03-31", "units", 5_000_000], ["2003-06-30", "units", 2_000_000]).reconciliation.violations.map((v) => ({
          ...v.line.entry.cells.source,
          ...v,
        })),
    },
  ],
  [
    "R09",
    {
      sheet: "a Reported Remaining 100 shares off",
      at: "Ledger!A2",
      raise: () => ledger(["2003-03-31", "units", 100, "", 5_999_800]).reconciliation.divergences.map((d) => ({ ...d.line.entry.cells.source, ...d })),
    },
  ],

  ["P01", { sheet: 'a Death Date of "soon"', at: "Payouts!B2", raise: () => payouts(["Death Date"], ["soon"]) }],
  [
    "P02",
    {
      sheet: "a Source on a DCA holding",
      at: "Holdings!D2",
      raise: () => payouts(["Death Date"], ["2003-09-15"], { holdings: [HOLDINGS[0], ["Ann Lee", "DCA", 100, "discretionary"]] }),
    },
  ],
  [
    "P03",
    {
      sheet: "an Elected Date with no Election Effective Date",
      at: "Payouts!C2",
      cites: "7.1(f)",
      raise: () => payouts(["Elected Date", "Election Effective Date"], ["2004-06-01", ""]),
    },
  ],
  [
    "P04",
    {
      sheet: "no close on the distribution date",
      at: "Payouts!A2",
      cites: "7.2(a)",
      raise: () =>
        payouts(["Death Date"], ["2003-09-15"], {
          prices: grid("Prices", [
            ["Date", "Close"],
            ["2003-01-02", 4],
          ]),
        }),
    },
  ],
  [
    "P05",
    {
      sheet: "an Elected Date 12 months after the election took effect",
      at: "Payouts!B2",
      raise: () => payouts(["Elected Date", "Election Effective Date", "Death Date"], ["2003-10-01", "2002-10-01", "2003-09-15"]),
    },
  ],
  ["P06", { sheet: "no Distributable Event", at: "Payouts!A2", raise: () => payouts(["Tax Rate"], [0.2]) }],
  [
    "P07",
    {
      sheet: "a cash tax election received after the death",
      at: "Payouts!D2",
      raise: () => payouts(["Death Date", "Tax Rate", "Cash Tax Election Date"], ["2003-09-15", 0.2, "2003-09-20"]),
    },
  ],
  [
    "P08",
    {
      sheet: "a beneficiary whose form the Committee has not accepted",
      at: "Payouts!D2",
      cites: "9.3",
      raise: () => payouts(["Death Date", "Beneficiary", "Form Approved"], ["2003-09-15", "Bo Lee", "N"]),
    },
  ],
  [
    "P09",
    {
      sheet: "a withdrawal of 30%",
      at: "Withdrawals!C2",
      raise: () =>
        payouts(["Death Date"], ["2003-09-15"], {
          withdrawals: [
            ["Participant", "Approval Date", "Fraction"],
            ["Ann Lee", "2003-07-01", 0.3],
          ],
        }),
    },
  ],

  ["C01", { sheet: 'a Filed date of "soon"', at: "Claims!B2", raise: () => claims(["Eve Park", "soon", "2003-01-01", "N", "", "", "", ""]) }],
  [
    "C02",
    {
      sheet: "a claim filed 3 years after knowledge",
      at: "Claims!B2",
      raise: () => claims(["Eve Park", "2003-06-01", "2000-01-01", "N", "", "2003-07-01", "", ""]),
    },
  ],
  [
    "C03",
    {
      sheet: "a review requested 90 days after the denial",
      at: "Claims!G2",
      raise: () => claims(["Eve Park", "2003-05-01", "2003-04-01", "N", "", "2003-06-01", "2003-08-30", "2003-09-15"]),
    },
  ],
  ["C04", { sheet: "no decision on the claim, long due", at: "Claims!F2", raise: () => claims(["Eve Park", "2003-05-01", "2003-04-01", "N", "", "", "", ""]) }],
  [
    "C05",
    {
      sheet: "a review never decided",
      at: "Claims!H2",
      raise: () => claims(["Eve Park", "2003-06-01", "2000-01-01", "N", "", "2003-07-01", "2003-08-01", ""]),
    },
  ],
  [
    "C06",
    {
      sheet: "an extension notice on a claim that is not a Disability claim",
      at: "Claims!E2",
      raise: () => claims(["Fay Moss", "2003-05-01", "2003-04-01", "N", "2003-06-01", "2003-07-01", "", ""]),
    },
  ],
  [
    "C07",
    {
      sheet: "a denied Disability claim",
      at: "Claims!F2",
      raise: () => claims(["Gus Hill", "2003-05-01", "2003-04-01", "Y", "", "2003-07-01", "", ""]),
    },
  ],
  [
    "C08",
    {
      sheet: "a claim exhausted after the window for legal action closed",
      at: "Claims!C2",
      raise: () => claims(["Eve Park", "2003-06-01", "2000-01-01", "N", "", "2003-07-01", "2003-08-01", ""]),
    },
  ],
  [
    "C09",
    {
      sheet: "a denial before the claim was filed",
      at: "Claims!F2",
      raise: () => claims(["Eve Park", "2003-05-01", "2003-04-01", "N", "", "2003-04-15", "", ""]),
    },
  ],

  [
    "H01",
    {
      sheet: 'an event dated "not a date"',
      at: "CIC Events!A3",
      raise: () => cicWorkflow({ events: events(["not a date", "board", "", "", "", "", 5, 10]) }).findings,
    },
  ],
  [
    "H02",
    {
      sheet: 'an event of Type "merger"',
      at: "CIC Events!B3",
      raise: () => cicWorkflow({ events: events(["2003-03-20", "merger", "", "", "", "", "", ""]) }).findings,
    },
  ],
  [
    "H03",
    {
      sheet: "a Pct Common of 150%",
      at: "CIC Events!C3",
      raise: () => cicWorkflow({ events: events(["2003-03-20", "acquisition", 1.5, "", "", "", "", ""]) }).findings,
    },
  ],
  [
    "H04",
    {
      sheet: "a board event with no Board Size",
      at: "CIC Events!H3",
      cites: "1.1(e)(ii)",
      raise: () => cicWorkflow({ events: events(["2003-03-20", "board", "", "", "", "", 4, ""]) }).findings,
    },
  ],
  ["H05", { sheet: 'Trust Assets of "lots"', at: "Trust!C2", raise: () => cicWorkflow({ events: events(), trust: trust(["", "Y", "lots"]) }).findings }],
  [
    "H06",
    {
      sheet: 'a Holdings Quantity of "lots"',
      at: "Holdings!D2",
      raise: () => cicWorkflow({ events: events(), holdings: cicHoldings(["Ann Lee", "Hecla", "DCA", "lots", ""]), prices: CIC_PRICES }).findings,
    },
  ],
  [
    "H07",
    {
      sheet: "no close to value the Accounts on the Trust's date",
      at: "Trust!A2",
      raise: () =>
        cicWorkflow({
          events: events(),
          trust: trust(["2003-03-18", "Y", 1000]),
          holdings: cicHoldings(["Ann Lee", "Hecla", "DCA", 100, ""]),
          prices: grid("Prices", [
            ["Date", "Close"],
            ["2003-04-01", 3],
          ]),
        }).findings,
    },
  ],
  [
    "H08",
    {
      sheet: "no Trust established",
      at: "Trust!B2",
      raise: () =>
        cicWorkflow({ events: events(), trust: trust(["", "N", ""]), holdings: cicHoldings(["Ann Lee", "Hecla", "DCA", 100, ""]), prices: CIC_PRICES })
          .findings,
    },
  ],
  [
    "H09",
    {
      sheet: "a Trust dated apart from the events",
      at: "Trust!A2",
      raise: () => cicWorkflow({ events: events(), trust: trust(["2003-03-17", "Y", 1000]) }).findings,
    },
  ],
  [
    "H10",
    {
      sheet: "a Source on a DCA holding",
      at: "Holdings!E2",
      raise: () => cicWorkflow({ events: events(), holdings: cicHoldings(["Ann Lee", "Hecla", "DCA", 100, "discretionary"]), prices: CIC_PRICES }).findings,
    },
  ],

  [
    "T01",
    {
      sheet: "a note 900 rows below the Prices table",
      at: "Prices!A900",
      raise: () =>
        reconcileWorkflow({
          credits: grid("Credits", [
            ["Participant", "Deferred Amount", "Pay Date"],
            ["Ann Lee", 1000, "2003-03-14"],
          ]),
          prices: {
            ...grid("Prices", [
              ["Date", "Close"],
              ["2003-03-31", 1],
            ]),
            outside: [{ row: 900, column: 0, value: "note" }],
          },
        }).findings,
    },
  ],

  [
    "T02",
    {
      sheet: "a Claims sheet naming Filed twice",
      at: "Claims!D1",
      raise: () =>
        claimsWorkflow(
          {
            claims: grid("Claims", [
              ["Claimant", "Filed", "Knew", "Filed"],
              ["Ann Lee", "2003-03-01", "2003-01-15", "2003-04-01"],
            ]),
          },
          "2003-03-15",
        ).findings,
    },
  ],
];
