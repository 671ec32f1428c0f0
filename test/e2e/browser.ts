/**
 * Which Chromium the browser tests drive, in this order: `CHROMIUM_PATH`; a
 * Chromium or Chrome installed on the system; otherwise the Chromium that ships
 * inside the `@sparticuz/chromium` npm package (its tarball carries the binary,
 * unpacked to the temp folder on first use), so `npm ci && npm test` needs no
 * browser download and no system package.
 */
import fs from "fs";

export interface BrowserChoice {
  executablePath: string;
  args: string[];
  source: string;
}

const SYSTEM_BROWSERS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

/** Flags for a headless run on a machine with no network but loopback (background networking would be refused). */
const QUIET_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function chooseBrowser(): Promise<BrowserChoice> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is ${fromEnv}, which does not exist`);
    return { executablePath: fromEnv, args: QUIET_FLAGS, source: "CHROMIUM_PATH" };
  }
  const system = SYSTEM_BROWSERS.find((file) => fs.existsSync(file));
  if (system) return { executablePath: system, args: QUIET_FLAGS, source: "system" };
  const packaged = (await import("@sparticuz/chromium")).default;
  // Its own flags but two: Playwright sets headless itself, and --single-process
  // (meant for one page per Lambda call) ends the browser when a test closes its page.
  const args = packaged.args.filter((flag) => !flag.startsWith("--headless") && flag !== "--single-process");
  return { executablePath: await packaged.executablePath(), args: [...args, ...QUIET_FLAGS], source: "@sparticuz/chromium" };
}
