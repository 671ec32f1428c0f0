/**
 * An in-memory Excel host double: a workbook model and the part of the Excel
 * JavaScript API that `src/workbook/` uses, with the real API's rules
 * enforced: commands queue until `context.sync()`; a property can be read only
 * after `load()` and a sync; a missing item fails the sync (ItemNotFound); a
 * null object is known only after a sync. A profile (profiles.ts) makes it
 * one platform's Excel: the requirement sets it answers to, and on the web
 * the 5 MB request/response and 5,000,000-cell read limits, checked at each
 * sync. It runs in jest and, bundled, in the browser harness (test/e2e), so no
 * Node APIs are used here.
 */
import { isSetSupported, PROFILES, type HostProfile } from "./profiles";

export * from "./profiles";

export interface Fill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
}

/** A cell with no fill shares this one (frozen): a fill is changed by replacing a cell's `fill`, never in place. */
const NO_FILL: Fill = Object.freeze({ color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: 0 });

export interface CellModel {
  value: unknown;
  /** Set when what was written became a formula (text starting with =, + or -). */
  formula?: string;
  numberFormat: string;
  fill: Fill;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string };
  validation?: unknown;
  font?: Font;
}

export interface Font {
  bold?: boolean;
  size?: number;
}

export interface Block {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** A cell's key in `SheetModel.cells`: one number, row by row (a "r,c" string made and split a cell costs seconds at 100,000 rows). */
const cellKey = (r: number, c: number) => r * MAX_COLUMNS + c;
const cellAt = (key: number): [number, number] => [Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS];

/** What one queued command adds to a request besides its data: its object path, method or property name. */
export const COMMAND_BYTES = 100;

/** A character past ASCII: one that takes more than a byte in UTF-8 (most JSON has none, and is measured by its length). */
const NON_ASCII = /[\u0080-\uffff]/;

/** A value's size in a request or response: its JSON, in UTF-8 bytes. */
export function payloadBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? "";
  if (!NON_ASCII.test(json)) return json.length;
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code > 0x7f) bytes += code > 0x7ff ? 2 : 1;
  }
  return bytes;
}

function cellCount(value: unknown): number {
  return Array.isArray(value) && Array.isArray(value[0]) ? value.length * value[0].length : 0;
}

export function columnName(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function quote(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "A1", "A1:B2", "C:C", optionally "Sheet!…" → sheet name (if any) and block. */
export function parseRangeAddress(address: string): { sheet?: string; block: Block } {
  let sheet: string | undefined;
  let local = address;
  const bang = address.lastIndexOf("!");
  if (bang >= 0) {
    sheet = address
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    local = address.slice(bang + 1);
  }
  const [from, to = from] = local.replace(/\$/g, "").toUpperCase().split(":");
  const cell = (text: string, end: boolean) => {
    const m = /^([A-Z]*)(\d*)$/.exec(text);
    if (!m || (!m[1] && !m[2])) throw new HostError("InvalidArgument", `bad address ${address}`);
    return { r: m[2] ? Number(m[2]) - 1 : end ? MAX_ROWS - 1 : 0, c: m[1] ? columnIndex(m[1]) : end ? MAX_COLUMNS - 1 : 0 };
  };
  const a = cell(from, false);
  const b = cell(to, true);
  return { sheet, block: { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) } };
}

export function blockAddress(block: Block): string {
  const first = `${columnName(block.c0)}${block.r0 + 1}`;
  return block.r0 === block.r1 && block.c0 === block.c1 ? first : `${first}:${columnName(block.c1)}${block.r1 + 1}`;
}

/**
 * A defined name that refers to a range: it moves with the cells when rows or
 * columns are inserted or deleted and follows its sheet's renames; deleting
 * the cells or the sheet leaves it referring to #REF! (`block` undefined).
 */
export interface NamedRangeModel {
  name: string;
  sheet?: SheetModel;
  block?: Block;
  visible: boolean;
}

/** Rows (or columns) `from`..`from + count - 1` inserted (`count` > 0) or deleted (`count` < 0) along one axis. */
interface Shift {
  axis: "rows" | "columns";
  from: number;
  count: number;
}

/**
 * Where a block goes when rows or columns are inserted or deleted, as Excel
 * moves a reference: after the change it shifts, across an insertion it
 * grows, across a deletion it shrinks, and wholly deleted it is #REF! (undefined).
 */
export function shiftBlock(block: Block, { axis, from, count }: Shift): Block | undefined {
  const [lo, hi] = axis === "rows" ? [block.r0, block.r1] : [block.c0, block.c1];
  let a = lo;
  let b = hi;
  if (count > 0) {
    if (lo >= from) a += count;
    if (hi >= from) b += count;
  } else {
    const last = from - count - 1;
    if (lo >= from && hi <= last) return undefined;
    a = lo > last ? lo + count : Math.min(lo, from);
    b = hi > last ? hi + count : Math.min(hi, from - 1);
  }
  return axis === "rows" ? { ...block, r0: a, r1: b } : { ...block, c0: a, c1: b };
}

function shiftKey(r: number, c: number, shift: Shift): [number, number] | undefined {
  const moved = shiftBlock({ r0: r, c0: c, r1: r, c1: c }, shift);
  return moved && [moved.r0, moved.c0];
}

export class TableModel {
  constructor(
    public name: string,
    readonly sheet: SheetModel,
    public block: Block,
  ) {}
}

export class ChartModel {
  title = "";
  position?: [string, string];
  constructor(
    public name: string,
    readonly type: string,
    private readonly data: RangeTarget,
  ) {}

  /** The chart's data as Excel shows its series' reference: it follows a rename of the sheet. */
  get source(): string {
    return `${quote(this.data.sheet.name)}!${blockAddress(this.data.block)}`;
  }
}

export class SheetModel {
  readonly cells = new Map<number, CellModel>();
  readonly notes = new Map<string, string>();
  readonly charts: ChartModel[] = [];
  readonly columnWidths = new Map<number, number>();
  visibility = "Visible";
  constructor(public name: string) {}

  peek(r: number, c: number): CellModel | undefined {
    return this.cells.get(cellKey(r, c));
  }

  cell(r: number, c: number): CellModel {
    this.usedAll = this.usedValues = undefined;
    let cell = this.peek(r, c);
    if (!cell) {
      cell = { value: "", numberFormat: "General", fill: NO_FILL };
      this.cells.set(cellKey(r, c), cell);
    }
    return cell;
  }

  /**
   * usedBlock's answers until a cell may change: every write reaches a cell through `cell()` (reads through `peek()`),
   * and `shift()` moves them. A read of 100,000 rows asks for the used range several times between writes.
   */
  private usedAll?: Block | null;
  private usedValues?: Block | null;

  /** Bounding block of cells with a value (valuesOnly) or any content or format. */
  usedBlock(valuesOnly: boolean): Block | undefined {
    const block = valuesOnly ? (this.usedValues ??= this.findUsedBlock(true) ?? null) : (this.usedAll ??= this.findUsedBlock(false) ?? null);
    return block ? { ...block } : undefined;
  }

  private findUsedBlock(valuesOnly: boolean): Block | undefined {
    let [r0, c0, r1, c1] = [MAX_ROWS, MAX_COLUMNS, -1, -1];
    this.cells.forEach((cell, key) => {
      const used = cell.value !== "" || (!valuesOnly && (cell.numberFormat !== "General" || cell.fill.pattern !== "None"));
      if (!used) return;
      const r = Math.floor(key / MAX_COLUMNS);
      const c = key - r * MAX_COLUMNS;
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    });
    return r1 < 0 ? undefined : { r0, c0, r1, c1 };
  }

  /** Cells and notes move with an inserted or deleted row or column; the deleted ones go. */
  shift(shift: Shift): void {
    this.usedAll = this.usedValues = undefined;
    const cells = [...this.cells.entries()];
    this.cells.clear();
    for (const [key, cell] of cells) {
      const to = shiftKey(...cellAt(key), shift);
      if (to) this.cells.set(cellKey(...to), cell);
    }
    const notes = [...this.notes.entries()];
    this.notes.clear();
    for (const [address, content] of notes) {
      const { block } = parseRangeAddress(address);
      const to = shiftKey(block.r0, block.c0, shift);
      if (to) this.notes.set(blockAddress({ r0: to[0], c0: to[1], r1: to[0], c1: to[1] }), content);
    }
  }

  /** Test helper: the values of a block as Excel's `Range.values` gives them. */
  read(address: string): unknown[][] {
    const { block } = parseRangeAddress(address);
    const rows: unknown[][] = [];
    for (let r = block.r0; r <= block.r1; r++) {
      const row: unknown[] = [];
      for (let c = block.c0; c <= block.c1; c++) row.push(this.peek(r, c)?.value ?? "");
      rows.push(row);
    }
    return rows;
  }
}

/**
 * What a formula shows, for the one formula the add-in writes
 * (HYPERLINK to a cell); any other formula stands for text that Excel read as
 * a formula by mistake, which shows #NAME? as it would in Excel.
 */
function formulaResult(formula: string): { value: unknown; link?: CellModel["hyperlink"] } {
  const link = /^=HYPERLINK\("#?((?:[^"]|"")*)",\s*"((?:[^"]|"")*)"\)$/i.exec(formula);
  if (link) return { value: link[2].replace(/""/g, '"'), link: { address: link[1].replace(/""/g, '"') } };
  return { value: "#NAME?" };
}

/**
 * How Excel stores an entry written through `values` or `formulas`: a leading
 * apostrophe keeps text; text starting with =, + or - becomes a formula
 * (Range.values, "If the returned value starts with a plus, minus, or equal
 * sign, Excel interprets this value as a formula", @types/office-js); numbers
 * and ISO dates are converted unless the cell is formatted as text.
 */
function enter(cell: CellModel, value: unknown): void {
  cell.formula = undefined;
  if (typeof value !== "string") {
    cell.value = value ?? "";
    return;
  }
  if (value.startsWith("'")) {
    cell.value = value.slice(1);
    return;
  }
  const number = /^[-+]?\d+(\.\d+)?$/.test(value.trim()) && cell.numberFormat !== "@";
  if (/^[=+-]/.test(value) && value.length > 1 && !number) {
    const formula = value.startsWith("=") ? value : `=${value}`;
    const shown = formulaResult(formula);
    cell.formula = formula;
    cell.value = shown.value;
    if (shown.link) cell.hyperlink = shown.link;
    return;
  }
  if (cell.numberFormat === "@") {
    cell.value = value;
    return;
  }
  if (number) {
    cell.value = Number(value);
    return;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  cell.value = iso ? Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])) / 86_400_000 + 25_569 : value;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  cellsRead: number;
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  active?: SheetModel;
  selection?: { sheet: string; address: string };
  readonly settings = new Map<string, unknown>();
  /** The workbook's defined names (Formulas > Name Manager), which no table may share. */
  readonly definedNames: string[] = [];
  /** Defined names that refer to a range (Workbook.names.add), which move with their cells. */
  readonly namedRanges: NamedRangeModel[] = [];
  syncCount = 0;
  /** Every sync that reached the host, with what it carried. */
  readonly syncs: SyncRecord[] = [];
  /**
   * The sync with this number (counted as `syncCount`) fails with GeneralException
   * before any of its commands runs: a connection lost midway through a command.
   */
  failAtSync?: number;
  /** Latency of each round trip, to see the pane's progress indicators. */
  syncDelayMs = 0;
  /** While set, every round trip waits for releaseSyncs(): a run that is still going, for as long as a test needs. */
  private syncsHeld?: { released: Promise<void>; release: () => void };
  theme: { bodyBackgroundColor: string; bodyForegroundColor: string; controlBackgroundColor: string; controlForegroundColor: string; isDarkTheme?: boolean } = {
    bodyBackgroundColor: "#FFFFFF",
    bodyForegroundColor: "#000000",
    controlBackgroundColor: "#FFFFFF",
    controlForegroundColor: "#000000",
  };

  constructor(
    sheetNames: string[] = ["Sheet1"],
    public profile: HostProfile = PROFILES.windows,
  ) {
    for (const name of sheetNames) this.addSheet(name);
    this.active = this.sheets[0];
  }

  holdSyncs(): void {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    this.syncsHeld = { released, release };
  }

  releaseSyncs(): void {
    this.syncsHeld?.release();
    this.syncsHeld = undefined;
  }

  /** Resolves when no test holds the round trips. */
  async syncsReleased(): Promise<void> {
    while (this.syncsHeld) await this.syncsHeld.released;
  }

  supports(excelApi: string): boolean {
    return isSetSupported(this.profile, "ExcelApi", excelApi);
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): SheetModel {
    if (this.sheet(name)) throw new HostError("ItemAlreadyExists", `a sheet named ${name} exists`);
    const sheet = new SheetModel(name);
    this.sheets.push(sheet);
    return sheet;
  }

  tables(): TableModel[] {
    return this.sheets.flatMap((s) => this.tablesOf(s));
  }

  private readonly tableList: TableModel[] = [];
  tablesOf(sheet: SheetModel): TableModel[] {
    return this.tableList.filter((t) => t.sheet === sheet);
  }

  addTable(sheet: SheetModel, block: Block): TableModel {
    for (const t of this.tablesOf(sheet)) {
      const b = t.block;
      if (block.r0 <= b.r1 && block.r1 >= b.r0 && block.c0 <= b.c1 && block.c1 >= b.c0) throw new HostError("InvalidArgument", "tables cannot overlap");
    }
    let n = this.tableList.length + 1;
    while (this.tableList.some((t) => t.name === `Table${n}`)) n++;
    const table = new TableModel(`Table${n}`, sheet, block);
    this.tableList.push(table);
    return table;
  }

  renameTable(table: TableModel, name: string): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new HostError("InvalidArgument", `table name ${name} is not valid`);
    if (this.tableList.some((t) => t !== table && t.name.toLowerCase() === name.toLowerCase()))
      throw new HostError("InvalidArgument", `a table named ${name} exists`);
    // Tables and defined names share one namespace in a workbook.
    if (this.nameTaken(name)) throw new HostError("InvalidArgument", `a defined name ${name} exists, so no table can take that name`);
    table.name = name;
  }

  private nameTaken(name: string): boolean {
    const key = name.toLowerCase();
    return this.definedNames.some((n) => n.toLowerCase() === key) || this.namedRanges.some((n) => n.name.toLowerCase() === key);
  }

  namedRange(name: string): NamedRangeModel | undefined {
    return this.namedRanges.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }

  /** NamedItemCollection.add: a valid name, not a cell reference, not taken by a name or a table (ExcelApi 1.4). */
  addName(name: string, sheet: SheetModel, block: Block): NamedRangeModel {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) throw new HostError("InvalidArgument", `${name} is not a valid name`);
    if (this.nameTaken(name) || this.table(name)) throw new HostError("ItemAlreadyExists", `the name ${name} is taken`);
    const named: NamedRangeModel = { name, sheet, block, visible: true };
    this.namedRanges.push(named);
    return named;
  }

  deleteName(named: NamedRangeModel): void {
    this.namedRanges.splice(this.namedRanges.indexOf(named), 1);
  }

  /** Worksheet.name set: tables and names follow the sheet; another sheet's name is refused. */
  renameSheet(sheet: SheetModel, name: string): void {
    const other = this.sheet(name);
    if (other && other !== sheet) throw new HostError("InvalidArgument", `a sheet named ${name} exists`);
    sheet.name = name;
  }

  /**
   * Whole rows or columns inserted or deleted on a sheet (Range.insert with
   * Down or Right, Range.delete with Up or Left, ExcelApi 1.1): its cells,
   * notes, tables and the names that refer to it move with them.
   */
  shiftSheet(sheet: SheetModel, shift: Shift): void {
    sheet.shift(shift);
    for (const table of this.tablesOf(sheet)) {
      const block = shiftBlock(table.block, shift);
      if (block) table.block = block;
      else this.tableList.splice(this.tableList.indexOf(table), 1);
    }
    for (const named of this.namedRanges) if (named.sheet === sheet && named.block) named.block = shiftBlock(named.block, shift);
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) throw new HostError("InvalidOperation", "a workbook needs one visible sheet");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const t of this.tablesOf(sheet)) this.tableList.splice(this.tableList.indexOf(t), 1);
    // A name that referred to the sheet now refers to #REF!.
    for (const named of this.namedRanges) if (named.sheet === sheet) named.block = undefined;
    if (this.active === sheet) this.active = this.sheets[0];
  }

  /** Puts a grid of values on a sheet from A1 (a test and harness helper, not an API call). */
  fill(sheetName: string, rows: unknown[][], formats?: string[]): SheetModel {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const cell = sheet.cell(r, c);
        if (formats?.[c] && r > 0) cell.numberFormat = formats[c];
        cell.value = value ?? "";
      }),
    );
    return sheet;
  }

  table(name: string): TableModel | undefined {
    return this.tableList.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }
}

type Action = () => void;

/** A request context: commands queue, `sync()` sends them as one request and runs them in order. */
export class FakeContext {
  private queue: Array<{ action: Action; bytes: number }> = [];
  private response = { bytes: 0, cells: 0 };
  readonly workbook: FakeWorkbook;
  constructor(readonly model: WorkbookModel) {
    this.workbook = new FakeWorkbook(this);
  }

  /** Queues a command; `bytes` is what its data adds to the request. */
  enqueue(action: Action, bytes = 0): void {
    this.queue.push({ action, bytes: COMMAND_BYTES + bytes });
  }

  /** A load running inside sync() reports what it sends back. */
  respond(value: unknown): void {
    this.response.bytes += payloadBytes(value);
    this.response.cells += cellCount(value);
  }

  /** Fails the sync with ApiNotFound where this profile's Excel lacks the requirement set. */
  requireApi(excelApi: string, what: string): void {
    this.enqueue(() => {
      if (!this.model.supports(excelApi))
        throw new HostError("ApiNotFound", `${what} needs ExcelApi ${excelApi}; ${this.model.profile.label} supports ExcelApi ${this.model.profile.excelApi}`);
    });
  }

  async sync(): Promise<void> {
    this.model.syncCount++;
    if (this.model.syncDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.model.syncDelayMs));
    await this.model.syncsReleased();
    const batch = this.queue;
    this.queue = [];
    if (this.model.failAtSync === this.model.syncCount) throw new HostError("GeneralException", `sync ${this.model.syncCount} was lost`);
    const requestBytes = batch.reduce((sum, item) => sum + item.bytes, 0);
    const limits = this.model.profile.limits;
    if (limits && requestBytes > limits.payloadBytes) {
      throw new HostError(
        "RequestPayloadSizeLimitExceeded",
        `the request is ${requestBytes} bytes; ${this.model.profile.label} accepts ${limits.payloadBytes}`,
      );
    }
    this.response = { bytes: 0, cells: 0 };
    for (const { action } of batch) action();
    this.model.syncs.push({ requestBytes, responseBytes: this.response.bytes, cellsRead: this.response.cells });
    if (limits && this.response.cells > limits.cellsPerRead) {
      throw new HostError(
        "RangeExceedsLimit",
        `the request reads ${this.response.cells} cells; ${this.model.profile.label} reads at most ${limits.cellsPerRead}`,
      );
    }
    if (limits && this.response.bytes > limits.payloadBytes) {
      throw new HostError(
        "ResponsePayloadSizeLimitExceeded",
        `the response is ${this.response.bytes} bytes; ${this.model.profile.label} sends at most ${limits.payloadBytes}`,
      );
    }
  }
}

/** A value a method returns, readable after the sync (OfficeExtension.ClientResult). */
class FakeClientResult<T> {
  private settled = false;
  private result?: T;
  constructor(private readonly what: string) {}
  settle(value: T): void {
    this.settled = true;
    this.result = value;
  }
  get value(): T {
    if (!this.settled) throw new HostError("PropertyNotLoaded", `${this.what} is not available before context.sync()`);
    return this.result as T;
  }
}

/** Parses `load()` arguments into property paths. */
function loadPaths(props?: string | string[] | { select?: string }): string[] {
  if (props === undefined) return [];
  if (Array.isArray(props)) return props;
  if (typeof props === "object") return loadPaths(props.select);
  return props
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}

abstract class ClientObject<T> {
  private loaded?: Map<string, unknown>;
  private nullState?: boolean;

  constructor(
    readonly context: FakeContext,
    private readonly resolver: () => T | null,
    protected readonly what: string,
    /** Made by an …OrNullObject method: a missing target is a null object, not an error. */
    private readonly orNull = false,
  ) {}

  /** The ExcelApi requirement set this object belongs to, when newer than every profile's. */
  protected readonly api?: string;

  /** The model object, at sync time. */
  protected resolve(): T {
    const target = this.resolver();
    if (target === null) throw new HostError("ItemNotFound", `${this.what} does not exist`);
    return target;
  }

  protected resolveOrNull(): T | null {
    return this.resolver();
  }

  /** Reads one property of the model object (at sync). */
  protected abstract readProperty(target: T, name: string): unknown;

  load(props?: string | string[] | { select?: string }): this {
    const paths = loadPaths(props);
    if (this.api) this.context.requireApi(this.api, this.what);
    this.context.enqueue(() => {
      const target = this.resolveOrNull();
      if (target === null && !this.orNull) throw new HostError("ItemNotFound", `${this.what} does not exist`);
      this.nullState = target === null;
      if (target === null) return;
      const snapshot = this.loaded ?? new Map<string, unknown>();
      for (const path of paths) {
        const [head, ...rest] = path.split("/");
        if (rest.length > 0) {
          this.loadNested(head, rest.join("/"));
        } else {
          const value = this.readProperty(target, head);
          this.context.respond(value);
          snapshot.set(head, value);
        }
      }
      this.loaded = snapshot;
    });
    return this;
  }

  /** Nested loads ("worksheet/name", "items/name") are queued on the navigation object, right now in the queue. */
  protected loadNested(head: string, rest: string): void {
    const nav = (this as unknown as Record<string, unknown>)[head];
    if (nav instanceof ClientObject) nav.loadNow(rest);
    else throw new HostError("InvalidArgument", `${head} cannot be loaded on ${this.what}`);
  }

  /** Runs a load immediately (used while a sync is already running). */
  loadNow(props: string): void {
    const queued: Action[] = [];
    const original = this.context.enqueue.bind(this.context);
    this.context.enqueue = (action: Action) => queued.push(action);
    try {
      this.load(props);
    } finally {
      this.context.enqueue = original;
    }
    queued.forEach((action) => action());
  }

  private readonly navigation = new Map<string, unknown>();
  /** Navigation properties return the same proxy every time, as Office.js does. */
  protected nav<P>(name: string, make: () => P): P {
    if (!this.navigation.has(name)) this.navigation.set(name, make());
    return this.navigation.get(name) as P;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      throw new HostError("PropertyNotLoaded", `isNullObject of ${this.what} is not available before load() and context.sync()`);
    }
    return this.nullState;
  }

  protected loadedValue<V>(name: string): V {
    if (!this.loaded || !this.loaded.has(name)) {
      throw new HostError(
        "PropertyNotLoaded",
        `The property '${name}' of ${this.what} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(name) as V;
  }

  protected enqueueOn(action: (target: T) => void, bytes = 0): void {
    if (this.api) this.context.requireApi(this.api, this.what);
    this.context.enqueue(() => action(this.resolve()), bytes);
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, () => "workbook", "the tables");
    this.names = new FakeNamedItemCollection(context, () => context.model, "the defined names");
  }
}

/** A defined name: a plain one (`definedNames`, a string) or one that refers to a range. */
type NameTarget = string | NamedRangeModel;

class FakeNamedItem extends ClientObject<NameTarget> {
  protected readProperty(target: NameTarget, property: string): unknown {
    if (typeof target === "string") {
      if (property === "name") return target;
      if (property === "type") return "String";
      if (property === "formula") return '=""';
      if (property === "visible") return true;
    } else {
      const where = target.sheet && target.block ? `${quote(target.sheet.name)}!${absolute(target.block)}` : "#REF!";
      if (property === "name") return target.name;
      // A name whose cells or sheet were deleted evaluates to #REF!: an Error, not a Range (NamedItem.type, ExcelApi 1.1).
      if (property === "type") return target.block ? "Range" : "Error";
      // NamedItem.formula (ExcelApi 1.7): the reference as Excel keeps it, moved and renamed with its cells.
      if (property === "formula") return `=${where}`;
      if (property === "visible") return target.visible;
    }
    throw new HostError("InvalidArgument", `a named item has no property ${property}`);
  }
  get name(): string {
    return this.loadedValue("name");
  }
  get type(): string {
    return this.loadedValue("type");
  }
  get formula(): string {
    return this.loadedValue("formula");
  }
  get visible(): boolean {
    return this.loadedValue("visible");
  }
  set visible(visible: boolean) {
    this.enqueueOn((target) => {
      if (typeof target !== "string") target.visible = visible;
    });
  }
  delete(): void {
    this.enqueueOn((target) => {
      if (typeof target === "string") this.context.model.definedNames.splice(this.context.model.definedNames.indexOf(target), 1);
      else this.context.model.deleteName(target);
    });
  }
}

/** "$C$2:$C$9": a block as a defined name's formula holds it. */
function absolute(block: Block): string {
  const cell = (r: number, c: number) => `$${columnName(c)}$${r + 1}`;
  return block.r0 === block.r1 && block.c0 === block.c1 ? cell(block.r0, block.c0) : `${cell(block.r0, block.c0)}:${cell(block.r1, block.c1)}`;
}

class FakeNamedItemCollection extends ClientObject<WorkbookModel> {
  private itemProxies: FakeNamedItem[] = [];
  private itemsLoaded = false;
  protected readProperty(): unknown {
    throw new HostError("InvalidArgument", "names has no scalar properties");
  }
  private all(): NameTarget[] {
    return [...this.context.model.definedNames, ...this.context.model.namedRanges];
  }
  protected override loadNested(head: string, rest: string): void {
    if (head !== "items") throw new HostError("InvalidArgument", `names cannot load ${head}`);
    this.itemProxies = this.all().map((target) => {
      const proxy = new FakeNamedItem(this.context, () => target, `the name ${typeof target === "string" ? target : target.name}`);
      proxy.loadNow(rest);
      return proxy;
    });
    this.itemsLoaded = true;
  }
  get items(): FakeNamedItem[] {
    if (!this.itemsLoaded) throw new HostError("PropertyNotLoaded", "names.items is not available before load() and context.sync()");
    return this.itemProxies;
  }
  private find(name: string): NameTarget | null {
    return this.context.model.namedRange(name) ?? this.context.model.definedNames.find((n) => n.toLowerCase() === name.toLowerCase()) ?? null;
  }
  /** NamedItemCollection.getItemOrNullObject (ExcelApi 1.4). */
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.find(name), `the name ${name}`, true);
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.find(name), `the name ${name}`);
  }
  /** NamedItemCollection.add(name, reference) (ExcelApi 1.4). */
  add(name: string, reference: FakeRange): FakeNamedItem {
    this.context.requireApi("1.4", "NamedItemCollection.add");
    this.context.enqueue(() => {
      const target = (reference as unknown as { resolve(): RangeTarget }).resolve();
      this.context.model.addName(name, target.sheet, target.block);
    }, name.length);
    return this.getItem(name);
  }
}

class FakeWorksheetCollection extends ClientObject<WorkbookModel> {
  private itemProxies: FakeWorksheet[] = [];
  constructor(context: FakeContext) {
    super(context, () => context.model, "the worksheets");
  }
  protected readProperty(model: WorkbookModel, name: string): unknown {
    if (name === "items") return model.sheets.map((s) => s.name);
    throw new HostError("InvalidArgument", `worksheets has no property ${name}`);
  }
  protected override loadNested(head: string, rest: string): void {
    if (head !== "items") throw new HostError("InvalidArgument", `worksheets cannot load ${head}`);
    this.itemProxies = this.context.model.sheets.map((sheet) => {
      const proxy = new FakeWorksheet(this.context, () => (this.context.model.sheets.includes(sheet) ? sheet : null), `worksheet ${sheet.name}`);
      proxy.loadNow(rest);
      return proxy;
    });
    this.markItemsLoaded();
  }
  private itemsLoaded = false;
  private markItemsLoaded(): void {
    this.itemsLoaded = true;
  }
  get items(): FakeWorksheet[] {
    if (!this.itemsLoaded) throw new HostError("PropertyNotLoaded", "worksheets.items is not available before load() and context.sync()");
    return this.itemProxies;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.sheet(name) ?? null, `worksheet ${name}`);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.sheet(name) ?? null, `worksheet ${name}`, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.active ?? null, "the active worksheet");
  }
  /** The new sheet's proxy stays bound to that sheet through a rename in the same batch, as Office.js tracks an object, not its name. */
  add(name: string): FakeWorksheet {
    let created: SheetModel | undefined;
    this.context.enqueue(() => {
      created = this.context.model.addSheet(name);
    });
    return new FakeWorksheet(this.context, () => (created && this.context.model.sheets.includes(created) ? created : null), `worksheet ${name}`);
  }
}

class FakeWorksheet extends ClientObject<SheetModel> {
  protected readProperty(sheet: SheetModel, name: string): unknown {
    if (name === "name") return sheet.name;
    if (name === "visibility") return sheet.visibility;
    throw new HostError("InvalidArgument", `worksheet has no property ${name}`);
  }
  get name(): string {
    return this.loadedValue("name");
  }
  /** Renames the sheet (Worksheet.name, ExcelApi 1.1); an object got by the old name then finds nothing (ItemNotFound). */
  set name(name: string) {
    this.enqueueOn((sheet) => this.context.model.renameSheet(sheet, name));
  }
  get tables(): FakeTableCollection {
    return this.nav("tables", () => new FakeTableCollection(this.context, () => this.resolve(), "the sheet's tables"));
  }
  get notes(): FakeNoteCollection {
    return this.nav("notes", () => new FakeNoteCollection(this.context, () => this.resolve(), "the sheet's notes"));
  }
  get charts(): FakeChartCollection {
    return this.nav("charts", () => new FakeChartCollection(this.context, () => this.resolve(), "the sheet's charts"));
  }
  getRange(address = "A1"): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const { block } = parseRangeAddress(address);
        return { sheet: this.resolve(), block };
      },
      `range ${address}`,
    );
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.resolve();
        return { sheet, block: sheet.usedBlock(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
      },
      "the used range",
    );
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this.context.requireApi("1.7", "Worksheet.getRangeByIndexes");
    return new FakeRange(
      this.context,
      () => {
        if (rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS)
          throw new HostError("InvalidArgument", `no range of ${rowCount}×${columnCount} cells at row ${startRow}`);
        return { sheet: this.resolve(), block: { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 } };
      },
      `cells from R${startRow + 1}C${startColumn + 1}`,
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.resolve();
        const block = sheet.usedBlock(valuesOnly);
        return block ? { sheet, block } : null;
      },
      "the used range",
      true,
    );
  }
  activate(): void {
    this.enqueueOn((sheet) => (this.context.model.active = sheet));
  }
  delete(): void {
    this.enqueueOn((sheet) => this.context.model.deleteSheet(sheet));
  }
}

interface RangeTarget {
  sheet: SheetModel;
  block: Block;
}

function eachCell(target: RangeTarget, fn: (cell: CellModel, r: number, c: number) => void): void {
  const { r0, c0, r1, c1 } = target.block;
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) fn(target.sheet.cell(r, c), r - r0, c - c0);
}

/** The shift an insertion (sign 1) or deletion (-1) of a block's whole rows or columns makes; anything narrower is beyond this double. */
function wholeShift(block: Block, axis: "rows" | "columns", sign: 1 | -1): Shift {
  const whole = axis === "rows" ? block.c0 === 0 && block.c1 === MAX_COLUMNS - 1 : block.r0 === 0 && block.r1 === MAX_ROWS - 1;
  if (!whole) throw new HostError("InvalidArgument", `this double inserts and deletes whole ${axis} only, not ${blockAddress(block)}`);
  const [from, to] = axis === "rows" ? [block.r0, block.r1] : [block.c0, block.c1];
  return { axis, from, count: sign * (to - from + 1) };
}

function shapeOf(block: Block): [number, number] {
  return [block.r1 - block.r0 + 1, block.c1 - block.c0 + 1];
}

function cellwise(value: unknown, rows: number, columns: number, name: string): (r: number, c: number) => unknown {
  if (!Array.isArray(value)) return () => value;
  if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== columns)) {
    throw new HostError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name})`);
  }
  return (r, c) => value[r][c];
}

class FakeRange extends ClientObject<RangeTarget> {
  protected readProperty(target: RangeTarget, name: string): unknown {
    const [rows, columns] = shapeOf(target.block);
    const grid = (pick: (cell: CellModel | undefined) => unknown) => {
      const out: unknown[][] = [];
      for (let r = 0; r < rows; r++) {
        const row: unknown[] = [];
        for (let c = 0; c < columns; c++) row.push(pick(target.sheet.peek(target.block.r0 + r, target.block.c0 + c)));
        out.push(row);
      }
      return out;
    };
    switch (name) {
      case "values":
        return grid((cell) => cell?.value ?? "");
      case "numberFormat":
        return grid((cell) => cell?.numberFormat ?? "General");
      case "formulas":
        return grid((cell) => cell?.formula ?? cell?.value ?? "");
      case "address":
        return `${quote(target.sheet.name)}!${blockAddress(target.block)}`;
      case "rowCount":
        return rows;
      case "columnCount":
        return columns;
      case "rowIndex":
        return target.block.r0;
      case "columnIndex":
        return target.block.c0;
      default:
        throw new HostError("InvalidArgument", `range has no property ${name}`);
    }
  }
  get values(): unknown[][] {
    return this.loadedValue("values");
  }
  set values(value: unknown[][]) {
    this.enqueueOn((target) => {
      const [rows, columns] = shapeOf(target.block);
      const at = cellwise(value, rows, columns, "values");
      eachCell(target, (cell, r, c) => enter(cell, at(r, c)));
    }, payloadBytes(value));
  }
  set formulas(value: unknown[][]) {
    this.enqueueOn((target) => {
      const [rows, columns] = shapeOf(target.block);
      const at = cellwise(value, rows, columns, "formulas");
      eachCell(target, (cell, r, c) => enter(cell, at(r, c)));
    }, payloadBytes(value));
  }
  get numberFormat(): unknown[][] {
    return this.loadedValue("numberFormat");
  }
  set numberFormat(value: unknown) {
    this.enqueueOn((target) => {
      const [rows, columns] = shapeOf(target.block);
      const at = cellwise(value, rows, columns, "numberFormat");
      eachCell(target, (cell, r, c) => (cell.numberFormat = String(at(r, c))));
    }, payloadBytes(value));
  }
  get address(): string {
    return this.loadedValue("address");
  }
  get rowCount(): number {
    return this.loadedValue("rowCount");
  }
  get columnCount(): number {
    return this.loadedValue("columnCount");
  }
  get rowIndex(): number {
    return this.loadedValue("rowIndex");
  }
  get columnIndex(): number {
    return this.loadedValue("columnIndex");
  }
  get worksheet(): FakeWorksheet {
    return this.nav("worksheet", () => new FakeWorksheet(this.context, () => this.resolveOrNull()?.sheet ?? null, `the worksheet of ${this.what}`));
  }
  set hyperlink(link: CellModel["hyperlink"]) {
    this.enqueueOn((target) => (target.sheet.cell(target.block.r0, target.block.c0).hyperlink = link), payloadBytes(link));
  }
  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const { sheet, block: a } = this.resolve();
        const b = typeof other === "string" ? parseRangeAddress(other).block : (other as unknown as { resolve(): RangeTarget }).resolve().block;
        const block = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
        return block.r0 <= block.r1 && block.c0 <= block.c1 ? { sheet, block } : null;
      },
      `the intersection with ${this.what}`,
      true,
    );
  }
  /** Per-cell fill, the only cell property the add-in reads (ExcelApi 1.9). */
  getCellProperties(options: {
    format?: { fill?: Partial<Record<keyof Fill, boolean>> };
  }): FakeClientResult<Array<Array<{ format: { fill: Partial<Fill> } }>>> {
    this.context.requireApi("1.9", "Range.getCellProperties");
    const result = new FakeClientResult<Array<Array<{ format: { fill: Partial<Fill> } }>>>("the cell properties");
    const wanted = Object.entries(options.format?.fill ?? {})
      .filter(([, on]) => on)
      .map(([name]) => name as keyof Fill);
    this.enqueueOn((target) => {
      const [rows, columns] = shapeOf(target.block);
      const value = Array.from({ length: rows }, (_, r) =>
        Array.from({ length: columns }, (_, c) => {
          const fill = target.sheet.peek(target.block.r0 + r, target.block.c0 + c)?.fill ?? NO_FILL;
          return { format: { fill: Object.fromEntries(wanted.map((name) => [name, fill[name]])) as Partial<Fill> } };
        }),
      );
      this.context.respond(value);
      result.settle(value);
    }, payloadBytes(options));
    return result;
  }
  get format(): FakeRangeFormat {
    return this.nav("format", () => new FakeRangeFormat(this.context, () => this.resolve(), "a range format"));
  }
  get dataValidation(): { rule: unknown } {
    const enqueueOn = this.enqueueOn.bind(this);
    return {
      set rule(rule: unknown) {
        enqueueOn((target) => eachCell(target, (cell) => (cell.validation = rule)));
      },
      get rule(): unknown {
        throw new HostError("PropertyNotLoaded", "dataValidation.rule was not loaded");
      },
    };
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const { sheet, block } = this.resolve();
        return { sheet, block: { r0: block.r0 + row, c0: block.c0 + column, r1: block.r0 + row, c1: block.c0 + column } };
      },
      "a cell",
    );
  }
  /**
   * Range.insert("Down" | "Right") and Range.delete("Up" | "Left") (ExcelApi
   * 1.1) over whole rows ("3:4") or whole columns ("C:C"): what a user's
   * Insert and Delete do, modelled for the add-in's marks and names.
   */
  insert(shift: "Down" | "Right"): void {
    this.enqueueOn((target) => this.context.model.shiftSheet(target.sheet, wholeShift(target.block, shift === "Down" ? "rows" : "columns", 1)));
  }
  delete(shift: "Up" | "Left"): void {
    this.enqueueOn((target) => this.context.model.shiftSheet(target.sheet, wholeShift(target.block, shift === "Up" ? "rows" : "columns", -1)));
  }
  select(): void {
    this.enqueueOn((target) => {
      this.context.model.active = target.sheet;
      this.context.model.selection = { sheet: target.sheet.name, address: blockAddress(target.block) };
    });
  }
}

class FakeRangeFormat extends ClientObject<RangeTarget> {
  protected readProperty(target: RangeTarget, name: string): unknown {
    if (name === "columnWidth") return target.sheet.columnWidths.get(target.block.c0) ?? 64;
    throw new HostError("InvalidArgument", `format has no property ${name}`);
  }
  get fill(): FakeRangeFill {
    return this.nav("fill", () => new FakeRangeFill(this.context, () => this.resolve(), "a range fill"));
  }
  get font(): FakeRangeFont {
    return this.nav("font", () => new FakeRangeFont(this.context, () => this.resolve(), "a range font"));
  }
  set columnWidth(width: number) {
    this.enqueueOn((target) => {
      for (let c = target.block.c0; c <= target.block.c1; c++) target.sheet.columnWidths.set(c, width);
    });
  }
  autofitColumns(): void {
    this.enqueueOn(() => undefined);
  }
}

/** The font of a range: bold and size, what the add-in sets (ExcelApi 1.1). */
class FakeRangeFont extends ClientObject<RangeTarget> {
  protected readProperty(target: RangeTarget, name: string): unknown {
    const font = target.sheet.peek(target.block.r0, target.block.c0)?.font ?? {};
    if (name === "bold") return font.bold ?? false;
    if (name === "size") return font.size ?? 11;
    throw new HostError("InvalidArgument", `font has no property ${name}`);
  }
  private setFont(change: Font): void {
    this.enqueueOn((target) => eachCell(target, (cell) => (cell.font = { ...cell.font, ...change })));
  }
  get bold(): boolean {
    return this.loadedValue("bold");
  }
  set bold(bold: boolean) {
    this.setFont({ bold });
  }
  get size(): number {
    return this.loadedValue("size");
  }
  set size(size: number) {
    this.setFont({ size });
  }
}

class FakeRangeFill extends ClientObject<RangeTarget> {
  protected readProperty(target: RangeTarget, name: string): unknown {
    const fill = target.sheet.peek(target.block.r0, target.block.c0)?.fill ?? NO_FILL;
    if (name in fill) return fill[name as keyof Fill];
    throw new HostError("InvalidArgument", `fill has no property ${name}`);
  }
  private setFill(change: Partial<Fill>): void {
    this.enqueueOn((target) =>
      eachCell(target, (cell) => {
        cell.fill = { ...cell.fill, ...change };
        if (change.color !== undefined && cell.fill.pattern === "None") cell.fill.pattern = "Solid";
      }),
    );
  }
  get color(): string {
    return this.loadedValue("color");
  }
  set color(color: string) {
    this.setFill({ color });
  }
  get pattern(): string {
    return this.loadedValue("pattern");
  }
  set pattern(pattern: string) {
    this.setFill({ pattern });
  }
  get patternColor(): string {
    return this.loadedValue("patternColor");
  }
  set patternColor(patternColor: string) {
    this.setFill({ patternColor });
  }
  get tintAndShade(): number {
    return this.loadedValue("tintAndShade");
  }
  set tintAndShade(tintAndShade: number) {
    this.setFill({ tintAndShade });
  }
  clear(): void {
    this.enqueueOn((target) => eachCell(target, (cell) => (cell.fill = NO_FILL)));
  }
}

class FakeTableCollection extends ClientObject<SheetModel | "workbook"> {
  private itemProxies: FakeTable[] = [];
  private itemsLoaded = false;
  protected readProperty(): unknown {
    throw new HostError("InvalidArgument", "tables has no scalar properties");
  }
  private all(): TableModel[] {
    const scope = this.resolve();
    return scope === "workbook" ? this.context.model.tables() : this.context.model.tablesOf(scope);
  }
  protected override loadNested(head: string, rest: string): void {
    if (head !== "items") throw new HostError("InvalidArgument", `tables cannot load ${head}`);
    this.itemProxies = this.all().map((table) => {
      const proxy = new FakeTable(this.context, () => table, `table ${table.name}`);
      proxy.loadNow(rest);
      return proxy;
    });
    this.itemsLoaded = true;
  }
  get items(): FakeTable[] {
    if (!this.itemsLoaded) throw new HostError("PropertyNotLoaded", "tables.items is not available before load() and context.sync()");
    return this.itemProxies;
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this.context, () => this.context.model.table(name) ?? null, `table ${name}`);
  }
  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.context, () => this.context.model.table(name) ?? null, `table ${name}`, true);
  }
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    let created: TableModel | undefined;
    this.context.enqueue(() => {
      if (!hasHeaders) throw new HostError("InvalidArgument", "this double only supports tables with headers");
      const target =
        typeof address === "string"
          ? (() => {
              const parsed = parseRangeAddress(address);
              const scope = this.resolve();
              const sheet = parsed.sheet ? this.context.model.sheet(parsed.sheet) : scope === "workbook" ? undefined : scope;
              if (!sheet) throw new HostError("ItemNotFound", `sheet for ${address}`);
              return { sheet, block: parsed.block };
            })()
          : (address as unknown as { resolve(): RangeTarget }).resolve();
      created = this.context.model.addTable(target.sheet, target.block);
    });
    return new FakeTable(this.context, () => created ?? null, "a new table");
  }
}

class FakeTable extends ClientObject<TableModel> {
  protected readProperty(table: TableModel, name: string): unknown {
    if (name === "name") return table.name;
    throw new HostError("InvalidArgument", `table has no property ${name}`);
  }
  get name(): string {
    return this.loadedValue("name");
  }
  set name(name: string) {
    this.enqueueOn((table) => this.context.model.renameTable(table, name));
  }
  get worksheet(): FakeWorksheet {
    return this.nav("worksheet", () => new FakeWorksheet(this.context, () => this.resolveOrNull()?.sheet ?? null, "a table's worksheet"));
  }
  getRange(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const table = this.resolve();
        return { sheet: table.sheet, block: table.block };
      },
      "a table's range",
    );
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const table = this.resolve();
        return { sheet: table.sheet, block: { ...table.block, r0: table.block.r0 + 1 } };
      },
      "a table's body",
    );
  }
}

class FakeNoteCollection extends ClientObject<SheetModel> {
  protected override readonly api = "1.18";
  protected readProperty(): unknown {
    throw new HostError("InvalidArgument", "notes has no scalar properties");
  }
  add(cellAddress: string, content: string): FakeNote {
    const { block } = parseRangeAddress(cellAddress);
    const key = blockAddress(block);
    this.enqueueOn(
      (sheet) => {
        // NoteCollection.add: "If the string is invalid, or the range is not a single cell, an InvalidCellAddress error is thrown."
        if (block.r0 !== block.r1 || block.c0 !== block.c1) throw new HostError("InvalidCellAddress", `a note goes on one cell, not ${key}`);
        if (sheet.notes.has(key)) throw new HostError("InvalidArgument", `cell ${key} already has a note`);
        sheet.notes.set(key, content);
      },
      payloadBytes(content) + key.length,
    );
    return this.getItem(cellAddress);
  }
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>("the note count");
    this.enqueueOn((sheet) => {
      this.context.respond(sheet.notes.size);
      result.settle(sheet.notes.size);
    });
    return result;
  }
  getItem(key: string, orNull = false): FakeNote {
    const address = blockAddress(parseRangeAddress(key).block);
    return new FakeNote(
      this.context,
      () => {
        const sheet = this.resolve();
        return sheet.notes.has(address) ? { sheet, address } : null;
      },
      `the note on ${address}`,
      orNull,
    );
  }
  getItemOrNullObject(key: string): FakeNote {
    return this.getItem(key, true);
  }
}

class FakeNote extends ClientObject<{ sheet: SheetModel; address: string }> {
  protected override readonly api = "1.18";
  protected readProperty(note: { sheet: SheetModel; address: string }, name: string): unknown {
    if (name === "content") return note.sheet.notes.get(note.address);
    throw new HostError("InvalidArgument", `note has no property ${name}`);
  }
  get content(): string {
    return this.loadedValue("content");
  }
  delete(): void {
    this.enqueueOn((note) => note.sheet.notes.delete(note.address));
  }
}

class FakeChartCollection extends ClientObject<SheetModel> {
  protected readProperty(): unknown {
    throw new HostError("InvalidArgument", "charts has no scalar properties");
  }
  add(type: string, source: FakeRange, _seriesBy?: string): FakeChart {
    let chart: ChartModel | undefined;
    this.enqueueOn((sheet) => {
      const target = (source as unknown as { resolve(): RangeTarget }).resolve();
      chart = new ChartModel(`Chart ${sheet.charts.length + 1}`, type, target);
      sheet.charts.push(chart);
    });
    return new FakeChart(this.context, () => chart ?? null, "a new chart");
  }
}

class FakeChart extends ClientObject<ChartModel> {
  protected readProperty(chart: ChartModel, name: string): unknown {
    if (name === "name") return chart.name;
    throw new HostError("InvalidArgument", `chart has no property ${name}`);
  }
  set name(name: string) {
    this.enqueueOn((chart) => (chart.name = name));
  }
  get title(): { text: string } {
    const enqueueOn = this.enqueueOn.bind(this);
    return {
      set text(text: string) {
        enqueueOn((chart) => (chart.title = text));
      },
      get text(): string {
        throw new HostError("PropertyNotLoaded", "chart title was not loaded");
      },
    };
  }
  setPosition(start: string, end: string): void {
    this.enqueueOn((chart) => (chart.position = [start, end]));
  }
}

/** `Excel` and `Office` globals over a workbook model. */
export function installHost(model: WorkbookModel, target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
  target.Excel = {
    run: async <T>(batch: (context: FakeContext) => Promise<T>): Promise<T> => batch(new FakeContext(model)),
  };
  target.Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    HostType: { Excel: "Excel" },
    onReady: (callback?: (info: { host: string }) => void) => {
      callback?.({ host: "Excel" });
      return Promise.resolve({ host: "Excel" });
    },
    context: {
      get officeTheme() {
        return model.theme;
      },
      get diagnostics() {
        return { host: "Excel", platform: model.profile.platform, version: "16.0" };
      },
      requirements: {
        isSetSupported: (name: string, minVersion?: string | number) =>
          isSetSupported(model.profile, name, minVersion === undefined ? undefined : String(minVersion)),
      },
      document: {
        settings: {
          get: (key: string) => (model.settings.has(key) ? structuredClone(model.settings.get(key)) : null),
          set: (key: string, value: unknown) => model.settings.set(key, structuredClone(value)),
          remove: (key: string) => model.settings.delete(key),
          saveAsync: (callback?: (result: { status: string }) => void) => callback?.({ status: "succeeded" }),
        },
      },
    },
  };
}
