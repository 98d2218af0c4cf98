import type { CaseEntryView, DocumentView } from '@mnpddh/shared';
import { format } from '../format';
import { useDocumentsT } from './i18n';

type DocumentEntry = Extract<CaseEntryView, { kind: 'document_drafted' | 'document_approved' | 'document_issued' }>;

/**
 * Title and lines of the document entries on the timeline. Approval and
 * issue name the document by id: its kind comes from the documents the
 * server folded from the whole journal (the draft may be on an older page).
 */
export function useDocumentEntryDescriber(documents: readonly DocumentView[]) {
  const t = useDocumentsT();
  const kindOf = (documentId: string) => {
    const drafted = documents.find((document) => document.documentId === documentId);
    return drafted ? t.kinds[drafted.kind] : '';
  };
  return (entry: DocumentEntry): { title: string; lines: string[] } => {
    switch (entry.kind) {
      case 'document_drafted':
        return {
          title: format(t.timeline.document_drafted, { kind: t.kinds[entry.data.kind], recipient: entry.data.recipientName }),
          lines: entry.data.note ? [entry.data.note] : [],
        };
      case 'document_approved':
        return { title: format(t.timeline.document_approved, { kind: kindOf(entry.data.documentId) }), lines: [] };
      case 'document_issued':
        return {
          title: format(t.timeline.document_issued, { kind: kindOf(entry.data.documentId) }),
          lines: [format(t.timeline.fingerprint, { sha256: entry.data.sha256 })],
        };
    }
  };
}
