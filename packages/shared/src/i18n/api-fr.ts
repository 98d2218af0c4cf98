/*
 * The API's answers to the public side, in French (the source): the message
 * of each error code, and the field messages the public routes raise (the
 * request form, the call-back, the follow-up and its files). Other languages
 * in locales/<code>.po under `api.…`; the API words each answer in the
 * language the page sends (docs/TRANSLATING.md). Plain words, no internals.
 */
import type { ErrorCode } from '../errors.js';

export const apiFr = {
  /** The message of an error answer: shown above the form or in place of the page. */
  errors: {
    VALIDATION_FAILED: 'Certaines informations ne sont pas valides. Vérifiez les champs signalés.',
    UNAUTHENTICATED: 'Vous devez vous connecter pour continuer.',
    FORBIDDEN: "Vous n'avez pas accès à cette page ou à cette action.",
    NOT_FOUND: "Ce que vous cherchez n'existe pas ou n'est plus disponible.",
    CONFLICT: 'Cette action a déjà été faite ou entre en conflit avec une autre. Rechargez la page.',
    REFUSED: "Cette action n'est pas possible dans l'état actuel du dossier.",
    INTEGRITY_FAILED: "Ce dossier a été modifié en dehors du portail. Il n'est pas affiché. L'incident est enregistré ; prévenez un superviseur.",
    PAYLOAD_TOO_LARGE: "L'envoi est trop volumineux.",
    RATE_LIMITED: 'Trop de tentatives. Attendez un peu puis réessayez.',
    BUSY: "Le portail reçoit beaucoup de demandes en ce moment et votre envoi attendait son tour. Rien n'est enregistré pour l'instant : réessayez dans quelques secondes ou, si c'est urgent, appelez la ligne d'urgence.",
    SERVICE_UNAVAILABLE: 'Le service est momentanément indisponible. Réessayez dans quelques instants.',
    INTERNAL: "Une erreur inattendue s'est produite. Réessayez ; si elle revient, donnez ce code à l'équipe.",
  } satisfies Record<ErrorCode, string>,
  /** One field's message, shown beside the field the answer names. */
  fields: {
    invalid_characters: 'Ce texte contient des caractères non autorisés.',
    date_in_future: 'Cette date est dans le futur.',
    date_out_of_range: "Cette date n'est pas plausible (années 1900 à 2199).",
    required_for_method: 'Indiquez-le pour que nous puissions vous joindre de cette façon.',
    consent_for_measure_not_asked: 'Vous pouvez donner votre accord seulement pour une aide que vous demandez.',
    no_contact_alone: '« Pas de contact » ne peut pas être choisi avec un autre moyen.',
    idempotency_key_length: 'La clé d’envoi doit compter de 16 à 200 caractères.',
    file_too_large: 'Ce fichier est trop volumineux.',
    too_many_files: 'Ce dossier a atteint le nombre maximal de fichiers.',
    unknown_file_type: "Ce type de fichier n'est pas accepté (photos JPEG, PNG, WebP, PDF, audio).",
    not_audio: "Ce fichier n'est pas un enregistrement audio.",
    metadata_still_present: 'Les métadonnées de cette image (position, appareil) sont encore présentes.',
    first_piece_too_small: 'Le premier envoi est trop court pour vérifier le fichier.',
    unknown_notice_version: 'Cette version de la notice sur les données personnelles est inconnue. Rechargez la page et relisez-la.',
    unknown_consent: 'Cet accord n’existe pas dans ce dossier.',
  },
};

export type ApiCatalogue = typeof apiFr;
