/**
 * The engine takes typed values only: Excel's conventions (blank cells, serial
 * dates, ranges) live in src/cells/, which the functions and the sheet readers
 * share and which sits on the engine, never the other way round.
 */
import fs from "fs";
import path from "path";

const SRC = path.resolve(__dirname, "../../src");

function importsOf(folder: string): Array<{ file: string; from: string }> {
  return fs
    .readdirSync(path.join(SRC, folder))
    .filter((file) => file.endsWith(".ts"))
    .flatMap((file) => {
      const text = fs.readFileSync(path.join(SRC, folder, file), "utf8");
      return [...text.matchAll(/^import[^;]*?from "([^"]+)";/gms)].map((match) => ({ file: `${folder}/${file}`, from: match[1] }));
    });
}

describe("layers", () => {
  it("the engine imports only itself and decimal.js", () => {
    expect(importsOf("engine").length).toBeGreaterThan(30);
    expect(importsOf("engine").filter(({ from }) => !from.startsWith("./") && from !== "decimal.js")).toEqual([]);
  });

  it("src/cells/ imports only itself and the engine", () => {
    expect(importsOf("cells").filter(({ from }) => !from.startsWith("./") && !from.startsWith("../engine/"))).toEqual([]);
  });

  it("the custom functions and the sheet readers read Excel values through src/cells/", () => {
    const users = [...importsOf("functions"), ...importsOf("sheets")].filter(({ from }) => from.startsWith("../cells/"));
    expect(new Set(users.map(({ file }) => file.split("/")[0]))).toEqual(new Set(["functions", "sheets"]));
  });
});
