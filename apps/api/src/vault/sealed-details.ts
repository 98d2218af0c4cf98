import { RequestDetails, type DetailsAdded } from '@mnpddh/shared';
import type { ThreadMessage } from './thread-messages.js';

/*
 * How details added through a receipt sit in the thread: a 'details' message
 * whose body is `{"sealed": …}` (sealed to the case's details key), or, on a
 * case from before details keys, the details themselves as JSON.
 */

export function sealedDetailsBody(sealed: string): string {
  return JSON.stringify({ sealed });
}

/** The thread's 'details' messages that no 'details_added' journal entry has merged yet, oldest first. */
export function pendingDetails(thread: readonly ThreadMessage[], mergedSeqs: ReadonlySet<number>): ThreadMessage[] {
  return thread.filter((message) => message.kind === 'details' && message.sender === 'defender' && !mergedSeqs.has(message.seq));
}

/**
 * What one 'details' message says, opened with the holder's case key
 * (`open`); parsed again by the shared schema, so whatever is stored must
 * still be a valid request's details. Throws (SyntaxError, ZodError,
 * CryptoError) when it is not: the caller treats that as tampering.
 */
export function readAddition(message: ThreadMessage, open: (sealed: string) => string): DetailsAdded {
  const body = JSON.parse(message.body) as Record<string, unknown>;
  if (typeof body.sealed === 'string') {
    const payload = JSON.parse(open(body.sealed)) as { details: unknown; at: string };
    return { threadSeq: message.seq, addedAt: new Date(payload.at).toISOString(), details: RequestDetails.parse(payload.details) };
  }
  return { threadSeq: message.seq, addedAt: message.createdAt.toISOString(), details: RequestDetails.parse(body) };
}
