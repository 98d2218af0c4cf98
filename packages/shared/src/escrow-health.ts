import { z } from 'zod';
import type { Locale } from './locale.js';

/**
 * The escrow's health: which pairs of custodians can still open it. A pair
 * works while a share sealed to both of them still opens with their current
 * keys (a password reset gives a custodian a new key: their shares stop
 * opening until two others re-seal). Below this many working pairs, one more
 * lost custodian could lose the escrow: admins and supervisors see a loud
 * warning on every page, and an admin action that leads there asks first.
 */
export const ESCROW_MINIMUM_WORKING_PAIRS = 2;

const Person = z.strictObject({ id: z.uuid(), name: z.string() });

export const EscrowHealth = z.strictObject({
  /** an active escrow key exists */
  escrowExists: z.boolean(),
  custodians: z.array(
    Person.extend({
      /** in at least one working pair */
      working: z.boolean(),
      /** holds other roles too (a small team): the trade-off is in docs/SECURITY.md */
      otherRoles: z.boolean(),
    }),
  ),
  /** unordered pairs of custodians who can open the escrow together today */
  workingPairs: z.array(z.strictObject({ first: Person, second: Person })),
  /** fewer than ESCROW_MINIMUM_WORKING_PAIRS working pairs */
  warning: z.boolean(),
  /** no working pair at all: nobody can open the escrow any more */
  lost: z.boolean(),
  /** an active custodian's shares do not open (new key, or never sealed to them): two working custodians should run reseal_escrow */
  resealNeeded: z.boolean(),
});
export type EscrowHealth = z.infer<typeof EscrowHealth>;

/** What a password reset will do, shown before the admin confirms it. */
export const PasswordResetImpact = z.strictObject({
  /** the person's open sessions, ended at once */
  sessions: z.number().int().min(0),
  /** cases the person holds: their access ends at once (a supervisor, or two custodians, re-grants) */
  casesHeld: z.number().int().min(0),
  /** the person is a custodian: their escrow shares stop opening */
  custodian: z.boolean(),
  /** the escrow now and after the reset */
  escrowBefore: EscrowHealth,
  escrowAfter: EscrowHealth,
  /** the reset needs `escrowRiskAccepted: true`: it leaves fewer working pairs than the minimum, and fewer than now */
  escrowRiskToAccept: z.boolean(),
});
export type PasswordResetImpact = z.infer<typeof PasswordResetImpact>;

/** Confirms a password reset; the escrow risk must be accepted in so many words when the impact asks for it. */
export const PasswordResetRequest = z.strictObject({
  escrowRiskAccepted: z.boolean().optional(),
});
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

export const ESCROW_FIELD_MESSAGES: Record<Locale, Record<string, string>> = {
  fr: {
    no_escrow_key: 'Il n’y a pas encore de clé de secours : un(e) administrateur(trice) la crée avec les dépositaires.',
    custodian_share_does_not_open:
      'Votre clé n’ouvre pas votre part de la clé de secours (votre phrase de passe a été réinitialisée depuis le dernier scellement). Demandez à une autre personne dépositaire de commencer ; deux dépositaires dont la part fonctionne peuvent re-sceller la clé pour vous.',
    custodian_operation_completed: 'Cette demande a déjà été complétée.',
    custodian_operation_expired: 'Cette demande a expiré (24 heures). Faites une nouvelle demande.',
    custodian_own_request: 'Vous avez fait cette demande : une autre personne dépositaire doit la compléter depuis sa propre session.',
    custodian_benefits_self: 'Cette demande vous concerne : une autre personne dépositaire doit la compléter.',
    custodian_no_share_with_requester:
      'Aucune part de la clé de secours ne vous lie à la personne qui a fait la demande (clé changée depuis le scellement). Une autre personne dépositaire doit la compléter, ou re-scellez d’abord la clé de secours.',
    recipient_not_ready:
      'Cette personne n’a pas encore de clé : elle doit d’abord se reconnecter avec sa nouvelle phrase de passe. Refaites ensuite la demande.',
    case_still_held:
      'Ce dossier est encore détenu par une personne active : ce n’est pas aux dépositaires de le donner. Un(e) superviseur(e) qui le détient le redonne depuis la page du dossier (« Attribuer »), ou rendez d’abord ses dossiers à la personne avec « Rendre ses dossiers à une personne ».',
    escrow_rotation_unfinished: 'Une rotation de la clé de secours est inachevée : terminez-la d’abord (demandez « Changer la clé de secours », elle reprend où elle s’est arrêtée).',
    escrow_risk_not_accepted:
      'Cette réinitialisation laisse le séquestre ouvrable par moins de deux paires de dépositaires. Lisez ce qu’elle fait au séquestre et confirmez-le expressément.',
  },
  en: {
    no_escrow_key: 'There is no recovery key yet: an admin creates it with the custodians.',
    custodian_share_does_not_open:
      'Your key does not open your share of the recovery key (your passphrase was reset since it was last sealed). Ask another custodian to start; two custodians whose share works can re-seal the key for you.',
    custodian_operation_completed: 'This request was already completed.',
    custodian_operation_expired: 'This request has expired (24 hours). Make a new one.',
    custodian_own_request: 'You made this request: another custodian must complete it from their own session.',
    custodian_benefits_self: 'This request is about you: another custodian must complete it.',
    custodian_no_share_with_requester:
      'No share of the recovery key links you to the custodian who asked (a key changed since it was sealed). Another custodian must complete it, or re-seal the recovery key first.',
    recipient_not_ready: 'This person has no key yet: they must first sign in with their new passphrase. Then make the request again.',
    case_still_held:
      'An active staff member still holds this case: custodians do not give it. A supervisor who holds it gives it back from the case page ("Assign"), or first give the person their cases back with "Give a person their cases back".',
    escrow_rotation_unfinished: 'A recovery key rotation is unfinished: finish it first (ask for "Change the recovery key", it resumes where it stopped).',
    escrow_risk_not_accepted:
      'This reset leaves the recovery key openable by fewer than two pairs of custodians. Read what it does to the recovery key and confirm it expressly.',
  },
};
