import { rowIdentity, VerifiedMemo } from './verified-memo.js';

const row = {
  id: 'c1',
  status: 'received',
  urgent: true,
  assignedTo: null as string | null,
  receivedAt: new Date('2026-12-05T10:00:00Z'),
  revision: 3,
  indexMac: 'mac',
};

describe('the memo of verified rows', () => {
  it('remembers a pass only for the very row that passed', () => {
    const memo = new VerifiedMemo();
    memo.remember(row.id, rowIdentity(row));
    expect(memo.has(row.id, rowIdentity({ ...row }))).toBe(true);
    for (const changed of [
      { ...row, status: 'closed' },
      { ...row, urgent: false },
      { ...row, assignedTo: 'n' },
      { ...row, assignedTo: 's' },
      { ...row, receivedAt: new Date(row.receivedAt.getTime() + 1) },
      { ...row, revision: 2 },
      { ...row, indexMac: 'other' },
      // A value borrowing its neighbour's text does not make the same string.
      { ...row, status: 'receivedurgent=booleantrue', urgent: false },
    ]) {
      expect(memo.has(row.id, rowIdentity(changed))).toBe(false);
    }
    expect(memo.has('c2', rowIdentity(row))).toBe(false);
  });
});
