/**
 * The production task pane (dist/) in headless Debian Chromium, driven by
 * playwright-core, with office.js replaced by the in-memory Excel host double
 * (dist-e2e/excel-host.js). Served from 127.0.0.1 only.
 */
import fs from "fs";
import http from "http";
import path from "path";
import type { AddressInfo } from "net";
import { chromium, type Browser, type Page } from "playwright-core";

const ROOT = path.resolve(__dirname, "../..");
export const ARTIFACTS = path.join(ROOT, "test-artifacts");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".css": "text/css" };

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
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
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
