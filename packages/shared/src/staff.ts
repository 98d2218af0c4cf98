import { z } from 'zod';

/** Staff roles; a user may hold several. Labels for the UI live in the web catalogues. */
export const STAFF_ROLES = ['caseworker', 'supervisor', 'custodian', 'auditor', 'admin'] as const;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const PersonName = z
  .string()
  .trim()
  .normalize('NFC')
  .min(1)
  .max(120)
  // No control characters (PostgreSQL refuses U+0000: the hostile corpus found a 500) and no lone surrogates.
  .refine((value) => ![...value].some(isForbiddenInName), { message: 'invalid_characters' });

function isForbiddenInName(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff);
}

/** Long passphrases; the API also refuses common and breached ones. */
export const PASSPHRASE_MIN_LENGTH = 12;
export const Passphrase = z.string().min(PASSPHRASE_MIN_LENGTH).max(256);

/** A 6-digit TOTP code, or a one-time recovery code (spaces and dashes ignored). */
export const SecondFactor = z
  .string()
  .trim()
  .min(6)
  .max(64)
  .transform((value) => value.replace(/[\s-]/g, ''));

export const LoginRequest = z.strictObject({
  email: Email,
  password: z.string().min(1).max(256),
  totp: SecondFactor,
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const StaffProfile = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(StaffRole),
  onCall: z.boolean(),
});
export type StaffProfile = z.infer<typeof StaffProfile>;

/** What the dashboard knows of its session. The CSRF token goes back in X-CSRF-Token on every write. */
export const SessionInfo = z.object({
  user: StaffProfile,
  csrfToken: z.string(),
  idleExpiresAt: z.iso.datetime(),
  absoluteExpiresAt: z.iso.datetime(),
  /** Present once, right after the login that confirmed a new second factor. */
  recoveryCodes: z.array(z.string()).optional(),
  /** Signed in with TOTP, but a role of theirs requires a security key and they have none yet: enrol one now. */
  securityKeyNeeded: z.boolean().optional(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** Whether this browser is signed in: the dashboard asks at every load, and "no" is an answer, not an error. */
export const SessionState = z.object({ session: SessionInfo.nullable() });
export type SessionState = z.infer<typeof SessionState>;

/** Sets a password from a one-time activation link (invite, password reset or second-factor reset). */
export const ActivateRequest = z.strictObject({
  token: z.string().trim().min(20).max(200),
  password: Passphrase,
});
export type ActivateRequest = z.infer<typeof ActivateRequest>;

/** The second factor to enrol: scan the QR code (drawn by the server, no outside service). */
export const ActivateResponse = z.object({
  email: z.string(),
  totpUri: z.string(),
  totpQrSvg: z.string(),
});
export type ActivateResponse = z.infer<typeof ActivateResponse>;

export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: Passphrase,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const InviteStaffRequest = z.strictObject({
  email: Email,
  name: PersonName,
  roles: z.array(StaffRole).min(1).max(STAFF_ROLES.length),
  onCall: z.boolean().default(false),
});
export type InviteStaffRequest = z.infer<typeof InviteStaffRequest>;

/** The one-time link to hand to the person, by a channel the admin trusts. */
export const ActivationLink = z.object({
  userId: z.uuid(),
  activationUrl: z.string(),
  expiresAt: z.iso.datetime(),
  /** A password reset ends the old access at once (the account may be compromised): what it ended. */
  accessEnded: z
    .strictObject({
      sessions: z.number().int().min(0),
      grants: z.number().int().min(0),
      keyPairDropped: z.boolean(),
    })
    .optional(),
});
export type ActivationLink = z.infer<typeof ActivationLink>;

/** Where the alert gateway (SMS, Signal) reaches the person: digits, spaces, an optional leading +. */
export const AlertPhone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ]{6,24}$/, 'phone_format');

export const UpdateStaffRequest = z.strictObject({
  roles: z.array(StaffRole).min(1).max(STAFF_ROLES.length).optional(),
  onCall: z.boolean().optional(),
  /** null removes it. */
  alertPhone: AlertPhone.nullable().optional(),
});
export type UpdateStaffRequest = z.infer<typeof UpdateStaffRequest>;

export const StaffSummary = StaffProfile.extend({
  active: z.boolean(),
  /** Has a certified key pair: can receive cases. */
  hasKeys: z.boolean(),
  secondFactorEnrolled: z.boolean(),
  alertPhone: z.string().nullable(),
  /** Place in the on-call rota (alerts go down it in this order), null when not on it. */
  rotaPosition: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
});
export type StaffSummary = z.infer<typeof StaffSummary>;

export const StaffDirectory = z.object({
  users: z.array(StaffSummary),
  /** Active supervisors and on-call staff with certified keys: who receives new cases. */
  triageTeamSize: z.number().int(),
  /** Loud warning when the triage team has fewer than two members. */
  triageTeamWarning: z.boolean(),
});
export type StaffDirectory = z.infer<typeof StaffDirectory>;
