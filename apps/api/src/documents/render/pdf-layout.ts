import { degrees, PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

/*
 * The one layout helper every document kind uses: A4 pages, the standard
 * PDF fonts (nothing embedded, nothing fetched), text wrapped to the margins,
 * simple tables, and — once the whole document is laid out — the recipient's
 * watermark and a numbered footer on every page. The standard fonts speak
 * WinAnsi (Latin-1 and a few typographic signs): French is covered; any other
 * character is replaced rather than crashing the render.
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
  cells: { font: PDFFont; lines: string[] }[];
  height: number;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  mono: PDFFont;
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
    const fonts = {
      regular: await doc.embedFont(StandardFonts.Helvetica),
      bold: await doc.embedFont(StandardFonts.HelveticaBold),
      mono: await doc.embedFont(StandardFonts.Courier),
    };
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
    const font = this.fontOf(style);
    const indent = style.indent ?? 0;
    const lineHeight = size * 1.35;
    for (const line of wrap(sanitize(text, font), font, size, TEXT_WIDTH - indent)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      this.page.drawText(line, { x: MARGIN.left + indent, y: this.y + size * 0.3, size, font, color: style.color === 'grey' ? GREY : INK });
    }
    this.y -= style.after ?? size * 0.6;
  }

  /** A table whose rows never split across pages; the header row is repeated on each new page. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], size = 8): void {
    const header = this.measureRow(columns, columns.map((column) => column.header), size, true);
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
      const font = bold ? this.fonts.bold : column.mono ? this.fonts.mono : this.fonts.regular;
      return { font, lines: wrap(sanitize(cells[i] ?? '', font), font, size, column.width - 6) };
    });
    return { cells: wrapped, height: Math.max(1, ...wrapped.map((cell) => cell.lines.length)) * size * 1.35 + 4 };
  }

  private drawRow(columns: readonly Column[], row: MeasuredRow, size: number): void {
    let x = MARGIN.left;
    row.cells.forEach((cell, i) => {
      cell.lines.forEach((line, n) => {
        this.page.drawText(line, { x: x + 3, y: this.y - (n + 1) * size * 1.35 + size * 0.3, size, font: cell.font, color: INK });
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
    this.doc.setTitle(sanitize(this.meta.title, this.fonts.regular));
    this.doc.setAuthor("Commission Nationale des Droits de l'Homme (CNDH) — Mali");
    this.doc.setCreator('MNPDDH');
    this.doc.setProducer('MNPDDH');
    this.doc.setLanguage(this.meta.language);
    this.doc.setCreationDate(this.meta.issuedAt);
    this.doc.setModificationDate(this.meta.issuedAt);
    return this.doc.save();
  }

  private stamp(page: PDFPage, number: number, total: number): void {
    const mark = sanitize(this.meta.watermark, this.fonts.regular);
    // Across the page, large and faint: a photocopy or a cropped page still says whom it was given to.
    const diagonal = Math.hypot(PAGE.width, PAGE.height) * 0.8;
    const size = Math.min(28, (diagonal / this.fonts.bold.widthOfTextAtSize(mark, 1)) | 0);
    const width = this.fonts.bold.widthOfTextAtSize(mark, size);
    const angle = Math.atan2(PAGE.height, PAGE.width);
    page.drawText(mark, {
      x: PAGE.width / 2 - (Math.cos(angle) * width) / 2,
      y: PAGE.height / 2 - (Math.sin(angle) * width) / 2,
      size,
      font: this.fonts.bold,
      color: rgb(0.6, 0.6, 0.65),
      opacity: 0.18,
      rotate: degrees((angle * 180) / Math.PI),
    });
    const small = 7.5;
    wrap(mark, this.fonts.regular, small, TEXT_WIDTH)
      .slice(0, 2)
      .forEach((line, i) => page.drawText(line, { x: MARGIN.left, y: PAGE.height - 30 - i * 10, size: small, font: this.fonts.regular, color: GREY }));
    const footer = sanitize(this.meta.footer, this.fonts.regular);
    const label = sanitize(this.meta.pageLabel(number, total), this.fonts.regular);
    page.drawLine({ start: { x: MARGIN.left, y: 46 }, end: { x: PAGE.width - MARGIN.right, y: 46 }, thickness: 0.5, color: RULE });
    page.drawText(wrap(footer, this.fonts.regular, small, TEXT_WIDTH - 80)[0] ?? '', { x: MARGIN.left, y: 34, size: small, font: this.fonts.regular, color: GREY });
    page.drawText(label, { x: PAGE.width - MARGIN.right - this.fonts.regular.widthOfTextAtSize(label, small), y: 34, size: small, font: this.fonts.regular, color: GREY });
  }

  private fontOf(style: TextStyle): PDFFont {
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

// Look-alikes first; anything else the font cannot draw becomes "?".
const REPLACEMENTS: Record<string, string> = { '\u2192': '->', '\t': ' ', '\u202f': ' ', '\u2010': '-', '\u2011': '-', '\u2212': '-', '\u2032': "'", '\u2033': '"' };

/** The text with every character the font cannot encode replaced (look-alike, base letter, or "?"). */
export function sanitize(text: string, font: PDFFont): string {
  const supported = charactersOf(font);
  return [...text.normalize('NFC')]
    .map((character) => {
      if (character === '\n' || supported.has(character.codePointAt(0) ?? 0)) return character;
      const replaced = REPLACEMENTS[character];
      if (replaced) return replaced;
      const base = character.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      return base && [...base].every((c) => supported.has(c.codePointAt(0) ?? 0)) ? base : '?';
    })
    .join('');
}

const characterSets = new WeakMap<PDFFont, Set<number>>();

function charactersOf(font: PDFFont): Set<number> {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  return set;
}

/** Lines that fit the width: breaks at spaces, and inside a word longer than a line (a fingerprint, a URL). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      // At least one character per line, however narrow the column: the loop always ends.
      while (rest.length > 1 && font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}
