/**
 * The distribution notice (issue 16 item 6): what the plan pays a participant
 * and why, read back from the PDF. The participants are the worked example
 * of examples/payouts.xlsx, computed by the payout workflow; the figures
 * below are worked by hand.
 */
import path from "path";
import { renderNoticePdf, renderNotices } from "../../src/documents/notice";
import { type PlanError } from "../../src/engine/errors";
import { findSheet, openWorkbook, sheetGrid } from "../../src/workbook/xlsx";
import { payoutJson, payoutWorkflow, type PayoutJson, type PayoutJsonEntry } from "../../src/workflows/payout";
import { packageFonts } from "../helpers/fonts";
import { pdfText, readPdf, type ReadPdf } from "../helpers/pdf";

/** Text as a reader extracts it, whitespace runs and table cells folded, so a sentence broken over lines still reads whole. */
const folded = (text: string) => text.replace(/\s*\|\s*|\s+/g, " ");

let document: PayoutJson;
const entry = (name: string) => document.payouts.find((p) => p.participant === name) as PayoutJsonEntry;

beforeAll(async () => {
  const workbook = await openWorkbook(path.resolve(__dirname, "../../examples/payouts.xlsx"));
  const grid = (name: string) => {
    const sheet = findSheet(workbook, name);
    return sheet ? sheetGrid(sheet) : undefined;
  };
  document = payoutJson(payoutWorkflow({ payouts: grid("Payouts"), holdings: grid("Holdings"), withdrawals: grid("Withdrawals"), prices: grid("Prices") }));
});

describe("Ann Lee's notice: separated, paid in one payment", () => {
  let pdf: ReadPdf;
  beforeAll(async () => {
    pdf = await readPdf(await renderNoticePdf(entry("Ann Lee"), packageFonts));
  });

  it("is headed with the plan, the participant and the distribution date", () => {
    expect(pdf.lines.slice(0, 3)).toEqual([
      "Hecla Mining Company Key Employee Deferred Compensation Plan — Distribution notice",
      "Ann Lee",
      "Distribution date: May 1, 2003",
    ]);
  });

  // Last day worked 2003-03-14, so separated 2003-03-15 (§7.1(c), P-R2); paid the first day of the second month after, 2003-05-01 (§7.2(a)).
  it("names the event with its section and the distribution date", () => {
    expect(pdf.lines).toContain("Separation from service (§7.1(c)) on March 15, 2003.");
    expect(pdf.lines).toContain("Distribution date May 1, 2003, the first day of the second month after the event (§7.2(a)).");
    expect(pdf.lines).toContain("Payment on May 1, 2003, paid to the participant (§7.2)");
  });

  // 100.4 + 10.25 + 5.1 = 115.75 units → 116 shares (§6.2) at $5.00 = $580.00; 20% tax $116.00 → 24 shares withheld ($120.00), $4.00 back;
  // IA $1,234.565 → $1,234.57, tax $246.91; net 92 shares and $1,234.57 − $246.91 + $4.00 = $991.66.
  it("shows the units and cash per Account, the shares, the withholding and the net shares and cash, worked by hand", () => {
    for (const line of [
      "Deferred Compensation Account (DCA) | 100.400000 units",
      "Company Matching Stock Account (CMSA) | 10.250000 units",
      "Company Stock Account (CSA) | 5.100000 units",
      "Investment Account (IA) | $1,234.57",
      "Shares (§6.2, rounded up) | 116",
      "Share value | $580.00",
      "Tax on the shares | $116.00",
      "Tax on the cash | $246.91",
      "Shares withheld | 24",
      "Cash for the rest of a withheld share | $4.00",
      "Net shares delivered | 92",
      "Net cash paid | $991.66",
    ])
      expect(pdf.lines).toContain(line);
  });

  it("says who is paid and from when, that nothing is awaited, and the sections that apply, on one numbered page", () => {
    expect(pdf.lines).toContain("Paid to: Ann Lee, the participant (§7.2(e))");
    expect(pdf.lines).toContain("Payable from: May 1, 2003");
    expect(pdf.lines).toContain("Nothing: the benefit is payable as set out above.");
    expect(folded(pdf.text)).toContain("§7.1(c) Separation from service; §7.2(a) Distribution date and fair market value; §6.2 Whole shares, rounded up;");
    expect(pdf.pages).toBe(1);
    expect(pdf.lines).toContain("Ann Lee — distribution notice, distribution date May 1, 2003 | Page 1 of 1");
  });
});

describe("what is still awaited", () => {
  it("Gil Reyes, not located: deemed dead three years after the distribution date, his heirs' application awaited (§12.4, §7.2(e))", async () => {
    const text = folded((await readPdf(await renderNoticePdf(entry("Gil Reyes"), packageFonts))).text);
    expect(text).toContain("Payment on May 1, 2003, paid to the intestate heirs at the date of death (§9.3)");
    expect(text).toContain("Gil Reyes, not located: from May 1, 2006 payment may be made as though Gil Reyes had died (§12.4).");
    expect(text).toContain("The written application of the intestate heirs, approved by the Committee");
    expect(text).toContain("Payable from: once the Committee approves the written application (§7.2(e))");
  });

  it("Ben Ortiz: the held CSA lot paid on its release to the beneficiary, who must be located by 2007-10-01 (§7.1(f), §9.3, §12.4)", async () => {
    const text = folded((await readPdf(await renderNoticePdf(entry("Ben Ortiz"), packageFonts))).text);
    expect(text).toContain("1. Payment on August 1, 2004, paid to the participant (§7.2)");
    expect(text).toContain("2. Payment on January 1, 2005, paid to the designated beneficiary (§9.3)");
    expect(text).toContain("Paid to: Bea Ortiz, the designated beneficiary (§9.3)");
    expect(text).toContain("The designated beneficiary, located by October 1, 2007: otherwise the benefit is forfeited (§12.4).");
    expect(text).toContain("By Participating Employer (§2.5)");
    expect(text).toContain("Hecla Ventures 0.000000 0.000000 3.100000 $0.00");
  });

  it("every excluded candidate with why: Finn Moss's separation displaced by the termination for cause (P-R28)", async () => {
    const text = folded((await readPdf(await renderNoticePdf(entry("Finn Moss"), packageFonts))).text);
    expect(text).toContain("Candidates that do not count (§7.1, §7.5, §7.6):");
    expect(text).toContain("Separation from service June 21, 2003 displaced by §7.6 termination for cause (P-R28) §7.1(c)");
  });

  it("an auditor's opinion still awaited, and the participant's findings", async () => {
    const gated: PayoutJsonEntry = {
      ...entry("Eve Park"),
      excluded: [
        {
          kind: "cause",
          date: "2005-06-01",
          reason: "awaiting the independent auditor's opinion: the event follows the Change in Control of 2005-04-09 (§7.5)",
        },
      ],
      findings: [{ severity: "warning", section: "10.2", message: "the cash election of 2005-05-01 was not received before the Distributable Event" }],
    };
    const text = folded((await readPdf(await renderNoticePdf(gated, packageFonts))).text);
    expect(text).toContain("The independent auditor's opinion on the termination for cause of June 1, 2005 (§7.5).");
    expect(text).toContain("Findings");
    expect(text).toContain("warning §10.2 the cash election of 2005-05-01 was not received before the Distributable Event");
  });
});

describe("a name in another script, and the PDF for screen readers", () => {
  it.each(["Łukasz Ő", "Ελένη Παπαδοπούλου", "דוד כהן", "王小明"])("prints %s as written", async (name) => {
    const pdf = await readPdf(await renderNoticePdf({ ...entry("Ann Lee"), participant: name }, packageFonts));
    expect(folded(pdf.text)).toContain(name);
  });

  it("is tagged (headings, paragraphs, tables), in US English, titled, its fonts embedded", async () => {
    const text = pdfText(await renderNoticePdf(entry("Ann Lee"), packageFonts));
    expect(text).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(text).toMatch(/\/Marked true/);
    expect(text).toContain("/Lang (en-US)");
    expect(text).toContain("/DisplayDocTitle true");
    expect(text).toContain("<pdfuaid:part>1</pdfuaid:part>");
    expect(Buffer.from(text, "latin1").toString("utf8")).toContain('<rdf:li xml:lang="x-default">Distribution notice — Ann Lee — 2003-05-01</rdf:li>');
    for (const type of ["/S /Document", "/S /H1", "/S /H2", "/S /P", "/S /Table", "/S /TR", "/S /TH", "/S /TD"]) expect(text).toContain(type);
    expect(text).toContain("/Artifact <<\n/Type /Pagination\n>> BDC");
    expect(text).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(text).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it("gives the same bytes for the same payout", async () => {
    const [a, b] = await Promise.all([renderNoticePdf(entry("Ann Lee"), packageFonts), renderNoticePdf(entry("Ann Lee"), packageFonts)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe("notices for a whole payout document", () => {
  it("one a computed participant, named for the participant; a payout not computed gets none", async () => {
    const files = await renderNotices({ ...document, payouts: [...document.payouts.slice(0, 2), { participant: "Zoe Kim", error: "no price" }] }, packageFonts);
    expect(files.map((f) => f.name)).toEqual(["Ann Lee.pdf", "Ben Ortiz.pdf"]);
    expect(Buffer.from(files[0].pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("refuses a payment whose net and withheld shares are not its shares, naming the figures", async () => {
    const ann = entry("Ann Lee");
    const broken = { ...ann, payments: [{ ...ann.payments[0], netShares: 93 }] };
    await expect(renderNoticePdf(broken, packageFonts)).rejects.toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("payments[0]: 93 net shares and 24 withheld are not its 116 shares"),
    } satisfies Partial<PlanError>);
  });
});
