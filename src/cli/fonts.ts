/** The documents' fonts as the command line reads them: from the fonts folder the build puts beside dcp.js (webpack.config.js). */
import fs from "fs";
import path from "path";
import type { FontLoader } from "../documents/fonts";

export const fontsBesideTheCommand: FontLoader = (file) => fs.promises.readFile(path.join(__dirname, "fonts", file));
