/**
 * "Save notices (PDF)" on the Payouts page (issue 16 items 5 and 6), as a
 * person uses it: the production build in headless Chromium against the
 * in-memory Excel host, under every platform profile. The download is read
 * back: one distribution notice a participant, Ann Lee's with her figures
 * worked by hand.
 */
import fs from "fs";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { PROFILE_NAMES, type ProfileName } from "../doubles/profiles";
import { readPdf } from "../helpers/pdf";
import { blockedRequests, openPane, pageErrors, startHarness, type Harness } from "./harness";

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
