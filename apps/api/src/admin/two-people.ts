/** Who asked for, or confirmed, an act two people make. */
export interface Person {
  readonly id: string;
  readonly name: string;
}

/** Roles whose loss two people must decide: the admin, the custodians who hold the escrow, the auditor who oversees. */
export function needsTwoPeople(roles: readonly string[]): boolean {
  return roles.some((role) => role === 'admin' || role === 'custodian' || role === 'auditor');
}

/** Both names in the one audit entry of an act two people made. */
export function twoNames(requestedBy: Person | undefined, confirmedBy: Person): Record<string, string> {
  return requestedBy ? { requestedBy: requestedBy.id, requestedByName: requestedBy.name, confirmedBy: confirmedBy.id, confirmedByName: confirmedBy.name } : {};
}
