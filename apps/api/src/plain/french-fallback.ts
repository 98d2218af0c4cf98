import { fallbackMatcher, frenchFallbacksOf, type FallbackMatcher, type SiteLocale } from '@mnpddh/shared';
import { TRANSLATIONS } from '../common/translations.js';

/**
 * The pages without JavaScript mark the French shown in place of a missing
 * translation as the web app does (apps/web/src/i18n/french-fallback.ts):
 * inside a Bambara or Arabic page, each run of text that is a French
 * fallback is put in `<span lang="fr">` (with `dir="ltr"` in a right-to-left
 * page), so a screen reader switches voice. The page is built by us and
 * escaped (html.ts): its text runs are what lies between tags.
 */
const matchers = new Map<SiteLocale, FallbackMatcher>();

/** Built at a language's first page: its words (plain-catalogues.ts) were laid over French by then, recording its fallbacks. */
function matcherOf(language: SiteLocale): FallbackMatcher {
  const matcher = matchers.get(language) ?? (language === 'fr' ? () => false : fallbackMatcher(frenchFallbacksOf(TRANSLATIONS[language])));
  matchers.set(language, matcher);
  return matcher;
}

/** Elements whose content is text only: a span inside would show as text (an option is marked on itself). */
const TEXT_ONLY = new Set(['title', 'textarea', 'script', 'style']);

/** A tag (opening or closing), then the run of text up to the next one. */
const TEXT_RUN = /(<(?:([a-z][a-z0-9]*)\b([^>]*)|\/[a-z][a-z0-9]*)>)([^<]+)/gi;

export function markFrenchFallbacks(page: string, language: SiteLocale, rtl: boolean): string {
  const isFrench = matcherOf(language);
  const marker = rtl ? ' lang="fr" dir="ltr"' : ' lang="fr"';
  return page.replace(TEXT_RUN, (run, tag: string, opened: string | undefined, attributes: string | undefined, text: string) => {
    const element = opened?.toLowerCase();
    if (!text.trim() || (element && TEXT_ONLY.has(element)) || /\slang=/.test(attributes ?? '') || !isFrench(unescape(text))) return run;
    if (element === 'option') return `<${opened}${attributes}${marker}>${text}`;
    return `${tag}<span${marker}>${text}</span>`;
  });
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The text as written (html.ts escapes these five). */
function unescape(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}
