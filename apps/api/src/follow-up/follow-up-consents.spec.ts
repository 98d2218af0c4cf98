import type { ThreadMessage } from '../vault/thread-messages.js';
import { activeConsents, consentEntryCode } from './follow-up-consents.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

function message(seq: number, sender: 'staff' | 'defender', body: unknown, kind: ThreadMessage['kind'] = 'consent'): ThreadMessage {
  return { seq, sender, kind, body: typeof body === 'string' ? body : JSON.stringify(body), createdAt: new Date(Date.UTC(2030, 0, seq)) };
}

const recorded = (seq: number, consentId: string) =>
  message(seq, 'staff', { consentId, recipient: 'partner', fields: ['identity'], purpose: 'Orientation vers un partenaire.' });

describe('the defender’s consents from the thread', () => {
  it('lists what the team recorded, minus what the team ended or the defender withdrew', () => {
    const thread = [
      recorded(1, A),
      recorded(2, B),
      message(3, 'defender', { sharingWithPartners: false, consentId: A }),
      message(4, 'staff', 'Bonjour', 'message'),
    ];
    expect(activeConsents(thread).map((c) => c.id)).toEqual([B]);
    expect(activeConsents([...thread, message(5, 'staff', { consentId: B, withdrawn: true })])).toEqual([]);
  });

  it('a withdrawal without an id ends every consent given so far, not later ones', () => {
    const thread = [recorded(1, A), message(2, 'defender', { sharingWithPartners: false }), recorded(3, B)];
    expect(activeConsents(thread).map((c) => c.id)).toEqual([B]);
  });

  it('words each consent entry by who sent it and what it says', () => {
    expect(consentEntryCode(recorded(1, A))).toBe('consent_recorded');
    expect(consentEntryCode(message(2, 'staff', { consentId: A, withdrawn: true }))).toBe('consent_ended');
    expect(consentEntryCode(message(3, 'defender', { sharingWithPartners: false, consentId: A }))).toBe('consent_withdrawn');
    expect(consentEntryCode(message(4, 'defender', { sharingWithPartners: false }))).toBe('sharing_with_partners_withdrawn');
  });
});
