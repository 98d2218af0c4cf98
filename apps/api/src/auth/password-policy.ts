import type { Locale } from '@mnpddh/shared';
import { AppError } from '../common/app-error.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

const LIST: ReadonlySet<string> = new Set(COMMON_PASSWORDS.split('\n').filter((line) => line !== ''));

/** Runs of keys or digits people type when asked for something long. */
const SEQUENCES = [
  '01234567890123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
  'qwertzuiopasdfghjklyxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
];

/**
 * True for a passphrase that guessing would find early: on the list once
 * lower-cased and stripped of spaces and of leading/trailing digits and
 * symbols; a keyboard or number run; a few characters repeated; or a listed
 * word repeated. Length (12+) is checked by the shared schema.
 */
export function isGuessablePassphrase(passphrase: string): boolean {
  const text = passphrase.normalize('NFKC').toLowerCase().trim();
  const compact = text.replace(/\s+/g, '');
  const core = compact.replace(/^[\p{N}\p{P}\p{S}]+|[\p{N}\p{P}\p{S}]+$/gu, '');
  if ([text, compact, core].some((candidate) => LIST.has(candidate))) return true;
  if (new Set(compact).size <= 3) return true;
  if (SEQUENCES.some((run) => isRunOf(run, compact))) return true;
  return isRepeatedWord(core);
}

function isRunOf(run: string, text: string): boolean {
  const reversed = [...run].reverse().join('');
  return (run + run).includes(text) || (reversed + reversed).includes(text);
}

/** "passwordpassword", "bamakobamako", "abcabcabcabc". */
function isRepeatedWord(text: string): boolean {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size !== 0) continue;
    const word = text.slice(0, size);
    if (word.repeat(text.length / size) === text && (size <= 4 || LIST.has(word))) return true;
  }
  return false;
}

const MESSAGES: Record<Locale, string> = {
  fr: 'Ce mot de passe est trop courant ou trop facile à deviner. Choisissez une phrase de passe longue et personnelle.',
  en: 'This password is too common or too easy to guess. Choose a long, personal passphrase.',
};

/** 400 VALIDATION_FAILED on `field` when the passphrase is guessable. */
export function assertStrongPassphrase(passphrase: string, field: string, locale: Locale): void {
  if (isGuessablePassphrase(passphrase)) throw new AppError('VALIDATION_FAILED', [{ field, message: MESSAGES[locale] }]);
}
