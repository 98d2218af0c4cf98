/**
 * Key derivation with crypto_kdf (BLAKE2b keyed, with an 8-byte context):
 * one root secret, several independent subkeys. Every context used in the
 * module is listed here so no two purposes can share one by accident.
 */
import { requireLength } from './bytes.js';
import { sodium } from './sodium.js';

export const KDF_CONTEXT = {
  /** key id of any 32-byte symmetric key (subkey 1) */
  keyId: 'mnpkeyid',
  /** Argon2id output of a password: 1 = verifier, 2 = wrapping key */
  password: 'mnpasswd',
  /** Argon2id output of a receipt: 1 = lookup id, 2 = wrapping key, 3 = receipt identity seed */
  receipt: 'mnprcpt_',
  /** receipt pepper: 1 = pre-hash key, 2 = Argon2id salt */
  pepper: 'mnppeppr',
  /** case key: 1 = manifest MAC key */
  caseKey: 'mnpcasek',
  /** thread key: 1 = thread manifest MAC key */
  threadKey: 'mnpthred',
  /** staff key seed: 1 = X25519 box seed, 2 = Ed25519 signing seed */
  staffSeed: 'mnpstaff',
  /** directory signing seed: 1 = intake signing seed, 2 = backup signing seed */
  directory: 'mnpdirec',
  /** index key: 1 = statistics key (seals counter increments until their batch) */
  statistics: 'mnpstats',
  /** audit checkpoint seed: 1 = audit chain key, 2 = integrity anchor MAC key */
  audit: 'mnpaudit',
} as const;

export type KdfContext = (typeof KDF_CONTEXT)[keyof typeof KDF_CONTEXT];

export function deriveSubkey(root: Uint8Array, context: KdfContext, id: number, length = 32): Buffer {
  requireLength(root, sodium.crypto_kdf_KEYBYTES, 'kdf root key');
  const out = Buffer.alloc(length);
  sodium.crypto_kdf_derive_from_key(out, id, Buffer.from(context, 'latin1'), root);
  return out;
}
