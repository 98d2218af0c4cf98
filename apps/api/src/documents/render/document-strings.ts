import type { DocumentLanguage } from '@mnpddh/shared';

/** The words a rendered document prints around the template's text, in its language. */
export interface DocumentStrings {
  watermark: (recipient: string, date: string, shortId: string) => string;
  footer: (shortId: string) => string;
  page: (page: number, total: number) => string;
  date: string;
  event: string;
  name: string;
  size: string;
  received: string;
  fingerprint: string;
  none: string;
  requestReceived: string;
  narrative: string;
  incident: string;
  defenderMessage: string;
  teamMessage: string;
  fileReceived: string;
  status: string;
  contact: string;
  risk: string;
  measureDecided: string;
  measureStatus: string;
  statuses: Record<string, string>;
  results: Record<string, string>;
  riskLevels: Record<string, string>;
  measureStatuses: Record<string, string>;
  agendaKinds: Record<string, string>;
}

const FR: DocumentStrings = {
  watermark: (recipient, date, shortId) => `Destinataire : ${recipient} — ${date} — document ${shortId}`,
  footer: (shortId) => `CNDH Mali — Mécanisme de protection des défenseurs des droits de l'homme — document ${shortId}`,
  page: (page, total) => `Page ${page} / ${total}`,
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
};

const EN: DocumentStrings = {
  watermark: (recipient, date, shortId) => `Recipient: ${recipient} — ${date} — document ${shortId}`,
  footer: (shortId) => `CNDH Mali — Mechanism for the protection of human rights defenders — document ${shortId}`,
  page: (page, total) => `Page ${page} of ${total}`,
  date: 'Date',
  event: 'Event',
  name: 'Item',
  size: 'Size',
  received: 'Received',
  fingerprint: 'SHA-256 fingerprint',
  none: 'None.',
  requestReceived: 'Protection request received by the CNDH',
  narrative: 'Account given in the request',
  incident: 'Incident',
  defenderMessage: 'Message from the person',
  teamMessage: 'Message from the protection team to the person',
  fileReceived: 'Item received',
  status: 'Case stage',
  contact: 'Contact with the person',
  risk: 'Risk assessment',
  measureDecided: 'Protection measure decided',
  measureStatus: 'Protection measure',
  statuses: {
    received: 'received',
    under_assessment: 'under assessment',
    measures_in_progress: 'measures in progress',
    monitoring: 'monitoring',
    closed: 'closed',
    inadmissible: 'inadmissible',
  },
  results: {
    reached: 'reached',
    no_answer: 'no answer',
    phone_off: 'phone switched off',
    wrong_number: 'wrong number',
    message_left: 'message left',
    unsafe_to_talk: 'could not talk safely',
  },
  riskLevels: { ordinary: 'ordinary', extraordinary: 'extraordinary', extreme: 'extreme' },
  measureStatuses: { planned: 'planned', in_progress: 'in progress', done: 'done', cancelled: 'cancelled' },
  agendaKinds: { court_hearing: 'Court hearing', detention_review: 'Detention review', other: 'Deadline' },
};

export function documentStrings(language: DocumentLanguage): DocumentStrings {
  return language === 'en' ? EN : FR;
}

/** A date as the document prints it (Bamako time, UTC+0): "29 novembre 2026" / "29 November 2026". */
export function longDate(date: Date, language: DocumentLanguage): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A short dated line: "29/11/2026". */
export function shortDate(date: Date): string {
  return date.toISOString().slice(0, 10).split('-').reverse().join('/');
}

/** "1,2 Mo" / "1.2 MB". */
export function fileSize(bytes: number, language: DocumentLanguage): string {
  const units = language === 'en' ? ['B', 'KB', 'MB', 'GB'] : ['o', 'Ko', 'Mo', 'Go'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 ? String(value) : value.toLocaleString(language === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 1 });
  return `${shown} ${units[unit]}`;
}
