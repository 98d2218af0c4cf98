import { z } from 'zod';

/** Every security-relevant event the audit log records (SECURITY.md). Never case content. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.activated',
  'auth.password_changed',
  'auth.recovery_code_used',
  'staff.invited',
  'staff.updated',
  'staff.deactivated',
  'staff.sessions_ended',
  'staff.second_factor_reset',
  'staff.password_reset',
  'staff.key_created',
  'escrow.created',
  'case.created',
  'case.decrypted',
  'case.granted',
  'case.grants_revoked',
  'case.status_changed',
  'case.updated',
  'case.assigned',
  'case.file_downloaded',
  'case.message_sent',
  'alert.raised',
  'alert.acknowledged',
  'staff.rota_updated',
  'reference.updated',
  'case.integrity_failed',
  'receipt.opened',
  'export.created',
  'custodian.action',
  'audit.checkpoint',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;
