#!/usr/bin/env node
/**
 * `npm test`'s pretest: the checks (typecheck and lint over one program, scripts/check.js) and the build are
 * independent, so they run at once (on two cores they overlap). Each one's output is printed whole when it ends; the first failure's code is the exit code.
 */
const { spawn } = require("child_process");

const STEPS = ["check", "build"];
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(script) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(npm, ["run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"], shell: process.platform === "win32" });
    const output = [];
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    child.on("close", (code) => {
      process.stdout.write(Buffer.concat(output));
      console.log(`pretest: ${script} ${code === 0 ? "passed" : `failed (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve(code ?? 1);
    });
  });
}

Promise.all(STEPS.map(run)).then((codes) => process.exit(codes.find((code) => code !== 0) ?? 0));
