/** The names a workbook's tables and defined names already use (they share one namespace); the naming rules are in ../names.ts. */

/** Queues loading the names tables and defined names use; the returned function reads them after the sync. */
export function loadTakenTableNames(context: Excel.RequestContext): () => string[] {
  const tables = context.workbook.tables;
  tables.load("items/name");
  const names = context.workbook.names;
  names.load("items/name");
  return () => [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)];
}
