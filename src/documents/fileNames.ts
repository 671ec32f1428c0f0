/** File names for documents written one a participant, and the Creator each kind of document carries. */

/**
 * The PDF's Creator: the command that writes it, so a later run knows a
 * folder of its own documents (cli/output.ts, isFolderOfPdfsBy). Here, not
 * beside the layouts, so the command line reads it without loading pdfkit.
 */
export const STATEMENT_CREATOR = "dcp statement";
export const NOTICE_CREATOR = "dcp payout";

/** Longest file name kept, in characters before ".pdf": well inside the 255 bytes file systems allow, even in UTF-8. */
const MAX_FILE_NAME_CHARACTERS = 100;
const WINDOWS_DEVICE_NAMES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/**
 * A safe file name for a participant's document: letters (accented too),
 * digits, spaces and `- _ ' ’ , . ( )` are kept; any other run of characters
 * (path separators, control characters, what Windows forbids) becomes "-";
 * never "..", never a leading or trailing dot or space. Two participants can
 * get the same name ("Ann/Lee" and "Ann-Lee"): the caller resolves that, for
 * example with `documentFileNames`.
 *
 * @example documentFileName("José Núñez") // "José Núñez.pdf"
 * @example documentFileName("../etc/passwd") // "etc-passwd.pdf"
 */
export function documentFileName(participant: string): string {
  const tidy = (text: string) =>
    text
      .replace(/\.{2,}/g, ".")
      .replace(/\s+/g, " ")
      .replace(/-{2,}/g, "-")
      .replace(/^[\s.-]+|[\s.-]+$/g, "");
  let base = tidy(participant.normalize("NFC").replace(/[^\p{L}\p{M}\p{N} \-_'’,.()]+/gu, "-"));
  base = tidy([...base].slice(0, MAX_FILE_NAME_CHARACTERS).join(""));
  if (base === "") base = "participant";
  if (WINDOWS_DEVICE_NAMES.test(base)) base = `${base}_`;
  return `${base}.pdf`;
}

/**
 * File names for several participants, in their order: a name another
 * participant's file already took, ignoring case as macOS and Windows do, gets
 * " (2)", " (3)" and so on.
 */
export function documentFileNames(participants: readonly string[]): string[] {
  const taken = new Set<string>();
  return participants.map((participant) => {
    const base = documentFileName(participant).slice(0, -".pdf".length);
    let name = `${base}.pdf`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n}).pdf`;
    taken.add(name.toLowerCase());
    return name;
  });
}
