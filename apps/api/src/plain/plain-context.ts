import type { Request } from 'express';
import {
  formatMessage,
  isSiteLocale,
  staffLocaleOf,
  type IntakeCatalogue,
  type Locale,
  type MessageValues,
  type ApiCatalogue,
  type PlainCatalogue,
  type SiteCatalogue,
  type SiteLocale,
  type SpokenPromptKey,
} from '@mnpddh/shared';
import { guessLanguage } from '../page-language.js';
import { PLAIN_WORDS } from './plain-catalogues.js';

/** Where the pages that work without JavaScript live. */
export const PLAIN_ROOT = '/simple';

/** What every page needs: its language, its words, and the token its forms carry. */
export interface PlainContext {
  /** The page's language: any configured one. */
  readonly language: SiteLocale;
  /** The staff side's language for it (French or English): API messages, the case's recorded language. */
  readonly locale: Locale;
  readonly site: SiteCatalogue;
  readonly form: IntakeCatalogue;
  readonly plain: PlainCatalogue;
  readonly api: ApiCatalogue;
  readonly token: string;
  /** A fresh one-time key for one form (plain/submitted-once.ts). */
  readonly once: () => string;
  /** Stylesheets of the web build (the same look as the app). */
  readonly styles: readonly string[];
  /** The spoken prompts that exist (any language): a page offers those of its own. */
  readonly spokenHelp: readonly SpokenPromptKey[];
  /** A message of this page's language with its values (ICU MessageFormat, the language's plural rules); escaped where it is put. */
  format(message: string, values: MessageValues): string;
  /** A path under the plain root, in this page's language. */
  href(path: string): string;
}

/** The language asked by the link or the form (`lang`), else the browser's. */
export function localeOf(request: Request): SiteLocale {
  const asked = typeof request.query.lang === 'string' ? request.query.lang : (request.body as Record<string, unknown> | undefined)?.lang;
  if (typeof asked === 'string' && isSiteLocale(asked)) return asked;
  // The same first guess as the app's pages (Bambara included, Tor Browser's fixed header read as no preference).
  return guessLanguage(request.headers['accept-language']);
}

export function plainContext(
  language: SiteLocale,
  token: string,
  styles: readonly string[],
  once: () => string,
  spokenHelp: readonly SpokenPromptKey[] = [],
): PlainContext {
  return {
    language,
    locale: staffLocaleOf(language),
    ...PLAIN_WORDS[language],
    token,
    once,
    styles,
    spokenHelp,
    format: (message, values) => formatMessage(message, values, language),
    href: (path) => `${PLAIN_ROOT}${path}${language === 'fr' ? '' : `${path.includes('?') ? '&' : '?'}lang=${language}`}`,
  };
}
