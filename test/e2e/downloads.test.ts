/**
 * What the task pane saves as a file, as a person uses it: the production
 * build in headless Chromium against the in-memory Excel host, under every
 * platform profile. "Save notices (PDF)" on the Payouts page (issue 16 items 5
 * and 6) is read back: one distribution notice a participant, Ann Lee's with
 * her figures worked by hand. "Export OCF" on the Share reserve page is read
 * back and checked against the OCF schemas. On the Mac, which saves no
 * download from a task pane, each says so and offers another way.
 */
import fs from "fs";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { PROFILE_NAMES, PROFILES, type ProfileName } from "../doubles/profiles";
import { nodeMd5, PACKAGE_FILE_NAMES, packageProblems } from "../helpers/ocf";
import { readPdf } from "../helpers/pdf";
import { blockedRequests, openPane, pageErrors, startHarness, host, type Harness } from "./harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

/** The Payouts page with the worked example inserted and computed. */
async function showPayoutTemplate(page: Page): Promise<void> {
  await page.getByRole("tab", { name: "Payouts" }).click();
  await button(page, "Insert template").click();
  await page.getByText(/^Inserted the sheets "Payouts( \(\d\))?", "Holdings", "Withdrawals" and "Prices( \(\d\))?" with a worked example/).waitFor();
  await button(page, "Show payouts").click();
  await page.getByRole("region", { name: "Payout" }).waitFor();
}

describe.each(PROFILE_NAMES)("in %s", (profile: ProfileName) => {
  if (PROFILES[profile].platform === "Mac") {
    // Office on the Mac saves no download from a task pane (test/doubles/profiles.ts): the pane names the command that does.
    it("Save notices (PDF) says this Excel cannot save a file and names the command that writes the notices", async () => {
      const page = await openPane(harness, "light", profile);
      await showPayoutTemplate(page);
      await button(page, "Save notices (PDF)").click();
      await page.getByText("This Excel cannot save files from an add-in (Excel on the Mac): run dcp payout --pdf DIR on the workbook instead.").waitFor();
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    });
    return;
  }

  it("Save notices (PDF) downloads one distribution notice a participant, Ann Lee's with her event, shares, withholding and net cash", async () => {
    const page = await openPane(harness, "light", profile);
    await showPayoutTemplate(page);
    const [download] = await Promise.all([page.waitForEvent("download"), button(page, "Save notices (PDF)").click()]);
    expect(download.suggestedFilename()).toBe("DCP distribution notices.zip");
    await page.getByText('Saved 8 distribution notices, one PDF a participant, in "DCP distribution notices.zip".').waitFor();

    const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
    expect(Object.keys(zip.files).sort()).toEqual(
      ["Ann Lee", "Ben Ortiz", "Cara Diaz", "Dan Wu", "Eve Park", "Finn Moss", "Gil Reyes", "Hana Sato"].map((name) => `${name}.pdf`),
    );
    // Separated 2003-03-15 (§7.1(c)), paid 2003-05-01: 115.75 units → 116 shares, 24 withheld for the 20% tax, net 92 and $991.66.
    const ann = await readPdf(await zip.file("Ann Lee.pdf")!.async("uint8array"));
    expect(ann.lines[1]).toBe("Ann Lee");
    expect(ann.lines).toContain("Separation from service (§7.1(c)) on March 15, 2003.");
    expect(ann.lines).toContain("Payment on May 1, 2003, paid to the participant (§7.2)");
    for (const line of ["Shares (§6.2, rounded up) | 116", "Shares withheld | 24", "Net shares delivered | 92", "Net cash paid | $991.66"])
      expect(ann.lines).toContain(line);
    const gil = await readPdf(await zip.file("Gil Reyes.pdf")!.async("uint8array"));
    expect(gil.text.replace(/\s*\|\s*|\s+/g, " ")).toContain(
      "Gil Reyes, not located: from May 1, 2006 payment may be made as though Gil Reyes had died (§12.4).",
    );

    expect(pageErrors(page)).toEqual([]);
    expect(blockedRequests(page)).toEqual([]);
    await page.close();
  });
});

/** The Share reserve page with the worked example inserted and reconciled. */
async function reconcileTemplate(page: Page): Promise<void> {
  await page.getByRole("tab", { name: "Share reserve" }).click();
  await button(page, "Insert template").click();
  await page.getByText(/^Inserted the sheets? "Ledger/).waitFor();
  await button(page, "Reconcile").click();
  await page.getByRole("region", { name: "Reserve summary" }).waitFor();
}

describe.each(PROFILE_NAMES)("Export OCF in %s", (profile: ProfileName) => {
  if (PROFILES[profile].platform === "Mac") {
    it("writes the package's files, line by line, to a sheet, since this Excel saves no download", async () => {
      const page = await openPane(harness, "light", profile);
      await reconcileTemplate(page);
      await button(page, "Export OCF").click();
      await page
        .getByText('Excel here cannot save a download, so the Open Cap Format package\'s files are written, line by line, to the sheet "DCP OCF".')
        .waitFor();
      // Column A names each line's file: every file of the package is there.
      const files = await host(page, (dcp) => [...new Set(dcp.model.sheet("DCP OCF")!.read("A2:A5000").flat())].filter((v) => v !== null && v !== ""));
      expect(files.sort()).toEqual(PACKAGE_FILE_NAMES);
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    });
    return;
  }

  it("downloads the ledger as an Open Cap Format 1.2.0 zip whose manifest, md5s and objects check out", async () => {
    const page = await openPane(harness, "light", profile);
    await reconcileTemplate(page);
    const [download] = await Promise.all([page.waitForEvent("download"), button(page, "Export OCF").click()]);
    expect(download.suggestedFilename()).toBe("dcp-reserve-ocf.zip");
    await page.getByText(/^Exported the ledger as an Open Cap Format 1\.2\.0 package \(dcp-reserve-ocf\.zip\)/).waitFor();
    const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
    const files = new Map<string, Buffer>();
    for (const name of Object.keys(zip.files)) files.set(name, await zip.file(name)!.async("nodebuffer"));
    expect([...files.keys()].sort()).toEqual(PACKAGE_FILE_NAMES);
    expect(packageProblems(files, nodeMd5)).toEqual([]);
    expect(JSON.parse(files.get("Manifest.ocf.json")!.toString("utf8"))).toMatchObject({ ocf_version: "1.2.0", as_of: "2004-05-07" });
    expect(pageErrors(page)).toEqual([]);
    expect(blockedRequests(page)).toEqual([]);
    await page.close();
  });
});
