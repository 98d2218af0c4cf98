import type { RetentionExtensionReason } from '@mnpddh/shared';
import { useLocale } from '../../i18n/i18n-context';
import type { LocaleCode } from '../../i18n/catalogues';

/** Strings of the "Conservation" pages (French is the reference; a no-break space before : ? !). */
export const retentionFr = {
  nav: 'Conservation',
  title: 'Conservation des dossiers',
  lead: 'Un dossier clos est conservé pendant une durée fixée, puis effacé de façon irréversible (ses clés sont détruites). Les comptages anonymes des statistiques restent.',
  loading: 'Chargement…',
  retry: 'Réessayer',
  upcoming: {
    title: 'Échéances proches',
    intro:
      'Les dossiers dont la conservation se termine bientôt, ou déjà terminée. Ils seront effacés au prochain passage quotidien, sauf prolongation — et sauf ceux sous conservation légale, qui attendent votre confirmation.',
    empty: 'Aucun dossier n’arrive en fin de conservation.',
    caseTitle: 'Dossier {reference}',
    status: 'Statut',
    expires: 'Fin de conservation',
    expired: '{date} (dépassée)',
    legalHold: 'Conservation légale',
    legalHoldYes: 'Oui — violation grave, effacement seulement sur confirmation',
    legalHoldConfirmed: 'Oui — effacement confirmé',
    legalHoldNo: 'Non',
    extension: 'Prolongation',
    extensionNone: 'Aucune',
    extend: 'Prolonger…',
    confirmPurge: 'Confirmer l’effacement…',
  },
  extend: {
    title: 'Prolonger la conservation du dossier {reference}',
    until: 'Conserver jusqu’au',
    untilHint: 'Une date après le {date}.',
    reason: 'Raison',
    reasonHint: 'Un motif de la liste : aucun texte libre sur le dossier n’est gardé en clair.',
    choose: 'Choisissez…',
    submit: 'Prolonger',
    cancel: 'Annuler',
    untilRequired: 'Choisissez une date.',
    reasonRequired: 'Choisissez une raison.',
    done: 'Conservation prolongée.',
  },
  purge: {
    title: 'Confirmer l’effacement du dossier {reference}',
    warning:
      'Ce dossier concerne une violation grave (disparition, meurtre) : ses éléments peuvent servir de preuve. Une fois confirmé, il sera effacé de façon irréversible au prochain passage quotidien après sa fin de conservation. Rouvrir le dossier annule la confirmation.',
    confirm: 'Je confirme que ce dossier peut être effacé à la fin de sa conservation.',
    confirmRequired: 'Cochez la confirmation.',
    submit: 'Confirmer l’effacement',
    dialogTitle: 'Effacer le dossier {reference} à son échéance ?',
    dialogText: 'L’effacement ne pourra pas être annulé une fois fait.',
    dialogConfirm: 'Oui, confirmer',
    cancel: 'Annuler',
    done: 'Effacement confirmé.',
  },
  reasons: {
    legal_proceedings: 'Procédure judiciaire en cours',
    defender_request: 'À la demande du défenseur',
    ongoing_risk: 'Risque toujours présent',
    investigation: 'Enquête en cours',
    partner_follow_up: 'Suivi par un partenaire',
  } satisfies Record<RetentionExtensionReason, string>,
  policy: {
    title: 'Durées de conservation',
    intro:
      'Comptées à partir du mois de la clôture. L’issue d’un dossier est chiffrée : elle n’a pas de durée propre, mais une issue grave (toujours disparu, tué) ou une menace grave (disparition, meurtre d’un proche) place le dossier sous conservation légale.',
    closedMonths: 'Dossiers clos : durée en mois',
    inadmissibleMonths: 'Dossiers irrecevables : durée en mois',
    monthsHint: 'De 1 à 600 mois.',
    warningDays: 'Prévenir les superviseurs : jours avant l’échéance',
    warningHint: 'De 1 à 365 jours.',
    submit: 'Enregistrer les durées',
    saving: 'Enregistrement…',
    saved: 'Durées enregistrées.',
    invalid: 'Indiquez un nombre entier.',
  },
};
export type RetentionCatalogue = typeof retentionFr;

export const retentionEn: RetentionCatalogue = {
  nav: 'Retention',
  title: 'Case retention',
  lead: 'A closed case is kept for a set period, then erased for good (its keys are destroyed). The anonymous statistics counts remain.',
  loading: 'Loading…',
  retry: 'Try again',
  upcoming: {
    title: 'Upcoming expiries',
    intro:
      'Cases whose retention ends soon, or has ended. They are erased by the next daily run unless extended — except those on legal hold, which wait for your confirmation.',
    empty: 'No case is reaching the end of its retention.',
    caseTitle: 'Case {reference}',
    status: 'Status',
    expires: 'Retention ends',
    expired: '{date} (passed)',
    legalHold: 'Legal hold',
    legalHoldYes: 'Yes — serious violation, erased only once confirmed',
    legalHoldConfirmed: 'Yes — erasure confirmed',
    legalHoldNo: 'No',
    extension: 'Extension',
    extensionNone: 'None',
    extend: 'Extend…',
    confirmPurge: 'Confirm erasure…',
  },
  extend: {
    title: 'Extend the retention of case {reference}',
    until: 'Keep until',
    untilHint: 'A date after {date}.',
    reason: 'Reason',
    reasonHint: 'A reason from the list: no free text about the case is kept in the clear.',
    choose: 'Choose…',
    submit: 'Extend',
    cancel: 'Cancel',
    untilRequired: 'Choose a date.',
    reasonRequired: 'Choose a reason.',
    done: 'Retention extended.',
  },
  purge: {
    title: 'Confirm the erasure of case {reference}',
    warning:
      'This case concerns a serious violation (disappearance, killing): its content may be evidence. Once confirmed, it is erased for good by the first daily run after its retention ends. Reopening the case cancels the confirmation.',
    confirm: 'I confirm that this case may be erased when its retention ends.',
    confirmRequired: 'Tick the confirmation.',
    submit: 'Confirm erasure',
    dialogTitle: 'Erase case {reference} when it expires?',
    dialogText: 'Once done, the erasure cannot be undone.',
    dialogConfirm: 'Yes, confirm',
    cancel: 'Cancel',
    done: 'Erasure confirmed.',
  },
  reasons: {
    legal_proceedings: 'Legal proceedings under way',
    defender_request: 'At the defender’s request',
    ongoing_risk: 'Risk still present',
    investigation: 'Investigation under way',
    partner_follow_up: 'Followed by a partner',
  },
  policy: {
    title: 'Retention periods',
    intro:
      'Counted from the month of closure. A case’s outcome is encrypted: it has no period of its own, but a serious outcome (still missing, killed) or a serious threat (disappearance, killing of a relative) puts the case on legal hold.',
    closedMonths: 'Closed cases: months kept',
    inadmissibleMonths: 'Inadmissible cases: months kept',
    monthsHint: 'From 1 to 600 months.',
    warningDays: 'Warn supervisors: days before expiry',
    warningHint: 'From 1 to 365 days.',
    submit: 'Save the periods',
    saving: 'Saving…',
    saved: 'Periods saved.',
    invalid: 'Give a whole number.',
  },
};

const catalogues: Record<LocaleCode, RetentionCatalogue> = { fr: retentionFr, en: retentionEn };

export function useRetentionT(): RetentionCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}
