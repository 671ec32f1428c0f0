import fs from "fs";
import os from "os";
import path from "path";
import { dcp } from "../helpers/cli";
import { ocfExportValidator } from "../helpers/ocf";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dcp-reserve-"));

describe("dcp reserve on the example ledger", () => {
  it("prints the expected figures as JSON and exits 1 for its violations and divergence", () => {
    const { code, stdout, stderr } = dcp("reserve", "examples/reserve.xlsx", "--json");
    expect(stderr).toBe("");
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ asOf: "2004-05-07", reserve: 12_000_000, used: 12_400_000, remaining: -400_000, exhaustionDate: "2004-03-31" });
    expect(report.violations).toEqual([
      { row: 8, date: "2004-03-31", kind: "units", quantity: 900_000, shortfall: 300_000, section: "§13.8, §15.2", message: expect.stringMatching(/only 600,000 shares remained/) },
      { row: 9, date: "2004-05-07", kind: "option", quantity: 100_000, shortfall: 100_000, section: "§13.8, §5.4(c)", message: expect.stringMatching(/already used up/) },
    ]);
    expect(report.divergences).toEqual([{ row: 7, date: "2003-12-31", reported: 700_000, computed: 600_000, difference: 100_000 }]);
    expect(report.ledger[3]).toEqual({ row: 5, date: "2003-06-30", kind: "split", quantity: 2, used: 7_000_000, remaining: 5_000_000 });
  });

  it("--as-of sets the summary date; exhaustion and violations still cover the whole ledger", () => {
    const report = JSON.parse(dcp("reserve", "examples/reserve.xlsx", "--json", "--as-of", "2003-06-30").stdout);
    expect(report).toMatchObject({ asOf: "2003-06-30", reserve: 12_000_000, used: 7_000_000, remaining: 5_000_000, exhaustionDate: "2004-03-31" });
    expect(report.violations).toHaveLength(2);
  });

  it("prints a summary for a person, naming the sheets it read", () => {
    const { stdout } = dcp("reserve", "examples/reserve.xlsx");
    expect(stdout).toMatch(/^Share reserve as of 2004-05-07 \(§13\.8\)\n {2}Sheets {5}ledger "Ledger"\n {2}Reserve {4}12,000,000\n {2}Used {7}12,400,000 \(103\.33% of the reserve\)\n {2}Remaining {2}-400,000\n {2}Used up on 2004-03-31/);
  });

  it("writes Open Cap Format that validates against the OCF 1.2.0 schemas", () => {
    const out = path.join(tmp, "ledger.ocf.json");
    dcp("reserve", "examples/reserve.xlsx", "--ocf", out);
    expect(ocfExportValidator()(JSON.parse(fs.readFileSync(out, "utf8")))).toBe(true);
  });

  it("builds the ledger from Credits and Prices, by quarter and participant, and exits 0 when it reconciles", () => {
    const { code, stdout } = dcp("reserve", "examples/credits.xlsx", "--json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.credits.map((c: { participant: string }) => c.participant)).toEqual(["Ann Lee", "Ben Ortiz", "Cara Diaz"]);
    expect(report.ledger).toHaveLength(8);
    expect(report.ledger.every((l: { date: string }) => l.date === "2003-09-30")).toBe(true);
  });

  it.each([
    ["a workbook without a Ledger or Credits sheet", ["reserve", "examples/elections.xlsx"], /^dcp: the workbook has no Ledger or Credits sheet/],
    ["a bad --as-of", ["reserve", "examples/reserve.xlsx", "--as-of", "May 7"], /^dcp: --as-of May 7 is not a YYYY-MM-DD date\n$/],
    ["a missing file", ["reserve", "none.xlsx"], /^dcp: cannot read none\.xlsx: no such file\n$/],
  ])("exits 2 with one clear line for %s", (_what, args, message) => {
    const { code, stderr } = dcp(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
