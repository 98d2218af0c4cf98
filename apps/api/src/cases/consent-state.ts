import type { ConsentView, DisclosableField, DisclosureRecipient, NewConsent } from '@mnpddh/shared';
import { disclosingRecipientOf } from '@mnpddh/shared';
import { AppError } from '../common/app-error.js';
import type { CaseCategories } from '../vault/case-content.js';
import type { JournalEntry } from '../vault/case-entries.js';
import { requestConsentHolds } from './request-consents.js';
import type { ThreadMessage } from '../vault/thread-messages.js';

/*
 * Consent per disclosure as it stands, folded from the journal (what staff
 * recorded) and the thread (what the defender withdrew through follow-up).
 * Pure: the callers decrypt, this decides.
 */

type RecordedConsent = NewConsent & { consentId: string };

/** What the defender sent through follow-up (kind 'consent'): one consent, or — without an id — every consent given so far. */
interface DefenderWithdrawal {
  consentId?: string;
}

export interface ConsentSources {
  readonly entries: readonly JournalEntry[];
  readonly thread: readonly ThreadMessage[];
}

export function foldConsents(entries: readonly JournalEntry[], thread: readonly ThreadMessage[]): ConsentView[] {
  const consents = new Map<string, ConsentView>();
  for (const entry of entries) {
    const data = entry.data as Record<string, unknown>;
    if (entry.kind === 'consent_recorded') {
      const { consentId, ...consent } = data as unknown as RecordedConsent;
      consents.set(consentId, { id: consentId, ...consent, at: entry.at.toISOString(), active: true });
      continue;
    }
    const current = typeof data.consentId === 'string' ? consents.get(data.consentId) : undefined;
    if (!current) continue;
    if (entry.kind === 'consent_confirmed') {
      consents.set(current.id, { ...current, confirmedWithDefender: true, confirmedAt: entry.at.toISOString() });
    } else if (entry.kind === 'consent_withdrawn' && current.active) {
      consents.set(current.id, withdrawn(current, entry.at, 'staff', typeof data.reason === 'string' ? data.reason : undefined));
    }
  }
  // The defender's word is final: their withdrawal stands whatever staff recorded before or after.
  for (const message of thread) {
    const withdrawal = defenderWithdrawal(message);
    if (!withdrawal) continue;
    for (const consent of consents.values()) {
      const targeted = withdrawal.consentId ? consent.id === withdrawal.consentId : Date.parse(consent.at) <= message.createdAt.getTime();
      if (targeted && consent.withdrawnBy !== 'defender') consents.set(consent.id, withdrawn(consent, message.createdAt, 'defender'));
    }
  }
  return [...consents.values()];
}

function withdrawn(consent: ConsentView, at: Date, by: 'defender' | 'staff', reason?: string): ConsentView {
  const { withdrawalReason: _previous, ...rest } = consent;
  return { ...rest, active: false, withdrawnAt: at.toISOString(), withdrawnBy: by, ...(reason ? { withdrawalReason: reason } : {}) };
}

/** A consent entry the defender sent; anything unreadable is ignored here (the thread's integrity is checked when decrypted). */
function defenderWithdrawal(message: ThreadMessage): DefenderWithdrawal | null {
  if (message.sender !== 'defender' || message.kind !== 'consent') return null;
  try {
    const body = JSON.parse(message.body) as { consentId?: unknown };
    return typeof body.consentId === 'string' ? { consentId: body.consentId } : {};
  } catch {
    return {};
  }
}

/**
 * May the case reveal these fields to this recipient? 'consent' when an
 * active consent for the recipient covers every field (and names this
 * partner, or no partner); 'exception' when an emergency exception was
 * recorded for the recipient; null when neither.
 */
export function disclosureAllowed(
  state: ConsentSources,
  recipient: DisclosureRecipient,
  fields: readonly DisclosableField[],
  partnerId?: string,
): 'consent' | 'exception' | null {
  const samePartner = (named: string | undefined) => !partnerId || !named || named === partnerId;
  const consented = foldConsents(state.entries, state.thread).some(
    (consent) => consent.active && consent.recipient === recipient && samePartner(consent.partnerId) && fields.every((field) => consent.fields.includes(field)),
  );
  if (consented) return 'consent';
  const excepted = state.entries.some((entry) => {
    if (entry.kind !== 'disclosure_exception') return false;
    const data = entry.data as { recipient?: string; partnerId?: string };
    return data.recipient === recipient && samePartner(data.partnerId);
  });
  return excepted ? 'exception' : null;
}

export function consentRequired(): AppError {
  return new AppError('REFUSED', [{ field: 'consent', message: 'consent_required' }]);
}

/** A measure that reveals the defender (DISCLOSING_MEASURES) needs a consent naming them to its recipient, or an exception. */
export async function checkMeasureDisclosure(
  state: { readonly entries: readonly JournalEntry[]; readonly categories: CaseCategories; thread(): Promise<readonly ThreadMessage[]> },
  measure: string,
): Promise<void> {
  const recipient = disclosingRecipientOf(measure);
  if (!recipient) return;
  const thread = await state.thread();
  // The defender agreed in the request form itself, for this very measure.
  if (requestConsentHolds(state.categories, measure, thread)) return;
  if (!disclosureAllowed({ entries: state.entries, thread }, recipient, ['identity'])) throw consentRequired();
}
