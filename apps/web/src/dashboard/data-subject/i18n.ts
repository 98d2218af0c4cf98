import type { DataSubjectRight, IdentityCheck } from '@mnpddh/shared';
import { useLocale } from '../../i18n/i18n-context';
import type { LocaleCode } from '../../i18n/catalogues';

/** Strings of the data-subject requests (Loi 2013-015). French is the reference; a no-break space before : ? ! */
export const dataSubjectFr = {
  title: 'Demande de la personne concernée',
  intro:
    'La personne dont parle ce dossier peut demander à voir ses données, à les corriger ou à les faire effacer (loi n° 2013-015). Vérifiez d’abord qui elle est : par son récépissé (elle écrit depuis la page de suivi), ou en la rappelant au contact sûr noté dans le dossier — jamais à un numéro donné dans la demande elle-même.',
  right: 'Ce que la personne demande',
  rights: {
    access: 'Voir ses données (accès)',
    rectification: 'Corriger ses données (rectification)',
    erasure: 'Effacer son dossier (effacement)',
  } satisfies Record<DataSubjectRight, string>,
  rightShort: { access: 'Accès', rectification: 'Rectification', erasure: 'Effacement' } satisfies Record<DataSubjectRight, string>,
  verifiedBy: 'Comment son identité a été vérifiée',
  checks: {
    receipt: 'Par son récépissé (page de suivi)',
    verified_callback: 'Par un rappel au contact sûr du dossier',
  } satisfies Record<IdentityCheck, string>,
  choose: 'Choisissez…',
  correction: 'La correction demandée',
  correctionHint: 'Dans les mots de la personne. Le texte d’origine reste dans le dossier ; la correction s’affiche à côté.',
  note: 'Note',
  noteHint: 'Par exemple la date de l’appel. Facultatif.',
  submit: 'Enregistrer la demande',
  rightRequired: 'Choisissez ce que la personne demande.',
  checkRequired: 'Indiquez comment son identité a été vérifiée.',
  correctionRequired: 'Indiquez la correction demandée.',
  recorded: 'Demandes enregistrées',
  none: 'Aucune demande enregistrée sur ce dossier.',
  requestLine: '{right} — le {date}, par {name}',
  checkedLine: 'Identité vérifiée : {check}',
  download: 'Télécharger ses données (fichier JSON)',
  downloadHint:
    'Le fichier contient la demande telle que reçue, les corrections, la conversation, les décisions (statut, issue, mesures) et la liste des pièces. Les notes internes et les évaluations du risque n’y sont pas. Chaque téléchargement est enregistré. Remettez-le à la personne par un moyen sûr, puis supprimez-le de votre ordinateur.',
  pendingErasure: 'En attente : un superviseur doit confirmer l’effacement.',
  erase: 'Effacer ce dossier…',
  eraseTitle: 'Effacer définitivement le dossier',
  eraseWarning:
    'L’effacement est irréversible. La demande, la conversation, les pièces jointes, tout le journal et les accès au dossier sont détruits maintenant ; les récépissés n’ouvriront plus rien. Seuls restent les comptages anonymes des statistiques et une ligne du journal d’audit sans contenu. Le dossier subsiste dans les sauvegardes plus anciennes jusqu’à leur expiration.',
  eraseConfirm: 'Je confirme que la personne a demandé l’effacement, que son identité a été vérifiée, et que rien ne pourra être récupéré.',
  eraseConfirmRequired: 'Cochez la confirmation.',
  legalHold: 'Ce dossier concerne une violation grave (disparition, meurtre) : il est sous conservation légale, ses éléments peuvent servir de preuve.',
  legalHoldConfirm: 'Je confirme explicitement l’effacement malgré la conservation légale.',
  legalHoldRequired: 'Ce dossier est sous conservation légale : confirmez explicitement.',
  eraseSubmit: 'Effacer définitivement',
  dialogTitle: 'Effacer le dossier {reference} ?',
  dialogText: 'Cette action ne peut pas être annulée.',
  dialogConfirm: 'Oui, effacer le dossier',
  erasing: 'Effacement…',
  cancel: 'Annuler',
  erasedTitle: 'Dossier effacé',
  erasedText: 'Le dossier {reference} a été effacé. Dites-le à la personne, par le moyen par lequel elle a fait sa demande.',
  erasedNoReference: 'Le dossier a été effacé.',
  backToList: 'Retour à la liste des dossiers',
  rectificationsTitle: 'Corrections demandées par la personne',
  rectificationsIntro: 'Le texte d’origine reste affiché plus bas ; ces corrections le remplacent.',
  rectificationLine: 'Le {date}',
  timeline: 'Demande de la personne concernée : {right}',
};
export type DataSubjectCatalogue = typeof dataSubjectFr;

export const dataSubjectEn: DataSubjectCatalogue = {
  title: 'Data-subject request',
  intro:
    'The person this case is about may ask to see their data, to correct it or to have it erased (Law 2013-015). First check who they are: by their receipt (they write from the follow-up page), or by calling back the safe contact recorded in the case — never a number given in the request itself.',
  right: 'What the person asks',
  rights: {
    access: 'See their data (access)',
    rectification: 'Correct their data (rectification)',
    erasure: 'Erase their case (erasure)',
  },
  rightShort: { access: 'Access', rectification: 'Rectification', erasure: 'Erasure' },
  verifiedBy: 'How their identity was checked',
  checks: {
    receipt: 'By their receipt (follow-up page)',
    verified_callback: 'By calling back the safe contact in the case',
  },
  choose: 'Choose…',
  correction: 'The correction asked for',
  correctionHint: 'In the person’s words. The original text stays in the case; the correction is shown beside it.',
  note: 'Note',
  noteHint: 'For example the date of the call. Optional.',
  submit: 'Record the request',
  rightRequired: 'Choose what the person asks.',
  checkRequired: 'Say how their identity was checked.',
  correctionRequired: 'Give the correction asked for.',
  recorded: 'Recorded requests',
  none: 'No request recorded on this case.',
  requestLine: '{right} — on {date}, by {name}',
  checkedLine: 'Identity checked: {check}',
  download: 'Download their data (JSON file)',
  downloadHint:
    'The file holds the request as received, the corrections, the conversation, the decisions (status, outcome, measures) and the list of files. Internal notes and risk assessments are not in it. Each download is logged. Hand it to the person by a safe means, then delete it from your computer.',
  pendingErasure: 'Waiting: a supervisor must confirm the erasure.',
  erase: 'Erase this case…',
  eraseTitle: 'Erase the case for good',
  eraseWarning:
    'Erasure cannot be undone. The request, the conversation, the attachments, the whole journal and all access to the case are destroyed now; the receipts will open nothing. Only the anonymous statistics counts and an audit line without content remain. The case lives on in older backups until they expire.',
  eraseConfirm: 'I confirm that the person asked for erasure, that their identity was checked, and that nothing can be recovered.',
  eraseConfirmRequired: 'Tick the confirmation.',
  legalHold: 'This case concerns a serious violation (disappearance, killing): it is on legal hold, its content may be evidence.',
  legalHoldConfirm: 'I explicitly confirm erasure despite the legal hold.',
  legalHoldRequired: 'This case is on legal hold: confirm explicitly.',
  eraseSubmit: 'Erase for good',
  dialogTitle: 'Erase case {reference}?',
  dialogText: 'This cannot be undone.',
  dialogConfirm: 'Yes, erase the case',
  erasing: 'Erasing…',
  cancel: 'Cancel',
  erasedTitle: 'Case erased',
  erasedText: 'Case {reference} has been erased. Tell the person, by the means they used to ask.',
  erasedNoReference: 'The case has been erased.',
  backToList: 'Back to the case list',
  rectificationsTitle: 'Corrections asked for by the person',
  rectificationsIntro: 'The original text is still shown below; these corrections replace it.',
  rectificationLine: 'On {date}',
  timeline: 'Data-subject request: {right}',
};

const catalogues: Record<LocaleCode, DataSubjectCatalogue> = { fr: dataSubjectFr, en: dataSubjectEn };

export function useDataSubjectT(): DataSubjectCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}
