/**
 * `dcp reserve --ocf PATH`: the reconciled reserve as an Open Cap Format
 * package, in a folder or, when PATH ends in .zip, one .zip file. Written
 * through the one output helper (cli/output.ts): never over an input, over
 * an existing package only when it is one, and atomically.
 */
import fs from "fs";
import path from "path";
import JSZip from "jszip";
import { parseIsoDate, type IsoDate } from "../engine/dates";
import { OCF_MANIFEST_PATH, type IssuerField } from "../formats/ocf";
import type { ReserveReconciliation } from "../engine/reserve";
import type { SheetGrid } from "../sheets/grid";
import { ISSUER_SHEET } from "../sheets/issuer";
import { ocfPackageFrom } from "../workflows/ocf";
import { generatedAtOf, packageFiles, packageZip } from "../formats/ocfPackage";
import { UnusableInput } from "../workbook/xlsx";
import type { Output, OutputRequest } from "./output";

export interface IssuerFlags {
  name?: string;
  formed?: string;
  country?: string;
  subdivision?: string;
}

const FLAG_OF: Record<IssuerField, string> = {
  legalName: "--issuer-name",
  formationDate: "--issuer-formed YYYY-MM-DD",
  country: "--issuer-country",
  countrySubdivision: "--issuer-subdivision",
};

/**
 * When the package was generated: SOURCE_DATE_EPOCH (seconds) when set, the
 * reproducible-builds convention for identical output from identical input,
 * otherwise now; to the second, as OCF examples write it.
 */
export function generationTime(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return generatedAtOf(date);
}

const isZipPath = (target: string) => /\.zip$/i.test(target);

/** The `file_type` of an existing JSON file, or undefined when it is not OCF JSON. */
function ocfFileType(file: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    return typeof parsed === "object" && parsed !== null && "file_type" in parsed ? String(parsed.file_type) : undefined;
  } catch {
    return undefined;
  }
}

/** A package this command wrote: a manifest, and nothing in the folder but OCF files (the whole folder is swapped). */
async function isOcfFolder(folder: string): Promise<boolean> {
  const names = fs.readdirSync(folder);
  return names.includes(OCF_MANIFEST_PATH) && names.every((name) => name.endsWith(".ocf.json") && ocfFileType(path.join(folder, name)) !== undefined);
}

async function isOcfZip(file: string): Promise<boolean> {
  try {
    const manifest = (await JSZip.loadAsync(fs.readFileSync(file))).file(OCF_MANIFEST_PATH);
    return manifest !== null && JSON.parse(await manifest.async("string")).file_type === "OCF_MANIFEST_FILE";
  } catch {
    return false;
  }
}

/** The --ocf target: never an input; an existing one only when it is a package (or, for a .zip, with --force). */
export function ocfRequest(target: string, inputs: readonly string[], force: boolean): OutputRequest {
  const zip = isZipPath(target);
  return {
    path: target,
    option: "--ocf",
    what: zip ? "an Open Cap Format .zip" : "an Open Cap Format package folder",
    inputs,
    force,
    kind: zip ? "file" : "folder",
    isOwnOutput: zip ? isOcfZip : isOcfFolder,
  };
}

export interface WrittenPackage {
  kind: "zip" | "folder";
  /** How many files the package holds, the manifest included. */
  files: number;
}

/**
 * The most ledger lines an OCF package is written for: each is a
 * transaction of about 700 bytes of JSON, and Transactions.ocf.json is one
 * document (with its MD5 in the manifest), so past this it would not fit in
 * memory as one piece.
 */
export const MAX_OCF_TRANSACTIONS = 250_000;

export async function exportOcf(
  /** The workbook's Issuer sheet, when it has one. */
  issuerSheet: SheetGrid | undefined,
  reconciliation: ReserveReconciliation,
  output: Output,
  flags: IssuerFlags,
  asOf?: IsoDate,
): Promise<WrittenPackage> {
  if (flags.formed !== undefined && parseIsoDate(flags.formed) === undefined)
    throw new UnusableInput(`--issuer-formed ${flags.formed} is not a YYYY-MM-DD date`);
  if (reconciliation.lines.length > MAX_OCF_TRANSACTIONS) {
    const count = (n: number) => n.toLocaleString("en-US");
    throw new UnusableInput(
      `--ocf: the ledger has ${count(reconciliation.lines.length)} rows, more than dcp writes into one Open Cap Format package (${count(MAX_OCF_TRANSACTIONS)}); export up to a date with --as-of, or split the ledger`,
    );
  }
  const result = ocfPackageFrom({
    reconciliation,
    issuerSheet,
    issuer: { legalName: flags.name, formationDate: flags.formed, country: flags.country, countrySubdivision: flags.subdivision },
    generatedAt: generationTime(),
    asOf,
  });
  if ("problem" in result) {
    if (result.fields.length === 0) throw new UnusableInput(result.problem);
    const them = result.fields.length === 1 ? "it" : "them";
    throw new UnusableInput(
      `${result.problem}. Give ${them} in an ${ISSUER_SHEET} sheet (column A the field, column B the value) or with ${result.fields.map((field) => FLAG_OF[field]).join(", ")}`,
    );
  }
  const files = packageFiles(result.pkg);
  const zip = isZipPath(output.path);
  const bytes = zip ? await packageZip(result.pkg, files) : undefined;
  await output.write((temporary) => {
    if (bytes) fs.writeFileSync(temporary, bytes);
    else for (const file of files) fs.writeFileSync(path.join(temporary, file.path), file.bytes);
  });
  return { kind: zip ? "zip" : "folder", files: files.length };
}
