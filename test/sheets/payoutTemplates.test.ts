/**
 * The Payouts page's "Insert template": Payouts, Holdings, Withdrawals and
 * Prices with the columns PAYOUT.md §1 names and a worked example of every
 * §7.1 event kind.
 */
import { PAYOUT_TEMPLATES } from "../../src/sheets/payoutTemplates";
import type { SheetTemplate } from "../../src/sheets/templates";
import { sessionPrices } from "../helpers/prices";

const byName = (name: string): SheetTemplate => {
  const template = PAYOUT_TEMPLATES.find((t) => t.sheet === name);
  if (!template) throw new Error(`no ${name} template`);
  return template;
};
const headers = (name: string) => byName(name).columns.map((c) => c.header);
/** The Payouts rows as objects keyed by header. */
const payouts = () => byName("Payouts").rows.map((row) => Object.fromEntries(headers("Payouts").map((h, i) => [h, row[i]])));

describe("the payout template", () => {
  it("inserts Payouts, Holdings, Withdrawals and Prices, each its own Excel table", () => {
    expect(PAYOUT_TEMPLATES.map((t) => [t.sheet, t.table])).toEqual([
      ["Payouts", "Payouts"],
      ["Holdings", "Holdings"],
      ["Withdrawals", "Withdrawals"],
      ["Prices", "Prices"],
    ]);
  });

  it("has every column PAYOUT.md §1 names, in its order", () => {
    expect(headers("Payouts")).toEqual([
      "Participant",
      "Disability Date",
      "Death Date",
      "Last Day Worked",
      "Plan Termination Date",
      "Cause Date",
      "Elected Date",
      "Election Effective Date",
      "Elected Approved",
      "Change in Control Date",
      "Parachute Determined",
      "Auditor Opinion Date",
      "Tax Rate",
      "Share Tax",
      "Cash Tax",
      "Cash Tax Election Date",
      "Beneficiary",
      "Form Approved",
      "Will",
      "Application Approved",
      "Incompetent",
      "Conservator",
      "Located",
    ]);
    expect(headers("Holdings")).toEqual(["Participant", "Employer", "Account", "Quantity", "Source", "Credit Date"]);
    expect(headers("Withdrawals")).toEqual(["Participant", "Approval Date", "Fraction", "Distribution Date", "Tax Rate"]);
    expect(headers("Prices")).toEqual(["Date", "Close"]);
    for (const template of PAYOUT_TEMPLATES) for (const row of template.rows) expect(row).toHaveLength(template.columns.length);
  });

  it("holds a participant with each §7.1 event date: disability, death, separation, plan termination, cause, elected", () => {
    const rows = payouts();
    const with_ = (column: string) => rows.filter((r) => r[column] !== "").map((r) => r.Participant);
    expect(with_("Disability Date")).toEqual(["Cara Diaz"]);
    expect(with_("Death Date")).toEqual(["Ben Ortiz"]);
    expect(with_("Plan Termination Date")).toEqual(["Dan Wu"]);
    expect(with_("Cause Date")).toEqual(["Eve Park", "Ivy Chen"]);
    expect(with_("Elected Date")).toEqual(["Fay Kim", "Ivy Chen"]);
    expect(with_("Last Day Worked")).toEqual(["Ann Lee", "Dan Wu", "Eve Park", "Gus Roy", "Ivy Chen"]);
  });

  it("offers Y and N, the accounts and the sources as lists", () => {
    const list = (sheet: string, header: string) => byName(sheet).columns.find((c) => c.header === header)?.list;
    for (const header of ["Elected Approved", "Parachute Determined", "Form Approved", "Will", "Incompetent", "Located"])
      expect(list("Payouts", header)).toEqual(["Y", "N"]);
    expect(list("Holdings", "Account")).toEqual(["DCA", "CMSA", "CSA", "IA"]);
    expect(list("Holdings", "Source")).toEqual(["discretionary", "allocation"]);
  });

  it("gives holdings to everyone it names, and prices on every NYSE session a payment or withdrawal is valued on", () => {
    const held = new Set(byName("Holdings").rows.map((r) => r[0]));
    for (const name of [...payouts().map((r) => r.Participant), ...byName("Withdrawals").rows.map((r) => r[0])]) expect(held).toContain(name);
    const prices = byName("Prices").rows;
    expect(prices).toEqual([...sessionPrices("2004-01-02", "2004-11-30", () => 5), ...sessionPrices("2004-12-01", "2005-03-31", () => 6.25)]);
  });
});
