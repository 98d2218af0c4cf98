import type { DrasticActKind } from '@mnpddh/shared';
import { useLocale } from '../../i18n/i18n-context';
import type { LocaleCode } from '../../i18n/catalogues';

/** Two people for drastic acts: the requests waiting for their second person, and how to make one. */
export const drasticActsFr = {
  title: 'Demandes à confirmer par une deuxième personne',
  lead: 'Désactiver ou révoquer un(e) administrateur(trice), un(e) dépositaire ou un(e) auditeur(trice), et rétablir un compte, demande deux personnes : l’une demande, une autre confirme dans l’heure. Le journal d’audit garde les deux noms.',
  none: 'Aucune demande en attente.',
  kinds: {
    deactivate: 'Désactiver le compte de {name}',
    revoke_for_cause: 'Révoquer {name} pour motif grave',
    reinstate: 'Rétablir le compte de {name}',
  } satisfies Record<DrasticActKind, string>,
  askedBy: 'Demandé par {name}, expire le {at}.',
  confirm: 'Confirmer',
  yours: 'Votre demande : une autre personne doit la confirmer.',
  confirmed: 'Fait. Le journal d’audit garde les deux noms.',
  askDeactivate: 'Demander la désactivation',
  askDeactivateHint: 'Cette personne est administrateur(trice), dépositaire ou auditeur(trice) : une autre personne doit confirmer.',
  askReinstate: 'Demander le rétablissement',
  askReinstateHint: 'Si le compte a été fermé par erreur ou sous la contrainte : une autre personne doit confirmer.',
  asked: 'Demande envoyée. Une autre personne (administrateur(trice) ou superviseur(e)) doit la confirmer dans l’heure.',
};
export type DrasticActsCatalogue = typeof drasticActsFr;

export const drasticActsEn: DrasticActsCatalogue = {
  title: 'Requests waiting for a second person',
  lead: 'Deactivating or revoking an admin, a custodian or an auditor, and reinstating an account, needs two people: one asks, another confirms within the hour. The audit log keeps both names.',
  none: 'No request waiting.',
  kinds: { deactivate: 'Deactivate {name}’s account', revoke_for_cause: 'Revoke {name} for cause', reinstate: 'Reinstate {name}’s account' },
  askedBy: 'Asked by {name}, expires on {at}.',
  confirm: 'Confirm',
  yours: 'Your request: another person must confirm it.',
  confirmed: 'Done. The audit log keeps both names.',
  askDeactivate: 'Ask for deactivation',
  askDeactivateHint: 'This person is an admin, a custodian or an auditor: another person must confirm.',
  askReinstate: 'Ask for reinstatement',
  askReinstateHint: 'If the account was closed by mistake or under coercion: another person must confirm.',
  asked: 'Request sent. Another person (admin or supervisor) must confirm it within the hour.',
};

const catalogues: Record<LocaleCode, DrasticActsCatalogue> = { fr: drasticActsFr, en: drasticActsEn };

export function useDrasticActsT(): DrasticActsCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}
