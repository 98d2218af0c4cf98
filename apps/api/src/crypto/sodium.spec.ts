import { describe, expect, test } from '@jest/globals';

import { SigningKeyPair } from './signing.js';
import { memzero, randomBytes, sodium, warmUpCrypto } from './sodium.js';

// Published vectors: they pin the linked libsodium build to the standards,
// independently of this module's own formats.
describe('libsodium build (published known-answer vectors)', () => {
  test('XChaCha20-Poly1305 IETF: draft-irtf-cfrg-xchacha-03 appendix A.3.1', () => {
    const key = Buffer.from('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f', 'hex');
    const nonce = Buffer.from('404142434445464748494a4b4c4d4e4f5051525354555657', 'hex');
    const ad = Buffer.from('50515253c0c1c2c3c4c5c6c7', 'hex');
    const plaintext = Buffer.from("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");
    const sealed = Buffer.alloc(plaintext.length + 16);

    sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(sealed, plaintext, ad, null, nonce, key);

    expect(sealed.toString('hex')).toBe(
      'bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb' +
        '731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452' +
        '2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9' +
        '21f9664c97637da9768812f615c68b13b52e' +
        'c0875924c1c7987947deafd8780acf49',
    );
  });

  test('Ed25519: RFC 8032 section 7.1 test 1 (empty message)', () => {
    const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
    const publicKey = Buffer.alloc(32);
    const secretKey = Buffer.alloc(64);
    sodium.crypto_sign_seed_keypair(publicKey, secretKey, seed);
    const signature = Buffer.alloc(64);

    sodium.crypto_sign_detached(signature, Buffer.alloc(0), secretKey);

    expect(publicKey.toString('hex')).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    expect(signature.toString('hex')).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
    expect(new SigningKeyPair(Buffer.from(seed)).publicKey).toBe(publicKey.toString('base64url'));
  });

  test('BLAKE2b-512: RFC 7693 appendix A ("abc")', () => {
    const out = Buffer.alloc(64);

    sodium.crypto_generichash(out, Buffer.from('abc'));

    expect(out.toString('hex')).toBe(
      'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
    );
  });

  test('Argon2id: reference implementation test.c vector (m=256 KiB, t=2, p=1)', () => {
    const encoded = Buffer.alloc(128);
    encoded.write('$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4');

    expect(sodium.crypto_pwhash_str_verify(encoded, Buffer.from('password'))).toBe(true);
    expect(sodium.crypto_pwhash_str_verify(encoded, Buffer.from('passwore'))).toBe(false);
  });
});

describe('sodium helpers', () => {
  test('warmUpCrypto passes its self-test', async () => {
    await expect(warmUpCrypto()).resolves.toBeUndefined();
  });

  test('randomBytes gives fresh bytes each call', () => {
    expect(randomBytes(32).equals(randomBytes(32))).toBe(false);
    expect(randomBytes(7)).toHaveLength(7);
  });

  test('memzero zeroes every buffer given', () => {
    const a = Buffer.alloc(8, 1);
    const b = Buffer.alloc(3, 2);

    memzero(a, undefined, b);

    expect(a.equals(Buffer.alloc(8))).toBe(true);
    expect(b.equals(Buffer.alloc(3))).toBe(true);
  });
});
