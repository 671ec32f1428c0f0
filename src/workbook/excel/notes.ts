/**
 * Cell notes, ExcelApi 1.18. Every use of `Worksheet.notes` lives in this
 * module, inside `cellNotes`, which callers reach only after
 * `excelApiSupported(NOTES_API)` (test/workbook/api-sets.test.ts holds them
 * to it); an Excel without notes gets no note and loses nothing else.
 */

export interface CellRef {
  sheet: string;
  address: string;
}

/**
 * Note commands for one request context. Reads are queued now and answered
 * by the function they return, once the context has synced.
 *
 * @requires ExcelApi 1.18
 */
export function cellNotes(context: Excel.RequestContext) {
  const collections = new Map<string, Excel.NoteCollection>();
  const notesOf = (sheet: string) => {
    let notes = collections.get(sheet);
    if (!notes) collections.set(sheet, (notes = context.workbook.worksheets.getItem(sheet).notes));
    return notes;
  };
  return {
    /** How many notes each sheet has, so cells are looked up one by one only on sheets that have any. */
    count(sheets: readonly string[]): () => number[] {
      const counts = sheets.map((sheet) => notesOf(sheet).getCount());
      return () => counts.map((count) => count.value);
    },
    /** Each cell's note text, or undefined where it has none. */
    read(cells: readonly CellRef[]): () => Array<string | undefined> {
      const notes = cells.map((cell) => {
        const note = notesOf(cell.sheet).getItemOrNullObject(cell.address);
        note.load("content");
        return note;
      });
      return () => notes.map((note) => (note.isNullObject ? undefined : note.content));
    },
    add(cell: CellRef, content: string): void {
      notesOf(cell.sheet).add(cell.address, content);
    },
    remove(cell: CellRef): void {
      notesOf(cell.sheet).getItem(cell.address).delete();
    },
  };
}
