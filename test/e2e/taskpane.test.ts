/**
 * The task pane as a person uses it: the production build in headless
 * Chromium against the in-memory Excel host (the CDN's office.js answered
 * with the double), as each platform's Excel: every scenario runs under all
 * four profiles.
 */
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { PROFILE_NAMES, type ProfileName } from "../doubles/profiles";
import { ARTIFACTS, axeViolations, blockedRequests, openPane, pageErrors, startHarness, host, type PageHost, startPane, type Harness } from "./harness";

/** Every function the build declares to Excel. */
const DECLARED_FUNCTIONS: number = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../dist/functions.json"), "utf8")).functions.length;

type Host = PageHost;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

async function button(page: Page, name: string | RegExp) {
  return page.getByRole("button", { name, exact: typeof name === "string" });
}

async function insertTemplateAndValidate(page: Page): Promise<void> {
  await (await button(page, "Insert template")).click();
  await page.getByText(/Inserted the sheets "Elections", "Prices", "Flows" and "Prime Rates"/).waitFor();
  await (await button(page, "Validate")).click();
  await page.getByText('13 rows checked on "Elections"').waitFor();
}

async function reconcileTemplate(page: Page): Promise<void> {
  await page.getByRole("tab", { name: "Share reserve" }).click();
  await (await button(page, "Insert template")).click();
  await page.getByText(/Inserted the sheet "Ledger"/).waitFor();
  await (await button(page, "Reconcile")).click();
  await page.getByRole("region", { name: "Reserve summary" }).waitFor();
}

/** The Statements page with the worked example inserted and stated for 2003. */
async function stateTemplate(page: Page): Promise<void> {
  await page.getByRole("tab", { name: "Statements" }).click();
  await (await button(page, "Insert template")).click();
  await page
    .getByText(
      /^Inserted the sheets "Activity", "Dividends", "Splits", "Prices( \(2\))?", "Prime Rates( \(2\))?", "Withdrawals( \(2\))?", "Participation( \(2\))?", "Plan( \(2\))?" with the worked example/,
    )
    .waitFor();
  await (await button(page, "Show statements")).click();
  await page.getByRole("region", { name: "Statement summary" }).waitFor();
}

/** The Payouts page with the worked example inserted and computed, Ann Lee shown. */
async function showPayoutTemplate(page: Page): Promise<void> {
  await page.getByRole("tab", { name: "Payouts" }).click();
  await (await button(page, "Insert template")).click();
  await page
    .getByText(/^Inserted the sheets "Payouts( \(\d\))?", "Holdings( \(\d\))?", "Withdrawals( \(\d\))?" and "Prices( \(\d\))?" with a worked example/)
    .waitFor();
  await (await button(page, "Show payouts")).click();
  await page.getByRole("region", { name: "Payout" }).waitFor();
}

describe.each(PROFILE_NAMES)("in %s", (profile: ProfileName) => {
  const hasNotes = profile !== "excel2021";

  describe("Validate elections", () => {
    it("template → validate → select a finding → write report → mark → clear marks", async () => {
      const page = await openPane(harness, "light", profile);
      await insertTemplateAndValidate(page);

      const summary = page.getByRole("status", { name: "Validation summary" });
      await expect(summary.textContent()).resolves.toMatch(/10 errors.*3 warnings.*13 rows checked/);
      const findings = page.getByRole("region", { name: "Findings by row" });
      const headings = await findings.getByRole("heading").allTextContents();
      expect(headings).toEqual(["Row 3", "Row 4", "Row 6", "Row 8", "Row 9", "Row 10", "Row 11", "Row 12", "Row 13", "Row 14"]);
      await expect(findings.getByRole("button").count()).resolves.toBe(13);

      await findings.getByRole("button", { name: /E02 · Election Date · Elections!C4/ }).click();
      await page.waitForFunction(() => (window as unknown as { __dcp: Host }).__dcp.model.selection?.address === "C4");
      await expect(host(page, (dcp) => dcp.model.selection)).resolves.toEqual({ sheet: "Elections", address: "C4" });

      await (await button(page, "Write report")).click();
      await page.getByText('Wrote 13 findings to the sheet "DCP Validation".').waitFor();
      const report = await host(page, (dcp) => dcp.model.sheet("DCP Validation")!.read("A1:D3"));
      expect(report).toEqual([
        ["Row", "Cell", "Column", "Rule"],
        [3, "E3", "Percent", "E07"],
        [4, "C4", "Election Date", "E02"],
      ]);

      const before = await host(page, (dcp) =>
        JSON.stringify([[...dcp.model.sheet("Elections")!.cells.entries()], [...dcp.model.sheet("Elections")!.notes.entries()]]),
      );
      await host(page, (dcp) => dcp.model.deleteSheet(dcp.model.sheet("DCP Validation")!));
      await (await button(page, "Mark cells")).click();
      // Without notes (Excel 2021), the messages go to the report sheet instead.
      await page
        .getByText(
          hasNotes
            ? /^Marked 13 cells\. Clear marks/
            : 'Marked 13 cells. Their messages are on the sheet "DCP Validation". Clear marks puts their formatting back.',
        )
        .waitFor();
      await expect(host(page, (dcp) => dcp.model.sheet("Elections")!.peek(3, 2)!.fill.color)).resolves.toBe("#F8CBAD");
      await expect(host(page, (dcp) => dcp.model.sheet("Elections")!.notes.size)).resolves.toBe(hasNotes ? 13 : 0);
      await expect(host(page, (dcp) => dcp.model.sheet("DCP Validation") !== undefined)).resolves.toBe(!hasNotes);
      await (await button(page, "Clear marks")).click();
      await page.getByText("Restored the formatting of 13 cells.").waitFor();
      const after = await host(page, (dcp) =>
        JSON.stringify([[...dcp.model.sheet("Elections")!.cells.entries()], [...dcp.model.sheet("Elections")!.notes.entries()]]),
      );
      expect(after).toBe(before);
      expect(pageErrors(page)).toEqual([]);
      expect(blockedRequests(page)).toEqual([]);
      await page.close();
    });

    it(hasNotes ? "names nothing this Excel lacks" : "says in one line what this Excel lacks", async () => {
      const page = await openPane(harness, "light", profile);
      const notes = await page.getByRole("note").allTextContents();
      expect(notes).toEqual(hasNotes ? [] : [expect.stringMatching(/^This version of Excel has no cell notes \(ExcelApi 1\.18\)/)]);
      await page.close();
    });

    it("shows clear findings for broken input, not an error screen", async () => {
      const page = await openPane(harness, "light", profile);
      await host(page, (dcp) => {
        dcp.model.fill("Sheet1", [
          ["Participant", "Election Type", "Election Date", "Plan Year", "Percent"],
          ["Ann Lee", "Salary deferral", "next Tuesday", 2004, 0.1],
          ["Ben Ortiz", "Salary deferral", 37_985, "twenty", 0.1],
        ]);
      });
      await (await button(page, "Validate")).click();
      await page.getByText('2 rows checked on "Sheet1"').waitFor();
      const findings = page.getByRole("region", { name: "Findings by row" });
      await findings.getByRole("button", { name: /E16 · Election Date · Sheet1!C2 Cell C2 holds "next Tuesday"; Election Date expects a date/ }).waitFor();
      await findings.getByRole("button", { name: /E16 · Plan Year · Sheet1!D3/ }).waitFor();

      await host(page, (dcp) => {
        const sheet = dcp.model.addSheet("Broken");
        dcp.model.fill("Broken", [
          ["Participant", "Type", "When"],
          ["Ann Lee", "IV-SAL", 37_985],
        ]);
        dcp.model.active = sheet;
      });
      await (await button(page, "Refresh source")).click();
      await page.getByText('Source: the used range of the active sheet, "Broken" (no table named Elections).').waitFor();
      await (await button(page, "Validate")).click();
      await page.getByText("The sheet cannot be checked").waitFor();
      await page.getByText(/Broken has no "Election Date" column in its header row \(row 1\)/).waitFor();
      await expect(page.getByText("That did not work").count()).resolves.toBe(0);
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    });

    it("shows progress while a run takes more than a moment", async () => {
      const page = await openPane(harness, "light", profile);
      await host(page, (dcp) => dcp.model.holdSyncs());
      await (await button(page, "Validate")).click();
      // The host answers nothing until released: the progress line must show meanwhile.
      await page.getByText("Validating elections…").waitFor();
      await host(page, (dcp) => dcp.model.releaseSyncs());
      await page.getByRole("status", { name: "Validation summary" }).waitFor();
      await page.close();
    });
  });

  describe("Share reserve", () => {
    it("template → reconcile → summary and violations → write report", async () => {
      const page = await openPane(harness, "light", profile);
      await reconcileTemplate(page);
      const summary = await page.getByRole("region", { name: "Reserve summary" }).textContent();
      expect(summary).toMatch(/Reserve as of 2004-05-07/);
      expect(summary).toMatch(/Reserve12,000,000Used12,400,000 \(103\.33%\)Remaining-400,000Used up on2004-03-31/);
      const problems = page.getByRole("region", { name: "Reserve problems" });
      await expect(problems.getByRole("heading").allTextContents()).resolves.toEqual([
        "Beyond the reserve (2)",
        "Reported remaining differs (1; first on 2003-12-31)",
      ]);
      await problems.getByRole("button", { name: /Row 8 · units · Ledger!A8/ }).click();
      await page.waitForFunction(() => (window as unknown as { __dcp: Host }).__dcp.model.selection?.address === "A8");
      await page.getByRole("img", { name: /Shares remaining fall from 6,000,000 to -400,000/ }).waitFor();

      await (await button(page, "Write report")).click();
      await page.getByText(/Wrote the running ledger and a chart/).waitFor();
      const [rows, charts] = await host(page, (dcp) => [dcp.model.sheet("DCP Reserve")!.read("A9:C9"), dcp.model.sheet("DCP Reserve")!.charts.length]);
      expect(rows).toEqual([[38_114, -400_000, 12_400_000]]);
      expect(charts).toBe(1);
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    });

    it("heads the rows left out apart from the findings on rows that still count (issue 19)", async () => {
      const page = await openPane(harness, "light", profile);
      await host(page, (dcp) => {
        // 2003-03-31 twice (R06: both count), then 1e20 shares (R05: left out).
        dcp.model.fill("Ledger", [
          ["Date", "Kind", "Quantity", "Participant"],
          [37_711, "units", 100, "Ann Lee"],
          [37_711, "units", 100, "Ann Lee"],
          [37_741, "units", 1e20, "Ann Lee"],
        ]);
      });
      await page.getByRole("tab", { name: "Share reserve" }).click();
      await (await button(page, "Reconcile")).click();
      const summary = page.getByRole("region", { name: "Reserve summary" });
      await summary.waitFor();
      await expect(summary.textContent()).resolves.toMatch(/Used200 \(0\.00%\)/);
      const problems = page.getByRole("region", { name: "Reserve problems" });
      await expect(problems.getByRole("heading").allTextContents()).resolves.toEqual(["Rows left out (1)", "Findings on rows that still count (1)"]);
      await problems.getByRole("button", { name: /Row 4 · Quantity · Ledger!C4 .*left out of the reserve/ }).waitFor();
      await problems.getByRole("button", { name: /Row 3 · Date · Ledger!A3 This row repeats row 2 exactly/ }).waitFor();
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    });
  });

  describe("Statements", () => {
    it("template → statements for all and one → click a finding to its cell → write statement", async () => {
      const page = await openPane(harness, "light", profile);
      await stateTemplate(page);
      await expect(page.getByLabel("From (YYYY-MM-DD)").inputValue()).resolves.toBe("2003-01-01");
      await expect(page.getByLabel("To (YYYY-MM-DD)").inputValue()).resolves.toBe("2003-12-31");

      const summary = page.getByRole("region", { name: "Statement summary" });
      const all = await summary.textContent();
      expect(all).toMatch(
        /^All participants \(2\)Statement period: 2003-01-01 to 2003-12-31\.Units valued at \$0\.70, the fair market value on 2003-12-31 \(§7\.2\(a\)\)\./,
      );
      expect(all).toContain("DCA15,821.842857 units$11,075.29");
      expect(all).toContain("Options13,332 shares$3,666.30Total value$19,702.46");
      await expect(page.getByRole("status", { name: "Statement findings" }).textContent()).resolves.toBe("1 finding8 Activity rows read");

      const findings = page.getByRole("region", { name: "Statement findings by row" });
      await expect(findings.getByRole("heading").allTextContents()).resolves.toEqual(["Activity row 8"]);
      await findings.getByRole("button", { name: /S01 · Amount · Activity!D8 The allocation to the Company Stock Account of \$5,000\.00/ }).click();
      await page.waitForFunction(() => (window as unknown as { __dcp: Host }).__dcp.model.selection?.address === "D8");
      await expect(host(page, (dcp) => dcp.model.selection)).resolves.toEqual({ sheet: "Activity", address: "D8" });

      await page.getByLabel("Participant").selectOption("Ann Lee");
      const ann = await summary.textContent();
      expect(ann).toMatch(/^Ann LeeStatement period/);
      expect(ann).toContain("DCA7,707.557143 units$5,395.29CMSA1,143.201429 units$800.24CSA2,089.834286 units$1,462.88IA$2,129.75$2,129.75");
      expect(ann).toContain("Total value$13,454.46");
      await page
        .getByRole("img", {
          name: "Total value of the accounts and options: $0.00 on 2003-01-01, $13,454.46 on 2003-12-31; low $0.00 on 2003-01-01, high $29,521.95 on 2003-06-30.",
        })
        .waitFor();
      await page.getByRole("cell", { name: "$0.425" }).waitFor();

      await (await button(page, "Write statement")).click();
      await page.getByText('Wrote Ann Lee\'s statement to the sheet "DCP Ann Lee".').waitFor();
      const written = await host(page, (dcp) => {
        const sheet = dcp.model.sheet("DCP Ann Lee")!;
        return { title: sheet.read("A1:A2"), accounts: sheet.read("A9:J9"), charts: sheet.charts.length, active: dcp.model.active?.name };
      });
      expect(written).toEqual({
        title: [["Hecla Mining Company Key Employee Deferred Compensation Plan: participant statement"], ["Ann Lee"]],
        accounts: [["Deferred Compensation Account (DCA)", 0, 3700, 208.057143, 3799.5, 0, 0, 0, 7707.557143, 5395.29]],
        charts: 1,
        active: "DCP Ann Lee",
      });

      await page.getByLabel("Participant").selectOption({ label: "All participants (2)" });
      await (await button(page, "Write statement")).click();
      await page.getByText('Wrote the summary of 2 participants to the sheet "DCP Statements".').waitFor();
      await expect(host(page, (dcp) => dcp.model.sheet("DCP Statements")!.read("A10:G10"))).resolves.toEqual([
        ["Plan total", 15821.842857, 1954.63, 2089.834286, 2129.75, 13332, 19702.46],
      ]);
      expect(pageErrors(page)).toEqual([]);
      expect(blockedRequests(page)).toEqual([]);
      await page.close();
    });

    it("says what is wrong with the records or the period, not an error screen", async () => {
      const page = await openPane(harness, "light", profile);
      await host(page, (dcp) => {
        dcp.model.fill("Sheet1", [
          ["Participant", "Date", "Kind", "Amount"],
          ["Ann Lee", 37_666, "deferral", 1000],
        ]);
        dcp.model.sheets[0].name = "Activity";
      });
      await page.getByRole("tab", { name: "Statements" }).click();
      await (await button(page, "Show statements")).click();
      await page.getByText("The records cannot be stated").waitFor();
      await page.getByText("There is no Prices sheet: units are credited and valued at its closing prices (§8.1).").waitFor();

      await page.getByLabel("From (YYYY-MM-DD)").fill("Jan 1");
      await page.getByText("Enter YYYY-MM-DD.").waitFor();
      await (await button(page, "Show statements")).click();
      await page.getByText('The period\'s first day "Jan 1" is not a date: enter it as YYYY-MM-DD, or leave it blank for the first record.').waitFor();
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    });
  });

  describe("Payouts", () => {
    it("template beside the user's own Payouts sheet → a participant's event, payment, withholding, payee → a finding to its cell → write payout sheet", async () => {
      const page = await openPane(harness, "light", profile);
      await host(page, (dcp) => {
        dcp.model.fill("Sheet1", [
          ["Participant", "Notes"],
          ["My own row", "keep me"],
        ]);
        dcp.model.sheets[0].name = "Payouts";
      });
      await showPayoutTemplate(page);
      await expect(host(page, (dcp) => dcp.model.sheets.map((sheet) => sheet.name))).resolves.toEqual([
        "Payouts",
        "Payouts (2)",
        "Holdings",
        "Withdrawals",
        "Prices",
      ]);
      await expect(host(page, (dcp) => dcp.model.sheet("Payouts")!.read("A1:B2"))).resolves.toEqual([
        ["Participant", "Notes"],
        ["My own row", "keep me"],
      ]);

      // Ann Lee, worked by hand: last day worked 2003-03-14, separated 2003-03-15 (§7.1(c)), paid 2003-05-01 at $5.00.
      // 100.4 + 10.25 + 5.1 = 115.75 units → 116 shares (§6.2), $580.00; 20% tax $116.00 → 24 shares withheld, $4.00 back;
      // IA $1,234.565 → $1,234.57, tax $246.91; net 92 shares and $1,234.57 − $246.91 + $4.00 = $991.66.
      const payout = page.getByRole("region", { name: "Payout" });
      const ann = await payout.textContent();
      expect(ann).toMatch(/^Ann LeeSeparation from service \(§7\.1\(c\)\) on 2003-03-15\.Distribution date 2003-05-01/);
      expect(ann).toContain("Payment on 2003-05-01, paid to the participant (§7.2)Shares valued at $5.00, the close on 2003-05-01");
      expect(ann).toContain("DCA100.400000 unitsCMSA10.250000 unitsCSA5.100000 unitsIA$1,234.57");
      expect(ann).toContain(
        "Shares (§6.2, rounded up)116Share value$580.00Investment Account cash (§7.2(b))$1,234.57Net shares delivered92Net cash paid$991.66",
      );
      expect(ann).toContain("Tax on the shares$116.00Tax on the cash$246.91Shares withheld24Cash for the rest of a withheld share$4.00");
      expect(ann).toContain("Paid toAnn Lee, the participant");

      // Gil Reyes cannot be found: deemed dead three years after his distribution date (§12.4), paid to his heirs.
      await page.getByLabel("Participant", { exact: true }).selectOption("Gil Reyes");
      await expect(page.getByRole("region", { name: "Still awaited" }).textContent()).resolves.toContain(
        "Gil Reyes, not located: from 2006-05-01 payment may be made as though Gil Reyes had died (§12.4).",
      );
      // Eve Park's plan termination came the day after a Change in Control: it counts from the auditor's opinion (§7.5).
      await page.getByLabel("Participant", { exact: true }).selectOption("Eve Park");
      await expect(payout.textContent()).resolves.toContain("Plan termination (§7.1(d)) on 2005-04-10.");

      // A date that does not read is a finding on its cell, and the link selects it.
      await host(page, (dcp) => (dcp.model.sheet("Payouts (2)")!.cell(1, 3).value = "soon"));
      await (await button(page, "Show payouts")).click();
      const findings = page.getByRole("region", { name: "Payout findings by row" });
      await findings
        .getByRole("button", { name: /Payouts \(2\)!D2/ })
        .first()
        .click();
      await page.waitForFunction(() => (window as unknown as { __dcp: Host }).__dcp.model.selection?.address === "D2");
      await expect(host(page, (dcp) => dcp.model.selection)).resolves.toEqual({ sheet: "Payouts (2)", address: "D2" });

      await (await button(page, "Write payout sheet")).click();
      await page.getByText(/^Wrote every payment of \d+ participants to the sheet "DCP Payments"\.$/).waitFor();
      const written = await host(page, (dcp) => ({ header: dcp.model.sheet("DCP Payments")!.read("A1:D1"), active: dcp.model.active?.name }));
      expect(written).toEqual({ header: [["Participant", "Event", "Kinds", "Date"]], active: "DCP Payments" });
      expect(pageErrors(page)).toEqual([]);
      expect(blockedRequests(page)).toEqual([]);
      await page.close();
    });

    it("works from the keyboard alone, every control named", async () => {
      const page = await openPane(harness, "light", profile);
      await page.getByRole("tab", { name: "Payouts" }).click();
      await page.getByRole("button", { name: "Show payouts" }).waitFor();
      await page.getByRole("tab", { name: "Payouts" }).focus();
      const order: string[] = [];
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press("Tab");
        order.push(
          await page.evaluate(
            () =>
              `${document.activeElement?.getAttribute("role") ?? document.activeElement?.tagName.toLowerCase()}:${document.activeElement?.textContent?.trim()}`,
          ),
        );
      }
      expect(order).toEqual(["button:Show payouts", "button:Insert template", "button:Sheets"]);

      await page.getByRole("button", { name: "Insert template" }).focus();
      await page.keyboard.press("Enter");
      await page.getByText(/Inserted the sheets/).waitFor();
      await page.getByRole("button", { name: "Show payouts" }).focus();
      await page.keyboard.press("Enter");
      await page.getByRole("region", { name: "Payout" }).waitFor();
      await page.getByLabel("Participant", { exact: true }).focus();
      await page.keyboard.press("ArrowDown");
      await expect(page.getByRole("region", { name: "Payout" }).getByRole("heading").first().textContent()).resolves.not.toBe("Ann Lee");
      await page.getByRole("button", { name: "Write payout sheet" }).focus();
      await page.keyboard.press("Enter");
      await page.getByText(/to the sheet "DCP Payments"/).waitFor();

      const unnamed = await page.evaluate(() =>
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
      expect(unnamed).toEqual([]);
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    });
  });

  describe("look, feel and access", () => {
    const shots = path.join(ARTIFACTS, "screenshots");
    beforeAll(() => fs.mkdirSync(shots, { recursive: true }));

    async function checkLayout(page: Page, name: string): Promise<void> {
      const file = path.join(shots, `${name}-${profile}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        width: window.innerWidth,
        text: document.body.innerText.trim().length,
        height: document.querySelector("main")?.getBoundingClientRect().height ?? 0,
      }));
      expect(layout.text).toBeGreaterThan(200);
      expect(layout.height).toBeGreaterThan(150);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
      expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    }

    it.each(["light", "dark"] as const)("every page renders at 320 px in the %s theme, with no serious or critical axe violation", async (theme) => {
      const page = await openPane(harness, theme, profile);
      const background = await page.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor);
      const [r, g, b] = background.match(/\d+/g)!.map(Number);
      expect((r + g + b) / 3 < 128).toBe(theme === "dark");

      await insertTemplateAndValidate(page);
      await checkLayout(page, `validate-${theme}`);
      expect(await axeViolations(page)).toEqual([]);

      await reconcileTemplate(page);
      await checkLayout(page, `reserve-${theme}`);
      expect(await axeViolations(page)).toEqual([]);

      await stateTemplate(page);
      await page.getByLabel("Participant", { exact: true }).selectOption("Ann Lee");
      await page.getByRole("button", { name: "Movements over the period" }).click();
      await checkLayout(page, `statements-${theme}`);
      expect(await axeViolations(page)).toEqual([]);

      await showPayoutTemplate(page);
      await checkLayout(page, `payouts-${theme}`);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });

    it("every control is reachable by keyboard in a sensible order, with a name, and works from the keyboard", async () => {
      const page = await openPane(harness, "light", profile);
      // The page's buttons are enabled once it has looked for its source; tab through them after that.
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll("button")).some(
          (b) => b.textContent?.trim() === "Insert template" && !b.disabled && b.getAttribute("aria-disabled") !== "true",
        ),
      );
      const order: string[] = [];
      for (let i = 0; i < 7; i++) {
        await page.keyboard.press("Tab");
        order.push(
          await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            const labelled = el.getAttribute("aria-labelledby");
            const name = el.getAttribute("aria-label") ?? (labelled ? document.getElementById(labelled)?.textContent : null) ?? el.textContent ?? "";
            return `${el.getAttribute("role") ?? el.tagName.toLowerCase()}:${name.trim()}`;
          }),
        );
      }
      expect(order).toEqual([
        "tab:Validate elections",
        "button:Validate",
        "button:Refresh source",
        "button:Insert template",
        "button:Settings",
        expect.stringMatching(/^(button|a|body)/),
        expect.any(String),
      ]);

      // Operate the page from the keyboard alone: insert the template, validate, open a finding.
      await page.getByRole("button", { name: "Insert template" }).focus();
      await page.keyboard.press("Enter");
      await page.getByText(/Inserted the sheets/).waitFor();
      await page.getByRole("button", { name: "Validate", exact: true }).focus();
      await page.keyboard.press("Enter");
      await page.getByRole("status", { name: "Validation summary" }).waitFor();
      const firstFinding = page.getByRole("region", { name: "Findings by row" }).getByRole("button").first();
      await firstFinding.focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => (window as unknown as { __dcp: Host }).__dcp.model.selection?.address === "E3");

      // Every interactive element has a name a screen reader announces.
      const unnamed = await page.evaluate(() =>
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
      expect(unnamed).toEqual([]);

      // The tabs switch with the arrow keys, as Fluent tab lists do.
      await page.getByRole("tab", { name: "Validate elections" }).focus();
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Enter");
      await page.getByRole("button", { name: "Reconcile" }).waitFor();
      await page.close();
    });

    it("the Statements page works from the keyboard alone, every control named", async () => {
      const page = await openPane(harness, "light", profile);
      await page.getByRole("tab", { name: "Validate elections" }).focus();
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Enter");
      await page.getByRole("button", { name: "Show statements" }).waitFor();

      // From the tabs, Tab walks the page in reading order.
      const order: string[] = [];
      for (let i = 0; i < 5; i++) {
        await page.keyboard.press("Tab");
        order.push(
          await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
            return `${el.getAttribute("role") ?? el.tagName.toLowerCase()}:${(label ?? el.getAttribute("aria-label") ?? el.textContent ?? "").trim()}`;
          }),
        );
      }
      expect(order).toEqual(["input:From (YYYY-MM-DD)", "input:To (YYYY-MM-DD)", "button:Show statements", "button:Insert template", "button:Sheets"]);

      await page.getByRole("button", { name: "Insert template" }).focus();
      await page.keyboard.press("Enter");
      await page.getByText(/Inserted the sheets/).waitFor();
      await page.getByRole("button", { name: "Show statements" }).focus();
      await page.keyboard.press("Enter");
      await page.getByRole("region", { name: "Statement summary" }).waitFor();
      await page.getByLabel("Participant", { exact: true }).focus();
      await page.keyboard.press("ArrowDown");
      await expect(page.getByRole("region", { name: "Statement summary" }).getByRole("heading").first().textContent()).resolves.toBe("Ann Lee");
      await page.getByRole("region", { name: "Statement findings by row" }).getByRole("button").first().focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => (window as unknown as { __dcp: Host }).__dcp.model.selection?.address === "D8");
      await page.getByRole("button", { name: "Write statement" }).focus();
      await page.keyboard.press("Enter");
      await page.getByText('Wrote Ann Lee\'s statement to the sheet "DCP Ann Lee".').waitFor();

      const unnamed = await page.evaluate(() =>
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
      expect(unnamed).toEqual([]);
      await page.close();
    });

    it("registers the custom functions before the UI chunk has loaded", async () => {
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      const page = await startPane(harness, "light", profile, { url: /\/app\.[0-9a-f]+\.js$/, released });
      // The UI chunk is held at the server: every function must register without it.
      await page.waitForFunction((declared) => (window as unknown as { __dcp?: Host }).__dcp?.registrations.length === declared, DECLARED_FUNCTIONS);
      expect(DECLARED_FUNCTIONS).toBeGreaterThanOrEqual(39);
      await expect(page.getByRole("button", { name: "Validate", exact: true }).count()).resolves.toBe(0);
      release();
      await page.getByRole("button", { name: "Validate", exact: true }).waitFor();
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    });
  });
});
