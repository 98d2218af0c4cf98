import type { Request } from 'express';
import {
  intakeEn,
  intakeFr,
  negotiateLocale,
  plainEn,
  plainFr,
  siteEn,
  siteFr,
  type IntakeCatalogue,
  type Locale,
  type PlainCatalogue,
  type SiteCatalogue,
  type SpokenPromptKey,
} from '@mnpddh/shared';

/** Where the pages that work without JavaScript live. */
export const PLAIN_ROOT = '/simple';

const CATALOGUES: Record<Locale, { site: SiteCatalogue; form: IntakeCatalogue; plain: PlainCatalogue }> = {
  fr: { site: siteFr, form: intakeFr, plain: plainFr },
  en: { site: siteEn, form: intakeEn, plain: plainEn },
};

/** What every page needs: its language, its words, and the token its forms carry. */
export interface PlainContext {
  readonly locale: Locale;
  readonly site: SiteCatalogue;
  readonly form: IntakeCatalogue;
  readonly plain: PlainCatalogue;
  readonly token: string;
  /** A fresh one-time key for one form (plain/submitted-once.ts). */
  readonly once: () => string;
  /** Stylesheets of the web build (the same look as the app). */
  readonly styles: readonly string[];
  /** The spoken prompts that exist (any language): a page offers those of its own. */
  readonly spokenHelp: readonly SpokenPromptKey[];
  /** A path under the plain root, in this page's language. */
  href(path: string): string;
}

/** The language asked by the link or the form (`lang`), else the browser's. */
export function localeOf(request: Request): Locale {
  const asked = typeof request.query.lang === 'string' ? request.query.lang : (request.body as Record<string, unknown> | undefined)?.lang;
  if (asked === 'fr' || asked === 'en') return asked;
  return negotiateLocale(request.headers['accept-language']);
}

export function plainContext(locale: Locale, token: string, styles: readonly string[], once: () => string, spokenHelp: readonly SpokenPromptKey[] = []): PlainContext {
  return {
    locale,
    ...CATALOGUES[locale],
    token,
    once,
    styles,
    spokenHelp,
    href: (path) => `${PLAIN_ROOT}${path}${locale === 'fr' ? '' : `${path.includes('?') ? '&' : '?'}lang=${locale}`}`,
  };
}
