import { functionsJson, loadFunctionsBundle } from "../helpers/bundle";
import fs from "fs";
import path from "path";

const CATALOGUE = [
  "IS_BUSINESS_DAY",
  "BUSINESS_DAY",
  "QUARTER_END",
  "ELECTION_WINDOW_END",
  "CLOSE_PRICE",
  "FAIR_MARKET_VALUE",
  "QUARTER_AVG_PRICE",
  "UNITS_CREDITED",
  "MATCH_UNITS",
  "DISCRETIONARY_UNITS",
  "DIVIDEND_UNITS",
  "SPLIT_ADJUST",
  "ALLOCATION_UNITS",
  "MAX_SHARES",
  "INVESTMENT_INTEREST",
  "INVESTMENT_BALANCE",
  "MIN_DISCOUNT",
  "MAX_DISCOUNT",
  "OPTION_PRICE",
  "OPTION_SHARES",
  "OPTION_EXERCISABLE_DATE",
  "DISTRIBUTABLE_EVENT",
  "DISTRIBUTION_DATE",
  "EARLIEST_ELECTED_DISTRIBUTION",
  "STOCK_ACCOUNT_RELEASE_DATE",
  "WITHDRAWAL_PENALTY",
  "NONPARTICIPATION_END",
  "WITHHOLD_SHARES",
  "WITHHOLD_CASH",
  "ELECTION_DEADLINE",
  "NEW_PARTICIPANT_DEADLINE",
  "RESERVE_USED",
  "RESERVE_REMAINING",
  "RESERVE_EXHAUSTION_DATE",
  "RETENTION_SCHEDULE",
  "LATE_INTEREST",
  "ACCOUNT_BALANCE",
  "ACCOUNT_STATEMENT",
  "OPTION_GRANTS",
  "PAYOUT_EVENT",
  "PAYOUT",
  "WITHDRAWAL",
  "CLAIM_DEADLINES",
  "CIC_DATE",
  "CIC_FUNDING",
];

/** Argument order and optionality fixed by FUNCTIONS.md. */
const SIGNATURES: Record<string, string> = {
  BUSINESS_DAY: "date, [offset]",
  UNITS_CREDITED: "amount, prices, payDate, [places]",
  MATCH_UNITS: "deferredAmount, prices, payDate, [matchRate], [places]",
  DIVIDEND_UNITS: "unitsAtRecord, dividendPerShare, prices, paymentDate, [places]",
  SPLIT_ADJUST: "units, newShares, oldShares, [places]",
  INVESTMENT_BALANCE: "flows, primeRates, asOfDate",
  OPTION_SHARES: "amount, fmv, discount, [discountType]",
  DISTRIBUTABLE_EVENT: "disability, death, separation, planTermination, causeTermination, electedDate",
  RESERVE_REMAINING: "ledger, [asOfDate], [initialReserve]",
  RETENTION_SCHEDULE: "[terminationDate], [terminationType], [changeInControlDate]",
  LATE_INTEREST: "amount, dueDate, paidDate, [annualRate]",
  // STATEMENT.md, "Functions"
  // STATEMENT.md's arguments, then the optional lifecycle tables of PAYOUT.md §7.
  ACCOUNT_BALANCE: "activity, prices, dividends, splits, primeRates, participant, account, asOfDate, [withdrawals], [participation], [plan], [payouts]",
  ACCOUNT_STATEMENT: "activity, prices, dividends, splits, primeRates, participant, fromDate, toDate, [withdrawals], [participation], [plan], [payouts]",
  OPTION_GRANTS: "activity, prices, splits, participant, asOfDate",
  // PAYOUT.md §1, "Functions"
  PAYOUT_EVENT:
    "disability, death, lastDayWorked, planTermination, causeDate, electedDate, electionEffective, [cicDate], [parachute], [auditorOpinion], [electedApproved]",
  PAYOUT: "payouts, holdings, prices, participant",
  WITHDRAWAL: "holdings, prices, participant, approvalDate, fraction, [distributionDate], [taxRate]",
  CLAIM_DEADLINES:
    "filed, knew, [participantKnew], [disability], [extension1], [extension2], [denialReceived], [reviewRequested], [reviewExtension], [reviewDecision]",
  CIC_DATE: "cicEvents",
  CIC_FUNDING: "holdings, prices, cicDate, trustAssets, [trustEstablished]",
};

describe("the built functions bundle", () => {
  const { registered, globals } = loadFunctionsBundle();
  const metadata = functionsJson().functions;

  it("registers all 45 catalogue functions (FUNCTIONS.md, STATEMENT.md and PAYOUT.md) with only CustomFunctions and Office present", () => {
    expect(Object.keys(registered).sort()).toEqual([...CATALOGUE].sort());
    expect(globals).toEqual([]);
  });

  it("matches functions.json: every id registered, with equal parameter counts", () => {
    expect(metadata.map((f) => f.id).sort()).toEqual([...CATALOGUE].sort());
    for (const f of metadata) {
      expect(registered[f.id]).toBeDefined();
      expect(registered[f.id].length).toBe(f.parameters.length);
      expect(f.name).toBe(f.id);
    }
  });

  it("keeps the catalogue's argument order and optional arguments", () => {
    for (const [id, signature] of Object.entries(SIGNATURES)) {
      const f = metadata.find((m) => m.id === id)!;
      expect(f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")).toBe(signature);
    }
  });

  it("declares tables as matrices and RETENTION_SCHEDULE, ACCOUNT_STATEMENT and OPTION_GRANTS as spills", () => {
    const prices = metadata.find((m) => m.id === "UNITS_CREDITED")!.parameters[1];
    expect(prices.dimensionality).toBe("matrix");
    for (const id of ["RETENTION_SCHEDULE", "ACCOUNT_STATEMENT", "OPTION_GRANTS"])
      expect(metadata.find((m) => m.id === id)!.result.dimensionality).toBe("matrix");
    const balance = metadata.find((m) => m.id === "ACCOUNT_BALANCE")!;
    expect(balance.parameters.slice(0, 5).map((p) => p.dimensionality)).toEqual(["matrix", "matrix", "matrix", "matrix", "matrix"]);
  });

  it("loads no UI code: no React or Fluent UI in functions.js, and it stays under 150 kB", () => {
    const code = fs.readFileSync(path.resolve(__dirname, "../../dist/functions.js"), "utf8");
    expect(code).not.toMatch(/react|fluentui|createElement/i);
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(150 * 1024);
  });
});
