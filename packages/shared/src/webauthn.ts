import { z } from 'zod';
import { Email, LoginRequest, PersonName, SecondFactor } from './staff.js';

/**
 * Security keys (WebAuthn) for staff: the JSON shapes that travel between
 * the browser library and the API. Only public data: a credential id, a
 * public key, a signature over a server challenge.
 */

/** base64url without padding, as WebAuthn JSON carries binary values. */
const Base64Url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, 'security_key_response');

const AuthenticatorAttachment = z.enum(['platform', 'cross-platform']);
const Transport = z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);
/** Extension outputs are not used; bounded so they cannot carry a large body. */
const ClientExtensionResults = z.record(z.string().max(64), z.unknown()).refine((value) => Object.keys(value).length <= 16);

/** What `startAuthentication()` returns: an assertion over the sign-in challenge. */
export const SecurityKeyAssertion = z.strictObject({
  id: Base64Url(1400).min(1),
  rawId: Base64Url(1400).min(1),
  type: z.literal('public-key'),
  response: z.strictObject({
    clientDataJSON: Base64Url(4096).min(1),
    authenticatorData: Base64Url(4096).min(1),
    // Room for post-quantum keys: an ML-DSA-87 signature is 4 627 bytes (6 170 characters); Chromium's
    // authenticator offers ML-DSA when the server lists it, as SimpleWebAuthn does by default.
    signature: Base64Url(8192).min(1),
    userHandle: Base64Url(128).optional(),
  }),
  clientExtensionResults: ClientExtensionResults,
  authenticatorAttachment: AuthenticatorAttachment.optional(),
});
export type SecurityKeyAssertion = z.infer<typeof SecurityKeyAssertion>;

/** What `startRegistration()` returns: the new key's attestation. */
export const SecurityKeyAttestation = z.strictObject({
  id: Base64Url(1400).min(1),
  rawId: Base64Url(1400).min(1),
  type: z.literal('public-key'),
  response: z.strictObject({
    clientDataJSON: Base64Url(4096).min(1),
    attestationObject: Base64Url(16_384).min(1),
    authenticatorData: Base64Url(4096).optional(),
    transports: z.array(Transport).max(8).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: Base64Url(4096).optional(),
  }),
  clientExtensionResults: ClientExtensionResults,
  authenticatorAttachment: AuthenticatorAttachment.optional(),
});
export type SecurityKeyAttestation = z.infer<typeof SecurityKeyAttestation>;

/**
 * The sign-in request: the password, and as the second factor either a TOTP
 * (or recovery) code or a security-key assertion — exactly one of them.
 */
export const SignInRequest = LoginRequest.extend({
  totp: SecondFactor.optional(),
  securityKey: SecurityKeyAssertion.optional(),
}).refine((body) => (body.totp === undefined) !== (body.securityKey === undefined), { path: ['totp'], message: 'second_factor_required' });
export type SignInRequest = z.infer<typeof SignInRequest>;

/** Asks for a sign-in challenge. The answer is the same for every address: it does not tell who is staff. */
export const SecurityKeyChallengeRequest = z.strictObject({ email: Email });
export type SecurityKeyChallengeRequest = z.infer<typeof SecurityKeyChallengeRequest>;

/** Options for the browser library (PublicKeyCredential{Request,Creation}OptionsJSON), passed through as they are. */
export const SecurityKeyOptions = z.looseObject({ challenge: z.string() });
export type SecurityKeyOptions = z.infer<typeof SecurityKeyOptions>;

export const SecurityKeyName = PersonName.pipe(z.string().max(60));

export const EnrolSecurityKeyRequest = z.strictObject({
  name: SecurityKeyName,
  attestation: SecurityKeyAttestation,
});
export type EnrolSecurityKeyRequest = z.infer<typeof EnrolSecurityKeyRequest>;

export const SecurityKeySummary = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type SecurityKeySummary = z.infer<typeof SecurityKeySummary>;

export const SecurityKeyList = z.object({
  keys: z.array(SecurityKeySummary),
  /** One of the person's roles requires a security key (admin setting). */
  required: z.boolean(),
});
export type SecurityKeyList = z.infer<typeof SecurityKeyList>;

/** The roles the admin may require security keys of. */
export const SECURITY_KEY_ROLES = ['supervisor', 'custodian'] as const;
export const SecurityKeyRole = z.enum(SECURITY_KEY_ROLES);
export type SecurityKeyRole = z.infer<typeof SecurityKeyRole>;

/** Admin setting `webauthn.required_roles`: once such a person has a key, TOTP alone no longer signs them in. */
export const SecurityKeyPolicy = z.strictObject({
  requiredRoles: z
    .array(SecurityKeyRole)
    .max(SECURITY_KEY_ROLES.length)
    .transform((roles) => [...new Set(roles)].sort()),
});
export type SecurityKeyPolicy = z.infer<typeof SecurityKeyPolicy>;
