/**
 * Text on the page in any script: each character drawn in the first face that
 * has it (fonts.ts), lines broken at spaces (or anywhere in a word wider than
 * the line), and each line put in reading order by the Unicode Bidirectional
 * Algorithm, so a Hebrew or Arabic name reads right to left inside an English
 * sentence. pdfkit draws one font at a time and does no bidi of its own:
 * every run of one face and one direction is drawn by itself, on a shared
 * baseline.
 */
import bidiFactory, { type EmbeddingLevels } from "bidi-js";
import type { DocumentFonts } from "./fonts";

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
}

/** Line spacing and where the baseline sits in a line, as multiples of the size: the same for every face, so mixed lines stay level. */
const LINE_HEIGHT = 1.22;
const BASELINE = 0.93;

/** Slack for measured text meeting the edge of its box: a line that fills its width exactly still fits. */
const EPSILON = 1e-6;

/** Scripts whose runs the font engine itself lays out right to left (it reverses them after shaping). */
const RIGHT_TO_LEFT_SCRIPT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

const bidi = bidiFactory();

interface Run {
  text: string;
  face: number;
  /** Odd: right to left (UAX #9 embedding level). */
  level: number;
  width: number;
}

/** One line: its runs in the order they are drawn, left to right. */
interface Line {
  runs: Run[];
  width: number;
}

type Pdf = PDFKit.PDFDocument;

export class Typesetter {
  constructor(
    private readonly pdf: Pdf,
    private readonly fonts: DocumentFonts,
  ) {
    fonts.faces.forEach((face, i) => {
      pdf.registerFont(fontName(i, false), face.regular as unknown as PDFKit.Mixins.PDFFontSource);
      pdf.registerFont(fontName(i, true), face.bold as unknown as PDFKit.Mixins.PDFFontSource);
    });
  }

  lineHeight(style: TextStyle): number {
    return style.size * LINE_HEIGHT;
  }

  /** The first face with a glyph for `codePoint`; the first face (it draws a missing glyph's box) when none has. */
  private faceOf(codePoint: number): number {
    const found = this.fonts.faces.findIndex((face) => face.regular.hasGlyphForCodePoint(codePoint));
    return found < 0 ? 0 : found;
  }

  private use(style: TextStyle, face: number): Pdf {
    return this.pdf.font(fontName(face, Boolean(style.bold))).fontSize(style.size);
  }

  private runWidth(text: string, face: number, level: number, style: TextStyle): number {
    return this.use(style, face).widthOfString(text, drawOptions(text, level));
  }

  /** `text` (one paragraph) from `start` to `end` as runs of one face and one level, in logical order. */
  private runs(text: string, levels: EmbeddingLevels, start: number, end: number, style: TextStyle): Run[] {
    const runs: Run[] = [];
    let i = start;
    while (i < end) {
      const codePoint = text.codePointAt(i) ?? 0;
      const level = levels.levels[i];
      const length = codePoint > 0xffff ? 2 : 1;
      const last = runs[runs.length - 1];
      // A space stays in the run it separates words of (when that face has one): a right-to-left name is then one run, shaped and read as one.
      const keepsFace = codePoint === 0x20 && last !== undefined && last.level === level && this.fonts.faces[last.face].regular.hasGlyphForCodePoint(codePoint);
      const face = keepsFace ? last.face : this.faceOf(codePoint);
      if (last !== undefined && last.face === face && last.level === level) last.text += text.slice(i, i + length);
      else runs.push({ text: text.slice(i, i + length), face, level, width: 0 });
      i += length;
    }
    for (const run of runs) run.width = this.runWidth(run.text, run.face, run.level, style);
    return runs;
  }

  /** The width of `text` on one line, unbroken. */
  width(text: string, style: TextStyle): number {
    return this.lines(text, style, Infinity).reduce((widest, line) => Math.max(widest, line.width), 0);
  }

  /** The height `text` takes wrapped to `width`. */
  height(text: string, style: TextStyle, width: number): number {
    return this.lines(text, style, width).length * this.lineHeight(style);
  }

  /**
   * `text` broken into lines of at most `width` (a word wider than the line
   * is broken between characters), each line's runs in visual order.
   */
  lines(text: string, style: TextStyle, width: number): Line[] {
    const lines: Line[] = [];
    for (const paragraph of text
      .normalize("NFC")
      .replace(/[^\S\n]/g, " ")
      .split("\n")) {
      const levels = bidi.getEmbeddingLevels(paragraph, "ltr");
      const measure = (start: number, end: number) => this.runs(paragraph, levels, start, end, style).reduce((total, run) => total + run.width, 0);
      for (const [start, end] of breakLines(paragraph, width, measure)) lines.push(this.visualLine(paragraph, levels, start, end, style));
    }
    return lines;
  }

  /** UAX #9 rule L2 over whole runs: from the highest level down to the lowest odd one, reverse every sequence of runs at that level or above. */
  private visualLine(text: string, levels: EmbeddingLevels, start: number, end: number, style: TextStyle): Line {
    const runs = this.runs(text, levels, start, end, style);
    const highest = runs.reduce((most, run) => Math.max(most, run.level), 0);
    const lowestOdd = runs.reduce((least, run) => (run.level % 2 === 1 ? Math.min(least, run.level) : least), Infinity);
    for (let level = highest; level >= lowestOdd; level--) {
      for (let i = 0; i < runs.length;) {
        if (runs[i].level < level) {
          i++;
          continue;
        }
        let j = i;
        while (j < runs.length && runs[j].level >= level) j++;
        runs.splice(i, j - i, ...runs.slice(i, j).reverse());
        i = j;
      }
    }
    return { runs, width: runs.reduce((total, run) => total + run.width, 0) };
  }

  /** Draws `text` in a box `width` wide whose top is `y`, each line aligned in it. */
  draw(text: string, x: number, y: number, width: number, style: TextStyle, align: "left" | "right" = "left"): void {
    const lineHeight = this.lineHeight(style);
    this.lines(text, style, width).forEach((line, i) => {
      const baseline = y + i * lineHeight + style.size * BASELINE;
      let at = align === "right" ? x + width - line.width : x;
      for (const run of line.runs) {
        const shown = run.level % 2 === 1 && !RIGHT_TO_LEFT_SCRIPT.test(run.text) ? mirrored(run.text) : run.text;
        this.use(style, run.face)
          .fillColor(style.color ?? "#000000")
          .text(shown, at, baseline, { ...drawOptions(run.text, run.level), lineBreak: false, baseline: "alphabetic" });
        at += run.width;
      }
    });
  }
}

function fontName(face: number, bold: boolean): string {
  return `F${face}${bold ? "B" : ""}`;
}

/**
 * A right-to-left run of a right-to-left script is laid out whole (features
 * given), so the font engine shapes it and reverses it as one; pdfkit would
 * otherwise lay it out word by word and keep the words in logical order.
 */
function drawOptions(text: string, level: number): { features?: PDFKit.Mixins.OpenTypeFeatures[] } {
  return level % 2 === 1 && RIGHT_TO_LEFT_SCRIPT.test(text) ? { features: [] } : {};
}

/** A right-to-left run of neutral characters (spaces, brackets, punctuation) in visual order: reversed, brackets mirrored. */
function mirrored(text: string): string {
  return [...text]
    .reverse()
    .map((ch) => bidi.getMirroredCharacter(ch) ?? ch)
    .join("");
}

/**
 * Where lines break: [start, end) offsets into `text`, greedy at spaces, a
 * word wider than `width` broken between characters; spaces at a break are
 * dropped. An empty paragraph is one empty line.
 */
function breakLines(text: string, width: number, measure: (start: number, end: number) => number): Array<[number, number]> {
  if (width === Infinity) return [[0, text.length]];
  const words: Array<[number, number]> = [];
  for (const match of text.matchAll(/[^ ]+/g)) words.push([match.index, match.index + match[0].length]);
  if (words.length === 0) return [[0, 0]];
  const lines: Array<[number, number]> = [];
  let line: [number, number] | undefined;
  for (const [first, end] of words) {
    let start = first;
    if (line !== undefined && measure(line[0], end) <= width + EPSILON) {
      line[1] = end;
      continue;
    }
    if (line !== undefined) lines.push(line);
    // A word wider than the line: as many characters as fit (at least one) a line.
    while (measure(start, end) > width + EPSILON) {
      let cut = nextCharacter(text, start);
      for (let next = nextCharacter(text, cut); next <= end && measure(start, next) <= width + EPSILON; next = nextCharacter(text, next)) cut = next;
      if (cut >= end) break;
      lines.push([start, cut]);
      start = cut;
    }
    line = [start, end];
  }
  if (line !== undefined) lines.push(line);
  return lines;
}

/** The offset after the character at `i`, a combining mark staying with its letter. */
function nextCharacter(text: string, i: number): number {
  let next = i + ((text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
  while (next < text.length && /\p{M}/u.test(String.fromCodePoint(text.codePointAt(next) ?? 0))) next += 1;
  return next;
}
