/**
 * `dcp payout` over examples/payouts.xlsx (a worked row of each event kind, a
 * death with a beneficiary, an unlocated participant, a conservator, a
 * withdrawal): the JSON of PAYOUT.md §1 with hand-worked figures, the report
 * workbook, and exit codes 0/1/2. Run after a build.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { findSheet, openWorkbook, sheetNames } from "../../src/workbook/xlsx";
import type { PayoutJson, PayoutJsonEntry, WithdrawalJsonEntry } from "../../src/workflows/payout";
import { dcp, ROOT } from "../helpers/cli";
import { readPdf } from "../helpers/pdf";

const EXAMPLE = path.join(ROOT, "examples/payouts.xlsx");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dcp-payout-"));

function run(...args: string[]): { code: number; document: PayoutJson; stderr: string } {
  const { code, stdout, stderr } = dcp("payout", ...args, "--json");
  return { code, document: JSON.parse(stdout) as PayoutJson, stderr };
}

const entry = (document: PayoutJson, name: string) => document.payouts.find((p) => p.participant === name) as PayoutJsonEntry;

describe("dcp payout over the example workbook", () => {
  const { code, document, stderr } = run(EXAMPLE);

  test("exit 0, no findings, only this command's keys", () => {
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(Object.keys(document)).toEqual(["payouts", "withdrawals", "findings"]);
    expect(document.findings).toEqual([]);
  });

  test("Ann Lee: separation, 116 shares, 24 withheld, $991.66 net cash", () => {
    const ann = entry(document, "Ann Lee");
    expect(ann.event).toEqual({ date: "2003-03-15", kinds: ["separation"], sections: ["§7.1(c)"] });
    expect(ann.distributionDate).toBe("2003-05-01");
    expect(ann.payments).toEqual([
      {
        date: "2003-05-01",
        payeeKind: "participant",
        fmvDate: "2003-05-01",
        fmv: 5,
        units: { DCA: 100.4, CMSA: 10.25, CSA: 5.1 },
        iaCash: 1234.57,
        grossShares: 116,
        shareValue: 580,
        taxOnShares: 116,
        taxOnCash: 246.91,
        withheldShares: 24,
        fractionCash: 4,
        netShares: 92,
        netCash: 991.66,
        cashDueFromPayee: 0,
      },
    ]);
    expect(ann.unlocated).toBeNull();
  });

  test("Ben Ortiz: held CSA lot paid on its release to the beneficiary; per employer as given", () => {
    const ben = entry(document, "Ben Ortiz");
    expect(ben.payments.map((p) => [p.date, p.payeeKind, p.grossShares])).toEqual([
      ["2004-08-01", "participant", 13],
      ["2005-01-01", "beneficiary", 3],
    ]);
    expect(ben.perEmployer).toEqual({ Company: { DCA: 10.6, CMSA: 0, CSA: 2.2, IA: 50 }, "Hecla Ventures": { DCA: 0, CMSA: 0, CSA: 3.1, IA: 0 } });
    expect(ben.payee).toMatchObject({ kind: "beneficiary", name: "Bea Ortiz", payableFrom: "2005-01-01", awaitingApplication: false });
    expect(ben.unlocated).toEqual({ deemedDeathDate: null, locateBeneficiaryBy: "2007-10-01", section: "§12.4" });
  });

  test("Finn Moss: cause on the last day worked, the separation displaced (P-R28); Gil Reyes: deemed dead 2006-05-01", () => {
    expect(entry(document, "Finn Moss").excluded).toEqual([
      { kind: "separation", date: "2003-06-21", reason: "displaced by §7.6 termination for cause (P-R28)" },
    ]);
    expect(entry(document, "Gil Reyes").unlocated).toEqual({ deemedDeathDate: "2006-05-01", locateBeneficiaryBy: null, section: "§12.4" });
    expect(entry(document, "Eve Park").event.date).toBe("2005-04-10");
    expect(entry(document, "Cara Diaz").payments[0].cashDueFromPayee).toBe(45);
    expect(entry(document, "Hana Sato").payee).toMatchObject({ kind: "conservator", paidTo: "Ivan Sato" });
  });

  test("Ivy Chen's withdrawal", () => {
    const [w] = document.withdrawals as WithdrawalJsonEntry[];
    expect(w).toMatchObject({
      participant: "Ivy Chen",
      valueWithdrawn: 143.13,
      penalty: 14.31,
      netValue: 128.82,
      sharesDelivered: 25,
      netShares: 20,
      fractionCash: 3.82,
    });
    expect(w.excludedArticleV).toEqual({ csaUnits: 7, iaDollars: 1000 });
    expect(w.creditsResume).toBe("2003-12-16");
  });
});

describe("findings, exit codes and outputs", () => {
  test("a Cause Date before the Last Day Worked: an error entry, a finding on its cell, exit 1", async () => {
    const workbook = await openWorkbook(EXAMPLE);
    const sheet = findSheet(workbook, "Payouts");
    sheet!.getCell("F7").value = "2003-06-19"; // Finn Moss's Cause Date, a day before his Last Day Worked
    const file = path.join(tmp, "cause.xlsx");
    await workbook.xlsx.writeFile(file);
    const { code, document } = run(file);
    expect(code).toBe(1);
    expect(document.payouts.find((p) => p.participant === "Finn Moss")).toEqual({
      participant: "Finn Moss",
      error: expect.stringContaining("causeDate 2003-06-19 is before"),
    });
    expect(document.findings).toEqual([expect.objectContaining({ sheet: "Payouts", cell: "F7", rule: "P03", section: "7.6", severity: "error" })]);
  });

  test("--participant keeps one; an unknown name is exit 2 naming the participants", () => {
    expect(run(EXAMPLE, "--participant", " ann lee ").document.payouts.map((p) => p.participant)).toEqual(["Ann Lee"]);
    const { code, stderr, stdout } = dcp("payout", EXAMPLE, "--participant", "Zed");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^dcp: no Payouts or Withdrawals row names participant "Zed"; the participants are "Ann Lee", /);
  });

  test("--out writes payments, withdrawals and findings; never over the input", async () => {
    const out = path.join(tmp, "report.xlsx");
    expect(dcp("payout", EXAMPLE, "--out", out).code).toBe(0);
    expect(sheetNames(await openWorkbook(out))).toEqual(["DCP Payments", "DCP Withdrawals", "DCP Payout Findings"]);
    expect(dcp("payout", EXAMPLE, "--out", out).code).toBe(0);
    const { code, stderr } = dcp("payout", EXAMPLE, "--out", EXAMPLE);
    expect(code).toBe(2);
    expect(stderr).toMatch(/is the same file as the input/);
  });

  test("no Holdings sheet is exit 2 in one line", async () => {
    const workbook = await openWorkbook(EXAMPLE);
    workbook.removeWorksheet(findSheet(workbook, "Holdings")!.id);
    const file = path.join(tmp, "no-holdings.xlsx");
    await workbook.xlsx.writeFile(file);
    const { code, stderr } = dcp("payout", file);
    expect(code).toBe(2);
    expect(stderr).toBe("dcp: there is no Holdings sheet: it holds each participant's units and Investment Account dollars (PAYOUT.md §1)\n");
  });
});

describe("dcp payout --pdf DIR", () => {
  const folder = path.join(tmp, "notices");
  const PARTICIPANTS = ["Ann Lee", "Ben Ortiz", "Cara Diaz", "Dan Wu", "Eve Park", "Finn Moss", "Gil Reyes", "Hana Sato"];

  test("writes one distribution notice a participant, named for the participant, and says so; exit 0", () => {
    const { code, stdout, stderr } = dcp("payout", EXAMPLE, "--pdf", folder);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toContain(`8 distribution notices written to ${folder}.`);
    expect(fs.readdirSync(folder).sort()).toEqual(PARTICIPANTS.map((name) => `${name}.pdf`));
  });

  test("Ann Lee's notice: separated 2003-03-15 (§7.1(c)), paid 2003-05-01, 116 shares, 24 withheld, net 92 and $991.66", async () => {
    const pdf = await readPdf(fs.readFileSync(path.join(folder, "Ann Lee.pdf")));
    expect(pdf.lines).toContain("Separation from service (§7.1(c)) on March 15, 2003.");
    expect(pdf.lines).toContain("Payment on May 1, 2003, paid to the participant (§7.2)");
    for (const line of ["Shares (§6.2, rounded up) | 116", "Shares withheld | 24", "Net shares delivered | 92", "Net cash paid | $991.66"])
      expect(pdf.lines).toContain(line);
  });

  test("--participant writes that one notice, replacing its own folder", () => {
    expect(dcp("payout", EXAMPLE, "--participant", "gil reyes", "--pdf", folder).code).toBe(0);
    expect(fs.readdirSync(folder)).toEqual(["Gil Reyes.pdf"]);
  });

  test("a participant not computed gets no notice and the run exits 1", async () => {
    const workbook = await openWorkbook(EXAMPLE);
    findSheet(workbook, "Payouts")!.getCell("F7").value = "2003-06-19"; // Finn Moss's Cause Date before his Last Day Worked
    const file = path.join(tmp, "cause-pdf.xlsx");
    await workbook.xlsx.writeFile(file);
    const out = path.join(tmp, "notices-cause");
    const { code, stdout } = dcp("payout", file, "--pdf", out);
    expect(code).toBe(1);
    expect(stdout).toContain(`7 distribution notices written to ${out} (1 participant not computed: see the findings).`);
    expect(fs.readdirSync(out)).not.toContain("Finn Moss.pdf");
  });

  test("never over the input nor a folder holding anything else, --force or not: exit 2 in one line", () => {
    const inputFolder = path.join(tmp, "holds-input");
    fs.mkdirSync(inputFolder);
    const input = path.join(inputFolder, "payouts.xlsx");
    fs.copyFileSync(EXAMPLE, input);
    const refused = dcp("payout", input, "--pdf", inputFolder, "--force");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^dcp: --pdf .* holds the input .*; writing there would replace the folder, so choose another folder\n$/);
    expect(fs.readdirSync(inputFolder)).toEqual(["payouts.xlsx"]);

    const mixed = path.join(tmp, "mixed");
    fs.mkdirSync(mixed);
    fs.writeFileSync(path.join(mixed, "notes.txt"), "keep me");
    const other = dcp("payout", EXAMPLE, "--pdf", mixed, "--force");
    expect([other.code, other.stderr]).toEqual([
      2,
      `dcp: --pdf ${mixed} already exists and holds files that are not a folder of distribution notices written by dcp; choose a new or empty folder\n`,
    ]);
    expect(fs.readdirSync(mixed)).toEqual(["notes.txt"]);

    const asFile = dcp("payout", EXAMPLE, "--pdf", EXAMPLE);
    expect(asFile.code).toBe(2);
    expect(asFile.stderr).toMatch(/is the same file as the input/);
  });
});
