import { z } from 'zod';
import { boundedText } from './protection-request.js';

/*
 * Reference lists as data: codes with French and English labels,
 * seeded from DOMAIN.md, editable by admins. Codes never change (statistics
 * and cases keep them); labels do, and items can be retired (inactive) or
 * added. Legal bases whose content is not confirmed are marked uncertain and
 * shown as such, never as settled law.
 */
export const REFERENCE_LISTS = [
  'region',
  'threat_type',
  'perpetrator_type',
  'defender_profile',
  'protection_measure',
  'legal_basis',
  'language',
  'closure_outcome',
] as const;
export const ReferenceListName = z.enum(REFERENCE_LISTS);
export type ReferenceListName = z.infer<typeof ReferenceListName>;

export const ReferenceCode = z.string().regex(/^[a-z0-9_]{1,60}$/);

export const ReferenceItem = z.strictObject({
  list: ReferenceListName,
  code: ReferenceCode,
  labelFr: z.string(),
  labelEn: z.string(),
  uncertain: z.boolean(),
  active: z.boolean(),
  position: z.number().int(),
});
export type ReferenceItem = z.infer<typeof ReferenceItem>;

export const ReferenceData = z.strictObject({ items: z.array(ReferenceItem) });
export type ReferenceData = z.infer<typeof ReferenceData>;

/** An admin's edit or addition (PUT /api/admin/reference/:list/:code). */
export const ReferenceItemInput = z.strictObject({
  labelFr: boundedText(300).pipe(z.string().min(1)),
  labelEn: boundedText(300).pipe(z.string().min(1)),
  uncertain: z.boolean().default(false),
  active: z.boolean().default(true),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type ReferenceItemInput = z.infer<typeof ReferenceItemInput>;
