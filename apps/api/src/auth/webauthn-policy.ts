import { Injectable } from '@nestjs/common';
import { SecurityKeyPolicy, type StaffRole } from '@mnpddh/shared';
import type { Db } from '../database/db.js';
import { SecurityKeyPolicyRepository } from './security-key-policy.repository.js';

/**
 * The admin's setting: the roles whose members must sign in with a security
 * key once they have one — a `setting` row holding the roles as JSON. A row
 * that does not parse counts as requiring every role it may name: the safer
 * side.
 */
@Injectable()
export class SecurityKeyPolicyStore {
  constructor(private readonly repository: SecurityKeyPolicyRepository) {}

  async read(db: Db): Promise<SecurityKeyPolicy> {
    const stored = await this.repository.findRequiredRoles(db);
    if (stored === null) return { requiredRoles: [] };
    const parsed = SecurityKeyPolicy.safeParse({ requiredRoles: safeJson(stored) });
    return parsed.success ? parsed.data : { requiredRoles: ['custodian', 'supervisor'] };
  }

  async write(db: Db, policy: SecurityKeyPolicy): Promise<void> {
    await this.repository.saveRequiredRoles(db, JSON.stringify(policy.requiredRoles));
  }

  async requiresKey(db: Db, roles: readonly StaffRole[]): Promise<boolean> {
    const { requiredRoles } = await this.read(db);
    return roles.some((role) => (requiredRoles as readonly string[]).includes(role));
  }
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}
