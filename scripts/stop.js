#!/usr/bin/env node
/**
 * `npm stop`: on Windows and macOS, office-addin-debugging stops debugging and
 * removes the sideloaded add-in; elsewhere, the dev server `npm start` runs
 * is ended through its pid file.
 */
const { spawn } = require("child_process");
const { stopServer } = require("./dev-server");

if (process.platform === "win32" || process.platform === "darwin") {
  const child = spawn("office-addin-debugging", ["stop", "manifest.xml"], { stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 0));
} else {
  stopServer().then((message) => console.log(message));
}
