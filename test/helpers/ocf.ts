import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import crypto from "crypto";
import fs from "fs";
import path from "path";

/** The md5 Node computes, to check the export's own (src/formats/md5.ts) against. */
export const nodeMd5 = (bytes: Uint8Array): string => crypto.createHash("md5").update(bytes).digest("hex");

/** The files of an exported package, in name order. */
export const PACKAGE_FILE_NAMES = ["Manifest.ocf.json", "Stakeholders.ocf.json", "StockClasses.ocf.json", "StockPlans.ocf.json", "Transactions.ocf.json"];

/** The schemas of schemas/ocf by file type, and by object for the object schemas. */
export type OcfSchema =
  | "ManifestFile"
  | "StockPlansFile"
  | "StockClassesFile"
  | "StakeholdersFile"
  | "TransactionsFile"
  | "Issuer"
  | "StockClass"
  | "StockPlan"
  | "Stakeholder"
  | "EquityCompensationIssuance"
  | "StockClassSplit"
  | "StockPlanPoolAdjustment";

let ajv: Ajv | undefined;

/** A validator for one OCF schema, with every schema of schemas/ocf loaded. */
export function ocfValidator(schema: OcfSchema): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const dir = path.resolve(__dirname, "../../schemas/ocf");
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".schema.json"))) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")));
  }
  const validate = ajv.getSchema(`dcp://ocf/${schema}`);
  if (!validate) throw new Error(`no schema dcp://ocf/${schema} in schemas/ocf`);
  return validate;
}

/** The schema of each OCF file type. */
export const FILE_SCHEMAS: Record<string, OcfSchema> = {
  OCF_MANIFEST_FILE: "ManifestFile",
  OCF_STOCK_PLANS_FILE: "StockPlansFile",
  OCF_STOCK_CLASSES_FILE: "StockClassesFile",
  OCF_STAKEHOLDERS_FILE: "StakeholdersFile",
  OCF_TRANSACTIONS_FILE: "TransactionsFile",
};

/** The schema of each object type the export writes. */
export const OBJECT_SCHEMAS: Record<string, OcfSchema> = {
  ISSUER: "Issuer",
  STOCK_CLASS: "StockClass",
  STOCK_PLAN: "StockPlan",
  STAKEHOLDER: "Stakeholder",
  TX_EQUITY_COMPENSATION_ISSUANCE: "EquityCompensationIssuance",
  TX_STOCK_CLASS_SPLIT: "StockClassSplit",
  TX_STOCK_PLAN_POOL_ADJUSTMENT: "StockPlanPoolAdjustment",
};

type Json = Record<string, unknown>;

/** The manifest lists, by the file type of the files they name. */
const LIST_OF: Record<string, string> = {
  OCF_STOCK_PLANS_FILE: "stock_plans_files",
  OCF_STOCK_CLASSES_FILE: "stock_classes_files",
  OCF_STAKEHOLDERS_FILE: "stakeholders_files",
  OCF_TRANSACTIONS_FILE: "transactions_files",
};

/**
 * Everything wrong with a package read back from its bytes: schema errors of
 * each file and object, files the manifest lists with the wrong md5 or type,
 * files not listed, and ids referred to but defined nowhere. Empty when sound.
 */
export function packageProblems(files: ReadonlyMap<string, Buffer>, md5: (bytes: Buffer) => string): string[] {
  const problems: string[] = [];
  const parse = (name: string): Json => JSON.parse(files.get(name)?.toString("utf8") ?? "null");
  const check = (schema: OcfSchema, value: unknown, where: string) => {
    const validate = ocfValidator(schema);
    if (!validate(value)) problems.push(`${where} fails ${schema}: ${JSON.stringify(validate.errors)}`);
  };
  const manifest = parse("Manifest.ocf.json");
  if (!manifest) return ["no Manifest.ocf.json"];
  check("ManifestFile", manifest, "Manifest.ocf.json");
  const objects: Json[] = [manifest.issuer as Json];
  const listed = new Set<string>(["Manifest.ocf.json"]);
  for (const [fileType, list] of Object.entries(LIST_OF)) {
    for (const entry of (manifest[list] as Array<{ filepath: string; md5: string }>) ?? []) {
      listed.add(entry.filepath);
      const bytes = files.get(entry.filepath);
      if (!bytes) {
        problems.push(`${list} names ${entry.filepath}, which is not in the package`);
        continue;
      }
      if (md5(bytes) !== entry.md5) problems.push(`${entry.filepath}: md5 ${md5(bytes)}, manifest says ${entry.md5}`);
      const content = parse(entry.filepath);
      if (content.file_type !== fileType) problems.push(`${entry.filepath} is ${String(content.file_type)}, listed under ${list}`);
      check(FILE_SCHEMAS[fileType], content, entry.filepath);
      objects.push(...(content.items as Json[]));
    }
  }
  for (const name of files.keys()) if (!listed.has(name)) problems.push(`${name} is in the package but not in the manifest`);
  for (const object of objects) check(OBJECT_SCHEMAS[String(object.object_type)], object, `${String(object.object_type)} ${String(object.id)}`);
  problems.push(...danglingIds(objects));
  return problems;
}

/** Each reference (`*_id` but `security_id`, `custom_id`, `issuer_assigned_id`, and `*_ids`) to an id no object has. */
export function danglingIds(objects: readonly Json[]): string[] {
  const ids = new Map<string, number>();
  for (const object of objects) ids.set(String(object.id), (ids.get(String(object.id)) ?? 0) + 1);
  const problems = [...ids].filter(([, count]) => count > 1).map(([id, count]) => `id ${id} is defined ${count} times`);
  const ownIds = new Set(["id", "security_id", "custom_id", "issuer_assigned_id"]);
  for (const object of objects) {
    for (const [field, value] of Object.entries(object)) {
      if (ownIds.has(field)) continue;
      const references = field.endsWith("_id") ? [value] : field.endsWith("_ids") ? (value as unknown[]) : [];
      for (const reference of references) {
        if (!ids.has(String(reference))) problems.push(`${String(object.id)}.${field} refers to ${String(reference)}, defined nowhere in the package`);
      }
    }
  }
  return problems;
}
