import { useLocale } from '../../i18n/i18n-context';
import type { LocaleCode } from '../../i18n/catalogues';

/** Strings of the security-key screens and buttons (French first, then English). */
const keysFr = {
  title: 'Clés de sécurité',
  lead: 'Une clé de sécurité (USB ou NFC) remplace le code à 6 chiffres à la connexion. Elle ne marche que sur l’adresse de ce portail : une fausse page ne peut pas s’en servir.',
  required:
    'Votre rôle exige une clé de sécurité. Une fois une clé ajoutée, le code à 6 chiffres seul ne suffit plus pour vous connecter ; vos codes de secours restent valables si vous perdez la clé.',
  needed: 'Votre rôle exige une clé de sécurité : ajoutez-en une maintenant.',
  listTitle: 'Vos clés',
  empty: 'Vous n’avez encore aucune clé de sécurité.',
  added: 'Ajoutée le {date}',
  lastUsed: 'Dernière utilisation : {date}',
  neverUsed: 'Jamais utilisée pour se connecter',
  remove: 'Retirer',
  removeOf: 'Retirer la clé « {name} »',
  removed: 'La clé « {name} » est retirée.',
  addTitle: 'Ajouter une clé',
  name: 'Nom de la clé',
  nameHint: 'Pour la reconnaître, par exemple « Clé bleue ». Ne mettez pas votre nom.',
  nameRequired: 'Donnez un nom à la clé.',
  add: 'Ajouter la clé',
  adding: 'Touchez votre clé…',
  addedNow: 'La clé « {name} » est ajoutée.',
  cancelled: 'La clé n’a pas répondu ou l’opération a été annulée. Réessayez.',
  unsupported: 'Ce navigateur ne permet pas d’utiliser une clé de sécurité.',
  loading: 'Chargement de vos clés…',
  retry: 'Réessayer',
  homeTitle: 'Clés de sécurité',
  homeText: 'Se connecter avec une clé plutôt qu’avec le code à 6 chiffres.',
  signInWithKey: 'Utiliser ma clé de sécurité',
  signInWithKeyHint: 'Saisissez votre adresse et votre phrase de passe, puis touchez votre clé.',
  or: 'ou',
  policyTitle: 'Clés de sécurité obligatoires',
  policyLead:
    'Pour les rôles cochés, la connexion exige une clé de sécurité dès que la personne en a ajouté une. À sa prochaine connexion avec le code à 6 chiffres, elle est invitée à en ajouter une.',
  policyLegend: 'Exiger une clé pour',
  policySave: 'Enregistrer la règle',
  policySaving: 'Enregistrement…',
  policySaved: 'La règle est enregistrée.',
  roles: { supervisor: 'Superviseurs et superviseures', custodian: 'Dépositaires' },
};

type SecurityKeyCatalogue = typeof keysFr;

const keysEn: SecurityKeyCatalogue = {
  title: 'Security keys',
  lead: 'A security key (USB or NFC) replaces the 6-digit code when you sign in. It only works on this portal’s address: a fake page cannot use it.',
  required:
    'Your role requires a security key. Once you have added one, the 6-digit code alone no longer signs you in; your recovery codes still work if you lose the key.',
  needed: 'Your role requires a security key: add one now.',
  listTitle: 'Your keys',
  empty: 'You have no security key yet.',
  added: 'Added on {date}',
  lastUsed: 'Last used: {date}',
  neverUsed: 'Never used to sign in',
  remove: 'Remove',
  removeOf: 'Remove the key “{name}”',
  removed: 'The key “{name}” is removed.',
  addTitle: 'Add a key',
  name: 'Key name',
  nameHint: 'To recognise it, for example “Blue key”. Do not use your name.',
  nameRequired: 'Give the key a name.',
  add: 'Add the key',
  adding: 'Touch your key…',
  addedNow: 'The key “{name}” is added.',
  cancelled: 'The key did not answer or the operation was cancelled. Try again.',
  unsupported: 'This browser cannot use a security key.',
  loading: 'Loading your keys…',
  retry: 'Try again',
  homeTitle: 'Security keys',
  homeText: 'Sign in with a key instead of the 6-digit code.',
  signInWithKey: 'Use my security key',
  signInWithKeyHint: 'Enter your address and passphrase, then touch your key.',
  or: 'or',
  policyTitle: 'Required security keys',
  policyLead:
    'For the roles ticked, signing in requires a security key as soon as the person has added one. At their next sign-in with the 6-digit code, they are asked to add one.',
  policyLegend: 'Require a key for',
  policySave: 'Save the rule',
  policySaving: 'Saving…',
  policySaved: 'The rule is saved.',
  roles: { supervisor: 'Supervisors', custodian: 'Custodians' },
};

const catalogues = { fr: keysFr, en: keysEn } satisfies Record<LocaleCode, SecurityKeyCatalogue>;

export function useSecurityKeyT(): SecurityKeyCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}
