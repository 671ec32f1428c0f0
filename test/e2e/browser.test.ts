/** The browser tests must run anywhere `npm ci` ran, and fail fast and cleanly where no browser starts. */
import { chooseBrowser } from "./browser";
import { startHarness } from "./harness";

const saved = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
});

const listeningServers = () => process.getActiveResourcesInfo().filter((kind) => kind === "TCPServerWrap").length;

it("takes CHROMIUM_PATH first", async () => {
  process.env.CHROMIUM_PATH = process.execPath;
  await expect(chooseBrowser()).resolves.toMatchObject({ executablePath: process.execPath, source: "CHROMIUM_PATH" });
});

it("finds a browser with nothing installed by hand: a system one, or the one inside the @sparticuz/chromium package", async () => {
  delete process.env.CHROMIUM_PATH;
  const choice = await chooseBrowser();
  expect(["system", "@sparticuz/chromium"]).toContain(choice.source);
  expect(choice.args).not.toContain("--single-process");
});

it("fails in seconds with one clear line when the browser cannot start, leaving no server open", async () => {
  process.env.CHROMIUM_PATH = "/bin/true";
  const before = listeningServers();
  const error: Error = await startHarness().then(
    () => new Error("started"),
    (e: Error) => e,
  );
  expect(error.message).toMatch(/^No browser for the task-pane tests \(CHROMIUM_PATH browser at \/bin\/true did not start: .*\)\. Set CHROMIUM_PATH/);
  expect(error.message).not.toContain("\n");
  await new Promise((resolve) => setImmediate(resolve));
  expect(listeningServers()).toBe(before);
});

it("names a CHROMIUM_PATH that does not exist", async () => {
  process.env.CHROMIUM_PATH = "/nowhere/chromium";
  await expect(chooseBrowser()).rejects.toThrow("CHROMIUM_PATH is /nowhere/chromium, which does not exist");
});
