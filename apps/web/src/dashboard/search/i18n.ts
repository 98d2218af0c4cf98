import type { SearchSource } from '@mnpddh/shared';
import { useLocale } from '../../i18n/i18n-context';
import type { LocaleCode } from '../../i18n/catalogues';

/** Strings of the search across held cases (French is the reference; a no-break space before : ? !). */
export const searchFr = {
  navLabel: 'Rechercher dans mes dossiers',
  navSubmit: 'Rechercher',
  title: 'Rechercher dans mes dossiers',
  lead: 'Un mot ou un nom, dans la demande, les notes et les échanges avec la personne. Les accents et les majuscules ne comptent pas. Seuls les dossiers que vous suivez sont lus.',
  logged: 'Chaque recherche est enregistrée dans le journal protégé : le nombre de dossiers lus et trouvés, jamais les mots cherchés.',
  field: 'Mots cherchés',
  hint: 'Au moins 2 caractères. Tous les mots doivent se trouver dans le dossier.',
  submit: 'Rechercher',
  searching: 'Recherche en cours…',
  required: 'Tapez au moins 2 caractères.',
  summary: '{matched} dossier(s) trouvé(s) parmi les {examined} que vous suivez.',
  none: 'Aucun dossier ne contient ces mots.',
  capped: 'Seuls les {limit} premiers sont affichés (urgents d’abord, puis les plus récents) : précisez la recherche pour voir les autres.',
  unreadable: 'Le dossier {reference} n’a pas pu être vérifié : il n’a pas été lu.',
  caseTitle: 'Dossier {reference}',
  resultsTitle: 'Résultats',
  foundIn: 'Trouvé dans : {sources}',
  sources: { request: 'la demande', journal: 'le suivi', thread: 'les échanges' } satisfies Record<SearchSource, string>,
};
export type SearchCatalogue = typeof searchFr;

export const searchEn: SearchCatalogue = {
  navLabel: 'Search my cases',
  navSubmit: 'Search',
  title: 'Search my cases',
  lead: 'A word or a name, in the request, the notes and the messages with the person. Accents and capitals do not matter. Only the cases you hold are read.',
  logged: 'Each search is written in the protected log: how many cases were read and found, never the words searched for.',
  field: 'Words to find',
  hint: 'At least 2 characters. Every word must be in the case.',
  submit: 'Search',
  searching: 'Searching…',
  required: 'Type at least 2 characters.',
  summary: '{matched} case(s) found among the {examined} you hold.',
  none: 'No case holds these words.',
  capped: 'Only the first {limit} are shown (urgent first, then newest): narrow the search to see the others.',
  unreadable: 'Case {reference} could not be verified: it was not read.',
  caseTitle: 'Case {reference}',
  resultsTitle: 'Results',
  foundIn: 'Found in: {sources}',
  sources: { request: 'the request', journal: 'the follow-up', thread: 'the messages' },
};

const catalogues: Record<LocaleCode, SearchCatalogue> = { fr: searchFr, en: searchEn };

export function useSearchT(): SearchCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}
