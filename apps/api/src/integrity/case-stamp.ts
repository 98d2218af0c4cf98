/**
 * What the audit log records of each case write, so a case put back to an
 * earlier state is caught: the manifest revision the write produced, and a
 * tag of its index row's MAC (an older index row replayed under the current
 * revision carries another MAC). The tag is the MAC's last 22 characters
 * (132 bits of a keyed BLAKE2b output): it says nothing about the row.
 */
export interface CaseStamp {
  revision: number;
  indexTag: string;
}

export function caseStamp(revision: number, indexMac: string): CaseStamp {
  return { revision, indexTag: indexTag(indexMac) };
}

export function indexTag(indexMac: string): string {
  return indexMac.slice(-22);
}

/** Whether a case's row is the one the anchored log last recorded (true when the log recorded nothing for it yet). */
export function matchesStamp(row: { revision: number; indexMac: string }, stamp: { revision: number; indexTag: string | null } | undefined): boolean {
  if (!stamp) return true;
  return row.revision === stamp.revision && (stamp.indexTag === null || indexTag(row.indexMac) === stamp.indexTag);
}
