/**
 * `npm run bench`: the performance targets of PRODUCT.md, each measured beside
 * its baseline in the same run. Figures, not assertions: tests never time.
 */
import fs from "fs";
import path from "path";
import zlib from "zlib";
import { loadFunctionsBundle, serial } from "../test/helpers/bundle";
import { sessionPrices } from "../test/helpers/prices";

const DIST = path.resolve(__dirname, "../dist");

function time(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function best(runs: number, run: () => void): number {
  return Math.min(...Array.from({ length: runs }, () => time(run)));
}

function row(what: string, value: string, baseline: string, verdict: string): void {
  console.log(`${what.padEnd(58)} ${value.padStart(12)}   ${baseline.padEnd(40)} ${verdict}`);
}

function unitsCreditedBench(): void {
  const { registered } = loadFunctionsBundle({ isolated: false });
  const unitsCredited = registered.UNITS_CREDITED;
  // 6,000 price rows (1999..2022 sessions), with a header, as Excel hands a range.
  const rows = sessionPrices("1999-01-01", "2022-12-31", (i) => 2 + (i % 400) / 100).slice(0, 6000);
  const table = [["Date", "Close"], ...rows.map(([d, c]) => [serial(d), c])];
  // Excel marshals a fresh matrix for every call: cycle through distinct copies so no call sees the same array object.
  const copies = Array.from({ length: 50 }, () => table.map((r) => [...r]));
  // Pay dates in the quarters the table covers completely (the last one is cut off at row 6,000).
  const lastFullQuarterEnd = "2022-09-30";
  const payDates = rows.filter(([d], i) => i % 97 === 0 && d <= lastFullQuarterEnd).map(([d]) => serial(d));
  const CALLS = 10_000;

  let sink = 0;
  const floor = best(5, () => {
    for (let call = 0; call < CALLS; call++) {
      const matrix = copies[call % copies.length];
      for (let i = 0; i < matrix.length; i++) {
        const cells = matrix[i];
        if (typeof cells[0] === "number" && typeof cells[1] === "number") sink += cells[1];
      }
    }
  });
  unitsCredited(10000, copies[0], payDates[0], null); // first parse, as on the first recalculation
  const engine = best(5, () => {
    for (let call = 0; call < CALLS; call++) {
      sink += unitsCredited(10000, copies[call % copies.length], payDates[call % payDates.length], null) as number;
    }
  });
  if (!Number.isFinite(sink)) throw new Error("bench result is not finite");
  const ratio = engine / floor;
  row("UNITS_CREDITED ×10,000 over a 6,000-row table", `${engine.toFixed(1)} ms`, `plain read loop ${floor.toFixed(1)} ms`, `${ratio.toFixed(2)}× (target ≤ 3×)`);
}

function bundleSize(): void {
  const code = fs.readFileSync(path.join(DIST, "functions.js"));
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const ui = fs.readdirSync(DIST).filter((f) => f.endsWith(".js") && f !== "functions.js").reduce((sum, f) => sum + fs.statSync(path.join(DIST, f)).size, 0);
  row("dist/functions.js, minified (loaded before the first formula)", kb(code.length), `gzip ${kb(zlib.gzipSync(code).length)}; UI chunks ${kb(ui)}`, `target ≤ 150 kB`);
}

console.log(`${"What".padEnd(58)} ${"Measured".padStart(12)}   ${"Baseline (same run)".padEnd(40)} Target`);
unitsCreditedBench();
bundleSize();
