/**
 * `npm start` ends its dev server however it is stopped, and `npm stop` ends
 * it from elsewhere (scripts/dev-server.js). A small stand-in server takes
 * webpack's place: it listens on a port and starts a process of its own, as
 * webpack's workers do, so a test can see the whole process group go.
 */
import { spawn, type ChildProcess } from "child_process";
import fs from "fs";
import { createRequire } from "module";
import net from "net";
import os from "os";
import path from "path";
import { ROOT } from "../helpers/cli";

/** scripts/ is plain Node (npm start runs it before anything is built). */
const { stopServer } = createRequire(__filename)(path.join(ROOT, "scripts/dev-server.js")) as { stopServer: (pidFile: string) => Promise<string> };

const describeOnPosix = process.platform === "win32" ? describe.skip : describe;

const SERVER = `
const fs = require("fs");
const http = require("http");
const { spawn } = require("child_process");
const worker = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
const server = http.createServer((request, response) => response.end("ok"));
server.listen(0, "127.0.0.1", () => fs.writeFileSync(process.argv[2], JSON.stringify({ server: process.pid, worker: worker.pid, port: server.address().port })));
`;

const RUNNER = `
const { runServer } = require(${JSON.stringify(path.join(ROOT, "scripts/dev-server.js"))});
runServer(process.execPath, [process.argv[2], process.argv[3]], { pidFile: process.argv[4] });
`;

interface Server {
  runner: ChildProcess;
  server: number;
  worker: number;
  port: number;
  pidFile: string;
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dcp-dev-server-"));
  fs.writeFileSync(path.join(dir, "server.js"), SERVER);
  fs.writeFileSync(path.join(dir, "runner.js"), RUNNER);
});
/** Processes a test started, ended by their ids whatever the test's outcome. */
const spawnedPids: number[] = [];
afterEach(() => {
  for (const pid of spawnedPids.splice(0)) {
    if (gone(pid)) continue;
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already ended, as it should have.
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Ended: no such process, or a zombie no one has reaped (a container's init may not). */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] === "Z";
  } catch {
    return true;
  }
}

async function until(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** The runner started as `command`'s child (or directly), with the stand-in server up and listening. */
async function start(command: string[] = []): Promise<Server> {
  const info = path.join(dir, "info.json");
  const pidFile = path.join(dir, "server.pid");
  const args = [path.join(dir, "runner.js"), path.join(dir, "server.js"), info, pidFile];
  // "; exit $?" keeps the shell from replacing itself with node, as npm's shell does not either.
  const line = `${[process.execPath, ...args].map((a) => `'${a}'`).join(" ")}; exit $?`;
  const runner = command.length ? spawn(command[0], [...command.slice(1), line], { stdio: "ignore" }) : spawn(process.execPath, args, { stdio: "ignore" });
  await until(() => fs.existsSync(info) && fs.readFileSync(info, "utf8").length > 0, "the server is up");
  const { server, worker, port } = JSON.parse(fs.readFileSync(info, "utf8"));
  spawnedPids.push(runner.pid as number, server, worker);
  expect(await listening(port)).toBe(true);
  expect(JSON.parse(fs.readFileSync(pidFile, "utf8")).pid).toBe(server);
  return { runner, server, worker, port, pidFile };
}

async function expectAllGone({ server, worker, port, pidFile }: Server): Promise<void> {
  // The runner removes the pid file as it exits, after the server it ended: wait for that too, not just the server.
  await until(() => gone(server) && gone(worker) && !fs.existsSync(pidFile), "the server and its worker have ended and the pid file is gone");
  expect(await listening(port)).toBe(false);
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code))));

describeOnPosix("npm start's dev server", () => {
  it.each([
    ["SIGINT (Ctrl-C)", "SIGINT"],
    ["SIGTERM (kill)", "SIGTERM"],
    ["SIGHUP (the terminal closed)", "SIGHUP"],
  ] as const)("ends with its whole process group on %s", async (_what, signal) => {
    const started = await start();
    const exit = exited(started.runner);
    started.runner.kill(signal);
    await exit;
    await expectAllGone(started);
  });

  it("ends when the shell npm ran it in is killed (npm passes a kill only to that shell)", async () => {
    const started = await start(["sh", "-c"]);
    const shell = started.runner;
    shell.kill("SIGTERM");
    await expectAllGone(started);
  });

  it("is ended by npm stop, even after npm start itself was killed outright", async () => {
    const started = await start();
    const exit = exited(started.runner);
    started.runner.kill("SIGKILL");
    await exit;
    expect(gone(started.server)).toBe(false);
    expect(await stopServer(started.pidFile)).toBe(`Stopped the dev server (pid ${started.server}).`);
    await expectAllGone(started);
    expect(await stopServer(started.pidFile)).toBe("No dev server started by npm start is running.");
  });

  it("npm stop leaves alone a process that merely has the pid a stale pid file names", async () => {
    const pidFile = path.join(dir, "stale.pid");
    fs.writeFileSync(pidFile, JSON.stringify({ pid: process.pid, started: "0" }));
    expect(await stopServer(pidFile)).toBe("No dev server started by npm start is running.");
    expect(gone(process.pid)).toBe(false);
    expect(fs.existsSync(pidFile)).toBe(false);
  });
});
