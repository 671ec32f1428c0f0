/**
 * One identity for a participant wherever a sheet names one: names match as
 * participantKey matches them (ignoring case and surrounding spaces), the
 * first spelling stands for every later one, and each other spelling is
 * pointed out once (the statement's S07, the reserve's R07).
 */
import { describe } from "../cells/values";
import { participantKey } from "../engine/accounts";
import { shortName } from "../engine/format";

export class ParticipantSpellings {
  private readonly first = new Map<string, { name: string; row: number }>();
  private readonly warned = new Set<string>();

  /** The participant as first spelled, with a message when `name` is another spelling not pointed out before. */
  see(name: string, row: number): { name: string; message?: string } {
    const key = participantKey(name);
    const earlier = this.first.get(key);
    if (earlier === undefined) {
      this.first.set(key, { name, row });
      return { name };
    }
    const spelling = name.trim();
    if (spelling === earlier.name.trim() || this.warned.has(spelling)) return { name: earlier.name };
    this.warned.add(spelling);
    return {
      name: earlier.name,
      message: `${describe(name)} is counted as ${shortName(earlier.name.trim())} (row ${earlier.row}): participants match ignoring case and surrounding spaces. Spell them alike if they are one person.`,
    };
  }
}
