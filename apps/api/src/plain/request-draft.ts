import { randomUUID } from 'node:crypto';
import { REQUEST_FIRST_STEPS, type RequestDraftFields } from '@mnpddh/shared';
import { many, one, ticked, type Posted } from './form-values.js';

/**
 * The unfinished request between two pages: plain strings as typed ('' for
 * no answer), the same fields as the web form's first three screens, and the
 * submission key that makes a repeated "Envoyer" one request.
 */
export interface PlainDraft extends RequestDraftFields {
  methods: string[];
  submissionKey: string;
}

export function emptyDraft(): PlainDraft {
  return {
    summary: '',
    detainedOrMissing: '',
    lifeInDanger: '',
    methods: [],
    phone: '',
    email: '',
    trustedPerson: '',
    safeTimes: '',
    mayLeaveMessage: '',
    callbackLanguage: '',
    consentProcessing: false,
    consentSharing: false,
    submissionKey: randomUUID(),
  };
}

/** The three pages before "Envoyer maintenant", as the web form's screens. */
export const REQUEST_STEPS = REQUEST_FIRST_STEPS;

/** What one page posted, on top of the draft: only that page's fields change. */
export function readStep(draft: PlainDraft, step: number, body: Posted): PlainDraft {
  if (step === 0) {
    return {
      ...draft,
      summary: one(body, 'summary'),
      detainedOrMissing: one(body, 'rightNow.detainedOrMissing'),
      lifeInDanger: one(body, 'rightNow.lifeInDanger'),
    };
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
