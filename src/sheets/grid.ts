/**
 * A block of worksheet cells as every adapter hands it over (Office.js
 * `Range.values` conventions: numbers for dates, "" for empty, an error as its
 * text "#N/A"), with where it sits, so every finding can name its cell.
 */
import { isBlank, isBlankOrZero } from "../cells/values";
import type { Declared } from "../engine/rules";
import type { CellFinding } from "./findings";

/**
 * A formula cell whose file holds no saved value: written by a program that
 * does not calculate, and never opened and saved in Excel. Office.js always
 * hands a calculated value (a number, text or boolean), so an object of this
 * class can only come from a file reader, never by accident.
 */
export class UnsavedFormula {
  /** `formula` as written ("B1+1"); for a cell sharing another's formula, `sharedFrom` names that cell instead. */
  constructor(
    readonly formula: string | undefined,
    readonly sharedFrom?: string,
  ) {}

  /** "=B1+1", or "shared from B2". */
  toString(): string {
    return this.formula !== undefined ? `=${this.formula}` : `shared from ${this.sharedFrom ?? "another cell"}`;
  }
}

/** A cell that holds a value: worksheet row (1-based) and column (0-based, A = 0), as in `SheetGrid`. */
export interface ValueCell {
  row: number;
  column: number;
  value: unknown;
}

export interface SheetGrid {
  sheet: string;
  /** Cell values; an `UnsavedFormula` where a file's formula has no value to read. */
  values: unknown[][];
  /** Worksheet row number (1-based) of values[0]. */
  firstRow: number;
  /** Column index (0-based, A = 0) of values[r][0]. */
  firstColumn: number;
  /** Values the adapter found far outside the table's block and left out of `values` (see extent.ts). */
  outside?: readonly ValueCell[];
  /**
   * Set on a range a custom function is handed: Excel desktop passes an empty
   * cell inside it as 0 (test/doubles/profiles.ts), so there a 0 is read as
   * blank, except in a column whose `ColumnSpec.zeroCounts` says 0 is a value.
   */
  zeroMayBeEmpty?: boolean;
}

export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** "C7" for the cell at grid position (r, c). */
export function cellAddress(grid: SheetGrid, r: number, c: number): string {
  return `${columnLetter(grid.firstColumn + c)}${grid.firstRow + r}`;
}

/** Zero-width and other invisible format characters (U+200B, U+FEFF, soft hyphen, …) that text pasted from the web carries. */
const INVISIBLE = /\p{Cf}/gu;

/** Text as a person reads it: compatibility forms folded (full-width letters, NBSP; NFKC), invisible characters dropped. */
export function visibleText(text: string): string {
  return text.normalize("NFKC").replace(INVISIBLE, "");
}

/** Headers match ignoring case, spaces and invisible characters: "Date Filed" = "datefiled" = "ＤＡＴＥ\u00a0FILED\u200b". */
export function normalizeHeader(text: unknown): string {
  return typeof text === "string" ? visibleText(text).toLowerCase().replace(/\s+/g, "") : "";
}

export function isBlankRow(cells: readonly unknown[]): boolean {
  return cells.every(isBlank);
}

/** A row with nothing in it; in a formula's range (`zeroMayBeEmpty`), one of empty cells Excel desktop passed as 0. */
export function isEmptyRow(grid: SheetGrid, cells: readonly unknown[]): boolean {
  return grid.zeroMayBeEmpty ? cells.every(isBlankOrZero) : cells.every(isBlank);
}

/** A row's cells as one string: two rows are exact duplicates (RULES.md E15) when theirs are equal. A date is kept as its time, the shortest exact form. */
export function rowSignature(cells: readonly unknown[]): string {
  return cells.map((cell) => `${typeof cell}:${cell instanceof Date ? cell.getTime() : String(cell)}`).join("\u001f");
}

/** Where a 53-bit hash (cyrb53) of a row's signature stands: fed its text a piece at a time, so the signature itself is never built. */
class SignatureHash {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  add(text: string): void {
    let { h1, h2 } = this;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  value(): number {
    let { h1, h2 } = this;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  }
}

/** The hash of `rowSignature(cells)`, without the string: a row is hashed once, its signature built only when a hash matches. */
function signatureHash(cells: readonly unknown[]): number {
  const hash = new SignatureHash();
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (i > 0) hash.add("\u001f");
    hash.add(typeof cell);
    hash.add(":");
    hash.add(cell instanceof Date ? String(cell.getTime()) : String(cell));
  }
  return hash.value();
}

/**
 * The first row each row's cells were seen on: `repeats` answers the earlier
 * row a row repeats exactly, else undefined. Rows are kept by hash with their
 * cells (already in the grid), and a hash match is compared cell by cell.
 */
export class DuplicateRows {
  private readonly first = new Map<number, { cells: readonly unknown[]; row: number }>();

  repeats(cells: readonly unknown[], row: number): number | undefined {
    const hash = signatureHash(cells);
    const earlier = this.first.get(hash);
    if (earlier === undefined) {
      this.first.set(hash, { cells, row });
      return undefined;
    }
    return rowSignature(earlier.cells) === rowSignature(cells) ? earlier.row : undefined;
  }
}

export interface ColumnSpec<K extends string> {
  key: K;
  /** The header a template writes, and a missing column is reported by. */
  header: string;
  aliases: readonly string[];
  required?: boolean;
  /** 0 is this column's value even where an empty cell arrives as 0 (`SheetGrid.zeroMayBeEmpty`): a Quantity of nothing. */
  zeroCounts?: boolean;
}

/** Two or more header cells that name the same field: one is read, the rest are reported, never ignored silently. */
export interface DuplicateColumn<K extends string> {
  spec: ColumnSpec<K>;
  /** Grid column read: the one with the field's own header, else the leftmost. */
  read: number;
  ignored: number[];
}

export interface HeaderMap<K extends string> {
  /** Grid index of the header row. */
  headerIndex: number;
  /** Grid column of each field found. */
  columns: Partial<Record<K, number>>;
  /** The header text as the sheet spells it, for each field found. */
  labels: Partial<Record<K, string>>;
  missing: Array<ColumnSpec<K>>;
  duplicates: Array<DuplicateColumn<K>>;
}

/** Rows searched for the header: a sheet may open with a title or notes above its table. */
const HEADER_SEARCH_ROWS = 20;

function mapHeader<K extends string>(
  grid: SheetGrid,
  specs: ReadonlyArray<ColumnSpec<K>>,
  headerIndex: number,
  normalize: (text: unknown) => string,
): HeaderMap<K> {
  const cells = grid.values[headerIndex];
  const headers = cells.map(normalize);
  const columns: Partial<Record<K, number>> = {};
  const labels: Partial<Record<K, string>> = {};
  const missing: Array<ColumnSpec<K>> = [];
  const duplicates: Array<DuplicateColumn<K>> = [];
  for (const spec of specs) {
    const own = normalize(spec.header);
    const names = [own, ...spec.aliases.map(normalize)];
    const found: number[] = [];
    headers.forEach((h, i) => {
      if (h !== "" && names.includes(h)) found.push(i);
    });
    if (found.length === 0) {
      if (spec.required) missing.push(spec);
      continue;
    }
    const read = found.find((i) => headers[i] === own) ?? found[0];
    columns[spec.key] = read;
    labels[spec.key] = headerLabel(cells[read]);
    if (found.length > 1) duplicates.push({ spec, read, ignored: found.filter((i) => i !== read) });
  }
  return { headerIndex, columns, labels, missing, duplicates };
}

/** A header cell's text as the sheet spells it, without invisible characters that would only confuse a message. */
export function headerLabel(cell: unknown): string {
  return visibleText(String(cell)).trim();
}

/**
 * What to say about a field named by more than one header cell, at `ignored`:
 * which column is read and why the other is not.
 */
export function duplicateColumnMessage<K extends string>(grid: SheetGrid, header: HeaderMap<K>, duplicate: DuplicateColumn<K>, ignored: number): string {
  const cells = grid.values[header.headerIndex];
  const name = (c: number) => `${columnLetter(grid.firstColumn + c)} ("${headerLabel(cells[c])}")`;
  const read = columnLetter(grid.firstColumn + duplicate.read);
  const skipped = columnLetter(grid.firstColumn + ignored);
  return `Columns ${name(duplicate.read)} and ${name(ignored)} both name the ${duplicate.spec.header} column; ${read} is read and ${skipped} is ignored. Delete or rename one so the sheet says which to use.`;
}

/** A finding on the header cell of each column a duplicated header leaves unread, never ignored silently. */
export function duplicateColumnFindings<K extends string>(grid: SheetGrid, header: HeaderMap<K>, declared: Declared): CellFinding[] {
  return header.duplicates.flatMap((duplicate) =>
    duplicate.ignored.map((ignored) => ({
      sheet: grid.sheet,
      cell: cellAddress(grid, header.headerIndex, ignored),
      row: grid.firstRow + header.headerIndex,
      column: header.labels[duplicate.spec.key] ?? duplicate.spec.header,
      ...declared,
      message: duplicateColumnMessage(grid, header, duplicate, ignored),
    })),
  );
}

/**
 * The header row: the first of the sheet's first non-blank rows that names
 * every required column (by header or alias), else the first non-blank row,
 * whose missing columns are then reported. `normalize` is how a header and a
 * column's names are compared.
 */
export function findHeader<K extends string>(
  grid: SheetGrid,
  specs: ReadonlyArray<ColumnSpec<K>>,
  normalize: (text: unknown) => string = normalizeHeader,
): HeaderMap<K> | undefined {
  let first: HeaderMap<K> | undefined;
  let seen = 0;
  for (let r = 0; r < grid.values.length && seen < HEADER_SEARCH_ROWS; r++) {
    if (isBlankRow(grid.values[r])) continue;
    seen++;
    const header = mapHeader(grid, specs, r, normalize);
    if (header.missing.length === 0) return header;
    first ??= header;
  }
  return first;
}
