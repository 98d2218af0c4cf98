/**
 * Client puzzles: challenges the server can recognise as its own without
 * storing them (an HMAC under a key that lives in memory only and dies with
 * the process: a puzzle is worth two minutes, not a restart), and solutions
 * checked with one HMAC and one SHA-256. node:crypto, not libsodium: the
 * browser side has SHA-256 in WebCrypto.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { leadingZeroBits, puzzleInput } from '@mnpddh/shared';

const VERSION = 'p1';
const TAG_BYTES = 16;

export class PuzzleKey {
  readonly #bytes = randomBytes(32);

  /** @internal */
  tag(text: string): Buffer {
    return createHmac('sha256', this.#bytes).update(text, 'utf8').digest().subarray(0, TAG_BYTES);
  }
}

export interface SolvedPuzzle {
  /** unique per challenge: what single use is checked on */
  readonly id: string;
  readonly difficulty: number;
  readonly expiresAt: Date;
}

/** `p1.<difficulty>.<expiry in Unix seconds>.<random id>.<tag>` */
export function issuePuzzle(key: PuzzleKey, difficulty: number, expiresAt: Date): string {
  const body = `${VERSION}.${difficulty}.${Math.floor(expiresAt.getTime() / 1000)}.${randomBytes(12).toString('base64url')}`;
  return `${body}.${key.tag(body).toString('base64url')}`;
}

/** The puzzle a `challenge.nonce` solves, or null: not ours, expired, malformed, or not enough zero bits. */
export function checkPuzzleSolution(key: PuzzleKey, solution: string, now: Date): SolvedPuzzle | null {
  const match = /^(p1\.(\d{1,2})\.(\d{1,12})\.([A-Za-z0-9_-]{16}))\.([A-Za-z0-9_-]{22})\.(\d{1,16})$/.exec(solution);
  if (!match) return null;
  const [, body, difficultyText, expiryText, id, tagText, nonceText] = match as unknown as [string, string, string, string, string, string, string];
  const presented = Buffer.from(tagText, 'base64url');
  const expected = key.tag(body);
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return null;
  const expiresAt = new Date(Number(expiryText) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return null;
  const difficulty = Number(difficultyText);
  const digest = createHash('sha256')
    .update(puzzleInput(`${body}.${tagText}`, Number(nonceText)), 'utf8')
    .digest();
  if (leadingZeroBits(digest) < difficulty) return null;
  return { id, difficulty, expiresAt };
}
