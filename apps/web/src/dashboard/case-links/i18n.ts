import type { CaseLinkRelation, CollectiveSubjectKind } from '@mnpddh/shared';
import { useLocale } from '../../i18n/i18n-context';
import type { LocaleCode } from '../../i18n/catalogues';

/** Strings of linked cases and collective subjects (French is the reference; a no-break space before : ? !). */
export const caseLinksFr = {
  title: 'Dossiers liés',
  none: 'Aucun dossier lié.',
  relations: {
    same_incident: 'Même incident',
    same_person: 'Même personne',
    same_organisation: 'Même organisation',
    member_of_collective: 'Membre d’un sujet collectif',
  } satisfies Record<CaseLinkRelation, string>,
  /** member_of_collective, seen from each side. */
  memberOf: 'Ce dossier est membre du sujet collectif {reference}',
  hasMember: '{reference} est membre de ce sujet collectif',
  reason: 'Raison',
  reasonLabel: 'Raison :',
  linkedOn: 'Lié le {date} par {name}',
  notHeld: 'Vous ne suivez pas ce dossier : son état n’est pas affiché.',
  caseTitle: 'Dossier {reference}',
  compare: 'Voir les deux dossiers côte à côte',
  unlink: {
    summary: 'Supprimer ce lien',
    reason: 'Pourquoi supprimer ce lien',
    hint: 'La raison est notée dans les deux dossiers.',
    submit: 'Supprimer le lien',
    required: 'Indiquez pourquoi vous supprimez ce lien.',
  },
  form: {
    title: 'Lier à un autre dossier',
    reference: 'Référence de l’autre dossier',
    referenceHint: 'Par exemple 7K3M-Q9TX, comme dans la liste des dossiers. Vous devez suivre ce dossier aussi.',
    relation: 'Ce qui relie les deux dossiers',
    choose: 'Choisir…',
    reason: 'Raison',
    reasonHint: 'Pourquoi ces dossiers sont liés. Elle est notée dans les deux dossiers.',
    submit: 'Lier les dossiers',
    referenceRequired: 'Indiquez la référence de l’autre dossier.',
    relationRequired: 'Choisissez ce qui relie les deux dossiers.',
    reasonRequired: 'Indiquez la raison.',
  },
  collective: {
    badge: 'Sujet collectif',
    title: 'Sujet collectif',
    intro:
      'Marquez ce dossier comme celui d’un sujet collectif (une organisation, une radio, une communauté). Il a alors sa propre évaluation du risque et ses propres mesures ; liez-y les dossiers des personnes avec « Membre d’un sujet collectif ».',
    current: '{kind} : {name}',
    kind: 'Type de sujet collectif',
    kinds: {
      organisation: 'Organisation',
      media: 'Média (radio, journal, site)',
      community: 'Communauté',
      other: 'Autre',
    } satisfies Record<CollectiveSubjectKind, string>,
    name: 'Nom',
    note: 'Note (facultatif)',
    mark: 'Marquer comme sujet collectif',
    update: 'Corriger le sujet collectif',
    nameRequired: 'Indiquez le nom.',
  },
  timeline: {
    case_linked: 'Lié au dossier {reference} ({relation})',
    case_unlinked: 'Lien avec le dossier {reference} supprimé',
    collective_subject: 'Sujet collectif : {name} ({kind})',
  },
  sideBySide: {
    title: 'Dossiers {first} et {second}',
    lead: 'Les deux dossiers côte à côte. Chaque ouverture est enregistrée dans le journal protégé.',
    back: 'Retour au dossier {reference}',
    loading: 'Ouverture des dossiers…',
    request: 'La demande',
    measures: 'Mesures',
    noMeasures: 'Aucune mesure.',
    latest: 'Derniers événements',
    risk: 'Risque',
  },
};
export type CaseLinksCatalogue = typeof caseLinksFr;

export const caseLinksEn: CaseLinksCatalogue = {
  title: 'Linked cases',
  none: 'No linked case.',
  relations: {
    same_incident: 'Same incident',
    same_person: 'Same person',
    same_organisation: 'Same organisation',
    member_of_collective: 'Member of a collective subject',
  },
  memberOf: 'This case is a member of collective subject {reference}',
  hasMember: '{reference} is a member of this collective subject',
  reason: 'Reason',
  reasonLabel: 'Reason:',
  linkedOn: 'Linked on {date} by {name}',
  notHeld: 'You do not hold this case: its state is not shown.',
  caseTitle: 'Case {reference}',
  compare: 'See both cases side by side',
  unlink: {
    summary: 'Remove this link',
    reason: 'Why remove this link',
    hint: 'The reason is written in both cases.',
    submit: 'Remove the link',
    required: 'Say why you remove this link.',
  },
  form: {
    title: 'Link to another case',
    reference: 'Reference of the other case',
    referenceHint: 'For example 7K3M-Q9TX, as in the case list. You must hold that case too.',
    relation: 'What links the two cases',
    choose: 'Choose…',
    reason: 'Reason',
    reasonHint: 'Why these cases are linked. It is written in both cases.',
    submit: 'Link the cases',
    referenceRequired: 'Give the reference of the other case.',
    relationRequired: 'Choose what links the two cases.',
    reasonRequired: 'Give the reason.',
  },
  collective: {
    badge: 'Collective subject',
    title: 'Collective subject',
    intro:
      'Mark this case as the file of a collective subject (an organisation, a radio station, a community). It then has its own risk assessment and measures; link the individual cases to it with “Member of a collective subject”.',
    current: '{kind}: {name}',
    kind: 'Kind of collective subject',
    kinds: {
      organisation: 'Organisation',
      media: 'Media (radio, newspaper, website)',
      community: 'Community',
      other: 'Other',
    },
    name: 'Name',
    note: 'Note (optional)',
    mark: 'Mark as a collective subject',
    update: 'Correct the collective subject',
    nameRequired: 'Give the name.',
  },
  timeline: {
    case_linked: 'Linked to case {reference} ({relation})',
    case_unlinked: 'Link with case {reference} removed',
    collective_subject: 'Collective subject: {name} ({kind})',
  },
  sideBySide: {
    title: 'Cases {first} and {second}',
    lead: 'Both cases side by side. Each opening is written in the protected log.',
    back: 'Back to case {reference}',
    loading: 'Opening the cases…',
    request: 'The request',
    measures: 'Measures',
    noMeasures: 'No measure.',
    latest: 'Latest events',
    risk: 'Risk',
  },
};

const catalogues: Record<LocaleCode, CaseLinksCatalogue> = { fr: caseLinksFr, en: caseLinksEn };

export function useCaseLinksT(): CaseLinksCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}
