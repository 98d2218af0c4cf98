import { LEGAL_HOLD_OUTCOMES, LEGAL_HOLD_THREAT_TYPES, PRIVACY_NOTICE_VERSION, type RegisterOfProcessing, type RetentionPolicy } from '@mnpddh/shared';
import type { AppConfig } from '../config/config.schema.js';

/** Mali: hosting anywhere else is a transfer abroad, which needs the APDP's authorisation. */
const HOME_COUNTRY = 'ML';

/** The register of processing, built from what this deployment is configured to do. */
export function registerOfProcessing(config: AppConfig, policy: RetentionPolicy, now: Date): RegisterOfProcessing {
  return {
    generatedAt: now.toISOString(),
    noticeVersion: PRIVACY_NOTICE_VERSION,
    controller: {
      name: 'Commission nationale des droits de l’homme (CNDH) du Mali',
      service: 'Mécanisme national de protection des défenseurs des droits de l’homme (MNPDDH)',
      country: HOME_COUNTRY,
      tenant: config.TENANT,
    },
    legalBasis: [
      'Loi n°2013-015 du 21 mai 2013 portant protection des données à caractère personnel, modifiée par la loi n°2017-070',
      'Loi n°2018-003 relative aux défenseurs des droits de l’homme (mission de protection de la CNDH)',
      'Consentement de la personne (case obligatoire du formulaire ; partage avec des partenaires : consentement séparé)',
    ],
    purposes: [
      'Recevoir les demandes de protection des défenseurs des droits de l’homme',
      'Évaluer le risque, décider et suivre les mesures de protection',
      'Recontacter la personne par le moyen sûr qu’elle a choisi',
      'Statistiques anonymisées (petits effectifs masqués)',
    ],
    dataSubjects: ['Défenseurs des droits de l’homme', 'Proches et collaborateurs en danger', 'Tiers qui signalent', 'Personnel du mécanisme'],
    categories: [
      { category: 'Identité ou pseudonyme, organisation, profil de défenseur', sensitive: false },
      { category: 'Coordonnées sûres (téléphone, courriel, personne de confiance)', sensitive: false },
      { category: 'Récit des faits, lieux, auteurs présumés', sensitive: true },
      { category: 'Opinions, appartenance syndicale, santé, handicap, affaires judiciaires', sensitive: true },
      { category: 'Fichiers et messages vocaux (métadonnées retirées)', sensitive: true },
      { category: 'Version de la notice lue et consentements', sensitive: false },
    ],
    recipients: [
      'Équipe protection de la CNDH ayant une clé du dossier (accès par rôle, chaque lecture journalisée)',
      'Organisations partenaires, seulement avec le consentement séparé de la personne ou en cas de danger de mort immédiat',
      'Auditeurs et partenaires : statistiques anonymisées seulement',
    ],
    transfers: transfers(config.HOSTING_COUNTRY),
    retention: {
      policy,
      legalHold: `Violations graves (${[...LEGAL_HOLD_THREAT_TYPES, ...LEGAL_HOLD_OUTCOMES].join(', ')}) : jamais purgées sans confirmation d’un superviseur`,
      erasure: 'Crypto-destruction : clés, accès, reçu, textes chiffrés et ligne d’index supprimés ; chaque purge est journalisée',
      backupsKept: config.BACKUP_KEEP,
    },
    securityMeasures: securityMeasures(config),
    dataSubjectRights: [
      'Accès, rectification et effacement : sur présentation du reçu (suivi de la demande) ou après un rappel vérifié',
      'Chaque demande et sa réponse sont journalisées ; l’effacement passe par la purge de conservation',
      'Réclamation auprès de l’APDP (Autorité de protection des données à caractère personnel)',
    ],
  };
}

function transfers(hostingCountry: string): RegisterOfProcessing['transfers'] {
  const abroad = hostingCountry !== HOME_COUNTRY;
  return {
    hostingCountry,
    abroad,
    details: abroad
      ? [
          `Hébergement du serveur et des sauvegardes hors du Mali (${hostingCountry}) : données chiffrées avant stockage ; autorisation préalable de l’APDP requise`,
        ]
      : [],
  };
}

/** Measures in place; those that depend on the configuration say whether they are on. */
function securityMeasures(config: AppConfig): string[] {
  return [
    'Chiffrement de chaque dossier par des clés propres au dossier (XChaCha20-Poly1305), scellées pour chaque membre du personnel autorisé',
    'Reçus aléatoires pour le suivi, sans compte ni mot de passe pour la personne',
    'Personnel : phrase de passe Argon2id et second facteur ; accès par rôle ; sessions côté serveur',
    'Journal d’audit chaîné et signé par points de contrôle',
    config.TRUST_PROXY ? 'TLS via le proxy de confiance, HSTS envoyé' : 'Proxy TLS non déclaré (TRUST_PROXY=false) : HSTS non envoyé',
    config.BACKUP_PUBLIC_KEY
      ? `Sauvegardes chiffrées pour une clé hors ligne et signées ; ${config.BACKUP_KEEP} conservées`
      : 'Sauvegardes chiffrées : non configurées (BACKUP_PUBLIC_KEY absent)',
    'Politique de sécurité du contenu stricte ; aucune requête vers des tiers depuis le formulaire',
  ];
}
