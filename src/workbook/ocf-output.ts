/**
 * Writes an OCF package for the command line: into a folder, or as one .zip
 * when the path ends in .zip. Each file goes to a temporary name beside its
 * target and is renamed into place, so an interrupted run leaves the old file
 * whole; a file that is not an OCF file of the same kind is never replaced.
 */
import fs from "fs";
import path from "path";
import JSZip from "jszip";
import { OCF_MANIFEST_PATH, type OcfPackage } from "../engine/ocf";
import { packageFiles, packageZip, type PackageFile } from "./ocf-package";
import { UnusableInput } from "./xlsx";

export interface WrittenPackage {
  kind: "zip" | "folder";
  /** Every file written, the manifest first. */
  paths: string[];
}

function writeAtomically(target: string, bytes: Uint8Array): void {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

function requireFolder(folder: string, what: string): void {
  if (!fs.existsSync(folder)) throw new UnusableInput(`cannot write ${what}: the folder ${folder} does not exist`);
  if (!fs.statSync(folder).isDirectory()) throw new UnusableInput(`cannot write ${what}: ${folder} is a file, not a folder`);
}

/** The `file_type` of an existing JSON file, or undefined when it is not OCF JSON. */
function ocfFileType(file: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    return typeof parsed === "object" && parsed !== null && "file_type" in parsed ? String(parsed.file_type) : undefined;
  } catch {
    return undefined;
  }
}

async function isOcfZip(file: string): Promise<boolean> {
  try {
    const manifest = (await JSZip.loadAsync(fs.readFileSync(file))).file(OCF_MANIFEST_PATH);
    return manifest !== null && JSON.parse(await manifest.async("string")).file_type === "OCF_MANIFEST_FILE";
  } catch {
    return false;
  }
}

async function writeZip(target: string, pkg: OcfPackage, files: PackageFile[]): Promise<WrittenPackage> {
  requireFolder(path.dirname(path.resolve(target)), target);
  if (fs.existsSync(target)) {
    if (fs.statSync(target).isDirectory()) throw new UnusableInput(`cannot write ${target}: it is a folder; name a .zip file, or a folder without .zip`);
    if (!(await isOcfZip(target))) throw new UnusableInput(`${target} exists and is not an Open Cap Format package; it was left as it is (choose another path)`);
  }
  writeAtomically(target, await packageZip(pkg, files));
  return { kind: "zip", paths: [target] };
}

function writeFolder(target: string, files: PackageFile[]): WrittenPackage {
  requireFolder(path.dirname(path.resolve(target)), target);
  if (fs.existsSync(target)) {
    if (!fs.statSync(target).isDirectory()) throw new UnusableInput(`cannot write the Open Cap Format package to ${target}: it is a file, not a folder (name a folder, or a path ending in .zip)`);
  } else {
    fs.mkdirSync(target);
  }
  const targets = files.map((file) => ({ file, destination: path.join(target, file.path) }));
  for (const { file, destination } of targets) {
    if (fs.existsSync(destination) && ocfFileType(destination) !== file.fileType) {
      throw new UnusableInput(`${destination} exists and is not an Open Cap Format ${file.fileType}; it was left as it is (choose another folder)`);
    }
  }
  for (const { file, destination } of targets) writeAtomically(destination, file.bytes);
  return { kind: "folder", paths: targets.map(({ destination }) => destination) };
}

/** Writes the package to `target`: a .zip when it ends in .zip (any case), otherwise a folder. */
export async function writeOcfPackage(target: string, pkg: OcfPackage): Promise<WrittenPackage> {
  const files = packageFiles(pkg);
  return /\.zip$/i.test(target) ? writeZip(target, pkg, files) : writeFolder(target, files);
}
