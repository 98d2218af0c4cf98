import type { DisclosableField, ReferralAnswerCode, ReferralView } from '@mnpddh/shared';
import type { JournalEntry } from '../vault/case-entries.js';

interface SentData {
  referralId: string;
  partnerId: string;
  partnerName: string;
  fields: DisclosableField[];
  note?: string;
}

interface AnsweredData {
  referralId: string;
  answer: ReferralAnswerCode;
  outcome?: string;
}

/** A referral as the journal records it (whether its sheet may still be downloaded is decided beside the consents). */
export type FoldedReferral = Omit<ReferralView, 'sheetAllowed'>;

/** The referrals of a case with the latest answer recorded for each, oldest first. */
export function foldReferrals(entries: readonly JournalEntry[]): FoldedReferral[] {
  const referrals = new Map<string, FoldedReferral>();
  for (const entry of entries) {
    if (entry.kind === 'referral_sent') {
      const { referralId, ...sent } = entry.data as unknown as SentData;
      referrals.set(referralId, { id: referralId, ...sent, at: entry.at.toISOString(), answer: null });
    } else if (entry.kind === 'referral_answered') {
      const { referralId, answer, outcome } = entry.data as unknown as AnsweredData;
      const current = referrals.get(referralId);
      if (!current) continue;
      const { outcome: _previous, ...rest } = current;
      referrals.set(referralId, { ...rest, answer, ...(outcome ? { outcome } : {}), answeredAt: entry.at.toISOString() });
    }
  }
  return [...referrals.values()];
}
