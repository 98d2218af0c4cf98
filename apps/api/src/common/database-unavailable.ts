/**
 * Whether an error means "the database cannot be reached right now" (down,
 * restarting, connection dropped) rather than a bug: the answer is then 503
 * with a retryable error, and the client tries again (fault suite).
 * Read from Prisma's error code, its driver-adapter cause, or the pg/socket
 * error underneath, following `cause` links.
 */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** PostgreSQL SQLSTATEs: admin/crash shutdown, cannot connect now, connection exceptions. */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const MESSAGES =
  /Connection terminated|unexpected postmaster exit|server closed the connection unexpectedly|Can't reach database server|Server has closed the connection|terminating connection due to administrator command|the database system is (?:starting up|shutting down|in recovery mode)/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const candidate = error as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  const code = typeof candidate.code === 'string' ? candidate.code : '';
  if (PRISMA_CODES.has(code) || SQLSTATES.has(code) || SOCKET_CODES.has(code)) return true;
  if (typeof candidate.kind === 'string' && ADAPTER_KINDS.has(candidate.kind)) return true;
  if (typeof candidate.message === 'string' && MESSAGES.test(candidate.message)) return true;
  return isDatabaseUnavailable(candidate.meta?.driverAdapterError, depth + 1) || isDatabaseUnavailable(candidate.cause, depth + 1);
}
