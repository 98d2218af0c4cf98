import { PDFDocument, rgb, StandardFonts, type Color, type PDFPage } from 'pdf-lib';
import { fontFile, type FontFileName } from './font-files.js';
import { FontFamily, isArabic, isNko } from './font-family.js';
import { ShapedFont } from './shaped-font.js';
import { StandardFont } from './standard-font.js';

/*
 * The one layout helper every document kind uses: A4 pages, open fonts
 * embedded whole and drawn where shaping puts each glyph (Latin Extended,
 * Arabic and N'Ko joined; the names of the people in it are in the text as
 * entered: shaped-font.ts), text wrapped to the margins, simple tables, and — once the whole document is
 * laid out — the recipient's watermark and a numbered footer on every page.
 * Fingerprints use the standard Courier (hexadecimal only). A character no
 * font draws (an emoji) is replaced rather than crashing the render.
 */

const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { left: 48, right: 48, top: 64, bottom: 64 } as const;
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const INK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.45, 0.45, 0.5);
const RULE = rgb(0.75, 0.75, 0.78);

export interface LayoutMeta {
  /** Document title (PDF metadata and the first heading). */
  readonly title: string;
  /** Printed across and atop every page: who it was issued to, when, which document. */
  readonly watermark: string;
  /** Left of the footer on every page. */
  readonly footer: string;
  /** "Page 2 / 5" in the document's language. */
  readonly pageLabel: (page: number, total: number) => string;
  readonly issuedAt: Date;
  readonly language: string;
}

export interface TextStyle {
  readonly size?: number;
  readonly bold?: boolean;
  readonly mono?: boolean;
  readonly indent?: number;
  /** Space after the paragraph. */
  readonly after?: number;
  readonly color?: 'ink' | 'grey';
}

export interface Column {
  readonly header: string;
  readonly width: number;
  readonly mono?: boolean;
}

interface MeasuredRow {
  cells: { family: FontFamily; lines: string[] }[];
  height: number;
}

export interface Fonts {
  regular: FontFamily;
  bold: FontFamily;
  mono: FontFamily;
  /** Writes the open fonts with the glyphs the document drew: once, after the last line. */
  complete: () => void;
}

interface DrawOptions {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly color: Color;
  readonly opacity?: number;
  /** Radians, counter-clockwise: runs follow the rotated baseline. */
  readonly angle?: number;
}

export class PdfLayout {
  private page: PDFPage;
  private y: number;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
    private readonly meta: LayoutMeta,
  ) {
    this.page = this.newPage();
    this.y = PAGE.height - MARGIN.top;
  }

  static async start(meta: LayoutMeta): Promise<PdfLayout> {
    const doc = await PDFDocument.create();
    const fonts = await embedFonts(doc);
    return new PdfLayout(doc, fonts, meta);
  }

  /** The full text width, for tables. */
  static readonly width = TEXT_WIDTH;

  heading(text: string, size = 13): void {
    this.ensure(size * 3);
    this.y -= size * 0.6;
    this.paragraph(text, { size, bold: true, after: 6 });
  }

  paragraph(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const family = this.familyOf(style);
    const indent = style.indent ?? 0;
    const lineHeight = size * 1.35;
    for (const line of wrap(family.sanitize(text), family, size, TEXT_WIDTH - indent)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      drawLine(this.page, family, line, { x: MARGIN.left + indent, y: this.y + size * 0.3, size, color: style.color === 'grey' ? GREY : INK });
    }
    this.y -= style.after ?? size * 0.6;
  }

  /** A table whose rows never split across pages; the header row is repeated on each new page. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], size = 8): void {
    const header = this.measureRow(
      columns,
      columns.map((column) => column.header),
      size,
      true,
    );
    this.ensure(header.height * 2);
    this.drawRow(columns, header, size);
    for (const row of rows) {
      const measured = this.measureRow(columns, row, size, false);
      if (this.ensure(measured.height)) this.drawRow(columns, header, size);
      this.drawRow(columns, measured, size);
    }
    this.y -= 8;
  }

  private measureRow(columns: readonly Column[], cells: readonly string[], size: number, bold: boolean): MeasuredRow {
    const wrapped = columns.map((column, i) => {
      const family = bold ? this.fonts.bold : column.mono ? this.fonts.mono : this.fonts.regular;
      return { family, lines: wrap(family.sanitize(cells[i] ?? ''), family, size, column.width - 6) };
    });
    return { cells: wrapped, height: Math.max(1, ...wrapped.map((cell) => cell.lines.length)) * size * 1.35 + 4 };
  }

  private drawRow(columns: readonly Column[], row: MeasuredRow, size: number): void {
    let x = MARGIN.left;
    row.cells.forEach((cell, i) => {
      cell.lines.forEach((line, n) => {
        drawLine(this.page, cell.family, line, { x: x + 3, y: this.y - (n + 1) * size * 1.35 + size * 0.3, size, color: INK });
      });
      x += columns[i]?.width ?? 0;
    });
    this.y -= row.height;
    this.page.drawLine({ start: { x: MARGIN.left, y: this.y }, end: { x: MARGIN.left + TEXT_WIDTH, y: this.y }, thickness: 0.5, color: RULE });
  }

  /** Watermark, header line and footer on every page, then the bytes. */
  async finish(): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    pages.forEach((page, index) => this.stamp(page, index + 1, pages.length));
    this.fonts.complete();
    // Metadata strings are Unicode in the PDF itself: no font involved.
    this.doc.setTitle(this.meta.title.normalize('NFC').replace(/[\u2066-\u2069]/g, ''));
    this.doc.setAuthor("Commission Nationale des Droits de l'Homme (CNDH) — Mali");
    this.doc.setCreator('MNPDDH');
    this.doc.setProducer('MNPDDH');
    this.doc.setLanguage(this.meta.language);
    this.doc.setCreationDate(this.meta.issuedAt);
    this.doc.setModificationDate(this.meta.issuedAt);
    return this.doc.save();
  }

  private stamp(page: PDFPage, number: number, total: number): void {
    const { regular, bold } = this.fonts;
    const mark = bold.sanitize(this.meta.watermark);
    // Across the page, large and faint: a photocopy or a cropped page still says whom it was given to.
    const diagonal = Math.hypot(PAGE.width, PAGE.height) * 0.8;
    const size = Math.min(28, (diagonal / bold.widthOf(mark, 1)) | 0);
    const width = bold.widthOf(mark, size);
    const angle = Math.atan2(PAGE.height, PAGE.width);
    drawLine(page, bold, mark, {
      x: PAGE.width / 2 - (Math.cos(angle) * width) / 2,
      y: PAGE.height / 2 - (Math.sin(angle) * width) / 2,
      size,
      color: rgb(0.6, 0.6, 0.65),
      opacity: 0.18,
      angle,
    });
    const small = 7.5;
    wrap(regular.sanitize(this.meta.watermark), regular, small, TEXT_WIDTH)
      .slice(0, 2)
      .forEach((line, i) => drawLine(page, regular, line, { x: MARGIN.left, y: PAGE.height - 30 - i * 10, size: small, color: GREY }));
    const footer = regular.sanitize(this.meta.footer);
    const label = regular.sanitize(this.meta.pageLabel(number, total));
    page.drawLine({ start: { x: MARGIN.left, y: 46 }, end: { x: PAGE.width - MARGIN.right, y: 46 }, thickness: 0.5, color: RULE });
    drawLine(page, regular, wrap(footer, regular, small, TEXT_WIDTH - 80)[0] ?? '', { x: MARGIN.left, y: 34, size: small, color: GREY });
    drawLine(page, regular, label, { x: PAGE.width - MARGIN.right - regular.widthOf(label, small), y: 34, size: small, color: GREY });
  }

  private familyOf(style: TextStyle): FontFamily {
    if (style.mono) return this.fonts.mono;
    return style.bold ? this.fonts.bold : this.fonts.regular;
  }

  /** Starts a new page when this much height does not fit; says whether it did. */
  private ensure(height: number): boolean {
    if (this.y - height >= MARGIN.bottom) return false;
    this.page = this.newPage();
    this.y = PAGE.height - MARGIN.top;
    return true;
  }

  private newPage(): PDFPage {
    return this.doc.addPage([PAGE.width, PAGE.height]);
  }
}

/** The document's three families. */
export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  // Whole fonts: fontkit's subsetting drops most glyphs of these fonts (text extracts, but pages print blank).
  const shaped: ShapedFont[] = [];
  const embed = (name: FontFileName) => {
    const font = new ShapedFont(doc, fontFile(name));
    shaped.push(font);
    return font;
  };
  const nko = embed('nko');
  const scripts = (arabic: 'arabic' | 'arabicBold') => [
    { font: embed(arabic), covers: isArabic },
    { font: nko, covers: isNko },
  ];
  return {
    regular: new FontFamily(embed('latin'), scripts('arabic')),
    bold: new FontFamily(embed('latinBold'), scripts('arabicBold')),
    mono: new FontFamily(new StandardFont(await doc.embedFont(StandardFonts.Courier))),
    complete: () => shaped.forEach((font) => font.embed()),
  };
}

let warm: Promise<void> | undefined;

/**
 * Parses the fonts and their shaping tables once per process, outside any
 * case lock (the first document would otherwise spend seconds there):
 * one line in each script, laid out and thrown away.
 */
export function warmDocumentFonts(): Promise<void> {
  warm ??= (async () => {
    const sample = 'Kɛnɛ Ɲɔlɔ — عائشة الأنصاري — ߒߞߏ ߞߊ߲ߜߍ';
    const layout = await PdfLayout.start({ title: sample, watermark: sample, footer: sample, pageLabel: () => sample, issuedAt: new Date(0), language: 'fr' });
    layout.paragraph(sample);
    layout.paragraph(sample, { bold: true });
    await layout.finish();
  })();
  return warm;
}

/** One line, its runs side by side in visual order (along the rotated baseline for the watermark). */
function drawLine(page: PDFPage, family: FontFamily, line: string, options: DrawOptions): void {
  const angle = options.angle ?? 0;
  let { x, y } = options;
  for (const run of family.runsOf(line)) {
    run.font.draw(page, run.text, { x, y, size: options.size, color: options.color, opacity: options.opacity, angle, rightToLeft: run.rightToLeft });
    const width = run.font.widthOfTextAtSize(run.text, options.size);
    x += Math.cos(angle) * width;
    y += Math.sin(angle) * width;
  }
}

/** Lines that fit the width: breaks at spaces, and inside a word longer than a line (a fingerprint, a URL). */
export function wrap(text: string, font: Pick<FontFamily, 'widthOf'>, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOf(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      // At least one character per line, however narrow the column: the loop always ends.
      while (rest.length > 1 && font.widthOf(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOf(rest.slice(0, cut), size) > width) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}
