import { riskScore, suggestRiskLevel } from './case-work.js';
import { suggestFromRequest, type RequestFacts } from './risk-suggestion.js';

const nothing: RequestFacts = { threatTypes: [], profiles: [], othersAtRisk: 0, incidents: 0 };
const levelOf = (facts: RequestFacts) => {
  const sut = suggestFromRequest(facts);
  return suggestRiskLevel(sut.threats.score, sut.vulnerabilities.score, sut.capacities.score);
};

describe('what the request suggests', () => {
  it('an abduction with a life in danger: extreme, with articles 5 and 15, each factor saying why', () => {
    const facts = { ...nothing, detainedOrMissing: 'yes', lifeInDanger: 'yes', threatTypes: ['abduction_disappearance'], incidents: 1 };
    const sut = suggestFromRequest(facts);

    expect(levelOf(facts)).toBe('extreme');
    expect(sut.threats).toEqual({ score: 5, reasons: ['abduction_or_detention', 'life_in_danger'] });
    expect(sut.capacities).toEqual({ score: 1, reasons: ['cannot_protect_self'] });
    expect(sut.legalBases).toEqual(['law_2018_003_art_5', 'law_2018_003_art_15']);
  });

  it('a request that says little: the middle of the scale, ordinary, art. 15 only', () => {
    const sut = suggestFromRequest(nothing);

    expect([sut.threats.score, sut.vulnerabilities.score, sut.capacities.score]).toEqual([2, 2, 3]);
    expect(levelOf(nothing)).toBe('ordinary');
    expect(sut.legalBases).toEqual(['law_2018_003_art_15']);
  });

  it('others at risk, an exposed profile, a woman defender with a disability raise vulnerabilities and cite arts. 18 and 19', () => {
    const sut = suggestFromRequest({ ...nothing, othersAtRisk: 2, profiles: ['journalist'], gender: 'woman', disability: 'yes' });

    expect(sut.vulnerabilities).toEqual({ score: 5, reasons: ['others_at_risk', 'exposed_profile', 'woman_defender', 'disability'] });
    expect(sut.legalBases).toEqual(['law_2018_003_art_15', 'law_2018_003_art_18', 'law_2018_003_art_19']);
  });

  it('previous incidents raise the threat by one, never past 5', () => {
    expect(suggestFromRequest({ ...nothing, threatTypes: ['threats_intimidation'], incidents: 3 }).threats).toEqual({
      score: 4,
      reasons: ['threats_reported', 'previous_incidents'],
    });
    expect(suggestFromRequest({ ...nothing, lifeInDanger: 'yes', incidents: 2 }).threats.score).toBe(5);
  });

  it('a life in danger without detention: extraordinary, not extreme', () => {
    const facts = { ...nothing, lifeInDanger: 'yes' };
    const sut = suggestFromRequest(facts);

    expect(riskScore(sut.threats.score, sut.vulnerabilities.score, sut.capacities.score)).toBe(5);
    expect(levelOf(facts)).toBe('extraordinary');
  });

  it('a raid cites art. 6; judicial harassment art. 5', () => {
    expect(suggestFromRequest({ ...nothing, threatTypes: ['raid_search'] }).legalBases).toContain('law_2018_003_art_6');
    expect(suggestFromRequest({ ...nothing, threatTypes: ['judicial_harassment'] }).legalBases[0]).toBe('law_2018_003_art_5');
  });
});
