/**
 * The folders are the architecture: no module of src/ reaches itself through
 * its imports (type-only imports too), and the documents layer, below both
 * faces, imports neither the command line nor the task pane.
 */
import fs from "fs";
import path from "path";
import ts from "typescript";

const SRC = path.resolve(__dirname, "../src");

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [path.join(dir, entry.name)] : []));
}

/** The src/ files `file` imports (static, dynamic, type-only, re-exports), as paths relative to src/. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((name) => name.startsWith("."))
    .map((name) => {
      const base = path.resolve(path.dirname(file), name);
      const found = [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((candidate) => fs.existsSync(candidate));
      if (found === undefined) throw new Error(`${path.relative(SRC, file)} imports ${name}, which is not a file in src/`);
      return path.relative(SRC, found);
    });
}

const graph = new Map(sourceFiles(SRC).map((file) => [path.relative(SRC, file), importsOf(file)]));

/** Every cycle, as the files around it: Tarjan's strongly connected components of more than one file, or a file importing itself. */
function cycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file) ?? 0);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === file) break;
    }
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) found.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe("imports in src/", () => {
  it("form no cycle", () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(cycles()).toEqual([]);
  });

  it("keep the documents layer below both faces: nothing in src/documents imports src/cli or src/taskpane", () => {
    const upward = [...graph]
      .filter(([file]) => file.startsWith(`documents${path.sep}`))
      .flatMap(([file, imports]) => imports.filter((target) => /^(cli|taskpane)[/\\]/.test(target)).map((target) => `${file} → ${target}`));
    expect(graph.has(path.join("documents", "index.ts"))).toBe(true);
    expect(upward).toEqual([]);
  });
});
