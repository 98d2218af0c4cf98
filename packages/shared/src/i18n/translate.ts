/** One language's translations: the message's key path (`site.home.title`) to its text. */
export type Translations = Readonly<Record<string, string>>;

/**
 * The French catalogue with every message a language translates put in its
 * place: a message the language lacks stays French, one by one, so an
 * incomplete catalogue still gives a whole page.
 */
export function translateCatalogue<T>(source: T, translations: Translations, prefix: string): T {
  return translateValue(source, translations, prefix) as T;
}

const fallbacks = new WeakMap<Translations, Set<string>>();

/**
 * The French texts a language shows in place of its missing translations,
 * recorded as its catalogues are laid over French: a page marks them
 * `lang="fr"`, so a screen reader reads them with a French voice.
 */
export function frenchFallbacksOf(translations: Translations): ReadonlySet<string> {
  return fallbacks.get(translations) ?? new Set();
}

function fellBack(translations: Translations, french: string): string {
  const texts = fallbacks.get(translations) ?? new Set<string>();
  fallbacks.set(translations, texts.add(french));
  return french;
}

function translateValue(value: unknown, translations: Translations, path: string): unknown {
  if (typeof value === 'string') return Object.hasOwn(translations, path) ? translations[path] : fellBack(translations, value);
  if (Array.isArray(value)) return value.map((item, index) => translateValue(item, translations, `${path}.${index}`));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, translateValue(item, translations, `${path}.${key}`)]));
  }
  return value;
}

/** How complete a language's catalogue is (computed by `npm run i18n:compile`). */
export interface CatalogueCounts {
  readonly code: string;
  readonly total: number;
  /** Translated and reviewed. */
  readonly translated: number;
  /** Translated, awaiting review by a native speaker (fuzzy). */
  readonly review: number;
  /** Not translated: shown in French. */
  readonly missing: number;
}
