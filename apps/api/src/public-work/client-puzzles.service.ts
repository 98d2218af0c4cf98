import { Injectable } from '@nestjs/common';
import type { PuzzleChallenge } from '@mnpddh/shared';
import { checkPuzzleSolution, issuePuzzle, PuzzleKey } from '../crypto/index.js';
import { PublicWork } from './public-work.js';
import { isPaidFor, puzzleDifficulty } from './puzzle-difficulty.js';
import { SpentPuzzles } from './spent-puzzles.js';

/** Long enough to solve on a slow phone and send over Tor; short enough that hoarded puzzles go stale. */
const PUZZLE_SECONDS = 120;

/**
 * Prices anonymous attempts instead of refusing them: the puzzle's difficulty
 * follows the public work pool's line (zero when calm), and a solution is
 * checked cheaply (one HMAC, one SHA-256) and only once.
 */
@Injectable()
export class ClientPuzzles {
  readonly #key = new PuzzleKey();
  readonly #spent = new SpentPuzzles();

  constructor(private readonly work: PublicWork) {}

  current(now = new Date()): PuzzleChallenge {
    const difficulty = this.difficulty();
    if (difficulty === 0) return { challenge: null, difficulty };
    return { challenge: issuePuzzle(this.#key, difficulty, new Date(now.getTime() + PUZZLE_SECONDS * 1000)), difficulty };
  }

  /** Whether the Puzzle-Solution header pays for a place ahead of unpriced attempts (and spends it). */
  redeem(solution: string | undefined, now = new Date()): boolean {
    if (!solution) return false;
    const solved = checkPuzzleSolution(this.#key, solution, now);
    if (!solved || !isPaidFor(solved.difficulty, this.difficulty())) return false;
    return this.#spent.spend(solved.id, solved.expiresAt, now);
  }

  private difficulty(): number {
    return puzzleDifficulty(this.work.anonymousWaiting);
  }
}
