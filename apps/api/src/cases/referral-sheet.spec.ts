import type { JournalEntry } from '../vault/case-entries.js';
import type { CaseContent } from '../vault/case-content.js';
import { referralSheet } from './referral-sheet.js';

const content: CaseContent = {
  identity: { defender: { name: 'NAME-1', organisation: 'ORG-1' }, othersAtRisk: [{ name: 'OTHER-1', relationship: 'family' }] },
  contact: { methods: ['phone'], phone: 'PHONE-1', safeTimes: 'TIMES-1' },
  narrative: 'NARRATIVE-1',
  situation: { location: { region: 'gao', locality: 'LOCALITY-1' }, incidents: [{ types: ['arrest'], place: 'PLACE-1', believedHeldAt: 'HELD-1' }] },
  categories: { region: 'gao', threatTypes: ['arrest'], perpetratorTypes: [], profiles: [], languages: [] },
};

const assessed: JournalEntry = {
  id: '00000000-0000-4000-8000-000000000001',
  seq: 1,
  at: new Date('2030-01-02T00:00:00Z'),
  authorId: 'a',
  kind: 'risk_assessed',
  data: { level: 'extreme', urgentProcedure: true, threats: { score: 5, note: 'NOTE-1' } },
};

const sheet = (fields: Parameters<typeof referralSheet>[0]['fields']) =>
  referralSheet({
    reference: 'REF',
    partnerName: 'Partenaire',
    sentAt: new Date('2030-01-03T00:00:00Z'),
    fields,
    content,
    entries: [assessed],
    attachmentCount: 2,
  });

const MARKERS = ['NAME-1', 'ORG-1', 'OTHER-1', 'PHONE-1', 'TIMES-1', 'NARRATIVE-1', 'LOCALITY-1', 'PLACE-1', 'HELD-1', 'extreme', 'NOTE-1'];

describe('referralSheet', () => {
  it('holds each section only when its field was sent', () => {
    const cases: [Parameters<typeof sheet>[0], string[]][] = [
      [['identity'], ['NAME-1', 'ORG-1', 'OTHER-1']],
      [['contact'], ['PHONE-1', 'TIMES-1']],
      [['location'], ['LOCALITY-1']],
      [['narrative'], ['NARRATIVE-1']],
      [['incidents'], ['PLACE-1', 'HELD-1']],
      [['risk_assessment'], ['extreme']],
      [['attachments'], []],
    ];
    for (const [fields, present] of cases) {
      const text = sheet(fields);
      for (const marker of MARKERS) expect([marker, text.includes(marker)]).toEqual([marker, present.includes(marker)]);
    }
  });

  it('never carries the scores or notes of an assessment, only its level', () => {
    expect(sheet(['risk_assessment'])).not.toContain('NOTE-1');
  });
});
