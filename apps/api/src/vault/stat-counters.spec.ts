import { ASSESSMENT_BUCKETS, FIRST_CONTACT_BUCKETS } from '@mnpddh/shared';
import type { CaseCategories } from './case-content.js';
import { bucketOf, INTAKE_DIMENSIONS, monthOf, newCaseCounters, type CounterKey } from './stat-counters.js';

const label = (k: CounterKey) => [k.dimension1, k.value1, k.dimension2, k.value2].filter(Boolean).join(':');

describe('newCaseCounters', () => {
  const categories: CaseCategories = {
    region: 'mopti',
    threatTypes: ['arrest', 'threats_intimidation', 'arrest'],
    perpetratorTypes: ['state_security'],
    profiles: ['journalist'],
    languages: ['fr'],
    ageGroup: '18_35',
    disability: 'no',
    measuresRequested: ['legal_assistance'],
    peopleAtRisk: 3,
  };
  const sut = newCaseCounters(categories, true, new Date('2026-11-29T10:00:00Z'));
  const alone = sut.filter((k) => k.dimension2 === '');

  it('counts by month only', () => {
    expect(monthOf(new Date('2026-11-29T23:59:59Z'))).toBe('2026-11');
    expect(sut.every((k) => k.period === '2026-11')).toBe(true);
  });

  it('increments the total, the people at risk (by their number) and each category once', () => {
    expect(alone.map(label)).toEqual([
      'cases:all',
      'people:all',
      'age_group:18_35',
      'channel:web',
      'disability:no',
      'gender:not_given',
      'measure_requested:legal_assistance',
      'perpetrator_type:state_security',
      'profile:journalist',
      'region:mopti',
      'threat_type:arrest',
      'threat_type:threats_intimidation',
      'urgency:urgent',
    ]);
    expect(sut.find((k) => label(k) === 'people:all')?.amount).toBe(3);
    expect(sut.filter((k) => k.amount !== undefined).every((k) => k.dimension1 === 'people' || k.dimension2 === 'people')).toBe(true);
  });

  it('crosses every pair of intake dimensions once, in alphabetical order, each combination of a multi-valued one once', () => {
    const pairs = sut.filter((k) => k.dimension2 !== '' && k.dimension1 !== 'people' && k.dimension2 !== 'people');
    expect(pairs.every((k) => k.dimension1 < k.dimension2)).toBe(true);
    const distinct = new Set(pairs.map((k) => `${k.dimension1}|${k.dimension2}`));
    expect(distinct.size).toBe((INTAKE_DIMENSIONS.length * (INTAKE_DIMENSIONS.length - 1)) / 2);
    // Two threat types: every pair with threat_type twice, the others once.
    expect(pairs).toHaveLength(distinct.size + (INTAKE_DIMENSIONS.length - 1));
    expect(new Set(pairs.map(label)).size).toBe(pairs.length);
    expect(pairs.map(label)).toEqual(expect.arrayContaining(['region:mopti:threat_type:arrest', 'region:mopti:threat_type:threats_intimidation']));
  });

  it('weights each category by the people at risk, the pair stored in alphabetical order', () => {
    const people = sut.filter((k) => k.dimension2 !== '' && (k.dimension1 === 'people' || k.dimension2 === 'people'));
    expect(people.every((k) => k.dimension1 < k.dimension2 && k.amount === 3)).toBe(true);
    expect(people.map(label)).toEqual(expect.arrayContaining(['age_group:18_35:people:all', 'people:all:region:mopti']));
    expect(people).toHaveLength(alone.length - 2);
  });

  it('counts values outside the reference lists as "other", never as free text', () => {
    const odd = newCaseCounters(
      { ...categories, region: 'Sévaré, chez Awa', gender: 'x', ageGroup: 'vingt ans', measuresRequested: ['un avocat'] },
      false,
      new Date(),
    );
    const values = odd.flatMap((k) => [k.value1, k.value2]);
    expect(values).not.toContain('Sévaré, chez Awa');
    expect(values).not.toContain('x');
    expect(values).not.toContain('vingt ans');
    expect(values).not.toContain('un avocat');
    expect(values).toContain('other');
  });

  it('counts one person when the number is missing or absurd', () => {
    for (const peopleAtRisk of [undefined, 0, -2, 1.5, 10_000]) {
      const keys = newCaseCounters({ ...categories, peopleAtRisk } as CaseCategories, false, new Date());
      expect(keys.find((k) => label(k) === 'people:all')?.amount ?? 1).toBe(1);
    }
  });
});

describe('bucketOf', () => {
  it('puts a duration in the bucket ending at or after it (a target of 2 hours holds exactly 2 hours)', () => {
    expect(bucketOf(FIRST_CONTACT_BUCKETS, 0)).toBe('0_2');
    expect(bucketOf(FIRST_CONTACT_BUCKETS, 2)).toBe('0_2');
    expect(bucketOf(FIRST_CONTACT_BUCKETS, 2.01)).toBe('2_6');
    expect(bucketOf(FIRST_CONTACT_BUCKETS, 72)).toBe('24_72');
    expect(bucketOf(FIRST_CONTACT_BUCKETS, 500)).toBe('72_plus');
    expect(bucketOf(ASSESSMENT_BUCKETS, 10)).toBe('3_10');
    expect(bucketOf(ASSESSMENT_BUCKETS, 31)).toBe('30_plus');
  });
});

describe('regions in the counters', () => {
  const base: CaseCategories = { region: 'bamako', threatTypes: [], perpetratorTypes: [], profiles: [], languages: [] };
  const regionsOf = (categories: CaseCategories) =>
    newCaseCounters(categories, false, new Date('2026-11-29T10:00:00Z'))
      .filter((k) => k.dimension1 === 'region' && k.dimension2 === '')
      .map((k) => k.value1);

  it('count a case once in each region involved: where the defender is now and where each incident happened', () => {
    expect(regionsOf({ ...base, region: 'outside_mali', incidentRegions: ['kidal', 'gao', 'kidal'] })).toEqual(['outside_mali', 'kidal', 'gao']);
    expect(regionsOf({ ...base, incidentRegions: ['bamako'] })).toEqual(['bamako']);
  });

  it('count an unplaced defender only by the incidents placed, and a case placed nowhere once as not given', () => {
    expect(regionsOf({ ...base, region: 'unknown', incidentRegions: ['mopti'] })).toEqual(['mopti']);
    expect(regionsOf({ ...base, region: 'unknown' })).toEqual(['other']);
  });
});
