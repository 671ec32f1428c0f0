/** `npm run examples` writes the same bytes every time: the committed examples change only when their content does. */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { ROOT } from "../helpers/cli";

const EXAMPLES = ["credits.xlsx", "elections.xlsx", "payouts.xlsx", "records.xlsx", "reserve.xlsx"];

function makeExamples(folder: string): void {
  const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "scripts/make-examples.ts"), folder], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
}

describe("npm run examples", () => {
  it("writes byte-identical workbooks on two runs, identical to the committed ones", async () => {
    const [first, second] = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), "dcp-examples-")));
    makeExamples(first);
    // Zip entries keep time in two-second steps: after 2.1 s, a timestamp anywhere in the files would differ.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    makeExamples(second);
    expect(fs.readdirSync(first).sort()).toEqual(EXAMPLES);
    for (const file of EXAMPLES) {
      const bytes = fs.readFileSync(path.join(first, file));
      expect(fs.readFileSync(path.join(second, file)).equals(bytes)).toBe(true);
      expect(fs.readFileSync(path.join(ROOT, "examples", file)).equals(bytes)).toBe(true);
    }
    for (const folder of [first, second]) fs.rmSync(folder, { recursive: true, force: true });
  });
});
