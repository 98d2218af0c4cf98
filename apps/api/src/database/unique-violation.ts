/** True for PostgreSQL's unique_violation as Prisma reports it (P2002), whatever the adapter. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
