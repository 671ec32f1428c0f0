/**
 * Tests that run what `npm run build` made (dist/, dist-e2e/) would test a stale
 * build when jest runs on its own after a change to src/. `npm test` builds first
 * (package.json "pretest"); run directly, these tests stop with one line instead.
 */
import fs from "fs";
import path from "path";

const ROOT = path.resolve(__dirname, "../..");
/** What every bundle is built from; the e2e host double adds its own sources. */
export const SOURCES = ["src", "webpack.config.js", "package.json"];

function newestInput(entry: string): { file: string; time: number } {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return { file: entry, time: stat.mtimeMs };
  let newest = { file: entry, time: 0 };
  for (const name of fs.readdirSync(entry)) {
    const candidate = newestInput(path.join(entry, name));
    if (candidate.time > newest.time) newest = candidate;
  }
  return newest;
}

/** The reason `artifact` (relative to the repository) cannot be tested as built from today's sources, or undefined. */
export function staleBuild(artifact: string, sources = SOURCES, root = ROOT): string | undefined {
  const built = path.join(root, artifact);
  if (!fs.existsSync(built)) return `${artifact} is missing: run \`npm run build\` (or \`npm test\`, which builds first).`;
  const builtAt = fs.statSync(built).mtimeMs;
  const newest = sources.map((entry) => newestInput(path.join(root, entry))).reduce((a, b) => (b.time > a.time ? b : a));
  if (newest.time <= builtAt) return undefined;
  return `${artifact} is older than ${path.relative(root, newest.file)}: run \`npm run build\` (or \`npm test\`, which builds first).`;
}

const checked = new Map<string, string | undefined>();

/** Stops the test with one line when `artifact` is missing or older than the sources it is built from. */
export function requireCurrentBuild(artifact: string, sources = SOURCES): void {
  if (!checked.has(artifact)) checked.set(artifact, staleBuild(artifact, sources));
  const reason = checked.get(artifact);
  if (reason) throw new Error(reason);
}
