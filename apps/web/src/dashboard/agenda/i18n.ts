import type { AgendaItemKind } from '@mnpddh/shared';
import { useLocale } from '../../i18n/i18n-context';
import type { LocaleCode } from '../../i18n/catalogues';

/** Strings of "Mon agenda" (French is the reference; a no-break space before : ? !). */
export const agendaFr = {
  nav: 'Mon agenda',
  title: 'Mon agenda',
  lead: 'Les échéances des dossiers qui vous sont confiés, jour par jour (heure de Bamako).',
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
};
export type AgendaCatalogue = typeof agendaFr;

export const agendaEn: AgendaCatalogue = {
  nav: 'My agenda',
  title: 'My agenda',
  lead: 'The due dates of the cases assigned to you, day by day (Bamako time).',
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
};

const catalogues: Record<LocaleCode, AgendaCatalogue> = { fr: agendaFr, en: agendaEn };

export function useAgendaT(): AgendaCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}
