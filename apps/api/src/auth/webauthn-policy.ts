import { Injectable } from '@nestjs/common';
import { SecurityKeyPolicy, type StaffRole } from '@mnpddh/shared';
import type { Db } from '../database/db.js';

const SETTING_KEY = 'webauthn.required_roles';

/**
 * The admin's setting: the roles whose members must sign in with a security
 * key once they have one — a `setting` row holding the roles as JSON. A row
 * that does not parse counts as requiring every role it may name: the safer
 * side.
 */
@Injectable()
export class SecurityKeyPolicyStore {
  async read(db: Db): Promise<SecurityKeyPolicy> {
    const row = await db.setting.findUnique({ where: { key: SETTING_KEY } });
    if (!row) return { requiredRoles: [] };
    const parsed = SecurityKeyPolicy.safeParse({ requiredRoles: safeJson(row.value) });
    return parsed.success ? parsed.data : { requiredRoles: ['custodian', 'supervisor'] };
  }

  async write(db: Db, policy: SecurityKeyPolicy): Promise<void> {
    const value = JSON.stringify(policy.requiredRoles);
    await db.setting.upsert({ where: { key: SETTING_KEY }, create: { key: SETTING_KEY, value }, update: { value } });
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
