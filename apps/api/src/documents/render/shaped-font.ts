import type { Font as FontkitFont, GlyphRun } from '@pdf-lib/fontkit';
import {
  beginText,
  endText,
  PDFArray,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  popGraphicsState,
  pushGraphicsState,
  setFillingColor,
  setFontAndSize,
  setGraphicsState,
  setTextMatrix,
  setTextRise,
  type Color,
  type PDFDocument,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import { sharedFontkit } from './font-files.js';
import { GlyphCodes } from './glyph-codes.js';

/*
 * An open font drawn glyph by glyph where fontkit's shaping puts each glyph.
 * pdf-lib draws a string with the glyphs' advance widths only: it drops the
 * GPOS positions (cursive attachment, mark anchors) that join Amiri's Arabic
 * letters and N'Ko's, and its whole-font embedding gives no width and no
 * Unicode value to the glyphs that shaping substitutes (the joining forms),
 * so they printed apart and copied out as other characters. Here a run is one
 * TJ with per-glyph adjustments (a mark's vertical offset is a text rise),
 * and each glyph drawn gets a code of its own for the characters it stands
 * for (glyph-codes.ts), which the font's ToUnicode map gives back: the text a
 * reader copies out is the text entered (docs/TEAM-WORK.md).
 */

/** What a family needs of a font to choose and measure it (a standard PDF font has it too). */
export interface MeasuredFont {
  getCharacterSet(): number[];
  widthOfTextAtSize(text: string, size: number): number;
  draw(page: PDFPage, text: string, at: GlyphDrawing): void;
}

interface PlacedGlyph {
  /** The glyph's code in this document's copy of the font (glyph-codes.ts). */
  readonly code: number;
  /** A mark drawn apart from its letter, which stands for it in the text. */
  readonly apart: boolean;
  /** Where the glyph's origin goes, in thousandths of the font size, from the run's start. */
  readonly x: number;
  readonly y: number;
}

interface Shaped {
  readonly glyphs: readonly PlacedGlyph[];
  /** Advance of the whole run, in thousandths of the font size. */
  readonly width: number;
}

// fontkit's layout also takes a script, a language and a direction; its typings leave them out.
type Layout = (text: string, features?: undefined, script?: string, language?: string, direction?: 'ltr' | 'rtl') => GlyphRun;

export interface GlyphDrawing {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly color: Color;
  readonly opacity?: number;
  readonly angle: number;
  /** The run's direction, from the bidi algorithm (fontkit would guess it from the script alone). */
  readonly rightToLeft: boolean;
}

export class ShapedFont implements MeasuredFont {
  private readonly font: FontkitFont;
  private readonly scale: number;
  private readonly ref: PDFRef;
  private readonly codes = new GlyphCodes();
  private readonly shaped = new Map<string, Shaped>();
  private readonly pageNames = new WeakMap<PDFPage, PDFName>();
  private readonly opacityNames = new WeakMap<PDFPage, Map<number, PDFName>>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly bytes: Uint8Array,
  ) {
    this.font = sharedFontkit.create(bytes) as FontkitFont;
    this.scale = 1000 / this.font.unitsPerEm;
    this.ref = doc.context.nextRef();
  }

  getCharacterSet(): number[] {
    return this.font.characterSet;
  }

  widthOfTextAtSize(text: string, size: number): number {
    return (this.shape(text).width * size) / 1000;
  }

  draw(page: PDFPage, text: string, at: GlyphDrawing): void {
    const { glyphs } = this.shape(text, at.rightToLeft);
    if (glyphs.length === 0) return;
    page.pushOperators(
      pushGraphicsState(),
      ...(at.opacity === undefined ? [] : [setGraphicsState(this.opacity(page, at.opacity))]),
      setFillingColor(at.color),
      beginText(),
      setFontAndSize(this.nameOn(page), at.size),
      ...this.showGlyphs(glyphs, at),
      endText(),
      popGraphicsState(),
    );
  }

  /** The Type0 font, its widths and its ToUnicode map: called once, when the document is complete. */
  embed(): void {
    // A font the document never drew stays out of it (most documents have no Arabic or N'Ko).
    if (this.codes.size === 0) return;
    const context = this.doc.context;
    const file = context.register(context.flateStream(this.bytes));
    const name = (this.font.postscriptName ?? 'Font').replace(/[^A-Za-z0-9-]/g, '');
    const bbox = this.font.bbox;
    const descriptor = context.register(
      context.obj({
        Type: 'FontDescriptor',
        FontName: name,
        // Symbolic: the glyphs are reached by id (Identity-H), not through a standard encoding.
        Flags: 4,
        FontBBox: [bbox.minX * this.scale, bbox.minY * this.scale, bbox.maxX * this.scale, bbox.maxY * this.scale],
        ItalicAngle: this.font.italicAngle,
        Ascent: this.font.ascent * this.scale,
        Descent: this.font.descent * this.scale,
        CapHeight: (this.font.capHeight || this.font.ascent) * this.scale,
        StemV: 0,
        FontFile2: file,
      }),
    );

    const cidFont = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: name,
        CIDSystemInfo: { Registry: PDFHexString.fromText('Adobe'), Ordering: PDFHexString.fromText('Identity'), Supplement: 0 },
        CIDToGIDMap: this.codes.glyphMap(context),
        FontDescriptor: descriptor,
        W: this.codes.widths(),
      }),
    );
    const toUnicode = this.codes.toUnicode(context);
    context.assign(
      this.ref,
      context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [cidFont], ToUnicode: toUnicode }),
    );
  }

  /**
   * One TJ per stretch of equal rise: each number moves the pen from where
   * the font's own width left it to where shaping puts the next glyph. A mark
   * folded into its letter's text is set apart, by text matrix: PDF.js drops
   * the move that follows a glyph it leaves out of the text, so a move after
   * that mark inside the TJ would shift the rest of the word for it.
   */
  private showGlyphs(glyphs: readonly PlacedGlyph[], at: GlyphDrawing): PDFOperator[] {
    const operators: PDFOperator[] = [];
    const size = at.size;
    const moveTo = (x: number) => {
      const along = (x * size) / 1000;
      operators.push(
        setTextMatrix(
          Math.cos(at.angle),
          Math.sin(at.angle),
          -Math.sin(at.angle),
          Math.cos(at.angle),
          at.x + Math.cos(at.angle) * along,
          at.y + Math.sin(at.angle) * along,
        ),
      );
    };
    let pen = 0;
    let rise = 0;
    let array = PDFArray.withContext(this.doc.context);
    const flush = () => {
      if (array.size() > 0) operators.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [array]));
      array = PDFArray.withContext(this.doc.context);
    };
    moveTo(0);
    for (const glyph of glyphs) {
      if (glyph.y !== rise) {
        flush();
        rise = glyph.y;
        operators.push(setTextRise((rise * size) / 1000));
      }
      const code = PDFHexString.of(glyph.code.toString(16).padStart(4, '0'));
      if (glyph.apart) {
        flush();
        moveTo(glyph.x);
        operators.push(PDFOperator.of(PDFOperatorNames.ShowText, [code]));
        moveTo(pen);
        continue;
      }
      const shift = pen - glyph.x;
      if (Math.abs(shift) > 0.01) array.push(PDFNumber.of(Math.round(shift * 100) / 100));
      array.push(code);
      pen = glyph.x + this.codes.widthOf(glyph.code);
    }
    flush();
    if (rise !== 0) operators.push(setTextRise(0));
    return operators;
  }

  /** Shapes a run once per document: glyphs, their places, the characters each stands for. */
  private shape(text: string, rightToLeft?: boolean): Shaped {
    const key = `${rightToLeft ?? ''}:${text}`;
    let shaped = this.shaped.get(key);
    if (shaped) return shaped;
    const direction = rightToLeft === undefined ? undefined : rightToLeft ? 'rtl' : 'ltr';
    const run = (this.font.layout as Layout).call(this.font, text, undefined, undefined, undefined, direction);
    const texts = textsOf(
      run.glyphs.map((glyph) => glyph.codePoints),
      run.direction === 'rtl',
    );
    const glyphs: PlacedGlyph[] = [];
    let pen = 0;
    run.glyphs.forEach((glyph, index) => {
      const position = run.positions[index];
      // A combining mark gets no width: readers (PDF.js) rebuild the text taking such a glyph as zero-width.
      const width = isMark(glyph.codePoints) ? 0 : Math.round(glyph.advanceWidth * this.scale);
      const code = this.codes.codeOf(glyph.id, texts[index] ?? '', width);
      glyphs.push({ code, apart: texts[index] === FOLDED_MARK, x: pen + (position?.xOffset ?? 0) * this.scale, y: (position?.yOffset ?? 0) * this.scale });
      pen += (position?.xAdvance ?? glyph.advanceWidth) * this.scale;
    });
    shaped = { glyphs, width: pen };
    this.shaped.set(key, shaped);
    return shaped;
  }

  private nameOn(page: PDFPage): PDFName {
    let name = this.pageNames.get(page);
    if (!name) {
      name = page.node.newFontDictionary('S', this.ref);
      this.pageNames.set(page, name);
    }
    return name;
  }

  private opacity(page: PDFPage, opacity: number): PDFName {
    let names = this.opacityNames.get(page);
    if (!names) {
      names = new Map();
      this.opacityNames.set(page, names);
    }
    let name = names.get(opacity);
    if (!name) {
      name = page.node.newExtGState('GS', this.doc.context.obj({ Type: 'ExtGState', ca: opacity, CA: opacity }));
      names.set(opacity, name);
    }
    return name;
  }
}

const MARK = /^\p{Mn}+$/u;
const isMark = (codePoints: readonly number[]) => codePoints.length > 0 && MARK.test(String.fromCodePoint(...codePoints));

/**
 * What a mark drawn apart from its letter stands for: nothing of its own
 * (its letter says it). A code with no ToUnicode entry copies out as
 * garbage; a zero-width joiner is a format character, which PDF.js leaves
 * out of the text and which, pasted elsewhere, changes nothing of Arabic or
 * N'Ko letters (they join anyway).
 */
const FOLDED_MARK = '\u200d';

/**
 * The text each glyph stands for, glyphs in the order drawn. A reader
 * (PDF.js, Acrobat) turns a right-to-left run drawn in visual order back to
 * reading order character by character, so a glyph of several characters
 * (lam-alef) gives them in visual order, to come out right after that
 * reversal. In visual order a right-to-left letter's marks come before it,
 * and a reader attaches a mark to whatever precedes it (a space, the previous
 * word): the letter stands for itself and its marks, the marks for nothing.
 */
export function textsOf(glyphs: readonly (readonly number[])[], rightToLeft: boolean): string[] {
  const texts = glyphs.map((codePoints) => String.fromCodePoint(...codePoints));
  if (!rightToLeft) return texts;
  const visual = texts.map((text) => [...text].reverse().join(''));
  const lastLetter = glyphs.findLastIndex((codePoints) => !isMark(codePoints));
  let marks = '';
  return visual.map((text, index) => {
    if (index < lastLetter && isMark(glyphs[index] ?? [])) {
      marks += text;
      return FOLDED_MARK;
    }
    const folded = marks + text;
    marks = '';
    return folded;
  });
}
