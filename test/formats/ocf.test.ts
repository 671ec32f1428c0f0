/** The reserve as an Open Cap Format 1.2.0 package: objects, files, manifest, checksums, ids. */
import crypto from "crypto";
import JSZip from "jszip";
import { Decimal } from "../../src/engine/decimal";
import { issuerProblems, toOcfPackage, type IssuerDetails, type OcfPackage } from "../../src/formats/ocf";
import { reconcileReserve, type ReserveReconciliation } from "../../src/engine/reserve";
import { readIssuerSheet, resolveIssuer } from "../../src/sheets/issuer";
import { ocfPackageFrom } from "../../src/workflows/ocf";
import { readLedgerSheet } from "../../src/sheets/reserve";
import { cellValues, ISSUER_TEMPLATE, LEDGER_TEMPLATE } from "../../src/sheets/templates";
import { md5Hex } from "../../src/formats/md5";
import { packageFiles, packageZip } from "../../src/formats/ocfPackage";
import { danglingIds, nodeMd5, ocfValidator, packageProblems } from "../helpers/ocf";
import { entry } from "../helpers/ledger";

const ISSUER: IssuerDetails = { legalName: "Hecla Mining Company", formationDate: "1891-10-14", country: "US", countrySubdivision: "DE" };
const GENERATED = "2026-01-01T00:00:00Z";

const template = () =>
  reconcileReserve(
    readLedgerSheet({ sheet: "Ledger", firstRow: 1, firstColumn: 0, values: [LEDGER_TEMPLATE.columns.map((c) => c.header), ...cellValues(LEDGER_TEMPLATE)] })
      .entries,
  );
const build = (entries: ReserveReconciliation = template(), extra: Partial<Parameters<typeof toOcfPackage>[1]> = {}) =>
  toOcfPackage(entries, { issuer: ISSUER, generatedAt: GENERATED, ...extra });
const items = (pkg: OcfPackage, fileType: string) => pkg.files.find((f) => f.content.file_type === fileType)?.content.items ?? [];
const asMap = (pkg: OcfPackage) => new Map(packageFiles(pkg).map((f) => [f.path, Buffer.from(f.bytes)]));

describe("the package from the template ledger", () => {
  const pkg = build();

  it("is a manifest and one file per kind, every file and object valid and listed with the md5 of its bytes, no id dangling", () => {
    expect(packageFiles(pkg).map((f) => f.path)).toEqual([
      "Manifest.ocf.json",
      "StockPlans.ocf.json",
      "StockClasses.ocf.json",
      "Transactions.ocf.json",
      "Stakeholders.ocf.json",
    ]);
    expect(packageProblems(asMap(pkg), nodeMd5)).toEqual([]);
  });

  it("names the issuer, the date it represents and when it was generated, and lists empty the files OCF requires and the ledger lacks", () => {
    const manifest = JSON.parse(Buffer.from(packageFiles(pkg)[0].bytes).toString("utf8"));
    expect(manifest).toMatchObject({
      ocf_version: "1.2.0",
      file_type: "OCF_MANIFEST_FILE",
      issuer: {
        object_type: "ISSUER",
        legal_name: "Hecla Mining Company",
        formation_date: "1891-10-14",
        country_of_formation: "US",
        country_subdivision_of_formation: "DE",
      },
      as_of: "2004-05-07",
      generated_at: GENERATED,
      stock_legend_templates_files: [],
      vesting_terms_files: [],
      valuations_files: [],
    });
    expect(manifest.transactions_files).toEqual([{ filepath: "Transactions.ocf.json", md5: nodeMd5(packageFiles(pkg)[3].bytes) }]);
  });

  it("defines the common stock class the plan, the issuances and the split refer to", () => {
    expect(items(pkg, "OCF_STOCK_CLASSES_FILE")).toEqual([
      expect.objectContaining({ object_type: "STOCK_CLASS", id: "COMMON", class_type: "COMMON", initial_shares_authorized: "NOT APPLICABLE" }),
    ]);
    expect(items(pkg, "OCF_STOCK_PLANS_FILE")).toEqual([
      expect.objectContaining({
        object_type: "STOCK_PLAN",
        initial_shares_reserved: "6000000",
        stock_class_ids: ["COMMON"],
        board_approval_date: "2002-07-18",
      }),
    ]);
  });

  it("writes RSU credits, NSO grants, and a split followed by the pool it leaves (§13.8)", () => {
    const transactions = items(pkg, "OCF_TRANSACTIONS_FILE");
    expect(transactions.map((t) => t.object_type)).toEqual([
      "TX_EQUITY_COMPENSATION_ISSUANCE",
      "TX_EQUITY_COMPENSATION_ISSUANCE",
      "TX_EQUITY_COMPENSATION_ISSUANCE",
      "TX_STOCK_CLASS_SPLIT",
      "TX_STOCK_PLAN_POOL_ADJUSTMENT",
      "TX_EQUITY_COMPENSATION_ISSUANCE",
      "TX_EQUITY_COMPENSATION_ISSUANCE",
      "TX_EQUITY_COMPENSATION_ISSUANCE",
      "TX_EQUITY_COMPENSATION_ISSUANCE",
    ]);
    expect(transactions[0]).toMatchObject({
      compensation_type: "RSU",
      quantity: "1200000",
      comments: [expect.stringMatching(/Deferred stock units/), "Q3 2002 deferral and match units"],
    });
    expect(transactions[2]).toMatchObject({
      compensation_type: "OPTION_NSO",
      exercise_price: { amount: "0.85", currency: "USD" },
      stakeholder_id: "participant-dan-wu",
    });
    expect(transactions[3]).toMatchObject({ split_ratio: { numerator: "2", denominator: "1" }, stock_class_id: "COMMON" });
    expect(transactions[4]).toMatchObject({ shares_reserved: "12000000" });
    expect(items(pkg, "OCF_STAKEHOLDERS_FILE").map((s) => s.id)).toEqual(["participant-all-participants", "participant-dan-wu", "participant-eve-park"]);
  });

  it("gives the same bytes every time, as files and as a .zip holding exactly those files", async () => {
    expect(packageFiles(build())).toEqual(packageFiles(pkg));
    const zip = await packageZip(pkg);
    expect(Buffer.from(await packageZip(build())).equals(Buffer.from(zip))).toBe(true);
    const opened = await JSZip.loadAsync(zip);
    const inside = new Map<string, Buffer>();
    for (const name of Object.keys(opened.files)) inside.set(name, await opened.file(name)!.async("nodebuffer"));
    expect(inside).toEqual(asMap(pkg));
  });
});

describe("what the package holds", () => {
  it("stops at as_of: later rows are left out", () => {
    const pkg = build(template(), { asOf: "2003-06-30" });
    expect(pkg.manifest.as_of).toBe("2003-06-30");
    expect(items(pkg, "OCF_TRANSACTIONS_FILE").map((t) => t.date)).toEqual(["2002-09-30", "2002-12-31", "2003-05-02", "2003-06-30", "2003-06-30"]);
    expect(packageProblems(asMap(pkg), nodeMd5)).toEqual([]);
  });

  it("writes a 1-for-10 reverse split as 1/10 and fractional units to at most ten places", () => {
    const pkg = build(reconcileReserve([entry("2003-03-31", "units", 1 / 3), entry("2004-01-02", "split", 0.1)]));
    const transactions = items(pkg, "OCF_TRANSACTIONS_FILE");
    expect(transactions[0]).toMatchObject({ quantity: "0.3333333333" });
    expect(transactions[1]).toMatchObject({ split_ratio: { numerator: "1", denominator: "10" } });
    expect(packageProblems(asMap(pkg), nodeMd5)).toEqual([]);
  });

  it("keeps two participants whose names make the same id apart", () => {
    const pkg = build(
      reconcileReserve([entry("2003-03-31", "units", 1, { participant: "Ann Lee" }), entry("2003-03-31", "units", 2, { participant: "Ann-Lee" })]),
    );
    expect(items(pkg, "OCF_STAKEHOLDERS_FILE").map((s) => [s.id, (s.name as { legal_name: string }).legal_name])).toEqual([
      ["participant-ann-lee", "Ann Lee"],
      ["participant-ann-lee-2", "Ann-Lee"],
    ]);
    expect(items(pkg, "OCF_TRANSACTIONS_FILE").map((t) => t.stakeholder_id)).toEqual(["participant-ann-lee", "participant-ann-lee-2"]);
  });

  it("an empty ledger is the plan and its 6,000,000-share reserve as of the effective date", () => {
    const pkg = build(reconcileReserve([]));
    expect(pkg.manifest.as_of).toBe("2002-07-18");
    expect(packageProblems(asMap(pkg), nodeMd5)).toEqual([]);
  });

  it("refuses an option grant without its exercise price, and a generation time that is not a date-time", () => {
    expect(() => build(reconcileReserve([entry("2003-03-31", "option", 100)]))).toThrow(/needs its Exercise Price/);
    expect(() => build(template(), { generatedAt: "today" })).toThrow(/generatedAt "today" is not an ISO 8601 date-time/);
  });

  it("refuses an issuer formed after the package's as_of, naming the date; formed on it is fine", () => {
    expect(() => build(template(), { issuer: { ...ISSUER, formationDate: "2199-01-01" } })).toThrow(
      "cannot write Open Cap Format: the issuer's Formation Date 2199-01-01 is after the package's as_of, 2004-05-07: the issuer must be formed by then",
    );
    expect(build(template(), { issuer: { ...ISSUER, formationDate: "2003-06-30" }, asOf: "2003-06-30" }).manifest.as_of).toBe("2003-06-30");
  });

  it.each([[-1], [0]])("refuses, naming the row, an option grant at exercise price %p: §5.1 gives a price above $0", (price) => {
    const grant = entry("2003-03-31", "option", 100, { exercisePrice: new Decimal(price), participant: "Dan Wu" });
    expect(() => build(reconcileReserve([grant]))).toThrow(
      `row ${grant.rowNumber}: exercise price ${price} is not more than $0; a §5.1 discount is at most 50% of the price, so the grant cannot be exported (§5.1)`,
    );
  });
  it("refuses, naming the row, an option grant at an exercise price beyond what a share could cost (R05's bound)", () => {
    const grant = entry("2003-03-31", "option", 100, { exercisePrice: new Decimal(1e300), participant: "Dan Wu" });
    expect(() => build(reconcileReserve([grant]))).toThrow(
      `row ${grant.rowNumber}: exercise price $1e+300 a share is more than $1,000.00, a hundred times the $10.00 price §5.1 is written around, so the grant cannot be exported (§5.1)`,
    );
  });
});

describe("the schema check and the id check find what is wrong", () => {
  const pkg = build(reconcileReserve([entry("2003-03-31", "option", 100, { exercisePrice: new Decimal(1), participant: "Dan Wu" })]));
  const tx = items(pkg, "OCF_TRANSACTIONS_FILE")[0];
  const transactionsFile = (item: Record<string, unknown>) => ({ file_type: "OCF_TRANSACTIONS_FILE", items: [item] });

  it("an option without a price, a quantity in exponent form, a file with ocf_version, a manifest without its issuer", () => {
    const validate = ocfValidator("TransactionsFile");
    expect(validate(transactionsFile(tx))).toBe(true);
    expect(validate(transactionsFile({ ...tx, exercise_price: undefined }))).toBe(false);
    expect(validate(transactionsFile({ ...tx, quantity: "1e3" }))).toBe(false);
    expect(validate({ ocf_version: "1.2.0", ...transactionsFile(tx) })).toBe(false);
    const manifest = JSON.parse(Buffer.from(packageFiles(pkg)[0].bytes).toString("utf8"));
    expect(ocfValidator("ManifestFile")(manifest)).toBe(true);
    expect(ocfValidator("ManifestFile")({ ...manifest, issuer: undefined })).toBe(false);
    expect(ocfValidator("ManifestFile")({ ...manifest, stakeholders_files: [{ filepath: "Stakeholders.ocf.json", md5: "not-a-checksum" }] })).toBe(false);
  });

  it("a dangling stock class, a changed byte, an unlisted file", () => {
    expect(danglingIds([tx, ...items(pkg, "OCF_STAKEHOLDERS_FILE"), ...items(pkg, "OCF_STOCK_PLANS_FILE")])).toEqual([
      `${String(tx.id)}.stock_class_id refers to COMMON, defined nowhere in the package`,
      "hecla-kedcp-2002.stock_class_ids refers to COMMON, defined nowhere in the package",
    ]);
    const files = asMap(pkg);
    files.set("Stakeholders.ocf.json", Buffer.concat([files.get("Stakeholders.ocf.json")!, Buffer.from(" ")]));
    files.set("Notes.txt", Buffer.from("x"));
    expect(packageProblems(files, nodeMd5)).toEqual([
      expect.stringMatching(/^Stakeholders\.ocf\.json: md5 /),
      "Notes.txt is in the package but not in the manifest",
    ]);
  });
});

describe("the issuer (OCF ISSUER: legal_name, formation_date, country_of_formation required)", () => {
  it("names every required field that is missing", () => {
    expect(() => toOcfPackage(template(), { issuer: { countrySubdivision: "DE" }, generatedAt: GENERATED })).toThrow(
      "cannot write Open Cap Format: the issuer's Legal Name, Formation Date and Country are missing (OCF 1.2.0 requires them)",
    );
    expect(issuerProblems({ ...ISSUER, legalName: " " }).map((p) => p.field)).toEqual(["legalName"]);
  });

  it("takes country codes in any case and a subdivision with or without its country, and refuses what OCF cannot hold", () => {
    expect(build(template(), { issuer: { ...ISSUER, country: "us", countrySubdivision: "US-de" } }).manifest.issuer).toMatchObject({
      country_of_formation: "US",
      country_subdivision_of_formation: "DE",
    });
    expect(build(template(), { issuer: { ...ISSUER, countrySubdivision: undefined } }).manifest.issuer).not.toHaveProperty("country_subdivision_of_formation");
    expect(issuerProblems({ ...ISSUER, country: "USA", countrySubdivision: "Delaware", formationDate: "1891-13-01" }).map((p) => p.message)).toEqual([
      'Formation Date "1891-13-01" is not a YYYY-MM-DD date',
      'Country "USA" is not a two-letter ISO 3166-1 code such as US',
      'Country Subdivision "Delaware" is not an ISO 3166-2 code such as DE (or US-DE)',
    ]);
  });
});

describe("the Issuer sheet", () => {
  const sheet = (rows: unknown[][]) => ({ sheet: "Issuer", firstRow: 1, firstColumn: 0, values: [["Field", "Value"], ...rows] });

  it("reads the template: field names in column A, values in column B, a formation date before 1900 as text", () => {
    const read = readIssuerSheet({
      sheet: "Issuer",
      firstRow: 1,
      firstColumn: 0,
      values: [ISSUER_TEMPLATE.columns.map((c) => c.header), ...cellValues(ISSUER_TEMPLATE)],
    });
    expect(read).toEqual({ details: ISSUER, problems: [] });
  });

  it("accepts other spellings and a date cell, and names the cell it cannot read", () => {
    expect(
      readIssuerSheet(
        sheet([
          ["legal  name:", "Hecla"],
          ["Date of Incorporation", 30_000],
          ["State", "DE"],
        ]),
      ).details,
    ).toEqual({ legalName: "Hecla", formationDate: "1982-02-18", countrySubdivision: "DE" });
    expect(
      readIssuerSheet(
        sheet([
          ["Formation Date", "long ago"],
          ["Country", 1],
          ["Country", "US"],
        ]),
      ).problems.map((p) => p.message),
    ).toEqual([
      'Issuer!B2 holds "long ago"; Formation Date expects a date (a date cell or YYYY-MM-DD text)',
      "Issuer!B3 holds 1; Country expects text",
      "Country is given twice, in Issuer!B3 and Issuer!B4; keep one",
    ]);
  });

  it("lets flags take the place of sheet values, and names what is still missing or unreadable", () => {
    const read = readIssuerSheet(
      sheet([
        ["Legal Name", "Hecla Mining Company"],
        ["Formation Date", "long ago"],
      ]),
    );
    expect(resolveIssuer(read, { formationDate: "1891-10-14", country: "US" })).toEqual({
      details: { legalName: "Hecla Mining Company", formationDate: "1891-10-14", country: "US" },
      problemFields: [],
    });
    expect(resolveIssuer(read, {})).toEqual({
      details: { legalName: "Hecla Mining Company" },
      problem: `the issuer's Country is missing (OCF 1.2.0 requires it); Issuer!B3 holds "long ago"; Formation Date expects a date (a date cell or YYYY-MM-DD text)`,
      problemFields: ["country", "formationDate"],
    });
    expect(resolveIssuer(undefined, { legalName: "X" }).problem).toMatch(/Formation Date and Country are missing/);
  });
});

describe("the export workflow both surfaces run", () => {
  const issuerSheet = { sheet: "Issuer", firstRow: 1, firstColumn: 0, values: [ISSUER_TEMPLATE.columns.map((c) => c.header), ...cellValues(ISSUER_TEMPLATE)] };

  it("builds the package from the ledger and the Issuer sheet, flags winning over the sheet", () => {
    const result = ocfPackageFrom({ reconciliation: template(), issuerSheet, issuer: { legalName: "Hecla Mining Co." }, generatedAt: GENERATED });
    expect("pkg" in result && result.pkg.manifest.issuer).toMatchObject({
      legal_name: "Hecla Mining Co.",
      formation_date: "1891-10-14",
      country_of_formation: "US",
    });
  });

  it("says what is missing and which fields, or why the ledger cannot be exported", () => {
    expect(ocfPackageFrom({ reconciliation: template(), generatedAt: GENERATED })).toEqual({
      problem: "cannot write Open Cap Format: the issuer's Legal Name, Formation Date and Country are missing (OCF 1.2.0 requires them)",
      fields: ["legalName", "formationDate", "country"],
    });
    expect(ocfPackageFrom({ reconciliation: reconcileReserve([entry("2003-03-31", "option", 100)]), issuerSheet, generatedAt: GENERATED })).toEqual({
      problem: expect.stringMatching(/^cannot write Open Cap Format: row \d+: an option grant needs its Exercise Price/),
      fields: [],
    });
  });
});

describe("md5 (RFC 1321)", () => {
  it("matches the RFC's test suite and Node's crypto on every length around the 64-byte blocks", () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(md5Hex(text(""))).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(md5Hex(text("abc"))).toBe("900150983cd24fb0d6963f7d28e17f72");
    expect(md5Hex(text("12345678901234567890123456789012345678901234567890123456789012345678901234567890"))).toBe("57edf4a22be3c955ac49da2e2107b67a");
    for (let length = 0; length <= 200; length++) {
      const bytes = crypto.randomBytes(length);
      expect(md5Hex(bytes)).toBe(nodeMd5(bytes));
    }
  });
});
