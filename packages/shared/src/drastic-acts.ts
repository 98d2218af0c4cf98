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
