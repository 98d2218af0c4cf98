import { CASE_SEARCH_MAX_TERMS, CaseSearchQuery, searchable, searchTerms, textsOf } from './case-search.js';
import { CaseLinkInput, CaseReference } from './case-links.js';

describe('the comparable form of a text', () => {
  it('ignores accents, capitals, typographic apostrophes and runs of spaces', () => {
    expect(searchable('  Sévaré   ENLÈVEMENT l’Ouest\tçà  ')).toBe("sevare enlevement l'ouest ca");
    // Composed and decomposed forms of the same letter compare equal.
    expect(searchable('Se\u0301gou')).toBe(searchable('Ségou'));
  });

  it('splits a query into distinct words, at most CASE_SEARCH_MAX_TERMS', () => {
    expect(searchTerms('Ségou  segou Marché')).toEqual(['segou', 'marche']);
    expect(searchTerms(Array.from({ length: 15 }, (_, i) => `mot${i}`).join(' '))).toHaveLength(CASE_SEARCH_MAX_TERMS);
  });

  it('takes every string value of a decrypted concern, not its keys', () => {
    expect(textsOf({ name: 'Awa', incidents: [{ place: 'Gao', types: ['arrest'] }], age: 3, none: null })).toEqual(['Awa', 'Gao', 'arrest']);
  });

  it('refuses a query shorter than 2 characters once trimmed, or longer than 200', () => {
    expect(CaseSearchQuery.safeParse({ q: ' a ' }).success).toBe(false);
    expect(CaseSearchQuery.safeParse({ q: 'x'.repeat(201) }).success).toBe(false);
    expect(CaseSearchQuery.safeParse({ q: 'Gao' }).success).toBe(true);
  });
});

describe('a case reference as staff type it', () => {
  it('puts a reference read over the phone back in the listed form, and refuses anything else', () => {
    expect(CaseReference.parse('7k3m q9tx')).toBe('7K3M-Q9TX');
    expect(CaseReference.parse('7K3MQ9TX')).toBe('7K3M-Q9TX');
    // 0, 1, O and I are not in the alphabet.
    expect(CaseReference.safeParse('7K3M-Q9T0').success).toBe(false);
    expect(CaseReference.safeParse('7K3M').success).toBe(false);
  });

  it('wants exactly one of the other case’s reference or id, and a reason', () => {
    const base = { relation: 'same_person', reason: 'Même personne.' };
    expect(CaseLinkInput.safeParse({ ...base, otherReference: '7K3M-Q9TX' }).success).toBe(true);
    expect(CaseLinkInput.safeParse(base).success).toBe(false);
    expect(CaseLinkInput.safeParse({ ...base, otherReference: '7K3M-Q9TX', otherCaseId: '00000000-0000-4000-8000-000000000000' }).success).toBe(false);
    expect(CaseLinkInput.safeParse({ ...base, otherReference: '7K3M-Q9TX', reason: ' ' }).success).toBe(false);
  });
});
