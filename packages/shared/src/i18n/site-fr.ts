/**
 * French: the working language and the reference catalogue. Every other
 * catalogue must have exactly these keys (see `Catalogue`).
 *
 * Writing rules: short sentences, everyday words (CEFR B1), a plain
 * explanation beside any legal term. `{phone}` is replaced by the emergency
 * number as a link. French spacing: a no-break space (U+00A0) before : ? ! »
 * and after «, so the sign never starts a line on a narrow screen.
 */
export const fr = {
  meta: {
    /** The language's name in itself, shown in the language switcher. */
    name: 'Français',
    dir: 'ltr',
    /** Neutral on purpose: no "protection", "CNDH" or "défenseur". */
    documentTitle: 'Informations',
    /** Each public page's name in the tab, as neutral as the site's: screen readers tell pages apart, a glance over the shoulder learns nothing. */
    pageTitles: { home: 'Accueil', demande: 'Formulaire', suivi: 'Suivi', rappel: 'Rappel', aide: 'Aide' },
    /** Staff pages, as neutral (no reference, no "dossier": a tab can be seen across a room). */
    staffTitles: {
      accueil: 'Accueil',
      connexion: 'Connexion',
      liste: 'Liste',
      fiche: 'Fiche',
      urgences: 'Alertes',
      agenda: 'Agenda',
      recherche: 'Recherche',
      saisie: 'Saisie',
      statistiques: 'Tableaux',
      autre: 'Espace de travail',
    },
  },
  layout: {
    skipLink: 'Aller au contenu',
    brandOwner: 'CNDH Mali',
    brandName: 'Protection des défenseurs',
    homeLinkLabel: 'Accueil',
    quickExit: 'Quitter vite',
    quickExitHint: 'Ouvre tout de suite une page météo. Sur un ordinateur : touche Échap deux fois.',
    emergency: 'Urgence : appelez le {phone}',
    emergencyRegion: 'Urgence et langue',
    emergencyShort: 'Urgence : {phone}',
    languageLabel: 'Langue',
    footerNavLabel: 'Pages du site',
    footerAbout: 'Mécanisme national de protection des défenseurs des droits de l’homme (MNPDDH), Commission nationale des droits de l’homme (CNDH) du Mali.',
    footerNoTrace: 'Ce site ne garde aucun brouillon sur votre appareil.',
    call: 'Appeler le {phone}',
    staffLink: 'Espace du personnel',
    callBack: 'Être rappelé',
    loading: 'Chargement de la page…',
    loadFailed: 'La page n’a pas pu se charger. La connexion est peut-être coupée.',
    retry: 'Réessayer',
    /** Spoken help: plays a prompt the mechanism recorded for this step (for people who do not read). */
    listen: 'Écouter',
    /** Shown on every page of a language whose translation awaits review by a native speaker (Bambara today): short, in that language. */
    reviewNotice: 'Cette traduction attend encore la relecture d’un locuteur natif.',
  },
  nav: {
    home: 'Accueil',
    request: 'Demander une protection',
    followUp: 'Suivre ma demande',
    help: 'Aide et sécurité',
  },
  home: {
    eyebrow: 'Commission nationale des droits de l’homme du Mali',
    title: 'Nous protégeons les défenseurs des droits de l’homme',
    lead: 'Vous êtes menacé à cause de votre action pour les droits de l’homme ? Un proche ou un collègue est en danger ? Vous pouvez nous demander de l’aide.',
    actionsTitle: 'Ce que vous pouvez faire ici',
    requestText: 'Expliquez-nous ce qui se passe, pour vous ou pour un proche.',
    followUpText: 'Vous avez déjà fait une demande ? Avec votre reçu, lisez nos réponses et ajoutez des informations.',
    urgentTitle: 'En cas d’urgence',
    urgentText: 'Une personne vient d’être arrêtée ou enlevée ? Quelqu’un menace de vous tuer ? N’attendez pas : appelez-nous.',
    whoTitle: 'Qui sommes-nous ?',
    who: [
      'Nous sommes l’équipe protection de la Commission nationale des droits de l’homme (CNDH) du Mali. Nous aidons les défenseurs des droits de l’homme qui sont en danger à cause de leur action. Nous aidons aussi leur famille et leurs collaborateurs.',
      'Un défenseur des droits de l’homme, c’est toute personne qui agit de façon pacifique pour les droits des autres : journaliste, avocat, syndicaliste, militante pour les droits des femmes, leader communautaire, membre d’une association, et bien d’autres.',
      'La loi n°2018-003 du 12 janvier 2018 protège les défenseurs des droits de l’homme au Mali.',
    ],
    noCard: 'Vous n’avez pas besoin de la carte de défenseur pour demander une protection.',
    protectTitle: 'Comment nous protégeons votre demande',
    protect: [
      'Seule l’équipe protection de la CNDH lit votre demande.',
      'Votre demande est chiffrée (mise sous clé) dès son arrivée chez nous.',
      'Nous ne parlons de votre situation à personne d’autre sans votre accord, sauf si une vie est en danger immédiat.',
      'Ce site ne garde pas ce que vous écrivez sur votre appareil.',
    ],
    protectLimits: 'Aucun site ne peut tout cacher. Lisez ce que ce site protège, et ce qu’il ne peut pas protéger :',
  },
  help: {
    title: 'Aide et sécurité',
    lead: 'Cette page dit ce que ce site protège, ce qu’il ne peut pas protéger, et comment l’utiliser avec moins de risques.',
    protectsTitle: 'Ce que ce site protège',
    protects: [
      'La connexion est chiffrée : une personne qui surveille le réseau ne peut pas lire ce que vous écrivez.',
      'Votre demande est chiffrée dès son arrivée. Seule l’équipe protection de la CNDH peut la lire.',
      'Ce site ne charge rien depuis d’autres sites : pas de publicité, pas de mesure d’audience, pas de polices ou d’images venues d’ailleurs.',
    ],
    limitsTitle: 'Ce que ce site ne peut pas cacher',
    limits: [
      'Votre opérateur téléphonique, le réseau de votre travail ou d’un cybercafé peut voir que vous avez visité ce site, à quelle heure, et à peu près combien de données vous avez envoyées (par exemple, si vous avez envoyé un gros fichier). Il ne peut pas lire le contenu.',
      'Une personne qui prend votre téléphone peut voir l’historique du navigateur.',
      'Si votre téléphone ou votre ordinateur contient un logiciel espion, ce logiciel peut voir ce que vous écrivez.',
    ],
    torTitle: 'Le plus sûr : Tor Browser',
    tor: [
      'Tor Browser est un navigateur gratuit. Il cache à votre opérateur le site que vous visitez, et il nous cache l’endroit où vous êtes.',
      'Téléchargez-le seulement depuis le site officiel torproject.org ou depuis Google Play (éditeur : The Tor Project).',
    ],
    dataSaverTitle: 'Évitez les navigateurs « économiseurs de données »',
    dataSaver: [
      'Opera Mini et UC Browser font passer vos pages par les serveurs de leur entreprise pour les compresser. Cette entreprise peut alors lire ce que vous écrivez.',
      'Utilisez plutôt Tor Browser, Firefox ou Chrome.',
    ],
    exitTitle: 'Le bouton « Quitter vite »',
    exit: [
      'Il est en haut à droite de chaque page. Il remplace tout de suite ce site par une page météo.',
      'Sur un ordinateur, vous pouvez aussi appuyer deux fois sur la touche Échap.',
      'Il n’efface pas l’historique du navigateur. Sur un appareil partagé, utilisez la navigation privée, ou effacez l’historique après votre visite.',
    ],
    draftTitle: 'Rien n’est gardé sur votre appareil',
    draft: [
      'Ce site n’enregistre pas ce que vous écrivez sur votre téléphone ou votre ordinateur : il ne garde aucun brouillon. Même le choix de la langue est oublié quand vous fermez la page.',
      'Si vous fermez la page avant d’envoyer, le texte est perdu. Envoyez d’abord l’essentiel : vous pourrez compléter plus tard.',
    ],
  },
  notFound: {
    title: 'Page introuvable',
    text: 'Cette adresse n’existe pas sur ce site.',
    backHome: 'Retour à l’accueil',
  },
};

/** The shape every language must fill: derived from French, the reference. */
export type Catalogue = typeof fr;
