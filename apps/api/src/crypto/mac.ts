/**
 * MACs that let a database writer's changes be noticed.
 *   - Case manifest: keyed BLAKE2b under a subkey of the case key over the
 *     case's clear index values, row ids, message sequence numbers, file ids
 *     and a revision counter; checked on every open, so rows cannot be
 *     deleted, added, reordered or rolled back one by one unnoticed.
 *   - Index row: keyed BLAKE2b under the index key (configuration) over a
 *     triage index row, so urgency or risk cannot be downgraded silently.
 * MAC value: base64url(version 1 ‖ 16-byte key id ‖ 32-byte MAC).
 */
import { constantTimeEqual, fromBase64Url, toBase64Url } from './bytes.js';
import type { CanonicalValue } from './canonical.js';
import type { CaseKey, ThreadKey } from './case-keys.js';
import { CryptoError } from './errors.js';
import { hashCanonical } from './hash.js';
import { deriveSubkey, KDF_CONTEXT } from './kdf.js';
import { keyBytes, KEY_ID_BYTES, requireKind, SecretKey } from './secret-key.js';
import type { IndexKey } from './secrets.js';

const MAC_VERSION = 1;
const MAC_BYTES = 1 + KEY_ID_BYTES + 32;

export type ClearValues = Readonly<Record<string, CanonicalValue>>;

export interface CaseManifest {
  readonly tenant: string;
  readonly caseId: string;
  /** increases with every change to the case; also recorded in the audit log */
  readonly revision: number;
  /** the case's clear triage index values */
  readonly index: ClearValues;
  /** every encrypted row of the case */
  readonly rows: readonly { readonly table: string; readonly rowId: string }[];
  readonly messageSequences: readonly number[];
  readonly fileIds: readonly string[];
}

/**
 * The thread's own manifest, under a subkey of the thread key: whoever writes
 * to the thread (the defender with a receipt, or staff) holds that key, so
 * every message or follow-up file updates it, and a deleted or rolled-back
 * message is noticed by the next reader.
 */
export interface ThreadManifest {
  readonly tenant: string;
  readonly caseId: string;
  readonly revision: number;
  readonly messageSequences: readonly number[];
  readonly fileIds: readonly string[];
}

export interface IndexRow {
  readonly tenant: string;
  readonly caseId: string;
  readonly values: ClearValues;
}

/** A record as a list of [name, value] pairs sorted by name: insertion order never matters. */
export function canonicalRecord(record: ClearValues): CanonicalValue[] {
  return Object.keys(record)
    .sort()
    .map((name) => [name, record[name] as CanonicalValue]);
}

function manifestValues(m: CaseManifest): CanonicalValue[] {
  const rows = [...m.rows].map((r) => [r.table, r.rowId] as const).sort(([t1, r1], [t2, r2]) => (t1 === t2 ? compare(r1, r2) : compare(t1, t2)));
  return [m.tenant, m.caseId, m.revision, canonicalRecord(m.index), rows, [...m.messageSequences].sort((a, b) => a - b), [...m.fileIds].sort(compare)];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function mac(key: SecretKey<'manifest' | 'index'>, label: string, values: CanonicalValue[]): string {
  const tag = hashCanonical(label, values, keyBytes(key));
  return toBase64Url(Buffer.concat([Buffer.of(MAC_VERSION), key.idBytes, tag]));
}

function check(key: SecretKey<'manifest' | 'index'>, label: string, values: CanonicalValue[], value: string): void {
  const bytes = fromBase64Url(value, 'MAC', MAC_BYTES);
  if (bytes[0] !== MAC_VERSION) throw new CryptoError('BAD_FORMAT', 'MAC: unknown version');
  if (!constantTimeEqual(bytes.subarray(1, 1 + KEY_ID_BYTES), key.idBytes)) {
    throw new CryptoError('KEY_MISMATCH', 'MAC was made under another key');
  }
  const expected = hashCanonical(label, values, keyBytes(key));
  if (!constantTimeEqual(bytes.subarray(1 + KEY_ID_BYTES), expected)) {
    throw new CryptoError('INTEGRITY_FAILED', `${label}: MAC does not match`);
  }
}

function withManifestKey<T>(caseKey: CaseKey, use: (key: SecretKey<'manifest'>) => T): T {
  requireKind(caseKey, ['case']);
  const key = new SecretKey('manifest', deriveSubkey(keyBytes(caseKey), KDF_CONTEXT.caseKey, 1));
  try {
    return use(key);
  } finally {
    key.destroy();
  }
}

export function computeCaseManifestMac(caseKey: CaseKey, manifest: CaseManifest): string {
  return withManifestKey(caseKey, (key) => mac(key, 'mnpddh/case-manifest/v1', manifestValues(manifest)));
}

/** Throws INTEGRITY_FAILED if the case's rows are not those the MAC was made over. */
export function verifyCaseManifestMac(caseKey: CaseKey, manifest: CaseManifest, value: string): void {
  withManifestKey(caseKey, (key) => check(key, 'mnpddh/case-manifest/v1', manifestValues(manifest), value));
}

function threadValues(m: ThreadManifest): CanonicalValue[] {
  return [m.tenant, m.caseId, m.revision, [...m.messageSequences].sort((a, b) => a - b), [...m.fileIds].sort(compare)];
}

function withThreadManifestKey<T>(threadKey: ThreadKey, use: (key: SecretKey<'manifest'>) => T): T {
  requireKind(threadKey, ['thread']);
  const key = new SecretKey('manifest', deriveSubkey(keyBytes(threadKey), KDF_CONTEXT.threadKey, 1));
  try {
    return use(key);
  } finally {
    key.destroy();
  }
}

export function computeThreadManifestMac(threadKey: ThreadKey, manifest: ThreadManifest): string {
  return withThreadManifestKey(threadKey, (key) => mac(key, 'mnpddh/thread-manifest/v1', threadValues(manifest)));
}

/** Throws INTEGRITY_FAILED if the thread's messages or files are not those the MAC was made over. */
export function verifyThreadManifestMac(threadKey: ThreadKey, manifest: ThreadManifest, value: string): void {
  withThreadManifestKey(threadKey, (key) => check(key, 'mnpddh/thread-manifest/v1', threadValues(manifest), value));
}

function indexValues(row: IndexRow): CanonicalValue[] {
  return [row.tenant, row.caseId, canonicalRecord(row.values)];
}

export function computeIndexRowMac(indexKey: IndexKey, row: IndexRow): string {
  requireKind(indexKey.value, ['index']);
  return mac(indexKey.value, 'mnpddh/index-row/v1', indexValues(row));
}

export function verifyIndexRowMac(indexKey: IndexKey, row: IndexRow, value: string): void {
  requireKind(indexKey.value, ['index']);
  check(indexKey.value, 'mnpddh/index-row/v1', indexValues(row), value);
}
