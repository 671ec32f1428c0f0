/**
 * The reserve ledger as an Open Cap Format (OCF) 1.2.0 package, the open
 * standard cap-table systems import: a manifest naming the issuer, and one
 * file per kind of object. The plan is a STOCK_PLAN whose pool is the §13.8
 * reserve, settled in the issuer's common STOCK_CLASS; unit credits are RSU
 * issuances (deferred stock units), option grants OPTION_NSO issuances, a
 * split a TX_STOCK_CLASS_SPLIT followed by the post-split pool size, and a
 * change to the reserve a TX_STOCK_PLAN_POOL_ADJUSTMENT.
 *
 * The engine builds objects only: checksums and bytes are the serializer's
 * (`formats/ocfPackage.ts`), which completes the manifest with `withFiles`.
 */
import { participantKey } from "../engine/accounts";
import { PLAN_EFFECTIVE_DATE } from "../engine/constants";
import { parseIsoDate, type IsoDate } from "../engine/dates";
import { type Decimal } from "../engine/decimal";
import { invalidValue } from "../engine/errors";
import { exercisePriceProblem } from "../engine/options";
import { implausiblePerShare } from "../engine/plausibility";
import type { LedgerLine, ReserveReconciliation } from "../engine/reserve";

export const OCF_VERSION = "1.2.0";

type OcfObject = Record<string, unknown>;

/** What OCF asks of the issuer, as an Issuer sheet or the command line gives it. */
export interface IssuerDetails {
  legalName?: string;
  formationDate?: IsoDate;
  /** ISO 3166-1 alpha-2, e.g. US. */
  country?: string;
  /** The ISO 3166-2 subdivision, e.g. DE or US-DE. */
  countrySubdivision?: string;
}

export type IssuerField = keyof IssuerDetails;

/** Each issuer field by the name the Issuer sheet gives it. */
export const ISSUER_FIELD_LABELS: Record<IssuerField, string> = {
  legalName: "Legal Name",
  formationDate: "Formation Date",
  country: "Country",
  countrySubdivision: "Country Subdivision",
};

/** The issuer fields OCF 1.2.0 requires (ISSUER: legal_name, formation_date, country_of_formation). */
const REQUIRED_ISSUER_FIELDS: readonly IssuerField[] = ["legalName", "formationDate", "country"];

export interface IssuerProblem {
  field: IssuerField;
  /** Missing, or given in a form OCF cannot hold. */
  kind: "missing" | "invalid";
  /** Completes "the issuer's …": e.g. `Country "USA" is not …`. */
  message: string;
}

const COUNTRY = /^[A-Z]{2}$/;
/** RFC 3339 date-time, as OCF's `generated_at` format demands. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const SUBDIVISION = /^[A-Z0-9]{1,3}$/;

/** The subdivision's own code: "US-DE" and "de" are both DE for a US issuer. */
function subdivisionCode(subdivision: string, country: string | undefined): string {
  const code = subdivision.trim().toUpperCase();
  const prefix = country === undefined ? undefined : `${country.trim().toUpperCase()}-`;
  return prefix !== undefined && code.startsWith(prefix) ? code.slice(prefix.length) : code;
}

/**
 * What keeps the issuer from being an OCF ISSUER: each required field
 * missing, each value OCF cannot hold, and, given the package's as_of, a
 * formation after it (the issuer cannot hold the plan before it exists).
 */
export function issuerProblems(details: IssuerDetails, asOf?: IsoDate): IssuerProblem[] {
  const problems: IssuerProblem[] = [];
  for (const field of REQUIRED_ISSUER_FIELDS) {
    const value = details[field];
    if (value === undefined || value.trim() === "") problems.push({ field, kind: "missing", message: `${ISSUER_FIELD_LABELS[field]} is missing` });
  }
  const formed = details.formationDate === undefined ? undefined : parseIsoDate(details.formationDate);
  if (details.formationDate !== undefined && details.formationDate.trim() !== "" && formed === undefined) {
    problems.push({ field: "formationDate", kind: "invalid", message: `Formation Date "${details.formationDate}" is not a YYYY-MM-DD date` });
  }
  if (formed !== undefined && asOf !== undefined && formed > asOf) {
    problems.push({
      field: "formationDate",
      kind: "invalid",
      message: `Formation Date ${formed} is after the package's as_of, ${asOf}: the issuer must be formed by then`,
    });
  }
  if (details.country !== undefined && details.country.trim() !== "" && !COUNTRY.test(details.country.trim().toUpperCase())) {
    problems.push({ field: "country", kind: "invalid", message: `Country "${details.country}" is not a two-letter ISO 3166-1 code such as US` });
  }
  const subdivision = details.countrySubdivision;
  if (subdivision !== undefined && subdivision.trim() !== "" && !SUBDIVISION.test(subdivisionCode(subdivision, details.country))) {
    problems.push({
      field: "countrySubdivision",
      kind: "invalid",
      message: `Country Subdivision "${subdivision}" is not an ISO 3166-2 code such as DE (or US-DE)`,
    });
  }
  return problems;
}

/** One sentence for every problem, naming the fields: "the issuer's Legal Name is missing; Country "USA" is not …". */
export function describeIssuerProblems(problems: readonly IssuerProblem[]): string {
  const missing = problems.filter((p) => p.kind === "missing").map((p) => ISSUER_FIELD_LABELS[p.field]);
  const others = problems.filter((p) => p.kind === "invalid").map((p) => p.message);
  const parts: string[] = [];
  if (missing.length) {
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing[missing.length - 1]}`;
    parts.push(`the issuer's ${list} ${missing.length === 1 ? "is" : "are"} missing (OCF ${OCF_VERSION} requires ${missing.length === 1 ? "it" : "them"})`);
  }
  if (others.length) parts.push(`the issuer's ${others.join("; ")}`);
  return parts.join("; ");
}

export interface OcfOptions {
  issuer: IssuerDetails;
  /** When the package was generated, ISO 8601 date-time: the caller's clock, so the engine stays pure. */
  generatedAt: string;
  /** The point in time the package represents; rows after it are left out. By default the ledger's last date. */
  asOf?: IsoDate;
  planName?: string;
  /** The plan's board approval date; by default the date the plan takes effect, July 18, 2002. */
  boardApprovalDate?: IsoDate;
  currency?: string;
}

/** The OCF file types the package holds, each with the manifest list that names its files. */
const OCF_FILE_KINDS = {
  OCF_STOCK_PLANS_FILE: { path: "StockPlans.ocf.json", list: "stock_plans_files" },
  OCF_STOCK_CLASSES_FILE: { path: "StockClasses.ocf.json", list: "stock_classes_files" },
  OCF_TRANSACTIONS_FILE: { path: "Transactions.ocf.json", list: "transactions_files" },
  OCF_STAKEHOLDERS_FILE: { path: "Stakeholders.ocf.json", list: "stakeholders_files" },
} as const;

export type OcfFileType = keyof typeof OCF_FILE_KINDS;

export interface OcfFile {
  /** The path within the package, as the manifest lists it. */
  path: string;
  content: { file_type: OcfFileType; items: OcfObject[] };
}

export const OCF_MANIFEST_PATH = "Manifest.ocf.json";

/** The manifest lists in the order OCF 1.2.0 defines them; those it requires are written even when empty. */
const MANIFEST_LISTS = [
  "stock_plans_files",
  "stock_legend_templates_files",
  "stock_classes_files",
  "vesting_terms_files",
  "valuations_files",
  "transactions_files",
  "stakeholders_files",
] as const;

export interface OcfManifest {
  ocf_version: typeof OCF_VERSION;
  file_type: "OCF_MANIFEST_FILE";
  issuer: OcfObject;
  as_of: IsoDate;
  generated_at: string;
  comments: string[];
}

export interface OcfPackage {
  /** The manifest before its file lists, which need each file's checksum: see `withFiles`. */
  manifest: OcfManifest;
  files: OcfFile[];
}

/** OCF Numeric: a decimal string with at most ten places. */
function numeric(value: Decimal): string {
  return value.toDecimalPlaces(10).toFixed();
}

/** Lower-case letters and digits joined by hyphens: an identifier that is the same on every run. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "x"
  );
}

const PLAN_ID = "hecla-kedcp-2002";
const STOCK_CLASS_ID = "COMMON";
const UNNAMED = "plan-participants";

/** The issuer as an OCF ISSUER; throws naming every field OCF needs and lacks. */
function ocfIssuer(details: IssuerDetails, asOf: IsoDate): OcfObject {
  const problems = issuerProblems(details, asOf);
  if (problems.length || details.legalName === undefined || details.formationDate === undefined || details.country === undefined) {
    throw invalidValue(`cannot write Open Cap Format: ${describeIssuerProblems(problems)}`);
  }
  const country = details.country.trim().toUpperCase();
  const subdivision = details.countrySubdivision?.trim() ? subdivisionCode(details.countrySubdivision, country) : undefined;
  return {
    object_type: "ISSUER",
    id: `issuer-${slug(details.legalName)}`,
    legal_name: details.legalName.trim(),
    formation_date: details.formationDate.trim(),
    country_of_formation: country,
    ...(subdivision === undefined ? {} : { country_subdivision_of_formation: subdivision }),
    comments: [],
  };
}

/** One STAKEHOLDER per participant (names match as participantKey matches them), with ids that stay distinct even when two names make the same slug. */
function stakeholderRegistry() {
  const byName = new Map<string, OcfObject & { id: string }>();
  const taken = new Set<string>();
  return {
    idFor(line: LedgerLine): string {
      const name = participantKey(line.participant ?? "");
      const known = byName.get(name);
      if (known) return known.id;
      const base = line.participant ? `participant-${slug(line.participant)}` : UNNAMED;
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
      byName.set(name, {
        object_type: "STAKEHOLDER",
        id,
        name: { legal_name: line.participant ?? "Plan participants (not named in the ledger)" },
        stakeholder_type: "INDIVIDUAL",
      });
      return id;
    },
    all: (): OcfObject[] => [...byName.values()],
  };
}

/** The transactions of one ledger row: an issuance, a split and the pool after it, or a pool adjustment. */
function rowTransactions(line: LedgerLine, index: number, stakeholderId: (line: LedgerLine) => string, currency: string): OcfObject[] {
  const id = `row-${line.rowNumber}-${index + 1}`;
  const comments = line.reference ? [line.reference] : [];
  if (line.kind === "units" || line.kind === "option") {
    const option = line.kind === "option";
    let exercise: OcfObject = {};
    if (option) {
      if (line.exercisePrice === undefined) {
        throw invalidValue(`row ${line.rowNumber}: an option grant needs its Exercise Price for the Open Cap Format export`);
      }
      const implausible = implausiblePerShare(line.exercisePrice);
      const problem = exercisePriceProblem(line.exercisePrice) ?? (implausible && `exercise price ${implausible}`);
      if (problem) throw invalidValue(`row ${line.rowNumber}: ${problem}, so the grant cannot be exported (§5.1)`);
      exercise = { exercise_price: { amount: numeric(line.exercisePrice), currency } };
    }
    return [
      {
        object_type: "TX_EQUITY_COMPENSATION_ISSUANCE",
        id: `tx-${id}`,
        date: line.date,
        security_id: `${option ? "option" : "dsu"}-${id}`,
        custom_id: `${option ? "OPT" : "DSU"}-${line.rowNumber}`,
        stakeholder_id: stakeholderId(line),
        stock_plan_id: PLAN_ID,
        stock_class_id: STOCK_CLASS_ID,
        compensation_type: option ? "OPTION_NSO" : "RSU",
        quantity: numeric(line.quantity),
        ...exercise,
        expiration_date: null,
        termination_exercise_windows: [],
        security_law_exemptions: [],
        comments: option
          ? [`Discounted stock option granted under Art. V of the plan; counted against the §13.8 reserve`, ...comments]
          : [
              `Deferred stock units credited under §8.1 of the plan (one unit is one share, settled in stock on distribution); counted against the §13.8 reserve`,
              ...comments,
            ],
      },
    ];
  }
  if (line.kind === "split") {
    const [numerator, denominator] = line.quantity.toFraction();
    return [
      {
        object_type: "TX_STOCK_CLASS_SPLIT",
        id: `tx-${id}`,
        date: line.date,
        stock_class_id: STOCK_CLASS_ID,
        split_ratio: { numerator: numeric(numerator), denominator: numeric(denominator) },
        comments,
      },
      {
        object_type: "TX_STOCK_PLAN_POOL_ADJUSTMENT",
        id: `tx-${id}-pool`,
        date: line.date,
        stock_plan_id: PLAN_ID,
        shares_reserved: numeric(line.reserve),
        comments: [`The §13.8 reserve after the split of ${line.quantity.toString()} new shares per old share`, ...comments],
      },
    ];
  }
  return [
    {
      object_type: "TX_STOCK_PLAN_POOL_ADJUSTMENT",
      id: `tx-${id}`,
      date: line.date,
      stock_plan_id: PLAN_ID,
      shares_reserved: numeric(line.reserve),
      comments: [`A change of ${line.quantity.toString()} shares to the authorised reserve`, ...comments],
    },
  ];
}

/**
 * Every object the reconciled reserve implies, as an OCF 1.2.0 package: the
 * issuer, the common stock class, the plan and its pool, the participants,
 * and each row's transactions up to `asOf`. Every id an object refers to is
 * defined in the package.
 */
export function toOcfPackage(reconciliation: ReserveReconciliation, options: OcfOptions): OcfPackage {
  if (!DATE_TIME.test(options.generatedAt))
    throw invalidValue(`generatedAt "${options.generatedAt}" is not an ISO 8601 date-time such as 2026-01-01T00:00:00Z`);
  const asOf = options.asOf ?? reconciliation.lines[reconciliation.lines.length - 1]?.date ?? PLAN_EFFECTIVE_DATE;
  const issuer = ocfIssuer(options.issuer, asOf);
  const currency = options.currency ?? "USD";
  const lines = options.asOf === undefined ? reconciliation.lines : reconciliation.lines.filter((line) => line.date <= (options.asOf as IsoDate));
  const stakeholders = stakeholderRegistry();
  const transactions: OcfObject[] = [];
  lines.forEach((line, i) => transactions.push(...rowTransactions(line, i, stakeholders.idFor, currency)));

  const stockClass: OcfObject = {
    object_type: "STOCK_CLASS",
    id: STOCK_CLASS_ID,
    name: "Common Stock",
    class_type: "COMMON",
    default_id_prefix: "CS-",
    // The ledger records the plan's reserve, not the charter: the authorised common shares are the issuer's own cap table's to state.
    initial_shares_authorized: "NOT APPLICABLE",
    votes_per_share: "1",
    seniority: "1",
    comments: [`The ${issuer.legal_name} common stock the plan's units and options settle in (§13.8); its authorised shares are not part of the plan's ledger`],
  };
  const stockPlan: OcfObject = {
    object_type: "STOCK_PLAN",
    id: PLAN_ID,
    plan_name: options.planName ?? "Hecla Mining Company Key Employee Deferred Compensation Plan",
    board_approval_date: options.boardApprovalDate ?? PLAN_EFFECTIVE_DATE,
    initial_shares_reserved: numeric(reconciliation.initialReserve),
    stock_class_ids: [STOCK_CLASS_ID],
    comments: ["Shares reserved under §13.8 of the plan, adjusted for splits"],
  };
  const file = (file_type: OcfFileType, items: OcfObject[]): OcfFile => ({ path: OCF_FILE_KINDS[file_type].path, content: { file_type, items } });
  return {
    manifest: {
      ocf_version: OCF_VERSION,
      file_type: "OCF_MANIFEST_FILE",
      issuer,
      as_of: asOf,
      generated_at: options.generatedAt,
      comments: [`The share reserve of the ${stockPlan.plan_name} (§13.8), as reconciled from its ledger`],
    },
    files: [
      file("OCF_STOCK_PLANS_FILE", [stockPlan]),
      file("OCF_STOCK_CLASSES_FILE", [stockClass]),
      file("OCF_TRANSACTIONS_FILE", transactions),
      file("OCF_STAKEHOLDERS_FILE", stakeholders.all()),
    ],
  };
}

/** A file as the manifest lists it: its path in the package and the MD5 of its exact bytes, lower-case hex. */
export interface OcfFileEntry {
  filepath: string;
  md5: string;
}

/**
 * The complete manifest: each file listed under its kind with the checksum of
 * its bytes, and the lists OCF requires written empty where the package has
 * no such file.
 */
export function withFiles(
  manifest: OcfManifest,
  files: ReadonlyArray<{ file: OcfFile; md5: string }>,
): OcfManifest & Record<(typeof MANIFEST_LISTS)[number], OcfFileEntry[]> {
  const lists = Object.fromEntries(MANIFEST_LISTS.map((list) => [list, [] as OcfFileEntry[]])) as Record<(typeof MANIFEST_LISTS)[number], OcfFileEntry[]>;
  for (const { file, md5 } of files) lists[OCF_FILE_KINDS[file.content.file_type].list].push({ filepath: file.path, md5 });
  return { ...manifest, ...lists };
}
