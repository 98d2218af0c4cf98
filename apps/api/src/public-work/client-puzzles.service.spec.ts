import { createHash } from 'node:crypto';
import { leadingZeroBits, puzzleInput } from '@mnpddh/shared';
import { ClientPuzzles } from './client-puzzles.service.js';
import { PublicWork } from './public-work.js';
import { isPaidFor, MAX_PUZZLE_DIFFICULTY, puzzleDifficulty } from './puzzle-difficulty.js';
import { SpentPuzzles } from './spent-puzzles.js';

function solve(challenge: string, difficulty: number): string {
  for (let nonce = 0; ; nonce++) {
    if (leadingZeroBits(createHash('sha256').update(puzzleInput(challenge, nonce)).digest()) >= difficulty) return puzzleInput(challenge, nonce);
  }
}

/** Fills the public pool's two slots and puts `waiting` attempts in line behind them. */
function busyPool(waiting: number): { work: PublicWork; release: () => Promise<void> } {
  const work = new PublicWork();
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const runs = Array.from({ length: 2 + waiting }, () => work.run('intake', () => gate).catch(() => undefined));
  return { work, release: async () => void (open(), await Promise.all(runs)) };
}

describe('puzzle difficulty', () => {
  it('is zero when calm and rises with the line, up to a ceiling', () => {
    expect(puzzleDifficulty(0)).toBe(0);
    expect(puzzleDifficulty(1)).toBe(12);
    expect(puzzleDifficulty(7)).toBe(16);
    expect(puzzleDifficulty(10_000)).toBe(MAX_PUZZLE_DIFFICULTY);
  });

  it('pays for a place when solved at about the current difficulty, never at zero', () => {
    expect(isPaidFor(12, 12)).toBe(true);
    expect(isPaidFor(12, 14)).toBe(true);
    expect(isPaidFor(12, 16)).toBe(false);
    expect(isPaidFor(0, 0)).toBe(false);
  });
});

describe('ClientPuzzles', () => {
  it('asks nothing when calm', () => {
    const sut = new ClientPuzzles(new PublicWork());
    expect(sut.current()).toEqual({ challenge: null, difficulty: 0 });
    expect(sut.redeem(undefined)).toBe(false);
  });

  it('under load, a solution buys one place ahead, once', async () => {
    const { work, release } = busyPool(3);
    const sut = new ClientPuzzles(work);
    const { challenge, difficulty } = sut.current();
    expect(difficulty).toBe(14);
    const solution = solve(challenge as string, difficulty);
    expect(sut.redeem(solution)).toBe(true);
    expect(sut.redeem(solution)).toBe(false);
    // Another process's puzzle (another key) buys nothing here.
    const other = new ClientPuzzles(work).current();
    expect(sut.redeem(solve(other.challenge as string, other.difficulty))).toBe(false);
    await release();
  });
});

describe('SpentPuzzles', () => {
  it('spends an id once, forgets expired ids when full, and refuses when full of live ones', () => {
    const now = new Date('2026-12-05T10:00:00Z');
    const later = new Date(now.getTime() + 60_000);
    const sut = new SpentPuzzles(2);
    expect(sut.spend('a', later, now)).toBe(true);
    expect(sut.spend('a', later, now)).toBe(false);
    expect(sut.spend('b', now, now)).toBe(true);
    expect(sut.spend('c', later, now)).toBe(true); // 'b' had expired and made room
    expect(sut.spend('d', later, now)).toBe(false);
    expect(sut.size).toBe(2);
  });
});
