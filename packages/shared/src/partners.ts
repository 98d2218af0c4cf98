import { z } from 'zod';
import { boundedText } from './protection-request.js';

/*
 * The partner directory: the organisations a case may be referred
 * to. Not case data: names and contact notes of organisations, kept in the
 * clear, edited by admins and supervisors.
 */

export const PARTNER_KINDS = [
  'national_coalition',
  'human_rights_org',
  'international_protection',
  'emergency_fund',
  'african_commission',
  'un_body',
  'lawyer',
  'other',
] as const;
export const PartnerKind = z.enum(PARTNER_KINDS);
export type PartnerKind = z.infer<typeof PartnerKind>;

export const PartnerInput = z.strictObject({
  name: boundedText(200).pipe(z.string().min(1)),
  kind: PartnerKind,
  /** How to reach them safely (secure channel, address): never about a case. */
  contactNotes: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), boundedText(2000).optional()),
  active: z.boolean().default(true),
});
export type PartnerInput = z.infer<typeof PartnerInput>;

export const Partner = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  kind: PartnerKind,
  contactNotes: z.string().nullable(),
  active: z.boolean(),
  /** Changed outside the portal (no longer as the mechanism signed it): shown to admins, never offered for a referral. */
  altered: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Partner = z.infer<typeof Partner>;

export const PartnerList = z.strictObject({ items: z.array(Partner) });
export type PartnerList = z.infer<typeof PartnerList>;
