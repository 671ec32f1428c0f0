/**
 * Round trips within Excel on the web's limits: a request or a response of
 * at most 5 MB, a read of at most 5,000,000 cells
 * (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins;
 * "Read or write to a large range", excel-add-ins-ranges-large). Every
 * platform gets the same chunks: the web is the strictest, and a few more
 * round trips cost desktop Excel little.
 */

/** What one round trip may carry: under the limits with room for the envelope around the data. */
export const ROUND_TRIP_BUDGET = { bytes: 4_000_000, cells: 1_000_000 };

/** What one command adds to a request besides its data (object path, method, ids): set high so estimates stay above Excel's count. */
export const COMMAND_BYTES = 300;

/** A character past ASCII: one that takes more than a byte in UTF-8 (most JSON has none, and is measured by its length). */
const NON_ASCII = /[\u0080-\uffff]/;

/** A value's size in a request or response: its JSON, in UTF-8 bytes. */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? "";
  if (!NON_ASCII.test(json)) return json.length;
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code > 0x7f) bytes += code > 0x7ff ? 2 : 1;
  }
  return bytes;
}

/** Excel refused a round trip for its size: send less at a time. */
export function isTooLarge(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded" || code === "RangeExceedsLimit";
}

export interface Cost {
  /** Bytes the commands add to the request, or that their answer adds to the response. */
  bytes: number;
  /** Cells read. */
  cells?: number;
}

/**
 * Queues commands and sends them when the next would take the round trip
 * past the budget, so a command costs a round trip only when it must.
 */
export class RoundTrips {
  private bytes = 0;
  private cells = 0;
  private pending = false;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget = ROUND_TRIP_BUDGET,
  ) {}

  async queue(cost: Cost, commands: () => void): Promise<void> {
    const cells = cost.cells ?? 0;
    if (this.pending && (this.bytes + cost.bytes > this.budget.bytes || this.cells + cells > this.budget.cells)) await this.send();
    commands();
    this.bytes += cost.bytes;
    this.cells += cells;
    this.pending = true;
  }

  /** Sends whatever is queued (nothing: no round trip). */
  async send(): Promise<void> {
    if (!this.pending) return;
    this.pending = false;
    this.bytes = 0;
    this.cells = 0;
    await this.context.sync();
  }
}

/** Splits `count` items into consecutive runs [start, end) of at most `budget` in summed cost (one item alone may exceed it). */
export function runs(count: number, cost: (index: number) => number, budget = ROUND_TRIP_BUDGET.bytes): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const c = cost(i);
    if (i > start && sum + c > budget) {
      out.push([start, i]);
      start = i;
      sum = 0;
    }
    sum += c;
  }
  if (count > start) out.push([start, count]);
  return out;
}
