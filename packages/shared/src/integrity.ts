import { z } from 'zod';

/**
 * The portal's integrity state (docs/SECURITY.md, anchors outside the
 * database): an incident is open when the database is behind the anchor kept
 * outside it, rewritten under it, or continued by an audit row that does not
 * verify. While it is open no new grant is sealed to any staff member (intake
 * still seals new requests to the escrow key), until an admin acknowledges.
 */
export const IntegrityIncidentView = z.strictObject({
  kind: z.enum(['behind', 'rewritten', 'forged', 'escrow_state']),
  detectedAt: z.iso.datetime(),
  anchoredSeq: z.string(),
  databaseSeq: z.string().nullable(),
});
export type IntegrityIncidentView = z.infer<typeof IntegrityIncidentView>;

export const IntegrityStatus = z.strictObject({
  incident: IntegrityIncidentView.nullable(),
});
export type IntegrityStatus = z.infer<typeof IntegrityStatus>;
