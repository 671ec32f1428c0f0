/**
 * The Issuer sheet: column A names a field (Legal Name, Formation Date,
 * Country, Country Subdivision), column B holds its value. Any other row (a
 * header, a note) is passed over. The Open Cap Format export needs the issuer.
 */
import { serialToIsoDate } from "../cells/serials";
import { describe, isBlank } from "../cells/values";
import { parseIsoDate, type IsoDate } from "../engine/dates";
import { describeIssuerProblems, ISSUER_FIELD_LABELS, issuerProblems, type IssuerDetails, type IssuerField } from "../formats/ocf";
import { cellAddress, type SheetGrid } from "./grid";

export const ISSUER_SHEET = "Issuer";

/** Labels column A may use for each field, compared without case, spaces or punctuation. */
const LABELS: Record<IssuerField, readonly string[]> = {
  legalName: [ISSUER_FIELD_LABELS.legalName, "Name", "Company", "Issuer"],
  formationDate: [ISSUER_FIELD_LABELS.formationDate, "Formed", "Date of Formation", "Incorporation Date", "Date of Incorporation"],
  country: [ISSUER_FIELD_LABELS.country, "Country of Formation"],
  countrySubdivision: [
    ISSUER_FIELD_LABELS.countrySubdivision,
    "Country Subdivision of Formation",
    "Subdivision",
    "State",
    "State of Formation",
    "State of Incorporation",
  ],
};

const key = (text: string) =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

const FIELD_OF = new Map<string, IssuerField>(
  (Object.entries(LABELS) as Array<[IssuerField, readonly string[]]>).flatMap(([field, labels]) =>
    labels.map((label) => [key(label), field] as [string, IssuerField]),
  ),
);

export interface IssuerCellProblem {
  field: IssuerField;
  /** Names the sheet, the cell and what it expected. */
  message: string;
}

export interface IssuerRead {
  details: IssuerDetails;
  problems: IssuerCellProblem[];
}

/**
 * A formation date: a date cell, or YYYY-MM-DD text (Excel cannot hold a date
 * before 1900 as a date, and companies are often older than that).
 */
function formationDate(cell: unknown): IsoDate | undefined {
  if (typeof cell === "number") return serialToIsoDate(cell);
  if (typeof cell === "string") return parseIsoDate(cell);
  if (cell instanceof Date && !Number.isNaN(cell.getTime())) return cell.toISOString().slice(0, 10);
  return undefined;
}

export function readIssuerSheet(grid: SheetGrid): IssuerRead {
  const details: IssuerDetails = {};
  const problems: IssuerCellProblem[] = [];
  const seenOn = new Map<IssuerField, string>();
  grid.values.forEach((cells, r) => {
    const label = cells[0];
    const field = typeof label === "string" ? FIELD_OF.get(key(label)) : undefined;
    if (field === undefined) return;
    const where = `${grid.sheet}!${cellAddress(grid, r, 1)}`;
    const earlier = seenOn.get(field);
    if (earlier !== undefined) {
      problems.push({ field, message: `${ISSUER_FIELD_LABELS[field]} is given twice, in ${earlier} and ${where}; keep one` });
      return;
    }
    seenOn.set(field, where);
    const cell = cells[1];
    if (isBlank(cell)) return;
    if (field === "formationDate") {
      const date = formationDate(cell);
      if (date === undefined)
        problems.push({ field, message: `${where} holds ${describe(cell)}; Formation Date expects a date (a date cell or YYYY-MM-DD text)` });
      else details.formationDate = date;
    } else if (typeof cell === "string") {
      details[field] = cell.trim();
    } else {
      problems.push({ field, message: `${where} holds ${describe(cell)}; ${ISSUER_FIELD_LABELS[field]} expects text` });
    }
  });
  return { details, problems };
}

export interface IssuerResult {
  details: IssuerDetails;
  /** Set when the issuer cannot go into an OCF package: every field missing or unreadable, named. */
  problem?: string;
  /** The fields the problem is about. */
  problemFields: IssuerField[];
}

/**
 * The issuer from the sheet (when there is one) with `overrides` taking the
 * place of any field they give: command-line flags beat the sheet.
 */
export function resolveIssuer(read: IssuerRead | undefined, overrides: IssuerDetails): IssuerResult {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)) as IssuerDetails;
  const details: IssuerDetails = { ...read?.details, ...given };
  const cellProblems = (read?.problems ?? []).filter((p) => given[p.field] === undefined);
  const unreadable = new Set(cellProblems.map((p) => p.field));
  const fieldProblems = issuerProblems(details).filter((p) => !unreadable.has(p.field));
  const parts = [...(fieldProblems.length ? [describeIssuerProblems(fieldProblems)] : []), ...cellProblems.map((p) => p.message)];
  const problemFields = [...new Set([...fieldProblems, ...cellProblems].map((p) => p.field))];
  return parts.length ? { details, problem: parts.join("; "), problemFields } : { details, problemFields };
}
