import { z } from 'zod';
import type { Locale } from './locale.js';
import { TRANSITION_REFUSAL_MESSAGES } from './workflow.js';
import { RETENTION_FIELD_MESSAGES } from './retention.js';
import { CASE_LINK_FIELD_MESSAGES } from './case-links.js';
import { CASE_SEARCH_FIELD_MESSAGES } from './case-search.js';
import { DATA_SUBJECT_FIELD_MESSAGES } from './data-subject.js';
import { CONSENT_FIELD_MESSAGES } from './consent.js';
import { DOCUMENT_FIELD_MESSAGES } from './documents.js';
import { DRASTIC_ACT_FIELD_MESSAGES } from './drastic-acts.js';
import { ESCROW_FIELD_MESSAGES } from './escrow-health.js';
import { ALERT_FIELD_MESSAGES } from './alerts.js';
import { SPOKEN_PROMPT_FIELD_MESSAGES } from './spoken-help.js';

/** Every error the API returns carries one of these codes. */
export const ErrorCode = z.enum([
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  /** Understood, but the case's state or a rule forbids it (consent withdrawn, not yet approved): the reason leads the message. */
  'REFUSED',
  'INTEGRITY_FAILED',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'BUSY',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** One HTTP status per code: the single mapping the API uses. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  REFUSED: 422,
  INTEGRITY_FAILED: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  BUSY: 503,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** User-facing messages: plain words, no internals. French first. */
export const ERROR_MESSAGES: Record<Locale, Record<ErrorCode, string>> = {
  fr: {
    VALIDATION_FAILED: 'Certaines informations ne sont pas valides. Vérifiez les champs signalés.',
    UNAUTHENTICATED: 'Vous devez vous connecter pour continuer.',
    FORBIDDEN: "Vous n'avez pas accès à cette page ou à cette action.",
    NOT_FOUND: "Ce que vous cherchez n'existe pas ou n'est plus disponible.",
    CONFLICT: "Cette action a déjà été faite ou entre en conflit avec une autre. Rechargez la page.",
    REFUSED: "Cette action n'est pas possible dans l'état actuel du dossier.",
    INTEGRITY_FAILED:
      "Ce dossier a été modifié en dehors du portail. Il n'est pas affiché. L'incident est enregistré ; prévenez un superviseur.",
    PAYLOAD_TOO_LARGE: "L'envoi est trop volumineux.",
    RATE_LIMITED: 'Trop de tentatives. Attendez un peu puis réessayez.',
    BUSY: "Le portail reçoit beaucoup de demandes en ce moment et votre envoi attendait son tour. Rien n'est enregistré pour l'instant : réessayez dans quelques secondes ou, si c'est urgent, appelez la ligne d'urgence.",
    SERVICE_UNAVAILABLE: 'Le service est momentanément indisponible. Réessayez dans quelques instants.',
    INTERNAL: "Une erreur inattendue s'est produite. Réessayez ; si elle revient, donnez ce code à l'équipe.",
  },
  en: {
    VALIDATION_FAILED: 'Some information is not valid. Check the fields marked.',
    UNAUTHENTICATED: 'You need to sign in to continue.',
    FORBIDDEN: 'You do not have access to this page or action.',
    NOT_FOUND: 'What you are looking for does not exist or is no longer available.',
    CONFLICT: 'This was already done or conflicts with another change. Reload the page.',
    REFUSED: 'This action is not possible in the current state of the case.',
    INTEGRITY_FAILED:
      'This case was changed outside the portal. It is not shown. The incident is logged; tell a supervisor.',
    PAYLOAD_TOO_LARGE: 'What you sent is too large.',
    RATE_LIMITED: 'Too many attempts. Wait a little, then try again.',
    BUSY: 'The portal is receiving many requests right now and yours was waiting its turn. Nothing is saved yet: try again in a few seconds or, if it is urgent, call the emergency line.',
    SERVICE_UNAVAILABLE: 'The service is briefly unavailable. Try again in a few moments.',
    INTERNAL: 'Something unexpected went wrong. Try again; if it happens again, give this code to the team.',
  },
};

export const FieldError = z.object({
  /** Dotted path of the field, e.g. `incidents.0.date`. */
  field: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** The body of every error response. */
export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    retryable: z.boolean(),
    fields: z.array(FieldError).optional(),
    correlationId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/**
 * Messages for the validation codes our schemas raise themselves (zod's own
 * messages come from its locales). The same words in the form and the API.
 */
export const FIELD_MESSAGES: Record<Locale, Record<string, string>> = {
  fr: {
    invalid_characters: 'Ce texte contient des caractères non autorisés.',
    date_in_future: 'Cette date est dans le futur.',
    date_out_of_range: "Cette date n'est pas plausible (années 1900 à 2199).",
    required_for_method: 'Indiquez-le pour que nous puissions vous joindre de cette façon.',
    consent_for_measure_not_asked: 'Vous pouvez donner votre accord seulement pour une aide que vous demandez.',
    no_contact_alone: '« Pas de contact » ne peut pas être choisi avec un autre moyen.',
    common_password: 'Cette phrase de passe est trop courante. Choisissez-en une plus longue et personnelle.',
    idempotency_key_length: 'La clé d’envoi doit compter de 16 à 200 caractères.',
    file_too_large: 'Ce fichier est trop volumineux.',
    too_many_files: 'Ce dossier a atteint le nombre maximal de fichiers.',
    unknown_file_type: "Ce type de fichier n'est pas accepté (photos JPEG, PNG, WebP, PDF, audio).",
    not_audio: "Ce fichier n'est pas un enregistrement audio.",
    metadata_still_present: 'Les métadonnées de cette image (position, appareil) sont encore présentes.',
    second_factor_required: 'Saisissez le code à 6 chiffres ou utilisez votre clé de sécurité.',
    security_key_response: 'La réponse de la clé de sécurité est illisible. Réessayez.',
    last_security_key: 'Vous ne pouvez pas retirer votre dernière clé de sécurité : votre rôle en exige une. Ajoutez-en une autre d’abord.',
    first_piece_too_small: "Le premier envoi est trop court pour vérifier le fichier.",
    override_reason_required: 'Le niveau retenu diffère du niveau suggéré : expliquez pourquoi.',
    nothing_to_change: 'Indiquez au moins une modification.',
    unknown_legal_basis: "Ce fondement juridique n'est pas dans la liste.",
    unknown_measure: "Cette mesure n'existe pas dans ce dossier.",
    unknown_citation: "Ce fondement n'est pas cité dans ce dossier.",
    agenda_event_already_cancelled: 'Cette date est déjà annulée.',
    assignee_not_certified: "Cette personne ne peut pas recevoir de dossier (compte inactif ou clé non créée).",
    assign_not_allowed: 'Seuls les superviseurs et la personne de permanence attribuent les dossiers.',
    case_not_assigned: 'Ce dossier n’est attribué à personne : attribuez-le plutôt.',
    assignee_already_holds: 'La personne chargée du dossier peut déjà l’ouvrir : rien à rendre.',
    assignee_without_key: 'La personne chargée ne s’est pas encore reconnectée avec son nouveau mot de passe : rendez-lui l’accès une fois qu’elle l’aura fait.',
    month_format: 'Indiquez un mois sous la forme AAAA-MM.',
    phone_format: 'Indiquez un numéro : des chiffres, des espaces, un + au début si besoin.',
    period_reversed: 'La fin de la période est avant son début.',
    same_dimension: 'Choisissez deux dimensions différentes.',
    not_crossable: 'Ces deux dimensions ne se croisent pas dans les statistiques.',
    unknown_notice_version: 'Cette version de la notice sur les données personnelles est inconnue. Rechargez la page et relisez-la.',
    ...TRANSITION_REFUSAL_MESSAGES.fr,
    ...RETENTION_FIELD_MESSAGES.fr,
    ...CASE_LINK_FIELD_MESSAGES.fr,
    ...CASE_SEARCH_FIELD_MESSAGES.fr,
    ...DATA_SUBJECT_FIELD_MESSAGES.fr,
    ...CONSENT_FIELD_MESSAGES.fr,
    ...DOCUMENT_FIELD_MESSAGES.fr,
    ...ESCROW_FIELD_MESSAGES.fr,
    ...DRASTIC_ACT_FIELD_MESSAGES.fr,
    ...ALERT_FIELD_MESSAGES.fr,
    ...SPOKEN_PROMPT_FIELD_MESSAGES.fr,
  },
  en: {
    invalid_characters: 'This text contains characters that are not allowed.',
    date_in_future: 'This date is in the future.',
    date_out_of_range: 'This date is out of range (years 1900 to 2199).',
    required_for_method: 'Give it so we can reach you this way.',
    consent_for_measure_not_asked: 'You can only agree for help you ask for.',
    no_contact_alone: '"No contact" cannot be chosen with another way.',
    common_password: 'This passphrase is too common. Choose a longer, personal one.',
    idempotency_key_length: 'The submission key must be 16 to 200 characters long.',
    file_too_large: 'This file is too large.',
    too_many_files: 'This case already holds the most files allowed.',
    unknown_file_type: 'This type of file is not accepted (JPEG, PNG, WebP photos, PDF, audio).',
    not_audio: 'This file is not an audio recording.',
    metadata_still_present: 'This image still carries its metadata (location, device).',
    second_factor_required: 'Enter the 6-digit code or use your security key.',
    security_key_response: 'The security key’s answer could not be read. Try again.',
    last_security_key: 'You cannot remove your last security key: your role requires one. Add another first.',
    first_piece_too_small: 'The first piece is too short to check the file.',
    override_reason_required: 'The level chosen differs from the suggested level: say why.',
    nothing_to_change: 'Give at least one change.',
    unknown_legal_basis: 'This legal basis is not in the list.',
    unknown_measure: 'This measure does not exist in this case.',
    unknown_citation: 'This legal basis is not cited in this case.',
    agenda_event_already_cancelled: 'This date is already cancelled.',
    assignee_not_certified: 'This person cannot receive cases (inactive account or no key yet).',
    assign_not_allowed: 'Only supervisors and the person on call assign cases.',
    case_not_assigned: 'Nobody is responsible for this case: assign it instead.',
    assignee_already_holds: 'The person responsible can already open this case: nothing to give back.',
    assignee_without_key: 'The person responsible has not signed in with their new password yet: give the access back once they have.',
    month_format: 'Give a month as YYYY-MM.',
    phone_format: 'Give a number: digits, spaces, a leading + if needed.',
    period_reversed: 'The end of the period is before its start.',
    same_dimension: 'Choose two different dimensions.',
    not_crossable: 'These two dimensions cannot be crossed in the statistics.',
    unknown_notice_version: 'This version of the personal data notice is unknown. Reload the page and read it again.',
    ...TRANSITION_REFUSAL_MESSAGES.en,
    ...RETENTION_FIELD_MESSAGES.en,
    ...CASE_LINK_FIELD_MESSAGES.en,
    ...CASE_SEARCH_FIELD_MESSAGES.en,
    ...DATA_SUBJECT_FIELD_MESSAGES.en,
    ...CONSENT_FIELD_MESSAGES.en,
    ...DOCUMENT_FIELD_MESSAGES.en,
    ...ESCROW_FIELD_MESSAGES.en,
    ...DRASTIC_ACT_FIELD_MESSAGES.en,
    ...ALERT_FIELD_MESSAGES.en,
    ...SPOKEN_PROMPT_FIELD_MESSAGES.en,
  },
};

export function fieldMessage(code: string, locale: Locale): string | undefined {
  return FIELD_MESSAGES[locale][code];
}
