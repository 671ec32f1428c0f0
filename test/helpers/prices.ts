/** Price tables shaped as Excel hands them, built on the NYSE session record (not on the engine's calendar). */
import { nyseSessions, serial } from "./bundle";

export type Matrix = unknown[][];

/** Every NYSE session from `from` to `to` with a close drawn from `close(index)`. */
export function sessionPrices(from: string, to: string, close: (index: number, date: string) => number): Array<[string, number]> {
  return [...nyseSessions()]
    .filter((date) => date >= from && date <= to)
    .sort()
    .map((date, index) => [date, close(index, date)]);
}

/** As a range: a header, serial dates, rows shuffled, `""` and `0` blank rows mixed in. */
export function asExcelRange(rows: Array<[string, number]>): Matrix {
  const body: Matrix = rows.map(([date, close]) => [serial(date), close]);
  for (let i = body.length - 1; i > 0; i--) {
    const j = (i * 7919) % (i + 1);
    [body[i], body[j]] = [body[j], body[i]];
  }
  body.splice(Math.floor(body.length / 2), 0, ["", ""], [0, 0]);
  return [["Date", "Close"], ...body, ["", ""]];
}
