import { z } from 'zod';
import { FollowUpConsent } from './consent.js';
import { boundedText } from './protection-request.js';

/** Opens a follow-up session with a receipt (spaces and dashes are ignored). */
export const FollowUpLogin = z.strictObject({
  receipt: z.string().max(100),
});
export type FollowUpLogin = z.infer<typeof FollowUpLogin>;

/**
 * Where the request stands, in words the defender understands and that tell
 * nothing to someone reading over their shoulder (labels in the shared
 * catalogues): received, being handled, someone will call, actions under
 * way, closed. Derived from the workflow, not only from the status.
 */
export const PublicStatus = z.enum(['received', 'in_progress', 'call_planned', 'measures', 'closed']);
export type PublicStatus = z.infer<typeof PublicStatus>;

export const ThreadEntry = z.object({
  seq: z.number().int(),
  /** Staff always sign as the protection team, never by name. */
  from: z.enum(['defender', 'protection_team']),
  /** 'file': body is the file name; 'voice': body is empty. */
  kind: z.enum(['message', 'details', 'consent', 'file', 'voice']),
  body: z.string(),
  at: z.iso.datetime(),
});
export type ThreadEntry = z.infer<typeof ThreadEntry>;

/** What a receipt shows: the status and the thread — never the original request. */
export const FollowUpView = z.object({
  reference: z.string(),
  status: PublicStatus,
  thread: z.array(ThreadEntry),
  /** The consents the team recorded that still hold: each can be withdrawn here. */
  consents: z.array(FollowUpConsent),
  /** When the follow-up session ends (short-lived). */
  expiresAt: z.iso.datetime(),
});
export type FollowUpView = z.infer<typeof FollowUpView>;

export const FollowUpMessage = z.strictObject({
  body: boundedText(5000).pipe(z.string().min(1)),
});
export type FollowUpMessage = z.infer<typeof FollowUpMessage>;

/** The defender withdraws consent to sharing with partners. */
export const ConsentWithdrawal = z.strictObject({
  sharingWithPartners: z.literal(false),
  /** One consent of the list ("Vos consentements"); absent, every consent given so far. */
  consentId: z.uuid().optional(),
  note: boundedText(500).optional(),
});
export type ConsentWithdrawal = z.infer<typeof ConsentWithdrawal>;
