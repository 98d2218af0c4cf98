import { PRIVACY_NOTICE_VERSION } from './privacy-notice.js';
import { needsPhone, reachable } from './request-steps.js';

export { needsPhone, reachable, REQUEST_FIRST_STEPS } from './request-steps.js';

/**
 * The first part of a protection request as a form holds it while the person
 * types — plain strings, '' for "no answer yet" — whether the form is the
 * React one or the plain HTML one: both build what they send with
 * `toRequestInput`, so both send the same request for the same answers.
 */
export interface RequestDraftFields {
  summary: string;
  detainedOrMissing: string;
  lifeInDanger: string;
  methods: readonly string[];
  phone: string;
  email: string;
  trustedPerson: string;
  safeTimes: string;
  mayLeaveMessage: string;
  callbackLanguage: string;
  consentProcessing: boolean;
  consentSharing: boolean;
}

/**
 * The object the shared `ProtectionRequest` schema checks. Only the contact
 * details of the chosen ways are sent: a number typed, then un-chosen, stays
 * on the page and never reaches the server.
 */
export function toRequestInput(draft: RequestDraftFields): unknown {
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
