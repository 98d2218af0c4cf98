import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { Db } from '../database/db.js';
import { Prisma, type StaffRole, type StaffUser } from '../generated/prisma/client.js';

/** A staff row as the services see it (secret columns included: never send it out as it is). */
export type StaffRecord = StaffUser;

export interface NewStaff {
  email: string;
  name: string;
  roles: StaffRole[];
  onCall: boolean;
}

/** Staff rows, and the rows that hang off a person (grants) when an account changes hands. */
@Injectable()
export class StaffRepository {
  findById(db: Db, id: string): Promise<StaffRecord | null> {
    return db.staffUser.findUnique({ where: { id } });
  }

  /** Locks the person's row for the rest of the transaction: their own changes take turns. */
  async lock(tx: Db, id: string): Promise<void> {
    await tx.$queryRaw`SELECT id FROM staff_user WHERE id = ${id}::uuid FOR UPDATE`;
  }

  findByEmail(db: Db, email: string): Promise<StaffRecord | null> {
    return db.staffUser.findUnique({ where: { email } });
  }

  findByActivationHash(db: Db, activationHash: string): Promise<StaffRecord | null> {
    return db.staffUser.findUnique({ where: { activationHash } });
  }

  list(db: Db): Promise<StaffRecord[]> {
    return db.staffUser.findMany({ orderBy: [{ active: 'desc' }, { name: 'asc' }] });
  }

  /** CONFLICT when the address is taken. */
  async create(db: Db, staff: NewStaff & Partial<StaffUpdate>): Promise<StaffRecord> {
    try {
      return await db.staffUser.create({ data: staff });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new AppError('CONFLICT');
      throw error;
    }
  }

  update(db: Db, id: string, data: StaffUpdate): Promise<StaffRecord> {
    return db.staffUser.update({ where: { id }, data });
  }

  /** Takes the activation token: true once, for the first caller that still finds it valid. */
  async consumeActivation(db: Db, id: string, activationHash: string, now: Date): Promise<boolean> {
    const { count } = await db.staffUser.updateMany({
      where: { id, activationHash, activationExpires: { gt: now } },
      data: { activationHash: null, activationExpires: null },
    });
    return count === 1;
  }

  /** Adds one failure and returns the new count (atomic under concurrent attempts). */
  async addFailure(db: Db, id: string): Promise<number> {
    const { failedLogins } = await db.staffUser.update({
      where: { id },
      data: { failedLogins: { increment: 1 } },
      select: { failedLogins: true },
    });
    return failedLogins;
  }

  /** Every case key sealed to the person: their key pair is gone or they have left. */
  async deleteGrantsOf(db: Db, recipientId: string): Promise<number> {
    const { count } = await db.caseKeyGrant.deleteMany({ where: { recipientId } });
    return count;
  }
}

export type StaffUpdate = Partial<
  Pick<
    StaffRecord,
    | 'roles'
    | 'onCall'
    | 'alertPhone'
    | 'active'
    | 'passwordRecord'
    | 'totpSecret'
    | 'totpConfirmed'
    | 'publicKey'
    | 'certificate'
    | 'wrappedPrivateKey'
    | 'activationHash'
    | 'activationExpires'
    | 'failedLogins'
    | 'lockedUntil'
  >
>;
