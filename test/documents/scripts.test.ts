/**
 * Every name prints as written (issue 19 item 2): Latin with its marks,
 * Greek, Cyrillic, Hebrew and Arabic (right to left), Chinese, Japanese and
 * Korean; and the PDF is tagged for screen readers, in a language, titled.
 */
import { FONT_FAMILIES } from "../../src/documents/fonts";
import { renderStatementPdf } from "../../src/documents/statement";
import { packageFonts } from "../helpers/fonts";
import { pdfText, readPdf } from "../helpers/pdf";
import { ANN_LEE_2003 } from "../helpers/statements";

const NAMES = ["Łukasz Ő", "Ελένη Παπαδοπούλου", "Сергей Иванов", "דוד כהן", "محمد علي", "王小明", "やまだ はなこ", "김민준"];

/** Text as a reader extracts it, whitespace runs folded, so a name broken over two lines still reads whole. */
const folded = (text: string) => text.replace(/\s*\|\s*|\s+/g, " ");

describe("a statement for a name in each script", () => {
  it.each(NAMES)("prints %s as written, in reading order", async (name) => {
    const pdf = await readPdf(await renderStatementPdf({ ...ANN_LEE_2003, participant: name }, packageFonts));
    expect(folded(pdf.text)).toContain(name);
  });

  it("loads another script's font only when a name needs it", async () => {
    const asked: string[] = [];
    const counting = async (file: string) => {
      asked.push(file);
      return packageFonts(file);
    };
    await renderStatementPdf(ANN_LEE_2003, counting);
    expect(asked.sort()).toEqual([FONT_FAMILIES[0].bold, FONT_FAMILIES[0].regular].sort());
  });
});

describe("the statement PDF for screen readers (PDF/UA)", () => {
  let text: string;
  beforeAll(async () => {
    text = pdfText(await renderStatementPdf(ANN_LEE_2003, packageFonts));
  });

  it("is tagged, in US English, and shows its title", () => {
    expect(text).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(text).toMatch(/\/Marked true/);
    expect(text).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(text).toContain("/Lang (en-US)");
    expect(text).toContain("/DisplayDocTitle true");
    expect(text).toContain("<pdfuaid:part>1</pdfuaid:part>");
    expect(Buffer.from(text, "latin1").toString("utf8")).toContain(
      '<rdf:li xml:lang="x-default">Participant statement — Ann Lee — 2003-01-01 to 2003-12-31</rdf:li>',
    );
  });

  it("tags the title, headings, paragraphs, the tables cell by cell and the chart as a figure with its words", () => {
    for (const type of ["/S /Document", "/S /H1", "/S /H2", "/S /P", "/S /Table", "/S /TR", "/S /TH", "/S /TD", "/S /Figure", "/S /Caption"])
      expect(text).toContain(type);
    expect(text).toContain("/Alt (Total value of the accounts and options:");
  });

  it("marks rules, bands and page footers as artifacts", () => {
    expect(text).toContain("/Artifact <<\n/Type /Pagination\n>> BDC");
    expect(text).toContain("/Artifact <<\n/Type /Layout\n>> BDC");
  });

  it("embeds every font it draws with: no standard font is left to the reader", () => {
    expect(text).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(text).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it("is a well-formed file: a cross-reference entry for every object, each at its offset", () => {
    const raw = Buffer.from(text.slice(0, text.indexOf("%%EOF") + 5), "latin1").toString("latin1");
    const start = Number(/startxref\n(\d+)\n%%EOF/.exec(raw)?.[1]);
    const table = raw.slice(start);
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(table) ?? [];
    expect(Number(first)).toBe(0);
    const entries = table.split("\n").slice(2, 2 + Number(count));
    entries.slice(1).forEach((entry, i) => {
      const offset = Number(entry.slice(0, 10));
      expect(raw.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
  });
});

describe("the font files", () => {
  it("are each copied by the build out of its package, so the command line and the task pane find them", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config: string = require("fs").readFileSync(require("path").resolve(__dirname, "../../webpack.config.js"), "utf8");
    for (const family of FONT_FAMILIES)
      for (const file of [family.regular, family.bold]) expect(config).toContain(`${family.package.replace("@embedpdf/", "")}/fonts/${file}`);
  });
});
