/** The names a workbook's tables and defined names already use (they share one namespace); the naming rules are in ../names.ts. */

/** Queues loading the names tables and defined names use; the returned function reads them after the sync. */
export function loadTakenTableNames(context: Excel.RequestContext): () => string[] {
  const tables = context.workbook.tables;
  tables.load("items/name");
  const names = context.workbook.names;
  names.load("items/name");
  return () => [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)];
}

/** Whether a sheet the add-in owns exists, and the table and defined names its new tables must not take. */
export interface Surroundings {
  exists: boolean;
  /** Not the names of tables on the sheet being replaced: they go with it. */
  names: string[];
}

/** Looks around before an owned sheet is replaced: one round trip, and one more to spare the names of its own tables. */
export async function lookAround(context: Excel.RequestContext, sheet: string): Promise<Surroundings> {
  const existing = context.workbook.worksheets.getItemOrNullObject(sheet);
  existing.load("name");
  const taken = loadTakenTableNames(context);
  await context.sync();
  if (existing.isNullObject) return { exists: false, names: taken() };
  const own = existing.tables;
  own.load("items/name");
  await context.sync();
  const going = new Set(own.items.map((t) => t.name));
  return { exists: true, names: taken().filter((name) => !going.has(name)) };
}
