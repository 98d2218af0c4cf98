import { LARGEST_PIECE_BYTES, nextPieceSize } from './piece-size';

const START = 512 * 1024;
const fast = (bytes: number) => ({ sent: true as const, bytes, ms: 300 });

describe('the size of the next upload piece', () => {
  test('starts from the server’s suggestion and doubles while full pieces go fast, up to the largest piece', () => {
    let size = START;
    const seen: number[] = [];
    for (let i = 0; i < 10; i++) {
      size = nextPieceSize(size, START, fast(size));
      seen.push(size);
    }
    expect(seen.slice(0, 3)).toEqual([2 * START, 4 * START, 8 * START]);
    expect(size).toBe(LARGEST_PIECE_BYTES);
    expect(seen.every((s) => s % START === 0 && s <= LARGEST_PIECE_BYTES)).toBe(true);
  });

  test('a 2G line keeps the suggestion: a piece that takes seconds does not grow, a slow one never goes below it', () => {
    expect(nextPieceSize(START, START, { sent: true, bytes: START, ms: 5_000 })).toBe(START);
    expect(nextPieceSize(START, START, { sent: true, bytes: START, ms: 60_000 })).toBe(START);
    expect(nextPieceSize(START, START, { sent: false })).toBe(START);
  });

  test('a cut or a slow piece halves a grown size', () => {
    expect(nextPieceSize(8 * START, START, { sent: false })).toBe(4 * START);
    expect(nextPieceSize(8 * START, START, { sent: true, bytes: 8 * START, ms: 9_000 })).toBe(4 * START);
  });

  test('the short last piece of a file says nothing about the line', () => {
    expect(nextPieceSize(4 * START, START, fast(1000))).toBe(4 * START);
  });

  test('a suggestion larger than the largest piece is kept as it is', () => {
    const big = 2 * LARGEST_PIECE_BYTES;
    expect(nextPieceSize(big, big, fast(big))).toBe(big);
  });
});
