/**
 * The Open Cap Format export, one workflow below both surfaces (the Reserve
 * page's *Export OCF* and `dcp reserve --ocf`): the issuer from its sheet and
 * any overrides, then the package of the reconciled ledger.
 */
import type { IsoDate } from "../engine/dates";
import { PlanError } from "../engine/errors";
import type { ReserveReconciliation } from "../engine/reserve";
import { toOcfPackage, type IssuerDetails, type IssuerField, type OcfPackage } from "../formats/ocf";
import type { SheetGrid } from "../sheets/grid";
import { readIssuerSheet, resolveIssuer } from "../sheets/issuer";

export interface OcfPackageRequest {
  reconciliation: ReserveReconciliation;
  /** The Issuer sheet, when the workbook has one. */
  issuerSheet?: SheetGrid;
  /** Issuer fields given outside the sheet (command-line flags); they win. */
  issuer?: IssuerDetails;
  generatedAt: string;
  asOf?: IsoDate;
}

export type OcfPackageResult =
  | { pkg: OcfPackage }
  /** What keeps the package from being written, in words; `fields` are the issuer fields it is about. */
  | { problem: string; fields: IssuerField[] };

/** The export workflow both surfaces run: the issuer from its sheet and overrides, then the package. */
export function ocfPackageFrom(request: OcfPackageRequest): OcfPackageResult {
  const issuer = resolveIssuer(request.issuerSheet ? readIssuerSheet(request.issuerSheet) : undefined, request.issuer ?? {});
  if (issuer.problem !== undefined) return { problem: `cannot write Open Cap Format: ${issuer.problem}`, fields: issuer.problemFields };
  try {
    return { pkg: toOcfPackage(request.reconciliation, { issuer: issuer.details, generatedAt: request.generatedAt, asOf: request.asOf }) };
  } catch (error) {
    if (error instanceof PlanError)
      return { problem: error.message.startsWith("cannot write") ? error.message : `cannot write Open Cap Format: ${error.message}`, fields: [] };
    throw error;
  }
}
