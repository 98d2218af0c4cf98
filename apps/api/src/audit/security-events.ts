/**
 * Where the checkpoint scheduler hears that a security-relevant event was
 * anchored. The integrity anchor provides it (IntegrityModule): integrity
 * builds on the audit log, so the audit log names only this contract.
 */
export const SECURITY_EVENTS = Symbol('SECURITY_EVENTS');

export interface SecurityEvents {
  whenSecurityEvent(listener: () => Promise<unknown>): void;
}
