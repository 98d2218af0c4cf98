import type { Locale } from './locale.js';

/*
 * The privacy notice required by Loi n°2013-015 (amended by Loi n°2017-070).
 * Versioned: each request stores the version the person saw, so that what
 * they agreed to can be shown later. A new text gets a new version; older
 * versions stay in PRIVACY_NOTICE_VERSIONS so that a form loaded before the
 * change can still be sent.
 */

/** The text shown now. */
export const PRIVACY_NOTICE_VERSION = '2026-11-1';

/** Every version ever shown, oldest first; a request naming another one is refused. */
export const PRIVACY_NOTICE_VERSIONS = [PRIVACY_NOTICE_VERSION] as const;

export interface PrivacyNoticeSection {
  readonly title: string;
  readonly paragraphs: readonly string[];
}

export interface PrivacyNoticeText {
  readonly title: string;
  /** "Version …", shown with the text so the person can quote it. */
  readonly versionLabel: string;
  readonly sections: readonly PrivacyNoticeSection[];
}

/** Plain language (B1): short sentences, no promise the portal cannot keep. */
export const PRIVACY_NOTICE: Record<Locale, PrivacyNoticeText> = {
  fr: {
    title: 'Notice sur vos données personnelles',
    versionLabel: `Version ${PRIVACY_NOTICE_VERSION}`,
    sections: [
      {
        title: 'Qui traite vos données',
        paragraphs: [
          'La Commission nationale des droits de l’homme (CNDH) du Mali, par son Mécanisme national de protection des défenseurs des droits de l’homme (MNPDDH), est responsable de ce traitement.',
        ],
      },
      {
        title: 'Pourquoi',
        paragraphs: [
          'Pour recevoir votre demande, étudier le danger, vous recontacter et organiser votre protection. Nous comptons aussi les demandes pour des statistiques sans nom : personne ne peut y être reconnu.',
        ],
      },
      {
        title: 'Sur quelle base légale',
        paragraphs: [
          'La loi n°2013-015 du 21 mai 2013 sur la protection des données personnelles, modifiée par la loi n°2017-070, et votre accord. La mission de protection de la CNDH vient de la loi n°2018-003 sur les défenseurs des droits de l’homme.',
        ],
      },
      {
        title: 'Ce que nous gardons',
        paragraphs: [
          'Ce que vous écrivez : ce qui se passe, votre situation, les personnes en danger, le moyen sûr de vous joindre, les fichiers envoyés, et la version de cette notice.',
          'Certaines informations sont sensibles (opinions, appartenance syndicale, santé, affaires judiciaires). Nous les demandons seulement si elles aident à vous protéger. Vous pouvez ne pas répondre.',
        ],
      },
      {
        title: 'Comment nous les protégeons',
        paragraphs: [
          'Votre demande est chiffrée (mise sous clé) dès son arrivée. Seules les personnes qui s’occupent de votre dossier ont la clé. Chaque lecture est enregistrée.',
          'Aucun système n’est parfait. La page « Aide » explique ce que ce site protège et ce qu’il ne protège pas.',
        ],
      },
      {
        title: 'Qui peut les lire',
        paragraphs: [
          'Seulement l’équipe protection de la CNDH qui suit votre dossier. Nous ne donnons rien à une autre organisation sans votre accord, sauf si une vie est en danger immédiat. Les statistiques ne contiennent aucun nom.',
        ],
      },
      {
        title: 'Combien de temps',
        paragraphs: [
          'Pendant que nous vous aidons, puis 24 mois après la clôture du dossier (6 mois si la demande n’entre pas dans notre mission), sauf si la CNDH fixe d’autres durées. Les dossiers de violations graves (disparition, meurtre, torture) peuvent être gardés plus longtemps, sur décision d’un superviseur.',
          'Ensuite, les clés sont détruites : le dossier devient illisible pour tous. Les copies de sauvegarde disparaissent à leur tour après quelques semaines.',
        ],
      },
      {
        title: 'Vos droits',
        paragraphs: [
          'Vous pouvez demander à voir vos informations, à les corriger ou à les effacer. Écrivez-nous avec votre reçu (page « Suivre ma demande »), ou appelez-nous : nous vérifions qui vous êtes en vous rappelant avant de répondre.',
          'Un effacement peut être refusé ou retardé si la loi nous oblige à garder le dossier, et nous vous le disons.',
        ],
      },
      {
        title: 'Autorité de contrôle',
        paragraphs: ['Vous pouvez vous plaindre auprès de l’APDP (Autorité de protection des données à caractère personnel du Mali).'],
      },
    ],
  },
  en: {
    title: 'Notice about your personal data',
    versionLabel: `Version ${PRIVACY_NOTICE_VERSION}`,
    sections: [
      {
        title: 'Who processes your data',
        paragraphs: [
          'Mali’s National Human Rights Commission (CNDH), through its National Protection Mechanism for Human Rights Defenders (MNPDDH), is responsible for this processing.',
        ],
      },
      {
        title: 'Why',
        paragraphs: [
          'To receive your request, assess the danger, contact you again and organise your protection. We also count requests for statistics without names: nobody can be recognised in them.',
        ],
      },
      {
        title: 'Legal basis',
        paragraphs: [
          'Law n°2013-015 of 21 May 2013 on the protection of personal data, as amended by Law n°2017-070, and your consent. The CNDH’s protection mission comes from Law n°2018-003 on human rights defenders.',
        ],
      },
      {
        title: 'What we keep',
        paragraphs: [
          'What you write: what is happening, your situation, the people at risk, the safe way to reach you, the files you send, and the version of this notice.',
          'Some information is sensitive (opinions, union membership, health, legal matters). We ask for it only when it helps protect you. You may leave it out.',
        ],
      },
      {
        title: 'How we protect it',
        paragraphs: [
          'Your request is encrypted (locked) as soon as it reaches us. Only the people who handle your case have the key. Every reading is logged.',
          'No system is perfect. The “Help” page explains what this site protects and what it does not.',
        ],
      },
      {
        title: 'Who can read it',
        paragraphs: [
          'Only the CNDH protection team members who handle your case. We give nothing to another organisation without your consent, unless a life is in immediate danger. Statistics contain no names.',
        ],
      },
      {
        title: 'How long',
        paragraphs: [
          'While we help you, then 24 months after the case is closed (6 months if the request is outside our mission), unless the CNDH sets other periods. Cases of serious violations (disappearance, killing, torture) may be kept longer, by a supervisor’s decision.',
          'After that, the keys are destroyed: nobody can read the case any more. Backup copies disappear in turn after a few weeks.',
        ],
      },
      {
        title: 'Your rights',
        paragraphs: [
          'You can ask to see your information, to correct it or to erase it. Write to us with your receipt (“Follow my request” page), or call us: we check who you are by calling you back before we answer.',
          'Erasure may be refused or delayed if the law requires us to keep the case, and we tell you so.',
        ],
      },
      {
        title: 'Supervisory authority',
        paragraphs: ['You can complain to the APDP (Mali’s Personal Data Protection Authority).'],
      },
    ],
  },
};
