import { z } from 'zod';

/*
 * Alerts to the on-call rota. An alert never carries anything about
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

/** The same, for a page that stands for several alerts of one kind (a burst pages once, with the count). */
export const ALERT_COUNT_TEXT: Record<AlertKind, string> = {
  urgent_request: '{count} nouvelles demandes urgentes — connectez-vous.',
  callback_request: '{count} nouvelles demandes de rappel — connectez-vous.',
  overdue_case: '{count} dossiers ont dépassé leur délai — connectez-vous.',
  overdue_measure: '{count} mesures de protection ont dépassé leur échéance — connectez-vous.',
  operational: "{count} alertes d'exploitation — connectez-vous.",
};

/**
 * What an operational alert is about. Shown in the dashboard only:
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
  /** a request was accepted with nobody in the triage team: only the escrow holds it */
  'case_held_by_escrow_only',
  'integrity_incident',
] as const;
export const OpsTopic = z.enum(OPS_TOPICS);
export type OpsTopic = z.infer<typeof OpsTopic>;

/** An alert as its recipient sees it in the dashboard (signed in: the case may be linked). */
export const AlertView = z.strictObject({
  id: z.uuid(),
  kind: AlertKind,
  caseId: z.uuid().nullable(),
  /** The case's reference (random, says nothing): several urgent alerts can be told apart. */
  reference: z.string().nullable(),
  /** Operational alerts only: which check failed. */
  topic: OpsTopic.nullable(),
  createdAt: z.iso.datetime(),
  /** How many people of the rota it has reached so far (1 = the first). */
  level: z.number().int().min(0),
  acknowledgedAt: z.iso.datetime().nullable(),
  acknowledgedByName: z.string().nullable(),
  /** A supervisor marked it as part of a flood of junk requests. */
  junk: z.boolean(),
});
export type AlertView = z.infer<typeof AlertView>;

/** Request alerts (urgent or call-back) a supervisor marks as junk in one action: acknowledged, and left out of the statistics. */
export const JunkBurst = z.strictObject({ alertIds: z.array(z.uuid()).min(1).max(200) });
export type JunkBurst = z.infer<typeof JunkBurst>;

export const JunkBurstResult = z.strictObject({ marked: z.number().int().min(0) });
export type JunkBurstResult = z.infer<typeof JunkBurstResult>;

/** Kinds a junk burst may hold: those a stranger can cause by submitting. */
export const JUNK_ALERT_KINDS = ['urgent_request', 'callback_request'] as const satisfies readonly AlertKind[];

export const AlertList = z.strictObject({ items: z.array(AlertView) });
export type AlertList = z.infer<typeof AlertList>;

/** The on-call rota, in the order alerts escalate through it. */
export const RotaUpdate = z.strictObject({ staffIds: z.array(z.uuid()).max(50) });
export type RotaUpdate = z.infer<typeof RotaUpdate>;
