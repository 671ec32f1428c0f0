import { documentFileName, documentFileNames } from "../../src/documents/fileNames";
import { formatDollars, formatLongDate, formatUnits } from "../../src/documents/format";
import { packageFonts } from "../helpers/fonts";
import { renderStatementPdf } from "../../src/documents/statement";
import type { StatementPdfInput } from "../../src/documents/statementInput";
import { planSectionsThatApply } from "../../src/documents/statementSections";
import { type PlanError } from "../../src/engine/errors";
import { readPdf, type ReadPdf } from "../helpers/pdf";
import { ANN_LEE_2003, account, manyGrants } from "../helpers/statements";

const LETTER = { width: 612, height: 792 };

/** Every piece of text lies inside the page's margins (45 points left and right), none cut off top or bottom. */
function expectInsideMargins(pdf: ReadPdf): void {
  const outside = pdf.items.filter(
    (item) => item.text.trim() !== "" && (item.left < 44.5 || item.right > LETTER.width - 44.5 || item.baseline < 20 || item.baseline > LETTER.height - 36),
  );
  expect(outside).toEqual([]);
}

describe("the printed statement of a typical participant (Ann Lee, 2003)", () => {
  let pdf: ReadPdf;
  beforeAll(async () => {
    pdf = await readPdf(await renderStatementPdf(ANN_LEE_2003, packageFonts));
  });

  it("is headed with the plan, the participant and the period, and the total value", () => {
    expect(pdf.lines.slice(0, 5)).toEqual([
      "Hecla Mining Company Key Employee Deferred Compensation Plan — Participant statement",
      "Total value on December 31, 2003",
      "Ann Lee",
      "$175,589.60",
      "Statement period: January 1, 2003 to December 31, 2003",
    ]);
  });

  it("lists the four Accounts by the plan's names and keys, units to six decimals and dollars to the cent", () => {
    expect(pdf.text).toContain("Account | Opening | Credited | Dividends | Split | Interest | Allocated | Paid out | Closing | Value");
    expect(pdf.lines).toContain("Deferred Compensation | 10,000.000000 | 8,421.052632 | 12.345678 | 0.000000 | — | — | 0.000000 | 18,433.398310 | $101,383.69");
    expect(pdf.lines).toContain("Company Matching Stock | 1,000.000000 | 842.105263 | 1.234567 | 0.000000 | — | — | 0.000000 | 1,843.339830 | $10,138.37");
    expect(pdf.lines).toContain("Company Stock Account | 0.000000 | 3,333.333333 | 0.500000 | 0.000000 | — | — | 0.000000 | 3,333.833333 | $18,336.08");
    expect(pdf.lines).toContain("Investment Account | $20,000.00 | $12,000.00 | — | — | $1,234.56 | $21,000.00 | $0.00 | $12,234.56 | $12,234.56");
    for (const key of ["DCA · units", "CMSA · units", "CSA · units", "IA · dollars"]) expect(pdf.lines).toContain(key);
  });

  it("lists the options by grant date with shares, exercise price, exercisable date and value, then the totals", () => {
    expect(pdf.text).toContain(
      [
        "Grant date | Shares | Exercise price | Exercisable on | Value",
        "August 1, 2003 | 6,666 | $0.85 | February 1, 2004 | $30,996.90",
        "November 3, 2003 | 2,000 | $4.25 | May 3, 2004 | $2,500.00",
        "Accounts | $142,092.70",
        "Options (2 grants) | $33,496.90",
        "Total value on December 31, 2003 | $175,589.60",
      ].join("\n"),
    );
  });

  it("charts the value over the period, labelled at its low and high and at both ends of the period", () => {
    expect(pdf.lines).toContain("Value over the period");
    expect(pdf.lines).toContain("$175,589.60");
    expect(pdf.lines).toContain("$62,410.00");
    expect(pdf.lines).toContain("January 1, 2003 | December 31, 2003");
    expect(pdf.text.replace(/\n/g, " ")).toContain(
      "Total value of the accounts and options: $62,410.00 on January 1, 2003, $175,589.60 on December 31, 2003; low $62,410.00 on January 1, 2003, high $175,589.60 on December 31, 2003.",
    );
  });

  it("explains the plan sections behind its accounts and postings, and none that do not apply", () => {
    for (const cite of [
      "§1.1(a), §8.2",
      "§4.2, §8.1(a)",
      "§4.3, §8.1(c)",
      "§4.4, §8.1(b), §5.2(d)",
      "§5.2(b)",
      "§5.2(c)",
      "§5.1, §5.4, §7.2(c)",
      "§7.2(b)",
      "§8.1(d)",
    ]) {
      expect(pdf.text).toMatch(new RegExp(`^${cite.replace(/[()]/g, "\\$&")} \\| `, "m"));
    }
    expect(pdf.text).not.toContain("§8.1(e)");
  });

  it("takes two pages, each numbered 'Page N of 2', with every piece of text inside the margins", () => {
    expect(pdf.pages).toBe(2);
    expect(pdf.lines).toContain("Ann Lee — statement for January 1, 2003 to December 31, 2003 | Page 1 of 2");
    expect(pdf.lines).toContain("Ann Lee — statement for January 1, 2003 to December 31, 2003 | Page 2 of 2");
    expectInsideMargins(pdf);
  });
});

describe("a statement with 60 option grants and balances in the millions", () => {
  const statement = manyGrants(60);
  let pdf: ReadPdf;
  beforeAll(async () => {
    pdf = await readPdf(await renderStatementPdf(statement, packageFonts));
  });

  it("flows the options onto further pages, repeating the table header on each, every page numbered", () => {
    const grantDates = new Set(statement.options.map((grant) => formatLongDate(grant.grantDate)));
    const grantRows = pdf.items.filter((item) => item.left < 100 && grantDates.has(item.text));
    expect(grantRows).toHaveLength(60);
    const pagesWithGrants = [...new Set(grantRows.map((item) => item.page))];
    expect(pagesWithGrants.length).toBeGreaterThan(1);
    expect(pdf.items.filter((item) => item.text === "Grant date").map((item) => item.page)).toEqual(pagesWithGrants);
    expect(pdf.items.filter((item) => item.text === "Options (continued)").map((item) => item.page)).toEqual(pagesWithGrants.slice(1));
    expect(pdf.pages).toBeGreaterThan(pagesWithGrants.length);
    for (let page = 1; page <= pdf.pages; page++) expect(pdf.text).toMatch(new RegExp(`\\| Page ${page} of ${pdf.pages}$`, "m"));
  });

  it("keeps every figure, name and footer inside the page", () => {
    expect(pdf.text).toContain("1,234,567.123456");
    expect(pdf.text).toContain("$9,876,543.21");
    expectInsideMargins(pdf);
  });

  it("spells a name with letters outside Latin-1 as written, Ł included", () => {
    expect(pdf.text).toContain("Ma. Josefina Núñez-Østergaard de la");
    expect(pdf.text.replace(/\n/g, " ")).toContain("Łukasiewicz");
  });
});

describe("a participant with no options and a value recorded once", () => {
  const statement: StatementPdfInput = {
    participant: "Bo Chen",
    from: "2003-10-01",
    to: "2003-12-31",
    accounts: { DCA: account({ credited: 100 }, "5.50"), CMSA: account({}), CSA: account({}), IA: account({}) },
    options: [],
    totalValue: 550,
    valueSeries: [{ date: "2003-12-31", value: 550 }],
  };

  it("says no options were granted and draws the single value", async () => {
    const pdf = await readPdf(await renderStatementPdf(statement, packageFonts));
    expect(pdf.lines).toContain("No options granted.");
    expect(pdf.text).not.toContain("Grant date");
    expect(pdf.text).toContain("Options | $0.00");
    expect(pdf.text).toContain("Total value of the accounts and options: $550.00 on December 31, 2003.");
    expect(pdf.text).toContain("§4.2, §8.1(a) | ");
    expect(pdf.text).not.toContain("§4.3, §8.1(c)");
    expectInsideMargins(pdf);
  });
});

describe("a name far longer than the page is wide", () => {
  it("takes at most three lines under the title and one in each footer, shortened with an ellipsis", async () => {
    const name = `Anna ${"Maria-Theresia ".repeat(30)}Lee`;
    const pdf = await readPdf(await renderStatementPdf({ ...ANN_LEE_2003, participant: name }, packageFonts));
    const nameLines = pdf.items.filter((item) => item.page === 1 && item.text.includes("Maria-Theresia") && item.baseline > 600);
    expect(nameLines).toHaveLength(3);
    expect(nameLines[2].text).toMatch(/(…|\.\.\.)$/);
    expect(pdf.lines.filter((line) => /\| Page \d of \d$/.test(line))).toHaveLength(pdf.pages);
    expectInsideMargins(pdf);
  });
});

describe("the same statement always gives the same file", () => {
  it("renders byte for byte identically twice, dated by the statement's end date", async () => {
    const first = await renderStatementPdf(ANN_LEE_2003, packageFonts);
    const second = await renderStatementPdf(structuredClone(ANN_LEE_2003), packageFonts);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect(Buffer.from(first).toString("latin1")).toContain("(D:20031231000000Z)");
  });
});

describe("a statement that does not add up is refused, not printed", () => {
  const refusal = (statement: StatementPdfInput) =>
    renderStatementPdf(statement, packageFonts).then(
      () => "rendered",
      (error: PlanError) => `${error.code} ${error.message}`,
    );

  it("when an account's movements do not give its closing", async () => {
    const wrong = structuredClone(ANN_LEE_2003);
    wrong.accounts.CMSA.closing = 1_843.339831;
    expect(await refusal(wrong)).toBe(
      '#VALUE! statement for "Ann Lee": accounts.CMSA does not add up: its movements give 1843.33983, its closing is 1843.339831 (STATEMENT.md, "Output")',
    );
  });

  it("when the total value is not the accounts' and options' values", async () => {
    expect(await refusal({ ...ANN_LEE_2003, totalValue: 175_589.61 })).toMatch(/totalValue 175589\.61 is not the accounts' and options' values, 175589\.6 /);
  });

  it("when a figure is not a number or a date is not a date", async () => {
    const nan = structuredClone(ANN_LEE_2003);
    nan.accounts.IA.interest = Number.NaN;
    expect(await refusal(nan)).toMatch(/accounts\.IA\.interest is NaN, not a number/);
    expect(await refusal({ ...ANN_LEE_2003, to: "2003-02-30" })).toMatch(/to is "2003-02-30", not a YYYY-MM-DD date/);
    expect(await refusal({ ...ANN_LEE_2003, from: "2004-01-01" })).toMatch(/from 2004-01-01 is after to 2003-12-31/);
  });

  it("when the value series strays outside the period", async () => {
    const stray = { ...ANN_LEE_2003, valueSeries: [...ANN_LEE_2003.valueSeries, { date: "2004-01-02", value: 1 }] };
    expect(await refusal(stray)).toMatch(/valueSeries\[7\]\.date 2004-01-02 is outside the period 2003-01-01 to 2003-12-31/);
  });
});

describe("the plan sections that apply", () => {
  const cites = (statement: StatementPdfInput) => planSectionsThatApply(statement).map((s) => s.section);
  const empty = { DCA: account({}), CMSA: account({}), CSA: account({}), IA: account({}) };

  it("for Ann Lee: every account, allocations, options and dividends, in the plan's order", () => {
    expect(cites(ANN_LEE_2003)).toEqual([
      "§1.1(a), §8.2",
      "§4.2, §8.1(a)",
      "§4.3, §8.1(c)",
      "§4.4, §8.1(b), §5.2(d)",
      "§5.2(b)",
      "§5.2(c)",
      "§5.1, §5.4, §7.2(c)",
      "§7.2(b)",
      "§8.1(d)",
    ]);
  });

  it("for an Investment Account with interest only: the account, how it is paid and what an Account is", () => {
    expect(cites({ ...ANN_LEE_2003, accounts: { ...empty, IA: account({ opening: 1_000, interest: 10.25 }) }, options: [] })).toEqual([
      "§1.1(a), §8.2",
      "§5.2(b)",
      "§7.2(b)",
    ]);
  });

  it("adds §8.1(e) when a split adjusted a unit account, a reverse split too", () => {
    const reverse = { ...empty, CSA: account({ opening: 1_000, splitAdjustment: -900 }, "8.00") };
    expect(cites({ ...ANN_LEE_2003, accounts: reverse, options: [] })).toEqual(["§1.1(a), §8.2", "§4.4, §8.1(b), §5.2(d)", "§7.2(b)", "§8.1(e)"]);
  });

  it("words the match and the discount bounds from the plan's terms (§4.3, §5.1)", () => {
    const text = planSectionsThatApply(ANN_LEE_2003)
      .map((s) => s.text)
      .join(" ");
    expect(text).toContain("Matching units of 10% (or a greater rate the Compensation Committee sets)");
    expect(text).toContain("at least 10% of a price of $10.00 or less, at least $1.00 above it, never more than 50%");
    expect(text).toContain("the later of 6 months after the grant and January 1 of the next year");
  });
});

describe("figures, dates and names on paper", () => {
  it("units always to six decimals, dollars to the cent, with thousands separators and never -0", () => {
    expect(formatUnits(1_234.5)).toBe("1,234.500000");
    expect(formatUnits(-900)).toBe("-900.000000");
    expect(formatUnits(-0)).toBe("0.000000");
    expect(formatDollars(1_234_567.891)).toBe("$1,234,567.89");
    expect(formatDollars(-12)).toBe("-$12.00");
    expect(formatDollars(-0.001)).toBe("$0.00");
  });

  it("dates in full", () => {
    expect(formatLongDate("2004-02-29")).toBe("February 29, 2004");
  });
});

describe("statement file names", () => {
  it("keep letters, accented ones too", () => {
    expect(documentFileName("Ann Lee")).toBe("Ann Lee.pdf");
    expect(documentFileName("José Núñez-O'Brien, Jr.")).toBe("José Núñez-O'Brien, Jr.pdf");
  });

  it("never hold a path separator or '..', nor start with a dot", () => {
    for (const name of ["Ann/../Lee", "../../etc/passwd", "..\\..\\Windows\\win.ini", ".hidden", "a..b", "C:\\Users\\Ann"]) {
      const file = documentFileName(name);
      expect(file).not.toMatch(/[/\\:]|\.\.|^\./);
      expect(file).toMatch(/\.pdf$/);
    }
    expect(documentFileName("Ann/../Lee")).toBe("Ann-.-Lee.pdf");
    expect(documentFileName("../../etc/passwd")).toBe("etc-passwd.pdf");
  });

  it("stand in for a name with nothing usable, a Windows device name or a very long name", () => {
    expect(documentFileName(" ./.. ")).toBe("participant.pdf");
    expect(documentFileName("con")).toBe("con_.pdf");
    expect(documentFileName("x".repeat(300))).toBe(`${"x".repeat(100)}.pdf`);
  });

  it("for several participants, number a name already taken, ignoring case", () => {
    expect(documentFileNames(["Ann Lee", "ann lee", "Ann/Lee", "Ann-Lee", "Ann Lee"])).toEqual([
      "Ann Lee.pdf",
      "ann lee (2).pdf",
      "Ann-Lee.pdf",
      "Ann-Lee (2).pdf",
      "Ann Lee (3).pdf",
    ]);
  });
});

describe("a participant's findings (issue 19 item 3)", () => {
  const S01 = {
    sheet: "Activity",
    cell: "D152",
    rule: "S01",
    section: "5.2(c)",
    severity: "error" as const,
    message:
      "The allocation to a discounted option of $50,000.00 (released 2005-07-25, determined 2005-08-04) is more than the $15,594.60 in the Investment Account at the close of 2005-08-03; it is not applied (§5.2(c)).",
  };

  it("says a warning's record is in the figures: the count of records not applied is the errors alone (issue 19 item 5)", async () => {
    const S09 = {
      ...S01,
      cell: "A153",
      rule: "S09",
      section: "—",
      severity: "warning" as const,
      message: "This row repeats row 152 exactly, and both are counted; remove one if it was entered twice.",
    };
    const pdf = await readPdf(await renderStatementPdf({ ...ANN_LEE_2003, findings: [S01, S09] }, packageFonts));
    const text = pdf.text.replace(/\s*\|\s*|\s+/g, " ");
    expect(text).toContain("1 record of this participant's could not be applied and is not in the figures above");
    expect(text).toContain("The 1 warning is about records that are in the figures above.");
  });

  it("lists what was not applied, with its cell, rule and section, after the figures", async () => {
    const pdf = await readPdf(await renderStatementPdf({ ...ANN_LEE_2003, findings: [S01] }, packageFonts));
    const text = pdf.text.replace(/\s*\|\s*|\s+/g, " ");
    expect(pdf.lines).toContain("Findings");
    expect(text).toContain("1 record of this participant's could not be applied and is not in the figures above");
    expect(text).toContain("Activity!D152 S01");
    expect(text).toContain("§5.2(c)");
    expect(text).toContain("The allocation to a discounted option of $50,000.00");
    expect(pdf.lines.indexOf("Findings")).toBeGreaterThan(pdf.lines.findIndex((line) => line.startsWith("Total value on December 31, 2003 |")));
  });

  it("prints no findings section when every record applied", async () => {
    const pdf = await readPdf(await renderStatementPdf({ ...ANN_LEE_2003, findings: [] }, packageFonts));
    expect(pdf.lines).not.toContain("Findings");
  });
});
