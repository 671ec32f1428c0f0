#!/usr/bin/env node
/**
 * `npm start`: on Windows and macOS, office-addin-debugging builds, serves
 * https://localhost:3000 and sideloads manifest.xml into desktop Excel. Where
 * desktop Excel cannot run (Linux), it serves only and says how to load the
 * add-in into Excel on the web; Ctrl-C, a kill or `npm stop` ends the server.
 */
const { spawn } = require("child_process");
const path = require("path");
const { runServer } = require("./dev-server");

const desktop = process.platform === "win32" || process.platform === "darwin";

if (desktop) {
  // office-addin-debugging runs and stops its own server; `npm stop` asks it to.
  const child = spawn("office-addin-debugging", ["start", "manifest.xml"], { stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 0));
} else {
  console.log(
    [
      "Desktop Excel is not available on this system: serving the add-in only.",
      "In Excel on the web: Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in, then choose manifest.xml.",
      "Ctrl-C here, or npm stop in another terminal, stops the server.",
      "",
    ].join("\n"),
  );
  // webpack's own entry point, run by this Node: no shell, no PATH lookup, one process to signal.
  const webpack = require.resolve("webpack-cli/bin/cli.js");
  runServer(process.execPath, [webpack, "serve", "--mode", "development"], { cwd: path.resolve(__dirname, "..") });
}
