import { PRIVACY_NOTICE_VERSION, type CONTACT_METHODS, type SPOKEN_LANGUAGES, type SubmissionReceipt, type Tristate } from '@mnpddh/shared';
import { emptyDetails, type DetailsDraft } from '../details/details-draft';

export type ContactMethod = (typeof CONTACT_METHODS)[number];
export type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];

/** What the first part of the form holds while the person types: plain strings, '' for "no answer yet". */
export interface FirstStepDraft {
  summary: string;
  detainedOrMissing: Tristate | '';
  lifeInDanger: Tristate | '';
  methods: ContactMethod[];
  phone: string;
  email: string;
  trustedPerson: string;
  safeTimes: string;
  mayLeaveMessage: Tristate | '';
  callbackLanguage: SpokenLanguage | '';
  consentProcessing: boolean;
  consentSharing: boolean;
}

export const emptyFirstStep: FirstStepDraft = {
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
};

export const needsPhone = (methods: readonly ContactMethod[]) => methods.some((m) => m === 'phone' || m === 'signal' || m === 'whatsapp');
export const reachable = (methods: readonly ContactMethod[]) => methods.length > 0 && !methods.includes('no_contact');

/**
 * The object the shared `ProtectionRequest` schema checks. Only the contact
 * details of the chosen ways are sent: a number typed, then un-chosen, stays
 * on the page and never reaches the server.
 */
export function toRequestInput(draft: FirstStepDraft): unknown {
  const { methods } = draft;
  const contact = reachable(methods)
    ? {
        methods,
        phone: needsPhone(methods) ? draft.phone : undefined,
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

/** The three short screens before "Envoyer maintenant", and the parts of the schema each one asks. */
export const FIRST_STEPS = [['summary', 'rightNow'], ['contact'], ['consent']] as const;

/** The screen that holds a dotted path (for errors coming back from the server). */
export function firstStepOf(path: string): number {
  const top = path.split('.')[0] ?? '';
  const index = FIRST_STEPS.findIndex((prefixes) => (prefixes as readonly string[]).includes(top));
  return index < 0 ? 0 : index;
}

export type Stage =
  | { name: 'first'; step: number }
  | { name: 'receipt' }
  | { name: 'details'; step: number }
  | { name: 'done'; detailsSent: boolean };

/** Everything the request page holds, in memory only. */
export interface RequestMemory {
  stage: Stage;
  draft: FirstStepDraft;
  details: DetailsDraft;
  /** Kept from the first "Envoyer" until the server accepts: a retry is the same submission. */
  idempotencyKey: string | null;
  /** The answer to the submission: the receipt opens follow-up to send the details. */
  submitted: SubmissionReceipt | null;
}

export function freshMemory(): RequestMemory {
  return { stage: { name: 'first', step: 0 }, draft: emptyFirstStep, details: emptyDetails(), idempotencyKey: null, submitted: null };
}

/*
 * The form survives moving to another page of the site and back (to read the
 * help page, say) because it lives in this module's memory, not in the
 * component. It is never written to the device, and is gone when the tab is
 * closed, reloaded, or left with "Quitter vite".
 */
let kept: RequestMemory | null = null;

export const requestMemory = {
  read: (): RequestMemory => kept ?? freshMemory(),
  write: (memory: RequestMemory) => {
    kept = memory;
  },
  forget: () => {
    kept = null;
  },
};
