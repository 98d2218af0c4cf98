import { fillTemplate, type SectionPlaceholder } from '@mnpddh/shared';
import type { DocumentContext } from './document-context.js';
import { isolate } from './font-family.js';
import { PdfLayout } from './pdf-layout.js';

/** How a document kind lays out a section placeholder; a kind without sections prints nothing for them. */
export type SectionRenderers = Partial<Record<SectionPlaceholder, (layout: PdfLayout, context: DocumentContext) => void>>;

/**
 * The template's title and text, filled, on watermarked pages; section
 * placeholders handed to the kind's renderers. One place for what every
 * document kind shares.
 */
export async function renderTemplate(context: DocumentContext, sections: SectionRenderers): Promise<Uint8Array> {
  const { strings, document, shortId, issuedAt } = context;
  const title = fillTemplate(context.template.title, context.values)
    .map((part) => (part.kind === 'section' ? '' : part.text))
    .join(' ');
  const layout = await PdfLayout.start({
    title,
    watermark: strings.watermark(isolate(document.recipientName) ?? '', String(context.values.date), shortId),
    footer: strings.footer(shortId),
    pageLabel: strings.page,
    issuedAt,
    language: document.language,
  });
  layout.paragraph("Commission Nationale des Droits de l'Homme (CNDH) — Mali", { bold: true, size: 9, after: 2 });
  layout.paragraph(
    document.language === 'en'
      ? 'National mechanism for the protection of human rights defenders'
      : 'Mécanisme national de protection des défenseurs des droits de l’homme',
    {
      size: 9,
      color: 'grey',
      after: 14,
    },
  );
  layout.heading(title, 15);
  for (const part of fillTemplate(context.template.body, context.values)) {
    if (part.kind === 'section') sections[part.section]?.(layout, context);
    else if (part.kind === 'heading') layout.heading(part.text, 12);
    else layout.paragraph(part.text, { after: 8 });
  }
  return layout.finish();
}
