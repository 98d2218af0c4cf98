import { isSaturated } from './saturated.js';

describe('isSaturated', () => {
  it.each([
    [
      'an expired interactive transaction',
      { code: 'P2028', message: 'Transaction API error: A query cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms' },
    ],
    ['a transaction that could not start', { code: 'P2028', message: 'Transaction API error: Unable to start a transaction in the given time.' }],
    ['a pool with no free connection', new Error('query failed', { cause: new Error('timeout exceeded when trying to connect') })],
    [
      'a deadlock through the adapter',
      { code: 'P2010', meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'TransactionWriteConflict' } } } },
    ],
    ['a lock timeout through the adapter', { code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'postgres', originalCode: '55P03' } } } }],
    ['a statement timeout', { code: '57014', message: 'canceling statement due to statement timeout' }],
  ])('recognises %s', (_name, error) => {
    expect(isSaturated(error)).toBe(true);
  });

  it.each([
    [
      'a transaction used after commit (a bug)',
      { code: 'P2028', message: 'Transaction API error: Transaction already closed: A query cannot be executed on a committed transaction.' },
    ],
    ['a unique violation', { code: 'P2002' }],
    ['a bug', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('leaves %s alone', (_name, error) => {
    expect(isSaturated(error)).toBe(false);
  });
});
