import type { PublicStatus } from '@mnpddh/shared';

/** Where a case stands, in the three words a defender needs (no internal workflow names). */
export function publicStatus(status: string): PublicStatus {
  if (status === 'received') return 'received';
  if (status === 'closed' || status === 'inadmissible') return 'closed';
  return 'in_progress';
}
