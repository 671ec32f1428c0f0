/**
 * Every file or folder the command line writes goes through here, so that
 * nothing is lost (PRODUCT.md, Reliability): an output never replaces an
 * input, however the path is spelled (./X, ../dir/X, a symbolic or hard
 * link); an existing file is replaced only when the command recognises it as
 * its own earlier output, or with --force; a folder (which is replaced whole)
 * only when it is empty or the command's own, never with an input inside it,
 * --force or not; and the output is written to a
 * temporary beside the target and renamed over it, so an interrupted run
 * leaves the old file whole.
 */
import crypto from "crypto";
import fs from "fs";
import path from "path";
import JSZip from "jszip";
import { UnusableInput } from "../workbook/xlsx";

export interface OutputRequest {
  /** The path as the user typed it (relative paths resolve from the working directory). */
  path: string;
  /** The option that named it, for messages: "--out". */
  option: string;
  /** What the command writes there, for messages: "a validation report". */
  what: string;
  /** Files the command reads: never replaced. */
  inputs: readonly string[];
  /** Replace an existing file that is not recognisably this command's output. */
  force: boolean;
  /** A file written as a whole, or a folder of files (an OCF package). */
  kind: "file" | "folder";
  /** The extension a file must have (".xlsx"): a workbook named r.txt would open as garbage, so another is refused. */
  extension?: string;
  /** True when the existing target is an output this command wrote before. */
  isOwnOutput(existing: string): Promise<boolean>;
}

export interface Output {
  /** Where the output lands (the file a symbolic link at the path points to, when it is one). */
  path: string;
  /**
   * Calls `fill` with a temporary path beside the target (for a folder, an
   * empty folder already made), then puts the result in place.
   */
  write(fill: (temporary: string) => Promise<void> | void): Promise<void>;
}

type Identity = { dev: bigint; ino: bigint; real: string };

function identity(file: string): Identity | undefined {
  try {
    const stat = fs.statSync(file, { bigint: true });
    return { dev: stat.dev, ino: stat.ino, real: fs.realpathSync.native(file) };
  } catch {
    return undefined;
  }
}

/** The same file: one real path, or one inode (a hard link, or a case-insensitive file system). */
function sameFile(a: Identity, b: Identity): boolean {
  return a.real === b.real || (a.ino !== 0n && a.dev === b.dev && a.ino === b.ino);
}

/**
 * Reasons a write fails, in words. A system message names the temporary the
 * user never asked for, so it is never shown: an unknown failure gives its
 * code. The advice about Excel holding a file open is for workbooks only.
 */
function writeFailure(option: string, target: string, error: unknown): UnusableInput {
  const code = (error as NodeJS.ErrnoException).code;
  const workbook = /\.xlsx$/i.test(target);
  const reason =
    code === "EACCES" || code === "EPERM" || code === "EBUSY"
      ? `permission denied${workbook ? " (on Windows, a file open in Excel cannot be replaced: close it first)" : ""}`
      : code === "ENOSPC"
        ? "the disk is full"
        : code === "EROFS"
          ? "the file system is read-only"
          : code === "ENOENT" || code === "ENOTDIR"
            ? `the folder ${path.dirname(target)} does not take new files`
            : code !== undefined
              ? `the system refused it (${code})`
              : (error as Error).message.split("\n")[0];
  return new UnusableInput(`cannot write ${option} ${target}: ${reason}`);
}

const temporaries = new Set<string>();
let cleanupInstalled = false;

/** An interrupted run (Ctrl-C reaches process.exit through dcp.ts) leaves no temporary behind. */
function removeTemporariesOnExit(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on("exit", () => {
    for (const temporary of temporaries) fs.rmSync(temporary, { recursive: true, force: true });
  });
}

/** Whether `file` (by its real path) lies anywhere below `folder`. */
function isInside(folder: string, file: string): boolean {
  let real: string;
  try {
    real = fs.realpathSync.native(file);
  } catch {
    return false;
  }
  const relative = path.relative(folder, real);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

function temporaryBeside(target: string, label: string): string {
  const name = `.${path.basename(target)}.dcp-${label}-${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
  return path.join(path.dirname(target), name);
}

/**
 * Checks that the output may be written, before any work is done: exit 2
 * (UnusableInput, one line) when the folder is missing, when the path is an
 * input, or when it exists and is neither this command's output nor forced.
 */
export async function prepareOutput(request: OutputRequest): Promise<Output> {
  const { option, path: given } = request;
  // Every check and the write itself use this one path: "missing/../X" must not pass as new and then land on X.
  const target = path.resolve(given);
  const { extension } = request;
  // A folder named where a file is asked for is told as such, before its missing extension.
  const wrongExtension = request.kind === "file" && extension !== undefined && path.extname(target).toLowerCase() !== extension;
  if (wrongExtension && !fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UnusableInput(`${option} ${given} must end in ${extension}: dcp writes ${request.what} there, which opens only as ${extension}`);
  }
  const folderStat = fs.statSync(path.dirname(target), { throwIfNoEntry: false });
  if (!folderStat) throw new UnusableInput(`cannot write ${option} ${given}: the folder ${path.dirname(given)} does not exist`);
  if (!folderStat.isDirectory()) throw new UnusableInput(`cannot write ${option} ${given}: ${path.dirname(given)} is not a folder`);

  const existing = identity(target);
  if (existing === undefined) return output(request, target, false);

  for (const input of request.inputs) {
    const read = identity(input);
    if (read && sameFile(existing, read)) {
      throw new UnusableInput(`${option} ${given} is the same file as the input ${input}; writing there would replace it, so choose another name`);
    }
  }
  const isFolder = fs.statSync(target).isDirectory();
  if (isFolder !== (request.kind === "folder")) {
    throw new UnusableInput(`cannot write ${option} ${given}: it is ${isFolder ? "a folder; name a file inside it" : "a file, not a folder"}`);
  }
  if (isFolder) {
    // The whole folder is swapped for the new one, so nothing of the user's may be in it: not an input, not any other file.
    const inside = request.inputs.find((input) => isInside(existing.real, input));
    if (inside !== undefined)
      throw new UnusableInput(`${option} ${given} holds the input ${inside}; writing there would replace the folder, so choose another folder`);
    if (fs.readdirSync(existing.real).length > 0 && !(await request.isOwnOutput(existing.real))) {
      throw new UnusableInput(`${option} ${given} already exists and holds files that are not ${request.what} written by dcp; choose a new or empty folder`);
    }
    return output(request, existing.real, true);
  }
  if (!request.force && !(await request.isOwnOutput(existing.real))) {
    throw new UnusableInput(`${option} ${given} already exists and is not ${request.what} written by dcp; choose another name, or add --force to replace it`);
  }
  return output(request, existing.real, true);
}

function output(request: OutputRequest, target: string, replacing: boolean): Output {
  return {
    path: target,
    async write(fill) {
      removeTemporariesOnExit();
      const temporary = temporaryBeside(target, "new");
      temporaries.add(temporary);
      try {
        if (request.kind === "folder") fs.mkdirSync(temporary);
        await fill(temporary);
        if (request.kind === "file") {
          // On disk before the rename, so a power cut cannot leave an empty file where the old one was.
          const fd = fs.openSync(temporary, "r+");
          fs.fsyncSync(fd);
          fs.closeSync(fd);
          if (replacing) fs.chmodSync(temporary, fs.statSync(target).mode & 0o777);
        }
        if (replacing && request.kind === "folder") replaceFolder(temporary, target);
        else fs.renameSync(temporary, target);
      } catch (error) {
        if (error instanceof UnusableInput) throw error;
        throw writeFailure(request.option, request.path, error);
      } finally {
        fs.rmSync(temporary, { recursive: true, force: true });
        temporaries.delete(temporary);
      }
    },
  };
}

/**
 * A folder cannot be renamed over a folder that has files in it: the old one
 * steps aside first, and comes back if the new one cannot take its place.
 */
function replaceFolder(temporary: string, target: string): void {
  // Not a temporary to clean up on exit: interrupted between the renames, it is the only copy.
  const old = temporaryBeside(target, "old");
  fs.renameSync(target, old);
  try {
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.renameSync(old, target);
    throw error;
  }
  fs.rmSync(old, { recursive: true, force: true });
}

/**
 * Whether an .xlsx file carries `keyword` in its document properties: how a
 * command that writes a workbook knows one it wrote before (ExcelJS writes
 * `workbook.keywords` to docProps/core.xml).
 */
export async function hasDocumentKeyword(file: string, keyword: string): Promise<boolean> {
  try {
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const core = await zip.file("docProps/core.xml")?.async("string");
    return core !== undefined && core.includes(`<cp:keywords>${keyword}</cp:keywords>`);
  } catch {
    return false;
  }
}

/**
 * Whether `folder` holds nothing but PDFs that `creator` wrote: how a command
 * that writes a folder of documents (`--pdf DIR`) knows one it wrote before,
 * the whole folder being swapped. pdfkit repeats the Creator in the PDF's XMP
 * metadata, plain text, never compressed.
 */
export async function isFolderOfPdfsBy(folder: string, creator: string): Promise<boolean> {
  const mark = Buffer.from(`<xmp:CreatorTool>${creator}</xmp:CreatorTool>`, "latin1");
  return fs.readdirSync(folder, { withFileTypes: true }).every((entry) => {
    if (!entry.isFile() || !entry.name.toLowerCase().endsWith(".pdf")) return false;
    const bytes = fs.readFileSync(path.join(folder, entry.name));
    return bytes.subarray(0, 5).toString("latin1") === "%PDF-" && bytes.includes(mark);
  });
}

/**
 * Checks a `--pdf DIR` target before any work: a folder written whole, holding
 * only PDFs `creator` wrote (`what` names them in messages), never one that
 * holds an input.
 */
export function preparePdfFolder(folder: string, input: string, what: string, creator: string): Promise<Output> {
  return prepareOutput({
    path: folder,
    option: "--pdf",
    what,
    inputs: [input],
    force: false,
    kind: "folder",
    isOwnOutput: (existing) => isFolderOfPdfsBy(existing, creator),
  });
}
