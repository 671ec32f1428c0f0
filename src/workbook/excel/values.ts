/**
 * What the add-in writes into cells. Excel reads text written through
 * `values` or `formulas` as a formula when it starts with =, + or -, and
 * text that looks like a number or a date as one (Range.values in the
 * Excel JavaScript API reference). A leading apostrophe keeps text as it
 * is, whatever the cell's format, and Excel does not show it.
 */
export function asText(value: string): string {
  return value === "" ? "" : `'${value}`;
}

/** A cell that links to another cell of the workbook: `=HYPERLINK("#'My Sheet'!C4","C4")`. */
export function linkFormula(target: string, text: string): string {
  const literal = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `=HYPERLINK(${literal(`#${target}`)},${literal(text)})`;
}
