import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text a reader copies out of each page, as Mozilla's PDF.js extracts
 * it (the fonts' ToUnicode maps, right-to-left runs put back in reading
 * order). Whitespace, wrapped lines included, collapses to single spaces so a
 * phrase split across two lines still reads as one.
 */
export async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  // PDF.js takes ownership of the buffer it is given: hand it a copy.
  const loading = getDocument({ data: bytes.slice(), disableFontFace: true, useSystemFonts: false });
  const pdf = await loading.promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const content = await (await pdf.getPage(number)).getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      pages.push(text.replace(/\s+/g, ' '));
    }
    return pages;
  } finally {
    await loading.destroy();
  }
}

/** The base names of the fonts a PDF embeds (object streams included), as pdf-lib parses them. */
export async function embeddedFonts(bytes: Uint8Array): Promise<string[]> {
  const { PDFDict, PDFDocument, PDFName } = await import('pdf-lib');
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  return document.context
    .enumerateIndirectObjects()
    .flatMap(([, object]) =>
      object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Font') ? [String(object.get(PDFName.of('BaseFont')))] : [],
    );
}
