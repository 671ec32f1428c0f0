/**
 * The built add-in runs on the oldest Excel the manifest admits: Excel 2021
 * for Mac runs add-ins in the Safari engine of its macOS (Safari 14 on Big
 * Sur), so every script Excel loads must parse as ES2019 and call no API that
 * engine lacks (webpack.config.js, ADDIN_ECMA). Safari 14 has none of these:
 * `Array.prototype.at`, `Object.hasOwn`, `structuredClone`, `findLast` (all
 * Safari 15.4), class static blocks and private methods (15 and later).
 */
import { parse } from "acorn";
import fs from "fs";
import path from "path";
import { DIST } from "./helpers/bundle";

const scripts = () => fs.readdirSync(DIST).filter((file) => file.endsWith(".js"));

const LATER_APIS: Array<[string, RegExp]> = [
  ["Array/String .at()", /\.at\((?:-?\d|\w+\s*-)/],
  ["Object.hasOwn", /Object\.hasOwn\(/],
  ["structuredClone", /\bstructuredClone\(/],
  // Array's findLast takes a function; Fluent UI's focus manager has a findLast({ … }) of its own.
  ["findLast", /\.findLast(?:Index)?\((?:\(|\w+\s*=>|function)/],
  ["Array.prototype.toSorted and kin", /\.(?:toSorted|toReversed|toSpliced)\(/],
  // A regex literal with a later flag parses as ES2019 once esbuild has lowered it to a RegExp call: caught here instead.
  ["RegExp flags d and v", /new RegExp\((?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'),\s*["'][a-z]*[dv][a-z]*["']\)/],
];

describe("the built add-in (dist/*.js)", () => {
  it("has the functions, task pane and lazy chunks to check", () => {
    expect(scripts()).toEqual(expect.arrayContaining(["functions.js", "taskpane.js"]));
    expect(scripts().length).toBeGreaterThan(2);
  });

  it.each(scripts())("%s parses as ES2019", (file) => {
    const code = fs.readFileSync(path.join(DIST, file), "utf8");
    expect(() => parse(code, { ecmaVersion: 2019, sourceType: "script" })).not.toThrow();
  });

  it.each(scripts())("%s calls no API newer than Safari 14", (file) => {
    const code = fs.readFileSync(path.join(DIST, file), "utf8");
    expect(LATER_APIS.filter(([, pattern]) => pattern.test(code)).map(([name]) => name)).toEqual([]);
  });

  it("would catch ES2020 syntax and a later API", () => {
    expect(() => parse("a?.b ?? c", { ecmaVersion: 2019 })).toThrow();
    expect(LATER_APIS.some(([, pattern]) => pattern.test("rows.at(-1)"))).toBe(true);
    expect(LATER_APIS.some(([, pattern]) => pattern.test('new RegExp("(?<y>\\d{4})", "d")'))).toBe(true);
    expect(LATER_APIS.some(([, pattern]) => pattern.test('new RegExp("\\d+", "g")'))).toBe(false);
  });
});
