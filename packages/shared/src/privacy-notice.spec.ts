import { apiFr } from './i18n/api-fr.js';
import { PRIVACY_NOTICE, PRIVACY_NOTICE_VERSION, PRIVACY_NOTICE_VERSIONS } from './privacy-notice.js';
import { ProtectionRequest } from './protection-request.js';

const firstStep = {
  summary: 'Mon frère a été arrêté ce soir.',
  rightNow: { detainedOrMissing: 'yes', lifeInDanger: 'unknown' },
  contact: { methods: ['phone'], phone: '+223 70 00 00 00' },
};

describe('consent.noticeVersion', () => {
  it('accepts the current version and keeps it', () => {
    const sut = ProtectionRequest.parse({ ...firstStep, consent: { processing: true, noticeVersion: PRIVACY_NOTICE_VERSION } });
    expect(sut.consent.noticeVersion).toBe(PRIVACY_NOTICE_VERSION);
  });

  it('stays optional, for assisted intake and older clients', () => {
    expect(ProtectionRequest.parse({ ...firstStep, consent: { processing: true } }).consent.noticeVersion).toBeUndefined();
  });

  it.each(['1999-01-1', '', 'latest'])('refuses the unknown version %p on consent.noticeVersion with a translated code', (noticeVersion) => {
    const result = ProtectionRequest.safeParse({ ...firstStep, consent: { processing: true, noticeVersion } });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path.join('.')).toBe('consent.noticeVersion');
    expect(issue?.message).toBe('unknown_notice_version');
    expect(apiFr.fields.unknown_notice_version).toBeTruthy();
  });
});

describe('PRIVACY_NOTICE', () => {
  it('lists the current version among the known ones', () => {
    expect(PRIVACY_NOTICE_VERSIONS).toContain(PRIVACY_NOTICE_VERSION);
  });

  it.each(['fr', 'en'] as const)('in %s, names the law, the supervisory authority and the rights', (locale) => {
    const text = JSON.stringify(PRIVACY_NOTICE[locale]);
    expect(text).toContain('2013-015');
    expect(text).toContain('2017-070');
    expect(text).toContain('APDP');
    expect(text).toContain('CNDH');
    expect(PRIVACY_NOTICE[locale].versionLabel).toContain(PRIVACY_NOTICE_VERSION);
  });

  it('has the same sections in French and English', () => {
    expect(PRIVACY_NOTICE.en.sections).toHaveLength(PRIVACY_NOTICE.fr.sections.length);
  });
});
