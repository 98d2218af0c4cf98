import { CaseListQuery } from '@mnpddh/shared';
import type { CaseCategories } from '../vault/case-content.js';
import { clearFiltersOf, hasEncryptedFilter, matchesCategories } from './case-list-filters.js';
import { byPriority, rankOf, type RankedCase } from './case-list-priority.js';

/*
 * The case list's rules, as the API applies them to a query string parsed by
 * the shared schema: which filters the clear index answers (and that none of
 * them reaches who holds a case), which need the encrypted categories, how
 * those match, and the order of the queue (tampered cases first, so that a
 * database writer cannot bury a case by breaking it).
 */
const query = (params: Record<string, string> = {}) => CaseListQuery.parse(params);
const reader = '6f1c2a9e-0d4b-4c1e-9a7f-3b2d1e0c9a81';

const categories: CaseCategories = {
  region: 'bamako',
  incidentRegions: ['kidal'],
  threatTypes: ['arrest', 'judicial_harassment'],
  perpetratorTypes: [],
  profiles: ['journalist'],
  languages: ['bm', 'fr'],
  channel: 'callback_request',
};

describe('the case list: filters on the clear index', () => {
  it('asks nothing of the index when no filter is set', () => {
    expect(clearFiltersOf(reader, query())).toEqual({});
  });

  it('turns each clear filter into its column, and "mine" into the caller, "unassigned" into nobody', () => {
    const sut = clearFiltersOf(reader, query({ status: 'received,monitoring', riskLevel: 'extreme', urgent: 'false', assignment: 'mine' }));
    expect(sut).toEqual({ status: { in: ['received', 'monitoring'] }, riskLevel: { in: ['extreme'] }, urgent: false, assignedTo: reader });
    expect(clearFiltersOf(reader, query({ assignment: 'unassigned' }))).toEqual({ assignedTo: null });
    expect(clearFiltersOf(reader, query({ assignment: 'anyone' }))).toEqual({});
  });

  it('counts a last day as a whole day (to the next midnight UTC) and a date-time exactly', () => {
    expect(clearFiltersOf(reader, query({ receivedFrom: '2026-03-01', receivedTo: '2026-03-31' })).receivedAt).toEqual({
      gte: new Date('2026-03-01T00:00:00.000Z'),
      lt: new Date('2026-04-01T00:00:00.000Z'),
    });
    expect(clearFiltersOf(reader, query({ receivedTo: '2026-03-31T10:00:00Z' })).receivedAt).toEqual({ lt: new Date('2026-03-31T10:00:00.001Z') });
  });

  it('never names who holds a case: whatever the query, the caller’s grant is the repository’s to add', () => {
    const everything = query({ status: 'closed', riskLevel: 'ordinary', urgent: 'true', assignment: 'mine', receivedFrom: '2026-01-01', region: 'kidal' });
    const sut = clearFiltersOf(reader, everything);
    expect(Object.keys(sut).sort()).toEqual(['assignedTo', 'receivedAt', 'riskLevel', 'status', 'urgent']);
  });
});

describe('the case list: filters on the encrypted categories', () => {
  it('decrypts every held case only when a filter needs the categories', () => {
    expect(hasEncryptedFilter(query({ status: 'received', urgent: 'true', assignment: 'mine', receivedFrom: '2026-01-01' }))).toBe(false);
    for (const [name, value] of [
      ['region', 'kidal'],
      ['threatType', 'arrest'],
      ['profile', 'journalist'],
      ['language', 'bm'],
      ['channel', 'web'],
    ]) {
      expect(hasEncryptedFilter(query({ [name as string]: value as string }))).toBe(true);
    }
  });

  it('matches any value inside a filter and every filter across', () => {
    expect(matchesCategories(categories, query({ threatType: 'abduction_disappearance,arrest' }))).toBe(true);
    expect(matchesCategories(categories, query({ threatType: 'arrest', profile: 'lawyer' }))).toBe(false);
    expect(matchesCategories(categories, query({ threatType: 'arrest', profile: 'journalist', language: 'ff,bm' }))).toBe(true);
    expect(matchesCategories(categories, query({ language: 'ff' }))).toBe(false);
  });

  it('finds a case by where the defender is and by where each incident happened, not elsewhere', () => {
    expect(matchesCategories(categories, query({ region: 'bamako' }))).toBe(true);
    expect(matchesCategories(categories, query({ region: 'kidal' }))).toBe(true);
    expect(matchesCategories(categories, query({ region: 'mopti' }))).toBe(false);
    expect(matchesCategories({ ...categories, incidentRegions: undefined }, query({ region: 'kidal' }))).toBe(false);
  });

  it('takes a case without a recorded channel as a web request: it stays out of the call-back queue', () => {
    const older = { ...categories, channel: undefined };
    expect(matchesCategories(older, query({ channel: 'web' }))).toBe(true);
    expect(matchesCategories(older, query({ channel: 'callback_request' }))).toBe(false);
    expect(matchesCategories(categories, query({ channel: 'callback_request' }))).toBe(true);
  });
});

describe('the case list: the order of the queue', () => {
  const at = (hour: number) => new Date(Date.UTC(2026, 2, 1, hour));
  const listed = (reference: string, hour: number, changes: Partial<Omit<RankedCase, 'row'>> & { urgent?: boolean; status?: string } = {}): RankedCase => ({
    row: { reference, receivedAt: at(hour), urgent: changes.urgent ?? false, status: changes.status ?? 'received' },
    overdue: changes.overdue ?? [],
    intact: changes.intact ?? true,
    ...('categories' in changes ? { categories: changes.categories } : {}),
  });

  it('puts tampered cases first, then urgent and overdue, urgent, overdue, the rest', () => {
    const cases = [
      listed('REST', 9),
      listed('OVERDUE', 8, { overdue: ['first_contact'] }),
      listed('URGENT', 7, { urgent: true }),
      listed('BOTH', 6, { urgent: true, overdue: ['first_contact'] }),
      listed('BAD-INDEX', 5, { intact: false }),
      listed('BAD-CATEGORIES', 4, { categories: null }),
    ];
    expect([...cases].sort(byPriority).map((c) => c.row.reference)).toEqual(['BAD-INDEX', 'BAD-CATEGORIES', 'BOTH', 'URGENT', 'OVERDUE', 'REST']);
  });

  it('gives a tampered case the first place whatever its clear columns claim', () => {
    expect(rankOf(listed('X', 1, { intact: false, urgent: true, overdue: ['assessment'] }))).toBe(0);
    expect(rankOf(listed('X', 1, { categories: null }))).toBe(0);
    expect(rankOf(listed('X', 1, { categories: undefined }))).toBe(4);
  });

  it('counts a closed or inadmissible case as urgent no longer', () => {
    expect(rankOf(listed('X', 1, { urgent: true, status: 'closed' }))).toBe(4);
    expect(rankOf(listed('X', 1, { urgent: true, status: 'inadmissible' }))).toBe(4);
    expect(rankOf(listed('X', 1, { urgent: true, status: 'monitoring' }))).toBe(2);
  });

  it('lists the newest first within a rank, then by reference, so two pages never share a case', () => {
    const cases = [listed('B', 1), listed('C', 3), listed('A', 1)];
    expect(cases.sort(byPriority).map((c) => c.row.reference)).toEqual(['C', 'A', 'B']);
  });
});
