import { isDatabaseUnavailable } from './database-unavailable.js';

describe('isDatabaseUnavailable', () => {
  it.each([
    ['Prisma P1001', { code: 'P1001', message: "Can't reach database server at 127.0.0.1:5432" }],
    ['driver adapter cause', { code: 'P2010', meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable' } } } }],
    ['admin shutdown', { code: '57P01', message: 'terminating connection due to administrator command' }],
    ['refused socket under a cause', new Error('query failed', { cause: { code: 'ECONNREFUSED' } })],
    ['pg pool', new Error('Connection terminated unexpectedly')],
  ])('recognises %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', { code: 'P2002' }],
    ['a bug', new TypeError('x is undefined')],
    ['nothing', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('leaves %s alone', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
