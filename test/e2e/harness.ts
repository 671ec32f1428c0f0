/**
 * The production task pane (dist/) in headless Chromium (see browser.ts), driven by
 * playwright-core. The page asks for Office.js at Microsoft's CDN, as in Excel; the
 * harness answers that request with the in-memory Excel host double
 * (dist-e2e/excel-host.js) and refuses every other request that leaves 127.0.0.1,
 * so the page never reaches the network.
 */
import fs from "fs";
import http from "http";
import path from "path";
import type { AddressInfo } from "net";
import { chromium, type Browser, type Page } from "playwright-core";
import type { ProfileName } from "../doubles/profiles";
import { requireCurrentBuild, SOURCES } from "../helpers/build";
import { chooseBrowser } from "./browser";

const ROOT = path.resolve(__dirname, "../..");
export const ARTIFACTS = path.join(ROOT, "test-artifacts");
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".css": "text/css" };

const LAUNCH_TIMEOUT_MS = 30_000;

/** Where taskpane.html loads Office.js from. */
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const HOST_DOUBLE = path.join(ROOT, "dist-e2e/excel-host.js");

export interface Harness {
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

/** Serves dist/ as the add-in's web server would. */
function serve(): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const file = path.join(ROOT, "dist", path.normalize(url.pathname).replace(/^([/\\])+/, ""));
    if (!file.startsWith(ROOT) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export async function startHarness(): Promise<Harness> {
  requireCurrentBuild("dist/taskpane.html");
  requireCurrentBuild("dist-e2e/excel-host.js", [...SOURCES, "test/doubles", "test/e2e/host-entry.ts"]);
  const server = await serve();
  let browser: Browser;
  try {
    const choice = await chooseBrowser();
    browser = await chromium
      .launch({ executablePath: choice.executablePath, headless: true, args: choice.args, timeout: LAUNCH_TIMEOUT_MS })
      .catch((error: Error) => {
        throw new Error(`${choice.source} browser at ${choice.executablePath} did not start: ${error.message.split("\n")[0]}`);
      });
  } catch (error) {
    // Close the server, or jest would wait on its open handle forever.
    await new Promise((resolve) => server.close(resolve));
    throw new Error(`No browser for the task-pane tests (${(error as Error).message}). Set CHROMIUM_PATH to a Chromium or Chrome binary.`, { cause: error });
  }
  const { port } = server.address() as AddressInfo;
  return {
    browser,
    url: `http://127.0.0.1:${port}/taskpane.html`,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

interface Watched {
  pageErrors: string[];
  blockedRequests: string[];
}

/** A task pane page at Office's narrow width, in the light or dark theme, as one platform's Excel (test/doubles/profiles.ts). */
export async function openPane(harness: Harness, theme: "light" | "dark" = "light", profile: ProfileName = "windows"): Promise<Page> {
  const page = await startPane(harness, theme, profile);
  await page.getByRole("button", { name: "Validate", exact: true }).waitFor();
  return page;
}

/** A request the page makes that the harness answers only once `released` settles. */
export interface HeldRequest {
  url: RegExp;
  released: Promise<void>;
}

/** Navigates to the pane without waiting for its UI; a held request (say, the UI chunk) waits for the test. */
export async function startPane(harness: Harness, theme: "light" | "dark" = "light", profile: ProfileName = "windows", held?: HeldRequest): Promise<Page> {
  const page = await harness.browser.newPage({ viewport: { width: 320, height: 900 } });
  const watched: Watched = { pageErrors: [], blockedRequests: [] };
  page.on("pageerror", (error) => watched.pageErrors.push(error.message));
  Object.assign(page, { watched });
  const served = new URL(harness.url).origin;
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_CDN) return route.fulfill({ path: HOST_DOUBLE, contentType: "text/javascript" });
    if (url.startsWith(`${served}/`)) {
      if (held?.url.test(url)) await held.released;
      return route.continue();
    }
    watched.blockedRequests.push(url);
    return route.abort("blockedbyclient");
  });
  await page.goto(`${harness.url}?theme=${theme}&profile=${profile}`, { waitUntil: "commit" });
  return page;
}

export function pageErrors(page: Page): string[] {
  return (page as unknown as { watched: Watched }).watched.pageErrors;
}

/** Requests the page made beyond the add-in's own server and the Office.js CDN: there must be none. */
export function blockedRequests(page: Page): string[] {
  return (page as unknown as { watched: Watched }).watched.blockedRequests;
}

/** What the in-page host exposes as `window.__dcp` (test/e2e/host-entry.ts): the workbook and the functions registered. */
export type PageHost = { model: import("../doubles/excel-host").WorkbookModel; registrations: Array<{ id: string; at: number }> };

/** Runs `fn` inside the page against its host; `fn` must be self-contained, as it is sent as source text. */
export function host<T>(page: Page, fn: (dcp: PageHost) => T): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.__dcp)`) as Promise<T>;
}

/**
 * Fluent UI's focus manager (tabster) puts hidden, focusable <i data-tabster-dummy> bumpers
 * around focus groups on purpose; axe's aria-hidden-focus flags them, a known false positive
 * (microsoft/tabster#288) that Accessibility Insights also suppresses. Only those nodes are set aside.
 */
const TABSTER_DUMMY = /^<i [^>]*data-tabster-dummy=""/;

/** The page's serious and critical axe violations, as "id (impact, n nodes)"; axe is loaded once a page. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (await page.evaluate(`typeof axe === "undefined"`)) await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ["violations"] })`)) as {
    violations: Array<{ id: string; impact: string; nodes: Array<{ html: string }> }>;
  };
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !(v.id === "aria-hidden-focus" && TABSTER_DUMMY.test(n.html))) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
}
