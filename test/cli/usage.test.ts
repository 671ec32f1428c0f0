/** The command line as people use it: help, where output goes, and running it through npx and npm. */
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { dcp, ROOT } from "../helpers/cli";

describe("help", () => {
  it.each([[["--help"]], [["-h"]]])("dcp %s prints the commands on stdout and exits 0", (args) => {
    const { code, stdout, stderr } = dcp(...args);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^dcp: the Hecla Mining Company Key Employee Deferred Compensation Plan \(2002\) over \.xlsx files\n/);
    expect(stdout).toMatch(/\n {2}dcp validate FILE\.xlsx \[options\] +check an election sheet/);
    expect(stdout).toMatch(/\n {2}dcp reserve FILE\.xlsx \[options\] +reconcile units and options/);
    expect(stdout).toMatch(/\n {2}dcp statement FILE\.xlsx \[options\] +each participant's Accounts and options/);
  });

  it.each([
    ["validate", ["--sheet NAME", "--prices NAME", "--effective-date YYYY-MM-DD", "--fy-end MM-DD", "--json", "--out REPORT.xlsx", "--force"]],
    [
      "reserve",
      [
        "--as-of YYYY-MM-DD",
        "--ledger NAME",
        "--credits NAME",
        "--prices NAME",
        "--json",
        "--ocf FOLDER|OUT.zip",
        "--issuer-name NAME",
        "--issuer-formed YYYY-MM-DD",
        "--issuer-country CC",
        "--issuer-subdivision CODE",
        "--force",
      ],
    ],
    ["statement", ["--participant NAME", "--from YYYY-MM-DD", "--to YYYY-MM-DD", "--json", "--out FILE.xlsx", "--pdf DIR", "--force"]],
    ["payout", ["--participant NAME", "--json", "--out FILE.xlsx", "--pdf DIR", "--force"]],
    ["claims", ["--as-of YYYY-MM-DD", "--json", "--out FILE.xlsx", "--ics FILE.ics", "--force"]],
    ["cic", ["--json", "--out FILE.xlsx", "--force"]],
  ])("dcp %s --help lists every option on stdout and exits 0, even beside other arguments", (command, options) => {
    for (const args of [
      [command, "--help"],
      [command, "-h"],
      [command, "examples/elections.xlsx", "--json", "--help"],
    ]) {
      const { code, stdout, stderr } = dcp(...args);
      expect(code).toBe(0);
      expect(stderr).toBe("");
      expect(stdout).toMatch(new RegExp(`^usage: dcp ${command} FILE\\.xlsx \\[options\\]\\n`));
      for (const option of options) expect(stdout).toContain(`\n  ${option} `);
      expect(stdout).toMatch(/\nexit codes: 0 nothing found, 1 findings, 2 unusable input or options \(one line on stderr\)\n$/);
    }
  });
});

describe("errors go to stderr only, as one line", () => {
  it.each([
    [["validate"], "dcp: validate needs a FILE.xlsx (see dcp validate --help)"],
    [["validate", "a.xlsx", "b.xlsx"], "dcp: validate takes one FILE.xlsx, not 2 files (see dcp validate --help)"],
    [["reserve", "examples/reserve.xlsx", "--colour"], "dcp: Unknown option '--colour' (see dcp reserve --help)"],
    [["reserve", "examples/reserve.xlsx", "--as-of"], "dcp: Option '--as-of <value>' argument missing (see dcp reserve --help)"],
    [["audit", "examples/reserve.xlsx"], 'dcp: unknown command "audit"; the commands are validate, reserve, statement, payout, claims, cic (see dcp --help)'],
  ])("dcp %j", (args, line) => {
    const { code, stdout, stderr } = dcp(...args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`${line}\n`);
  });

  it("says in one line on stderr that no command was given, and where the usage is", () => {
    const { code, stdout, stderr } = dcp();
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^dcp: no command given; the commands are validate, reserve(, \w+)* \(see dcp --help\)\n$/);
  });

  it.each([
    [["validate", "examples/elections.xlsx", "--out", ""], "dcp: --out is empty; it needs REPORT.xlsx (see dcp validate --help)"],
    [
      ["validate", "examples/elections.xlsx", "--out", "-x.xlsx"],
      'dcp: --out needs a value; one that starts with "-" is written --out=VALUE (see dcp validate --help)',
    ],
  ])("refuses %j with one line, never silently", (args, line) => {
    const { code, stdout, stderr } = dcp(...args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`${line}\n`);
  });
});

describe("an option given twice is refused, not resolved to the last", () => {
  it.each([
    [
      ["payout", "examples/payouts.xlsx", "--out", "o1.xlsx", "--out", "o2.xlsx"],
      "dcp: --out is given twice (o1.xlsx, o2.xlsx); give it once (see dcp payout --help)",
    ],
    [
      ["statement", "examples/records.xlsx", "--participant", "Ann Lee", "--json", "--participant=Dan Wu"],
      "dcp: --participant is given twice (Ann Lee, Dan Wu); give it once (see dcp statement --help)",
    ],
    [
      ["reserve", "examples/reserve.xlsx", "--as-of", "2004-01-01", "--as-of", "2005-01-01", "--as-of", "2006-01-01"],
      "dcp: --as-of is given 3 times (2004-01-01, 2005-01-01, 2006-01-01); give it once (see dcp reserve --help)",
    ],
  ])("dcp %j", (args, line) => {
    const { code, stdout, stderr } = dcp(...args);
    expect(stderr).toBe(`${line}\n`);
    expect(stdout).toBe("");
    expect(code).toBe(2);
    expect(fs.existsSync(path.join(ROOT, "o1.xlsx")) || fs.existsSync(path.join(ROOT, "o2.xlsx"))).toBe(false);
  });

  it("accepts a flag given twice: it means what it means once", () => {
    const { code, stdout, stderr } = dcp("validate", "examples/elections.xlsx", "--json", "--json");
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(JSON.parse(stdout).sheet).toBe("Elections");
  });
});

describe("run from where the user is", () => {
  const examples = path.join(ROOT, "examples");
  /** npm's own variables would tell a nested npm where the test runner started; each run starts clean. */
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_|^INIT_CWD$/i.test(key)));
  const npm = (cwd: string, args: string[]) =>
    spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", args, { cwd, env, encoding: "utf8", shell: process.platform === "win32" });
  const npx = (cwd: string, args: string[]) =>
    spawnSync(process.platform === "win32" ? "npx.cmd" : "npx", args, { cwd, env, encoding: "utf8", shell: process.platform === "win32" });

  it("npx dcp runs the package's own command, reads paths from the current folder, and prints pure JSON", () => {
    const result = npx(examples, ["dcp", "validate", "elections.xlsx", "--json"]);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).sheet).toBe("Elections");
  });

  it("npm run dcp reads paths from the folder npm was run in (INIT_CWD), not the package folder", () => {
    const result = npm(examples, ["run", "--silent", "dcp", "--", "reserve", "reserve.xlsx", "--json"]);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).sheets.ledger).toBe("Ledger");
  });
});
