import type { RekeyJobView, RevocationReason } from '@mnpddh/shared';
import { useLocale } from '../../i18n/i18n-context';
import type { LocaleCode } from '../../i18n/catalogues';

type JobReason = RekeyJobView['reason'];

/** Strings of the revocation-for-cause page (French is the reference; a no-break space before : ? !). */
export const revocationFr = {
  nav: 'Révocation',
  title: 'Révoquer l’accès d’un membre du personnel',
  lead: 'Quand un collègue est arrêté, quitte la CNDH ou que son compte est compromis : son accès s’arrête tout de suite (compte désactivé, sessions fermées, accès aux dossiers retirés) et chaque dossier qu’il détenait reçoit de nouvelles clés. Ce qu’il a pu garder (une copie de ses accès, un ordinateur saisi) n’ouvre plus rien de ce qui sera écrit ensuite.',
  keepsDownloads: 'Ce qu’il a déjà téléchargé reste lisible pour qui le détient : les nouvelles clés protègent la suite, pas le passé.',
  person: 'Membre du personnel',
  choose: 'Choisir…',
  personRequired: 'Choisissez la personne dont l’accès est révoqué.',
  reason: 'Motif',
  reasonRequired: 'Choisissez un motif.',
  reasons: {
    arrested: 'Arrêté, détenu ou sous contrainte',
    departed: 'A quitté la CNDH',
    compromised: 'Compte, mot de passe ou ordinateur compromis',
    receipt_compromised: 'Récépissé compromis (un dossier)',
    key_exposed: 'Clé exposée (un dossier)',
  } satisfies Record<JobReason, string>,
  note: 'Note (facultative, ne citez aucun dossier)',
  confirm: 'Je confirme : son accès s’arrête maintenant et ses dossiers changent de clés.',
  confirmRequired: 'Cochez la confirmation.',
  submit: 'Révoquer et changer les clés',
  working: 'Changement des clés en cours… Ne fermez pas la page.',
  jobsTitle: 'Changements de clés',
  jobsEmpty: 'Aucun changement de clés pour l’instant.',
  started: 'Commencé',
  requestedBy: 'Demandé par',
  progress: 'Dossiers',
  progressValue: '{done} sur {total}',
  finished: 'Terminé',
  unfinished: 'Inachevé : {left} dossier(s) restant(s)',
  unfinishedHelp:
    'Un dossier reste quand vous ne le détenez pas (un autre superviseur, ou deux dépositaires, doivent reprendre) ou quand le travail a été interrompu.',
  resume: 'Reprendre',
  loading: 'Chargement…',
};
export type RevocationCatalogue = typeof revocationFr;

export const revocationEn: RevocationCatalogue = {
  nav: 'Revocation',
  title: 'Revoke a staff member’s access',
  lead: 'When a colleague is arrested, leaves the CNDH or their account is compromised: their access ends at once (account deactivated, sessions closed, case access removed) and every case they held gets new keys. What they may have kept (a copy of their access, a seized laptop) opens nothing written from then on.',
  keepsDownloads: 'What they already downloaded stays readable to whoever holds it: the new keys protect what follows, not the past.',
  person: 'Staff member',
  choose: 'Choose…',
  personRequired: 'Choose whose access is revoked.',
  reason: 'Reason',
  reasonRequired: 'Choose a reason.',
  reasons: {
    arrested: 'Arrested, detained or under duress',
    departed: 'Left the CNDH',
    compromised: 'Account, password or laptop compromised',
    receipt_compromised: 'Receipt compromised (one case)',
    key_exposed: 'Key exposed (one case)',
  },
  note: 'Note (optional, name no case)',
  confirm: 'I confirm: their access ends now and their cases get new keys.',
  confirmRequired: 'Tick the confirmation.',
  submit: 'Revoke and re-key',
  working: 'Re-keying… Do not close the page.',
  jobsTitle: 'Re-keying jobs',
  jobsEmpty: 'No re-keying yet.',
  started: 'Started',
  requestedBy: 'Requested by',
  progress: 'Cases',
  progressValue: '{done} of {total}',
  finished: 'Finished',
  unfinished: 'Unfinished: {left} case(s) left',
  unfinishedHelp: 'A case is left when you do not hold it (another supervisor, or two custodians, must take over) or when the work was interrupted.',
  resume: 'Resume',
  loading: 'Loading…',
};

const catalogues: Record<LocaleCode, RevocationCatalogue> = { fr: revocationFr, en: revocationEn };

export function useRevocationT(): RevocationCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}

export type { RevocationReason };
