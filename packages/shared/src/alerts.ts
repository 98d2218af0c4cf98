import { z } from 'zod';

/*
 * Alerts to the on-call rota (issue 5). An alert never carries anything about
 * a case — not its region, type or reference — outside the dashboard: the
 * e-mail and the webhook say only that something needs someone signed in.
 */

export const ALERT_KINDS = ['urgent_request', 'callback_request', 'overdue_case', 'overdue_measure', 'operational'] as const;
export const AlertKind = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof AlertKind>;

/** The only words an alert sends out (the dashboard link is added after them). */
export const ALERT_TEXT: Record<AlertKind, string> = {
  urgent_request: 'Nouvelle demande urgente — connectez-vous.',
  callback_request: 'Nouvelle demande de rappel — connectez-vous.',
  overdue_case: 'Un dossier a dépassé son délai — connectez-vous.',
  overdue_measure: 'Une mesure de protection a dépassé son échéance — connectez-vous.',
  operational: "Alerte d'exploitation — connectez-vous.",
};

/**
 * What an operational alert (issue 10) is about. Shown in the dashboard only:
 * the e-mail and the webhook carry the neutral sentence above, never which check failed.
 */
export const OPS_TOPICS = [
  'backup_missing',
  'backup_failed',
  'disk_full',
  'checkpoint_not_exported',
  'tls_expiring',
  'public_form_unreachable',
  'custodian_drill_due',
  'database_restarted',
  'integrity_incident',
] as const;
export const OpsTopic = z.enum(OPS_TOPICS);
export type OpsTopic = z.infer<typeof OpsTopic>;

/** An alert as its recipient sees it in the dashboard (signed in: the case may be linked). */
export const AlertView = z.strictObject({
  id: z.uuid(),
  kind: AlertKind,
  caseId: z.uuid().nullable(),
  /** Operational alerts only: which check failed. */
  topic: OpsTopic.nullable(),
  createdAt: z.iso.datetime(),
  /** How many people of the rota it has reached so far (1 = the first). */
  level: z.number().int().min(0),
  acknowledgedAt: z.iso.datetime().nullable(),
  acknowledgedByName: z.string().nullable(),
});
export type AlertView = z.infer<typeof AlertView>;

export const AlertList = z.strictObject({ items: z.array(AlertView) });
export type AlertList = z.infer<typeof AlertList>;

/** The on-call rota, in the order alerts escalate through it. */
export const RotaUpdate = z.strictObject({ staffIds: z.array(z.uuid()).max(50) });
export type RotaUpdate = z.infer<typeof RotaUpdate>;
