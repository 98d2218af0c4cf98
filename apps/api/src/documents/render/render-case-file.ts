import type { DocumentContext, Dated } from './document-context.js';
import { fileSize, shortDate } from './document-strings.js';
import { PdfLayout } from './pdf-layout.js';
import { renderTemplate } from './render-template.js';

/**
 * The case file for a lawyer, a court or a UN body: the template's text with
 * the dated chronology, the person's statements, and the table of
 * attachments with the SHA-256 fingerprint taken at receipt (so the recipient
 * can check that the copy they hold is the item received).
 */
export function renderCaseFile(context: DocumentContext): Promise<Uint8Array> {
  return renderTemplate(context, {
    chronology: (layout, { chronology, strings }) => {
      if (!chronology.length) return layout.paragraph(strings.none);
      layout.table(
        [
          { header: strings.date, width: 70 },
          { header: strings.event, width: PdfLayout.width - 70 },
        ],
        chronology.map((line) => [shortDate(line.at), line.text ? `${line.label} — ${line.text}` : line.label]),
        9,
      );
    },
    statements: (layout, { statements, strings }) => {
      if (!statements.length) return layout.paragraph(strings.none);
      statements.forEach((statement: Dated) => {
        layout.paragraph(`${shortDate(statement.at)} — ${statement.label}`, { bold: true, size: 9.5, after: 2 });
        layout.paragraph(statement.text ?? '', { indent: 12, after: 8 });
      });
    },
    attachments: (layout, { attachments, strings, document }) => {
      if (!attachments.length) return layout.paragraph(strings.none);
      const hash = 280;
      layout.table(
        [
          { header: strings.name, width: PdfLayout.width - hash - 110 },
          { header: strings.size, width: 50 },
          { header: strings.received, width: 60 },
          { header: strings.fingerprint, width: hash, mono: true },
        ],
        attachments.map((file) => [file.name, fileSize(file.size, document.language), shortDate(new Date(file.at)), file.sha256]),
        7,
      );
    },
  });
}
