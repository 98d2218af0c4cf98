import { ConsentEndNotice, ConsentNotice, type FollowUpConsent } from '@mnpddh/shared';
import type { ThreadMessage } from '../vault/thread-messages.js';

/*
 * The defender's view of their consents, from the thread alone (a receipt
 * opens nothing else): the team announces each consent recorded and each
 * withdrawn; the defender's own withdrawals (one, or all given so far) end
 * them too.
 */

type Parsed = { kind: 'recorded'; notice: ConsentNotice } | { kind: 'ended'; consentId: string } | { kind: 'withdrawn'; consentId?: string };

function parse(message: ThreadMessage): Parsed | null {
  if (message.kind !== 'consent') return null;
  let body: unknown;
  try {
    body = JSON.parse(message.body);
  } catch {
    return null;
  }
  if (message.sender === 'defender') {
    const consentId = (body as { consentId?: unknown } | null)?.consentId;
    return typeof consentId === 'string' ? { kind: 'withdrawn', consentId } : { kind: 'withdrawn' };
  }
  const recorded = ConsentNotice.safeParse(body);
  if (recorded.success) return { kind: 'recorded', notice: recorded.data };
  const ended = ConsentEndNotice.safeParse(body);
  return ended.success ? { kind: 'ended', consentId: ended.data.consentId } : null;
}

/** The consents that still hold, oldest first. */
export function activeConsents(thread: readonly ThreadMessage[]): FollowUpConsent[] {
  const active = new Map<string, FollowUpConsent>();
  for (const message of [...thread].sort((a, b) => a.seq - b.seq)) {
    const parsed = parse(message);
    if (!parsed) continue;
    if (parsed.kind === 'recorded') {
      active.set(parsed.notice.consentId, { id: parsed.notice.consentId, ...withoutId(parsed.notice), at: message.createdAt.toISOString() });
    } else if (parsed.consentId) {
      active.delete(parsed.consentId);
    } else {
      active.clear();
    }
  }
  return [...active.values()];
}

/** How a consent entry of the thread reads on the follow-up page (a code the page words). */
export function consentEntryCode(message: ThreadMessage): string {
  const parsed = parse(message);
  if (parsed?.kind === 'recorded') return 'consent_recorded';
  if (parsed?.kind === 'ended') return 'consent_ended';
  if (parsed?.kind === 'withdrawn' && parsed.consentId) return 'consent_withdrawn';
  return 'sharing_with_partners_withdrawn';
}

function withoutId({ consentId: _id, ...rest }: ConsentNotice): Omit<ConsentNotice, 'consentId'> {
  return rest;
}
