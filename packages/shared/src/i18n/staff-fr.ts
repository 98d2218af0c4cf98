/*
 * The staff side's words, in French (the source): why the API refused a
 * staff action, field by field; what an alert says; what a PDF document
 * prints around its template. The staff side speaks French and
 * English only, so these messages are in locales/en.po (`staff.…`) and in no
 * other language's catalogue (docs/TRANSLATING.md).
 */
import type { AlertKind } from '../alerts.js';

export const staffFr = {
  fields: {
    common_password: 'Cette phrase de passe est trop courante. Choisissez-en une plus longue et personnelle.',
    second_factor_required: 'Saisissez le code à 6 chiffres ou utilisez votre clé de sécurité.',
    security_key_response: 'La réponse de la clé de sécurité est illisible. Réessayez.',
    last_security_key: 'Vous ne pouvez pas retirer votre dernière clé de sécurité : votre rôle en exige une. Ajoutez-en une autre d’abord.',
    override_reason_required: 'Le niveau retenu diffère du niveau suggéré : expliquez pourquoi.',
    nothing_to_change: 'Indiquez au moins une modification.',
    unknown_legal_basis: "Ce fondement juridique n'est pas dans la liste.",
    unknown_measure: "Cette mesure n'existe pas dans ce dossier.",
    unknown_citation: "Ce fondement n'est pas cité dans ce dossier.",
    agenda_event_already_cancelled: 'Cette date est déjà annulée.',
    assignee_not_certified: 'Cette personne ne peut pas recevoir de dossier (compte inactif ou clé non créée).',
    assign_not_allowed: 'Seuls les superviseurs et la personne de permanence attribuent les dossiers.',
    case_not_assigned: 'Ce dossier n’est attribué à personne : attribuez-le plutôt.',
    assignee_already_holds: 'La personne chargée du dossier peut déjà l’ouvrir : rien à rendre.',
    assignee_without_key:
      'La personne chargée ne s’est pas encore reconnectée avec son nouveau mot de passe : rendez-lui l’accès une fois qu’elle l’aura fait.',
    month_format: 'Indiquez un mois sous la forme AAAA-MM.',
    phone_format: 'Indiquez un numéro : des chiffres, des espaces, un + au début si besoin.',
    period_reversed: 'La fin de la période est avant son début.',
    same_dimension: 'Choisissez deux dimensions différentes.',
    not_crossable: 'Ces deux dimensions ne se croisent pas dans les statistiques.',
    not_a_next_step: "Ce changement de statut n'est pas possible depuis le statut actuel.",
    outcome_required: 'Pour clore le dossier, indiquez son issue.',
    defender_not_informed: 'Pour clore le dossier, confirmez que le défenseur ou sa famille a été informé.',
    disappearance_still_open: "La personne est toujours disparue : le dossier reste ouvert, sauf décision motivée d'un superviseur.",
    supervisor_only: 'Seul un superviseur peut déclarer un dossier irrecevable ou rouvrir un dossier.',
    case_not_closed: "Ce dossier n'est pas clos : la conservation ne commence qu'à la clôture.",
    extension_not_later: "Cette date n'allonge pas la conservation : choisissez une date après l'échéance actuelle.",
    not_on_legal_hold: "Ce dossier n'est pas sous conservation légale : il n'a pas besoin de confirmation.",
    reference_format: 'Indiquez une référence de dossier sous la forme ABCD-EFGH.',
    reason_required: 'Indiquez la raison.',
    link_target_required: 'Indiquez la référence de l’autre dossier.',
    link_to_itself: 'Un dossier ne peut pas être lié à lui-même.',
    already_linked: 'Ces deux dossiers sont déjà liés.',
    case_not_held: 'Aucun dossier que vous suivez ne porte cette référence.',
    not_a_collective_subject: 'Aucun des deux dossiers n’est marqué comme sujet collectif : marquez d’abord celui de l’organisation ou de la communauté.',
    unknown_link: 'Ce lien n’existe pas (ou plus) dans ce dossier.',
    search_too_short: 'Tapez au moins 2 caractères.',
    correction_required: 'Indiquez la correction demandée par la personne.',
    correction_only_for_rectification: 'Une correction ne s’enregistre qu’avec une demande de rectification.',
    unknown_data_subject_request: 'Cette demande n’existe pas dans ce dossier, ou ne porte pas sur ce droit.',
    legal_hold_confirmation_required:
      'Ce dossier concerne une violation grave (conservation légale) : confirmez explicitement que ses preuves seront détruites.',
    case_changed: 'Le dossier a changé pendant votre confirmation : rechargez-le et recommencez.',
    consent_required:
      'Sans accord de la personne pour ce destinataire et ces informations, cette action est impossible (sauf exception d’urgence enregistrée).',
    consent_not_active: 'Cet accord est déjà retiré.',
    already_confirmed: 'Cet accord est déjà confirmé avec la personne.',
    exception_not_allowed: 'Seuls les superviseurs et la personne de permanence enregistrent une exception d’urgence.',
    partner_required: 'Choisissez un partenaire de l’annuaire.',
    unknown_partner: 'Ce partenaire n’est pas dans l’annuaire ou n’est plus actif.',
    unknown_referral: 'Cette orientation n’existe pas dans ce dossier.',
    unknown_placeholder:
      'Ce modèle contient un champ entre doubles accolades inconnu. Champs possibles : reference, defender_name, organisation, recipient, date, received_on, note, document_id, chronology, statements, attachments.',
    template_changed: 'Ce modèle a été modifié entre-temps. Rechargez la page.',
    unknown_document: 'Ce document n’existe pas dans ce dossier.',
    document_not_approved: 'Ce document n’est pas encore approuvé par un superviseur : il ne peut pas être délivré.',
    already_approved: 'Ce document est déjà approuvé.',
    approver_is_drafter: 'La personne qui a rédigé le document ne peut pas l’approuver : demandez à un autre superviseur.',
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
    escrow_rotation_unfinished:
      'Une rotation de la clé de secours est inachevée : terminez-la d’abord (demandez « Changer la clé de secours », elle reprend où elle s’est arrêtée).',
    escrow_risk_not_accepted:
      'Cette réinitialisation laisse le séquestre ouvrable par moins de deux paires de dépositaires. Lisez ce qu’elle fait au séquestre et confirmez-le expressément.',
    second_person_required:
      'Désactiver ou révoquer un(e) administrateur(trice), un(e) dépositaire ou un(e) auditeur(trice) demande deux personnes : faites une demande, qu’un(e) autre administrateur(trice) ou superviseur(e) confirmera.',
    own_drastic_act: 'Vous ne pouvez pas confirmer votre propre demande : une autre personne doit le faire.',
    drastic_act_about_you: 'Vous ne pouvez pas confirmer une demande qui vous concerne.',
    drastic_act_expired: 'Cette demande a expiré ou n’existe plus. Faites-en une nouvelle.',
    not_reinstatable: 'Cette personne est active : il n’y a rien à rétablir.',
    revocation_reason_required: 'Choisissez le motif de la révocation.',
    not_a_request_alert: "Cette alerte n'est pas celle d'une nouvelle demande, ou elle est déjà marquée comme indésirable.",
    prompt_too_large: 'Cet enregistrement dépasse 512 Kio : raccourcissez-le ou enregistrez-le en Opus ou MP3.',
    prompt_not_audio: "Ce fichier n'est pas un enregistrement accepté (Ogg/Opus, MP3, M4A/AAC ou WebM/Opus), quel que soit son nom.",
    prompt_unreadable: 'Cet enregistrement est illisible ou coupé : enregistrez-le à nouveau.',
    prompt_metadata:
      'Cet enregistrement porte des étiquettes qui peuvent nommer la personne ou le lieu (titre, artiste, commentaire…) : exportez-le sans étiquettes, puis renvoyez-le.',
  },
  /** What an alert says outside the portal (e-mail, SMS gateway): nothing about the case, ever — a mailbox or a phone may be read by the wrong person. */
  alerts: {
    /** The e-mail's subject, the same for every alert. */
    subject: 'MNPDDH — alerte',
    /** `count`: how many alerts of this kind nobody has acknowledged yet (one page stands for all of them). The dashboard link follows. */
    kinds: {
      urgent_request: '{count, plural, one {Nouvelle demande urgente — connectez-vous.} other {# nouvelles demandes urgentes — connectez-vous.}}',
      callback_request: '{count, plural, one {Nouvelle demande de rappel — connectez-vous.} other {# nouvelles demandes de rappel — connectez-vous.}}',
      overdue_case: '{count, plural, one {Un dossier a dépassé son délai — connectez-vous.} other {# dossiers ont dépassé leur délai — connectez-vous.}}',
      overdue_measure:
        '{count, plural, one {Une mesure de protection a dépassé son échéance — connectez-vous.} other {# mesures de protection ont dépassé leur échéance — connectez-vous.}}',
      operational: "{count, plural, one {Alerte d'exploitation — connectez-vous.} other {# alertes d'exploitation — connectez-vous.}}",
    } satisfies Record<AlertKind, string>,
  },
  /** The words a PDF document prints around its template's text (case file, attestation, letter). */
  documents: {
    /** Printed across every page: who the copy is for, when, and the document's short id. */
    watermark: 'Destinataire : {recipient} — {date} — document {shortId}',
    footer: "CNDH Mali — Mécanisme de protection des défenseurs des droits de l'homme — document {shortId}",
    page: 'Page {page} / {total}',
    date: 'Date',
    event: 'Événement',
    name: 'Pièce',
    size: 'Taille',
    received: 'Reçue le',
    fingerprint: 'Empreinte SHA-256',
    none: 'Aucune.',
    requestReceived: 'Demande de protection reçue par la CNDH',
    narrative: 'Récit de la demande',
    incident: 'Incident',
    defenderMessage: 'Message de la personne',
    teamMessage: "Message de l'équipe de protection à la personne",
    fileReceived: 'Pièce reçue',
    status: 'Étape du dossier',
    contact: 'Contact avec la personne',
    risk: 'Évaluation du risque',
    measureDecided: 'Mesure de protection décidée',
    measureStatus: 'Mesure de protection',
    statuses: {
      received: 'reçu',
      under_assessment: "en cours d'évaluation",
      measures_in_progress: 'mesures en cours',
      monitoring: 'suivi',
      closed: 'clos',
      inadmissible: 'irrecevable',
    },
    results: {
      reached: 'jointe',
      no_answer: 'pas de réponse',
      phone_off: 'téléphone éteint',
      wrong_number: 'mauvais numéro',
      message_left: 'message laissé',
      unsafe_to_talk: 'ne pouvait pas parler sans danger',
    },
    riskLevels: { ordinary: 'ordinaire', extraordinary: 'extraordinaire', extreme: 'extrême' },
    measureStatuses: { planned: 'prévue', in_progress: 'en cours', done: 'réalisée', cancelled: 'annulée' },
    agendaKinds: { court_hearing: 'Audience', detention_review: 'Examen de la détention', other: 'Échéance' },
  },
};

export type StaffCatalogue = typeof staffFr;
