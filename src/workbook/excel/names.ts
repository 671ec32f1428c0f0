/**
 * The names a workbook's tables and defined names already use (they share one
 * namespace), and replacing a sheet the add-in owns all or nothing; the naming
 * rules are in ../names.ts.
 */
import { COMMAND_BYTES, RoundTrips } from "./batch";

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

/** What writing an owned sheet's content is handed: the new sheet, the round trips, and a way to name a table once it is in place. */
export type SheetWriter = (sheet: Excel.Worksheet, trips: RoundTrips, nameTable: (table: Excel.Table, name: string) => void) => Promise<void>;

/**
 * Replaces the sheet `name` the add-in owns, all or nothing: the content is
 * written to a new sheet under a temporary name over as many round trips as
 * it needs, and only in the last one is the old sheet deleted, the new one
 * renamed and its tables given their names. A failure before then removes
 * the temporary sheet and leaves the old one as it was.
 */
export async function replaceOwnedSheet(context: Excel.RequestContext, name: string, around: Surroundings, write: SheetWriter): Promise<void> {
  const sheets = context.workbook.worksheets;
  const temporary = `DCP writing ${Date.now().toString(36)}`;
  const trips = new RoundTrips(context);
  const sheet = sheets.add(temporary);
  const tables: Array<[Excel.Table, string]> = [];
  try {
    await write(sheet, trips, (table, tableName) => tables.push([table, tableName]));
    await trips.queue({ bytes: (3 + tables.length) * COMMAND_BYTES }, () => {
      if (around.exists) sheets.getItem(name).delete();
      sheet.name = name;
      for (const [table, tableName] of tables) table.name = tableName;
      sheet.activate();
    });
    await trips.send();
  } catch (error) {
    await removeSheet(context, temporary).catch(() => undefined);
    throw error;
  }
}

async function removeSheet(context: Excel.RequestContext, name: string): Promise<void> {
  const left = context.workbook.worksheets.getItemOrNullObject(name);
  left.load("name");
  await context.sync();
  if (left.isNullObject) return;
  left.delete();
  await context.sync();
}
