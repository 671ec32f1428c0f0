/** `npm run build:origin -- URL`: a production build for where the add-in will be served, with no localhost left. */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

const SCRIPT = path.resolve(__dirname, "../scripts/build-for-origin.js");

function build(...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { encoding: "utf8" });
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe("build:origin", () => {
  it("builds the add-in and a manifest for an https origin, naming localhost nowhere", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "dcp-deploy-"));
    const result = build("https://addins.example.com/dcp/", "--out", out);
    expect(result.stderr).not.toMatch(/failed|localhost is still/);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("for https://addins.example.com/dcp.");

    const manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(manifest).toContain("<AppDomain>https://addins.example.com</AppDomain>");
    expect(manifest).toContain('<SourceLocation DefaultValue="https://addins.example.com/dcp/taskpane.html"/>');
    expect(manifest).toContain('<bt:Url id="Functions.Script.Url" DefaultValue="https://addins.example.com/dcp/functions.js"/>');
    expect(manifest).toContain('<bt:Image id="Icon.32x32" DefaultValue="https://addins.example.com/dcp/assets/icon-32.png"/>');
    const files = filesUnder(out);
    expect(files.map((f) => path.relative(out, f))).toEqual(
      expect.arrayContaining(["taskpane.html", "functions.js", "functions.json", "manifest.xml", "assets/icon-32.png"]),
    );
    expect(files.filter((f) => !f.endsWith(".png") && fs.readFileSync(f, "utf8").includes("localhost"))).toEqual([]);
    fs.rmSync(out, { recursive: true });
  });

  it.each([
    ["http://addins.example.com", /not https/],
    ["https://localhost:3000", /this machine; npm start/],
    ["addins.example.com", /not a URL/],
    ["https://addins.example.com/?v=2", /query or fragment/],
  ])("refuses %s with one line and exit 2", (origin, message) => {
    const result = build(origin, "--out", path.join(os.tmpdir(), "dcp-deploy-never"));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(fs.existsSync(path.join(os.tmpdir(), "dcp-deploy-never"))).toBe(false);
  });
});
