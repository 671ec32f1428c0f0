/**
 * Cara Diaz's 2005 in examples/records.xlsx, worked by hand from the plan's words rather than from the engine:
 * her Investment Account quarter by quarter (§5.2(b)), her options through the 2005-06-01 2-for-1 split
 * (STATEMENT.md, Splits), one of them at a dollar discount (§5.1, §5.4), and the $50,000 allocation the plan
 * refuses (§5.2(c)). Closes come from the workbook's Prices sheet; Business Days from the NYSE session record.
 */
import path from "path";
import { findSheet, openWorkbook, sheetGrid } from "../../src/workbook/xlsx";
import { statementWorkflow, type StatementGrids } from "../../src/workflows/statement";
import { ROOT } from "../helpers/cli";

const SHEETS = { activity: "Activity", dividends: "Dividends", splits: "Splits", prices: "Prices", primeRates: "Prime Rates" } as const;

describe("examples/records.xlsx, Cara Diaz's 2005 worked by hand", () => {
  let grids: StatementGrids;
  beforeAll(async () => {
    const workbook = await openWorkbook(path.join(ROOT, "examples/records.xlsx"));
    grids = Object.fromEntries(
      Object.entries(SHEETS).map(([key, name]) => {
        const sheet = findSheet(workbook, name);
        if (!sheet) throw new Error(`examples/records.xlsx has no ${name} sheet`);
        return [key, sheetGrid(sheet)];
      }),
    );
  });

  const cara = () => {
    const result = statementWorkflow(grids, { participant: "Cara Diaz", from: "2005-01-01", to: "2005-12-31" });
    expect(result.participants).toHaveLength(1);
    return result.participants[0].statement;
  };

  it("states her Investment Account: $3,000 a quarter in, $2,000 and $2,000 out, interest on the average daily balance at the quarter's prime rate", () => {
    // 2004 (opening): Q1 273,000.00 dollar-days / 91 × 4.00% / 4 = 30.00; Q2 432,730.00 / 91 × 4.00% / 4 = 47.55
    // (after $2,000 out on 2004-05-04); Q3 651,134.60 / 92 × 4.25% / 4 = 75.20; Q4 816,053.00 / 92 × 4.75% / 4 = 105.33
    // (after $2,000 out on 2004-11-03): 12,000 − 4,000 + 258.08 = 8,258.08.
    // 2005: Q1 1,013,227.20 / 90 × 5.25% / 4 = 147.76; Q2 1,194,931.44 / 91 × 5.75% / 4 = 188.76 ($2,000 out 2005-05-04);
    // Q3 1,434,703.20 / 92 × 6.25% / 4 = 243.67; Q4 1,615,120.84 / 92 × 6.75% / 4 = 296.25 ($2,000 out 2005-11-03).
    const ia = cara().accounts.IA;
    expect(ia.opening.toFixed(2)).toBe("8258.08");
    expect(ia.credited.toFixed(2)).toBe("12000.00");
    expect(ia.interest.toFixed(2)).toBe("876.44");
    expect(ia.allocatedOut.toFixed(2)).toBe("4000.00");
    expect(ia.closing.toFixed(2)).toBe("17134.52");
    expect(ia.value.toFixed(2)).toBe("17134.52");
  });

  it("refuses the $50,000 allocation released 2005-07-25: the account held $15,594.60 at the close of 2005-08-03 (§5.2(c))", () => {
    const result = statementWorkflow(grids, { participant: "Cara Diaz", from: "2005-01-01", to: "2005-12-31" });
    expect(result.findings.map((f) => [f.rule, f.message.includes("$50,000.00"), f.message.includes("$15,594.60")])).toEqual([["S01", true, true]]);
  });

  it("grants her options at the determination date's close and carries the three before 2005-06-01 through the 2-for-1 split", () => {
    // 2004-04-24 → determination 2004-05-04, close $5.93, 20% = $1.186 a share: floor(2,000 / 1.186) = 1,686 at $4.7440;
    //   after the split floor(1,686 × 2) = 3,372 at $4.7440 / 2 = $2.3720.
    // 2004-10-24 → 2004-11-03, $5.82, $1.164: 1,718 at $4.6560 → 3,436 at $2.3280.
    // 2005-04-24 → 2005-05-04, $6.04, $1.208: 1,655 at $4.8320 → 3,310 at $2.4160.
    // 2005-10-24 → 2005-11-03, $3.62, a dollar discount of $0.50 (within §5.1: at least 10% = $0.362, at most 50% = $1.81):
    //   floor(2,000 / 0.50) = 4,000 at $3.1200, after the split, so unadjusted.
    // Exercisable: the later of six months after the grant and January 1 of the next year (§7.2(c)(ii)).
    // Valued at 2005-12-30's close, $4.01: 3,372 × 1.638 = 5,523.34; 3,436 × 1.682 = 5,779.35; 3,310 × 1.594 = 5,276.14;
    //   4,000 × 0.89 = 3,560.00.
    const statement = cara();
    expect(statement.fairMarketValue.toFixed(2)).toBe("4.01");
    expect(
      statement.options.map((o) => [
        o.grantDate,
        o.grantFairMarketValue.toFixed(2),
        o.shares.toFixed(0),
        o.exercisePrice.toFixed(4),
        o.exercisableDate,
        o.value.toFixed(2),
      ]),
    ).toEqual([
      ["2004-05-04", "5.93", "3372", "2.3720", "2005-01-01", "5523.34"],
      ["2004-11-03", "5.82", "3436", "2.3280", "2005-05-03", "5779.35"],
      ["2005-05-04", "6.04", "3310", "2.4160", "2006-01-01", "5276.14"],
      ["2005-11-03", "3.62", "4000", "3.1200", "2006-05-03", "3560.00"],
    ]);
  });
});
