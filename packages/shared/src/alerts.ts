import { z } from 'zod';
import { formatMessage } from './i18n/format-message.js';
import { staffFr } from './i18n/staff-fr.js';

/*
 * Alerts to the on-call rota. An alert never carries anything about
 * a case — not its region, type or reference — outside the dashboard: the
 * e-mail and the webhook say only that something needs someone signed in.
 */

export const ALERT_KINDS = ['urgent_request', 'callback_request', 'overdue_case', 'overdue_measure', 'operational'] as const;
export const AlertKind = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof AlertKind>;

/**
 * The only words an alert sends out (the dashboard link is added after them),
 * from the staff catalogue; `count` alerts of the kind wait (a burst pages
 * once). In French, the mechanism's working language: the rota has no
 * language of its own yet (English waits in locales/en.po).
 */
export function alertSentence(kind: AlertKind, count = 1): string {
  return formatMessage(staffFr.alerts.kinds[kind], { count }, 'fr');
}

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
