/**
 * Names Excel gives its sheets and tables, by its rules, for both writers:
 * the Office.js adapter (excel/) and ExcelJS (the command line).
 */

/** What Excel refuses in a sheet name: `[ ] : * ? / \`. */
const FORBIDDEN = /[[\]:*?/\\]+/g;
/** Excel's longest sheet name. */
export const SHEET_NAME_LENGTH = 31;

/**
 * A worksheet name Excel accepts and `taken` does not hold (ignoring case, as
 * Excel compares them): forbidden characters become "-", no apostrophe or
 * space at either end, at most 31 characters, never "History" (which Excel
 * keeps for itself); a taken name gets " (2)", " (3)", … within the 31.
 *
 * @example worksheetName("Ann/Lee", []) // "Ann-Lee"
 * @example worksheetName("Summary", ["summary"]) // "Summary (2)"
 */
export function worksheetName(wanted: string, taken: Iterable<string>): string {
  const clean = (text: string) =>
    withoutControlCharacters(text)
      .replace(FORBIDDEN, "-")
      .replace(/^['\s]+|['\s]+$/g, "");
  const base = clean([...clean(wanted)].slice(0, SHEET_NAME_LENGTH).join("")) || "Sheet";
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  used.add("history");
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${clean([...base].slice(0, SHEET_NAME_LENGTH - suffix.length).join(""))}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** Tabs, line breaks and other control characters (code points below 32) as single spaces: Excel refuses them in a name. */
function withoutControlCharacters(text: string): string {
  let out = "";
  for (const ch of text) {
    const control = ch.charCodeAt(0) < 32;
    if (!control) out += ch;
    else if (!out.endsWith(" ")) out += " ";
  }
  return out;
}

/** A table name no table and no defined name of the workbook has (they share one namespace): `wanted`, else `wanted2`, `wanted3`, …. */
export function uniqueTableName(wanted: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) if (!lower.has(`${wanted}${i}`.toLowerCase())) return `${wanted}${i}`;
}
