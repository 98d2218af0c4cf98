import type { CaseLinkedData, CaseUnlinkedData, CollectiveSubject } from '@mnpddh/shared';
import type { JournalEntry } from '../vault/case-entries.js';

/** A link as it stands in one case's journal: the entry's data, when and by whom. */
export interface ActiveLink extends CaseLinkedData {
  readonly at: Date;
  readonly authorId: string;
}

/** The case's links, oldest first: each `case_linked` entry until a `case_unlinked` entry of the same link. */
export function foldLinks(entries: readonly JournalEntry[]): ActiveLink[] {
  const links = new Map<string, ActiveLink>();
  for (const entry of entries) {
    if (entry.kind === 'case_linked') {
      const data = entry.data as unknown as CaseLinkedData;
      links.set(data.linkId, { ...data, at: entry.at, authorId: entry.authorId });
    } else if (entry.kind === 'case_unlinked') {
      links.delete((entry.data as unknown as CaseUnlinkedData).linkId);
    }
  }
  return [...links.values()];
}

/** The collective subject this case is the file of (the latest `collective_subject` entry), or null. */
export function collectiveOf(entries: readonly JournalEntry[]): CollectiveSubject | null {
  const last = entries.findLast((entry) => entry.kind === 'collective_subject');
  return last ? (last.data as unknown as CollectiveSubject) : null;
}

/**
 * For a `member_of_collective` link, which case is the collective subject:
 * the other one when it is marked as such (an organisation joined from a
 * member's case), else this one (members added from the collective's case);
 * null when neither is marked — the link is refused.
 */
export function collectiveSide(thisCaseId: string, thisIsCollective: boolean, otherCaseId: string, otherIsCollective: boolean): string | null {
  if (otherIsCollective) return otherCaseId;
  if (thisIsCollective) return thisCaseId;
  return null;
}
