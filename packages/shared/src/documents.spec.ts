import { fillTemplate, foldDocuments, unknownPlaceholders } from './documents.js';

describe('fillTemplate', () => {
  it('replaces inline placeholders, spaces tolerated, and never prints a raw or missing one', () => {
    const parts = fillTemplate('Bamako, le {{date}}\nRéf. {{ reference }} pour {{defender_name}}', { date: '29 novembre 2026', reference: 'MN-1' });
    expect(parts).toEqual([{ kind: 'text', text: 'Bamako, le 29 novembre 2026\nRéf. MN-1 pour —' }]);
  });

  it('turns a section placeholder alone on its line into that section, and a "# " line into a heading', () => {
    const parts = fillTemplate('Intro {{reference}}\n# Chronologie\n{{chronology}}\nSuite\n  {{attachments}}  \nFin', { reference: 'MN-2' });
    expect(parts).toEqual([
      { kind: 'text', text: 'Intro MN-2' },
      { kind: 'heading', text: 'Chronologie' },
      { kind: 'section', section: 'chronology' },
      { kind: 'text', text: 'Suite' },
      { kind: 'section', section: 'attachments' },
      { kind: 'text', text: 'Fin' },
    ]);
  });

  it('keeps a section placeholder inside a sentence out of the text', () => {
    expect(fillTemplate('Voir {{statements}} ci-dessous', {})).toEqual([{ kind: 'text', text: 'Voir  ci-dessous' }]);
  });

  it('splits paragraphs at blank lines and leaves out a line made only of missing values', () => {
    const body = 'Premier\n\r\n{{note}}\n\nDernier {{note}}';
    expect(fillTemplate(body, {})).toEqual([
      { kind: 'text', text: 'Premier' },
      { kind: 'text', text: 'Dernier —' },
    ]);
    expect(fillTemplate(body, { note: 'Pour un visa.' })[1]).toEqual({ kind: 'text', text: 'Pour un visa.' });
  });

  it('names the placeholders a renderer does not know', () => {
    expect(unknownPlaceholders('{{reference}} {{password}} {{ chronology }} {{Date}}')).toEqual(['password', 'Date']);
  });
});

describe('foldDocuments', () => {
  const drafted = {
    documentId: '3f9a1c2e-1111-4222-8333-444455556666',
    kind: 'attestation',
    language: 'fr',
    recipient: 'embassy',
    recipientName: 'Ambassade',
    templateRevision: 1,
  };
  it('follows a document from draft to approved to issued', () => {
    const entries = [
      { at: '2026-11-29T08:00:00.000Z', author: { id: 'a' }, kind: 'document_drafted', data: drafted },
      { at: '2026-11-29T09:00:00.000Z', author: { id: 'b' }, kind: 'document_approved', data: { documentId: drafted.documentId } },
      { at: '2026-11-29T10:00:00.000Z', author: { id: 'a' }, kind: 'document_issued', data: { documentId: drafted.documentId, sha256: 'f'.repeat(64) } },
    ];
    expect(foldDocuments(entries.slice(0, 1))[0]).toMatchObject({ state: 'draft', draftedBy: 'a', issuedCount: 0 });
    expect(foldDocuments(entries.slice(0, 2))[0]).toMatchObject({ state: 'approved', approvedBy: 'b' });
    expect(foldDocuments(entries)[0]).toMatchObject({ state: 'issued', issuedSha256: 'f'.repeat(64), issuedCount: 1 });
  });

  it('ignores an approval of an unknown document', () => {
    expect(foldDocuments([{ at: new Date(), authorId: 'b', kind: 'document_approved', data: { documentId: drafted.documentId } }])).toEqual([]);
  });
});
