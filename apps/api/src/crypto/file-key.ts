/**
 * Each attachment has its own random key, wrapped by the case key (files of
 * the request) or the thread key (files added in follow-up) with associated
 * data (tenant, case id, file id): a wrapped key copied to another file or
 * case does not open.
 */
import { decrypt, encrypt } from './aead.js';
import type { CaseKeyKind } from './case-keys.js';
import { encodeCiphertext, parseCiphertext } from './ciphertext.js';
import { CryptoError } from './errors.js';
import { generateKey, keyBytes, KEY_BYTES, requireKind, SecretKey } from './secret-key.js';

export type FileKey = SecretKey<'file'>;

export interface FileKeyContext {
  readonly tenant: string;
  readonly caseId: string;
  readonly fileId: string;
}

export function generateFileKey(): FileKey {
  return generateKey('file');
}

function context(ctx: FileKeyContext) {
  return ['mnpddh/file-key/v1', ctx.tenant, ctx.caseId, ctx.fileId] as const;
}

export function wrapFileKey(fileKey: FileKey, parentKey: SecretKey<CaseKeyKind>, ctx: FileKeyContext): string {
  requireKind(fileKey, ['file']);
  requireKind(parentKey, ['case', 'thread']);
  return encodeCiphertext(encrypt(parentKey, keyBytes(fileKey), context(ctx)));
}

export function unwrapFileKey(wrapped: string, parentKey: SecretKey<CaseKeyKind>, ctx: FileKeyContext): FileKey {
  requireKind(parentKey, ['case', 'thread']);
  const bytes = decrypt(parentKey, parseCiphertext(wrapped), context(ctx));
  if (bytes.length !== KEY_BYTES) throw new CryptoError('BAD_FORMAT', 'wrapped file key: wrong length');
  return new SecretKey('file', bytes);
}

/** Re-keying for cause: the file keeps its key (its chunks are not rewritten); only the wrap moves to the new parent key. */
export function rewrapFileKey(wrapped: string, oldParent: SecretKey<CaseKeyKind>, newParent: SecretKey<CaseKeyKind>, ctx: FileKeyContext): string {
  const fileKey = unwrapFileKey(wrapped, oldParent, ctx);
  try {
    return wrapFileKey(fileKey, newParent, ctx);
  } finally {
    fileKey.destroy();
  }
}
