/** Which of the workbook's sheets a page reads for each of its roles ("" for none). */

export interface SheetRole<R extends string> {
  role: R;
  /** The sheet's name as the contract gives it. */
  name: string;
  required: boolean;
  /** What the sheet is for, or what leaving it out means, under its picker. */
  hint?: string;
}

export type RoleSheets<R extends string> = Record<R, string>;

/**
 * The sheet each role reads: a choice already made while its sheet is still
 * there, else the sheet of the role's name (ignoring case), else none ("").
 */
export function chooseRoleSheets<R extends string>(
  roles: ReadonlyArray<SheetRole<R>>,
  sheets: readonly string[],
  current?: Partial<RoleSheets<R>>,
): RoleSheets<R> {
  const choice = {} as RoleSheets<R>;
  for (const { role, name } of roles) {
    const kept = current?.[role];
    choice[role] = kept && sheets.includes(kept) ? kept : (sheets.find((sheet) => sheet.toLowerCase() === name.toLowerCase()) ?? "");
  }
  return choice;
}

/** The sheets Insert template added (`added`, in the order of `templateSheets`), as the sheets each role reads. */
export function insertedRoleSheets<R extends string>(
  roles: ReadonlyArray<SheetRole<R>>,
  templateSheets: readonly string[],
  added: readonly string[],
): RoleSheets<R> {
  const choice = {} as RoleSheets<R>;
  for (const { role, name } of roles) choice[role] = added[templateSheets.indexOf(name)] ?? "";
  return choice;
}
