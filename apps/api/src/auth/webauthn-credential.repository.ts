import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';
import { AppError } from '../common/app-error.js';
import { Prisma, type WebauthnCredential } from '../generated/prisma/client.js';

export type SecurityKeyRecord = WebauthnCredential;

export interface NewSecurityKey {
  userId: string;
  credentialId: string;
  publicKey: Uint8Array<ArrayBuffer>;
  counter: number;
  transports: string[];
  name: string;
  mac: string;
}

/** The `webauthn_credential` rows: public data only. */
@Injectable()
export class SecurityKeyRepository {
  listOf(db: Db, userId: string): Promise<SecurityKeyRecord[]> {
    return db.webauthnCredential.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
  }

  countOf(db: Db, userId: string): Promise<number> {
    return db.webauthnCredential.count({ where: { userId } });
  }

  findByCredentialId(db: Db, credentialId: string): Promise<SecurityKeyRecord | null> {
    return db.webauthnCredential.findUnique({ where: { credentialId } });
  }

  /** CONFLICT when the credential is enrolled already. */
  async create(db: Db, key: NewSecurityKey): Promise<SecurityKeyRecord> {
    try {
      return await db.webauthnCredential.create({ data: { ...key, counter: BigInt(key.counter) } });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new AppError('CONFLICT');
      throw error;
    }
  }

  /** Moves the counter on, only from the value the assertion was checked against: false when another use came first. */
  async advance(db: Db, id: string, from: bigint, to: number, now: Date): Promise<boolean> {
    const { count } = await db.webauthnCredential.updateMany({
      where: { id, counter: from },
      data: { counter: BigInt(to), lastUsedAt: now },
    });
    return count === 1;
  }

  async deleteOwn(db: Db, userId: string, id: string): Promise<boolean> {
    const { count } = await db.webauthnCredential.deleteMany({ where: { id, userId } });
    return count === 1;
  }
}
