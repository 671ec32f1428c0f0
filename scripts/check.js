#!/usr/bin/env node
/**
 * The typecheck and the lint over one TypeScript program: `tsc --noEmit` and the type-aware ESLint rules
 * otherwise each build and check the same program (tsconfig.json) for themselves, which costs the suite
 * half a minute of CPU. The typecheck reports as tsc does, the lint as `eslint .` does, then
 * `prettier --check .` runs. `npm run typecheck` and `npm run lint` still run each one alone.
 */
const path = require("path");
const { spawnSync } = require("child_process");
const ts = require("typescript");
const { ESLint } = require("eslint");

const ROOT = path.resolve(__dirname, "..");

function program() {
  const file = path.join(ROOT, "tsconfig.json");
  const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, ROOT, { noEmit: true }, file);
  // An option tsc does not know (TS5023) fails tsc; the program keeps the errors so the typecheck reports them too.
  return ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    projectReferences: parsed.projectReferences,
    configFileParsingDiagnostics: parsed.errors,
  });
}

/** tsc --noEmit's diagnostics, printed as tsc prints them; the count of errors. */
function typecheck(built) {
  const diagnostics = ts.getPreEmitDiagnostics(built);
  if (diagnostics.length === 0) return 0;
  const host = { getCanonicalFileName: (name) => name, getCurrentDirectory: () => ROOT, getNewLine: () => "\n" };
  // Colours only on a terminal, as tsc does: a CI log gets plain text.
  process.stdout.write(process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext(diagnostics, host) : ts.formatDiagnostics(diagnostics, host));
  return diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length;
}

/** eslint . with the type-aware rules answered from the program built above; the count of errors. */
async function lint(built) {
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: { files: ["**/*.{ts,tsx}"], languageOptions: { parserOptions: { projectService: false, programs: [built] } } },
  });
  const results = await eslint.lintFiles(["."]);
  const formatter = await eslint.loadFormatter("stylish");
  const text = await formatter.format(results);
  if (text) process.stdout.write(text);
  return results.reduce((sum, result) => sum + result.errorCount, 0);
}

async function main() {
  const built = program();
  const typeErrors = typecheck(built);
  const errors = (count) => (count === 0 ? "passed" : `found ${count} ${count === 1 ? "error" : "errors"}`);
  console.log(`check: typecheck ${errors(typeErrors)}`);
  const lintErrors = await lint(built);
  console.log(`check: eslint ${errors(lintErrors)}`);
  const prettier = spawnSync(process.execPath, [require.resolve("prettier/bin/prettier.cjs"), "--check", "."], { cwd: ROOT, stdio: "inherit" });
  process.exit(typeErrors > 0 || lintErrors > 0 || prettier.status !== 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(`check: ${error.message}`);
  process.exit(2);
});
