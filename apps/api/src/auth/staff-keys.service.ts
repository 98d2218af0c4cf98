import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { generateIdentityKeyPair, unwrapPrivateKey, wrapPrivateKey, type IdentityKeyPair, type PasswordWrappingKey } from '../crypto/index.js';
import type { Db } from '../database/db.js';
import { DirectoryService } from '../directory/directory.service.js';
import { StaffRepository, type StaffRecord } from './staff.repository.js';

/**
 * A staff member's key pair: created at their own first login (never under
 * a password someone else knows), wrapped under their password, certified
 * by the directory; unwrapped and checked at every login.
 */
@Injectable()
export class StaffKeysService {
  constructor(
    private readonly directory: DirectoryService,
    private readonly staff: StaffRepository,
    private readonly audit: AuditService,
  ) {}

  hasKeyPair(user: StaffRecord): boolean {
    return user.publicKey !== null && user.certificate !== null && user.wrappedPrivateKey !== null;
  }

  /** True when the stored certificate still matches the row (tenant, id, roles, on-call, key, epoch). */
  isCertified(user: StaffRecord): boolean {
    return this.directory.staffRecipient(user) !== null;
  }

  /** A new key pair, wrapped and certified with the next epoch (a reset never reuses one). */
  async create(db: Db, user: StaffRecord, wrappingKey: PasswordWrappingKey, paramsVersion: number): Promise<IdentityKeyPair> {
    const keyPair = generateIdentityKeyPair();
    try {
      const epoch = user.keyEpoch + 1;
      await this.staff.update(db, user.id, { wrappedPrivateKey: wrapPrivateKey(keyPair, wrappingKey, { userId: user.id, paramsVersion }) });
      await this.directory.certifyStaff(db, user, keyPair.publicKey, epoch);
      await this.audit.record({ action: 'staff.key_created', actorId: user.id, targetType: 'staff', targetId: user.id, details: { epoch } }, db);
      return keyPair;
    } catch (error) {
      keyPair.destroy();
      throw error;
    }
  }

  /** The stored key pair; KEY_MISMATCH (a CryptoError) when it is not the certified one. */
  unwrap(user: StaffRecord, wrappingKey: PasswordWrappingKey, paramsVersion: number): IdentityKeyPair {
    return unwrapPrivateKey(user.wrappedPrivateKey as string, wrappingKey, {
      userId: user.id,
      paramsVersion,
      publicKey: user.publicKey as string,
    });
  }

  /** The same key pair under a new password (change, or new Argon2id parameters). */
  async rewrap(
    db: Db,
    userId: string,
    keyPair: IdentityKeyPair,
    password: { stored: string; paramsVersion: number; wrappingKey: PasswordWrappingKey },
  ): Promise<void> {
    await this.staff.update(db, userId, {
      passwordRecord: password.stored,
      wrappedPrivateKey: wrapPrivateKey(keyPair, password.wrappingKey, { userId, paramsVersion: password.paramsVersion }),
    });
  }
}
