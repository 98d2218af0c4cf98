import { randomUUID } from 'node:crypto';
import { AppError } from '../common/app-error.js';
import type { Runtime } from '../config/runtime.js';
import {
  deriveIntakeKeyPair,
  generateCaseKeys,
  IdentityKeyPair,
  issueCertificate,
  encodeCertificate,
  SigningKeyPair,
  type CaseKey,
  type ThreadKey,
} from '../crypto/index.js';
import type { StaffKeyRecord, DirectoryRepository } from '../directory/directory.repository.js';
import { DirectoryService, staffCertificateRole } from '../directory/directory.service.js';
import type { CaseKeyGrant } from '../generated/prisma/client.js';
import { CaseKeysAccess } from './case-keys-access.js';
import type { CaseReader } from './case-reader.js';
import { sealAndSignGrant, type GrantKeyKind } from './grant-statements.js';
import { grantParties, signedStaffGrant } from './staff-grants.js';

/*
 * Grants as the vault gives and opens them, with real keys: who may receive
 * one, what a holder's grant to a colleague carries, and what a database
 * writer (SECURITY.md's adversary: every row, none of the keys) can do with
 * grant rows — move, re-address or re-attribute one, keep one after a
 * re-key — which must open nothing. The directory here is the real one; its
 * repository is never reached by the checks tested (they read the rows given).
 */
const tenant = 'ml';
const directoryKey = new SigningKeyPair(Buffer.alloc(32, 1));
const runtime = {
  config: { TENANT: tenant },
  secrets: { directoryKey: { value: directoryKey }, intakeKey: deriveIntakeKeyPair(directoryKey) },
  logger: { warn: () => undefined },
} as unknown as Runtime;
const directory = new DirectoryService(runtime, {} as DirectoryRepository);

function person(seed: number, roles: StaffKeyRecord['roles'], onCall = false) {
  const keyPair = new IdentityKeyPair(Buffer.alloc(32, seed));
  const record: StaffKeyRecord = { id: randomUUID(), roles, onCall, active: true, publicKey: keyPair.publicKey, certificate: null, keyEpoch: 1 };
  record.certificate = directory.issue(record.id, staffCertificateRole(record), keyPair.publicKey, 1);
  return { record, reader: { id: record.id, keyPair } as CaseReader };
}

const supervisor = person(2, ['supervisor'], true);
const caseworker = person(3, ['caseworker']);
const colleague = person(4, ['caseworker']);

let caseId: string;
let keys: { caseKey: CaseKey; threadKey: ThreadKey };
let grants: CaseKeyGrant[];
let sut: CaseKeysAccess;

const row = (grant: Omit<CaseKeyGrant, 'id' | 'createdAt'>): CaseKeyGrant => ({ id: randomUUID(), createdAt: new Date(), ...grant });
const keyOf = (kind: GrantKeyKind) => (kind === 'case' ? keys.caseKey : keys.threadKey);

/** The case as intake leaves it: both keys sealed to the supervisor, signed by the intake identity. */
beforeEach(() => {
  caseId = randomUUID();
  keys = generateCaseKeys();
  sut = new CaseKeysAccess(directory);
  const recipient = directory.staffRecipient(supervisor.record);
  if (!recipient) throw new Error('the supervisor must be certified');
  grants = (['case', 'thread'] as const).map((keyKind) =>
    row({
      caseId,
      keyKind,
      recipientId: supervisor.record.id,
      escrowKeyId: null,
      grantedBy: null,
      granterCertificate: null,
      ...sealAndSignGrant(keyOf(keyKind), { tenant, caseId }, keyKind, supervisor.record.id, recipient, runtime.secrets.intakeKey),
    }),
  );
});
afterEach(() => {
  keys.caseKey.destroy();
  keys.threadKey.destroy();
});

/** The holder's grant of both keys to a colleague, as CaseGrantsService writes it. */
function granted(from: ReturnType<typeof person>, to: ReturnType<typeof person>): CaseKeyGrant[] {
  const { recipient, granterCertificate } = grantParties(directory.staffRecipient(to.record), from.record.certificate);
  return (['case', 'thread'] as const).map((keyKind) =>
    row(signedStaffGrant(from.reader, granterCertificate, { tenant, caseId }, to.record.id, keyKind, keyOf(keyKind), recipient)),
  );
}

const refusal = (open: () => { destroy(): void }) => {
  try {
    open().destroy();
    return 'OPENED';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
};

describe('grants: a holder gives a case to a colleague', () => {
  it('seals both keys to the colleague, signed by the holder: the colleague opens the same keys', () => {
    const given = granted(supervisor, caseworker);
    expect(given.map((g) => [g.keyKind, g.recipientId, g.grantedBy, g.granterCertificate])).toEqual([
      ['case', caseworker.record.id, supervisor.record.id, supervisor.record.certificate],
      ['thread', caseworker.record.id, supervisor.record.id, supervisor.record.certificate],
    ]);
    const opened = sut.openCaseKey([...grants, ...given], caseworker.reader, caseId, keys.caseKey.id);
    const thread = sut.openThreadKey([...grants, ...given], caseworker.reader, caseId, keys.threadKey.id);
    expect([opened.id, thread.id]).toEqual([keys.caseKey.id, keys.threadKey.id]);
    opened.destroy();
    thread.destroy();
  });

  it('gives nothing to someone who cannot receive it: deactivated, without a key yet, or whose roles or on-call flag were changed in SQL', () => {
    const unsealable: StaffKeyRecord[] = [
      { ...caseworker.record, active: false },
      { ...caseworker.record, publicKey: null, certificate: null },
      { ...caseworker.record, roles: ['supervisor'] },
      { ...caseworker.record, onCall: true },
      { ...caseworker.record, publicKey: colleague.record.publicKey },
      { ...caseworker.record, id: colleague.record.id },
    ];
    for (const record of unsealable) {
      expect(directory.staffRecipient(record)).toBeNull();
      expect(() => grantParties(directory.staffRecipient(record), supervisor.record.certificate)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    }
    expect(directory.staffRecipient(caseworker.record)).not.toBeNull();
  });

  it('lets no one grant without a certificate of their own to sign with', () => {
    const recipient = directory.staffRecipient(caseworker.record);
    expect(() => grantParties(recipient, null)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => grantParties(recipient, '')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});

describe('grants: a grant row that does not match its signed statement opens nothing', () => {
  it('refuses a grant addressed to someone else (FORBIDDEN) and one the reader’s current key cannot open', () => {
    expect(refusal(() => sut.openCaseKey(grants, caseworker.reader, caseId, keys.caseKey.id))).toBe('FORBIDDEN');
    const readdressed = grants.map((g) => ({ ...g, recipientId: caseworker.record.id }));
    expect(refusal(() => sut.openCaseKey(readdressed, caseworker.reader, caseId, keys.caseKey.id))).toBe('FORBIDDEN');
  });

  it('refuses a grant moved to another case, one re-attributed to another granter, and one whose granter certificate was forged', () => {
    const given = granted(supervisor, caseworker);
    const elsewhere = randomUUID();
    const moved = given.map((g) => ({ ...g, caseId: elsewhere }));
    expect(refusal(() => sut.openCaseKey(moved, caseworker.reader, elsewhere, keys.caseKey.id))).toBe('INTEGRITY_FAILED');
    const reattributed = given.map((g) => ({ ...g, grantedBy: colleague.record.id, granterCertificate: colleague.record.certificate }));
    expect(refusal(() => sut.openCaseKey(reattributed, caseworker.reader, caseId, keys.caseKey.id))).toBe('INTEGRITY_FAILED');
    const forged = encodeCertificate(
      issueCertificate(
        { tenant, userId: supervisor.record.id, role: 'supervisor+on-call', publicKey: colleague.reader.keyPair.publicKey, epoch: 1 },
        new SigningKeyPair(Buffer.alloc(32, 9)),
      ),
    );
    const selfCertified = given.map((g) => ({ ...g, granterCertificate: forged }));
    expect(refusal(() => sut.openCaseKey(selfCertified, caseworker.reader, caseId, keys.caseKey.id))).toBe('INTEGRITY_FAILED');
  });

  it('checks again a grant changed after it once verified (the memo holds the exact row only)', () => {
    const given = granted(supervisor, caseworker);
    expect(refusal(() => sut.openCaseKey(given, caseworker.reader, caseId, keys.caseKey.id))).toBe('OPENED');
    const otherSignature = granted(supervisor, colleague)[0]?.signature as string;
    const changed = given.map((g) => ({ ...g, signature: otherSignature }));
    expect(refusal(() => sut.openCaseKey(changed, caseworker.reader, caseId, keys.caseKey.id))).toBe('INTEGRITY_FAILED');
  });
});

describe('grants: revocation', () => {
  it('opens nothing once the person’s grants are deleted', () => {
    const given = granted(supervisor, caseworker);
    expect(refusal(() => sut.openCaseKey([...grants, ...given], caseworker.reader, caseId, keys.caseKey.id))).toBe('OPENED');
    expect(refusal(() => sut.openCaseKey(grants, caseworker.reader, caseId, keys.caseKey.id))).toBe('FORBIDDEN');
  });

  it('opens nothing with a grant kept from before a re-key: the case now names another key', () => {
    const kept = granted(supervisor, caseworker);
    const rekeyed = generateCaseKeys();
    expect(refusal(() => sut.openCaseKey(kept, caseworker.reader, caseId, rekeyed.caseKey.id))).toBe('INTEGRITY_FAILED');
    expect(refusal(() => sut.openThreadKey(kept, caseworker.reader, caseId, rekeyed.threadKey.id))).toBe('INTEGRITY_FAILED');
    rekeyed.caseKey.destroy();
    rekeyed.threadKey.destroy();
  });

  it('opens nothing for a person whose key pair was replaced (a reset): the grant was sealed to the old key', () => {
    const given = granted(supervisor, caseworker);
    const reset = { id: caseworker.record.id, keyPair: new IdentityKeyPair(Buffer.alloc(32, 5)) };
    expect(refusal(() => sut.openCaseKey(given, reset, caseId, keys.caseKey.id))).toBe('FORBIDDEN');
  });
});
