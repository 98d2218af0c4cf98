/**
 * What the pages served without JavaScript need to carry a form across
 * several posts: a key that lives only in this process's memory (never
 * stored, gone at restart), under which
 * - an unfinished request travels inside the page's hidden field, sealed and
 *   dated (nothing kept on the server, nothing readable on the device);
 * - a form token is bound to the visitor's form cookie (CSRF: another site
 *   can make the browser post, but cannot read the token from our page).
 */
import { constantTimeEqual, fromUtf8, toBase64Url, utf8 } from './bytes.js';
import { decrypt, encrypt } from './aead.js';
import { encodeCiphertext, parseCiphertext } from './ciphertext.js';
import { CryptoError } from './errors.js';
import { hashCanonical } from './hash.js';
import { SecretKey } from './secret-key.js';
import { randomBytes } from './sodium.js';

const DRAFT_LABEL = 'mnpddh/plain-form-draft/v1';
const TOKEN_LABEL = 'mnpddh/plain-form-token/v1';

export class PlainFormKey {
  readonly #key = new SecretKey('form', randomBytes(32));
  /** A second secret for the form tokens: one key, one job. */
  readonly #macKey = randomBytes(32);

  /** `text` sealed for `purpose` (one form), readable here until `expiresAt` (ms since the epoch). */
  sealDraft(text: string, purpose: string, expiresAt: number): string {
    const sealed = encrypt(this.#key, utf8(text, 'form draft'), [DRAFT_LABEL, purpose, String(expiresAt)]);
    return `${expiresAt}.${encodeCiphertext(sealed)}`;
  }

  /** The sealed text, or a CryptoError when tampered with, made for another form, by another process, or expired. */
  openDraft(token: string, purpose: string, now: number): string {
    const [expiry, body] = token.split('.');
    const expiresAt = Number(expiry);
    if (!body || !Number.isSafeInteger(expiresAt)) throw new CryptoError('INVALID_INPUT', 'malformed form draft');
    if (expiresAt <= now) throw new CryptoError('INVALID_INPUT', 'form draft expired');
    const sealed = parseCiphertext(body);
    return fromUtf8(decrypt(this.#key, sealed, [DRAFT_LABEL, purpose, String(expiresAt)]), 'form draft');
  }

  /** A fresh random value for the form cookie. */
  newCookie(): string {
    return toBase64Url(randomBytes(32));
  }

  /** A form's one-time key: a repeated post of the same form (back button, second click) carries the same one. */
  newOnce(): string {
    return toBase64Url(randomBytes(24));
  }

  /** The token a page puts in its forms for the visitor holding `cookie`. */
  tokenFor(cookie: string): string {
    return toBase64Url(hashCanonical(TOKEN_LABEL, [utf8(cookie, 'form cookie')], this.#macKey));
  }

  /** Constant time; false for any malformed input. */
  checkToken(cookie: string | undefined, token: string | undefined): boolean {
    if (!cookie || !token || cookie.length > 100 || token.length > 100) return false;
    return constantTimeEqual(utf8(this.tokenFor(cookie), 'token'), utf8(token, 'token'));
  }
}
