/**
 * An in-memory Excel host double: a workbook model and the part of the Excel
 * JavaScript API that `src/workbook/` uses, with the real API's rules
 * enforced: commands queue until `context.sync()`; a property can be read only
 * after `load()` and a sync; a missing item fails the sync (ItemNotFound); a
 * null object is known only after a sync. It runs in jest and, bundled, in
 * the browser harness (test/e2e), so no Node APIs are used here.
 */

export interface Fill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
}

const NO_FILL: Fill = { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: 0 };

export interface CellModel {
  value: unknown;
  numberFormat: string;
  fill: Fill;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string };
  validation?: unknown;
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
    sheet = address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    local = address.slice(bang + 1);
  }
  const [from, to = from] = local.replace(/\$/g, "").toUpperCase().split(":");
  const cell = (text: string, end: boolean) => {
    const m = /^([A-Z]*)(\d*)$/.exec(text);
    if (!m || (!m[1] && !m[2])) throw new HostError("InvalidArgument", `bad address ${address}`);
    return { r: m[2] ? Number(m[2]) - 1 : end ? MAX_ROWS - 1 : 0, c: m[1] ? columnIndex(m[1]) : end ? 16_383 : 0 };
  };
  const a = cell(from, false);
  const b = cell(to, true);
  return { sheet, block: { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) } };
}

export function blockAddress(block: Block): string {
  const first = `${columnName(block.c0)}${block.r0 + 1}`;
  return block.r0 === block.r1 && block.c0 === block.c1 ? first : `${first}:${columnName(block.c1)}${block.r1 + 1}`;
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
    readonly source: string,
  ) {}
}

export class SheetModel {
  readonly cells = new Map<string, CellModel>();
  readonly notes = new Map<string, string>();
  readonly charts: ChartModel[] = [];
  readonly columnWidths = new Map<number, number>();
  visibility = "Visible";
  constructor(public name: string) {}

  peek(r: number, c: number): CellModel | undefined {
    return this.cells.get(`${r},${c}`);
  }

  cell(r: number, c: number): CellModel {
    let cell = this.peek(r, c);
    if (!cell) {
      cell = { value: "", numberFormat: "General", fill: { ...NO_FILL } };
      this.cells.set(`${r},${c}`, cell);
    }
    return cell;
  }

  /** Bounding block of cells with a value (valuesOnly) or any content or format. */
  usedBlock(valuesOnly: boolean): Block | undefined {
    let block: Block | undefined;
    for (const [key, cell] of this.cells) {
      const used = cell.value !== "" || (!valuesOnly && (cell.numberFormat !== "General" || cell.fill.pattern !== "None"));
      if (!used) continue;
      const [r, c] = key.split(",").map(Number);
      block = block ? { r0: Math.min(block.r0, r), c0: Math.min(block.c0, c), r1: Math.max(block.r1, r), c1: Math.max(block.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
    }
    return block;
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

/** How Excel stores a typed entry: a leading apostrophe keeps text, numbers and ISO dates are converted unless the cell is formatted as text. */
function enteredValue(value: unknown, numberFormat: string): unknown {
  if (typeof value !== "string") return value ?? "";
  if (value.startsWith("'")) return value.slice(1);
  if (numberFormat === "@") return value;
  if (/^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (iso) return Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])) / 86_400_000 + 25_569;
  return value;
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  active?: SheetModel;
  selection?: { sheet: string; address: string };
  readonly settings = new Map<string, unknown>();
  syncCount = 0;
  /** Latency of each round trip, to see the pane's progress indicators. */
  syncDelayMs = 0;
  theme: { bodyBackgroundColor: string; bodyForegroundColor: string; controlBackgroundColor: string; controlForegroundColor: string; isDarkTheme?: boolean } = {
    bodyBackgroundColor: "#FFFFFF",
    bodyForegroundColor: "#000000",
    controlBackgroundColor: "#FFFFFF",
    controlForegroundColor: "#000000",
  };

  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const name of sheetNames) this.addSheet(name);
    this.active = this.sheets[0];
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
    if (this.tableList.some((t) => t !== table && t.name.toLowerCase() === name.toLowerCase())) throw new HostError("InvalidArgument", `a table named ${name} exists`);
    table.name = name;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) throw new HostError("InvalidOperation", "a workbook needs one visible sheet");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const t of this.tablesOf(sheet)) this.tableList.splice(this.tableList.indexOf(t), 1);
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

/** A request context: commands queue, `sync()` runs them in order. */
export class FakeContext {
  private queue: Action[] = [];
  readonly workbook: FakeWorkbook;
  constructor(readonly model: WorkbookModel) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(action: Action): void {
    this.queue.push(action);
  }

  async sync(): Promise<void> {
    this.model.syncCount++;
    if (this.model.syncDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.model.syncDelayMs));
    const actions = this.queue;
    this.queue = [];
    for (const action of actions) action();
  }
}

/** Parses `load()` arguments into property paths. */
function loadPaths(props?: string | string[] | { select?: string }): string[] {
  if (props === undefined) return [];
  if (Array.isArray(props)) return props;
  if (typeof props === "object") return loadPaths(props.select);
  return props.split(",").map((p) => p.trim()).filter(Boolean);
}

abstract class ClientObject<T> {
  private loaded?: Map<string, unknown>;
  private nullState?: boolean;

  constructor(
    readonly context: FakeContext,
    private readonly resolver: () => T | null,
    private readonly what: string,
    /** Made by an …OrNullObject method: a missing target is a null object, not an error. */
    private readonly orNull = false,
  ) {}

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
    this.context.enqueue(() => {
      const target = this.resolveOrNull();
      if (target === null && !this.orNull) throw new HostError("ItemNotFound", `${this.what} does not exist`);
      this.nullState = target === null;
      if (target === null) return;
      const snapshot = this.loaded ?? new Map<string, unknown>();
      for (const path of paths) {
        const [head, ...rest] = path.split("/");
        if (rest.length > 0) this.loadNested(head, rest.join("/"));
        else snapshot.set(head, this.readProperty(target, head));
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

  protected enqueueOn(action: (target: T) => void): void {
    this.context.enqueue(() => action(this.resolve()));
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, () => "workbook", "the tables");
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
  add(name: string): FakeWorksheet {
    this.context.enqueue(() => {
      this.context.model.addSheet(name);
    });
    return this.getItem(name);
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
    return new FakeRange(this.context, () => {
      const { block } = parseRangeAddress(address);
      return { sheet: this.resolve(), block };
    }, `range ${address}`);
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.resolve();
      return { sheet, block: sheet.usedBlock(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    }, "the used range");
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.resolve();
      const block = sheet.usedBlock(valuesOnly);
      return block ? { sheet, block } : null;
    }, "the used range", true);
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
      case "address":
        return `${quote(target.sheet.name)}!${blockAddress(target.block)}`;
      case "rowCount":
        return rows;
      case "columnCount":
        return columns;
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
      eachCell(target, (cell, r, c) => (cell.value = enteredValue(at(r, c), cell.numberFormat)));
    });
  }
  get numberFormat(): unknown[][] {
    return this.loadedValue("numberFormat");
  }
  set numberFormat(value: unknown) {
    this.enqueueOn((target) => {
      const [rows, columns] = shapeOf(target.block);
      const at = cellwise(value, rows, columns, "numberFormat");
      eachCell(target, (cell, r, c) => (cell.numberFormat = String(at(r, c))));
    });
  }
  get address(): string {
    return this.loadedValue("address");
  }
  get rowCount(): number {
    return this.loadedValue("rowCount");
  }
  set hyperlink(link: CellModel["hyperlink"]) {
    this.enqueueOn((target) => (target.sheet.cell(target.block.r0, target.block.c0).hyperlink = link));
  }
  get format(): FakeRangeFormat {
    return this.nav("format", () => new FakeRangeFormat(this.context, () => this.resolve(), "a range format"));
  }
  get dataValidation(): { rule: unknown } {
    const range = this;
    return {
      set rule(rule: unknown) {
        range.enqueueOn((target) => eachCell(target, (cell) => (cell.validation = rule)));
      },
      get rule(): unknown {
        throw new HostError("PropertyNotLoaded", "dataValidation.rule was not loaded");
      },
    };
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, block } = this.resolve();
      return { sheet, block: { r0: block.r0 + row, c0: block.c0 + column, r1: block.r0 + row, c1: block.c0 + column } };
    }, "a cell");
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
  set columnWidth(width: number) {
    this.enqueueOn((target) => {
      for (let c = target.block.c0; c <= target.block.c1; c++) target.sheet.columnWidths.set(c, width);
    });
  }
  autofitColumns(): void {
    this.enqueueOn(() => undefined);
  }
}

class FakeRangeFill extends ClientObject<RangeTarget> {
  protected readProperty(target: RangeTarget, name: string): unknown {
    const fill = target.sheet.peek(target.block.r0, target.block.c0)?.fill ?? NO_FILL;
    if (name in fill) return fill[name as keyof Fill];
    throw new HostError("InvalidArgument", `fill has no property ${name}`);
  }
  private setFill(change: Partial<Fill>): void {
    this.enqueueOn((target) => eachCell(target, (cell) => {
      cell.fill = { ...cell.fill, ...change };
      if (change.color !== undefined && cell.fill.pattern === "None") cell.fill.pattern = "Solid";
    }));
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
    this.enqueueOn((target) => eachCell(target, (cell) => (cell.fill = { ...NO_FILL })));
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
    return new FakeRange(this.context, () => {
      const table = this.resolve();
      return { sheet: table.sheet, block: table.block };
    }, "a table's range");
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const table = this.resolve();
      return { sheet: table.sheet, block: { ...table.block, r0: table.block.r0 + 1 } };
    }, "a table's body");
  }
}

class FakeNoteCollection extends ClientObject<SheetModel> {
  protected readProperty(): unknown {
    throw new HostError("InvalidArgument", "notes has no scalar properties");
  }
  add(cellAddress: string, content: string): FakeNote {
    const key = blockAddress(parseRangeAddress(cellAddress).block);
    this.enqueueOn((sheet) => {
      if (sheet.notes.has(key)) throw new HostError("InvalidArgument", `cell ${key} already has a note`);
      sheet.notes.set(key, content);
    });
    return this.getItem(cellAddress);
  }
  getItem(key: string, orNull = false): FakeNote {
    const address = blockAddress(parseRangeAddress(key).block);
    return new FakeNote(this.context, () => {
      const sheet = this.resolve();
      return sheet.notes.has(address) ? { sheet, address } : null;
    }, `the note on ${address}`, orNull);
  }
  getItemOrNullObject(key: string): FakeNote {
    return this.getItem(key, true);
  }
}

class FakeNote extends ClientObject<{ sheet: SheetModel; address: string }> {
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
      chart = new ChartModel(`Chart ${sheet.charts.length + 1}`, type, `${quote(target.sheet.name)}!${blockAddress(target.block)}`);
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
    const proxy = this;
    return {
      set text(text: string) {
        proxy.enqueueOn((chart) => (chart.title = text));
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
