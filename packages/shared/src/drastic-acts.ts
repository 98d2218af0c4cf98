import { z } from 'zod';
import { RevocationReason } from './rekey.js';

/**
 * Acts that need two people: deactivating or revoking for cause an admin, a
 * custodian or an auditor, and reinstating anyone deactivated or revoked
 * (a mistake, or an act made under coercion). One admin or supervisor asks,
 * another confirms before the request expires; the audit log holds one entry
 * with both names.
 */
export const DrasticActKind = z.enum(['deactivate', 'revoke_for_cause', 'reinstate']);
export type DrasticActKind = z.infer<typeof DrasticActKind>;

export const DrasticActRequest = z
  .strictObject({
    kind: DrasticActKind,
    staffId: z.uuid(),
    /** Required for a revocation for cause. */
    reason: RevocationReason.optional(),
  })
  .refine((request) => request.kind !== 'revoke_for_cause' || request.reason !== undefined, { path: ['reason'], message: 'revocation_reason_required' });
export type DrasticActRequest = z.infer<typeof DrasticActRequest>;

export const DrasticActView = z.strictObject({
  id: z.uuid(),
  kind: DrasticActKind,
  staffId: z.uuid(),
  staffName: z.string(),
  reason: RevocationReason.nullable(),
  requestedById: z.uuid(),
  requestedByName: z.string(),
  expiresAt: z.iso.datetime(),
});
export type DrasticActView = z.infer<typeof DrasticActView>;

export const DrasticActList = z.strictObject({ items: z.array(DrasticActView) });
export type DrasticActList = z.infer<typeof DrasticActList>;

export const DRASTIC_ACT_FIELD_MESSAGES = {
  fr: {
    second_person_required:
      'Désactiver ou révoquer un(e) administrateur(trice), un(e) dépositaire ou un(e) auditeur(trice) demande deux personnes : faites une demande, qu’un(e) autre administrateur(trice) ou superviseur(e) confirmera.',
    own_drastic_act: 'Vous ne pouvez pas confirmer votre propre demande : une autre personne doit le faire.',
    drastic_act_about_you: 'Vous ne pouvez pas confirmer une demande qui vous concerne.',
    drastic_act_expired: 'Cette demande a expiré ou n’existe plus. Faites-en une nouvelle.',
    not_reinstatable: 'Cette personne est active : il n’y a rien à rétablir.',
    revocation_reason_required: 'Choisissez le motif de la révocation.',
  },
  en: {
    second_person_required:
      'Deactivating or revoking an admin, a custodian or an auditor needs two people: make a request, which another admin or supervisor confirms.',
    own_drastic_act: 'You cannot confirm your own request: another person must.',
    drastic_act_about_you: 'You cannot confirm a request about yourself.',
    drastic_act_expired: 'This request has expired or no longer exists. Make a new one.',
    not_reinstatable: 'This person is active: there is nothing to reinstate.',
    revocation_reason_required: 'Choose the reason for the revocation.',
  },
} as const;
