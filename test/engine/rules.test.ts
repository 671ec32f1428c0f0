/**
 * The rule table (src/engine/rules.ts) is the one declaration of every
 * finding rule: the README's table is its rendering, docs/RULES.md's E-rules
 * agree with it, no source file spells a rule id of its own, and every rule
 * is raised, as declared, by a case of the rule catalogue
 * (test/helpers/ruleCatalogue.ts).
 */
import fs from "fs";
import path from "path";
import type { Severity } from "../../src/engine/findings";
import { ALL_RULES, RULES, rulesOf, type RuleId } from "../../src/engine/rules";
import { DEFAULT_ELECTION_SETTINGS } from "../../src/engine/validation";
import { ELECTIONS_TEMPLATE, PRICES_TEMPLATE } from "../../src/sheets/templates";
import { validateWorkflow } from "../../src/workflows/validate";
import { RULE_CASES } from "../helpers/ruleCatalogue";
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
    expect(["P", "C", "H"].map((family) => rulesOf(family).length)).toEqual([9, 9, 10]);
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

/** Each section a citation names ("4.2(a),(b); 5.3(a)" names 4.2 and 5.3). */
const sectionsNamed = (citation: string) =>
  citation
    .replace(/§/g, "")
    .split(/[;,]\s*/)
    .map((part) => part.trim().match(/^\d+\.\d+/)?.[0])
    .filter((section): section is string => section !== undefined);

/** A finding cites its rule's section, a part of it, or, under a rule about the sheet itself ("—"), the provision its cell falls under. */
function withinReach(cited: string, declared: string): boolean {
  if (declared === "—" || cited === "—" || cited === declared) return true;
  const reach = new Set(sectionsNamed(declared));
  const named = sectionsNamed(cited);
  return named.length > 0 && named.every((section) => reach.has(section));
}

describe("the rule catalogue: every rule raised from a sheet that trips it", () => {
  it("has a case for every rule in the table, and for every rule's unchecked severity", () => {
    const cased = new Set(RULE_CASES.map(([id]) => id));
    expect(ALL_RULES.filter((rule) => !cased.has(rule.id as RuleId)).map((rule) => rule.id)).toEqual([]);
    const unchecked = new Set(RULE_CASES.filter(([, c]) => c.unchecked).map(([id]) => id));
    expect([...unchecked].sort()).toEqual(ALL_RULES.filter((rule) => rule.unchecked !== undefined).map((rule) => rule.id));
  });

  it.each(RULE_CASES.map(([id, c]) => [id, c.sheet, c] as const))("%s: %s", (id, _sheet, c) => {
    const rule = RULES[id];
    const findings = c.raise();
    const expected = { at: c.at, rule: id, section: c.cites ?? rule.section, severity: (c.unchecked && rule.unchecked) || rule.severity };
    expect(findings.map((f) => ({ at: `${f.sheet}!${f.cell}`, rule: f.rule, section: f.section, severity: f.severity }))).toContainEqual(expected);
    if (c.cites !== undefined) expect(c.cites).not.toBe(rule.section);
  });

  it("raises each finding at its rule's severity, citing its rule's section or a part of it", () => {
    const astray = RULE_CASES.flatMap(([, c]) => c.raise())
      .filter((f) => {
        const rule = RULES[f.rule as RuleId];
        return !withinReach(f.section, rule.section) || ![rule.severity, rule.unchecked].includes(f.severity as Severity);
      })
      .map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.section} ${f.severity}`);
    expect(astray).toEqual([]);
  });
});
