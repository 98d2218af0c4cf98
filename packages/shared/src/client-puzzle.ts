import { z } from 'zod';

/**
 * The client puzzle that prices anonymous attempts when the portal is busy
 * (hashcash-like): find a nonce such that SHA-256 of `${challenge}.${nonce}`
 * starts with `difficulty` zero bits, and send `${challenge}.${nonce}` in the
 * Puzzle-Solution header. Difficulty 0 (calm): nothing to solve. A client
 * that does not solve it (no JavaScript) is still served, after those who did.
 */
export const PUZZLE_SOLUTION_HEADER = 'Puzzle-Solution';

export const PuzzleChallenge = z.object({
  /** null when calm */
  challenge: z.string().max(200).nullable(),
  difficulty: z.number().int().min(0).max(32),
});
export type PuzzleChallenge = z.infer<typeof PuzzleChallenge>;

/** What is hashed: the challenge, a dot, the nonce in decimal. */
export function puzzleInput(challenge: string, nonce: number): string {
  return `${challenge}.${nonce}`;
}

/** Zero bits at the start of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}
