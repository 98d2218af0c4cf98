import { ProtectionRequest } from './protection-request.js';
import { toRequestInput, type RequestDraftFields } from './request-draft.js';

const draft: RequestDraftFields = {
  summary: 'Mon frère a été arrêté hier soir par des hommes en civil.',
  detainedOrMissing: 'yes',
  lifeInDanger: '',
  methods: ['email'],
  phone: '+223 70 00 00 00',
  email: 'ami@example.org',
  trustedPerson: 'Awa, sa voisine',
  safeTimes: 'le soir',
  mayLeaveMessage: '',
  callbackLanguage: '',
  consentProcessing: true,
  consentSharing: false,
};

describe('toRequestInput', () => {
  it('sends only the details of the ways of contact chosen (a number typed then un-chosen stays on the page)', () => {
    const sent = ProtectionRequest.parse(toRequestInput({ ...draft, lifeInDanger: 'unknown' }));
    expect(sent.contact).toMatchObject({ methods: ['email'], email: 'ami@example.org' });
    expect(JSON.stringify(sent)).not.toContain('70 00 00 00');
    expect(JSON.stringify(sent)).not.toContain('Awa');
  });

  it('sends no contact detail at all for "no contact"', () => {
    const input = toRequestInput({ ...draft, methods: ['no_contact'] }) as { contact: unknown };
    expect(input.contact).toEqual({ methods: ['no_contact'] });
  });

  it('leaves unanswered questions out rather than sending empty strings', () => {
    const input = toRequestInput(draft) as { rightNow: Record<string, unknown> };
    expect(input.rightNow).toEqual({ detainedOrMissing: 'yes', lifeInDanger: undefined });
  });
});
