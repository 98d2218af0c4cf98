import fc from 'fast-check';
import { disclosures, suppress, type Equation } from './statistics-suppression.js';

/** A row of cells and its total (the last cell), as a 1-D table lays them out. */
function row(counts: number[]): { counts: number[]; equations: Equation[] } {
  const total = counts.reduce((a, b) => a + b, 0);
  return { counts: [...counts, total], equations: [{ members: [...counts.keys(), counts.length], externalTotal: false }] };
}

describe('suppress', () => {
  it('hides 0 < count < k, shows zeros and counts of k or more', () => {
    const input = { counts: [0, 1, 4, 5, 9], equations: [], k: 5 };
    expect(suppress(input)).toEqual([null, 'below_k', 'below_k', null, null]);
  });

  it('hides the next smallest non-zero cell when one cell alone would be recomputed from the total', () => {
    const input = { ...row([3, 0, 12, 7, 20]), k: 5 };
    const reasons = suppress(input);
    expect(reasons).toEqual(['below_k', null, null, 'complementary', null, null]);
    expect(disclosures(input, reasons)).toEqual([]);
  });

  it('needs no complement when two cells are already hidden, and shows the total', () => {
    const input = { ...row([3, 4, 12]), k: 5 };
    expect(suppress(input)).toEqual(['below_k', 'below_k', null, null]);
  });

  it('hides a total below k', () => {
    const input = { ...row([2, 0, 0]), k: 5 };
    expect(suppress(input)).toEqual(['below_k', null, null, 'below_k']);
  });

  it('protects rows and columns of a crossed table, iterating until stable', () => {
    // 2 × 3 table, rows and columns published elsewhere (external totals).
    const counts = [2, 10, 6, 8, 9, 30];
    const equations: Equation[] = [
      { members: [0, 1, 2], externalTotal: true },
      { members: [3, 4, 5], externalTotal: true },
      { members: [0, 3], externalTotal: true },
      { members: [1, 4], externalTotal: true },
      { members: [2, 5], externalTotal: true },
    ];
    const input = { counts, equations, k: 5 };
    const reasons = suppress(input);
    expect(reasons[0]).toBe('below_k');
    expect(reasons.filter((r) => r === 'complementary').length).toBeGreaterThanOrEqual(3);
    expect(disclosures(input, reasons)).toEqual([]);
  });

  it('takes k from the cases behind a cell when the cell counts people', () => {
    const input = { counts: [6, 12, 18], contributors: [1, 5, 6], equations: [{ members: [0, 1, 2], externalTotal: true }], k: 5 };
    expect(suppress(input)).toEqual(['below_k', 'complementary', null]);
  });

  it('never hides a cell that a published sum shows alone', () => {
    const input = {
      counts: [3, 6, 8],
      equations: [
        { members: [0, 1, 2], externalTotal: true },
        { members: [1], externalTotal: true },
      ],
      k: 5,
    };
    expect(suppress(input)).toEqual(['below_k', null, 'complementary']);
  });

  it('the checker catches a lone hidden cell and a small count shown', () => {
    const input = { ...row([3, 7, 12]), k: 5 };
    expect(disclosures(input, ['below_k', null, null, null])).toEqual([0]);
    expect(disclosures(input, [null, null, null, null])).toEqual([-1]);
  });

  it('leaves no suppressed cell recomputable in any generated 1-D or 2-D table linked to its margins', () => {
    const table = fc.record({
      rows: fc.integer({ min: 1, max: 6 }),
      columns: fc.integer({ min: 1, max: 6 }),
      k: fc.integer({ min: 3, max: 10 }),
      seed: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 40 })), { minLength: 36, maxLength: 36 }),
    });
    const range = (n: number) => [...Array(n).keys()];
    /** A 1-D table: cells then their total. */
    const oneDimension = (counts: number[], k: number) => {
      const input = { counts: [...counts, counts.reduce((a, b) => a + b, 0)], equations: [{ members: range(counts.length + 1), externalTotal: false }], k };
      const reasons = suppress(input);
      expect(disclosures(input, reasons)).toEqual([]);
      return input.counts.map((count, i) => ({ count, reason: reasons[i] ?? null }));
    };
    fc.assert(
      fc.property(table, ({ rows, columns, k, seed }) => {
        const counts = seed.slice(0, rows * columns);
        const cell = (r: number, c: number) => r * columns + c;
        const rowMargins = oneDimension(
          range(rows).map((r) => range(columns).reduce((sum, c) => sum + (counts[cell(r, c)] ?? 0), 0)),
          k,
        );
        const columnMargins = oneDimension(
          range(columns).map((c) => range(rows).reduce((sum, r) => sum + (counts[cell(r, c)] ?? 0), 0)),
          k,
        );
        // Cells, then the grand total (the 1-D tables' total), then the row and column margins as those tables decided them.
        const all = [...counts, ...rowMargins.slice(-1), ...rowMargins.slice(0, -1), ...columnMargins.slice(0, -1)].map((m) =>
          typeof m === 'number' ? m : m.count,
        );
        const grand = counts.length;
        const rowAt = (r: number) => grand + 1 + r;
        const columnAt = (c: number) => grand + 1 + rows + c;
        const fixed = new Map<number, 'below_k' | 'complementary' | null>([
          [grand, rowMargins.at(-1)?.reason ?? null],
          ...range(rows).map((r) => [rowAt(r), rowMargins[r]?.reason ?? null] as const),
          ...range(columns).map((c) => [columnAt(c), columnMargins[c]?.reason ?? null] as const),
        ]);
        const equations: Equation[] = [
          ...range(rows).map((r) => ({ members: [...range(columns).map((c) => cell(r, c)), rowAt(r)], externalTotal: false })),
          ...range(columns).map((c) => ({ members: [...range(rows).map((r) => cell(r, c)), columnAt(c)], externalTotal: false })),
          { members: [...range(grand), grand], externalTotal: false },
        ];
        const input = { counts: all, equations, k, fixed };
        const reasons = suppress(input);
        expect(disclosures(input, reasons)).toEqual([]);
        counts.forEach((n, i) => {
          if (n === 0) expect(reasons[i]).not.toBe('below_k');
        });
      }),
      { numRuns: 500 },
    );
  });
});
