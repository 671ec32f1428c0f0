/** The documents' fonts read from the npm packages they come from, as the build copies them. */
import fs from "fs";
import path from "path";
import { FONT_FAMILIES, type FontLoader } from "../../src/documents/fonts";

export const packageFonts: FontLoader = async (file) => {
  const family = FONT_FAMILIES.find((f) => f.regular === file || f.bold === file);
  if (family === undefined) throw new Error(`${file} is not a font of the documents`);
  return fs.promises.readFile(path.resolve(__dirname, "../../node_modules", family.package, "fonts", file));
};
