/**
 * The audit log's keyed chain and signed checkpoints. Each row stores
 * hash = BLAKE2b-256 keyed by the audit chain key (canonical(label, previous
 * hash, row)); the first row chains from 32 zero bytes. The chain key is
 * derived from the audit checkpoint key, which never enters the database, so
 * a database writer cannot append a row that verifies. At intervals the head
 * hash and row count are signed with the checkpoint key and exported, so a
 * rewritten or truncated tail is detected, not only an edited row.
 */
import { constantTimeEqual, fromBase64Url, toBase64Url } from './bytes.js';
import { CryptoError } from './errors.js';
import { hashCanonical, HASH_BYTES } from './hash.js';
import { deriveSubkey, KDF_CONTEXT } from './kdf.js';
import { canonicalRecord, type ClearValues } from './mac.js';
import { keyBytes, requireKind, SecretKey } from './secret-key.js';
import { parseSigningPublicKey, signingKeySeed, signStatement, statementVerifies, type SigningKeyPair } from './signing.js';

/** Keys the audit chain; derived from the checkpoint key (so no further secret to configure and back up). */
export type AuditChainKey = SecretKey<'audit-chain'>;

/** Subkey 1 of the checkpoint key: the chain key. Replacing the checkpoint key therefore starts a new chain. */
export function deriveAuditChainKey(checkpointKey: SigningKeyPair): AuditChainKey {
  return new SecretKey('audit-chain', deriveSubkey(signingKeySeed(checkpointKey), KDF_CONTEXT.audit, 1));
}

export const AUDIT_GENESIS_HASH = toBase64Url(Buffer.alloc(HASH_BYTES));

/** Hash of one audit row (its fields must include its sequence number). */
export function auditChainHash(key: AuditChainKey, previousHash: string, row: ClearValues): string {
  requireKind(key, ['audit-chain']);
  const previous = fromBase64Url(previousHash, 'previous audit hash', HASH_BYTES);
  return toBase64Url(hashCanonical('mnpddh/audit-row/v2', [previous, canonicalRecord(row)], keyBytes(key)));
}

/**
 * The previous release's unkeyed row hash (label v1), for verifying the
 * prefix of a log it wrote: anyone can compute it, so the verifier accepts
 * it only up to a signed checkpoint (see ChainWalk), never after a keyed row.
 */
export function legacyAuditChainHash(previousHash: string, row: ClearValues): string {
  const previous = fromBase64Url(previousHash, 'previous audit hash', HASH_BYTES);
  return toBase64Url(hashCanonical('mnpddh/audit-row/v1', [previous, canonicalRecord(row)]));
}

/** Whether a stored hash is the previous release's unkeyed hash of the row. */
export function legacyAuditRowHolds(previousHash: string, row: ClearValues, hash: string): boolean {
  return constantTimeEqual(Buffer.from(legacyAuditChainHash(previousHash, row)), Buffer.from(hash));
}

/**
 * Recomputes a run of rows from `previousHash`; throws INTEGRITY_FAILED at
 * the first row whose stored hash differs. Returns the head hash.
 */
export function verifyAuditChain(key: AuditChainKey, previousHash: string, rows: Iterable<{ readonly fields: ClearValues; readonly hash: string }>): string {
  let head = previousHash;
  let position = 0;
  for (const row of rows) {
    const expected = auditChainHash(key, head, row.fields);
    if (!constantTimeEqual(Buffer.from(expected), Buffer.from(row.hash))) {
      throw new CryptoError('INTEGRITY_FAILED', `audit chain broken at row ${position} of this run`);
    }
    head = expected;
    position++;
  }
  return head;
}

export interface AuditCheckpoint {
  readonly tenant: string;
  readonly rowCount: number;
  readonly headHash: string;
  /** ISO 8601 */
  readonly signedAt: string;
}

function values(c: AuditCheckpoint) {
  return [c.tenant, c.rowCount, fromBase64Url(c.headHash, 'head hash', HASH_BYTES), c.signedAt];
}

export function signAuditCheckpoint(checkpoint: AuditCheckpoint, checkpointKey: SigningKeyPair): string {
  return signStatement(checkpointKey, 'mnpddh/audit-checkpoint/v1', values(checkpoint));
}

/** `publicKey`: the checkpoint key's public half, base64url. Throws BAD_SIGNATURE. */
export function verifyAuditCheckpoint(checkpoint: AuditCheckpoint, signature: string, publicKey: string): void {
  const key = parseSigningPublicKey(publicKey, 'audit checkpoint public key');
  if (!statementVerifies(key, 'mnpddh/audit-checkpoint/v1', values(checkpoint), signature)) {
    throw new CryptoError('BAD_SIGNATURE', 'audit checkpoint signature does not verify');
  }
}
