/**
 * A secret's fingerprint: what the database records so that it can tell, at
 * every start, whether it is being opened with the secrets it was made with.
 *
 *   fingerprint = base64url(BLAKE2b-256 keyed by the secret's 32 bytes,
 *                 over canonical(label, tenant, kind, version))
 *
 * A PRF of the secret (a commitment): the same secret always gives the same
 * fingerprint, another secret a different one, and nothing about the secret
 * can be learnt from it (256 random bits behind a keyed hash). It works for
 * any `kind.v<n>.<base64url 32 bytes>` secret, so a kind added later is
 * fingerprinted without change here.
 */
import { fromBase64Url, toBase64Url } from './bytes.js';
import { CryptoError } from './errors.js';
import { hashCanonical } from './hash.js';
import { memzero } from './sodium.js';

const LABEL = 'mnpddh/secret-fingerprint/v1';
const FORMAT = /^([a-z-]+)\.v([1-9][0-9]{0,8})\.([A-Za-z0-9_-]+)$/;

/** The fingerprint of a secret in its configuration form; BAD_SECRET names `name`, never the value. */
export function secretFingerprint(text: string, tenant: string, name: string): string {
  const match = FORMAT.exec(text.trim());
  if (match === null) throw new CryptoError('BAD_SECRET', `${name} is malformed (expected <kind>.v<n>.<base64url>)`);
  const [, kind, version, body] = match as unknown as [string, string, string, string];
  const key = fromBase64Url(body, name, 32);
  try {
    return toBase64Url(hashCanonical(LABEL, [tenant, kind, Number(version)], key));
  } finally {
    memzero(key);
  }
}
