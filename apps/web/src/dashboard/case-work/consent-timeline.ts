import type { CaseEntryView, CaseThreadEntry } from '@mnpddh/shared';
import { format } from '../format';
import { useConsentT } from './consent-strings';

type ConsentKind = 'consent_recorded' | 'consent_confirmed' | 'consent_withdrawn' | 'disclosure_exception' | 'referral_sent' | 'referral_answered';
export type ConsentEntry = Extract<CaseEntryView, { kind: ConsentKind }>;

/** Title and lines of the consent and referral entries on the timeline (everything as text). */
export function useConsentEntryDescriber() {
  const t = useConsentT();
  const tl = t.timeline;
  const fieldList = (fields: readonly (keyof typeof t.fields)[]) => fields.map((field) => t.fields[field]).join(', ');
  return (entry: ConsentEntry): { title: string; lines: string[] } => {
    switch (entry.kind) {
      case 'consent_recorded': {
        const d = entry.data;
        const who = format(t.consents.givenByLine, { who: t.consents.givers[d.givenBy], how: t.consents.channels[d.how] });
        return {
          title: format(tl.consent_recorded, { recipient: [t.recipients[d.recipient], d.recipientName].filter(Boolean).join(' — ') }),
          lines: [who, fieldList(d.fields), d.purpose],
        };
      }
      case 'consent_confirmed':
        return { title: tl.consent_confirmed, lines: [t.consents.channels[entry.data.how], ...(entry.data.note ? [entry.data.note] : [])] };
      case 'consent_withdrawn':
        return { title: tl.consent_withdrawn, lines: [entry.data.reason] };
      case 'disclosure_exception':
        return {
          title: format(tl.disclosure_exception, { recipient: [t.recipients[entry.data.recipient], entry.data.recipientName].filter(Boolean).join(' — ') }),
          lines: [entry.data.reason],
        };
      case 'referral_sent':
        return {
          title: format(tl.referral_sent, { partner: entry.data.partnerName }),
          lines: [fieldList(entry.data.fields), ...(entry.data.note ? [entry.data.note] : [])],
        };
      case 'referral_answered':
        return { title: format(tl.referral_answered, { answer: t.answers[entry.data.answer] }), lines: entry.data.outcome ? [entry.data.outcome] : [] };
    }
  };
}

/** A 'consent' entry of the thread: the team announcing a consent or its end, or the person withdrawing (JSON bodies, never shown raw). */
export function useConsentThreadDescriber() {
  const tl = useConsentT().timeline;
  return (entry: CaseThreadEntry): { title: string; lines: string[] } => {
    let body: { consentId?: unknown; withdrawn?: unknown; purpose?: unknown; note?: unknown } = {};
    try {
      body = JSON.parse(entry.body) as typeof body;
    } catch {
      // An older entry without a body: named, nothing more.
    }
    const note = typeof body.note === 'string' ? [body.note] : [];
    if (entry.from === 'defender') return { title: typeof body.consentId === 'string' ? tl.defenderWithdrew : tl.defenderWithdrewAll, lines: note };
    return { title: body.withdrawn === true ? tl.teamConsentEnded : tl.teamConsent, lines: typeof body.purpose === 'string' ? [body.purpose] : [] };
  };
}
