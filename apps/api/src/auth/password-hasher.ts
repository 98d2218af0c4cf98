import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { AppConfig } from '../config/config.schema.js';
import { RUNTIME, type Runtime } from '../config/runtime.js';
import {
  createPasswordRecord,
  PASSWORD_PARAMS_V1,
  passwordNeedsRehash,
  rejectUnknownAccount,
  TEST_ONLY_ARGON2_PARAMS,
  verifyPassword,
  type Argon2Params,
  type PasswordRecord,
  type PasswordWrappingKey,
} from '../crypto/index.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { StaffWork } from './staff-work.js';

/**
 * Stronger than 'test' and still cheap: what a raised cost looks like to a record made under 'test', so the
 * upgrade at sign-in can be tested (NODE_ENV=test only, like 'test').
 */
export const TEST_ONLY_UPGRADED_ARGON2_PARAMS: Argon2Params = {
  version: TEST_ONLY_ARGON2_PARAMS.version,
  opslimit: TEST_ONLY_ARGON2_PARAMS.opslimit + 1,
  memlimit: TEST_ONLY_ARGON2_PARAMS.memlimit * 2,
};

/** The production cost, or a test-only cost when the configuration allows it (NODE_ENV=test only). */
export function passwordParams(config: Pick<AppConfig, 'PASSWORD_ARGON2'>): Argon2Params {
  if (config.PASSWORD_ARGON2 === 'test') return TEST_ONLY_ARGON2_PARAMS;
  if (config.PASSWORD_ARGON2 === 'test-upgraded') return TEST_ONLY_UPGRADED_ARGON2_PARAMS;
  return PASSWORD_PARAMS_V1;
}

const StoredRecord = z.object({
  salt: z.string(),
  params: z.object({ version: z.number().int(), opslimit: z.number().int(), memlimit: z.number().int() }),
  verifier: z.string(),
});

export interface NewPassword {
  /** what `staff_user.password_record` stores (salt, parameters, verifier) */
  readonly stored: string;
  readonly paramsVersion: number;
  /** wraps the key pair; destroy() it when done */
  readonly wrappingKey: PasswordWrappingKey;
}

/**
 * Every Argon2id derivation of a staff password goes through here: current
 * parameters from configuration, and the staff work pool that bounds how
 * many run at once (in the `proven` lane unless the caller already holds a
 * slot, as a sign-in attempt does). Callers never see the record's inner format.
 */
@Injectable()
export class PasswordHasher {
  readonly params: Argon2Params;
  /** how long a real check took lately: what an address without an account waits instead */
  #checkMs: number | null = null;

  constructor(
    @Inject(RUNTIME) runtime: Runtime,
    private readonly gate: StaffWork,
  ) {
    this.params = passwordParams(runtime.config);
  }

  async create(password: string): Promise<NewPassword> {
    const { record, wrappingKey } = await this.gate.run('proven', () => createPasswordRecord(password, this.params));
    return { stored: JSON.stringify(record), paramsVersion: record.params.version, wrappingKey };
  }

  /** The wrapping key, or null for a wrong password. */
  async verify(password: string, stored: string): Promise<PasswordWrappingKey | null> {
    const record = parseRecord(stored);
    return this.gate
      .run('proven', () => this.timed(() => verifyPassword(password, record)))
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === 'WRONG_PASSWORD') return null;
        throw error;
      });
  }

  /**
   * For an address without a usable account: the same wait as a real check,
   * in the same lane, but not its cost — a flood of invented addresses holds
   * slots in line without burning memory and cores. Until a real check has
   * been timed, one real derivation measures it.
   */
  async spendUnknownAccount(password: string): Promise<void> {
    await this.gate.run('anonymous', async () => {
      if (this.#checkMs !== null) return void (await sleep(this.#checkMs));
      await this.timed(() => rejectUnknownAccount(password, this.params)).catch((error: unknown) => {
        if ((error as { code?: string }).code !== 'WRONG_PASSWORD') throw error;
      });
    });
  }

  /** Runs a derivation and keeps a moving average of how long it took, failed or not. */
  private async timed<T>(derivation: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await derivation();
    } finally {
      const took = performance.now() - started;
      this.#checkMs = this.#checkMs === null ? took : 0.8 * this.#checkMs + 0.2 * took;
    }
  }

  paramsVersionOf(stored: string): number {
    return parseRecord(stored).params.version;
  }

  needsRehash(stored: string): boolean {
    return passwordNeedsRehash(parseRecord(stored), this.params);
  }
}

function parseRecord(stored: string): PasswordRecord {
  return StoredRecord.parse(JSON.parse(stored));
}
