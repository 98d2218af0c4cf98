import { useLocale } from '../../i18n/i18n-context';
import type { LocaleCode } from '../../i18n/catalogues';

/** Strings of the on-call rota editor (French first, then English). */
const rotaFr = {
  title: 'Astreinte : qui est de garde',
  escalation:
    'Une alerte va d’abord à la première personne de la liste ; si elle ne confirme pas l’avoir vue, l’alerte passe à la suivante, et ainsi de suite, puis à tous les superviseurs et superviseures.',
  triage: 'Les personnes de garde reçoivent aussi chaque nouvelle demande (équipe de tri).',
  listTitle: 'Ordre de l’astreinte',
  empty: 'Personne n’est de garde. Les alertes iront directement à tous les superviseurs et superviseures.',
  position: '{n}.',
  up: 'Monter',
  down: 'Descendre',
  remove: 'Retirer',
  upOf: 'Monter {name}',
  downOf: 'Descendre {name}',
  removeOf: 'Retirer {name} de l’astreinte',
  moved: '{name} est maintenant en position {n}.',
  removed: '{name} est retiré(e) de la liste.',
  addedOne: '{name} est ajouté(e) en fin de liste.',
  addTitle: 'Ajouter une personne',
  addLabel: 'Personne à ajouter',
  addHint: 'Seules les personnes actives, chargées de dossiers ou superviseures, dont les clés sont prêtes, peuvent être de garde.',
  choose: 'Choisir…',
  add: 'Ajouter à la fin',
  nobodyToAdd: 'Toutes les personnes qui peuvent être de garde sont déjà dans la liste.',
  save: 'Enregistrer l’astreinte',
  saving: 'Enregistrement…',
  saved: 'L’astreinte est enregistrée.',
  unsaved: 'Modifications pas encore enregistrées.',
  loading: 'Chargement de l’équipe…',
  retry: 'Réessayer',
};

type RotaCatalogue = typeof rotaFr;

const rotaEn: RotaCatalogue = {
  title: 'On-call rota: who is on call',
  escalation:
    'An alert goes first to the first person on the list; if they do not acknowledge it, it goes to the next one, and so on down the list, then to every supervisor.',
  triage: 'People on call also receive every new request (the triage team).',
  listTitle: 'Rota order',
  empty: 'Nobody is on call. Alerts will go straight to every supervisor.',
  position: '{n}.',
  up: 'Move up',
  down: 'Move down',
  remove: 'Remove',
  upOf: 'Move up {name}',
  downOf: 'Move down {name}',
  removeOf: 'Remove {name} from the rota',
  moved: '{name} is now in position {n}.',
  removed: '{name} was removed from the list.',
  addedOne: '{name} was added at the end of the list.',
  addTitle: 'Add someone',
  addLabel: 'Person to add',
  addHint: 'Only active caseworkers and supervisors whose keys are ready can be on call.',
  choose: 'Choose…',
  add: 'Add at the end',
  nobodyToAdd: 'Everyone who can be on call is already on the list.',
  save: 'Save the rota',
  saving: 'Saving…',
  saved: 'The rota is saved.',
  unsaved: 'Changes not saved yet.',
  loading: 'Loading the team…',
  retry: 'Try again',
};

const catalogues = { fr: rotaFr, en: rotaEn } satisfies Record<LocaleCode, RotaCatalogue>;

export function useRotaT(): RotaCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}
