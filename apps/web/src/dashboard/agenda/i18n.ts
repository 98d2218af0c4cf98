import type { AgendaItemKind } from '@mnpddh/shared';
import { useLocale } from '../../i18n/i18n-context';
import type { LocaleCode } from '../../i18n/catalogues';

/** Strings of "Mon agenda" (French is the reference; a no-break space before : ? !). */
export const agendaFr = {
  nav: 'Mon agenda',
  title: 'Mon agenda',
  lead: 'Les échéances des dossiers ouverts que vous détenez, jour par jour (heure de Bamako) ; ceux dont vous n’êtes pas la personne chargée sont signalés.',
  heldNotAssigned: 'Vous n’êtes pas la personne chargée de ce dossier',
  loading: 'Chargement de l’agenda…',
  retry: 'Réessayer',
  empty: 'Aucune échéance sur vos dossiers.',
  caseTitle: 'Dossier {reference}',
  unreadable: 'Le dossier {reference} n’a pas pu être vérifié : ses audiences n’apparaissent pas.',
  groups: { overdue: 'En retard', today: 'Aujourd’hui', tomorrow: 'Demain', week: 'Cette semaine', later: 'Plus tard' },
  kinds: {
    next_contact: 'Prochain contact',
    first_contact: 'Premier contact',
    assessment: 'Évaluation du risque',
    reassessment: 'Réévaluation du risque',
    measure: 'Mesure à échéance',
    court_hearing: 'Audience',
    detention_review: 'Examen de la détention',
    other: 'Autre échéance',
  } satisfies Record<AgendaItemKind, string>,
  /** The case timeline's line for an agenda event. */
  timeline: '{kind} le {date}',
  cancelledTimeline: 'Date annulée : {event}',
  /** The case page's panel of dates. */
  panel: {
    title: 'Audiences et dates',
    intro: 'Les audiences, examens de la détention et autres dates de ce dossier. Elles apparaissent dans « Mon agenda » de la personne chargée du dossier.',
    addTitle: 'Ajouter une date',
    upcoming: 'Dates prévues',
    none: 'Aucune date prévue.',
    kind: 'Type de date',
    on: 'Jour',
    note: 'Note (facultatif : tribunal, salle, avocat)',
    add: 'Ajouter la date',
    choose: 'Choisissez…',
    kindRequired: 'Choisissez le type de date.',
    dayRequired: 'Indiquez le jour.',
    cancel: 'Annuler ou reporter',
    cancelLabel: 'Annuler ou reporter : {event}',
    cancelTitle: 'Annuler cette date',
    cancelHint: 'Pour un report, annulez cette date puis ajoutez la nouvelle.',
    reason: 'Pourquoi ?',
    reasonRequired: 'Écrivez la raison.',
    submitCancel: 'Annuler la date',
    back: 'Garder la date',
  },
};
export type AgendaCatalogue = typeof agendaFr;

export const agendaEn: AgendaCatalogue = {
  nav: 'My agenda',
  title: 'My agenda',
  lead: 'The due dates of the open cases you hold, day by day (Bamako time); those you are not responsible for are marked.',
  heldNotAssigned: 'You are not the person responsible for this case',
  loading: 'Loading the agenda…',
  retry: 'Try again',
  empty: 'Nothing due on your cases.',
  caseTitle: 'Case {reference}',
  unreadable: 'Case {reference} could not be verified: its hearings are not shown.',
  groups: { overdue: 'Overdue', today: 'Today', tomorrow: 'Tomorrow', week: 'This week', later: 'Later' },
  kinds: {
    next_contact: 'Next contact',
    first_contact: 'First contact',
    assessment: 'Risk assessment',
    reassessment: 'Risk reassessment',
    measure: 'Measure due',
    court_hearing: 'Court hearing',
    detention_review: 'Detention review',
    other: 'Other date',
  },
  timeline: '{kind} on {date}',
  cancelledTimeline: 'Date cancelled: {event}',
  panel: {
    title: 'Hearings and dates',
    intro: 'Hearings, detention reviews and other dates of this case. They show in the “My agenda” of everyone who holds the case.',
    addTitle: 'Add a date',
    upcoming: 'Planned dates',
    none: 'No date planned.',
    kind: 'Kind of date',
    on: 'Day',
    note: 'Note (optional: court, room, lawyer)',
    add: 'Add the date',
    choose: 'Choose…',
    kindRequired: 'Choose the kind of date.',
    dayRequired: 'Give the day.',
    cancel: 'Cancel or postpone',
    cancelLabel: 'Cancel or postpone: {event}',
    cancelTitle: 'Cancel this date',
    cancelHint: 'To postpone, cancel this date, then add the new one.',
    reason: 'Why?',
    reasonRequired: 'Write the reason.',
    submitCancel: 'Cancel the date',
    back: 'Keep the date',
  },
};

const catalogues: Record<LocaleCode, AgendaCatalogue> = { fr: agendaFr, en: agendaEn };

export function useAgendaT(): AgendaCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}
