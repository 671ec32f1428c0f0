/** The one way the command line writes a file or folder (src/cli/output.ts): nothing is lost. */
import fs from "fs";
import os from "os";
import path from "path";
import { prepareOutput, prepareOutputs, type OutputRequest } from "../../src/cli/output";
import { UnusableInput } from "../../src/workbook/xlsx";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dcp-output-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const OURS = "written by dcp\n";

function request(target: string, more: Partial<OutputRequest> = {}): OutputRequest {
  return {
    path: target,
    option: "--out",
    what: "a test output",
    inputs: [],
    force: false,
    kind: "file",
    isOwnOutput: async (file) => fs.readFileSync(file, "utf8").startsWith(OURS),
    ...more,
  };
}

/** Everything in the folder, hidden temporaries included. */
const entries = () => fs.readdirSync(dir).sort();

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UnusableInput);
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

describe("writing a file", () => {
  it("writes a new file through a temporary beside it, leaving nothing else behind", async () => {
    const target = path.join(dir, "out.txt");
    const output = await prepareOutput(request(target));
    await output.write((temporary) => {
      expect(path.dirname(temporary)).toBe(dir);
      expect(fs.existsSync(target)).toBe(false);
      fs.writeFileSync(temporary, `${OURS}new`);
    });
    expect(fs.readFileSync(target, "utf8")).toBe(`${OURS}new`);
    expect(entries()).toEqual(["out.txt"]);
  });

  it("leaves the old file whole when the write fails half-way, and removes the temporary", async () => {
    const target = path.join(dir, "out.txt");
    fs.writeFileSync(target, `${OURS}old`);
    const output = await prepareOutput(request(target));
    await expect(
      output.write((temporary) => {
        fs.writeFileSync(temporary, `${OURS}half`);
        throw new Error("disk pulled out");
      }),
    ).rejects.toThrow("cannot write --out");
    expect(fs.readFileSync(target, "utf8")).toBe(`${OURS}old`);
    expect(entries()).toEqual(["out.txt"]);
  });

  it("replaces a file it recognises as its own output, keeping its permissions", async () => {
    const target = path.join(dir, "out.txt");
    fs.writeFileSync(target, `${OURS}old`);
    fs.chmodSync(target, 0o640);
    await (await prepareOutput(request(target))).write((temporary) => fs.writeFileSync(temporary, `${OURS}new`));
    expect(fs.readFileSync(target, "utf8")).toBe(`${OURS}new`);
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
  });

  it("refuses to replace a file that is not its own output, unless forced", async () => {
    const target = path.join(dir, "notes.txt");
    fs.writeFileSync(target, "the user's notes");
    expect(await refusal(prepareOutput(request(target)))).toBe(
      `--out ${target} already exists and is not a test output written by dcp; choose another name, or add --force to replace it`,
    );
    expect(fs.readFileSync(target, "utf8")).toBe("the user's notes");
    await (await prepareOutput(request(target, { force: true }))).write((temporary) => fs.writeFileSync(temporary, "forced"));
    expect(fs.readFileSync(target, "utf8")).toBe("forced");
  });

  it("never replaces an input, even with --force, however the path reaches it", async () => {
    const input = path.join(dir, "book.xlsx");
    fs.writeFileSync(input, "the user's workbook");
    fs.mkdirSync(path.join(dir, "sub"));
    fs.symlinkSync(input, path.join(dir, "link.xlsx"));
    fs.linkSync(input, path.join(dir, "hard.xlsx"));
    const spellings = [
      input,
      path.join(dir, "sub", "..", "book.xlsx"),
      path.join(dir, "missing", "..", "book.xlsx"),
      path.join(dir, "link.xlsx"),
      path.join(dir, "hard.xlsx"),
    ];
    for (const spelling of spellings) {
      const message = await refusal(prepareOutput(request(spelling, { inputs: [input], force: true, isOwnOutput: async () => true })));
      expect(message).toBe(`--out ${spelling} is the same file as the input ${input}; writing there would replace it, so choose another name`);
    }
    expect(fs.readFileSync(input, "utf8")).toBe("the user's workbook");
  });

  it("names a missing folder, or a file standing where a folder should be", async () => {
    expect(await refusal(prepareOutput(request("no-such-folder/out.txt")))).toBe(
      "cannot write --out no-such-folder/out.txt: the folder no-such-folder does not exist",
    );
    fs.writeFileSync(path.join(dir, "plain"), "");
    const under = path.join(dir, "plain", "out.txt");
    expect(await refusal(prepareOutput(request(under)))).toBe(`cannot write --out ${under}: ${path.join(dir, "plain")} is not a folder`);
    expect(await refusal(prepareOutput(request(dir)))).toBe(`cannot write --out ${dir}: it is a folder; name a file inside it`);
  });

  it("writes through a symbolic link to its own earlier output, keeping the link", async () => {
    fs.mkdirSync(path.join(dir, "reports"));
    const real = path.join(dir, "reports", "out.txt");
    fs.writeFileSync(real, `${OURS}old`);
    const link = path.join(dir, "latest.txt");
    fs.symlinkSync(real, link);
    await (await prepareOutput(request(link))).write((temporary) => fs.writeFileSync(temporary, `${OURS}new`));
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, "utf8")).toBe(`${OURS}new`);
  });
});

describe("writing a folder (an OCF package)", () => {
  const folderRequest = (target: string, more: Partial<OutputRequest> = {}) =>
    request(target, { kind: "folder", isOwnOutput: async (existing) => fs.existsSync(path.join(existing, "manifest.json")), ...more });

  it("fills an empty temporary folder and renames it into place", async () => {
    const target = path.join(dir, "package");
    await (
      await prepareOutput(folderRequest(target))
    ).write((temporary) => {
      expect(fs.readdirSync(temporary)).toEqual([]);
      fs.writeFileSync(path.join(temporary, "manifest.json"), "{}");
    });
    expect(fs.readdirSync(target)).toEqual(["manifest.json"]);
    expect(entries()).toEqual(["package"]);
  });

  it("replaces its own earlier folder whole, and keeps it when the new one fails", async () => {
    const target = path.join(dir, "package");
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, "manifest.json"), "old");
    fs.writeFileSync(path.join(target, "stale.json"), "old");
    await expect(
      (await prepareOutput(folderRequest(target))).write(() => {
        throw new Error("interrupted");
      }),
    ).rejects.toThrow();
    expect(fs.readdirSync(target).sort()).toEqual(["manifest.json", "stale.json"]);
    await (await prepareOutput(folderRequest(target))).write((temporary) => fs.writeFileSync(path.join(temporary, "manifest.json"), "new"));
    expect(fs.readdirSync(target)).toEqual(["manifest.json"]);
    expect(fs.readFileSync(path.join(target, "manifest.json"), "utf8")).toBe("new");
    expect(entries()).toEqual(["package"]);
  });

  it("refuses a folder of someone else's files, and a file where the folder would go", async () => {
    const target = path.join(dir, "photos");
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, "cat.jpg"), "meow");
    expect(await refusal(prepareOutput(folderRequest(target)))).toMatch(
      /already exists and holds files that are not a test output written by dcp; choose a new or empty folder$/,
    );
    expect(await refusal(prepareOutput(folderRequest(target, { force: true })))).toMatch(/holds files that are not a test output/);
    fs.writeFileSync(path.join(dir, "file"), "");
    expect(await refusal(prepareOutput(folderRequest(path.join(dir, "file"), { force: true })))).toMatch(/it is a file, not a folder$/);
    expect(fs.readFileSync(path.join(target, "cat.jpg"), "utf8")).toBe("meow");
  });
});

describe("what a failed or mistaken write says (issue 19, messages)", () => {
  it("refuses --out r.txt when the output is a workbook, before anything is written", async () => {
    const target = path.join(dir, "r.txt");
    expect(await refusal(prepareOutput(request(target, { extension: ".xlsx", what: "a validation report" })))).toBe(
      `--out ${target} must end in .xlsx: dcp writes a validation report there, which opens only as .xlsx`,
    );
    expect(entries()).toEqual([]);
    // Any case of the right extension is the right extension.
    await expect(prepareOutput(request(path.join(dir, "R.XLSX"), { extension: ".xlsx" }))).resolves.toBeDefined();
  });

  it("says in one line that /proc takes no new files, before any work, without the temporary's name or a raw ENOENT", async () => {
    for (const kind of ["file", "folder"] as const) {
      const message = await refusal(prepareOutput(request("/proc/r.xlsx", { kind })));
      expect(message).toBe("cannot write --out /proc/r.xlsx: the folder /proc does not take new files");
      expect(message).not.toMatch(/dcp-probe|ENOENT|open '/);
    }
  });

  it("gives the advice about a file open in Excel for a workbook only, never for a PDF folder", async () => {
    const denied = Object.assign(new Error("EACCES: permission denied, rename '/x/.r.dcp-new-1'"), { code: "EACCES" });
    const workbook = await prepareOutput(request(path.join(dir, "r.xlsx")));
    expect(await refusal(workbook.write(() => Promise.reject(denied)))).toMatch(/permission denied \(on Windows, a file open in Excel cannot be replaced/);
    const pdfs = await prepareOutput({ ...request(path.join(dir, "statements")), option: "--pdf", kind: "folder" });
    const message = await refusal(pdfs.write(() => Promise.reject(denied)));
    expect(message).toBe(`cannot write --pdf ${path.join(dir, "statements")}: permission denied`);
  });
});

describe("several outputs of one command (prepareOutputs)", () => {
  const calendar = (target: string) => request(target, { option: "--ics", what: "a claims calendar" });

  it("refuses two outputs on one file however it is spelled, and writes neither", async () => {
    fs.mkdirSync(path.join(dir, "sub"));
    fs.symlinkSync(dir, path.join(dir, "link"));
    const target = path.join(dir, "a.txt");
    for (const spelling of [target, path.join(dir, "sub", "..", "a.txt"), path.join(dir, "link", "a.txt"), path.join(dir, "A.TXT")]) {
      expect(await refusal(prepareOutputs([request(target), calendar(spelling)]))).toBe(
        `--out ${target} and --ics ${spelling} are the same path; one output would replace the other, so give each a name of its own`,
      );
    }
    // Two names of one existing file: a hard link.
    fs.writeFileSync(target, OURS);
    fs.linkSync(target, path.join(dir, "b.ics"));
    expect(await refusal(prepareOutputs([request(target), calendar(path.join(dir, "b.ics"))]))).toMatch(
      /^--out .*a\.txt and --ics .*b\.ics are the same path;/,
    );
    expect(entries()).toEqual(["a.txt", "b.ics", "link", "sub"]);
  });

  it("refuses an output inside the folder of another, which is replaced whole, whichever comes first", async () => {
    const folder = path.join(dir, "pdfs");
    const inside = path.join(folder, "deeper", "r.txt");
    const pdfs = request(folder, { option: "--pdf", kind: "folder" });
    const expected = `--out ${inside} is inside --pdf ${folder}, which dcp replaces whole; give each output a place of its own`;
    expect(await refusal(prepareOutputs([request(inside), pdfs]))).toBe(expected);
    expect(await refusal(prepareOutputs([pdfs, request(inside)]))).toBe(expected);
    // A sibling whose name begins with the folder's is not inside it.
    await expect(prepareOutputs([pdfs, request(path.join(dir, "pdfs-report.txt"))])).resolves.toBeDefined();
  });

  it("checks every target before writing any: an unusable second one is exit 2 with nothing written", async () => {
    fs.writeFileSync(path.join(dir, "notes.ics"), "the user's calendar");
    expect(await refusal(prepareOutputs([request(path.join(dir, "a.txt")), calendar(path.join(dir, "notes.ics"))]))).toMatch(
      /notes\.ics already exists and is not a claims calendar written by dcp/,
    );
    expect(await refusal(prepareOutputs([request(path.join(dir, "a.txt")), calendar("/proc/deadlines.ics")]))).toBe(
      "cannot write --ics /proc/deadlines.ics: the folder /proc does not take new files",
    );
    expect(entries()).toEqual(["notes.ics"]);
  });

  it("puts nothing in place until every output is written, and nothing at all when one write fails", async () => {
    const [a, b] = [path.join(dir, "a.txt"), path.join(dir, "b.ics")];
    const failed = await prepareOutputs([request(a), undefined, calendar(b)]);
    const [first, none, second] = failed.outputs;
    expect(none).toBeUndefined();
    await first!.write((temporary) => fs.writeFileSync(temporary, `${OURS}a`));
    expect(fs.existsSync(a)).toBe(false);
    await expect(
      second!.write(() => {
        throw new Error("disk pulled out");
      }),
    ).rejects.toThrow("cannot write --ics");
    failed.putInPlace();
    expect(entries()).toEqual([]);

    const done = await prepareOutputs([request(a), calendar(b)]);
    await done.outputs[0]!.write((temporary) => fs.writeFileSync(temporary, `${OURS}a`));
    await done.outputs[1]!.write((temporary) => fs.writeFileSync(temporary, `${OURS}b`));
    expect(entries().filter((name) => !name.startsWith("."))).toEqual([]);
    done.putInPlace();
    expect(entries()).toEqual(["a.txt", "b.ics"]);
    expect(fs.readFileSync(b, "utf8")).toBe(`${OURS}b`);
  });
});
