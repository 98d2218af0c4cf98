import { z } from 'zod';
import { boundedText, type DISCLOSING_MEASURE_CODES } from './protection-request.js';
import type { ProtectionMeasure } from './reference.js';

/*
 * Consent per disclosure (DOMAIN.md): who consented, to what, for
 * which recipient, when. Each is a journal entry of the case (encrypted);
 * the defender sees the active ones through follow-up and may withdraw one
 * there. A measure that reveals the defender needs one, unless a supervisor
 * or the person on call recorded an emergency exception.
 */

/** Whom a disclosure reveals the defender to. */
export const DISCLOSURE_RECIPIENTS = ['authorities', 'partner', 'lawyer_court', 'un_body', 'embassy', 'media_advocacy', 'detention_facility'] as const;
export const DisclosureRecipient = z.enum(DISCLOSURE_RECIPIENTS);
export type DisclosureRecipient = z.infer<typeof DisclosureRecipient>;

/** What of the case may be shared. */
export const DISCLOSABLE_FIELDS = ['identity', 'contact', 'location', 'narrative', 'incidents', 'attachments', 'risk_assessment'] as const;
export const DisclosableField = z.enum(DISCLOSABLE_FIELDS);
export type DisclosableField = z.infer<typeof DisclosableField>;

export const CONSENT_GIVERS = ['defender', 'relative', 'representative'] as const;
export const CONSENT_CHANNELS = ['in_person', 'phone', 'follow_up', 'written'] as const;

const note = (max: number) => z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), boundedText(max).optional());
const reason = (max: number) => boundedText(max).pipe(z.string().min(1));

/** A field list without repeats, in the catalogue's order. */
const fieldList = z
  .array(DisclosableField)
  .min(1)
  .max(DISCLOSABLE_FIELDS.length)
  .transform((fields) => DISCLOSABLE_FIELDS.filter((field) => fields.includes(field)));

export const NewConsent = z.strictObject({
  givenBy: z.enum(CONSENT_GIVERS),
  how: z.enum(CONSENT_CHANNELS),
  recipient: DisclosureRecipient,
  /** Who exactly (an organisation, an embassy, a court), when known. */
  recipientName: note(200),
  /** For recipient 'partner': the partner of the directory; absent, any partner. */
  partnerId: z.uuid().optional(),
  purpose: reason(1000),
  fields: fieldList,
  /** A relative's or representative's consent, confirmed with the defender already. */
  confirmedWithDefender: z.boolean(),
});
export type NewConsent = z.infer<typeof NewConsent>;

export const ConsentView = z.strictObject({
  id: z.uuid(),
  givenBy: z.enum(CONSENT_GIVERS),
  how: z.enum(CONSENT_CHANNELS),
  recipient: DisclosureRecipient,
  recipientName: z.string().optional(),
  partnerId: z.uuid().optional(),
  purpose: z.string(),
  fields: z.array(DisclosableField),
  confirmedWithDefender: z.boolean(),
  /** When it was confirmed with the defender (a relative's consent, later). */
  confirmedAt: z.iso.datetime().optional(),
  at: z.iso.datetime(),
  active: z.boolean(),
  withdrawnAt: z.iso.datetime().optional(),
  withdrawnBy: z.enum(['defender', 'staff']).optional(),
  withdrawalReason: z.string().optional(),
  /** Given in the request form for this measure (the purpose is the measure itself). */
  measure: z.string().optional(),
});
export type ConsentView = z.infer<typeof ConsentView>;

/** A relative's consent confirmed with the defender once reached. */
export const ConsentConfirmation = z.strictObject({
  how: z.enum(CONSENT_CHANNELS),
  note: note(1000),
});
export type ConsentConfirmation = z.infer<typeof ConsentConfirmation>;

/** Staff record that a consent no longer holds (the defender said so by phone…). */
export const ConsentStaffWithdrawal = z.strictObject({ reason: reason(1000) });
export type ConsentStaffWithdrawal = z.infer<typeof ConsentStaffWithdrawal>;

/** A disclosure without consent, in an emergency: supervisors or the person on call only. */
export const DisclosureException = z.strictObject({
  recipient: DisclosureRecipient,
  recipientName: note(200),
  partnerId: z.uuid().optional(),
  reason: reason(2000),
});
export type DisclosureException = z.infer<typeof DisclosureException>;

/** The measures that reveal the defender, and to whom. */
export const DISCLOSING_MEASURES = {
  detention_visit: 'detention_facility',
  authorities_intervention: 'authorities',
  partner_referral: 'partner',
  advocacy: 'media_advocacy',
} as const satisfies Partial<Record<ProtectionMeasure, DisclosureRecipient>> & Record<(typeof DISCLOSING_MEASURE_CODES)[number], DisclosureRecipient>;

export function disclosingRecipientOf(measure: string): DisclosureRecipient | undefined {
  return (DISCLOSING_MEASURES as Partial<Record<string, DisclosureRecipient>>)[measure];
}

// ---- the thread side: what the defender sees and sends ---------------------

/** A consent as the team announces it in the thread (kind 'consent', from the team). */
export const ConsentNotice = z.strictObject({
  consentId: z.uuid(),
  recipient: DisclosureRecipient,
  recipientName: z.string().optional(),
  fields: z.array(DisclosableField),
  purpose: z.string(),
});
export type ConsentNotice = z.infer<typeof ConsentNotice>;

/** The team announces that a consent no longer holds (withdrawn by staff). */
export const ConsentEndNotice = z.strictObject({ consentId: z.uuid(), withdrawn: z.literal(true) });
export type ConsentEndNotice = z.infer<typeof ConsentEndNotice>;

/** An active consent on the defender's follow-up page. */
export const FollowUpConsent = z.strictObject({
  id: z.uuid(),
  recipient: DisclosureRecipient,
  recipientName: z.string().optional(),
  fields: z.array(DisclosableField),
  purpose: z.string(),
  at: z.iso.datetime(),
});
export type FollowUpConsent = z.infer<typeof FollowUpConsent>;

/** What recording a consent answers: the journal entry, and the new consent's id (for confirming or withdrawing it). */
export const ConsentWritten = z.strictObject({ id: z.uuid(), seq: z.number().int(), consentId: z.uuid() });
export type ConsentWritten = z.infer<typeof ConsentWritten>;
