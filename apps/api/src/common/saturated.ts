/**
 * Whether an error means "too busy right now" rather than a bug: no pool
 * connection within its timeout, an interactive transaction that could not
 * start or outlived its timeout while waiting on locks, a lock or statement
 * timeout, a serialisation conflict. Nothing was written (the transaction
 * rolled back), so the answer is 503 with Retry-After, never 500.
 */
const TRANSACTION_MANAGER = 'P2028';
const TRANSACTION_EXPIRED = /Unable to start a transaction in the given time|cannot be executed on an expired transaction/;
/** Prisma: write conflict or deadlock, please retry. */
const PRISMA_CODES = new Set(['P2034']);
/** PostgreSQL: serialization failure, deadlock, lock not available, query cancelled (timeout), too many connections. */
const SQLSTATES = new Set(['40001', '40P01', '55P03', '57014', '53300']);
/** Prisma's pg adapter names some of them (the others keep the SQLSTATE as `originalCode`). */
const ADAPTER_KINDS = new Set(['TransactionWriteConflict', 'TooManyConnections']);
/** node-postgres's pool, when no connection frees up within connectionTimeoutMillis. */
const POOL_TIMEOUT = /timeout exceeded when trying to connect|Connection terminated due to connection timeout/;

export function isSaturated(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const candidate = error as {
    code?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  const code = typeof candidate.code === 'string' ? candidate.code : '';
  const message = typeof candidate.message === 'string' ? candidate.message : '';
  if (code === TRANSACTION_MANAGER && TRANSACTION_EXPIRED.test(message)) return true;
  if (PRISMA_CODES.has(code) || SQLSTATES.has(code)) return true;
  if (typeof candidate.kind === 'string' && ADAPTER_KINDS.has(candidate.kind)) return true;
  if (typeof candidate.originalCode === 'string' && SQLSTATES.has(candidate.originalCode)) return true;
  if (POOL_TIMEOUT.test(message)) return true;
  return isSaturated(candidate.meta?.driverAdapterError, depth + 1) || isSaturated(candidate.cause, depth + 1);
}
