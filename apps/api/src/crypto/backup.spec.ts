import { describe, expect, test } from '@jest/globals';

import {
  backupPublicKeyOf,
  deriveBackupSigningKeyPair,
  generateBackupKeyPair,
  openBackupStream,
  parseBackupPublicKey,
  readBackupHeader,
  sealBackupStream,
  verifyBackup,
} from './backup.js';
import { CryptoError } from './errors.js';
import { generateSigningKeyPair } from './signing.js';
import { randomBytes } from './sodium.js';

const keys = generateBackupKeyPair();
const directory = generateSigningKeyPair();
const signer = deriveBackupSigningKeyPair(directory);
const HEADER = Buffer.from('{"format":1}');

async function collect(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(part);
  return Buffer.concat(parts);
}

function* pieces(data: Buffer, size: number): Generator<Buffer> {
  for (let offset = 0; offset < data.length; offset += size) yield data.subarray(offset, offset + size);
}

async function codeOfAsync(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
  return 'NO_ERROR';
}

const dump = randomBytes(600_000);
const sealed = await collect(sealBackupStream(HEADER, pieces(dump, 70_000), keys.publicKey, signer));

describe('backup stream', () => {
  test('round-trips a dump in pieces of any size, signature checked first', async () => {
    expect(await verifyBackup(pieces(sealed, 333), signer.publicKey)).toEqual(HEADER);
    expect(await collect(openBackupStream(pieces(sealed, 1009), keys.privateKey, signer.publicKey))).toEqual(dump);
    expect(readBackupHeader(sealed)).toEqual(HEADER);
  });

  test('the signing key is derived from the directory key, and differs from it', () => {
    expect(deriveBackupSigningKeyPair(directory).publicKey).toBe(signer.publicKey);
    expect(signer.publicKey).not.toBe(directory.publicKey);
  });

  test('key pair text: the private half gives back the public half; a swapped kind is refused', () => {
    expect(backupPublicKeyOf(keys.privateKey)).toBe(keys.publicKey);
    expect(parseBackupPublicKey(keys.publicKey)).toHaveLength(32);
    expect(() => parseBackupPublicKey(keys.privateKey)).toThrow(CryptoError);
    expect(() => parseBackupPublicKey('backup-public-key.v1.short')).toThrow(CryptoError);
  });

  test.each([
    ['in the header', 20],
    ['in the sealed key', 40],
    ['in the middle', Math.floor(sealed.length / 2)],
    ['in the last frame', sealed.length - 70],
    ['in the signature', sealed.length - 1],
  ])('one flipped byte %s: refused by verification and by opening', async (_where, offset) => {
    const tampered = Buffer.from(sealed);
    tampered[offset] = (tampered[offset] as number) ^ 0x01;
    expect(await codeOfAsync(() => verifyBackup([tampered], signer.publicKey))).toBe('BAD_SIGNATURE');
    expect(await codeOfAsync(() => collect(openBackupStream([tampered], keys.privateKey, signer.publicKey)))).not.toBe('NO_ERROR');
  });

  test('a truncated or extended file is refused', async () => {
    for (const cut of [10, 100, sealed.length - 200, sealed.length - 64, sealed.length - 1]) {
      expect(await codeOfAsync(() => verifyBackup([sealed.subarray(0, cut)], signer.publicKey))).not.toBe('NO_ERROR');
      expect(await codeOfAsync(() => collect(openBackupStream([sealed.subarray(0, cut)], keys.privateKey, signer.publicKey)))).not.toBe('NO_ERROR');
    }
    const extended = Buffer.concat([sealed, Buffer.of(0)]);
    expect(await codeOfAsync(() => verifyBackup([extended], signer.publicKey))).toBe('BAD_SIGNATURE');
  });

  test('a backup signed by another key, or re-signed after its rows were changed, is refused', async () => {
    const other = deriveBackupSigningKeyPair(generateSigningKeyPair());
    const forged = await collect(sealBackupStream(HEADER, [Buffer.from('altered rows')], keys.publicKey, other));
    expect(await codeOfAsync(() => verifyBackup([forged], signer.publicKey))).toBe('BAD_SIGNATURE');
    expect(await codeOfAsync(() => collect(openBackupStream([forged], keys.privateKey, signer.publicKey)))).toBe('BAD_SIGNATURE');
  });

  test('the wrong private key opens nothing', async () => {
    const stranger = generateBackupKeyPair();
    expect(await codeOfAsync(() => collect(openBackupStream([sealed], stranger.privateKey, signer.publicKey)))).toBe('DECRYPT_FAILED');
  });

  test('not a backup at all', async () => {
    expect(await codeOfAsync(() => verifyBackup([randomBytes(500)], signer.publicKey))).toBe('BAD_FORMAT');
  });
});
