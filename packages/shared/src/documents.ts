import { z } from 'zod';
import { DisclosureRecipient, type DisclosableField } from './consent.js';
import { boundedText } from './protection-request.js';

/*
 * Documents the mechanism produces (DOMAIN.md): a case file for a
 * lawyer, a court or a UN body, an attestation that the CNDH follows the
 * defender, an intervention letter to authorities. Drafted from an editable
 * template, approved by a supervisor who did not draft it, checked against
 * the defender's consent and rendered to PDF when issued. Each step is a
 * journal entry of the case (encrypted); templates are not case data.
 */

export const DOCUMENT_KINDS = ['case_file', 'attestation', 'intervention_letter'] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const DOCUMENT_LANGUAGES = ['fr', 'en'] as const;
export const DocumentLanguage = z.enum(DOCUMENT_LANGUAGES);
export type DocumentLanguage = z.infer<typeof DocumentLanguage>;

/** What each kind reveals, so what the defender must have consented to share with the recipient. */
export const DOCUMENT_CONSENT_FIELDS: Record<DocumentKind, DisclosableField[]> = {
  attestation: ['identity'],
  case_file: ['identity', 'narrative', 'incidents', 'attachments'],
  intervention_letter: ['identity', 'narrative'],
};

/** Placeholders replaced inside a line of text. */
export const INLINE_PLACEHOLDERS = ['reference', 'defender_name', 'organisation', 'recipient', 'date', 'received_on', 'note', 'document_id'] as const;
/** Placeholders alone on their line, replaced by a whole section (dated list, statements, table of attachments). */
export const SECTION_PLACEHOLDERS = ['chronology', 'statements', 'attachments'] as const;
export type InlinePlaceholder = (typeof INLINE_PLACEHOLDERS)[number];
export type SectionPlaceholder = (typeof SECTION_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The placeholders a template body uses that the renderer does not know. */
export function unknownPlaceholders(body: string): string[] {
  const known: readonly string[] = [...INLINE_PLACEHOLDERS, ...SECTION_PLACEHOLDERS];
  return [...body.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').filter((name) => !known.includes(name));
}

/** A filled template: headings ("# " lines), paragraphs of text, and sections the renderer lays out itself. */
export type TemplatePart = { kind: 'text'; text: string } | { kind: 'heading'; text: string } | { kind: 'section'; section: SectionPlaceholder };

/**
 * Fills a template body: a line holding only a section placeholder becomes
 * that section; a line starting with "# " a heading; inline placeholders take
 * their value (a missing value prints "—", never the raw placeholder; a line
 * made only of missing values is left out); consecutive lines stay one text
 * part, a blank line ends it.
 */
export function fillTemplate(body: string, values: Partial<Record<InlinePlaceholder, string>>): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length) parts.push({ kind: 'text', text: lines.join('\n') });
    lines = [];
  };
  const fill = (line: string) => line.replace(PLACEHOLDER, (_, name: string) => (isInline(name) ? values[name]?.trim() || '—' : ''));
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const section = /^\s*\{\{\s*([a-z_]+)\s*\}\}\s*$/.exec(line)?.[1];
    if (section && (SECTION_PLACEHOLDERS as readonly string[]).includes(section)) {
      flush();
      parts.push({ kind: 'section', section: section as SectionPlaceholder });
    } else if (line.startsWith('# ')) {
      flush();
      parts.push({ kind: 'heading', text: fill(line.slice(2).trim()) });
    } else if (!line.trim()) {
      flush();
    } else if (!onlyMissingValues(line, values)) {
      lines.push(fill(line));
    }
  }
  flush();
  return parts;
}

/** "{{note}}" alone on its line with no note: nothing to print. */
function onlyMissingValues(line: string, values: Partial<Record<InlinePlaceholder, string>>): boolean {
  const names = [...line.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
  return names.length > 0 && !line.replace(PLACEHOLDER, '').trim() && names.every((name) => !isInline(name) || !values[name]?.trim());
}

function isInline(name: string): name is InlinePlaceholder {
  return (INLINE_PLACEHOLDERS as readonly string[]).includes(name);
}

// ---- templates ----------------------------------------------------------------

const required = (max: number) => boundedText(max).pipe(z.string().min(1));

export const DocumentTemplateInput = z
  .strictObject({
    title: required(200),
    body: required(20_000),
    /** The revision the editor started from: a save over someone else's newer one is refused. */
    revision: z.number().int().min(1),
  })
  .superRefine((input, context) => {
    for (const field of ['title', 'body'] as const) {
      if (unknownPlaceholders(input[field]).length) context.addIssue({ code: 'custom', path: [field], message: 'unknown_placeholder' });
    }
  });
export type DocumentTemplateInput = z.infer<typeof DocumentTemplateInput>;

export const DocumentTemplateView = z.strictObject({
  kind: DocumentKind,
  language: DocumentLanguage,
  revision: z.number().int().min(1),
  title: z.string(),
  body: z.string(),
  updatedAt: z.iso.datetime(),
  updatedByName: z.string().nullable(),
});
export type DocumentTemplateView = z.infer<typeof DocumentTemplateView>;

export const DocumentTemplateList = z.strictObject({ items: z.array(DocumentTemplateView) });
export type DocumentTemplateList = z.infer<typeof DocumentTemplateList>;

// ---- a document on a case --------------------------------------------------------

export const DocumentDraftInput = z.strictObject({
  kind: DocumentKind,
  language: DocumentLanguage,
  recipient: DisclosureRecipient,
  /** Who exactly receives it (a court, a lawyer, an embassy): printed on every page. */
  recipientName: required(200),
  note: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), boundedText(2000).optional()),
});
export type DocumentDraftInput = z.infer<typeof DocumentDraftInput>;

/** The journal entries. */
export const DocumentDrafted = DocumentDraftInput.extend({ documentId: z.uuid(), templateRevision: z.number().int().min(1) });
export type DocumentDrafted = z.infer<typeof DocumentDrafted>;
export const DocumentApproved = z.strictObject({ documentId: z.uuid() });
export const DocumentIssued = z.strictObject({ documentId: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const DocumentDraftWritten = z.strictObject({ id: z.uuid(), seq: z.number().int(), documentId: z.uuid() });
export type DocumentDraftWritten = z.infer<typeof DocumentDraftWritten>;

export const DOCUMENT_STATES = ['draft', 'approved', 'issued'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

/** A document of the case as it stands, folded by the server from the whole journal, with the names of who drafted and approved it. */
export const DocumentView = DocumentDrafted.extend({
  state: z.enum(DOCUMENT_STATES),
  draftedAt: z.iso.datetime(),
  draftedBy: z.string(),
  draftedByName: z.string(),
  approvedBy: z.string().optional(),
  approvedByName: z.string().optional(),
  issuedSha256: z.string().optional(),
  issuedCount: z.number().int().min(0),
});
export type DocumentView = z.infer<typeof DocumentView>;

export interface DocumentSummary extends DocumentDrafted {
  state: DocumentState;
  draftedAt: string;
  draftedBy: string;
  approvedBy?: string;
  /** Each issue renders anew (the date in the watermark): the latest fingerprint. */
  issuedSha256?: string;
  issuedCount: number;
}

interface JournalLike {
  at: string | Date;
  authorId?: string;
  author?: { id: string };
  kind: string;
  data: unknown;
}

/** The case's documents as they stand, folded from its journal (oldest first). */
export function foldDocuments(entries: readonly JournalLike[]): DocumentSummary[] {
  const documents = new Map<string, DocumentSummary>();
  for (const entry of entries) {
    const author = entry.authorId ?? entry.author?.id ?? '';
    const data = entry.data as { documentId?: string; sha256?: string };
    const current = data.documentId ? documents.get(data.documentId) : undefined;
    if (entry.kind === 'document_drafted') {
      const drafted = entry.data as DocumentDrafted;
      const at = typeof entry.at === 'string' ? entry.at : entry.at.toISOString();
      documents.set(drafted.documentId, { ...drafted, state: 'draft', draftedAt: at, draftedBy: author, issuedCount: 0 });
    } else if (entry.kind === 'document_approved' && current) {
      documents.set(current.documentId, { ...current, state: 'approved', approvedBy: author });
    } else if (entry.kind === 'document_issued' && current) {
      documents.set(current.documentId, { ...current, state: 'issued', issuedSha256: data.sha256, issuedCount: current.issuedCount + 1 });
    }
  }
  return [...documents.values()];
}
