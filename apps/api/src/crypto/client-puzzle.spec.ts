import { createHash } from 'node:crypto';
import { leadingZeroBits, puzzleInput } from '@mnpddh/shared';
import { checkPuzzleSolution, issuePuzzle, PuzzleKey } from './client-puzzle.js';

const now = new Date('2026-12-05T10:00:00Z');
const inTwoMinutes = new Date(now.getTime() + 120_000);

function solve(challenge: string, difficulty: number): string {
  for (let nonce = 0; ; nonce++) {
    if (leadingZeroBits(createHash('sha256').update(puzzleInput(challenge, nonce)).digest()) >= difficulty) return puzzleInput(challenge, nonce);
  }
}

/** A nonce that does not reach the difficulty. */
function miss(challenge: string, difficulty: number): string {
  for (let nonce = 0; ; nonce++) {
    if (leadingZeroBits(createHash('sha256').update(puzzleInput(challenge, nonce)).digest()) < difficulty) return puzzleInput(challenge, nonce);
  }
}

describe('client puzzles', () => {
  const key = new PuzzleKey();

  it('accepts a solution of its own puzzle, with the difficulty it asked for', () => {
    const challenge = issuePuzzle(key, 10, inTwoMinutes);
    const solved = checkPuzzleSolution(key, solve(challenge, 10), now);
    expect(solved).toMatchObject({ difficulty: 10, expiresAt: new Date(Math.floor(inTwoMinutes.getTime() / 1000) * 1000) });
    expect(solved?.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('refuses too few zero bits, an expired puzzle, another key, a raised difficulty and malformed input', () => {
    const challenge = issuePuzzle(key, 10, inTwoMinutes);
    expect(checkPuzzleSolution(key, miss(challenge, 10), now)).toBeNull();
    expect(checkPuzzleSolution(key, solve(challenge, 10), inTwoMinutes)).toBeNull();
    expect(checkPuzzleSolution(new PuzzleKey(), solve(challenge, 10), now)).toBeNull();
    // Claiming a lower difficulty than issued breaks the tag.
    const lowered = challenge.replace(/^p1\.10\./, 'p1.1.');
    expect(checkPuzzleSolution(key, solve(lowered, 1), now)).toBeNull();
    for (const junk of ['', 'x', `${challenge}.`, `${challenge}.-1`, `${challenge}.1.2`, 'p1.10.1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.1']) {
      expect(checkPuzzleSolution(key, junk, now)).toBeNull();
    }
  });

  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Uint8Array.from([0, 0, 0x80]))).toBe(16);
    expect(leadingZeroBits(Uint8Array.from([0, 0x01]))).toBe(15);
    expect(leadingZeroBits(Uint8Array.from([0xff]))).toBe(0);
    expect(leadingZeroBits(Uint8Array.from([0, 0]))).toBe(16);
  });
});
