import fs from "fs";
import os from "os";
import path from "path";
import { staleBuild } from "./helpers/build";

describe("tests that run the build refuse a stale one", () => {
  let root: string;
  const at = (file: string, seconds: number) => {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, "x");
    fs.utimesSync(full, seconds, seconds);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "dcp-build-"));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("accepts a build newer than every source", () => {
    at("src/engine/units.ts", 1_000);
    at("dist/functions.js", 2_000);
    expect(staleBuild("dist/functions.js", ["src"], root)).toBeUndefined();
  });

  it("names the source changed after the build, in one line", () => {
    at("src/engine/units.ts", 1_000);
    at("src/functions/deep/args.ts", 3_000);
    at("dist/functions.js", 2_000);
    const reason = staleBuild("dist/functions.js", ["src"], root);
    expect(reason).toBe("dist/functions.js is older than src/functions/deep/args.ts: run `npm run build` (or `npm test`, which builds first).");
  });

  it("says a missing build is missing", () => {
    at("src/engine/units.ts", 1_000);
    expect(staleBuild("dist/cli/dcp.js", ["src"], root)).toMatch(/^dist\/cli\/dcp\.js is missing: run `npm run build`/);
  });
});
