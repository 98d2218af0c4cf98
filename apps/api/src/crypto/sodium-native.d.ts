// Types for the part of sodium-native 5.x this module uses (the package ships
// none). Functions write into caller-allocated buffers and throw on misuse;
// verify/open functions return booleans where the binding does.
declare module 'sodium-native' {
  type Bytes = Uint8Array;

  interface SodiumNative {
    readonly crypto_aead_xchacha20poly1305_ietf_KEYBYTES: number;
    readonly crypto_aead_xchacha20poly1305_ietf_NPUBBYTES: number;
    readonly crypto_aead_xchacha20poly1305_ietf_ABYTES: number;
    readonly crypto_box_PUBLICKEYBYTES: number;
    readonly crypto_box_SECRETKEYBYTES: number;
    readonly crypto_box_SEEDBYTES: number;
    readonly crypto_box_SEALBYTES: number;
    readonly crypto_sign_PUBLICKEYBYTES: number;
    readonly crypto_sign_SECRETKEYBYTES: number;
    readonly crypto_sign_SEEDBYTES: number;
    readonly crypto_sign_BYTES: number;
    readonly crypto_kdf_KEYBYTES: number;
    readonly crypto_kdf_CONTEXTBYTES: number;
    readonly crypto_generichash_BYTES: number;
    readonly crypto_generichash_STATEBYTES: number;
    readonly crypto_hash_sha256_BYTES: number;
    readonly crypto_hash_sha256_STATEBYTES: number;
    readonly crypto_pwhash_ALG_ARGON2ID13: number;
    readonly crypto_pwhash_SALTBYTES: number;
    readonly crypto_pwhash_OPSLIMIT_MIN: number;
    readonly crypto_pwhash_OPSLIMIT_MAX: number;
    readonly crypto_pwhash_MEMLIMIT_MIN: number;
    readonly crypto_pwhash_MEMLIMIT_MAX: number;
    readonly crypto_pwhash_OPSLIMIT_INTERACTIVE: number;
    readonly crypto_pwhash_MEMLIMIT_INTERACTIVE: number;
    readonly crypto_secretstream_xchacha20poly1305_KEYBYTES: number;
    readonly crypto_secretstream_xchacha20poly1305_HEADERBYTES: number;
    readonly crypto_secretstream_xchacha20poly1305_ABYTES: number;
    readonly crypto_secretstream_xchacha20poly1305_STATEBYTES: number;
    readonly crypto_secretstream_xchacha20poly1305_TAG_MESSAGE: number;
    readonly crypto_secretstream_xchacha20poly1305_TAG_FINAL: number;

    randombytes_buf(buffer: Bytes): void;
    randombytes_uniform(upperBound: number): number;
    sodium_memzero(buffer: Bytes): void;
    sodium_memcmp(a: Bytes, b: Bytes): boolean;
    sodium_is_zero(buffer: Bytes, length?: number): boolean;
    sodium_pad(buffer: Bytes, unpaddedLength: number, blockSize: number): number;

    crypto_aead_xchacha20poly1305_ietf_encrypt(c: Bytes, m: Bytes, ad: Bytes | null, nsec: null, npub: Bytes, k: Bytes): number;
    crypto_aead_xchacha20poly1305_ietf_decrypt(m: Bytes, nsec: null, c: Bytes, ad: Bytes | null, npub: Bytes, k: Bytes): number;

    crypto_box_seed_keypair(pk: Bytes, sk: Bytes, seed: Bytes): void;
    crypto_box_keypair(pk: Bytes, sk: Bytes): void;
    crypto_scalarmult_base(q: Bytes, n: Bytes): void;
    crypto_box_seal(c: Bytes, m: Bytes, pk: Bytes): void;
    crypto_box_seal_open(m: Bytes, c: Bytes, pk: Bytes, sk: Bytes): boolean;

    crypto_sign_seed_keypair(pk: Bytes, sk: Bytes, seed: Bytes): void;
    crypto_sign_keypair(pk: Bytes, sk: Bytes): void;
    crypto_sign_detached(sig: Bytes, m: Bytes, sk: Bytes): void;
    crypto_sign_verify_detached(sig: Bytes, m: Bytes, pk: Bytes): boolean;

    crypto_kdf_derive_from_key(subkey: Bytes, subkeyId: number, ctx: Bytes, key: Bytes): void;

    crypto_generichash(out: Bytes, input: Bytes, key?: Bytes): void;
    crypto_generichash_init(state: Bytes, key: Bytes | null, outputLength: number): void;
    crypto_generichash_update(state: Bytes, input: Bytes): void;
    crypto_generichash_final(state: Bytes, out: Bytes): void;

    crypto_hash_sha256(out: Bytes, input: Bytes): void;
    crypto_hash_sha256_init(state: Bytes): void;
    crypto_hash_sha256_update(state: Bytes, input: Bytes): void;
    crypto_hash_sha256_final(state: Bytes, out: Bytes): void;

    crypto_pwhash(out: Bytes, password: Bytes, salt: Bytes, opslimit: number, memlimit: number, alg: number): void;
    /** Runs on the libuv thread pool: the event loop stays free. */
    crypto_pwhash_async(out: Bytes, password: Bytes, salt: Bytes, opslimit: number, memlimit: number, alg: number): Promise<void>;
    crypto_pwhash_str_verify(str: Bytes, password: Bytes): boolean;

    crypto_secretstream_xchacha20poly1305_init_push(state: Bytes, header: Bytes, key: Bytes): void;
    crypto_secretstream_xchacha20poly1305_init_pull(state: Bytes, header: Bytes, key: Bytes): void;
    crypto_secretstream_xchacha20poly1305_push(state: Bytes, c: Bytes, m: Bytes, ad: Bytes | null, tag: number): number;
    crypto_secretstream_xchacha20poly1305_pull(state: Bytes, m: Bytes, tag: Bytes, c: Bytes, ad: Bytes | null): number;
  }

  const sodium: SodiumNative;
  export default sodium;
}
