/**
 * Jest's TypeScript transform: esbuild strips the types and writes CommonJS, file by file. `npm test`'s pretest has
 * typechecked everything already (tsc, isolatedModules), so the tests need no second, slower typecheck from ts-jest.
 * Settings follow tsconfig.json: ES2020 with TypeScript's class-field semantics, and the React 17+ JSX runtime.
 * A dynamic import() becomes a require(), since jest runs the tests as CommonJS.
 */
const crypto = require("crypto");
const fs = require("fs");
const { transformSync, version } = require("esbuild");

const OPTIONS = {
  format: "cjs",
  target: "es2020",
  supported: { "dynamic-import": false },
  jsx: "automatic",
  sourcemap: "external",
  sourcesContent: false,
  tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
  banner: `const { ${["Math", "JSON", "String", "Number", "Object", "Array", "Map", "Set", "WeakMap", "Symbol", "Boolean", "RegExp", "Error", "TypeError", "RangeError", "parseInt", "parseFloat", "isNaN", "isFinite", "Uint8Array", "Uint32Array", "Int32Array", "Float64Array", "ArrayBuffer", "DataView", "BigInt", "Reflect"].join(", ")} } = globalThis;`,
};

/** Changes to this file or to esbuild invalidate jest's cache of transformed files. */
const SELF = crypto.createHash("sha256").update(fs.readFileSync(__filename)).update(version).digest("hex");

module.exports = {
  process(source, file) {
    const { code, map } = transformSync(source, { ...OPTIONS, loader: file.endsWith(".tsx") ? "tsx" : "ts", sourcefile: file });
    return { code, map };
  },
  getCacheKey(source, file) {
    return crypto.createHash("sha256").update(SELF).update("\0").update(file).update("\0").update(source).digest("hex");
  },
};
