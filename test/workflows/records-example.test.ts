/** examples/records.xlsx: what it holds, what its statements find, and that it is what scripts/records-example.ts writes. */
import path from "path";
import ExcelJS from "exceljs";
import { addRecordsSheets } from "../../scripts/records-example";
import { findSheet, openWorkbook, sheetGrid } from "../../src/workbook/xlsx";
import { statementWorkflow, type StatementGrids } from "../../src/workflows/statement";
import { iso } from "../helpers/bundle";
import { ROOT } from "../helpers/cli";

const SHEETS = { activity: "Activity", dividends: "Dividends", splits: "Splits", prices: "Prices", primeRates: "Prime Rates" } as const;

function gridsOf(workbook: ExcelJS.Workbook): StatementGrids {
  return Object.fromEntries(
    Object.entries(SHEETS).map(([key, name]) => {
      const sheet = findSheet(workbook, name);
      return [key, sheet ? sheetGrid(sheet) : undefined];
    }),
  );
}

describe("examples/records.xlsx", () => {
  let grids: StatementGrids;
  beforeAll(async () => {
    grids = gridsOf(await openWorkbook(path.join(ROOT, "examples/records.xlsx")));
  });

  it("is exactly what scripts/records-example.ts writes", () => {
    const fresh = new ExcelJS.Workbook();
    addRecordsSheets(fresh);
    const regenerated = gridsOf(fresh);
    for (const key of Object.keys(SHEETS) as Array<keyof StatementGrids>) expect(grids[key]?.values).toEqual(regenerated[key]?.values);
  });

  it("holds four participants over four years, a split, a dividend every quarter, and finds only the allocation larger than the balance", () => {
    const result = statementWorkflow(grids);
    expect(result.unusable).toBeUndefined();
    expect([result.from, result.to]).toEqual(["2003-01-15", "2006-12-28"]);
    expect(result.rowsRead).toEqual({ activity: 176, dividends: 16, splits: 1 });
    expect(result.participants.map((p) => p.statement.participant)).toEqual(["Ann Lee", "Ben Ortiz", "Cara Diaz", "Dan Wu"]);
    expect(result.findings.map((f) => [f.sheet, f.column, f.rule, f.severity])).toEqual([["Activity", "Amount", "S01", "error"]]);
    const row = grids.activity!.values[result.findings[0].row - 1];
    expect(row[7]).toBe("larger than the Investment Account balance");

    const [ann, ben, cara] = result.participants;
    const kinds = (p: typeof ann) => new Set(p.replay.postings.map((posting) => `${posting.account} ${posting.kind}`));
    expect(kinds(ann)).toEqual(
      new Set([
        "DCA credited",
        "CMSA credited",
        "CSA credited",
        "IA credited",
        "IA interest",
        "IA allocatedOut",
        "DCA dividends",
        "CMSA dividends",
        "CSA dividends",
        "DCA splitAdjustment",
        "CMSA splitAdjustment",
        "CSA splitAdjustment",
      ]),
    );
    const quarterOf = (serialDate: unknown) => iso(serialDate as number).slice(0, 5) + Math.ceil(Number(iso(serialDate as number).slice(5, 7)) / 3);
    const quarters = new Set(grids.dividends!.values.slice(1).map(([recordDate]) => quarterOf(recordDate)));
    expect(quarters.size).toBe(16);
    // Every dividend but the first, of record 2003-02-18, before Ben's first units were credited on 2003-03-31 (reading 3).
    expect(new Set(ben.replay.postings.filter((p) => p.kind === "dividends" && p.account === "DCA").map((p) => p.date)).size).toBe(15);
    // Options granted before 2005-06-01 doubled; Cara's dollar discounts came after it.
    const early = ann.replay.options.filter((o) => o.grantDate < "2005-06-01");
    expect(early.length).toBeGreaterThan(0);
    for (const grant of early) expect(grant.adjustments.map((a) => [a.date, a.shares.toNumber()])).toEqual([["2005-06-01", grant.shares.times(2).toNumber()]]);
    expect(cara.statement.options).toHaveLength(6);
  });
});
