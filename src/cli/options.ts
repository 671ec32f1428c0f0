/**
 * The options of each command, declared once: parsing, `--help` and the
 * checks every command shares (dates, paths) come from the same table.
 */
import { parseArgs } from "util";
import { FIRST_SUPPORTED_DATE, isSupportedDate, LAST_SUPPORTED_DATE, parseIsoDate, type IsoDate } from "../engine/dates";
import { UnusableInput } from "../workbook/xlsx";

export interface OptionSpec {
  name: string;
  /** What the option takes, as help shows it ("NAME", "YYYY-MM-DD"); a flag takes nothing. */
  value?: string;
  help: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  description: string;
  options: readonly OptionSpec[];
}

/** A command line that does not parse: exit 2, one line, and where to find the options. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The help that lists what is accepted. */
    readonly help = "dcp --help",
  ) {
    super(message);
  }
}

export const HELP_OPTION: OptionSpec = { name: "help", help: "print this help and exit" };

export const EXIT_CODES = "exit codes: 0 nothing found, 1 findings, 2 unusable input or options (one line on stderr)";

export function commandHelp(command: CommandSpec): string {
  const options = [...command.options, HELP_OPTION].map((o) => [`--${o.name}${o.value ? ` ${o.value}` : ""}${o === HELP_OPTION ? ", -h" : ""}`, o.help]);
  let width = 0;
  for (const [label] of options) width = Math.max(width, label.length);
  return [
    `usage: dcp ${command.name} FILE.xlsx [options]`,
    "",
    command.description,
    "",
    "options:",
    ...options.map(([label, help]) => `  ${label.padEnd(width)}  ${help}`),
    "",
    EXIT_CODES,
  ].join("\n");
}

export type ParsedOptions = Record<string, string | boolean | undefined>;

/** The one FILE and the options, or `help` when asked for. */
export function parseCommand(command: CommandSpec, args: string[]): { help: true } | { help: false; file: string; values: ParsedOptions } {
  const options: Record<string, { type: "string" | "boolean"; short?: string }> = { help: { type: "boolean", short: "h" } };
  for (const option of command.options) options[option.name] = { type: option.value ? "string" : "boolean" };
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    // Node appends advice about "--" to unknown options, and words a value starting with "-" as "ambiguous"; the help line says more.
    const message = (error as Error).message.split("\n")[0].replace(/\. To specify a positional argument.*$/, "");
    const ambiguous = /^Option '(--[\w-]+)[^']*' argument is ambiguous/.exec(message);
    throw new UsageError(
      ambiguous ? `${ambiguous[1]} needs a value; one that starts with "-" is written ${ambiguous[1]}=VALUE` : message,
      `dcp ${command.name} --help`,
    );
  }
  refuseRepeatedValues(parsed.tokens, `dcp ${command.name} --help`);
  const empty = command.options.find((option) => option.value && parsed.values[option.name] === "");
  if (empty) throw new UsageError(`--${empty.name} is empty; it needs ${empty.value}`, `dcp ${command.name} --help`);
  if (parsed.values.help) return { help: true };
  if (parsed.positionals.length !== 1) {
    const problem = parsed.positionals.length === 0 ? "needs a FILE.xlsx" : `takes one FILE.xlsx, not ${parsed.positionals.length} files`;
    throw new UsageError(`${command.name} ${problem}`, `dcp ${command.name} --help`);
  }
  return { help: false, file: parsed.positionals[0], values: parsed.values };
}

/**
 * An option that takes a value, given more than once (`--out a.xlsx --out
 * b.xlsx`): parseArgs keeps the last and drops the others without a word,
 * so the run would not be the one asked for. A flag given twice means what
 * it means once, and is accepted.
 */
function refuseRepeatedValues(tokens: ReadonlyArray<{ kind: string; name?: string; value?: string }>, help: string): void {
  const given = new Map<string, string[]>();
  for (const token of tokens) {
    if (token.kind !== "option" || token.name === undefined || token.value === undefined) continue;
    given.set(token.name, [...(given.get(token.name) ?? []), token.value]);
  }
  for (const [name, values] of given) {
    if (values.length < 2) continue;
    const times = values.length === 2 ? "twice" : `${values.length} times`;
    throw new UsageError(`--${name} is given ${times} (${values.join(", ")}); give it once`, help);
  }
}

/** A date option: YYYY-MM-DD within the dates the engine supports (1990–2099), else exit 2. */
export function dateOption(option: string, text: string | undefined): IsoDate | undefined {
  if (text === undefined) return undefined;
  const date = parseIsoDate(text);
  if (date === undefined) throw new UnusableInput(`--${option} ${text} is not a YYYY-MM-DD date`);
  if (!isSupportedDate(date)) throw new UnusableInput(`--${option} ${text} is outside the supported dates ${FIRST_SUPPORTED_DATE} .. ${LAST_SUPPORTED_DATE}`);
  return date;
}
