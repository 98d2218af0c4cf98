import { useLocale } from '../../i18n/i18n-context';
import type { LocaleCode } from '../../i18n/catalogues';

/** Strings of the partner directory page (the kinds' labels come with the consent strings). */
const partnerFr = {
  title: 'Annuaire des partenaires',
  lead: 'Les organisations vers lesquelles un dossier peut être orienté. Aucun dossier n’est nommé ici : une orientation s’écrit dans le dossier, chiffrée.',
  loading: 'Chargement de l’annuaire…',
  retry: 'Réessayer',
  empty: 'L’annuaire est vide.',
  name: 'Nom',
  kind: 'Type',
  contactNotes: 'Comment les joindre en sécurité',
  contactHint: 'Canal sûr, adresse, personne de contact. Jamais de détail sur un dossier.',
  active: 'Actif (proposé pour les orientations)',
  retired: 'Retiré',
  altered:
    'Modifié hors du portail : aucune orientation ne peut lui être adressée. Vérifiez ses coordonnées et enregistrez-le à nouveau, puis signalez-le (quelqu’un écrit dans la base de données).',
  edit: 'Modifier',
  editTitle: 'Modifier {name}',
  save: 'Enregistrer',
  addTitle: 'Ajouter un partenaire',
  add: 'Ajouter le partenaire',
  nameRequired: 'Écrivez le nom.',
  choose: 'Choisissez…',
  kindRequired: 'Choisissez le type.',
  cancel: 'Annuler',
};

type PartnerCatalogue = typeof partnerFr;

const partnerEn: PartnerCatalogue = {
  title: 'Partner directory',
  lead: 'The organisations a case may be referred to. No case is named here: a referral is written in the case, encrypted.',
  loading: 'Loading the directory…',
  retry: 'Try again',
  empty: 'The directory is empty.',
  name: 'Name',
  kind: 'Kind',
  contactNotes: 'How to reach them safely',
  contactHint: 'Secure channel, address, contact person. Never a detail of a case.',
  active: 'Active (offered for referrals)',
  retired: 'Retired',
  altered:
    'Changed outside the portal: no referral can be sent to it. Check its details and save it again, then report it (someone is writing to the database).',
  edit: 'Edit',
  editTitle: 'Edit {name}',
  save: 'Save',
  addTitle: 'Add a partner',
  add: 'Add the partner',
  nameRequired: 'Write the name.',
  choose: 'Choose…',
  kindRequired: 'Choose the kind.',
  cancel: 'Cancel',
};

const catalogues: Record<LocaleCode, PartnerCatalogue> = { fr: partnerFr, en: partnerEn };

export function usePartnerT(): PartnerCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}
