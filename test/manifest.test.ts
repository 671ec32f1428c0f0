import fs from "fs";
import path from "path";

const manifest = fs.readFileSync(path.resolve(__dirname, "../manifest.xml"), "utf8");

describe("manifest.xml", () => {
  it("declares a long-lived shared runtime for the functions and the task pane", () => {
    expect(manifest).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(manifest).toMatch(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(manifest).toMatch(/<FunctionFile resid="Taskpane.Url"\/>/);
  });

  it("registers the DCP namespace, the generated metadata and the functions script", () => {
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="DCP"\/>/);
    expect(manifest).toMatch(/functions\.json"/);
    expect(manifest).toMatch(/functions\.js"/);
  });

  it("has a ribbon button that shows the task pane", () => {
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>ButtonId1<\/TaskpaneId>\s*<SourceLocation resid="Taskpane.Url"\/>/);
  });

  it("shows the one task pane the shared runtime allows: every ShowTaskpane action has the same TaskpaneId and the runtime's page", () => {
    const actions = [...manifest.matchAll(/<Action xsi:type="ShowTaskpane">([\s\S]*?)<\/Action>/g)].map((m) => m[1]);
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect(action).toMatch(/<TaskpaneId>ButtonId1<\/TaskpaneId>/);
      expect(action).toMatch(/<SourceLocation resid="Taskpane.Url"\/>/);
    }
  });

  it("points SupportUrl and LearnMoreUrl at the help page the add-in serves, which covers each page, the functions and the plan text", () => {
    expect(manifest).toMatch(/<SupportUrl DefaultValue="https:\/\/localhost:3000\/help.html"\/>/);
    expect(manifest).toMatch(/<LearnMoreUrl resid="Help.Url"\/>/);
    expect(manifest).toMatch(/<bt:Url id="Help.Url" DefaultValue="https:\/\/localhost:3000\/help.html"\/>/);
    const help = fs.readFileSync(path.resolve(__dirname, "../src/help/help.html"), "utf8");
    for (const topic of ["Validate elections", "Share reserve", "Statements", "UNITS_CREDITED", "ACCOUNT_STATEMENT", "docs/plan/", "#CALC!"])
      expect(help).toContain(topic);
    expect(fs.readFileSync(path.resolve(__dirname, "../webpack.config.js"), "utf8")).toMatch(/from: "src\/help\/help.html", to: "help.html"/);
  });

  it("asks for no more than ReadWriteDocument", () => {
    expect(manifest.match(/<Permissions>(.*)<\/Permissions>/)?.[1]).toBe("ReadWriteDocument");
  });

  it("refers only to resources it defines, and to icons that exist", () => {
    const defined = new Set([...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    for (const [, resid] of manifest.matchAll(/resid="([^"]+)"/g)) expect(defined).toContain(resid);
    for (const [, file] of manifest.matchAll(/localhost:3000\/assets\/([\w-]+\.png)/g)) {
      expect(fs.existsSync(path.resolve(__dirname, "../assets", file))).toBe(true);
    }
  });

  it("requires the ExcelApi set the code uses unconditionally (test/workbook/api-sets.test.ts), the shared runtime, and CustomFunctionsRuntime 1.2 (CustomFunctions.Error)", () => {
    expect(manifest).toMatch(
      /<Sets DefaultMinVersion="1.1">\s*<Set Name="ExcelApi" MinVersion="1.9"\/>\s*<Set Name="SharedRuntime" MinVersion="1.1"\/>\s*<Set Name="CustomFunctionsRuntime" MinVersion="1.2"\/>\s*<\/Sets>/,
    );
  });

  it("loads Office.js from Microsoft's CDN and ships no copy of it", () => {
    const page = fs.readFileSync(path.resolve(__dirname, "../dist/taskpane.html"), "utf8");
    const scripts = [...page.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    // Everything else comes from the add-in's own origin: the page sends workbook data nowhere.
    expect(scripts.slice(1).filter((src) => /^(https?:)?\/\//.test(src))).toEqual([]);
    expect(page.indexOf("functions.js")).toBeLessThan(page.indexOf("taskpane.js"));
    const shipped = fs.readdirSync(path.resolve(__dirname, "../dist"), { recursive: true }) as string[];
    expect(shipped.filter((file) => /office(-js|\.js$)|excel-(web|win32|mac)/.test(file))).toEqual([]);
  });
});
