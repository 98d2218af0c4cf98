import { monthOf, newCaseCounters } from './stat-counters.js';

describe('newCaseCounters', () => {
  const categories = { region: 'mopti', threatTypes: ['arrest', 'threats_intimidation', 'arrest'], perpetratorTypes: ['state_security'], profiles: ['journalist'], languages: ['fr'] };

  it('counts by month only', () => {
    expect(monthOf(new Date('2026-11-29T23:59:59Z'))).toBe('2026-11');
  });

  it('increments the total, each category once, and region × threat type', () => {
    const sut = newCaseCounters(categories, true, new Date('2026-11-29T10:00:00Z'));
    const labels = sut.map((k) => [k.dimension1, k.value1, k.dimension2, k.value2].filter(Boolean).join(':'));
    expect(labels).toEqual([
      'cases:all',
      'urgency:urgent',
      'region:mopti',
      'threat_type:arrest',
      'region:mopti:threat_type:arrest',
      'threat_type:threats_intimidation',
      'region:mopti:threat_type:threats_intimidation',
      'perpetrator_type:state_security',
      'profile:journalist',
      'gender:not_given',
      'channel:web',
    ]);
    expect(sut.every((k) => k.period === '2026-11')).toBe(true);
  });

  it('counts values outside the reference lists as "other", never as free text', () => {
    const sut = newCaseCounters({ ...categories, region: 'Sévaré, chez Awa', gender: 'x' }, false, new Date());
    const values = sut.flatMap((k) => [k.value1, k.value2]);
    expect(values).not.toContain('Sévaré, chez Awa');
    expect(values).not.toContain('x');
    expect(values).toContain('other');
  });
});
