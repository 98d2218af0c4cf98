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
    case_held_by_escrow_only:
      'Une demande reçue n’est lisible par personne de l’équipe (seule la clé de secours la détient) : nommez des superviseur(e)s ou une garde, puis deux dépositaires la leur donnent',
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
  burst: {
    title: '{count} nouvelles demandes en attente de réponse',
    lead: 'Si elles viennent d’une attaque (des dizaines de fausses demandes en quelques minutes), marquez-les ensemble comme indésirables : plus personne n’est alerté pour elles et elles ne comptent pas dans les statistiques. Accusez d’abord réception des vraies demandes : elles sortent de la liste.',
    confirm: 'J’ai vérifié : ces {count} demandes sont fausses.',
    confirmMissing: 'Cochez la case pour confirmer.',
    mark: 'Marquer ces {count} demandes comme indésirables',
    marking: 'Un instant…',
    marked: '{count} demandes marquées comme indésirables.',
  },
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
    case_held_by_escrow_only:
      'A request was received that nobody in the team can read (only the recovery key holds it): name supervisors or an on-call person, then two custodians give it to them',
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
  burst: {
    title: '{count} new requests waiting for an answer',
    lead: 'If they come from an attack (dozens of fake requests in a few minutes), mark them as junk together: nobody is alerted for them any more and they do not count in the statistics. Acknowledge the real requests first: they leave this list.',
    confirm: 'I checked: these {count} requests are fake.',
    confirmMissing: 'Tick the box to confirm.',
    mark: 'Mark these {count} requests as junk',
    marking: 'One moment…',
    marked: '{count} requests marked as junk.',
  },
};

const catalogues: Record<LocaleCode, AlertsCatalogue> = { fr: alertsFr, en: alertsEn };

export function useAlertsT(): AlertsCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}
