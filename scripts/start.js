#!/usr/bin/env node
/**
 * `npm start`: on Windows and macOS, office-addin-debugging builds, serves
 * https://localhost:3000 and sideloads manifest.xml into desktop Excel. Where
 * desktop Excel cannot run (Linux), it serves only and says how to load the
 * add-in into Excel on the web.
 */
const { spawn } = require("child_process");

const desktop = process.platform === "win32" || process.platform === "darwin";
const [command, args] = desktop ? ["office-addin-debugging", ["start", "manifest.xml"]] : ["webpack", ["serve", "--mode", "development"]];

if (!desktop) {
  console.log(
    [
      "Desktop Excel is not available on this system: serving the add-in only.",
      "In Excel on the web: Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in, then choose manifest.xml.",
      "",
    ].join("\n"),
  );
}
const child = spawn(command, args, { stdio: "inherit", shell: process.platform === "win32" });
child.on("exit", (code) => process.exit(code ?? 0));
