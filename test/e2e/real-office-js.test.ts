/**
 * The built task pane and its custom functions booted against the real Office.js:
 * the page's request for Microsoft's CDN is answered from the `@microsoft/office-js`
 * package (node_modules), file by file, so nothing leaves 127.0.0.1 and production
 * keeps the CDN. There is no Excel here: this is the pane opened outside Office
 * (a plain browser), which the real library answers with `host: null`. What Excel
 * itself does is the double's part (taskpane.test.ts, test/doubles/).
 */
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { installHost, PROFILES, WorkbookModel } from "../doubles/excel-host";
import { ERROR_CODES, functionsJson, ShimError } from "../helpers/bundle";
import { OFFICE_JS_CDN, startHarness, type Harness } from "./harness";

const ROOT = path.resolve(__dirname, "../..");
const OFFICE_JS_PACKAGE = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
/** https://appsforoffice.microsoft.com/lib/1/hosted/: office.js loads its other files from beside itself. */
const CDN_FOLDER = OFFICE_JS_CDN.slice(0, OFFICE_JS_CDN.lastIndexOf("/") + 1);
/**
 * The one request office.js makes beyond its own folder outside Office: its logger's frame
 * (o15apptofilemappingtable.js, `ULSEndpointProxy.telemetryEndPoint`), refused here.
 */
const OFFICE_TELEMETRY = "https://telemetryservice.firstpartyapps.oaspapps.com/";

interface Visit {
  page: Page;
  /** Files of the office.js folder the page asked for, each answered from the package. */
  fromPackage: string[];
  /** Files of that folder the package lacks (answered 404). */
  missing: string[];
  /** Requests to the add-in's own server, by path. */
  own: string[];
  refused: string[];
  consoleErrors: string[];
  consoleWarnings: string[];
  pageErrors: string[];
}

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** A blank tab whose requests for office.js's folder are answered from the package (the rest refused, but our own server's). */
async function newVisit(): Promise<Visit> {
  const page = await harness.browser.newPage({ viewport: { width: 320, height: 900 } });
  const visit: Visit = { page, fromPackage: [], missing: [], own: [], refused: [], consoleErrors: [], consoleWarnings: [], pageErrors: [] };
  page.on("console", (message) => {
    if (message.type() === "error") visit.consoleErrors.push(message.text());
    if (message.type() === "warning") visit.consoleWarnings.push(message.text());
  });
  page.on("pageerror", (error) => visit.pageErrors.push(error.message));
  const served = new URL(harness.url).origin;
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${served}/`)) {
      visit.own.push(new URL(url).pathname);
      return route.continue();
    }
    if (url.startsWith(CDN_FOLDER)) {
      const name = url.slice(CDN_FOLDER.length).split(/[?#]/)[0];
      const file = path.join(OFFICE_JS_PACKAGE, path.normalize(name));
      if (file.startsWith(`${OFFICE_JS_PACKAGE}${path.sep}`) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        visit.fromPackage.push(name);
        return route.fulfill({ path: file, contentType: "text/javascript" });
      }
      visit.missing.push(name);
      return route.fulfill({ status: 404 });
    }
    visit.refused.push(url);
    return route.abort("blockedbyclient");
  });
  return visit;
}

/**
 * taskpane.html in a plain browser tab (no Office around it), office.js served from the package,
 * once the pane's bootstrap has answered `Office.onReady` (its one line is shown).
 */
async function openOutsideOffice(): Promise<Visit> {
  const visit = await newVisit();
  await visit.page.goto(harness.url, { waitUntil: "commit" });
  await visit.page.getByRole("status").filter({ hasText: "This add-in runs inside Excel" }).waitFor();
  expect(visit.missing).toEqual([]);
  return visit;
}

/**
 * Excel's custom functions runtime as Excel starts one: the package's custom-functions-runtime.js
 * (Excel's own host files, such as excel-win32-16.01.js, carry the same code), then functions.js,
 * in a page holding nothing else. Loaded into the pane beside office.js instead, it would run
 * Office's bootstrap a second time, whose mapping table can then redefine `Office.context` and
 * throw ("Cannot redefine property: context", seen once in CI): a race no Excel page has.
 */
async function openFunctionsRuntime(): Promise<Visit> {
  const visit = await newVisit();
  const served = new URL(harness.url).origin;
  // A page of the add-in's own origin (the runtime keeps state in its sessionStorage), made here.
  const runtimePage = `${served}/functions-runtime.html`;
  await visit.page.route(runtimePage, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><script src="${CDN_FOLDER}custom-functions-runtime.js"></script><script src="/functions.js"></script>`,
    }),
  );
  await visit.page.goto(runtimePage);
  await visit.page.waitForFunction(`typeof CustomFunctions._association.mappings.WITHDRAWAL_PENALTY === "function"`);
  expect(visit.missing).toEqual([]);
  return visit;
}

/** Closes the page once it has logged no console error and thrown nothing. */
async function closeQuiet(visit: Visit): Promise<void> {
  expect(visit.pageErrors).toEqual([]);
  expect(visit.consoleErrors).toEqual([]);
  await visit.page.close();
}

describe("the real Office.js outside Office", () => {
  it("Office.onReady answers with no host; the pane says in one line that it runs inside Excel, loads no UI and logs no error", async () => {
    const visit = await openOutsideOffice();
    const { page } = visit;

    await expect(page.locator("#root").innerText()).resolves.toBe("This add-in runs inside Excel: open it from the Home tab (Deferred Comp > DCP Plan).");
    await expect(page.getByRole("button").count()).resolves.toBe(0);
    // The real library, not the double: its own loader (OSF) and the answer it gives a plain browser.
    const answer = await page.evaluate(
      `Office.onReady().then((info) => ({ info, osf: typeof OSF, excel: typeof Excel, requirements: typeof Office.context.requirements }))`,
    );
    expect(answer).toEqual({ info: { host: null, platform: null, addin: null }, osf: "object", excel: "undefined", requirements: "undefined" });
    expect(visit.fromPackage).toContain("office.js");
    // With no host the app chunk is never fetched: nothing reaches for Excel's API.
    expect(visit.own.filter((file) => /\/app\.[0-9a-f]+\.js$/.test(file))).toEqual([]);
    expect(visit.own).toEqual(expect.arrayContaining(["/taskpane.html", "/functions.js", "/taskpane.js"]));
    expect(visit.refused.filter((url) => !url.startsWith(OFFICE_TELEMETRY))).toEqual([]);
    await closeQuiet(visit);
  });

  it("functions.js associates every function of functions.json with the real CustomFunctions, each once", async () => {
    const visit = await openOutsideOffice();
    const { page } = visit;

    const associated = (await page.evaluate(`Object.entries(CustomFunctions._association.mappings).map(([name, fn]) => [name, typeof fn])`)) as Array<
      [string, string]
    >;
    const declared = functionsJson().functions.map((f) => f.id.toUpperCase());
    expect(associated.map(([name]) => name).sort()).toEqual(declared.sort());
    expect(associated.filter(([, kind]) => kind !== "function")).toEqual([]);
    // The real associate warns (console.warn) on a name given twice or a value that is not a function.
    expect(visit.consoleWarnings.filter((line) => /\[(DuplicatedName|InvalidArg)\]/.test(line))).toEqual([]);
    // A name reaches its own code: 10% of half of $100,000 withdrawn is $5,000 (§7.3).
    await expect(page.evaluate(`CustomFunctions._association.mappings.WITHDRAWAL_PENALTY([[100000]], [[0.5]])`)).resolves.toEqual([[5000]]);
    await closeQuiet(visit);
  });

  it("an error answer is Excel's own CustomFunctions.Error, keeping the plan's message on #VALUE!", async () => {
    const visit = await openFunctionsRuntime();
    const { page } = visit;

    // Thrown, as a function does for a bad argument: Excel shows the thrown error in the cell.
    const answer = await page.evaluate(`(() => {
      try {
        return { returned: CustomFunctions._association.mappings.WITHDRAWAL_PENALTY([[1000]], [[0.3]]) };
      } catch (error) {
        return { isExcelError: error instanceof CustomFunctions.Error, sent: JSON.parse(JSON.stringify(error)) };
      }
    })()`);
    expect(answer).toMatchObject({ isExcelError: true, sent: { code: "#VALUE!", errorType: "Value" } });
    expect((answer as { sent: { message: string } }).sent.message).toMatch(/fraction 30% is not a 25% increment.*§7\.3/);
    await closeQuiet(visit);
  });

  it("the doubles speak the real library's words: Office's enums, the error codes, which codes keep a message", async () => {
    const visit = await openFunctionsRuntime();
    const { page } = visit;
    const real = (await page.evaluate(`({
      hostType: Office.HostType,
      asyncResultStatus: Office.AsyncResultStatus,
      errorCode: CustomFunctions.ErrorCode,
      keepsMessage: Object.values(CustomFunctions.ErrorCode).map((code) => [code, new CustomFunctions.Error(code, "why").toJSON().message === "why"]),
    })`)) as { hostType: object; asyncResultStatus: object; errorCode: object; keepsMessage: Array<[string, boolean]> };

    const double: Record<string, { HostType: object; AsyncResultStatus: object }> = {};
    installHost(new WorkbookModel(["Sheet1"], PROFILES.windows), double);
    expect(real.hostType).toMatchObject(double.Office.HostType);
    expect(real.asyncResultStatus).toEqual(double.Office.AsyncResultStatus);
    expect(real.errorCode).toEqual(ERROR_CODES);
    expect(real.keepsMessage.map(([code]) => [code, new ShimError(code, "why").message === "why"])).toEqual(real.keepsMessage);
    // Hand-checked against Microsoft's documentation (test/helpers/bundle.ts, ShimError): #VALUE! and #N/A only.
    expect(real.keepsMessage.filter(([, kept]) => kept).map(([code]) => code)).toEqual(["#VALUE!", "#N/A"]);
    await closeQuiet(visit);
  });
});
