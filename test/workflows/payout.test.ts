/**
 * payoutWorkflow over sheets a person got wrong: nothing is paid on part of
 * a participant's Accounts, a row §11 refuses is an error entry rather than
 * a missing participant, and a second withdrawal never takes units the first
 * already took (PAYOUT.md §1, §6, §11).
 */
import { HOLDINGS_TEMPLATE, PAYOUT_PRICES_TEMPLATE, PAYOUTS_TEMPLATE, WITHDRAWALS_TEMPLATE } from "../../src/sheets/payoutTemplates";
import { cellValues } from "../../src/sheets/templates";
import { payoutWorkflow } from "../../src/workflows/payout";
import { serial } from "../helpers/bundle";
import { templateGrid } from "../helpers/sheets";

const prices = templateGrid(PAYOUT_PRICES_TEMPLATE);
const holdings = templateGrid(HOLDINGS_TEMPLATE);
const column = (header: string, template = PAYOUTS_TEMPLATE) => template.columns.findIndex((c) => c.header === header);
const withCell = (rows: unknown[][], row: number, header: string, value: unknown, template = PAYOUTS_TEMPLATE) =>
  rows.map((cells, r) => (r === row ? cells.map((cell, c) => (c === column(header, template) ? value : cell)) : cells));
const withdrawals = (rows: unknown[][]) => templateGrid(WITHDRAWALS_TEMPLATE, rows);

describe("payoutWorkflow", () => {
  it("answers a participant whose Payouts row it cannot read with an error entry naming the cell's problem, in sheet order", () => {
    const rows = withCell(cellValues(PAYOUTS_TEMPLATE), 0, "Last Day Worked", "2003-02-30");
    const result = payoutWorkflow({ payouts: templateGrid(PAYOUTS_TEMPLATE, rows), holdings, prices });
    expect(result.payouts[0]).toEqual(
      expect.objectContaining({ participant: "Ann Lee", error: expect.stringContaining('Last Day Worked holds "2003-02-30"') }),
    );
    expect(result.payouts.map((p) => p.participant)).toEqual(PAYOUTS_TEMPLATE.rows.map((row) => row[0]));
    expect(result.findings).toContainEqual(expect.objectContaining({ sheet: "Payouts", row: 2, rule: "P01" }));
  });

  it("pays nothing on part of the Accounts: a Holdings row it cannot read makes that participant an error", () => {
    const rows = withCell(cellValues(HOLDINGS_TEMPLATE), 1, "Quantity", -1, HOLDINGS_TEMPLATE);
    const result = payoutWorkflow({ payouts: templateGrid(PAYOUTS_TEMPLATE), holdings: templateGrid(HOLDINGS_TEMPLATE, rows), prices });
    const ann = result.payouts.find((p) => p.participant === "Ann Lee");
    expect(ann).toEqual(expect.objectContaining({ error: expect.stringMatching(/^Holdings row 3 cannot be read/) }));
    expect(result.payouts.find((p) => p.participant === "Ben Ortiz")).toHaveProperty("payout");
  });

  it("takes a later withdrawal from what the earlier ones left, and refuses a second the same day", () => {
    const ivy = (date: string, fraction: number) => ["Ivy Chen", serial(date), fraction, "", ""];
    const run = (rows: unknown[][]) =>
      payoutWorkflow({
        payouts: templateGrid(PAYOUTS_TEMPLATE),
        holdings,
        prices: templateGrid(PAYOUT_PRICES_TEMPLATE, [...cellValues(PAYOUT_PRICES_TEMPLATE), [serial("2003-06-17"), 5]]),
        withdrawals: withdrawals(rows),
      });
    const [later, first] = run([ivy("2003-06-17", 1), ivy("2003-06-16", 0.5)]).withdrawals;
    // Ivy Chen: 100.000002 DCA, 10.5 CMSA, 4 discretionary CSA units. Half on 2003-06-16, then all that is left.
    if (!("withdrawal" in first) || !("withdrawal" in later)) throw new Error("both withdrawals computed");
    expect(first.withdrawal.unitsWithdrawn.DCA.toString()).toBe("50.000001");
    expect(later.withdrawal.unitsWithdrawn.DCA.toString()).toBe("50.000001");
    expect(later.withdrawal.unitsWithdrawn.CMSA.plus(first.withdrawal.unitsWithdrawn.CMSA).toString()).toBe("10.5");
    expect(later.withdrawal.unitsWithdrawn.CSA.plus(first.withdrawal.unitsWithdrawn.CSA).toString()).toBe("4");

    const twice = run([ivy("2003-06-16", 0.5), ivy("2003-06-16", 0.5)]);
    expect(twice.withdrawals[1]).toEqual(
      expect.objectContaining({ error: expect.stringContaining("already has a withdrawal approved on 2003-06-16 (row 2)") }),
    );
    expect(twice.findings).toContainEqual(expect.objectContaining({ sheet: "Withdrawals", row: 3, rule: "P09" }));
  });

  it("computes no later withdrawal once an earlier one is not known: not computed, or a row it cannot read", () => {
    const ivy = (date: unknown, fraction: unknown) => ["Ivy Chen", date, fraction, "", ""];
    const run = (rows: unknown[][]) =>
      payoutWorkflow({ payouts: templateGrid(PAYOUTS_TEMPLATE), holdings, prices, withdrawals: withdrawals(rows) }).withdrawals;
    // No close for 2003-06-13 in the Prices sheet: the first is #N/A, so what the second may take is not known.
    const [noPrice, after] = run([ivy(serial("2003-06-13"), 0.25), ivy(serial("2003-06-16"), 1)]);
    expect(noPrice).toEqual(expect.objectContaining({ error: expect.stringMatching(/no closing price/) }));
    expect(after).toEqual(expect.objectContaining({ error: expect.stringMatching(/^The withdrawal approved 2003-06-13 \(row 2\) is not computed/) }));
    const [only] = run([ivy(serial("2003-06-16"), 1), ivy("June 1", 0.25)]);
    expect(only).toEqual(expect.objectContaining({ error: expect.stringMatching(/^Withdrawals row 3 cannot be read/) }));
  });

  it("asked for one participant whose only row cannot be read, shows that row's finding rather than refusing the name", () => {
    const result = payoutWorkflow(
      { payouts: templateGrid(PAYOUTS_TEMPLATE), holdings, prices, withdrawals: withdrawals([["Zoe Park", "June 1", 0.25, "", ""]]) },
      { participant: "zoe park" },
    );
    expect(result.unusable).toBeUndefined();
    expect(result.findings).toEqual([expect.objectContaining({ sheet: "Withdrawals", cell: "B2", rule: "P01" })]);
  });
});
