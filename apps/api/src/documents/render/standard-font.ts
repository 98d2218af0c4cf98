import { radians, type PDFFont, type PDFPage } from 'pdf-lib';
import type { GlyphDrawing, MeasuredFont } from './shaped-font.js';

/** One of the PDF's standard fonts (Courier, for fingerprints): pdf-lib draws it, no shaping involved. */
export class StandardFont implements MeasuredFont {
  constructor(private readonly font: PDFFont) {}

  getCharacterSet(): number[] {
    return this.font.getCharacterSet();
  }

  widthOfTextAtSize(text: string, size: number): number {
    return this.font.widthOfTextAtSize(text, size);
  }

  draw(page: PDFPage, text: string, at: GlyphDrawing): void {
    page.drawText(text, { x: at.x, y: at.y, size: at.size, font: this.font, color: at.color, opacity: at.opacity, rotate: radians(at.angle) });
  }
}
