import { Injectable } from '@nestjs/common';
import { ESCROW_MINIMUM_WORKING_PAIRS, type EscrowHealth } from '@mnpddh/shared';
import type { Db } from '../database/db.js';
import { DirectoryService } from './directory.service.js';
import { EscrowHealthRepository } from './escrow-health.repository.js';
import { workingPairs } from './escrow-pairs.js';

/**
 * Which pairs of custodians can open the escrow today, and what it would be
 * without some of them (a password reset, a deactivation, before it is
 * confirmed). Reads public keys and certificates only: no share is opened.
 */
@Injectable()
export class EscrowHealthService {
  constructor(
    private readonly repository: EscrowHealthRepository,
    private readonly directory: DirectoryService,
  ) {}

  async health(db: Db, without: ReadonlySet<string> = new Set()): Promise<EscrowHealth> {
    // One after the other: `db` may be a transaction, whose connection runs one query at a time.
    const escrowExists = await this.repository.activeEscrowExists(db);
    const shares = await this.repository.findActiveEscrowShares(db);
    const custodians = (await this.repository.findCustodians(db)).filter((c) => !without.has(c.id));
    // A key counts only when its certificate checks out as a custodian's.
    const keys = custodians.map((c) => {
      const recipient = this.directory.staffRecipient(c);
      return { id: c.id, publicKey: recipient ? recipient.certificate.publicKey : null };
    });
    const pairs = workingPairs(shares, keys, without);
    const names = new Map(custodians.map((c) => [c.id, c.name]));
    const person = (id: string) => ({ id, name: names.get(id) ?? '' });
    const working = new Set(pairs.flat());
    const withKey = new Set(keys.filter((k) => k.publicKey !== null).map((k) => k.id));
    return {
      escrowExists,
      custodians: custodians.map((c) => ({ id: c.id, name: c.name, working: working.has(c.id), otherRoles: c.roles.some((role) => role !== 'custodian') })),
      workingPairs: pairs.map(([first, second]) => ({ first: person(first), second: person(second) })),
      warning: pairs.length < ESCROW_MINIMUM_WORKING_PAIRS,
      lost: escrowExists && pairs.length === 0,
      resealNeeded: pairs.length > 0 && [...withKey].some((id) => !working.has(id)),
    };
  }
}
