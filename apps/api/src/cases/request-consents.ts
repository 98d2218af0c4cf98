import { createHash } from 'node:crypto';
import { disclosingRecipientOf, type ConsentView } from '@mnpddh/shared';
import type { CaseCategories } from '../vault/case-content.js';
import type { ThreadMessage } from '../vault/thread-messages.js';

/*
 * The consents the request form itself gave: for each measure asked for that
 * reveals the defender (a detention visit, the authorities, a partner,
 * advocacy), the form asked whether they agree; each "yes" is a consent for
 * that disclosure (the defender's identity, to that recipient), given in
 * writing when the request was sent. A withdrawal of every consent through
 * follow-up ends them too.
 */

/** Stable per case and measure, shaped as a UUID (the consent views' id). */
function consentIdOf(caseId: string, measure: string): string {
  const hex = createHash('sha256').update(`request-consent\n${caseId}\n${measure}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A defender's withdrawal of every consent given so far (follow-up, without a consent id). */
function withdrawnByDefender(thread: readonly ThreadMessage[]): ThreadMessage | undefined {
  return thread.find((message) => {
    if (message.sender !== 'defender' || message.kind !== 'consent') return false;
    try {
      return typeof (JSON.parse(message.body) as { consentId?: unknown }).consentId !== 'string';
    } catch {
      return false;
    }
  });
}

export function requestConsents(
  caseId: string,
  categories: CaseCategories,
  submitterKind: unknown,
  receivedAt: Date,
  thread: readonly ThreadMessage[],
): ConsentView[] {
  const withdrawal = withdrawnByDefender(thread);
  const givenBy = submitterKind === 'third_party' ? 'relative' : 'defender';
  return (categories.measuresConsented ?? []).flatMap((measure) => {
    const recipient = disclosingRecipientOf(measure);
    if (!recipient) return [];
    return [
      {
        id: consentIdOf(caseId, measure),
        givenBy,
        how: 'written',
        recipient,
        purpose: '',
        measure,
        fields: ['identity'],
        confirmedWithDefender: givenBy === 'defender',
        at: receivedAt.toISOString(),
        ...(withdrawal ? { active: false, withdrawnAt: withdrawal.createdAt.toISOString(), withdrawnBy: 'defender' as const } : { active: true }),
      } satisfies ConsentView,
    ];
  });
}

/** Whether the request's own consent covers this measure (and still holds). */
export function requestConsentHolds(categories: CaseCategories, measure: string, thread: readonly ThreadMessage[]): boolean {
  return (categories.measuresConsented ?? []).includes(measure) && !withdrawnByDefender(thread);
}
