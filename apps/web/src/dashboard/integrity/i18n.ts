import type { IntegrityIncidentView } from '@mnpddh/shared';
import { useLocale } from '../../i18n/i18n-context';
import type { LocaleCode } from '../../i18n/catalogues';

type Kind = IntegrityIncidentView['kind'];

/** The integrity banner: what happened, in plain words, and what to do (docs/SECURITY.md, "What an admin does"). */
export const integrityFr = {
  title: 'Incident d’intégrité : la base de données ne correspond plus à son ancre',
  kinds: {
    behind:
      'Des lignes du journal d’audit ont disparu de la base de données : elle est revenue en arrière (une restauration, ou quelqu’un qui écrit directement dans la base).',
    rewritten: 'Le journal d’audit a été réécrit dans la base de données : ses dernières lignes ne sont plus celles que le portail a enregistrées.',
    forged: 'Une ligne a été ajoutée au journal d’audit sans la clé du portail : quelqu’un écrit directement dans la base de données.',
    escrow_state: 'L’état de la clé de secours a été modifié dans la base de données, en dehors du portail.',
  } satisfies Record<Kind, string>,
  detected: 'Détecté le {at}.',
  consequence:
    'Par précaution, plus aucun dossier n’est partagé avec le personnel jusqu’à la prise en compte par un(e) administrateur(trice). Les nouvelles demandes restent acceptées et scellées à la clé de secours : aucune personne n’est refusée.',
  othersDo: 'Prévenez un(e) administrateur(trice). N’utilisez pas de copie de la base de données faite depuis.',
  adminDo:
    'Avant de prendre en compte : cherchez la cause (restauration voulue ? accès à la base ? vérifiez le journal d’audit avec votre dernier point de contrôle exporté, changez les identifiants de la base), restaurez une sauvegarde si la base a été falsifiée. La procédure complète est dans docs/SECURITY.md (« What an admin does when the portal reports its database is behind its anchor »).',
  verify: 'Vérifier le journal d’audit',
  confirm: 'J’ai trouvé la cause et la base de données est dans l’état voulu.',
  acknowledge: 'Prendre en compte l’incident',
  acknowledging: 'Prise en compte…',
  failed: 'La prise en compte a échoué. Rechargez la page et réessayez.',
};
export type IntegrityCatalogue = typeof integrityFr;

export const integrityEn: IntegrityCatalogue = {
  title: 'Integrity incident: the database no longer matches its anchor',
  kinds: {
    behind: 'Rows of the audit log have disappeared from the database: it went back in time (a restore, or someone writing to the database directly).',
    rewritten: 'The audit log was rewritten in the database: its last rows are no longer the ones the portal recorded.',
    forged: 'A row was added to the audit log without the portal’s key: someone is writing to the database directly.',
    escrow_state: 'The state of the recovery key was changed in the database, outside the portal.',
  },
  detected: 'Detected on {at}.',
  consequence:
    'As a precaution, no case is shared with staff until an administrator acknowledges. New requests are still accepted and sealed to the recovery key: nobody is turned away.',
  othersDo: 'Tell an administrator. Do not use any copy of the database made since.',
  adminDo:
    'Before acknowledging: find the cause (a deliberate restore? access to the database? verify the audit log with your last exported checkpoint, change the database credentials), restore a backup if the database was tampered with. The full procedure is in docs/SECURITY.md ("What an admin does when the portal reports its database is behind its anchor").',
  verify: 'Verify the audit log',
  confirm: 'I found the cause and the database is as it should be.',
  acknowledge: 'Acknowledge the incident',
  acknowledging: 'Acknowledging…',
  failed: 'The acknowledgement failed. Reload the page and try again.',
};

const catalogues: Record<LocaleCode, IntegrityCatalogue> = { fr: integrityFr, en: integrityEn };

export function useIntegrityT(): IntegrityCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}
