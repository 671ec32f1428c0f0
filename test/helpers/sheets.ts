import type { SheetGrid } from "../../src/sheets/grid";
import { cellValues, type SheetTemplate } from "../../src/sheets/templates";

export const HEADERS = [
  "Participant",
  "Election Type",
  "Election Date",
  "Plan Year",
  "Percent",
  "Eligibility Date",
  "Bonus Fiscal Year End",
  "Bonus Payable Date",
  "Release Date",
  "Fiscal Quarter",
  "Amount",
  "Discount",
  "Elected Distribution Date",
  "Effective Date",
  "Committee Approved",
];

/** An election sheet from rows keyed by header; the header is worksheet row 1. */
export function electionGrid(rows: Array<Record<string, unknown>>, headers: string[] = HEADERS, sheet = "Elections"): SheetGrid {
  return { sheet, firstRow: 1, firstColumn: 0, values: [headers, ...rows.map((row) => headers.map((h) => row[h] ?? ""))] };
}

/** A template's sheet as a grid: its header on worksheet row 1, then its sample rows (or `rows`). */
export function templateGrid(template: SheetTemplate, rows: unknown[][] = cellValues(template), sheet = template.sheet): SheetGrid {
  return { sheet, firstRow: 1, firstColumn: 0, values: [template.columns.map((c) => c.header), ...rows] };
}
