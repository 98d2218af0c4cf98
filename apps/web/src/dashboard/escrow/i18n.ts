import { useLocale } from '../../i18n/i18n-context';
import type { LocaleCode } from '../../i18n/catalogues';

/** Strings about the escrow ("clé de secours") seen outside the custodians' page: the warning, a reset's impact, the drill's pairs. */
export const escrowFr = {
  warningTitle: 'Clé de secours en danger',
  lost: 'Plus aucune paire de dépositaires ne peut ouvrir la clé de secours. Les dossiers qu’elle seule détient ne pourront plus être rendus à personne. Nommez des dépositaires et créez une nouvelle clé de secours.',
  onePair: 'Une seule paire de dépositaires peut encore ouvrir la clé de secours : si l’une de ces deux personnes perd sa phrase de passe, la clé est perdue.',
  fewPairs: 'Moins de deux paires de dépositaires peuvent ouvrir la clé de secours.',
  pairsNow: 'Paires qui fonctionnent : {pairs}.',
  noPair: 'aucune',
  reseal: 'Deux dépositaires dont la part fonctionne doivent re-sceller la clé de secours (page Dépositaires) dès que les autres se sont reconnectés.',
  staff: 'Il faut au moins trois dépositaires. Une personne dépositaire peut aussi avoir un autre rôle.',
  and: ' et ',
  // A password reset, before it is confirmed.
  impactLoading: 'Calcul de ce que fait la réinitialisation…',
  impactSessions:
    'Ses {count} session(s) ouverte(s) sont fermées tout de suite, et l’ancienne phrase de passe ne fonctionne plus dès maintenant (même si le lien n’est pas encore utilisé).',
  impactCases: 'Elle ou il perd l’accès à {count} dossier(s) : un(e) superviseur(e), ou deux dépositaires, les lui rendront après sa reconnexion.',
  impactCustodian:
    'Cette personne est dépositaire : ses parts de la clé de secours ne s’ouvriront plus jusqu’à ce que deux autres dépositaires re-scellent la clé.',
  impactAfter: 'Après la réinitialisation, paires qui ouvrent la clé de secours : {pairs}.',
  impactLost: 'Après la réinitialisation, PLUS PERSONNE ne pourra ouvrir la clé de secours : les dossiers qu’elle seule détient seront perdus.',
  impactRisk: 'Je comprends ce que cette réinitialisation fait à la clé de secours, et je la confirme.',
  // After it.
  ended: 'Fait : l’ancienne phrase de passe ne fonctionne plus, {sessions} session(s) fermée(s), accès à {grants} clé(s) de dossier retiré(s).',
  // The drill.
  drillPairs: 'Paires de dépositaires qui peuvent ouvrir la clé de secours aujourd’hui : {pairs}.',
  drillShare: 'Votre part avec {name} : {state}',
  opens: 's’ouvre',
  doesNotOpen: 'ne s’ouvre pas',
};
export type EscrowCatalogue = typeof escrowFr;

export const escrowEn: EscrowCatalogue = {
  warningTitle: 'Escrow key at risk',
  lost: 'No pair of custodians can open the recovery key any more. Cases that only it holds can no longer be given back to anyone. Name custodians and create a new recovery key.',
  onePair: 'Only one pair of custodians can still open the recovery key: if either of them loses their passphrase, the key is lost.',
  fewPairs: 'Fewer than two pairs of custodians can open the recovery key.',
  pairsNow: 'Pairs that work: {pairs}.',
  noPair: 'none',
  reseal: 'Two custodians whose share works must re-seal the recovery key (Custodians page) as soon as the others have signed in again.',
  staff: 'You need at least three custodians. A custodian may also hold another role.',
  and: ' and ',
  impactLoading: 'Working out what the reset does…',
  impactSessions: 'Their {count} open session(s) end at once, and the old passphrase stops working now (even before the link is used).',
  impactCases: 'They lose access to {count} case(s): a supervisor, or two custodians, gives them back after they sign in again.',
  impactCustodian: 'This person is a custodian: their shares of the recovery key stop opening until two other custodians re-seal the key.',
  impactAfter: 'After the reset, pairs that open the recovery key: {pairs}.',
  impactLost: 'After the reset, NOBODY will be able to open the recovery key: cases that only it holds will be lost.',
  impactRisk: 'I understand what this reset does to the recovery key, and I confirm it.',
  ended: 'Done: the old passphrase no longer works, {sessions} session(s) ended, access to {grants} case key(s) withdrawn.',
  drillPairs: 'Pairs of custodians who can open the recovery key today: {pairs}.',
  drillShare: 'Your share with {name}: {state}',
  opens: 'opens',
  doesNotOpen: 'does not open',
};

const catalogues: Record<LocaleCode, EscrowCatalogue> = { fr: escrowFr, en: escrowEn };

export function useEscrowT(): EscrowCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}

/** "A et B, C et D" */
export function pairList(pairs: readonly { first: { name: string }; second: { name: string } }[], t: EscrowCatalogue): string {
  return pairs.length === 0 ? t.noPair : pairs.map((p) => `${p.first.name}${t.and}${p.second.name}`).join(', ');
}
