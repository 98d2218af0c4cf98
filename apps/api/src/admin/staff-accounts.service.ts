import { Injectable } from '@nestjs/common';
import type { StaffRole } from '@mnpddh/shared';
import { AuditService } from '../audit/audit.service.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { SecondFactorService } from '../auth/second-factor.service.js';
import { StaffKeysService } from '../auth/staff-keys.service.js';
import { StaffRepository, type StaffRecord } from '../auth/staff.repository.js';
import { generateOneTimePassword } from '../crypto/index.js';
import type { Db } from '../database/db.js';
import { PrismaService } from '../database/prisma.service.js';

export interface NewStaffMember {
  email: string;
  name: string;
  roles: StaffRole[];
  onCall: boolean;
}

export interface BootstrapAdmin {
  readonly id: string;
  readonly email: string;
  /** one-time: to be changed after the first login */
  readonly password: string;
  /** base32, for the authenticator app */
  readonly totpSecret: string;
  readonly totpUri: string;
}

/** Creating staff accounts: the one path both the admin API and `npm run admin:create` take. */
@Injectable()
export class StaffAccounts {
  constructor(
    private readonly prisma: PrismaService,
    private readonly staff: StaffRepository,
    private readonly passwords: PasswordHasher,
    private readonly secondFactor: SecondFactorService,
    private readonly keys: StaffKeysService,
    private readonly audit: AuditService,
  ) {}

  /** The row (no password, no key yet) and its audit event; CONFLICT when the address is taken. */
  async create(db: Db, member: NewStaffMember, actorId: string | null): Promise<StaffRecord> {
    const user = await this.staff.create(db, { ...member, roles: [...new Set(member.roles)] });
    await this.audit.record(
      {
        action: 'staff.invited',
        actorId,
        targetType: 'staff',
        targetId: user.id,
        details: { roles: [...member.roles].sort().join(','), onCall: member.onCall, via: actorId ? 'admin' : 'command-line' },
      },
      db,
    );
    return user;
  }

  /**
   * The first admin, from the command line: the person running it is the
   * admin, so the account is complete at once — random one-time password,
   * confirmed TOTP secret, and a certified key pair wrapped under that
   * password.
   */
  createBootstrapAdmin(email: string, name: string): Promise<BootstrapAdmin> {
    return this.createComplete({ email, name, roles: ['admin'], onCall: false });
  }

  /**
   * A complete account (password, confirmed second factor, certified key
   * pair) for someone who will receive the printed credentials themselves:
   * the bootstrap admin, and the accounts of the embedded demo.
   */
  async createComplete(member: NewStaffMember): Promise<BootstrapAdmin> {
    const password = generateOneTimePassword();
    const record = await this.passwords.create(password);
    try {
      return await this.prisma.$transaction(async (tx) => {
        const user = await this.create(tx, member, null);
        const enrolment = await this.secondFactor.enrol(user);
        await this.staff.update(tx, user.id, { passwordRecord: record.stored, totpSecret: enrolment.storedSecret, totpConfirmed: true });
        (await this.keys.create(tx, user, record.wrappingKey, record.paramsVersion)).destroy();
        return { id: user.id, email: user.email, password, totpSecret: enrolment.secret, totpUri: enrolment.uri };
      });
    } finally {
      record.wrappingKey.destroy();
    }
  }
}
