import { CallbackRequest, isUrgent, ProtectionRequest } from './protection-request.js';

const firstStep = {
  summary: '  Mon frère a été arrêté ce soir.  ',
  rightNow: { detainedOrMissing: 'yes', lifeInDanger: 'unknown' },
  contact: { methods: ['phone'], phone: '+223 70 00 00 00' },
  consent: { processing: true },
};

function fieldsOf(input: unknown): string[] {
  const result = ProtectionRequest.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('ProtectionRequest', () => {
  it('accepts the first step alone, trimmed, and marks it urgent', () => {
    const sut = ProtectionRequest.parse(firstStep);
    expect(sut.summary).toBe('Mon frère a été arrêté ce soir.');
    expect(sut.consent.sharingWithPartners).toBe(false);
    expect(isUrgent(sut.rightNow)).toBe(true);
  });

  it('requires what is happening, urgency, a safe contact and consent', () => {
    expect(fieldsOf({})).toEqual(expect.arrayContaining(['summary', 'rightNow', 'contact', 'consent']));
    expect(fieldsOf({ ...firstStep, summary: '   ' })).toEqual(['summary']);
    expect(fieldsOf({ ...firstStep, consent: { processing: false } })).toEqual(['consent.processing']);
  });

  it('asks for the number when the method needs one, and refuses "no contact" mixed with a method', () => {
    expect(fieldsOf({ ...firstStep, contact: { methods: ['whatsapp'] } })).toEqual(['contact.phone']);
    expect(fieldsOf({ ...firstStep, contact: { methods: ['no_contact', 'phone'], phone: '1234567' } })).toEqual(['contact.methods']);
    expect(fieldsOf({ ...firstStep, contact: { methods: ['no_contact'] } })).toEqual([]);
  });

  it('refuses unknown keys, future dates, control characters and oversized text', () => {
    expect(fieldsOf({ ...firstStep, isAdmin: true })).toEqual(['']);
    expect(fieldsOf({ ...firstStep, incidents: [{ when: { date: '2999-01-01' } }] })).toEqual(['incidents.0.when.date']);
    expect(fieldsOf({ ...firstStep, summary: 'a\u0000b' })).toEqual(['summary']);
    expect(fieldsOf({ ...firstStep, summary: 'x'.repeat(5001) })).toEqual(['summary']);
    expect(fieldsOf({ ...firstStep, incidents: Array.from({ length: 11 }, () => ({})) })).toEqual(['incidents']);
  });

  it('normalises Unicode so the same words are stored the same way', () => {
    const decomposed = 'Se\u0301gou';
    const sut = ProtectionRequest.parse({ ...firstStep, location: { locality: decomposed } });
    expect(sut.location?.locality).toBe('Ségou');
  });

  it('keeps only codes from the reference lists', () => {
    expect(fieldsOf({ ...firstStep, location: { region: 'atlantis' } })).toEqual(['location.region']);
    expect(fieldsOf({ ...firstStep, defender: { profiles: ['journalist', 'spy'] } })).toEqual(['defender.profiles.1']);
  });
});

describe('CallbackRequest', () => {
  it('needs a phone number and consent', () => {
    expect(CallbackRequest.safeParse({ phone: '+223 70 00 00 00', consent: { processing: true } }).success).toBe(true);
    expect(CallbackRequest.safeParse({ phone: '12', consent: { processing: true } }).success).toBe(false);
  });
});
