import { cellValues, type SheetTemplate } from "../../src/sheets/templates";
import { CIC_EVENTS_TEMPLATE, CLAIMS_TEMPLATE, TRUST_TEMPLATE } from "../../src/sheets/claimsTemplates";
import type { SheetGrid } from "../../src/sheets/grid";
import { claimsWorkflow } from "../../src/workflows/claims";
import { cicWorkflow } from "../../src/workflows/changeInControl";

const gridOf = (t: SheetTemplate): SheetGrid => ({ sheet: t.sheet, firstRow: 1, firstColumn: 0, values: [t.columns.map((c) => c.header), ...cellValues(t)] });

describe("the claims templates' worked rows", () => {
  it("read without an unreadable cell and show a late review and a late claim", () => {
    const result = claimsWorkflow({ claims: gridOf(CLAIMS_TEMPLATE) }, "2003-07-01");
    expect(result.findings.map((f) => f.rule).sort()).toEqual(["C02", "C03", "C04", "C07"]);
  });

  it("give a Change in Control on 2003-03-15 under (i) and (ii)", () => {
    const result = cicWorkflow({ events: gridOf(CIC_EVENTS_TEMPLATE), trust: gridOf(TRUST_TEMPLATE) });
    expect(result.changeInControl).toEqual({ date: "2003-03-15", clauses: ["§1.1(e)(i)", "§1.1(e)(ii)"] });
    expect(result.findings).toEqual([]);
  });
});
