// Reads a PDF as a person's viewer would: pdfjs-dist extracts each page's text (the characters
// the embedded font maps back to Unicode), joined without layout spaces so Chinese sentences can
// be searched whole. Also names the fonts the file embeds.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfReading {
  /** All pages' text, lines joined by "\n". */
  text: string;
  /** The same with every whitespace removed (a sentence wrapped over two lines is found whole). */
  compact: string;
  pages: number;
  title: string | undefined;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const lines: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    let line = "";
    for (const item of content.items) {
      if (!("str" in item)) continue;
      line += item.str;
      if (item.hasEOL) {
        lines.push(line);
        line = "";
      }
    }
    if (line) lines.push(line);
  }
  const meta = await doc.getMetadata();
  const title = (meta.info as { Title?: string } | undefined)?.Title;
  const text = lines.join("\n");
  const pages = doc.numPages;
  await doc.destroy();
  return { text, compact: text.replace(/\s+/g, ""), pages, title };
}

/** The base names of the fonts embedded in the file, e.g. "BZZZZZ+NotoSansHans-Regular" (a subset). */
export function embeddedFontNames(bytes: Uint8Array): string[] {
  const latin = Buffer.from(bytes).toString("latin1");
  return [...latin.matchAll(/\/BaseFont \/([A-Za-z0-9+_-]+)/g)].map((m) => m[1]!);
}
