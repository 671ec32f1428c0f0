/** Saves a file from the task pane as a browser download. */
import { hostCannotDownload } from "../workbook/excel";

/**
 * Offers `bytes` (or text, as UTF-8) as a download called `name`; false where
 * the host cannot save one (Excel on the Mac), so the page can say so.
 */
export function saveFile(name: string, bytes: Uint8Array | string, type: string): boolean {
  if (hostCannotDownload() || typeof URL.createObjectURL !== "function") return false;
  const body = typeof bytes === "string" ? bytes : new Uint8Array(bytes);
  const url = URL.createObjectURL(new Blob([body], { type }));
  Object.assign(window.document.createElement("a"), { href: url, download: name }).click();
  // Revoked later, not at once: a host may start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
