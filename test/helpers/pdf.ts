/** Reads a PDF back as a person would see it: its pages, and the text on each line with where it sits. */
import zlib from "zlib";

interface TextItem {
  str: string;
  width: number;
  transform: number[];
}

interface PageData {
  getTextContent(options: { normalizeWhitespace: boolean; disableCombineTextItems: boolean }): Promise<{ items: TextItem[] }>;
}

type PdfParse = (data: Uint8Array, options: { pagerender: (page: PageData) => Promise<string> }) => Promise<{ numpages: number }>;

// The library's entry point runs a debug demo when loaded without a parent module; its lib file does not.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse: PdfParse = require("pdf-parse/lib/pdf-parse.js");

export interface PlacedText {
  page: number;
  text: string;
  /** From the page's left edge, in points. */
  left: number;
  right: number;
  /** The baseline, from the page's bottom edge, in points. */
  baseline: number;
}

export interface ReadPdf {
  pages: number;
  items: PlacedText[];
  /** Every line of every page, top to bottom, its pieces left to right joined by " | ". */
  lines: string[];
  /** The lines joined by newlines. */
  text: string;
}

export async function readPdf(pdf: Uint8Array): Promise<ReadPdf> {
  const items: PlacedText[] = [];
  let page = 0;
  // pdf.js (inside pdf-parse) misreads a Node Buffer that shares a larger pooled ArrayBuffer: hand it its own bytes.
  const { numpages } = await pdfParse(new Uint8Array(pdf), {
    pagerender: async (pageData) => {
      page += 1;
      const { items: found } = await pageData.getTextContent({ normalizeWhitespace: false, disableCombineTextItems: false });
      for (const item of found) {
        const left = item.transform[4];
        items.push({ page, text: item.str, left, right: left + item.width, baseline: item.transform[5] });
      }
      return "";
    },
  });
  const lines: string[] = [];
  for (let p = 1; p <= numpages; p++) {
    const onPage = items.filter((item) => item.page === p && item.text.trim() !== "");
    const baselines = [...new Set(onPage.map((item) => Math.round(item.baseline)))].sort((a, b) => b - a);
    for (const baseline of baselines) {
      const pieces = onPage.filter((item) => Math.round(item.baseline) === baseline).sort((a, b) => a.left - b.left);
      lines.push(pieces.map((item) => item.text.trim()).join(" | "));
    }
  }
  return { pages: numpages, items, lines, text: lines.join("\n") };
}

/** The PDF's objects as text, its compressed streams inflated (the structure tree and catalog are plain). */
export function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString("latin1");
  const inflated = [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((match) => {
    try {
      return zlib.inflateSync(Buffer.from(match[1], "latin1")).toString("latin1");
    } catch {
      return "";
    }
  });
  return [raw, ...inflated].join("\n");
}
