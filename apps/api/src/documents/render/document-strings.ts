import { formatMessage, staffFr, translateCatalogue, type DocumentLanguage, type MessageValues } from '@mnpddh/shared';
import { TRANSLATIONS } from '../../common/translations.js';

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

/** A language's words, from the staff catalogue (staff-fr.ts, locales/en.po), French wherever one is missing. */
function stringsIn(language: DocumentLanguage): DocumentStrings {
  const words = translateCatalogue(staffFr.documents, TRANSLATIONS[language], 'staff.documents');
  const format = (message: string, values: MessageValues) => formatMessage(message, values, language);
  return {
    ...words,
    watermark: (recipient, date, shortId) => format(words.watermark, { recipient, date, shortId }),
    footer: (shortId) => format(words.footer, { shortId }),
    page: (page, total) => format(words.page, { page, total }),
  };
}

const STRINGS: Record<DocumentLanguage, DocumentStrings> = { fr: stringsIn('fr'), en: stringsIn('en') };

export function documentStrings(language: DocumentLanguage): DocumentStrings {
  return STRINGS[language];
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
