import type { JournalEntry } from '../vault/case-entries.js';
import type { ThreadMessage } from '../vault/thread-messages.js';
import { checkMeasureDisclosure, disclosureAllowed, foldConsents } from './consent-state.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const PARTNER = '33333333-3333-4333-8333-333333333333';
const OTHER_PARTNER = '44444444-4444-4444-8444-444444444444';

let seq = 0;
function entry(kind: JournalEntry['kind'], data: Record<string, unknown>, day = ++seq): JournalEntry {
  return { id: `00000000-0000-4000-8000-${String(day).padStart(12, '0')}`, seq: day, at: new Date(Date.UTC(2030, 0, day)), authorId: A, kind, data };
}

function consent(consentId: string, overrides: Record<string, unknown> = {}, day?: number): JournalEntry {
  return entry(
    'consent_recorded',
    {
      consentId,
      givenBy: 'relative',
      how: 'phone',
      recipient: 'partner',
      purpose: 'Orientation.',
      fields: ['identity', 'narrative'],
      confirmedWithDefender: false,
      ...overrides,
    },
    day,
  );
}

function defenderSays(body: unknown, day: number): ThreadMessage {
  return { seq: day, sender: 'defender', kind: 'consent', body: JSON.stringify(body), createdAt: new Date(Date.UTC(2030, 0, day)) };
}

describe('foldConsents', () => {
  it('records, confirms and withdraws (staff, with the reason)', () => {
    const entries = [
      consent(A, {}, 1),
      consent(B, {}, 2),
      entry('consent_confirmed', { consentId: A, how: 'phone' }, 3),
      entry('consent_withdrawn', { consentId: B, reason: 'Il a changé d’avis.' }, 4),
    ];
    const [a, b] = foldConsents(entries, []);
    expect(a).toMatchObject({ id: A, active: true, confirmedWithDefender: true, confirmedAt: '2030-01-03T00:00:00.000Z' });
    expect(b).toMatchObject({ id: B, active: false, withdrawnBy: 'staff', withdrawalReason: 'Il a changé d’avis.', withdrawnAt: '2030-01-04T00:00:00.000Z' });
  });

  it('a defender’s withdrawal is final, and without an id ends every consent given before it', () => {
    const entries = [consent(A, {}, 1), consent(B, {}, 5)];
    expect(foldConsents(entries, [defenderSays({ sharingWithPartners: false, consentId: B }, 6)]).map((c) => [c.id, c.active, c.withdrawnBy])).toEqual([
      [A, true, undefined],
      [B, false, 'defender'],
    ]);
    expect(foldConsents(entries, [defenderSays({ sharingWithPartners: false }, 3)]).map((c) => c.active)).toEqual([false, true]);
    // Staff withdrew first; the defender's withdrawal still shows as theirs.
    const both = foldConsents([...entries, entry('consent_withdrawn', { consentId: A, reason: 'x' }, 2)], [defenderSays({ consentId: A }, 3)]);
    expect(both[0]).toMatchObject({ active: false, withdrawnBy: 'defender' });
    expect(both[0]?.withdrawalReason).toBeUndefined();
  });
});

describe('disclosureAllowed', () => {
  it('needs an active consent for the recipient covering every field, naming this partner or none', () => {
    const entries = [consent(A, { partnerId: PARTNER }, 1)];
    expect(disclosureAllowed({ entries, thread: [] }, 'partner', ['identity'], PARTNER)).toBe('consent');
    expect(disclosureAllowed({ entries, thread: [] }, 'partner', ['identity', 'narrative'], PARTNER)).toBe('consent');
    expect(disclosureAllowed({ entries, thread: [] }, 'partner', ['identity', 'contact'], PARTNER)).toBeNull();
    expect(disclosureAllowed({ entries, thread: [] }, 'partner', ['identity'], OTHER_PARTNER)).toBeNull();
    expect(disclosureAllowed({ entries, thread: [] }, 'authorities', ['identity'])).toBeNull();
    expect(disclosureAllowed({ entries: [consent(B, {}, 1)], thread: [] }, 'partner', ['identity'], OTHER_PARTNER)).toBe('consent');
    expect(disclosureAllowed({ entries, thread: [defenderSays({ consentId: A }, 2)] }, 'partner', ['identity'], PARTNER)).toBeNull();
  });

  it('falls back on a recorded exception for the recipient', () => {
    const entries = [entry('disclosure_exception', { recipient: 'detention_facility', reason: 'Disparition en cours.' })];
    expect(disclosureAllowed({ entries, thread: [] }, 'detention_facility', ['identity', 'contact'])).toBe('exception');
    expect(disclosureAllowed({ entries, thread: [] }, 'authorities', ['identity'])).toBeNull();
  });
});

describe('checkMeasureDisclosure', () => {
  const categories = { region: 'unknown', threatTypes: [], perpetratorTypes: [], profiles: [], languages: [] };
  const state = (entries: JournalEntry[], measuresConsented: string[] = [], thread: ThreadMessage[] = []) => ({
    entries,
    categories: { ...categories, measuresConsented },
    thread: () => Promise.resolve(thread),
  });

  it('lets a measure that reveals nobody through, and refuses a disclosing one without consent', async () => {
    await expect(checkMeasureDisclosure(state([]), 'legal_assistance')).resolves.toBeUndefined();
    await expect(checkMeasureDisclosure(state([]), 'detention_visit')).rejects.toMatchObject({ code: 'REFUSED' });
    await expect(checkMeasureDisclosure(state([consent(A, { recipient: 'detention_facility' })]), 'detention_visit')).resolves.toBeUndefined();
  });

  it('lets through a measure the request form agreed to, until the defender withdraws every consent', async () => {
    await expect(checkMeasureDisclosure(state([], ['detention_visit']), 'detention_visit')).resolves.toBeUndefined();
    await expect(checkMeasureDisclosure(state([], ['detention_visit']), 'authorities_intervention')).rejects.toMatchObject({ code: 'REFUSED' });
    const withdrawAll: ThreadMessage = {
      seq: 1,
      sender: 'defender',
      kind: 'consent',
      body: JSON.stringify({ sharingWithPartners: false }),
      createdAt: new Date(),
    };
    await expect(checkMeasureDisclosure(state([], ['detention_visit'], [withdrawAll]), 'detention_visit')).rejects.toMatchObject({ code: 'REFUSED' });
  });
});
