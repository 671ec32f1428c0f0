/**
 * The Payouts page's "Insert template": Payouts, Holdings, Withdrawals and
 * Prices with the columns PAYOUT.md §1 names and a worked example of every
 * §7.1 event kind.
 */
import { PAYOUT_TEMPLATES } from "../../src/sheets/payoutTemplates";
import type { SheetTemplate } from "../../src/sheets/templates";
import { payoutView } from "../../src/taskpane/payoutView";
import { payoutJson, payoutWorkflow } from "../../src/workflows/payout";
import { templateGrid } from "../helpers/sheets";

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
    expect(with_("Death Date")).toEqual(["Ben Ortiz", "Dan Wu"]);
    expect(with_("Plan Termination Date")).toEqual(["Eve Park"]);
    expect(with_("Cause Date")).toEqual(["Finn Moss"]);
    expect(with_("Elected Date")).toEqual(["Ben Ortiz"]);
    expect(with_("Last Day Worked")).toEqual(["Ann Lee", "Finn Moss", "Gil Reyes", "Hana Sato"]);
  });

  it("offers Y and N, the accounts and the sources as lists", () => {
    const list = (sheet: string, header: string) => byName(sheet).columns.find((c) => c.header === header)?.list;
    for (const header of ["Elected Approved", "Parachute Determined", "Form Approved", "Will", "Incompetent", "Located"])
      expect(list("Payouts", header)).toEqual(["Y", "N"]);
    expect(list("Holdings", "Account")).toEqual(["DCA", "CMSA", "CSA", "IA"]);
    expect(list("Holdings", "Source")).toEqual(["discretionary", "allocation"]);
  });

  it("gives holdings to everyone it names", () => {
    const held = new Set(byName("Holdings").rows.map((r) => r[0]));
    for (const name of [...payouts().map((r) => r.Participant), ...byName("Withdrawals").rows.map((r) => r[0])]) expect(held).toContain(name);
  });

  it("computes as worked by hand: Ann Lee's separation, her shares, withholding and cash (§6.2, §7.2, §10.2)", () => {
    const result = payoutWorkflow({
      payouts: templateGrid(byName("Payouts")),
      holdings: templateGrid(byName("Holdings")),
      withdrawals: templateGrid(byName("Withdrawals")),
      prices: templateGrid(byName("Prices")),
    });
    expect(result.unusable).toBeUndefined();
    // Last day worked 2003-03-14, separated 2003-03-15, paid 2003-05-01 at $5.00. 100.4 + 10.25 + 5.1 = 115.75 units → 116
    // shares, $580.00; 20% tax $116.00 → 24 shares withheld, $4.00 back; IA $1,234.565 → $1,234.57, tax $246.91;
    // net 92 shares and $1,234.57 − $246.91 + $4.00 = $991.66.
    const ann = payoutView(payoutJson(result), "Ann Lee");
    expect(ann.event).toBe("Separation from service (§7.1(c)) on 2003-03-15.");
    expect(Object.fromEntries(ann.payments[0].figures.map((l) => [l.term, l.value]))).toEqual({
      "Shares (§6.2, rounded up)": "116",
      "Share value": "$580.00",
      "Investment Account cash (§7.2(b))": "$1,234.57",
      "Net shares delivered": "92",
      "Net cash paid": "$991.66",
    });
    expect(ann.payments[0].withholding.slice(0, 4).map((l) => l.value)).toEqual(["$116.00", "$246.91", "24", "$4.00"]);
    const gil = payoutView(payoutJson(result), "Gil Reyes");
    expect(gil.awaiting).toContain("Gil Reyes, not located: from 2006-05-01 payment may be made as though Gil Reyes had died (§12.4).");
    expect(payoutView(payoutJson(result), "Eve Park").event).toBe("Plan termination (§7.1(d)) on 2005-04-10.");
  });
});
