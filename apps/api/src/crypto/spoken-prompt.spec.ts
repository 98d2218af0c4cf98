import { describe, expect, test } from '@jest/globals';

import { encodeCanonical } from './canonical.js';
import { generateSigningKeyPair, SigningKeyPair } from './signing.js';
import { sodium } from './sodium.js';
import { signSpokenPrompt, spokenPromptVerifies, type SpokenPromptClaims } from './spoken-prompt.js';

const directory = new SigningKeyPair(Buffer.alloc(32, 0x11));
const claims: SpokenPromptClaims = {
  tenant: 'ml',
  step: 'urgent-call',
  language: 'bm',
  contentType: 'audio/ogg',
  revision: 3,
  content: Buffer.from('OggS recording'),
};

describe('spoken prompt signatures', () => {
  test('the signature is Ed25519 by the directory key over the canonical encoding of the claims and the bytes', () => {
    const sut = signSpokenPrompt(claims, directory);

    const message = encodeCanonical(['mnpddh/spoken-prompt/v1', 'ml', 'urgent-call', 'bm', 'audio/ogg', 3, Buffer.from('OggS recording')]);
    const signature = Buffer.from(sut, 'base64url');
    expect(sodium.crypto_sign_verify_detached(signature, message, Buffer.from(directory.publicKey, 'base64url'))).toBe(true);
    expect(spokenPromptVerifies(claims, sut, directory.publicKey)).toBe(true);
  });

  test.each([
    ['the bytes', { content: Buffer.from('OggS other number') }],
    ['the step', { step: 'home' }],
    ['the language', { language: 'fr' }],
    ['the type', { contentType: 'audio/mpeg' }],
    ['the revision', { revision: 2 }],
    ['the tenant', { tenant: 'other' }],
  ] as const)('a prompt whose %s changed does not verify', (_what, change) => {
    const sut = signSpokenPrompt(claims, directory);

    expect(spokenPromptVerifies({ ...claims, ...change }, sut, directory.publicKey)).toBe(false);
  });

  test('another key, a malformed signature or a bad revision never verifies (no throw)', () => {
    const sut = signSpokenPrompt(claims, directory);

    expect(spokenPromptVerifies(claims, sut, generateSigningKeyPair().publicKey)).toBe(false);
    expect(spokenPromptVerifies(claims, 'not-a-signature', directory.publicKey)).toBe(false);
    expect(spokenPromptVerifies({ ...claims, revision: 0 }, sut, directory.publicKey)).toBe(false);
  });
});
