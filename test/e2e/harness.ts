/**
 * The production task pane (dist/) in headless Chromium (see browser.ts), driven by
 * playwright-core, with office.js replaced by the in-memory Excel host double
 * (dist-e2e/excel-host.js). Served from 127.0.0.1 only.
 */
import fs from "fs";
import http from "http";
import path from "path";
import type { AddressInfo } from "net";
import { chromium, type Browser, type Page } from "playwright-core";
import { chooseBrowser } from "./browser";

const ROOT = path.resolve(__dirname, "../..");
export const ARTIFACTS = path.join(ROOT, "test-artifacts");
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".css": "text/css" };

const LAUNCH_TIMEOUT_MS = 30_000;

export interface Harness {
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

/** Serves dist/ with office.js swapped for the host double; a `delayMs` query slows the UI chunks to show load order. */
function serve(): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const file = url.pathname === "/office-js/office.js" ? path.join(ROOT, "dist-e2e/excel-host.js") : path.join(ROOT, "dist", path.normalize(url.pathname).replace(/^([/\\])+/, ""));
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
  const server = await serve();
  let browser: Browser;
  try {
    const choice = await chooseBrowser();
    browser = await chromium.launch({ executablePath: choice.executablePath, headless: true, args: choice.args, timeout: LAUNCH_TIMEOUT_MS }).catch((error: Error) => {
      throw new Error(`${choice.source} browser at ${choice.executablePath} did not start: ${error.message.split("\n")[0]}`);
    });
  } catch (error) {
    // Close the server, or jest would wait on its open handle forever.
    await new Promise((resolve) => server.close(resolve));
    throw new Error(`No browser for the task-pane tests (${(error as Error).message}). Set CHROMIUM_PATH to a Chromium or Chrome binary.`);
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

/** A task pane page at Office's narrow width, in the light or dark theme. */
export async function openPane(harness: Harness, theme: "light" | "dark" = "light"): Promise<Page> {
  const page = await harness.browser.newPage({ viewport: { width: 320, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  (page as unknown as { pageErrors: string[] }).pageErrors = errors;
  await page.goto(`${harness.url}?theme=${theme}`);
  await page.getByRole("button", { name: "Validate", exact: true }).waitFor();
  return page;
}

export function pageErrors(page: Page): string[] {
  return (page as unknown as { pageErrors: string[] }).pageErrors;
}
