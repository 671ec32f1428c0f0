/**
 * The rule table (src/engine/rules.ts) is the one declaration of every
 * finding rule: the README's table is its rendering, docs/RULES.md's E-rules
 * agree with it, no source file spells a rule id of its own, and every rule
 * is asserted by some test.
 */
import fs from "fs";
import path from "path";
import { ALL_RULES, RULES, rulesOf, type RuleId } from "../../src/engine/rules";
import { DEFAULT_ELECTION_SETTINGS } from "../../src/engine/validation";
import { ELECTIONS_TEMPLATE, PRICES_TEMPLATE } from "../../src/sheets/templates";
import { validateWorkflow } from "../../src/workflows/validate";
import { templateGrid } from "../helpers/sheets";

const ROOT = path.resolve(__dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

function filesUnder(folder: string, pattern: RegExp): string[] {
  return fs
    .readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => pattern.test(file))
    .map((file) => path.join(folder, file));
}

const BEGIN = "<!-- finding rules: rendered from src/engine/rules.ts; test/engine/rules.test.ts checks it -->";
const END = "<!-- end of finding rules -->";

/** The README's rule table as the table renders it. */
function readmeTable(): string {
  const escape = (text: string) => text.replace(/\|/g, "\\|");
  const rows = ALL_RULES.map((rule) => `| ${rule.id} | ${rule.section} | ${rule.severity} | ${escape(rule.checks)} |`);
  return [BEGIN, "", "| Rule | § | Severity | Checks |", "|---|---|---|---|", ...rows, "", END].join("\n");
}

describe("the rule table", () => {
  it("declares each id once, under its own key, with a section, a severity and one sentence", () => {
    for (const [key, rule] of Object.entries(RULES)) {
      expect(rule.id).toBe(key);
      expect(rule.id).toMatch(/^[ESRPCHT]\d\d$/);
      expect(rule.section).not.toBe("");
      expect(["error", "warning"]).toContain(rule.severity);
      expect(rule.checks).toMatch(/^[A-Z].*\.$/);
    }
    expect(rulesOf("E").map((r) => r.id)).toEqual(Array.from({ length: 16 }, (_, i) => `E${String(i + 1).padStart(2, "0")}`));
    for (const family of ["P", "C", "H"]) expect(rulesOf(family)).toHaveLength(9);
  });

  it("is the README's rule table, rendered (copy the expected block into README.md when a rule changes)", () => {
    const readme = read("README.md");
    const start = readme.indexOf(BEGIN);
    const end = readme.indexOf(END);
    expect(start).toBeGreaterThan(-1);
    expect(readme.slice(start, end + END.length)).toBe(readmeTable());
  });

  it("declares every rule id the README names", () => {
    const named = new Set(read("README.md").match(/(?<!-)\b[ESRPCHT]\d\d\b(?![:\d])/g));
    expect([...named].filter((id) => !(id in RULES))).toEqual([]);
  });

  it("agrees with docs/RULES.md on each election rule's section and severity", () => {
    const rows = read("docs/RULES.md")
      .split("\n")
      .map((line) => line.match(/^\| (E\d\d) \| .* \| (.+?) \| (error|warning) \|$/))
      .filter((match): match is RegExpMatchArray => match !== null);
    expect(rows.map(([, id, section, severity]) => [id, section, severity])).toEqual(rulesOf("E").map((r) => [r.id, r.section, r.severity]));
  });

  it("is the only place a rule id is spelled in src/: every raise site names its entry", () => {
    const spelled = filesUnder("src", /\.tsx?$/)
      .filter((file) => !file.endsWith(path.join("engine", "rules.ts")))
      .flatMap((file) => (read(file).match(/["'`]([ESRPCH]\d\d|T0\d)["'`]/g) ?? []).map((literal) => `${file}: ${literal}`));
    expect(spelled).toEqual([]);
  });

  it("has every declared rule asserted by some test", () => {
    const tests = filesUnder("test", /\.test\.tsx?$/)
      .filter((file) => !file.endsWith("rules.test.ts"))
      .map(read)
      .join("\n");
    // Named in a string: a test's title or an expected finding, not a comment.
    const untested = ALL_RULES.map((rule) => rule.id).filter((id) => !new RegExp(`["'\`][^"'\`\\n]*\\b${id}\\b`).test(tests));
    expect(untested).toEqual([]);
  });

  it("is what the validator raises: the template's findings at the declared severity, citing the declared section or a part of it", () => {
    const { findings } = validateWorkflow({ elections: templateGrid(ELECTIONS_TEMPLATE), prices: templateGrid(PRICES_TEMPLATE) }, DEFAULT_ELECTION_SETTINGS);
    expect(findings.length).toBeGreaterThan(10);
    for (const finding of findings) {
      const rule = RULES[finding.rule as RuleId];
      const cited = finding.section.split(/[(,;]/)[0];
      expect([finding.rule, finding.severity, rule.section.includes(cited)]).toEqual([finding.rule, rule.severity, true]);
    }
  });
});
