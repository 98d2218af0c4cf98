import { CryptoError } from './errors.js';

/** For specs: the CryptoError code a call throws, or NO_ERROR (any other error is rethrown). */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
  return 'NO_ERROR';
}
