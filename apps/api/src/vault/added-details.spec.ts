import { RequestDetails } from '@mnpddh/shared';
import { withDetails, withDetailsCategories } from './added-details.js';
import type { CaseCategories, CaseContent } from './case-content.js';
import { changedCaseCounters, newCaseCounters } from './stat-counters.js';

const firstStep: CaseContent = {
  identity: { othersAtRisk: [] },
  contact: { methods: ['phone'], phone: '+223 70 00 00 00' },
  narrative: 'Mon frère a été enlevé.',
  situation: { channel: 'web', rightNow: { detainedOrMissing: 'yes', lifeInDanger: 'yes' }, incidents: [] },
  categories: {
    region: 'unknown',
    threatTypes: [],
    perpetratorTypes: [],
    profiles: [],
    languages: [],
    channel: 'web',
    measuresRequested: [],
    peopleAtRisk: 1,
    urgentAtIntake: true,
  },
};

const added = RequestDetails.parse({
  defender: { name: 'Ibrahim', profiles: ['journalist'], gender: 'man' },
  location: { region: 'kidal' },
  othersAtRisk: [{ name: 'Awa', relationship: 'family' }],
  incidents: [
    { types: ['abduction_disappearance'], perpetrators: ['armed_groups'], region: 'gao' },
    { types: ['threats_intimidation'], region: 'outside_mali' },
  ],
  help: { measures: ['detention_visit'] },
});

describe('details added later, as if sent at once', () => {
  it('fill the case sections: defender, place, incidents, other people at risk, help', () => {
    const sut = withDetails(firstStep, added);

    expect(sut.identity).toMatchObject({ defender: { name: 'Ibrahim', profiles: ['journalist'] }, othersAtRisk: [{ name: 'Awa' }] });
    expect(sut.situation).toMatchObject({ location: { region: 'kidal' }, help: { measures: ['detention_visit'] }, rightNow: { lifeInDanger: 'yes' } });
    expect((sut.situation as { incidents: unknown[] }).incidents).toHaveLength(2);
    expect(sut.narrative).toBe(firstStep.narrative);
  });

  it('a second addition replaces single answers, adds to lists, and never erases with an empty answer', () => {
    const once = withDetails(firstStep, added);
    const twice = withDetails(
      once,
      RequestDetails.parse({ defender: { organisation: 'Radio Kidal', profiles: ['online_activist'] }, incidents: [{ types: ['harassment'] }] }),
    );

    expect(twice.identity).toMatchObject({ defender: { name: 'Ibrahim', organisation: 'Radio Kidal', profiles: ['journalist', 'online_activist'] } });
    expect((twice.situation as { incidents: unknown[] }).incidents).toHaveLength(3);
    expect((twice.identity as { othersAtRisk: unknown[] }).othersAtRisk).toHaveLength(1);
  });

  it('move the categories the list filters on and the statistics count', () => {
    const sut = withDetailsCategories(firstStep.categories, added);

    expect(sut).toMatchObject({
      region: 'kidal',
      incidentRegions: ['gao', 'outside_mali'],
      threatTypes: ['abduction_disappearance', 'threats_intimidation'],
      perpetratorTypes: ['armed_groups'],
      profiles: ['journalist'],
      gender: 'man',
      measuresRequested: ['detention_visit'],
      peopleAtRisk: 2,
      channel: 'web',
      urgentAtIntake: true,
    });
  });

  it('move the counters from the old categories to the new: each cell still counts the case once', () => {
    const before: CaseCategories = firstStep.categories;
    const after = withDetailsCategories(before, added);
    const at = new Date('2026-12-05T07:00:00Z');
    const total = new Map<string, number>();
    for (const key of [...newCaseCounters(before, true, at), ...changedCaseCounters(before, after, true, at)]) {
      const id = [key.dimension1, key.value1, key.dimension2, key.value2].join('|');
      total.set(id, (total.get(id) ?? 0) + (key.amount ?? 1));
    }
    const expected = new Map<string, number>();
    for (const key of newCaseCounters(after, true, at)) expected.set([key.dimension1, key.value1, key.dimension2, key.value2].join('|'), key.amount ?? 1);

    expect(new Map([...total].filter(([, count]) => count !== 0))).toEqual(expected);
    expect(changedCaseCounters(after, after, true, at)).toEqual([]);
  });
});
