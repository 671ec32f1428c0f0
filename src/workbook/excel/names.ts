/** Names the add-in gives the sheets and tables it adds: never one the workbook already uses. */

/** `wanted`, or the first of `suffixed(2)`, `suffixed(3)`, … no name in `taken` has, ignoring case as Excel does. */
function unusedName(wanted: string, taken: Iterable<string>, suffixed: (i: number) => string): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) if (!lower.has(suffixed(i).toLowerCase())) return suffixed(i);
}

/** A sheet name the workbook does not have: "Ledger", else "Ledger (2)", as Excel names a copy. */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  return unusedName(wanted, taken, (i) => `${wanted} (${i})`);
}

/** A table name no table and no defined name of the workbook has (they share one namespace). */
export function uniqueTableName(wanted: string, taken: Iterable<string>): string {
  return unusedName(wanted, taken, (i) => `${wanted}${i}`);
}

/** Queues loading the names tables and defined names use; the returned function reads them after the sync. */
export function loadTakenTableNames(context: Excel.RequestContext): () => string[] {
  const tables = context.workbook.tables;
  tables.load("items/name");
  const names = context.workbook.names;
  names.load("items/name");
  return () => [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)];
}
