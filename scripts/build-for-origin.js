#!/usr/bin/env node
/**
 * `npm run build:origin -- https://addins.example.com/dcp [--out DIR]`:
 * a production build of the add-in (into dist/, or DIR) whose manifest
 * points at that https origin, with no localhost address left in any file.
 * Exit 0 when built, 1 when the build failed or localhost remains, 2 for a
 * bad origin.
 */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");

function usage(message) {
  console.error(`${message}\nUsage: npm run build:origin -- https://your.host/path [--out DIR]`);
  process.exit(2);
}

function parseOrigin(text) {
  if (!text) usage("Name the https origin the add-in will be served from.");
  let url;
  try {
    url = new URL(text);
  } catch {
    usage(`${text} is not a URL.`);
  }
  if (url.protocol !== "https:") usage(`${text} is not https: Office loads add-ins only over https.`);
  if (url.search || url.hash) usage(`${text} has a query or fragment; give the folder the files are served from.`);
  if (/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(url.hostname)) usage(`${text} is this machine; npm start serves the add-in locally.`);
  return url.href.replace(/\/+$/, "");
}

/** Files (text) under `dir` that still name localhost. */
function localhostLeft(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return localhostLeft(file);
    if (/\.(png|ico|jpg)$/i.test(entry.name)) return [];
    return fs.readFileSync(file, "utf8").includes("localhost") ? [path.relative(dir, file)] : [];
  });
}

const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const out = outAt >= 0 ? path.resolve(args[outAt + 1] ?? usage("--out needs a folder.")) : path.join(ROOT, "dist");
const origin = parseOrigin(args.find((arg, i) => !arg.startsWith("--") && i !== outAt + 1));

const webpack = spawnSync(
  process.execPath,
  [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--config-name", "addin", "--env", `origin=${origin}`, "--env", `out=${out}`],
  {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
  },
);
if (webpack.status !== 0) {
  process.stdout.write(webpack.stdout ?? "");
  console.error("The build failed.");
  process.exit(1);
}
const left = localhostLeft(out);
if (left.length > 0) {
  console.error(`localhost is still named in ${left.join(", ")}.`);
  process.exit(1);
}
console.log(
  [
    `Built ${path.relative(process.cwd(), out) || "."} for ${origin}.`,
    `1. Serve every file of that folder at ${origin}/ over https.`,
    `2. Deploy ${path.join(path.relative(process.cwd(), out), "manifest.xml")} (README, "Deploy").`,
  ].join("\n"),
);
