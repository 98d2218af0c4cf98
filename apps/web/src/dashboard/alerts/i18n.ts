import type { OpsTopic } from '@mnpddh/shared';
import { useLocale } from '../../i18n/i18n-context';
import type { LocaleCode } from '../../i18n/catalogues';

/** Strings of the alerts (French first). An alert names no case content: only its kind and when. */
export const alertsFr = {
  kinds: {
    urgent_request: 'Nouvelle demande urgente',
    callback_request: 'Nouvelle demande de rappel',
    overdue_case: 'Dossier en retard',
    overdue_measure: 'Mesure de protection en retard',
    operational: 'Alerte d’exploitation',
  },
  /** What an operational alert is about: shown here only, never in the e-mail or the text message. */
  topics: {
    backup_missing: 'Aucune sauvegarde récente',
    backup_failed: 'La dernière sauvegarde a échoué',
    disk_full: 'Disque presque plein',
    checkpoint_not_exported: 'Point de contrôle du journal non exporté',
    tls_expiring: 'Certificat TLS bientôt expiré',
    public_form_unreachable: 'Formulaire public injoignable',
    custodian_drill_due: 'Vérification trimestrielle des dépositaires à faire',
    database_restarted: 'La base de données s’est arrêtée et a été redémarrée',
    integrity_incident: 'Incident d’intégrité : la base de données est en retard sur son ancre',
  } satisfies Record<OpsTopic, string>,
  received: 'Reçue {when}',
  escalated: 'Transmise à la personne suivante de la garde',
  acknowledge: 'Accuser réception',
  acknowledging: 'Un instant…',
  acknowledged: 'Réception confirmée.',
  openCase: 'Ouvrir le dossier',
  none: 'Aucune alerte à confirmer.',
  loading: 'Chargement des alertes…',
  unavailable: 'Les alertes ne peuvent pas être chargées pour l’instant.',
  retry: 'Réessayer',
};

export type AlertsCatalogue = typeof alertsFr;

export const alertsEn: AlertsCatalogue = {
  kinds: {
    urgent_request: 'New urgent request',
    callback_request: 'New call-back request',
    overdue_case: 'Overdue case',
    overdue_measure: 'Overdue protection measure',
    operational: 'Operations alert',
  },
  topics: {
    backup_missing: 'No recent backup',
    backup_failed: 'The last backup failed',
    disk_full: 'Disk nearly full',
    checkpoint_not_exported: 'Audit checkpoint not exported',
    tls_expiring: 'TLS certificate expiring soon',
    public_form_unreachable: 'Public form unreachable',
    custodian_drill_due: 'Quarterly custodian check due',
    database_restarted: 'The database stopped and was restarted',
    integrity_incident: 'Integrity incident: the database is behind its anchor',
  },
  received: 'Received {when}',
  escalated: 'Passed on to the next person on call',
  acknowledge: 'Acknowledge',
  acknowledging: 'One moment…',
  acknowledged: 'Acknowledged.',
  openCase: 'Open the case',
  none: 'No alert to acknowledge.',
  loading: 'Loading alerts…',
  unavailable: 'Alerts cannot be loaded right now.',
  retry: 'Try again',
};

const catalogues: Record<LocaleCode, AlertsCatalogue> = { fr: alertsFr, en: alertsEn };

export function useAlertsT(): AlertsCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}
