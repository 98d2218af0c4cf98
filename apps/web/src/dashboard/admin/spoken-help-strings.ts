import type { PromptLanguage, SpokenHelpStep } from '@mnpddh/shared';
import { useLocale } from '../../i18n/i18n-context';
import type { LocaleCode } from '../../i18n/catalogues';

/** Strings of the spoken-help page (French first, then English). */
const spokenHelpFr = {
  title: 'Aide parlée',
  lead: 'Pour les défenseurs qui ne lisent pas : un court message enregistré par le mécanisme, par étape et par langue. Le bouton « Écouter » apparaît sur l’étape seulement quand un enregistrement existe dans la langue de la page.',
  rules:
    'Enregistrez vous-même, avec un téléphone ou un ordinateur (Ogg/Opus, MP3, M4A ou WebM, 512 Kio au plus, environ une minute). Jamais de voix de synthèse. Dites le numéro d’urgence lentement, deux fois. Retirez les étiquettes (titre, artiste, lieu) avant l’envoi : le portail les refuse.',
  overviewTitle: 'Ce qui est enregistré',
  overviewCaption: 'Étapes (lignes) et langues (colonnes)',
  step: 'Étape',
  languageLabel: 'Langue à enregistrer',
  detailTitle: 'Enregistrements en {language}',
  steps: {
    home: 'Accueil',
    'urgent-call': 'Appel d’urgence',
    callback: 'Être rappelé',
    'request-first-step': 'Première étape de la demande',
    receipt: 'Reçu',
  } satisfies Record<SpokenHelpStep, string>,
  languages: {
    bm: 'Bambara',
    ff: 'Peul (fulfulde)',
    son: 'Songhaï',
    tmh: 'Tamasheq',
    snk: 'Soninké',
    dgo: 'Dogon',
    ar: 'Arabe',
    fr: 'Français',
    en: 'Anglais',
  } satisfies Record<PromptLanguage, string>,
  missing: 'Aucun enregistrement',
  ready: 'Enregistré ({type}, {size} Kio, {date})',
  altered: 'Modifié hors du portail : il n’est plus servi. Retirez-le et enregistrez-le à nouveau, puis signalez-le (quelqu’un écrit dans la base de données).',
  marks: { missing: 'aucun', ready: 'enregistré', altered: 'modifié hors du portail' },
  fileLabel: 'Fichier audio pour « {step} »',
  upload: 'Envoyer',
  replace: 'Remplacer',
  uploading: 'Envoi…',
  remove: 'Retirer',
  removeOf: 'Retirer l’enregistrement « {step} »',
  saved: '« {step} » : enregistré.',
  removed: '« {step} » : retiré.',
  chooseFile: 'Choisissez d’abord un fichier.',
  listen: 'Écouter « {step} »',
  loading: 'Chargement…',
  retry: 'Réessayer',
};

type SpokenHelpCatalogue = typeof spokenHelpFr;

const spokenHelpEn: SpokenHelpCatalogue = {
  title: 'Spoken help',
  lead: 'For defenders who do not read: a short message recorded by the mechanism, per step and language. The "Listen" button appears on a step only when a recording exists in the page’s language.',
  rules:
    'Record it yourselves, with a phone or a computer (Ogg/Opus, MP3, M4A or WebM, at most 512 KiB, about a minute). Never a synthetic voice. Say the emergency number slowly, twice. Remove tags (title, artist, place) before sending: the portal refuses them.',
  overviewTitle: 'What is recorded',
  overviewCaption: 'Steps (rows) and languages (columns)',
  step: 'Step',
  languageLabel: 'Language to record',
  detailTitle: 'Recordings in {language}',
  steps: {
    home: 'Home',
    'urgent-call': 'Emergency call',
    callback: 'Call me back',
    'request-first-step': 'First step of the request',
    receipt: 'Receipt',
  },
  languages: {
    bm: 'Bambara',
    ff: 'Fula (Fulfulde)',
    son: 'Songhay',
    tmh: 'Tamasheq',
    snk: 'Soninke',
    dgo: 'Dogon',
    ar: 'Arabic',
    fr: 'French',
    en: 'English',
  },
  missing: 'No recording',
  ready: 'Recorded ({type}, {size} KiB, {date})',
  altered: 'Changed outside the portal: no longer served. Remove it and record it again, then report it (someone writes to the database).',
  marks: { missing: 'none', ready: 'recorded', altered: 'changed outside the portal' },
  fileLabel: 'Audio file for “{step}”',
  upload: 'Send',
  replace: 'Replace',
  uploading: 'Sending…',
  remove: 'Remove',
  removeOf: 'Remove the recording “{step}”',
  saved: '“{step}”: saved.',
  removed: '“{step}”: removed.',
  chooseFile: 'Choose a file first.',
  listen: 'Listen to “{step}”',
  loading: 'Loading…',
  retry: 'Try again',
};

const catalogues: Record<LocaleCode, SpokenHelpCatalogue> = { fr: spokenHelpFr, en: spokenHelpEn };

export function useSpokenHelpT(): SpokenHelpCatalogue {
  const [locale] = useLocale();
  return catalogues[locale];
}
