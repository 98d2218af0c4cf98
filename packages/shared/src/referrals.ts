import { z } from 'zod';
import { DisclosableField, DISCLOSABLE_FIELDS } from './consent.js';
import { boundedText } from './protection-request.js';

/*
 * Referral to a partner: a redacted sheet with only the consented
 * fields goes to a partner of the directory; the partner's answer and the
 * outcome are recorded. A referral never changes the case's status.
 */

const note = (max: number) => z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), boundedText(max).optional());

export const NewReferral = z.strictObject({
  partnerId: z.uuid(),
  fields: z
    .array(DisclosableField)
    .min(1)
    .max(DISCLOSABLE_FIELDS.length)
    .transform((fields) => DISCLOSABLE_FIELDS.filter((field) => fields.includes(field))),
  note: note(2000),
});
export type NewReferral = z.infer<typeof NewReferral>;

export const REFERRAL_ANSWERS = ['accepted', 'declined', 'no_answer', 'in_progress'] as const;
export const ReferralAnswerCode = z.enum(REFERRAL_ANSWERS);
export type ReferralAnswerCode = z.infer<typeof ReferralAnswerCode>;

export const ReferralAnswer = z.strictObject({
  answer: ReferralAnswerCode,
  outcome: note(2000),
});
export type ReferralAnswer = z.infer<typeof ReferralAnswer>;

export const ReferralView = z.strictObject({
  id: z.uuid(),
  partnerId: z.uuid(),
  partnerName: z.string(),
  fields: z.array(DisclosableField),
  note: z.string().optional(),
  at: z.iso.datetime(),
  /** The latest answer recorded, if any. */
  answer: ReferralAnswerCode.nullable(),
  outcome: z.string().optional(),
  answeredAt: z.iso.datetime().optional(),
  /** The redacted sheet may be downloaded now (a consent or an exception still covers it): the page offers the link only then. */
  sheetAllowed: z.boolean(),
});
export type ReferralView = z.infer<typeof ReferralView>;

/** What sending a referral answers: the journal entry, and the new referral's id (for its answer and its sheet). */
export const ReferralWritten = z.strictObject({ id: z.uuid(), seq: z.number().int(), referralId: z.uuid() });
export type ReferralWritten = z.infer<typeof ReferralWritten>;
