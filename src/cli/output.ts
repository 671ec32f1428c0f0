/**
 * Every file or folder the command line writes goes through here, so that
 * nothing is lost (PRODUCT.md, Reliability): an output never replaces an
 * input, however the path is spelled (./X, ../dir/X, a symbolic or hard
 * link); an existing file is replaced only when the command recognises it as
 * its own earlier output, or with --force; a folder (which is replaced whole)
 * only when it is empty or the command's own, never with an input inside it,
 * --force or not; and the output is written to a
 * temporary beside the target and renamed over it, so an interrupted run
 * leaves the old file whole. A command that writes several outputs checks
 * them all before writing any, refuses two on one path, and puts none in
 * place until every one is written (prepareOutputs), so a failed run leaves
 * none behind.
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

/** A target that passed every check: where it lands, and whether a file or folder is already there. */
interface Target {
  request: OutputRequest;
  path: string;
  replacing: boolean;
}

/**
 * Checks that the output may be written, before any work is done: exit 2
 * (UnusableInput, one line) when the folder is missing or takes no new
 * files, when the path is an input, or when it exists and is neither this
 * command's output nor forced.
 */
async function checkTarget(request: OutputRequest): Promise<Target> {
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
  if (existing === undefined) return takesNewFiles({ request, path: target, replacing: false });

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
    return takesNewFiles({ request, path: existing.real, replacing: true });
  }
  if (!request.force && !(await request.isOwnOutput(existing.real))) {
    throw new UnusableInput(`${option} ${given} already exists and is not ${request.what} written by dcp; choose another name, or add --force to replace it`);
  }
  return takesNewFiles({ request, path: existing.real, replacing: true });
}

/**
 * A folder can exist and still refuse the temporary (read-only, no
 * permission, /proc): an empty file made and removed beside the target finds
 * out now, before the work, and before any other output is written.
 */
function takesNewFiles(target: Target): Target {
  const probe = temporaryBeside(target.path, "probe");
  try {
    fs.writeFileSync(probe, "", { flag: "wx" });
    fs.rmSync(probe);
  } catch (error) {
    throw writeFailure(target.request.option, target.request.path, error);
  }
  return target;
}

/** The target's content in a temporary beside it, on disk, not yet in place; a failure leaves no temporary. */
async function fillTemporary({ request, path: target }: Target, fill: (temporary: string) => Promise<void> | void): Promise<string> {
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
    }
    return temporary;
  } catch (error) {
    discard(temporary);
    if (error instanceof UnusableInput) throw error;
    throw writeFailure(request.option, request.path, error);
  }
}

function discard(temporary: string): void {
  fs.rmSync(temporary, { recursive: true, force: true });
  temporaries.delete(temporary);
}

/** Renames the filled temporary over the target. */
function putInPlace({ request, path: target, replacing }: Target, temporary: string): void {
  try {
    if (replacing && request.kind === "file") fs.chmodSync(temporary, fs.statSync(target).mode & 0o777);
    if (replacing && request.kind === "folder") replaceFolder(temporary, target);
    else fs.renameSync(temporary, target);
  } catch (error) {
    throw writeFailure(request.option, request.path, error);
  } finally {
    discard(temporary);
  }
}

/** One output, checked now, put in place as soon as it is written. */
export async function prepareOutput(request: OutputRequest): Promise<Output> {
  const target = await checkTarget(request);
  return {
    path: target.path,
    async write(fill) {
      putInPlace(target, await fillTemporary(target, fill));
    },
  };
}

/** The outputs of one command that writes several, each where the command asked for it (undefined where it asked for none). */
export interface PreparedOutputs {
  outputs: Array<Output | undefined>;
  /** Puts every output written so far in place; until then each waits as a temporary beside its target. */
  putInPlace(): void;
}

/**
 * Checks every output of a command before any is written, and holds each
 * written one back until all are: a failed run (an unusable target, a
 * render that throws, a full disk) leaves none of them behind. Two outputs
 * on one path, or one inside the folder of another, are refused first.
 */
export async function prepareOutputs(requests: ReadonlyArray<OutputRequest | undefined>): Promise<PreparedOutputs> {
  refuseSharedTargets(requests.filter((request) => request !== undefined));
  const targets: Array<Target | undefined> = [];
  for (const request of requests) targets.push(request && (await checkTarget(request)));
  const filled: Array<{ target: Target; temporary: string }> = [];
  const discardAll = () => filled.splice(0).forEach(({ temporary }) => discard(temporary));
  const outputs = targets.map(
    (target): Output | undefined =>
      target && {
        path: target.path,
        async write(fill) {
          try {
            filled.push({ target, temporary: await fillTemporary(target, fill) });
          } catch (error) {
            discardAll();
            throw error;
          }
        },
      },
  );
  return {
    outputs,
    putInPlace() {
      for (const { target, temporary } of filled.splice(0)) putInPlace(target, temporary);
    },
  };
}

/**
 * Where a path lands: the real path of its nearest existing folder (links
 * followed, "./" and "../" gone), then the rest as typed. Lower case: on
 * Windows and macOS R.xlsx and r.xlsx are one file, and two outputs named
 * so are a mistake anywhere.
 */
function landing(given: string): string {
  const rest: string[] = [];
  for (let folder = path.resolve(given); ; folder = path.dirname(folder)) {
    try {
      return path.join(fs.realpathSync.native(folder), ...rest).toLowerCase();
    } catch {
      if (path.dirname(folder) === folder) return path.resolve(given).toLowerCase();
      rest.unshift(path.basename(folder));
    }
  }
}

function isBelow(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== "" && relative.split(path.sep)[0] !== ".." && !path.isAbsolute(relative);
}

/** Exit 2 when one output would replace another: the same file however spelled (a link, a hard link), or inside a folder written whole. */
function refuseSharedTargets(requests: readonly OutputRequest[]): void {
  for (const [i, first] of requests.entries()) {
    for (const second of requests.slice(i + 1)) {
      const [a, b] = [landing(first.path), landing(second.path)];
      const [identityA, identityB] = [identity(first.path), identity(second.path)];
      if (a === b || (identityA && identityB && sameFile(identityA, identityB))) {
        throw new UnusableInput(
          `${first.option} ${first.path} and ${second.option} ${second.path} are the same path; one output would replace the other, so give each a name of its own`,
        );
      }
      const [outer, inner] = isBelow(a, b) ? [first, second] : isBelow(b, a) ? [second, first] : [];
      if (outer && inner) {
        throw new UnusableInput(
          `${inner.option} ${inner.path} is inside ${outer.option} ${outer.path}, which dcp replaces whole; give each output a place of its own`,
        );
      }
    }
  }
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
 * A `--pdf DIR` target: a folder written whole, holding only PDFs `creator`
 * wrote (`what` names them in messages), never one that holds an input.
 */
export function pdfFolderRequest(folder: string, input: string, what: string, creator: string): OutputRequest {
  return {
    path: folder,
    option: "--pdf",
    what,
    inputs: [input],
    force: false,
    kind: "folder",
    isOwnOutput: (existing) => isFolderOfPdfsBy(existing, creator),
  };
}
