import ExcelJS from "exceljs";
import fs from "fs";
import JSZip from "jszip";
import os from "os";
import path from "path";
import { LEDGER_TEMPLATE } from "../../src/sheets/templates";
import { addTemplateSheet } from "../../src/workbook/xlsx";
import { dcp, dcpWithEnv } from "../helpers/cli";
import { nodeMd5, PACKAGE_FILE_NAMES, packageProblems } from "../helpers/ocf";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dcp-reserve-"));

describe("dcp reserve on the example ledger", () => {
  it("prints the expected figures as JSON and exits 1 for its violations and divergence", () => {
    const { code, stdout, stderr } = dcp("reserve", "examples/reserve.xlsx", "--json");
    expect(stderr).toBe("");
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ asOf: "2004-05-07", reserve: 12_000_000, used: 12_400_000, remaining: -400_000, exhaustionDate: "2004-03-31" });
    expect(report.violations).toEqual([
      {
        row: 8,
        date: "2004-03-31",
        kind: "units",
        quantity: 900_000,
        shortfall: 300_000,
        section: "§13.8, §15.2",
        message: expect.stringMatching(/only 600,000 shares remained/),
      },
      {
        row: 9,
        date: "2004-05-07",
        kind: "option",
        quantity: 100_000,
        shortfall: 100_000,
        section: "§13.8, §5.4(c)",
        message: expect.stringMatching(/already used up/),
      },
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
    expect(stdout).toMatch(
      /^Share reserve as of 2004-05-07 \(§13\.8\)\n {2}Sheets {5}ledger "Ledger"\n {2}Reserve {4}12,000,000\n {2}Used {7}12,400,000 \(103\.33% of the reserve\)\n {2}Remaining {2}-400,000\n {2}Used up on 2004-03-31/,
    );
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
    [
      "a --prices sheet that does not exist, though a ledger needs no prices",
      ["reserve", "examples/reserve.xlsx", "--prices", "Nope"],
      /^dcp: there is no sheet "Nope"; the workbook has "Ledger"/,
    ],
    [
      "a --dividends sheet that does not exist, without plan records to read it for",
      ["reserve", "examples/credits.xlsx", "--dividends", "Nope"],
      /^dcp: there is no sheet "Nope"; the workbook has "Credits", "Prices"/,
    ],
  ])("exits 2 with one clear line for %s", (_what, args, message) => {
    const { code, stderr } = dcp(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});

describe("dcp reserve over the plan records (examples/records.xlsx)", () => {
  it("counts units credited and options granted from the Activity sheet's replay, with the plan totals, and names every sheet it read", () => {
    const { code, stdout } = dcp("reserve", "examples/records.xlsx", "--as-of", "2004-12-31", "--json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.sheets).toEqual({
      ledger: null,
      credits: null,
      prices: "Prices",
      activity: "Activity",
      dividends: "Dividends",
      splits: "Splits",
      primeRates: "Prime Rates",
    });
    expect(report.records.through).toBe("2004-12-31");
    expect(report.used).toBeCloseTo(report.records.DCA + report.records.CMSA + report.records.CSA + report.records.OPTIONS, 6);
  });

  it("reports what the replay could not apply as a row left out, on its cell, and exits 1", () => {
    const { code, stdout } = dcp("reserve", "examples/records.xlsx");
    expect(code).toBe(1);
    expect(stdout).toMatch(/Sheets {5}plan records "Activity" with "Dividends", "Splits", "Prime Rates" valued at the prices in "Prices"\n/);
    expect(stdout).toMatch(/\nActivity +152 +D152 +The allocation to a discounted option of \$50,000\.00/);
  });
});

describe("dcp reserve --out: the DCP Reserve sheet in a workbook of its own", () => {
  it("writes the running ledger, each row naming its source cell, marked as dcp's own so a second run replaces it", async () => {
    const out = path.join(tmp, "reserve-report.xlsx");
    expect(dcp("reserve", "examples/reserve.xlsx", "--out", out).code).toBe(1);
    expect(dcp("reserve", "examples/reserve.xlsx", "--out", out).stdout).toMatch(/Report written to .*reserve-report\.xlsx\.\n/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.keywords).toBe("dcp-reserve-report");
    const sheet = workbook.getWorksheet("DCP Reserve");
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      "Date",
      "Remaining",
      "Used",
      "Reserve",
      "Kind",
      "Quantity",
      "Participant",
      "Reference",
      "Source",
      "Reported Remaining",
    ]);
    expect([sheet?.getCell("A9").value, sheet?.getCell("B9").value, sheet?.getCell("I9").value]).toEqual([
      new Date("2004-05-07T00:00:00Z"),
      -400_000,
      "Ledger!A9",
    ]);
    const validation = path.join(tmp, "validation-report.xlsx");
    dcp("validate", "examples/elections.xlsx", "--out", validation);
    expect(dcp("reserve", "examples/reserve.xlsx", "--out", validation).stderr).toMatch(
      /validation-report\.xlsx already exists and is not a reserve report written by dcp/,
    );
  });
});

describe("dcp reserve --ocf: an Open Cap Format 1.2.0 package", () => {
  const folderFiles = (folder: string) => new Map(fs.readdirSync(folder).map((name) => [name, fs.readFileSync(path.join(folder, name))]));
  const zipFiles = async (file: string) => {
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    return new Map(await Promise.all(Object.keys(zip.files).map(async (name) => [name, await zip.file(name)!.async("nodebuffer")] as [string, Buffer])));
  };
  // SOURCE_DATE_EPOCH fixes generated_at, so two runs can be compared byte for byte.
  const ocf = (...args: string[]) => dcpWithEnv({ SOURCE_DATE_EPOCH: "1767225600" }, "reserve", ...args);

  it("writes a folder from examples/reserve.xlsx: the manifest names the Issuer sheet's issuer, every md5, file and object checks out, no id dangles", () => {
    const out = path.join(tmp, "package");
    const { code, stdout, stderr } = ocf("examples/reserve.xlsx", "--ocf", out);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(stdout).toMatch(/Open Cap Format 1\.2\.0 package written to .*package \(5 files\)\.\n$/);
    const files = folderFiles(out);
    expect([...files.keys()].sort()).toEqual(PACKAGE_FILE_NAMES);
    expect(packageProblems(files, nodeMd5)).toEqual([]);
    const manifest = JSON.parse(files.get("Manifest.ocf.json")!.toString("utf8"));
    expect(manifest).toMatchObject({
      ocf_version: "1.2.0",
      issuer: { legal_name: "Hecla Mining Company", formation_date: "1891-10-14", country_of_formation: "US", country_subdivision_of_formation: "DE" },
      as_of: "2004-05-07",
      generated_at: "2026-01-01T00:00:00Z",
    });
    expect(manifest.stock_classes_files).toEqual([{ filepath: "StockClasses.ocf.json", md5: nodeMd5(files.get("StockClasses.ocf.json")!) }]);
  });

  it("writes the same files as one .zip, byte for byte the same on a second run", async () => {
    const zip = path.join(tmp, "package.zip");
    expect(ocf("examples/reserve.xlsx", "--ocf", zip, "--json").code).toBe(1);
    const first = fs.readFileSync(zip);
    expect(ocf("examples/reserve.xlsx", "--ocf", zip, "--json").code).toBe(1);
    expect(fs.readFileSync(zip).equals(first)).toBe(true);
    const files = await zipFiles(zip);
    expect(packageProblems(files, nodeMd5)).toEqual([]);
    expect(files).toEqual(folderFiles(path.join(tmp, "package")));
  });

  it("--as-of sets the package's as_of and leaves later rows out", () => {
    const out = path.join(tmp, "as-of");
    ocf("examples/reserve.xlsx", "--as-of", "2003-06-30", "--ocf", out);
    const files = folderFiles(out);
    expect(JSON.parse(files.get("Manifest.ocf.json")!.toString("utf8")).as_of).toBe("2003-06-30");
    expect(JSON.parse(files.get("Transactions.ocf.json")!.toString("utf8")).items).toHaveLength(5);
    expect(packageProblems(files, nodeMd5)).toEqual([]);
  });

  describe("without an Issuer sheet", () => {
    const bare = path.join(tmp, "ledger-only.xlsx");
    beforeAll(async () => {
      const workbook = new ExcelJS.Workbook();
      addTemplateSheet(workbook, LEDGER_TEMPLATE);
      await workbook.xlsx.writeFile(bare);
    });

    it("exits 2 naming the fields OCF requires and the flags that give them, and writes nothing", () => {
      const out = path.join(tmp, "no-issuer");
      const { code, stdout, stderr } = ocf(bare, "--ocf", out, "--issuer-subdivision", "DE");
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toBe(
        "dcp: cannot write Open Cap Format: the issuer's Legal Name, Formation Date and Country are missing (OCF 1.2.0 requires them). " +
          "Give them in an Issuer sheet (column A the field, column B the value) or with --issuer-name, --issuer-formed YYYY-MM-DD, --issuer-country\n",
      );
      expect(fs.existsSync(out)).toBe(false);
    });

    it("takes the issuer from the flags", () => {
      const out = path.join(tmp, "flags.zip");
      const { code, stderr } = ocf(bare, "--ocf", out, "--issuer-name", "Hecla Mining Company", "--issuer-formed", "1891-10-14", "--issuer-country", "us");
      expect(stderr).toBe("");
      expect(code).toBe(1);
      expect(fs.existsSync(out)).toBe(true);
    });

    it("exits 2 naming the row of an option priced at $0 or less (§5.1), and writes nothing", async () => {
      const negative = path.join(tmp, "negative-price.xlsx");
      const workbook = new ExcelJS.Workbook();
      addTemplateSheet(workbook, { ...LEDGER_TEMPLATE, rows: [["2003-05-02", "option", 800_000, "Dan Wu", "Option allocation", "", -1]] });
      await workbook.xlsx.writeFile(negative);
      const out = path.join(tmp, "negative");
      const { code, stderr } = ocf(negative, "--ocf", out, "--issuer-name", "Hecla Mining Company", "--issuer-formed", "1891-10-14", "--issuer-country", "US");
      expect(code).toBe(2);
      expect(stderr).toBe(
        "dcp: cannot write Open Cap Format: row 2: exercise price -1 is not more than $0; a §5.1 discount is at most 50% of the price, so the grant cannot be exported (§5.1)\n",
      );
      expect(fs.existsSync(out)).toBe(false);
    });

    it.each([
      [["--issuer-formed", "14/10/1891"], /^dcp: --issuer-formed 14\/10\/1891 is not a YYYY-MM-DD date\n$/],
      [
        ["--issuer-name", "Hecla", "--issuer-formed", "2199-01-01", "--issuer-country", "US"],
        /^dcp: cannot write Open Cap Format: the issuer's Formation Date 2199-01-01 is after the package's as_of, 2004-05-07: the issuer must be formed by then\n$/,
      ],
      [
        ["--issuer-name", "Hecla", "--issuer-formed", "2003-01-01", "--issuer-country", "US", "--as-of", "2002-12-31"],
        /Formation Date 2003-01-01 is after the package's as_of, 2002-12-31/,
      ],
      [
        ["--issuer-formed", "1891-10-14", "--issuer-country", "USA"],
        /Legal Name is missing .*; the issuer's Country "USA" is not a two-letter ISO 3166-1 code such as US\. Give them .* --issuer-name, --issuer-country\n$/,
      ],
    ])("exits 2 for bad issuer flags %j", (flags, message) => {
      const { code, stderr } = ocf(bare, "--ocf", path.join(tmp, "bad"), ...flags);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
    });
  });

  it("never replaces a file that is not an OCF package: the workbook itself, or a .zip dcp did not write", () => {
    const copy = path.join(tmp, "mine.xlsx");
    fs.copyFileSync("examples/reserve.xlsx", copy);
    const before = fs.readFileSync(copy);
    const asFolder = ocf(copy, "--ocf", copy);
    expect(asFolder.code).toBe(2);
    expect(asFolder.stderr).toMatch(/mine\.xlsx is the same file as the input/);
    const notOurs = path.join(tmp, "notes.zip");
    fs.writeFileSync(notOurs, "not a zip");
    const asZip = ocf(copy, "--ocf", notOurs);
    expect(asZip.code).toBe(2);
    expect(asZip.stderr).toMatch(/notes\.zip already exists and is not an Open Cap Format \.zip written by dcp; choose another name, or add --force/);
    expect(fs.readFileSync(copy).equals(before)).toBe(true);
    expect(fs.readFileSync(notOurs, "utf8")).toBe("not a zip");
    expect(ocf(copy, "--ocf", path.join(tmp, "missing", "p.zip")).stderr).toMatch(/the folder .*missing does not exist/);
  });
});
