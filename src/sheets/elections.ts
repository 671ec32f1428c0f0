/**
 * An election sheet (RULES.md, "Election sheet rules") read from a grid of
 * cells: columns found by header or alias, each cell read as its column needs
 * (E16 where it cannot be), then the plan's rules E01–E15 from the engine.
 */
import { compareFindings, type Finding } from "../engine/findings";
import { declaredAs, RULES } from "../engine/rules";
import type { CellFinding } from "./findings";
import { parseElectionType, validateElections, type ElectionField, type ElectionRow, type ElectionSettings } from "../engine/validation";
import { cellProblem, readDate, readDiscount, readNumber, readPercent, readQuarter, readText, readYear, readYesNo, type CellRead } from "./cellReaders";
import { outsideTableFindings } from "./extent";
import { cellAddress, duplicateColumnFindings, findHeader, isBlankRow, rowSignature, type ColumnSpec, type SheetGrid } from "./grid";

export const ELECTION_COLUMNS: ReadonlyArray<ColumnSpec<ElectionField>> = [
  { key: "participant", header: "Participant", aliases: ["Name", "Employee", "Employee ID"], required: true },
  { key: "type", header: "Election Type", aliases: ["Type"], required: true },
  { key: "electionDate", header: "Election Date", aliases: ["Date Filed", "Filed"], required: true },
  { key: "planYear", header: "Plan Year", aliases: ["Year"] },
  { key: "percent", header: "Percent", aliases: ["Deferral %", "Pct"] },
  { key: "eligibilityDate", header: "Eligibility Date", aliases: ["Eligible"] },
  { key: "fyEnd", header: "Bonus Fiscal Year End", aliases: ["FY End"] },
  { key: "payable", header: "Bonus Payable Date", aliases: ["Payable"] },
  { key: "release", header: "Release Date", aliases: ["Earnings Release"] },
  { key: "quarter", header: "Fiscal Quarter", aliases: ["Quarter"] },
  { key: "amount", header: "Amount", aliases: [] },
  { key: "discount", header: "Discount", aliases: [] },
  { key: "distributionDate", header: "Elected Distribution Date", aliases: ["Distribution Date"] },
  { key: "effectiveDate", header: "Effective Date", aliases: [] },
  { key: "approved", header: "Committee Approved", aliases: ["Approved"] },
];

const NONE_UNREADABLE: ReadonlySet<ElectionField> = new Set();

const HEADER_OF = Object.fromEntries(ELECTION_COLUMNS.map((c) => [c.key, c.header])) as Record<ElectionField, string>;

type Reader = (cell: unknown) => CellRead<unknown>;
const READERS: Record<ElectionField, Reader> = {
  participant: readText,
  type: readText,
  electionDate: readDate,
  planYear: readYear,
  percent: readPercent,
  eligibilityDate: readDate,
  fyEnd: readDate,
  payable: readDate,
  release: readDate,
  quarter: readQuarter,
  amount: readNumber,
  discount: readDiscount,
  distributionDate: readDate,
  effectiveDate: readDate,
  approved: readYesNo,
};

export interface ElectionSheetResult {
  sheet: string;
  /** Worksheet row of the header, when one was found. */
  headerRow?: number;
  rowsChecked: number;
  /** By row, rule and column, each on its cell. */
  findings: CellFinding[];
  /** Set when the sheet cannot be checked at all (no header, required columns missing). */
  unusable?: string;
}

/** Checks an election sheet; never throws on the sheet's content. */
export function validateElectionSheet(grid: SheetGrid, settings: Omit<ElectionSettings, "hasApprovalColumn">): ElectionSheetResult {
  const header = findHeader(grid, ELECTION_COLUMNS);
  if (header === undefined) {
    return { sheet: grid.sheet, rowsChecked: 0, findings: [], unusable: `${grid.sheet} is empty: there is no header row to read.` };
  }
  const headerRow = grid.firstRow + header.headerIndex;
  const label = (field: ElectionField) => header.labels[field] ?? HEADER_OF[field];
  const onCell = (r: number, c: number, finding: Finding): CellFinding => ({ sheet: grid.sheet, cell: cellAddress(grid, r, c), ...finding });
  const present = ELECTION_COLUMNS.flatMap((spec) => {
    const c = header.columns[spec.key];
    return c === undefined ? [] : [{ spec, c, label: label(spec.key) }];
  });

  if (header.missing.length > 0) {
    const names = header.missing.map((c) => `"${c.header}"`).join(", ");
    const findings = header.missing.map((c) =>
      onCell(header.headerIndex, 0, {
        row: headerRow,
        column: c.header,
        ...declaredAs(RULES.E01),
        message: `The header row has no "${c.header}" column (also accepted: ${c.aliases.map((a) => `"${a}"`).join(", ")}); every election sheet needs it.`,
      }),
    );
    return { sheet: grid.sheet, headerRow, rowsChecked: 0, findings, unusable: `${grid.sheet} has no ${names} column in its header row (row ${headerRow}).` };
  }

  const findings: CellFinding[] = duplicateColumnFindings(grid, header, declaredAs(RULES.E01));
  const rows: ElectionRow[] = [];
  for (let r = header.headerIndex + 1; r < grid.values.length; r++) {
    const cells = grid.values[r];
    if (isBlankRow(cells)) continue;
    const worksheetRow = grid.firstRow + r;
    const row: ElectionRow = {
      row: worksheetRow,
      unreadable: NONE_UNREADABLE,
      signature: rowSignature(cells),
    };
    const fields = row as unknown as Record<ElectionField, unknown>;
    for (const { spec, c, label: text } of present) {
      const { value, problem } = READERS[spec.key](cells[c]);
      if (problem) {
        if (row.unreadable === NONE_UNREADABLE) row.unreadable = new Set();
        (row.unreadable as Set<ElectionField>).add(spec.key);
        const message = cellProblem(cellAddress(grid, r, c), text, cells[c], problem);
        findings.push(onCell(r, c, { row: worksheetRow, column: text, ...declaredAs(RULES.E16), message }));
      } else if (value !== undefined) {
        fields[spec.key] = value;
      }
    }
    const typeText = fields.type as string | undefined;
    row.type = typeText === undefined ? undefined : parseElectionType(typeText);
    if (row.type === undefined && typeText !== undefined) row.unknownType = typeText;
    rows.push(row);
  }

  for (const { field, ...finding } of validateElections(rows, { ...settings, hasApprovalColumn: header.columns.approved !== undefined }, label)) {
    // A finding about a field the sheet has no column for (the Release Date an allocation needs, say) is on the row's first cell.
    findings.push(onCell(finding.row - grid.firstRow, header.columns[field] ?? 0, finding));
  }
  findings.push(...outsideTableFindings(grid));
  findings.sort(compareFindings);
  return { sheet: grid.sheet, headerRow, rowsChecked: rows.length, findings };
}
