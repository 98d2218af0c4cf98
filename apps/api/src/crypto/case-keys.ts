/**
 * The two keys of a case. The case key encrypts the request, its files and
 * everything staff write; it is sealed to staff and escrow only. The thread
 * key encrypts the conversation with the defender; it is also wrapped for
 * each receipt. Their key ids (`key.id`) go into every ciphertext.
 */
import { generateKey, SecretKey } from './secret-key.js';

export type CaseKey = SecretKey<'case'>;
export type ThreadKey = SecretKey<'thread'>;
export type CaseKeyKind = 'case' | 'thread';

export function generateCaseKey(): CaseKey {
  return generateKey('case');
}

export function generateThreadKey(): ThreadKey {
  return generateKey('thread');
}

/** Both keys of a new case (and of a case being re-keyed after a revocation for cause). */
export function generateCaseKeys(): { caseKey: CaseKey; threadKey: ThreadKey } {
  return { caseKey: generateCaseKey(), threadKey: generateThreadKey() };
}
