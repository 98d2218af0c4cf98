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
        { types: ['arrest'], perpetrators: ['unknown'], region: 'outside_mali' },
      ],
    });
    const sut = requestContent(request);
    expect(sut.narrative).toBe('Arrêté à Mopti');
    expect(sut.categories).toEqual({
      region: 'mopti',
      incidentRegions: ['outside_mali'],
      threatTypes: ['arrest', 'arbitrary_detention'],
      perpetratorTypes: ['state_security', 'unknown'],
      profiles: ['journalist'],
      gender: 'woman',
      languages: ['ff'],
      channel: 'web',
      measuresRequested: [],
      measuresConsented: [],
      peopleAtRisk: 1,
      urgentAtIntake: true,
    });
    expect(requestContent(request, 'phone').categories.channel).toBe('phone');
    // The language of the form the request came through, for staff to answer in it.
    expect(requestContent(request, 'web', 'en').situation).toMatchObject({ formLanguage: 'en' });
    expect(sut.situation).toMatchObject({ location: { locality: 'Sévaré' }, consent: { sharingWithPartners: true } });
  });

  it('passes age group, disability, measures asked for and the number of people at risk to the statistics (codes and a count only)', () => {
    const request = ProtectionRequest.parse({
      summary: 'Menaces',
      rightNow: { detainedOrMissing: 'no', lifeInDanger: 'no' },
      contact: { methods: ['no_contact'] },
      consent: { processing: true },
      defender: { ageGroup: '18_35', disability: 'yes' },
      othersAtRisk: [{ name: 'Fatou', relationship: 'family' }, { relationship: 'collaborator' }],
      help: { measures: ['legal_assistance', 'digital_security'], other: 'texte libre' },
    });
    expect(requestContent(request).categories).toMatchObject({
      ageGroup: '18_35',
      disability: 'yes',
      measuresRequested: ['legal_assistance', 'digital_security'],
      peopleAtRisk: 3,
    });
  });
});
