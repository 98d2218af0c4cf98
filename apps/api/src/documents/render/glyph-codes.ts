import type { PDFContext, PDFRef } from 'pdf-lib';
import { unicodeMap } from './unicode-map.js';

/**
 * The codes a document draws one font's glyphs with (CIDs), one for each
 * glyph *and the text it stands for*: the same glyph may stand for one
 * letter here and for a letter and its tone mark there, and the ToUnicode
 * map, which is per code, then says each exactly. The CIDToGIDMap sends
 * every code to its glyph in the font.
 */
export class GlyphCodes {
  private readonly codes = new Map<string, number>();
  private readonly entries: { glyph: number; text: string; width: number }[] = [{ glyph: 0, text: '', width: 0 }];

  /** The code for this glyph standing for this text (0 is .notdef: codes start at 1). */
  codeOf(glyph: number, text: string, width: number): number {
    const key = `${glyph}:${text}`;
    let code = this.codes.get(key);
    if (code === undefined) {
      code = this.entries.length;
      this.entries.push({ glyph, text, width });
      this.codes.set(key, code);
    }
    return code;
  }

  widthOf(code: number): number {
    return this.entries[code]?.width ?? 0;
  }

  get size(): number {
    return this.entries.length - 1;
  }

  /** /W: each code's width, in thousandths of the font size. */
  widths(): (number | number[])[] {
    return [1, this.entries.slice(1).map((entry) => entry.width)];
  }

  /** The CIDToGIDMap stream: two bytes, big-endian, a code. */
  glyphMap(context: PDFContext): PDFRef {
    const bytes = new Uint8Array(this.entries.length * 2);
    this.entries.forEach((entry, code) => {
      bytes[code * 2] = entry.glyph >> 8;
      bytes[code * 2 + 1] = entry.glyph & 0xff;
    });
    return context.register(context.flateStream(bytes));
  }

  toUnicode(context: PDFContext): PDFRef {
    return context.register(context.flateStream(unicodeMap(this.entries.map((entry, code) => [code, entry.text] as const).slice(1))));
  }
}
