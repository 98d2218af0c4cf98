import { useSyncExternalStore } from 'react';

/*
 * The query typed in the menu's search field, handed to the search page in
 * memory: never in the address (it would sit in the history and in logs)
 * nor in the router's history state (kept by the browser), nor in storage.
 */
// A new object per submission: the same words typed twice still start a second search.
let pending: { readonly query: string } | null = null;
const listeners = new Set<() => void>();

export function submitSearch(query: string): void {
  pending = { query };
  for (const listener of listeners) listener();
}

/** Takes the query (once): the page runs it and forgets it here. */
export function takePendingQuery(): string | null {
  const query = pending?.query ?? null;
  pending = null;
  return query;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The latest hand-over (a new object each time), or null. */
export function usePendingQuery(): { readonly query: string } | null {
  return useSyncExternalStore(subscribe, () => pending);
}
