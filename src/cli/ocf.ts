/** `dcp reserve --ocf PATH`: the reconciled reserve as an Open Cap Format package, in a folder or a .zip. */
import type ExcelJS from "exceljs";
import { parseIsoDate, type IsoDate } from "../engine/dates";
import type { IssuerField } from "../engine/ocf";
import type { ReserveReconciliation } from "../engine/reserve";
import { ISSUER_SHEET, ocfPackageFrom } from "../sheets/issuer";
import { writeOcfPackage, type WrittenPackage } from "../workbook/ocf-output";
import { generatedAtOf } from "../workbook/ocf-package";
import { findSheet, sheetGrid, UnusableInput } from "../workbook/xlsx";

export interface IssuerFlags {
  name?: string;
  formed?: string;
  country?: string;
  subdivision?: string;
}

const FLAG_OF: Record<IssuerField, string> = {
  legalName: "--issuer-name",
  formationDate: "--issuer-formed YYYY-MM-DD",
  country: "--issuer-country",
  countrySubdivision: "--issuer-subdivision",
};

/**
 * When the package was generated: SOURCE_DATE_EPOCH (seconds) when set, the
 * reproducible-builds convention for identical output from identical input,
 * otherwise now; to the second, as OCF examples write it.
 */
export function generationTime(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return generatedAtOf(date);
}

export async function exportOcf(workbook: ExcelJS.Workbook, reconciliation: ReserveReconciliation, target: string, flags: IssuerFlags, asOf?: IsoDate): Promise<WrittenPackage> {
  if (flags.formed !== undefined && parseIsoDate(flags.formed) === undefined) throw new UnusableInput(`--issuer-formed ${flags.formed} is not a YYYY-MM-DD date`);
  const sheet = findSheet(workbook, ISSUER_SHEET);
  const result = ocfPackageFrom({
    reconciliation,
    issuerSheet: sheet ? sheetGrid(sheet) : undefined,
    issuer: { legalName: flags.name, formationDate: flags.formed, country: flags.country, countrySubdivision: flags.subdivision },
    generatedAt: generationTime(),
    asOf,
  });
  if ("problem" in result) {
    if (result.fields.length === 0) throw new UnusableInput(result.problem);
    const them = result.fields.length === 1 ? "it" : "them";
    throw new UnusableInput(`${result.problem}. Give ${them} in an ${ISSUER_SHEET} sheet (column A the field, column B the value) or with ${result.fields.map((field) => FLAG_OF[field]).join(", ")}`);
  }
  return writeOcfPackage(target, result.pkg);
}
