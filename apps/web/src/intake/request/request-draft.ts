import { REQUEST_FIRST_STEPS, type CONTACT_METHODS, type SPOKEN_LANGUAGES, type SubmissionReceipt, type Tristate } from '@mnpddh/shared';
import type { DetailsDraft } from '../details/details-draft';

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

/** The three short screens before "Envoyer maintenant". */
export const FIRST_STEPS = REQUEST_FIRST_STEPS;

/** The screen that holds a dotted path (for errors coming back from the server). */
export function firstStepOf(path: string): number {
  const top = path.split('.')[0] ?? '';
  const index = FIRST_STEPS.findIndex((prefixes) => (prefixes as readonly string[]).includes(top));
  return index < 0 ? 0 : index;
}

export type Stage = { name: 'first'; step: number } | { name: 'receipt' } | { name: 'details'; step: number } | { name: 'done'; detailsSent: boolean };

/** Everything the request page holds, in memory only. */
export interface RequestMemory {
  stage: Stage;
  draft: FirstStepDraft;
  /** Null until the details screens first show (their empty draft loads with them). */
  details: DetailsDraft | null;
  /** Kept from the first "Envoyer" until the server accepts: a retry is the same submission. */
  idempotencyKey: string | null;
  /** The answer to the submission: the receipt opens follow-up to send the details. */
  submitted: SubmissionReceipt | null;
}

export function freshMemory(): RequestMemory {
  return { stage: { name: 'first', step: 0 }, draft: emptyFirstStep, details: null, idempotencyKey: null, submitted: null };
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
