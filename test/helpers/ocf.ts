import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import fs from "fs";
import path from "path";

/** A validator for the export file, with every OCF schema of schemas/ocf loaded. */
export function ocfExportValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const dir = path.resolve(__dirname, "../../schemas/ocf");
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".schema.json"))) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")));
  return ajv.getSchema("dcp://ocf/Export")!;
}
