import { z } from 'zod';
import { boundedText } from './protection-request.js';
import { CASE_STATUSES } from './workflow.js';

/*
 * The audited search across the cases a user holds. The query
 * travels in a POST body (never in a URL, so never in an access log or the
 * browser history); the server decrypts the caller's cases in memory,
 * compares, and forgets: no index in clear, no cache in clear, the query is
 * neither logged nor audited (the audit row holds two counts).
 */

/** Most results returned: a search is a way into a case, not an export; past this the page asks for a narrower query. */
export const CASE_SEARCH_LIMIT = 50;
/** Words compared, at most (every word must be found in the case). */
export const CASE_SEARCH_MAX_TERMS = 10;

export const CaseSearchQuery = z.strictObject({
  q: boundedText(200).pipe(z.string().min(2, { message: 'search_too_short' })),
});
export type CaseSearchQuery = z.infer<typeof CaseSearchQuery>;

/** Where a case matched: its request (what the requester wrote), the staff journal, the thread with the defender. */
export const SEARCH_SOURCES = ['request', 'journal', 'thread'] as const;
export const SearchSource = z.enum(SEARCH_SOURCES);
export type SearchSource = z.infer<typeof SearchSource>;

/** One case found: its clear index and where it matched, never a snippet of the content. */
export const CaseSearchHit = z.strictObject({
  caseId: z.uuid(),
  reference: z.string(),
  status: z.enum(CASE_STATUSES),
  urgent: z.boolean(),
  matchedIn: z.array(SearchSource).min(1),
});
export type CaseSearchHit = z.infer<typeof CaseSearchHit>;

export const CaseSearchResult = z.strictObject({
  items: z.array(CaseSearchHit).max(CASE_SEARCH_LIMIT),
  /** Cases held and read for this search. */
  examined: z.number().int().min(0),
  /** Cases that matched (may exceed the items shown). */
  matched: z.number().int().min(0),
  limit: z.number().int().min(1),
  /** Cases that failed their integrity check (already audited as such): not searched. */
  unreadable: z.array(z.strictObject({ caseId: z.uuid(), reference: z.string() })),
});
export type CaseSearchResult = z.infer<typeof CaseSearchResult>;

/**
 * The comparable form of a text: decomposed (NFD) with its combining marks
 * removed, so "Sévaré" and "sevare" compare equal; lower case; typographic
 * apostrophes as plain ones; runs of white space as one space.
 */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a query, in comparable form, duplicates dropped, at most CASE_SEARCH_MAX_TERMS. */
export function searchTerms(query: string): string[] {
  return [
    ...new Set(
      searchable(query)
        .split(' ')
        .filter((term) => term.length > 0),
    ),
  ].slice(0, CASE_SEARCH_MAX_TERMS);
}

/** Every string held in a decrypted value (an object's keys are names, not content: left out). */
export function textsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) textsOf(item, into);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) textsOf(item, into);
  return into;
}
