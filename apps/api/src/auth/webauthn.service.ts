import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticatorTransport,
} from '@simplewebauthn/server';
import type { EnrolSecurityKeyRequest, SecurityKeyAssertion, SecurityKeyList, SecurityKeyOptions, SecurityKeySummary } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import { hashStaffSecret } from '../crypto/index.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';
import type { CurrentStaffMember } from '../common/current-staff.js';
import { CHALLENGE_TTL_MS, ChallengeStore } from './webauthn-challenges.js';
import { SecurityKeyRepository, type SecurityKeyRecord } from './webauthn-credential.repository.js';
import { SecurityKeyPolicyStore } from './webauthn-policy.js';
import { relyingPartyOf, type RelyingParty } from './webauthn-relying-party.js';
import { StaffRepository, type StaffRecord } from './staff.repository.js';

/** A valid assertion, not yet used up: the challenge it answers and the counter step it takes. */
export interface SecurityKeyMatch {
  readonly kind: 'security-key';
  readonly keyId: string;
  readonly challenge: string;
  readonly counterFrom: bigint;
  readonly counterTo: number;
}

const UNREADABLE = () => new AppError('VALIDATION_FAILED', [{ field: 'attestation', message: 'security_key_response' }]);

/**
 * Security keys (WebAuthn, through SimpleWebAuthn) as the second factor:
 * enrolment by a signed-in person, and the check of an assertion at sign-in.
 * Only public keys are stored, each row bound to its owner by a keyed hash
 * (index key) so a database writer cannot add a key of their own (T7).
 */
@Injectable()
export class SecurityKeyService {
  readonly #challenges = new ChallengeStore();
  readonly #rp: RelyingParty;

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly prisma: PrismaService,
    private readonly keys: SecurityKeyRepository,
    private readonly staffRows: StaffRepository,
    private readonly policy: SecurityKeyPolicyStore,
    private readonly audit: AuditService,
  ) {
    this.#rp = relyingPartyOf(runtime.config);
  }

  /**
   * The sign-in challenge. The same shape for every address, with no
   * credential list: the key finds its own (discoverable) credential, and
   * the answer does not tell a stranger who is staff or who has a key.
   */
  async signInOptions(email: string, now: Date): Promise<SecurityKeyOptions> {
    const options = await generateAuthenticationOptions({
      rpID: this.#rp.id,
      allowCredentials: [],
      userVerification: 'preferred',
      timeout: CHALLENGE_TTL_MS,
    });
    this.#challenges.remember('sign-in', options.challenge, email, now);
    return { ...options };
  }

  /** Whether the assertion is a valid second factor for the user right now, without using it up. */
  async match(db: Db, user: StaffRecord, assertion: SecurityKeyAssertion, now: Date): Promise<SecurityKeyMatch | null> {
    const key = await this.keys.findByCredentialId(db, assertion.id);
    if (!key || key.userId !== user.id || !this.isGenuine(key)) return null;
    let challenge = '';
    try {
      const { verified, authenticationInfo } = await verifyAuthenticationResponse({
        response: assertion,
        expectedChallenge: (presented) => {
          challenge = presented;
          return this.#challenges.isValid('sign-in', presented, user.email, now);
        },
        expectedOrigin: this.#rp.origin,
        expectedRPID: this.#rp.id,
        credential: { id: key.credentialId, publicKey: key.publicKey, counter: Number(key.counter), transports: transportsOf(key) },
        // A second factor after the password: possession is what counts here.
        requireUserVerification: false,
      });
      if (!verified) return null;
      return { kind: 'security-key', keyId: key.id, challenge, counterFrom: key.counter, counterTo: authenticationInfo.newCounter };
    } catch {
      // Wrong origin, counter gone backwards, bad signature, unknown or used challenge: all the same refusal.
      return null;
    }
  }

  /** Uses the challenge and the counter step up; false when a concurrent request used either first. */
  async consume(db: Db, user: StaffRecord, match: SecurityKeyMatch, now: Date): Promise<boolean> {
    if (!this.#challenges.take('sign-in', match.challenge, user.email, now)) return false;
    return this.keys.advance(db, match.keyId, match.counterFrom, match.counterTo, now);
  }

  /** Where the admin requires keys of one of the person's roles and they have one, a TOTP code alone is refused. */
  async refusesTotp(db: Db, user: Pick<StaffRecord, 'id' | 'roles'>): Promise<boolean> {
    return (await this.policy.requiresKey(db, user.roles)) && (await this.keys.countOf(db, user.id)) > 0;
  }

  /** Required of the person, and they have none yet: the dashboard asks them to enrol one. */
  async isNeeded(db: Db, user: Pick<StaffRecord, 'id' | 'roles'>): Promise<boolean> {
    return (await this.policy.requiresKey(db, user.roles)) && (await this.keys.countOf(db, user.id)) === 0;
  }

  async list(staff: CurrentStaffMember): Promise<SecurityKeyList> {
    const keys = await this.keys.listOf(this.prisma, staff.id);
    return { keys: keys.map(summaryOf), required: await this.policy.requiresKey(this.prisma, staff.roles) };
  }

  /** Options for `startRegistration()`. The key holds no name or address of the person: only the site and a random handle. */
  async enrolmentOptions(staff: CurrentStaffMember, now: Date): Promise<SecurityKeyOptions> {
    const existing = await this.keys.listOf(this.prisma, staff.id);
    const options = await generateRegistrationOptions({
      rpName: this.#rp.name,
      rpID: this.#rp.id,
      userName: 'personnel',
      userDisplayName: 'Personnel',
      attestationType: 'none',
      excludeCredentials: existing.map((key) => ({ id: key.credentialId, transports: transportsOf(key) })),
      // Discoverable: the sign-in challenge names no credential (see signInOptions).
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
      timeout: CHALLENGE_TTL_MS,
    });
    this.#challenges.remember('enrol', options.challenge, staff.id, now);
    return { ...options };
  }

  async enrol(staff: CurrentStaffMember, request: EnrolSecurityKeyRequest, now: Date): Promise<SecurityKeySummary> {
    let challenge = '';
    const verification = await verifyRegistrationResponse({
      response: request.attestation,
      expectedChallenge: (presented) => {
        challenge = presented;
        return this.#challenges.isValid('enrol', presented, staff.id, now);
      },
      expectedOrigin: this.#rp.origin,
      expectedRPID: this.#rp.id,
      requireUserVerification: false,
    }).catch(() => null);
    if (!verification?.verified || !this.#challenges.take('enrol', challenge, staff.id, now)) throw UNREADABLE();
    const { credential } = verification.registrationInfo;
    return summaryOf(await this.store(staff, request.name, credential));
  }

  /** Removes one of the person's own keys; never the last one while a role of theirs requires a key. */
  async remove(staff: CurrentStaffMember, id: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      // One removal at a time per person: two at once could each leave "one more".
      await this.staffRows.lock(tx, staff.id);
      if (!(await this.keys.deleteOwn(tx, staff.id, id))) throw new AppError('NOT_FOUND');
      if ((await this.keys.countOf(tx, staff.id)) === 0 && (await this.policy.requiresKey(tx, staff.roles))) {
        throw new AppError('CONFLICT', [{ field: 'id', message: 'last_security_key' }]);
      }
      await this.audit.record({ action: 'auth.security_key_removed', actorId: staff.id, targetType: 'staff', targetId: staff.id, details: { keyId: id } }, tx);
    });
  }

  private async store(
    staff: CurrentStaffMember,
    name: string,
    credential: { id: string; publicKey: Uint8Array; counter: number; transports?: string[] },
  ): Promise<SecurityKeyRecord> {
    const publicKey = new Uint8Array(credential.publicKey);
    return this.prisma.$transaction(async (tx) => {
      const key = await this.keys.create(tx, {
        userId: staff.id,
        credentialId: credential.id,
        publicKey,
        counter: credential.counter,
        transports: credential.transports ?? [],
        name,
        mac: this.macOf(staff.id, credential.id, publicKey),
      });
      await this.audit.record(
        { action: 'auth.security_key_added', actorId: staff.id, targetType: 'staff', targetId: staff.id, details: { keyId: key.id } },
        tx,
      );
      return key;
    });
  }

  private isGenuine(key: SecurityKeyRecord): boolean {
    const expected = Buffer.from(this.macOf(key.userId, key.credentialId, key.publicKey));
    const stored = Buffer.from(key.mac);
    return expected.length === stored.length && timingSafeEqual(expected, stored);
  }

  /** Binds (tenant, owner, credential id, public key) under the index key. */
  private macOf(userId: string, credentialId: string, publicKey: Uint8Array): string {
    const value = `${this.runtime.config.TENANT}.${credentialId}.${Buffer.from(publicKey).toString('base64url')}`;
    return hashStaffSecret(this.runtime.secrets.indexKey, 'security-key', value, userId);
  }
}

function transportsOf(key: SecurityKeyRecord): AuthenticatorTransport[] {
  return key.transports as AuthenticatorTransport[];
}

function summaryOf(key: SecurityKeyRecord): SecurityKeySummary {
  return { id: key.id, name: key.name, createdAt: key.createdAt.toISOString(), lastUsedAt: key.lastUsedAt?.toISOString() ?? null };
}
