import type { ReferenceListName } from '@mnpddh/shared';
import { useLocale } from '../../i18n/i18n-context';
import type { LocaleCode } from '../../i18n/catalogues';

/** Strings of the reference-lists editor (French first, then English). */
const referenceFr = {
  title: 'Listes de référence',
  lead: 'Les choix proposés dans les formulaires et les dossiers : régions, types de menace, mesures, bases légales… Modifiez les libellés ici, sans changer le code du portail.',
  codesNote:
    'Le code d’un élément ne change jamais : les dossiers et les statistiques le gardent. Pour ne plus proposer un élément, décochez « En usage » : il n’est jamais supprimé.',
  listLabel: 'Liste',
  lists: {
    region: 'Régions',
    threat_type: 'Types de menace ou de violation',
    perpetrator_type: 'Types d’auteurs',
    defender_profile: 'Profils de défenseur',
    protection_measure: 'Mesures de protection',
    legal_basis: 'Bases légales',
    language: 'Langues',
    closure_outcome: 'Issues à la clôture',
  } satisfies Record<ReferenceListName, string>,
  itemsTitle: 'Éléments de la liste « {list} »',
  count: '{count} éléments, dont {inactive} retirés.',
  loading: 'Chargement des listes…',
  empty: 'Cette liste est vide.',
  columns: { code: 'Code', labelFr: 'Libellé français', labelEn: 'Libellé anglais', flags: 'État', position: 'Ordre', action: 'Action' },
  ofCode: 'de {code}',
  uncertain: 'Incertain',
  active: 'En usage',
  retired: 'Retiré',
  uncertainBadge: 'Contenu non confirmé',
  save: 'Enregistrer',
  saveOf: 'Enregistrer {code}',
  saving: 'Enregistrement…',
  saved: '{code} : enregistré.',
  unchanged: 'Aucune modification.',
  legalTitle: 'Articles incertains',
  legal:
    'Certains articles de la loi n°2018-003 ne sont connus que par des résumés. Cochez « Incertain » quand le contenu d’un article n’est pas confirmé. Un article incertain n’est jamais présenté comme du droit établi : partout où il est cité, il porte la mention « contenu non confirmé ».',
  addTitle: 'Ajouter un élément',
  addIntro: 'Le code ne pourra plus être changé.',
  code: 'Code',
  codeHint: 'Lettres minuscules sans accent, chiffres et tirets bas (_). Exemple : nioro_du_sahel',
  labelFr: 'Libellé français',
  labelEn: 'Libellé anglais',
  position: 'Ordre dans la liste',
  positionHint: 'Un nombre : les petits nombres viennent en premier.',
  add: 'Ajouter à la liste',
  added: '{code} ajouté à la liste.',
  errors: {
    code: 'Le code doit contenir seulement des lettres minuscules sans accent, des chiffres et des tirets bas (60 au plus).',
    codeTaken: 'Ce code existe déjà dans la liste. Modifiez plutôt sa ligne.',
    label: 'Écrivez un libellé (300 caractères au plus).',
    position: 'Écrivez un nombre entier entre 0 et 10 000.',
  },
};

type ReferenceCatalogue = typeof referenceFr;

const referenceEn: ReferenceCatalogue = {
  title: 'Reference lists',
  lead: 'The choices offered in forms and cases: regions, threat types, measures, legal bases… Edit their labels here, without changing the portal’s code.',
  codesNote: 'An item’s code never changes: cases and statistics keep it. To stop offering an item, untick “In use”: it is never deleted.',
  listLabel: 'List',
  lists: {
    region: 'Regions',
    threat_type: 'Threat and violation types',
    perpetrator_type: 'Perpetrator types',
    defender_profile: 'Defender profiles',
    protection_measure: 'Protection measures',
    legal_basis: 'Legal bases',
    language: 'Languages',
    closure_outcome: 'Closure outcomes',
  },
  itemsTitle: 'Items of the list “{list}”',
  count: '{count} items, {inactive} of them retired.',
  loading: 'Loading the lists…',
  empty: 'This list is empty.',
  columns: { code: 'Code', labelFr: 'French label', labelEn: 'English label', flags: 'State', position: 'Order', action: 'Action' },
  ofCode: 'of {code}',
  uncertain: 'Uncertain',
  active: 'In use',
  retired: 'Retired',
  uncertainBadge: 'Content not confirmed',
  save: 'Save',
  saveOf: 'Save {code}',
  saving: 'Saving…',
  saved: '{code}: saved.',
  unchanged: 'Nothing changed.',
  legalTitle: 'Uncertain articles',
  legal:
    'Some articles of Law 2018-003 are known only from summaries. Tick “Uncertain” when an article’s content is not confirmed. An uncertain article is never shown as settled law: wherever it is cited, it carries the words “content not confirmed”.',
  addTitle: 'Add an item',
  addIntro: 'The code cannot be changed afterwards.',
  code: 'Code',
  codeHint: 'Lowercase letters without accents, digits and underscores (_). Example: nioro_du_sahel',
  labelFr: 'French label',
  labelEn: 'English label',
  position: 'Order in the list',
  positionHint: 'A number: smaller numbers come first.',
  add: 'Add to the list',
  added: '{code} added to the list.',
  errors: {
    code: 'The code may only hold lowercase letters without accents, digits and underscores (60 at most).',
    codeTaken: 'This code is already in the list. Edit its row instead.',
    label: 'Write a label (300 characters at most).',
    position: 'Write a whole number between 0 and 10,000.',
  },
};

const catalogues = { fr: referenceFr, en: referenceEn } satisfies Record<LocaleCode, ReferenceCatalogue>;

export function useReferenceT(): ReferenceCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}
