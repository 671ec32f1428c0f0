/**
 * `dcp`: the add-in's engine over .xlsx files.
 *   dcp validate FILE.xlsx [--sheet NAME] [--prices NAME] [--out REPORT.xlsx] [--json]
 *   dcp reserve FILE.xlsx [--as-of DATE] [--json] [--ocf FOLDER|OUT.zip] [--issuer-name …]
 * Exit codes: 0 clean, 1 findings, 2 unusable input (one line on stderr).
 */
import { parseArgs } from "util";
import { UnusableInput } from "../workbook/xlsx";
import { reserveCommand } from "./reserve";
import { validateCommand } from "./validate";

const USAGE = `usage:
  dcp validate FILE.xlsx [--sheet NAME] [--prices NAME] [--out REPORT.xlsx] [--json] [--effective-date YYYY-MM-DD] [--fy-end MM-DD]
  dcp reserve FILE.xlsx [--as-of YYYY-MM-DD] [--json] [--ocf FOLDER|OUT.zip] [--ledger NAME] [--credits NAME] [--prices NAME]
              [--issuer-name NAME] [--issuer-formed YYYY-MM-DD] [--issuer-country CC] [--issuer-subdivision CODE]`;

type Command = (file: string, values: Record<string, string | boolean | undefined>) => Promise<number>;

const COMMANDS: Record<string, { options: Record<string, { type: "string" | "boolean" }>; run: Command }> = {
  validate: {
    options: { sheet: { type: "string" }, prices: { type: "string" }, out: { type: "string" }, json: { type: "boolean" }, "effective-date": { type: "string" }, "fy-end": { type: "string" } },
    run: (file, v) =>
      validateCommand({
        file,
        sheet: v.sheet as string | undefined,
        prices: v.prices as string | undefined,
        out: v.out as string | undefined,
        json: Boolean(v.json),
        effectiveDate: v["effective-date"] as string | undefined,
        fyEnd: v["fy-end"] as string | undefined,
      }),
  },
  reserve: {
    options: {
      "as-of": { type: "string" }, json: { type: "boolean" }, ocf: { type: "string" }, ledger: { type: "string" }, credits: { type: "string" }, prices: { type: "string" },
      "issuer-name": { type: "string" }, "issuer-formed": { type: "string" }, "issuer-country": { type: "string" }, "issuer-subdivision": { type: "string" },
    },
    run: (file, v) =>
      reserveCommand({
        file,
        asOf: v["as-of"] as string | undefined,
        json: Boolean(v.json),
        ocf: v.ocf as string | undefined,
        issuer: {
          name: v["issuer-name"] as string | undefined,
          formed: v["issuer-formed"] as string | undefined,
          country: v["issuer-country"] as string | undefined,
          subdivision: v["issuer-subdivision"] as string | undefined,
        },
        ledger: v.ledger as string | undefined,
        credits: v.credits as string | undefined,
        prices: v.prices as string | undefined,
      }),
  },
};

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h") {
    console.log(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command "${name}"`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0]);
  }
  if (parsed.positionals.length !== 1) throw new UsageError(`${name} takes one FILE.xlsx`);
  return command.run(parsed.positionals[0], parsed.values);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof UsageError) console.error(`dcp: ${error.message}\n${USAGE}`);
    else if (error instanceof UnusableInput) console.error(`dcp: ${error.message}`);
    else console.error(`dcp: unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
