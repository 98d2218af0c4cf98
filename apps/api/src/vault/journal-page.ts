import { JOURNAL_PAGE_SIZE } from '@mnpddh/shared';
import type { JournalEntry } from './case-entries.js';

/** Some journal entries, oldest first, and where the next older page starts (null: these reach the first entry). */
export interface JournalEntriesPage<E = JournalEntry> {
  readonly entries: E[];
  readonly olderEntriesBefore: number | null;
}

/** The last `size` entries before the sequence number `before` (null: the latest). */
export function pageBefore<E extends { seq: number }>(entries: readonly E[], before: number | null, size = JOURNAL_PAGE_SIZE): JournalEntriesPage<E> {
  const upTo = before === null ? entries : entries.filter((entry) => entry.seq < before);
  const page = upTo.slice(Math.max(0, upTo.length - size));
  return { entries: page, olderEntriesBefore: upTo.length > page.length && page[0] ? page[0].seq : null };
}
