/**
 * The Deadlines page as a person uses it: the production build in headless
 * Chromium against the in-memory Excel host, under every platform profile.
 * The figures are the template's (src/sheets/claimsTemplates.ts), worked by
 * hand in test/taskpane/deadlinesView.test.ts and again below.
 */
import fs from "fs";
import ICAL from "ical.js";
import path from "path";
import type { Page } from "playwright-core";
import { PROFILE_NAMES, PROFILES, type ProfileName } from "../doubles/profiles";
import { ARTIFACTS, axeViolations, blockedRequests, openPane, pageErrors, startHarness, host, type PageHost, type Harness } from "./harness";

type Host = PageHost;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const button = (page: Page, name: string | RegExp) => page.getByRole("button", { name, exact: typeof name === "string" });

/** The Deadlines page with its template inserted and shown as of 2003-08-15, the day the template is worked for. */
async function showDeadlinesTemplate(page: Page): Promise<void> {
  await page.getByRole("tab", { name: "Deadlines" }).click();
  await button(page, "Insert template").click();
  await page
    .getByText(/^Inserted the sheets "Claims( \(\d\))?", "CIC Events", "Trust", "Holdings( \(\d\))?" and "Prices( \(\d\))?" with worked claims/)
    .waitFor();
  await button(page, "Show deadlines").click();
  await page.getByRole("region", { name: "Claims docket" }).waitFor();
}

/** Every button, tab, field and link with no name a screen reader could announce. */
function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("button, [role=tab], input, select, a[href]")]
      .filter((el) => {
        const labelled = el.getAttribute("aria-labelledby");
        const label = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
        const name =
          el.getAttribute("aria-label") ?? (labelled && document.getElementById(labelled)?.textContent) ?? label?.textContent ?? el.textContent ?? "";
        return name.trim() === "";
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
}

const rowBackground = (page: Page, name: RegExp) =>
  page
    .getByRole("row", { name })
    .first()
    .evaluate((row) => getComputedStyle(row).backgroundColor);

describe.each(PROFILE_NAMES)("in %s", (profile: ProfileName) => {
  describe("Deadlines", () => {
    it("template beside the user's own Claims sheet → the docket as of a day → a finding to its cell → the Change in Control and its funding → write docket → save calendar", async () => {
      const page = await openPane(harness, "light", profile);
      await host(page, (dcp) => {
        dcp.model.fill("Sheet1", [
          ["Claimant", "Notes"],
          ["My own claim", "keep me"],
        ]);
        dcp.model.sheets[0].name = "Claims";
      });
      await showDeadlinesTemplate(page);
      await expect(host(page, (dcp) => dcp.model.sheets.map((sheet) => sheet.name))).resolves.toEqual([
        "Claims",
        "Claims (2)",
        "CIC Events",
        "Trust",
        "Holdings",
        "Prices",
      ]);
      await expect(page.getByLabel("As of (YYYY-MM-DD)").inputValue()).resolves.toBe("2003-08-15");

      // Ben Ortiz filed 2003-06-01, no Disability: the decision is due 90 days later, 2003-08-30, within 30 days of 2003-08-15.
      // Ann Lee asked for review 2003-07-20 on a Disability claim: the decision on review is due 45 days later, 2003-09-03.
      const docket = page.getByRole("region", { name: "Claims docket" });
      await expect(page.getByRole("status", { name: "Docket summary" }).textContent()).resolves.toBe(
        "3 claims as of 2003-08-15. Open deadlines: 2 within 30 days, 1 later; 1 passed without the step.",
      );
      await expect(docket.getByRole("rowheader").allTextContents()).resolves.toEqual([
        "Ben Ortiz, Claims (2) row 3Next: Decision on the claim due, 2003-08-30",
        "Ann Lee, Claims (2) row 2Next: Decision on review due, 2003-09-03",
        "Cy Ng, Claims (2) row 4No deadline open.",
      ]);
      await docket.getByRole("row", { name: /^Decision on review due \(§12\.3\(c\), \(d\)\)\s*2003-09-03\s*within 30 days$/ }).waitFor();
      // Cy Ng was denied 2003-03-20 and never asked for review: the 60 days ran out 2003-05-19.
      await docket.getByRole("row", { name: /^Request for review due \(§12\.3\(b\)\)\s*2003-05-19\s*passed$/ }).waitFor();
      const [soon, passed, met] = await Promise.all([
        rowBackground(page, /2003-09-03\s*within 30 days/),
        rowBackground(page, /2003-05-19\s*passed/),
        rowBackground(page, /2004-01-15\s*met/),
      ]);
      expect(new Set([soon, passed, met]).size).toBe(3);

      // A day after Ben Ortiz's decision was due it has passed, and the docket follows the day typed.
      await page.getByLabel("As of (YYYY-MM-DD)").fill("2003-08-31");
      await page.getByText("3 claims as of 2003-08-31. Open deadlines: 1 within 30 days, 1 later; 2 passed without the step.").waitFor();
      await page.getByLabel("As of (YYYY-MM-DD)").fill("Aug 31");
      await page.getByText('The as-of day "Aug 31" is not a date: enter it as YYYY-MM-DD, or leave it blank for today.').waitFor();
      await page.getByLabel("As of (YYYY-MM-DD)").fill("2003-08-15");
      await page.getByText("3 claims as of 2003-08-15.", { exact: false }).waitFor();

      // Ann Lee asked for review a day after the 60 days (2003-05-20 + 60 = 2003-07-19): a finding on her Review Requested cell.
      await docket
        .getByRole("region", { name: "Claims findings by row" })
        .getByRole("button", { name: /C03 · Review Requested · Claims \(2\)!I2/ })
        .click();
      await page.waitForFunction(() => (window as unknown as { __dcp: Host }).__dcp.model.selection?.address === "I2");
      await expect(host(page, (dcp) => dcp.model.selection)).resolves.toEqual({ sheet: "Claims (2)", address: "I2" });

      // Half the Board (5 of 10) and a 25% holder on 2003-03-15; valued at Friday's close, $4.00: $1,183.00 against the Trust's
      // $1,000.00, a $183.00 shortfall due 2003-04-14, split 982:201 with the odd cent to the Company.
      const cic = page.getByRole("region", { name: "Change in Control" });
      await expect(page.getByRole("status", { name: "Change in Control outcome" }).textContent()).resolves.toBe(
        "Change in Control on 2003-03-15, the first day a test is met: §1.1(e)(i), §1.1(e)(ii).",
      );
      await cic.getByRole("row", { name: /^2003-03-15 board\s*CIC Events row 3\s*§1\.1\(e\)\(ii\)\s*met$/ }).waitFor();
      await cic.getByText("5 Incumbent Directors of 10: no longer a majority (half is not more than half)").waitFor();
      const funding = await cic.getByRole("region", { name: "Trust funding" }).textContent();
      expect(funding).toContain("Valued at$4.00, the close on 2003-03-14Accounts' value$1,183.00Trust assets$1,000.00Shortfall$183.00");
      expect(funding).toContain("Fund by2003-04-14, 30 days after the Change in Control");
      expect(funding).toContain("Company$982.00$151.91Hecla Ventures$201.00$31.09");
      expect(funding).toContain("Ann Lee120.500000Ben Ortiz50.250000");

      const before = await host(page, (dcp) => [dcp.model.sheet("Claims")!.read("A1:B2"), dcp.model.sheet("Claims (2)")!.read("A1:K4")]);
      await button(page, "Write docket").click();
      await page.getByText('Wrote the docket of 3 claims to the sheet "DCP Claims".').waitFor();
      const written = await host(page, (dcp) => ({
        header: dcp.model.sheet("DCP Claims")!.read("A1:C1"),
        first: dcp.model.sheet("DCP Claims")!.read("B2:C2"),
        inputs: [dcp.model.sheet("Claims")!.read("A1:B2"), dcp.model.sheet("Claims (2)")!.read("A1:K4")],
      }));
      // Excel's serial of 2003-08-30 is 37,863 (2003-01-01 is 37,622, and 2003-08-30 is 241 days later).
      expect(written).toEqual({ header: [["Claimant", "Next deadline", "Next date"]], first: [["Decision on the claim due", 37863]], inputs: before });

      if (PROFILES[profile].platform === "Mac") {
        // Office on the Mac saves no download from a task pane (test/doubles/profiles.ts): the pane names the command that does.
        await button(page, "Save calendar").click();
        await page
          .getByText(
            'Excel here cannot save a file from the task pane: save the workbook and run "dcp claims FILE.xlsx --as-of 2003-08-15 --ics dcp-claims-2003-08-15.ics".',
          )
          .waitFor();
      } else {
        const [download] = await Promise.all([page.waitForEvent("download"), button(page, "Save calendar").click()]);
        expect(download.suggestedFilename()).toBe("dcp-claims-2003-08-15.ics");
        const text = fs.readFileSync(await download.path(), "utf8");
        const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
        expect(events.map((e) => [e.summary, e.startDate.toString(), e.startDate.isDate])).toEqual([
          ["Decision on the claim due: Ben Ortiz", "2003-08-30", true],
          ["Decision on review due: Ann Lee", "2003-09-03", true],
          ["Last day to commence legal action: Ann Lee", "2004-03-03", true],
        ]);
        await page.getByText("Saved 3 open deadlines as of 2003-08-15 to dcp-claims-2003-08-15.ics", { exact: false }).waitFor();
      }
      expect(pageErrors(page)).toEqual([]);
      expect(blockedRequests(page)).toEqual([]);
      await page.close();
    });

    it("says what is missing rather than failing: no Claims sheet, no CIC Events sheet, no Holdings or Prices", async () => {
      const page = await openPane(harness, "light", profile);
      await host(page, (dcp) => {
        dcp.model.fill("Sheet1", [
          ["Date", "Type"],
          [37_695, "liquidation"],
        ]);
        dcp.model.sheets[0].name = "CIC Events";
      });
      await page.getByRole("tab", { name: "Deadlines" }).click();
      await button(page, "Show deadlines").click();
      await page.getByText('The workbook has no "Claims" sheet.').waitFor();
      // Serial 37,695 is 2003-03-15.
      await expect(page.getByRole("status", { name: "Change in Control outcome" }).textContent()).resolves.toBe(
        "Change in Control on 2003-03-15, the first day a test is met: §1.1(e)(iv).",
      );
      await page.getByText(/^Choose the Holdings and Prices sheets/).waitFor();
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    });

    it("works from the keyboard alone, every control named", async () => {
      const page = await openPane(harness, "light", profile);
      await page.getByRole("tab", { name: "Deadlines" }).click();
      await button(page, "Show deadlines").waitFor();
      await page.getByRole("tab", { name: "Deadlines" }).focus();
      const order: string[] = [];
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press("Tab");
        order.push(
          await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
            return `${el.getAttribute("role") ?? el.tagName.toLowerCase()}:${(label ?? el.textContent ?? "").trim()}`;
          }),
        );
      }
      expect(order).toEqual(["input:As of (YYYY-MM-DD)", "button:Show deadlines", "button:Insert template", "button:Sheets"]);

      await button(page, "Insert template").focus();
      await page.keyboard.press("Enter");
      await page.getByText(/Inserted the sheets/).waitFor();
      await button(page, "Show deadlines").focus();
      await page.keyboard.press("Enter");
      await page.getByRole("region", { name: "Claims docket" }).waitFor();
      await page.getByRole("region", { name: "Claims findings by row" }).getByRole("button").first().focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => (window as unknown as { __dcp: Host }).__dcp.model.selection?.sheet === "Claims");
      await button(page, "Write docket").focus();
      await page.keyboard.press("Enter");
      await page.getByText(/to the sheet "DCP Claims"/).waitFor();
      await expect(unnamedControls(page)).resolves.toEqual([]);
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    });

    describe("look, feel and access", () => {
      const shots = path.join(ARTIFACTS, "screenshots");
      beforeAll(() => fs.mkdirSync(shots, { recursive: true }));

      it.each(["light", "dark"] as const)(
        "renders at 320 px in the %s theme, nothing wider than the pane, with no serious or critical axe violation",
        async (theme) => {
          const page = await openPane(harness, theme, profile);
          await showDeadlinesTemplate(page);
          const file = path.join(shots, `deadlines-${theme}-${profile}.png`);
          await page.screenshot({ path: file, fullPage: true });
          const layout = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            width: window.innerWidth,
            height: document.querySelector("main")?.getBoundingClientRect().height ?? 0,
          }));
          expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
          expect(layout.height).toBeGreaterThan(600);
          expect(fs.statSync(file).size).toBeGreaterThan(10_000);
          expect(await axeViolations(page)).toEqual([]);
          await page.close();
        },
      );
    });
  });
});
