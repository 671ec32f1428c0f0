/**
 * The Validate page's "Rules checked" list as a person reads it, in the
 * production build in headless Chromium: every election rule of the rule
 * table (src/engine/rules.ts) with its section, in the table's order, so a
 * rule dropped from the list, or a section the list no longer shows, fails.
 */
import { rulesOf, type Rule } from "../../src/engine/rules";
import { openPane, pageErrors, startHarness, type Harness } from "./harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** A rule as the list words it: "E02 §4.2(a),(b); 5.3(a),(b) A salary deferral …", "E15 (warning) No row repeats …". */
const listed = (rule: Rule) => `${rule.id} ${rule.section === "—" ? "" : `§${rule.section} `}${rule.severity === "warning" ? "(warning) " : ""}${rule.checks}`;

describe("the Validate page's rule list", () => {
  it("shows every election rule of the rule table, each with its section, in the table's order", async () => {
    const page = await openPane(harness);
    await page.getByRole("button", { name: "Rules checked" }).click();
    const list = page.getByRole("list", { name: "Rules checked" });
    await list.waitFor();
    const items = await list.getByRole("listitem").allTextContents();

    const rules = rulesOf("E");
    expect(rules.map((rule) => rule.id)).toEqual(Array.from({ length: 16 }, (_, i) => `E${String(i + 1).padStart(2, "0")}`));
    expect(items).toEqual(rules.map(listed));
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
