import { Injectable } from '@nestjs/common';
import type { Db } from '../database/db.js';

const SETTING_KEY = 'webauthn.required_roles';

/** The admin's security-key policy as stored: one `setting` row holding the required roles as JSON text. */
@Injectable()
export class SecurityKeyPolicyRepository {
  /** The stored text, or null when the admin never set the policy. */
  async findRequiredRoles(db: Db): Promise<string | null> {
    const row = await db.setting.findUnique({ where: { key: SETTING_KEY } });
    return row?.value ?? null;
  }

  async saveRequiredRoles(db: Db, value: string): Promise<void> {
    await db.setting.upsert({ where: { key: SETTING_KEY }, create: { key: SETTING_KEY, value }, update: { value } });
  }
}
