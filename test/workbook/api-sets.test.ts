/**
 * Every Excel JavaScript API member the add-in touches, with the ExcelApi
 * requirement set @types/office-js gives it (`[Api set: ExcelApi 1.N]`),
 * found by the TypeScript checker over src/. The manifest must require the
 * highest set among members used unconditionally, and no lower: Excel 2021
 * stops at 1.14, so every member newer than the manifest's set must be
 * guarded.
 *
 * What counts as guarded (kept simple on purpose):
 * - the member sits inside a function whose JSDoc says `@requires ExcelApi 1.N`
 *   (N at least the member's set), and every call of that function sits in
 *   the true branch of an `if`, `?:` or `&&` whose condition calls
 *   `excelApiSupported("1.M")` or `isSetSupported("ExcelApi", "1.M")` with
 *   M at least N (the version may be a string constant); or
 * - the member itself sits in such a branch.
 */
import fs from "fs";
import os from "os";
import path from "path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");

interface MemberUse {
  member: string;
  version: string;
  where: string;
  guarded: boolean;
}

interface Scan {
  uses: MemberUse[];
  /** Calls of `@requires` functions outside a guard that covers them. */
  unguardedCalls: string[];
}

const minor = (version: string) => Number(version.split(".")[1] ?? 0);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [file] : [];
  });
}

function scan(files: readonly string[]): Scan {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    noEmit: true,
    types: ["office-js", "custom-functions-runtime"],
    typeRoots: [path.join(ROOT, "node_modules/@types")],
  });
  const checker = program.getTypeChecker();
  const uses: MemberUse[] = [];
  const unguardedCalls: string[] = [];

  const where = (node: ts.Node) => {
    const file = node.getSourceFile();
    return `${path.relative(ROOT, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  };

  /** The ExcelApi set of an @types/office-js declaration: the highest version its `[Api set: …]` note names. */
  function apiSet(declaration: ts.Declaration): string | undefined {
    if (!/[\\/]@types[\\/]office-js[\\/]/.test(declaration.getSourceFile().fileName)) return undefined;
    const comment = declaration.getFullText().slice(0, declaration.getLeadingTriviaWidth());
    const note = /\[Api set: ExcelApi ([^\]]*)\]/.exec(comment);
    if (!note) return undefined;
    const versions = [...note[1].matchAll(/\b1\.(\d+)\b/g)].map((m) => Number(m[1]));
    return `1.${Math.max(...versions)}`;
  }

  function requiredBy(fn: ts.Node): string | undefined {
    for (const tag of ts.getJSDocTags(fn)) {
      if (tag.tagName.text !== "requires") continue;
      const text = typeof tag.comment === "string" ? tag.comment : (ts.getTextOfJSDocComment(tag.comment) ?? "");
      const match = /ExcelApi (1\.\d+)/.exec(text);
      if (match) return match[1];
    }
    return undefined;
  }

  /** The version a condition checks, if it is a guard (or a conjunction holding one). */
  function guardVersion(expression: ts.Expression): string | undefined {
    if (ts.isParenthesizedExpression(expression)) return guardVersion(expression.expression);
    if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
      const versions = [guardVersion(expression.left), guardVersion(expression.right)].filter((v): v is string => v !== undefined);
      return versions.sort((a, b) => minor(b) - minor(a))[0];
    }
    if (!ts.isCallExpression(expression)) return undefined;
    const callee = expression.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
    const literal = (arg: ts.Expression | undefined) => {
      if (!arg) return undefined;
      const type = checker.getTypeAtLocation(arg);
      return type.isStringLiteral() ? type.value : ts.isStringLiteral(arg) ? arg.text : undefined;
    };
    if (name === "excelApiSupported") return literal(expression.arguments[0]);
    if (name === "isSetSupported" && literal(expression.arguments[0]) === "ExcelApi") return literal(expression.arguments[1]);
    return undefined;
  }

  /** The highest ExcelApi set a node may use: from enclosing guards and `@requires` functions. */
  function allowed(node: ts.Node): string | undefined {
    let best: string | undefined;
    const consider = (version: string | undefined) => {
      if (version && (!best || minor(version) > minor(best))) best = version;
    };
    for (let child: ts.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (ts.isIfStatement(parent) && parent.thenStatement === child) consider(guardVersion(parent.expression));
      if (ts.isConditionalExpression(parent) && parent.whenTrue === child) consider(guardVersion(parent.condition));
      if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.right === child)
        consider(guardVersion(parent.left));
      if (ts.isFunctionLike(parent))
        consider(
          requiredBy(parent.kind === ts.SyntaxKind.ArrowFunction || parent.kind === ts.SyntaxKind.FunctionExpression ? parent.parent : parent) ??
            requiredBy(parent),
        );
    }
    return best;
  }

  /** Where a guard (not a `@requires` function) allows a node: what a call of a `@requires` function needs. */
  function guardedAt(node: ts.Node): string | undefined {
    let best: string | undefined;
    for (let child: ts.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
      let version: string | undefined;
      if (ts.isIfStatement(parent) && parent.thenStatement === child) version = guardVersion(parent.expression);
      if (ts.isConditionalExpression(parent) && parent.whenTrue === child) version = guardVersion(parent.condition);
      if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.right === child)
        version = guardVersion(parent.left);
      if (ts.isFunctionLike(parent)) version = requiredBy(parent);
      if (version && (!best || minor(version) > minor(best))) best = version;
    }
    return best;
  }

  for (const file of program.getSourceFiles()) {
    if (!files.includes(path.resolve(file.fileName)) && !files.includes(file.fileName)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        const versions = (symbol?.declarations ?? []).map(apiSet).filter((v): v is string => v !== undefined);
        if (versions.length > 0) {
          const version = versions.sort((a, b) => minor(b) - minor(a))[0];
          const owner = symbol?.declarations?.[0].parent;
          const ownerName = owner && (ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner)) && owner.name ? owner.name.text : "?";
          const limit = allowed(node);
          uses.push({ member: `${ownerName}.${node.name.text}`, version, where: where(node), guarded: limit !== undefined && minor(limit) >= minor(version) });
        }
      }
      if (ts.isCallExpression(node)) {
        const declaration = checker.getResolvedSignature(node)?.getDeclaration();
        const needs = declaration && !/node_modules/.test(declaration.getSourceFile().fileName) ? requiredBy(declaration) : undefined;
        if (needs) {
          const at = guardedAt(node);
          if (!at || minor(at) < minor(needs)) unguardedCalls.push(`${node.expression.getText()} (needs ExcelApi ${needs}) at ${where(node)}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { uses, unguardedCalls };
}

function manifestExcelApi(): string | undefined {
  const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  return /<Set Name="ExcelApi" MinVersion="(1\.\d+)"\/>/.exec(manifest)?.[1];
}

describe("ExcelApi requirement sets", () => {
  const { uses, unguardedCalls } = scan(sourceFiles(path.join(ROOT, "src")).map((f) => path.resolve(f)));
  const required = manifestExcelApi();
  const listing = (list: MemberUse[]) => [...new Set(list.map((u) => `${u.member} ExcelApi ${u.version}`))].sort();

  it("sees the Excel members the add-in uses, guarded ones included", () => {
    expect(listing(uses)).toEqual(
      expect.arrayContaining([
        "Range.getCellProperties ExcelApi 1.9",
        "RangeFill.pattern ExcelApi 1.9",
        "Worksheet.notes ExcelApi 1.18",
        "NoteCollection.add ExcelApi 1.18",
      ]),
    );
    expect(uses.filter((u) => u.member === "Worksheet.notes").every((u) => u.guarded && u.where.startsWith("src/workbook/excel/notes.ts"))).toBe(true);
  });

  it("the manifest requires the lowest ExcelApi set that covers everything used unconditionally", () => {
    const unconditional = uses.filter((u) => !u.guarded);
    const highest = unconditional.reduce((max, u) => (minor(u.version) > minor(max) ? u.version : max), "1.1");
    expect({ required, highest, needing: listing(unconditional.filter((u) => u.version === highest)) }).toEqual({
      required: highest,
      highest,
      needing: expect.any(Array),
    });
  });

  it("uses nothing newer than the manifest requires without a guard and a fallback", () => {
    const newer = uses.filter((u) => !u.guarded && minor(u.version) > minor(required ?? "1.1"));
    expect(newer.map((u) => `${u.member} (ExcelApi ${u.version}) at ${u.where}`)).toEqual([]);
    expect(unguardedCalls).toEqual([]);
  });

  it("would catch a newer member used without a guard, and a guarded function called without one", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "api-sets-"));
    const file = path.join(dir, "fixture.ts");
    fs.writeFileSync(
      file,
      [
        "declare function excelApiSupported(version: string): boolean;",
        "/** @requires ExcelApi 1.18 */",
        "function addNote(sheet: Excel.Worksheet) { sheet.notes.add('A1', 'x'); }",
        "export function unguarded(sheet: Excel.Worksheet) { sheet.notes.getCount(); addNote(sheet); }",
        "export function guarded(sheet: Excel.Worksheet) { if (excelApiSupported('1.18')) { sheet.notes.getCount(); addNote(sheet); } }",
        "export function tooLow(sheet: Excel.Worksheet) { return excelApiSupported('1.9') ? addNote(sheet) : undefined; }",
      ].join("\n"),
    );
    const result = scan([file]);
    fs.rmSync(dir, { recursive: true });
    expect(result.uses.map((u) => `${u.member}:${u.guarded}`)).toEqual([
      "NoteCollection.add:true",
      "Worksheet.notes:true", // inside the @requires function
      "NoteCollection.getCount:false",
      "Worksheet.notes:false", // unguarded
      "NoteCollection.getCount:true",
      "Worksheet.notes:true", // behind excelApiSupported('1.18')
    ]);
    expect(result.unguardedCalls.map((c) => c.replace(/ at .*/, ""))).toEqual(["addNote (needs ExcelApi 1.18)", "addNote (needs ExcelApi 1.18)"]);
  });
});

describe("Excel.run", () => {
  it("is called only inside src/workbook/excel/", () => {
    const callers = sourceFiles(path.join(ROOT, "src"))
      .filter((file) => /\bExcel\.run\b/.test(fs.readFileSync(file, "utf8")))
      .map((file) => path.relative(ROOT, file).split(path.sep).join("/"));
    expect(callers.length).toBeGreaterThan(0);
    expect(callers.filter((file) => !file.startsWith("src/workbook/excel/"))).toEqual([]);
  });
});
