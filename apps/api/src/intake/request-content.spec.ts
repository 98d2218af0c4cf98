import { ProtectionRequest } from '@mnpddh/shared';
import { requestContent } from './request-content.js';

describe('requestContent', () => {
  it('puts the categories that could single a person out into the encrypted categories concern', () => {
    const request = ProtectionRequest.parse({
      summary: 'Arrêté à Mopti',
      rightNow: { detainedOrMissing: 'yes', lifeInDanger: 'no' },
      contact: { methods: ['no_contact'] },
      consent: { processing: true, sharingWithPartners: true },
      defender: { profiles: ['journalist'], gender: 'woman', languages: ['ff'] },
      location: { region: 'mopti', locality: 'Sévaré' },
      incidents: [
        { types: ['arrest', 'arbitrary_detention'], perpetrators: ['state_security'] },
        { types: ['arrest'], perpetrators: ['unknown'] },
      ],
    });
    const sut = requestContent(request);
    expect(sut.narrative).toBe('Arrêté à Mopti');
    expect(sut.categories).toEqual({
      region: 'mopti',
      threatTypes: ['arrest', 'arbitrary_detention'],
      perpetratorTypes: ['state_security', 'unknown'],
      profiles: ['journalist'],
      gender: 'woman',
      languages: ['ff'],
      channel: 'web',
    });
    expect(requestContent(request, 'phone').categories.channel).toBe('phone');
    expect(sut.situation).toMatchObject({ location: { locality: 'Sévaré' }, consent: { sharingWithPartners: true } });
  });
});
