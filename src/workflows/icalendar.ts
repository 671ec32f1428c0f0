/**
 * The claims docket as an iCalendar file (RFC 5545), so its deadlines land in
 * the calendar HR already uses: one all-day event a deadline still open on the
 * as-of day. Lines end in CRLF and fold at 75 octets; text is escaped; each
 * event's UID is stable across runs, and DTSTAMP is the as-of day, so the same
 * docket gives the same file.
 */
import { DEADLINE_LABELS } from "../engine/claims";
import { addDays, type IsoDate } from "../engine/dates";
import { slug } from "../formats/ocf";
import type { ClaimsResult } from "./claims";

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newline escaped. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** RFC 5545 §3.1: lines longer than 75 octets folded, the continuation starting with a space; never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = new TextEncoder().encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const basic = (date: IsoDate) => date.replace(/-/g, "");

/** The open deadlines of the docket as a VCALENDAR. */
export function docketCalendar(result: ClaimsResult): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hecla DCP//dcp claims//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  for (const claim of result.claims) {
    for (const deadline of claim.docket) {
      if (deadline.status !== "open") continue;
      const { label, section } = DEADLINE_LABELS[deadline.name];
      lines.push(
        "BEGIN:VEVENT",
        `UID:${slug(claim.claimant)}-row${claim.source.row}-${deadline.name}-${basic(deadline.date)}@dcp.hecla`,
        `DTSTAMP:${basic(result.asOf)}T000000Z`,
        `DTSTART;VALUE=DATE:${basic(deadline.date)}`,
        `DTEND;VALUE=DATE:${basic(addDays(deadline.date, 1))}`,
        `SUMMARY:${escapeText(`${label}: ${claim.claimant}`)}`,
        `DESCRIPTION:${escapeText(`§${section}. Claim of ${claim.claimant}, filed ${claim.claim?.filed} (${claim.source.layout.sheet} row ${claim.source.row}).`)}`,
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
      );
    }
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
