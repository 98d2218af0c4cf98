import { randomUUID } from 'node:crypto';
import { PRIVACY_NOTICE_VERSION } from '@mnpddh/shared';
import { many, one, ticked, type Posted } from './form-values.js';

/**
 * The unfinished request between two pages: plain strings as typed ('' for
 * no answer), the same fields as the web form's first three screens, and the
 * submission key that makes a repeated "Envoyer" one request.
 */
export interface PlainDraft {
  summary: string;
  detainedOrMissing: string;
  lifeInDanger: string;
  methods: string[];
  phone: string;
  email: string;
  trustedPerson: string;
  safeTimes: string;
  mayLeaveMessage: string;
  callbackLanguage: string;
  consentProcessing: boolean;
  consentSharing: boolean;
  submissionKey: string;
}

export function emptyDraft(): PlainDraft {
  return {
    summary: '', detainedOrMissing: '', lifeInDanger: '', methods: [], phone: '', email: '', trustedPerson: '',
    safeTimes: '', mayLeaveMessage: '', callbackLanguage: '', consentProcessing: false, consentSharing: false,
    submissionKey: randomUUID(),
  };
}

/** The three pages before "Envoyer maintenant", and the parts of the shared schema each one asks (as the web form). */
export const REQUEST_STEPS = [['summary', 'rightNow'], ['contact'], ['consent']] as const;

/** What one page posted, on top of the draft: only that page's fields change. */
export function readStep(draft: PlainDraft, step: number, body: Posted): PlainDraft {
  if (step === 0) {
    return { ...draft, summary: one(body, 'summary'), detainedOrMissing: one(body, 'rightNow.detainedOrMissing'), lifeInDanger: one(body, 'rightNow.lifeInDanger') };
  }
  if (step === 1) {
    return {
      ...draft,
      methods: many(body, 'contact.methods'),
      phone: one(body, 'contact.phone'),
      email: one(body, 'contact.email'),
      trustedPerson: one(body, 'contact.trustedPerson'),
      safeTimes: one(body, 'contact.safeTimes'),
      mayLeaveMessage: one(body, 'contact.mayLeaveMessage'),
      callbackLanguage: one(body, 'contact.callbackLanguage'),
    };
  }
  return { ...draft, consentProcessing: ticked(body, 'consent.processing'), consentSharing: ticked(body, 'consent.sharingWithPartners') };
}

const phoneMethods = ['phone', 'signal', 'whatsapp'];

/**
 * The object the shared ProtectionRequest schema checks, built as the web
 * form builds it: only the details of the chosen ways of contact are sent.
 */
export function toRequestInput(draft: PlainDraft): unknown {
  const { methods } = draft;
  const reachable = methods.length > 0 && !methods.includes('no_contact');
  const contact = reachable
    ? {
        methods,
        phone: methods.some((m) => phoneMethods.includes(m)) ? draft.phone : undefined,
        email: methods.includes('email') ? draft.email : undefined,
        trustedPerson: methods.includes('trusted_person') ? draft.trustedPerson : undefined,
        safeTimes: draft.safeTimes,
        mayLeaveMessage: draft.mayLeaveMessage || undefined,
        callbackLanguage: draft.callbackLanguage || undefined,
      }
    : { methods };
  return {
    summary: draft.summary,
    rightNow: { detainedOrMissing: draft.detainedOrMissing || undefined, lifeInDanger: draft.lifeInDanger || undefined },
    contact,
    consent: { processing: draft.consentProcessing, sharingWithPartners: draft.consentSharing, noticeVersion: PRIVACY_NOTICE_VERSION },
  };
}

/** A draft read back from its sealed form: the shape is checked, never trusted. */
export function parseDraft(text: string): PlainDraft | null {
  const value: unknown = JSON.parse(text);
  const fresh = emptyDraft();
  if (typeof value !== 'object' || value === null) return null;
  const kept = value as Record<string, unknown>;
  for (const [key, example] of Object.entries(fresh)) {
    if (typeof kept[key] !== typeof example || Array.isArray(kept[key]) !== Array.isArray(example)) return null;
  }
  return kept as unknown as PlainDraft;
}
