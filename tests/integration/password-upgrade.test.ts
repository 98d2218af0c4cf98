import 'reflect-metadata';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { startPortal } from '../../apps/api/src/boot.js';
import { PasswordHasher, TEST_ONLY_UPGRADED_ARGON2_PARAMS } from '../../apps/api/src/auth/password-hasher.js';
import { parseConfig } from '../../apps/api/src/config/config.schema.js';
import { TEST_ONLY_ARGON2_PARAMS, unwrapPrivateKey } from '../../apps/api/src/crypto/index.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import { asOwner, createAdmin, createStaff, postLogin, signIn, type CreatedStaff } from '../support/staff.js';
import { createTestDatabase } from '../support/test-database.js';
import { testSecrets } from '../support/test-portal.js';

interface StoredPassword {
  password_record: string;
  wrapped_private_key: string;
  public_key: string;
}

/** One database and one set of secrets: the same deployment, restarted with a new Argon2id setting. */
let env: NodeJS.ProcessEnv;
let portal: RunningPortal;
let supervisor: CreatedStaff;
let caseId: string;
let before: StoredPassword;

function stored(): Promise<StoredPassword | undefined> {
  return asOwner<StoredPassword>(portal, 'SELECT password_record, wrapped_private_key, public_key FROM staff_user WHERE id = $1', [supervisor.client.id]).then(
    (rows) => rows[0],
  );
}

function paramsOf(record: StoredPassword | undefined): unknown {
  return (JSON.parse(record?.password_record ?? '{}') as { params?: unknown }).params;
}

beforeAll(async () => {
  const database = await createTestDatabase();
  env = { ...testSecrets(), DATABASE_URL: database.appUrl, MIGRATION_DATABASE_URL: database.ownerUrl, PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test' };
  portal = await startPortal({ ...env, PASSWORD_ARGON2: 'test' });
  const admin = await signIn(portal, await createAdmin(portal));
  supervisor = await createStaff(portal, admin, { roles: ['supervisor'] });
  // Sealed at intake to the triage team, so to the supervisor's key pair.
  caseId = (await portal.app.get(CaseVaultService).createCase({ urgent: true, content: plainContent() })).caseId;
  expect((await supervisor.client.get(`/api/cases/${caseId}`)).status).toBe(200);
  before = (await stored()) as StoredPassword;
  await portal.close();
  portal = await startPortal({ ...env, PASSWORD_ARGON2: 'test-upgraded' });
});

afterAll(async () => {
  await portal?.close();
});

describe('raising the Argon2id parameters', () => {
  it('the record made under the old parameters is the one stored until the next sign-in', () => {
    expect(paramsOf(before)).toEqual(TEST_ONLY_ARGON2_PARAMS);
    expect(portal.app.get(PasswordHasher).needsRehash(before.password_record)).toBe(true);
  });

  it('the next sign-in re-derives under the new parameters and re-wraps the same key pair', async () => {
    const client = await signIn(portal, supervisor.credentials);

    const after = await stored();
    expect(paramsOf(after)).toEqual(TEST_ONLY_UPGRADED_ARGON2_PARAMS);
    expect(after?.password_record).not.toBe(before.password_record);
    expect(after?.wrapped_private_key).not.toBe(before.wrapped_private_key);
    expect(after?.public_key).toBe(before.public_key);
    expect(portal.app.get(PasswordHasher).needsRehash(after?.password_record ?? '')).toBe(false);
    // The same key pair: the case sealed to it before the upgrade still opens.
    expect((await client.get(`/api/cases/${caseId}`)).status).toBe(200);
  });

  it('the old record no longer opens anything: its wrapping key does not unwrap the stored private key', async () => {
    const hasher = portal.app.get(PasswordHasher);
    const oldKey = await hasher.verify(supervisor.credentials.password, before.password_record);
    expect(oldKey).not.toBeNull();
    const after = (await stored()) as StoredPassword;
    try {
      expect(() =>
        unwrapPrivateKey(after.wrapped_private_key, oldKey as NonNullable<typeof oldKey>, {
          userId: supervisor.client.id,
          paramsVersion: hasher.paramsVersionOf(after.password_record),
          publicKey: after.public_key,
        }),
      ).toThrow();
    } finally {
      oldKey?.destroy();
    }
  });

  it('the upgraded account signs in again (no second upgrade) and reads its cases; a wrong password still fails', async () => {
    const upgraded = await stored();
    const client = await signIn(portal, supervisor.credentials, supervisor.recoveryCodes[0]);

    expect((await stored())?.password_record).toBe(upgraded?.password_record);
    expect((await client.get(`/api/cases/${caseId}`)).status).toBe(200);
    expect(
      (await postLogin(portal, { email: supervisor.credentials.email, password: `${supervisor.credentials.password}x`, totp: supervisor.recoveryCodes[1] }))
        .status,
    ).toBe(401);
  });

  it('the intermediate test setting is refused outside NODE_ENV=test, like the test setting', () => {
    expect(parseConfig({ NODE_ENV: 'test', PASSWORD_ARGON2: 'test-upgraded' }).PASSWORD_ARGON2).toBe('test-upgraded');
    expect(() => parseConfig({ NODE_ENV: 'production', PASSWORD_ARGON2: 'test-upgraded' })).toThrow(/PASSWORD_ARGON2/);
    expect(() => parseConfig({ PASSWORD_ARGON2: 'test-upgraded' })).toThrow(/PASSWORD_ARGON2/);
  });
});
