import type { DetailsAdded } from '@mnpddh/shared';
import { withDetails } from '../vault/added-details.js';
import type { CaseContent } from '../vault/case-content.js';
import type { JournalEntry } from '../vault/case-entries.js';

/** The request as it stands: what was sent at first, then every addition the defender made, in order. */
export function withAddedDetails(content: CaseContent, entries: readonly JournalEntry[]): CaseContent {
  return entries
    .filter((entry) => entry.kind === 'details_added')
    .reduce((current, entry) => withDetails(current, (entry.data as unknown as DetailsAdded).details), content);
}
