/**
 * The development server as a child that ends with `npm start`: it runs in
 * its own process group, every signal that ends `npm start` (Ctrl-C, a kill
 * of this script or of npm, a closed terminal) is passed to that whole group, and a pid file lets
 * `npm stop` end it from another terminal, even after `npm start` itself was
 * killed outright. Without this, webpack outlived its parent and kept port 3000.
 */
const { spawn } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

const WINDOWS = process.platform === "win32";
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
/** How long the server has to close its sockets after a signal before it is killed. */
const GRACE_MS = 5000;
const PARENT_CHECK_MS = 500;

/** One pid file per checkout, outside it: the project folder may be read-only or shared. */
function defaultPidFile(root = path.resolve(__dirname, "..")) {
  const id = crypto.createHash("sha256").update(root).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), `dcp-dev-server-${id}.pid`);
}

/** When the process started, in clock ticks since boot (Linux); undefined where /proc does not say. */
function startTime(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces; starttime is field 22.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function readPidFile(pidFile) {
  try {
    const record = JSON.parse(fs.readFileSync(pidFile, "utf8"));
    return Number.isInteger(record.pid) ? record : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process still runs: a zombie nobody has reaped yet (as in a container without an init) has ended. */
function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === "EPERM";
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return true;
  }
}

/**
 * Still the server we started: the pid is alive and, where /proc tells,
 * started when the recorded one did (a stale pid file must not kill a
 * stranger that was given the same pid).
 */
function isOurServer(record) {
  return alive(record.pid) && startTime(record.pid) === record.started;
}

/** The server and everything it started (its process group), or the server alone on Windows. */
function signalServer(pid, signal) {
  try {
    process.kill(WINDOWS ? pid : -pid, signal);
  } catch {
    // Already gone.
  }
}

function removePidFile(pidFile, pid) {
  const record = readPidFile(pidFile);
  if (record && record.pid === pid) fs.rmSync(pidFile, { force: true });
}

/**
 * Runs `command args` as the dev server until it exits or a signal ends this
 * process, then exits with the server's code.
 */
function runServer(command, args, { pidFile = defaultPidFile(), cwd = process.cwd() } = {}) {
  const running = readPidFile(pidFile);
  if (running && isOurServer(running)) {
    console.error(`A dev server started by npm start is already running (pid ${running.pid}); stop it with npm stop.`);
    process.exit(1);
  }
  const child = spawn(command, args, { cwd, stdio: "inherit", detached: !WINDOWS, shell: WINDOWS });
  fs.writeFileSync(pidFile, JSON.stringify({ pid: child.pid, started: startTime(child.pid) }));

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    signalServer(child.pid, signal);
    setTimeout(() => signalServer(child.pid, "SIGKILL"), GRACE_MS).unref();
  };
  for (const signal of SIGNALS) process.on(signal, () => stop(signal));
  // A kill of `npm start` reaches only the shell npm runs this script in, which dies without passing it on:
  // this process is then handed to another parent, and takes that as the signal to stop.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop("SIGTERM"), PARENT_CHECK_MS).unref();
  // Whatever ends this process, the server's group goes with it.
  process.on("exit", () => {
    signalServer(child.pid, "SIGTERM");
    removePidFile(pidFile, child.pid);
  });
  child.on("exit", (code, signal) => {
    process.exit(code ?? (signal ? 128 + os.constants.signals[signal] : 0));
  });
  return child;
}

/** `npm stop` on systems without desktop Excel: ends the server `npm start` recorded. Resolves to a line for the user. */
async function stopServer(pidFile = defaultPidFile()) {
  const record = readPidFile(pidFile);
  if (!record || !isOurServer(record)) {
    fs.rmSync(pidFile, { force: true });
    return "No dev server started by npm start is running.";
  }
  signalServer(record.pid, "SIGTERM");
  const deadline = Date.now() + GRACE_MS;
  while (alive(record.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive(record.pid)) signalServer(record.pid, "SIGKILL");
  fs.rmSync(pidFile, { force: true });
  return `Stopped the dev server (pid ${record.pid}).`;
}

module.exports = { defaultPidFile, runServer, stopServer };
