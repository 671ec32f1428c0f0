/**
 * The fonts a document embeds so every name prints as written (issue 19):
 * Noto Sans for Latin, Greek and Cyrillic, then Hebrew, Arabic, Chinese and
 * Korean (with Japanese kana) faces, from the @embedpdf font packages, which
 * are made for exactly this: fallback fonts for PDFs. A document loads the
 * Latin faces always and another script's faces only when its text needs
 * them; pdfkit embeds only the glyphs drawn.
 */
import * as fontkit from "fontkit";

type Font = fontkit.Font;

/**
 * Reads one of FONT_FILES by its file name: the command line reads it from
 * the fonts folder of its build, the task pane fetches it from the server
 * beside taskpane.html. Neither is ever inlined into a script bundle.
 */
export type FontLoader = (file: string) => Promise<Uint8Array>;

interface FontFamily {
  /** What it is for, as a person would say it. */
  covers: string;
  /** The npm package the files come from, and the files (regular, bold) in its fonts/ folder. */
  package: string;
  regular: string;
  bold: string;
  /** The characters that call for it; undefined: always loaded. */
  wanted?: RegExp;
}

/**
 * Families in the order a character looks for its glyph. Chinese and Korean
 * have one weight here (bold text in them prints regular): the bold CJK files
 * would double the largest downloads for a heading.
 */
export const FONT_FAMILIES: readonly FontFamily[] = [
  { covers: "Latin, Greek, Cyrillic", package: "@embedpdf/fonts-latin", regular: "NotoSans-Regular.ttf", bold: "NotoSans-Bold.ttf" },
  {
    covers: "Hebrew",
    package: "@embedpdf/fonts-hebrew",
    regular: "NotoSansHebrew-Regular.ttf",
    bold: "NotoSansHebrew-Bold.ttf",
    wanted: /\p{Script=Hebrew}/u,
  },
  {
    covers: "Arabic",
    package: "@embedpdf/fonts-arabic",
    regular: "NotoNaskhArabic-Regular.ttf",
    bold: "NotoNaskhArabic-Bold.ttf",
    wanted: /\p{Script=Arabic}/u,
  },
  {
    covers: "Chinese, Japanese kana",
    package: "@embedpdf/fonts-sc",
    regular: "NotoSansHans-Regular.otf",
    bold: "NotoSansHans-Regular.otf",
    wanted: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u,
  },
  {
    covers: "Korean, Chinese characters the Chinese face lacks",
    package: "@embedpdf/fonts-kr",
    regular: "NotoSansKR-Regular.otf",
    bold: "NotoSansKR-Regular.otf",
    wanted: /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u,
  },
];

/** Every font file a document may load, once each. */
export const FONT_FILES: readonly string[] = [...new Set(FONT_FAMILIES.flatMap((family) => [family.regular, family.bold]))];

export interface LoadedFace {
  regular: Font;
  bold: Font;
}

/** The faces a document draws with, in fallback order; the first (Latin) draws whatever none of them has. */
export interface DocumentFonts {
  faces: LoadedFace[];
}

const parsed = new WeakMap<FontLoader, Map<string, Promise<Font>>>();

/** A font file parsed once per loader: a folder of statements reads each file once, not once a participant. */
function loadFont(loader: FontLoader, file: string): Promise<Font> {
  let files = parsed.get(loader);
  if (files === undefined) parsed.set(loader, (files = new Map()));
  let font = files.get(file);
  if (font === undefined) {
    font = loader(file).then((bytes) => fontkit.create(bytes as Buffer) as Font);
    files.set(file, font);
    // A failed read is not kept: the next document tries again.
    font.catch(() => files.delete(file));
  }
  return font;
}

/**
 * The faces `text` needs: Latin always; another family when a character of
 * `text` calls for it and no face already loaded has its glyph.
 */
export async function loadDocumentFonts(text: string, loader: FontLoader): Promise<DocumentFonts> {
  const characters = [...new Set(text)];
  const faces: LoadedFace[] = [];
  for (const family of FONT_FAMILIES) {
    const { wanted } = family;
    const needed =
      wanted === undefined || characters.some((ch) => wanted.test(ch) && !faces.some((face) => face.regular.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0)));
    if (!needed) continue;
    const [regular, bold] = await Promise.all([loadFont(loader, family.regular), loadFont(loader, family.bold)]);
    faces.push({ regular, bold });
  }
  return { faces };
}
