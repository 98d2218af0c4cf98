import { useLocale } from '../../i18n/i18n-context';
import type { LocaleCode } from '../../i18n/catalogues';

/** Handing several cases to one person at once (a caseworker arrested, gone, on leave). */
export const reassignmentFr = {
  title: 'Réattribuer des dossiers',
  lead: 'Quand une personne ne peut plus suivre ses dossiers (arrestation, départ, maladie), confiez-les à une autre en une fois. Chaque dossier est ouvert à la nouvelle personne responsable et noté au journal d’audit, un par un ; ceux qui ne peuvent pas l’être sont listés avec leur raison.',
  listLink: 'Réattribuer des dossiers',
  loading: 'Chargement des dossiers…',
  retry: 'Réessayer',
  empty: 'Aucun dossier à réattribuer.',
  casesLegend: 'Dossiers à réattribuer',
  allOf: 'Tous les dossiers de',
  allOfHint: 'Coche d’un coup tous les dossiers dont cette personne est responsable.',
  allOfChoose: '— Choisir une personne —',
  unassigned: 'Sans responsable',
  responsible: 'responsable : {name}',
  selectedOne: '{n} dossier choisi',
  selectedMany: '{n} dossiers choisis',
  assignee: 'Nouvelle personne responsable',
  assigneeHint: 'Seules les personnes actives dont les clés sont prêtes sont proposées.',
  assigneeChoose: '— Choisir —',
  review: 'Vérifier avant de réattribuer',
  noCases: 'Choisissez au moins un dossier.',
  noAssignee: 'Choisissez la personne qui reprend les dossiers.',
  confirmTitle: 'Confirmer la réattribution',
  confirmOne: '1 dossier ira à {name}. Il lui sera ouvert et noté au journal d’audit.',
  confirmMany: '{n} dossiers iront à {name}. Chacun lui sera ouvert et noté au journal d’audit.',
  confirm: 'Réattribuer',
  back: 'Revenir au choix',
  working: 'Réattribution en cours…',
  resultTitle: 'Résultat',
  resultSummary: '{assigned} réattribué(s), {refused} refusé(s).',
  assigned: 'Réattribué à {name}',
  refused: 'Refusé : {reason}',
  again: 'Réattribuer d’autres dossiers',
};
export type ReassignmentCatalogue = typeof reassignmentFr;

export const reassignmentEn: ReassignmentCatalogue = {
  title: 'Reassign cases',
  lead: 'When someone can no longer follow their cases (arrest, departure, illness), hand them to another person at once. Each case is opened to the new person responsible and written to the audit log, one by one; those that cannot be are listed with their reason.',
  listLink: 'Reassign cases',
  loading: 'Loading cases…',
  retry: 'Try again',
  empty: 'No case to reassign.',
  casesLegend: 'Cases to reassign',
  allOf: 'All the cases of',
  allOfHint: 'Ticks at once every case this person is responsible for.',
  allOfChoose: '— Choose a person —',
  unassigned: 'Nobody responsible',
  responsible: 'responsible: {name}',
  selectedOne: '{n} case chosen',
  selectedMany: '{n} cases chosen',
  assignee: 'New person responsible',
  assigneeHint: 'Only active people whose keys are ready are offered.',
  assigneeChoose: '— Choose —',
  review: 'Review before reassigning',
  noCases: 'Choose at least one case.',
  noAssignee: 'Choose the person who takes the cases over.',
  confirmTitle: 'Confirm the reassignment',
  confirmOne: '1 case will go to {name}. It will be opened to them and written to the audit log.',
  confirmMany: '{n} cases will go to {name}. Each will be opened to them and written to the audit log.',
  confirm: 'Reassign',
  back: 'Back to the choice',
  working: 'Reassigning…',
  resultTitle: 'Result',
  resultSummary: '{assigned} reassigned, {refused} refused.',
  assigned: 'Reassigned to {name}',
  refused: 'Refused: {reason}',
  again: 'Reassign other cases',
};

const catalogues: Record<LocaleCode, ReassignmentCatalogue> = { fr: reassignmentFr, en: reassignmentEn };

export function useReassignmentT(): ReassignmentCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}
