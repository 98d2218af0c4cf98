import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The list's filters live in the address (?status=received&region=kidal…):
 * they stay put on reload, on "back" from a case, and can be bookmarked.
 * Only codes go there, never case content.
 */
export const FILTER_KEYS = [
  'status',
  'riskLevel',
  'urgent',
  'assignment',
  'receivedFrom',
  'receivedTo',
  'region',
  'threatType',
  'profile',
  'language',
  'channel',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export const PAGE_SIZE = 25;

export function useCaseFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const found: Filters = {};
    for (const key of FILTER_KEYS) {
      const value = params.get(key);
      if (value) found[key] = value;
    }
    return found;
  }, [params]);
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);

  /** New filters start again at page 1. */
  const apply = useCallback((next: Filters) => setParams(searchOf(next, 1)), [setParams]);
  const goToPage = useCallback((next: number) => setParams(searchOf(filters, next)), [setParams, filters]);
  return { filters, page, apply, goToPage };
}

/** The query string for some filters and a page (page 1 is left out). */
export function searchOf(filters: Filters, page = 1): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set('page', String(page));
  return params;
}
