import type { DisclosableField, DisclosureRecipient } from '@mnpddh/shared';
import type { LocaleCode } from '../../i18n/catalogues';
import { useLocale } from '../../i18n/i18n-context';

/*
 * Strings of "Vos consentements" on the follow-up page. Same writing rules
 * as ../i18n/fr.ts: short sentences (CEFR B1), everyday words, a no-break
 * space before : ? ! ; `{name}` is filled in by the page.
 */
const consentsFr = {
  title: 'Vos accords de partage',
  lead: 'Vous avez accepté que l’équipe protection parle de votre situation à ces personnes ou organisations. Vous pouvez retirer chaque accord. L’équipe ne partagera plus rien avec elles.',
  empty: 'Aucun accord en cours.',
  given: 'Accord du {date}',
  shared: 'Ce qui peut être partagé : {fields}',
  purpose: 'Pourquoi : {purpose}',
  withdraw: 'Retirer cet accord',
  ask: 'Vous êtes sûr ? L’équipe ne partagera plus vos informations avec {recipient}.',
  confirm: 'Oui, retirer cet accord',
  cancel: 'Annuler',
  withdrawn: 'Votre accord est retiré. L’équipe le voit dans votre dossier.',
  recipients: {
    authorities: 'les autorités',
    partner: 'une organisation partenaire',
    lawyer_court: 'un avocat ou un tribunal',
    un_body: 'les Nations unies',
    embassy: 'une ambassade',
    media_advocacy: 'des journalistes ou une campagne publique',
    detention_facility: 'le lieu de détention',
  } satisfies Record<DisclosureRecipient, string>,
  fields: {
    identity: 'votre nom',
    contact: 'comment vous joindre',
    location: 'où vous êtes (région, ville)',
    narrative: 'le résumé de votre situation',
    incidents: 'ce qui s’est passé',
    attachments: 'vos fichiers',
    risk_assessment: 'le niveau de danger',
  } satisfies Record<DisclosableField, string>,
  entries: {
    consent_recorded: 'L’équipe protection a noté votre accord de partage.',
    consent_ended: 'L’équipe protection a noté la fin d’un accord de partage.',
    consent_withdrawn: 'Vous avez retiré un accord de partage.',
    sharing_with_partners_withdrawn: 'Vous avez retiré votre accord de partage.',
  },
};

type ConsentsCatalogue = typeof consentsFr;

const consentsEn: ConsentsCatalogue = {
  title: 'Your consents to sharing',
  lead: 'You agreed that the protection team may talk about your situation with these people or organisations. You can withdraw each consent. The team will then share nothing more with them.',
  empty: 'No consent in force.',
  given: 'Consent of {date}',
  shared: 'What may be shared: {fields}',
  purpose: 'Why: {purpose}',
  withdraw: 'Withdraw this consent',
  ask: 'Are you sure? The team will no longer share your information with {recipient}.',
  confirm: 'Yes, withdraw this consent',
  cancel: 'Cancel',
  withdrawn: 'Your consent is withdrawn. The team sees it in your case.',
  recipients: {
    authorities: 'the authorities',
    partner: 'a partner organisation',
    lawyer_court: 'a lawyer or a court',
    un_body: 'the United Nations',
    embassy: 'an embassy',
    media_advocacy: 'journalists or a public campaign',
    detention_facility: 'the place of detention',
  },
  fields: {
    identity: 'your name',
    contact: 'how to reach you',
    location: 'where you are (region, town)',
    narrative: 'the summary of your situation',
    incidents: 'what happened',
    attachments: 'your files',
    risk_assessment: 'the level of danger',
  },
  entries: {
    consent_recorded: 'The protection team noted your consent to sharing.',
    consent_ended: 'The protection team noted the end of a consent to sharing.',
    consent_withdrawn: 'You withdrew a consent to sharing.',
    sharing_with_partners_withdrawn: 'You withdrew your consent to sharing.',
  },
};

const catalogues: Record<LocaleCode, ConsentsCatalogue> = { fr: consentsFr, en: consentsEn };

export function useFollowUpConsentT(): ConsentsCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}

/** How a consent entry of the thread reads (the server sends a code as its body). */
export function consentEntryText(t: ConsentsCatalogue, code: string): string {
  return code in t.entries ? t.entries[code as keyof ConsentsCatalogue['entries']] : t.entries.sharing_with_partners_withdrawn;
}
