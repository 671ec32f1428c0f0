import { spawnSync } from "child_process";
import path from "path";
import { requireCurrentBuild } from "./build";

export const ROOT = path.resolve(__dirname, "../..");

/** Runs the built `dcp` as a user would: `node dist/cli/dcp.js …`. */
export function dcp(...args: string[]): { code: number; stdout: string; stderr: string } {
  requireCurrentBuild("dist/cli/dcp.js");
  const result = spawnSync(process.execPath, [path.join(ROOT, "dist/cli/dcp.js"), ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** `dcp` with extra environment variables (jest's `process.env` does not reach a child process). */
export function dcpWithEnv(env: Record<string, string>, ...args: string[]): { code: number; stdout: string; stderr: string } {
  requireCurrentBuild("dist/cli/dcp.js");
  const result = spawnSync(process.execPath, [path.join(ROOT, "dist/cli/dcp.js"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
