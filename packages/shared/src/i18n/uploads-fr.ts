/*
 * French strings of the files and voice part (follow-up and the receipt
 * screen). They load with that part only. Same writing rules as fr.ts: short
 * sentences (CEFR B1), everyday words, a no-break space before : ? ! ;
 * `{name}` is filled in by the page.
 */
export const uploadsFr = {
  title: 'Ajouter un fichier ou un message vocal',
  lead: 'Vous pouvez nous envoyer des photos, des documents ou un message vocal. Ce n’est pas obligatoire : votre demande est déjà envoyée.',
  stayHint: 'Restez sur cette page jusqu’à « Envoyé ». Si la connexion coupe, l’envoi reprend seul.',
  loading: 'Chargement…',
  file: {
    title: 'Ajouter un fichier ou une photo',
    label: 'Choisir des fichiers ou des photos',
    hint: '50 Mo au plus par fichier. Vous pouvez en choisir plusieurs.',
    photoWarning:
      'Attention : une photo peut montrer où et quand elle a été prise, et quel téléphone l’a prise. Le site enlève ces informations avant l’envoi.',
    keepLabel: 'Garder l’original comme preuve (il peut révéler le lieu)',
    keepHint:
      'Cochez seulement si l’équipe a besoin du lieu, de la date et du téléphone comme preuve. Si ce téléphone est pris, ces informations peuvent vous mettre en danger.',
    noneChosen: 'Aucun fichier choisi.',
    chosen: '{count, plural, one {# fichier choisi :} other {# fichiers choisis :}}',
    send: 'Envoyer',
    tooBig: '« {name} » est trop grand ({size}). La limite est 50 Mo. Choisissez un fichier plus petit ou appelez-nous.',
    noImageClean:
      'Le site ne peut pas enlever les informations de la photo « {name} » sur ce téléphone. Envoyez une photo JPEG ou PNG, ou cochez « Garder l’original ».',
  },
  voice: {
    title: 'Enregistrer un message vocal',
    warning: 'Attention : une voix permet de reconnaître une personne. Si c’est dangereux pour vous, écrivez plutôt un message.',
    hint: '5 minutes au plus. Vous pouvez écouter avant d’envoyer.',
    start: 'Commencer l’enregistrement',
    stop: 'Arrêter',
    listen: 'Écouter votre message',
    remove: 'Effacer',
    send: 'Envoyer le message vocal',
    recording: 'Enregistrement en cours',
    timer: '{time} sur {max}',
    maxReached: 'L’enregistrement s’est arrêté : 5 minutes au plus.',
    ready: 'Message enregistré ({time}). Écoutez-le, puis envoyez-le ou effacez-le.',
    removed: 'Message effacé.',
    noMicrophone: 'Ce téléphone n’a pas de micro utilisable. Vous pouvez écrire un message ou nous appeler.',
    refused:
      'Le site n’a pas le droit d’utiliser le micro. Pour enregistrer, autorisez le micro dans les réglages du navigateur, puis réessayez. Vous pouvez aussi écrire un message.',
    unsupported: 'Ce navigateur ne peut pas enregistrer ici. Vous pouvez écrire un message ou nous appeler.',
    failed: 'L’enregistrement n’a pas marché. Réessayez.',
    name: 'message-vocal',
  },
  item: {
    listTitle: 'Envois',
    queued: 'En attente : l’envoi commence après le précédent.',
    preparing: 'Préparation : le site enlève les informations de la photo…',
    progress: 'Envoi de « {name} »',
    bytes: '{sent} sur {total} ({percent} %)',
    done: 'Envoyé : « {name} ».',
    voiceLabel: 'Message vocal',
    paused: 'La connexion a coupé. L’envoi de « {name} » est en pause à {percent} %.',
    retrying: 'La connexion a coupé. Nouvel essai dans un instant…',
    refused: '« {name} » n’a pas été accepté : {reason}',
    cancelled: 'Envoi de « {name} » annulé.',
    expired: 'Le temps pour cet envoi est dépassé. Choisissez le fichier de nouveau.',
    resume: 'Reprendre',
    cancel: 'Annuler',
    cancelNamed: 'Annuler l’envoi de « {name} »',
    resumeNamed: 'Reprendre l’envoi de « {name} »',
    keptOriginal: 'Original gardé, avec ses informations.',
    cleaned: 'Informations de la photo enlevées.',
  },
  units: { b: '{n} o', kb: '{n} Ko', mb: '{n} Mo' },
  sessionEnded: 'Votre accès s’est fermé. Les envois en cours sont arrêtés.',
};

/** The shape every language must fill: derived from French, the reference. */
export type UploadsCatalogue = typeof uploadsFr;
