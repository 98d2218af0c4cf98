import {
  DocumentDraftWritten,
  DocumentTemplateList,
  DocumentTemplateView,
  type DocumentDraftInput,
  type DocumentKind,
  type DocumentLanguage,
  type DocumentTemplateInput,
} from '@mnpddh/shared';
import type { StaffApi } from '../api';

/*
 * The document calls, kept beside their screens. Writes return the journal
 * entry; the page then reloads the case, whose journal lists the documents.
 */

const Written = { safeParse: (value: unknown) => ({ success: true as const, data: value as { id: string; seq: number } }) };
const onDocument = (caseId: string, documentId: string, rest: string) =>
  `/api/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}${rest}`;

export const documentsApi = {
  draft: async (api: StaffApi, caseId: string, body: DocumentDraftInput) =>
    (await api.request('POST', `/api/cases/${encodeURIComponent(caseId)}/documents`, { body, schema: DocumentDraftWritten })).value,
  approve: async (api: StaffApi, caseId: string, documentId: string) =>
    (await api.request('POST', onDocument(caseId, documentId, '/approval'), { schema: Written })).value,
  /** A download (PDF, attachment, no-store): a plain link, never fetched into the page. */
  pdfUrl: (caseId: string, documentId: string) => onDocument(caseId, documentId, '/pdf'),
  templates: async (api: StaffApi) => (await api.request('GET', '/api/document-templates', { schema: DocumentTemplateList })).value.items,
  saveTemplate: async (api: StaffApi, kind: DocumentKind, language: DocumentLanguage, body: DocumentTemplateInput) =>
    (await api.request('PUT', `/api/document-templates/${kind}/${language}`, { body, schema: DocumentTemplateView })).value,
};
