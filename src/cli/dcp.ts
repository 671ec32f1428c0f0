/**
 * `dcp`: the add-in's engine over .xlsx files (`dcp --help`).
 * Exit codes: 0 clean, 1 findings, 2 unusable input (one line on stderr).
 * Results go to stdout, errors to stderr only.
 */
import fs from "fs";
import os from "os";
import { commandHelp, EXIT_CODES, parseCommand, UsageError, type CommandSpec, type ParsedOptions } from "./options";
import { UnusableInput } from "../workbook/xlsx";
import { RESERVE_COMMAND, reserveCommand } from "./reserve";
import { STATEMENT_COMMAND, statementCommand } from "./statement";
import { PAYOUT_COMMAND, payoutCommand } from "./payout";
import { VALIDATE_COMMAND, validateCommand } from "./validate";
import { CLAIMS_COMMAND, claimsCommand } from "./claims";
import { CIC_COMMAND, cicCommand } from "./cic";

const COMMANDS: ReadonlyArray<{ spec: CommandSpec; run: (file: string, values: ParsedOptions) => Promise<number> }> = [
  { spec: VALIDATE_COMMAND, run: validateCommand },
  { spec: RESERVE_COMMAND, run: reserveCommand },
  { spec: STATEMENT_COMMAND, run: statementCommand },
  { spec: PAYOUT_COMMAND, run: payoutCommand },
  { spec: CLAIMS_COMMAND, run: claimsCommand },
  { spec: CIC_COMMAND, run: cicCommand },
];

const USAGE = [
  "dcp: the Hecla Mining Company Key Employee Deferred Compensation Plan (2002) over .xlsx files",
  "",
  "usage:",
  ...COMMANDS.map(({ spec }) => `  dcp ${spec.name} FILE.xlsx [options]`.padEnd(40) + spec.summary),
  `  dcp COMMAND --help`.padEnd(40) + "the options of a command",
  "",
  EXIT_CODES,
].join("\n");

/**
 * `npm run dcp -- …` runs from the package folder; the user meant paths from
 * where they typed it, which npm passes as INIT_CWD. (`npx dcp` already runs
 * there.)
 */
function runFromUsersFolder(): void {
  const { npm_lifecycle_event: script, INIT_CWD: folder } = process.env;
  if (script === "dcp" && folder) process.chdir(folder);
}

/** Ctrl-C or a kill ends through process.exit, so the exit handlers remove half-written temporaries. */
function exitOnSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => process.exit(128 + os.constants.signals[signal]));
  }
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    console.log(USAGE);
    return 0;
  }
  if (name === undefined) throw new UsageError(`no command given; the commands are ${COMMANDS.map(({ spec }) => spec.name).join(", ")}`);
  const command = COMMANDS.find(({ spec }) => spec.name === name);
  if (!command) throw new UsageError(`unknown command "${name}"; the commands are ${COMMANDS.map(({ spec }) => spec.name).join(", ")}`);
  const parsed = parseCommand(command.spec, rest);
  if (parsed.help) {
    console.log(commandHelp(command.spec));
    return 0;
  }
  return command.run(parsed.file, parsed.values);
}

/** `npm run bench` measures each command's memory: DCP_PEAK_MEMORY_FILE names a file that gets the peak resident size in bytes at exit. */
function reportPeakMemory(): void {
  const file = process.env.DCP_PEAK_MEMORY_FILE;
  if (file) process.on("exit", () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
}

exitOnSignals();
reportPeakMemory();
runFromUsersFolder();
// exitCode, not process.exit(): stdout into a pipe is written asynchronously, and exiting at once would cut a long report short.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof UsageError) console.error(`dcp: ${error.message} (see ${error.help})`);
    else if (error instanceof UnusableInput) console.error(`dcp: ${error.message}`);
    else console.error(`dcp: unexpected failure: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    process.exitCode = 2;
  },
);
