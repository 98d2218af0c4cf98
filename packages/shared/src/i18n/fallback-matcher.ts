/**
 * Whether a text on a page is one of a language's French fallbacks
 * (translate.ts), once formatted: a message without placeholders is compared
 * as is, one with `{name}` placeholders as a pattern (`Urgence : {phone}`
 * matches `Urgence : 80 00 11 12`). Plural and select messages are left
 * out: their text depends on the values. Whitespace is compared loosely (the
 * page's markup adds some).
 */
export type FallbackMatcher = (text: string) => boolean;

export function fallbackMatcher(texts: ReadonlySet<string>): FallbackMatcher {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const text of texts) {
    const normalised = squash(text);
    const literal = normalised.replace(/\{\w+\}/g, '');
    // A plural or a select (braces left), or too few letters to tell (`{phone}`, `·`): it would match anything.
    if (/[{}]/.test(literal) || literal.replace(/[^\p{L}]/gu, '').length < 3) continue;
    if (!normalised.includes('{')) exact.add(normalised);
    else
      patterns.push(
        new RegExp(
          `^${normalised
            .split(/\{\w+\}/)
            .map(escapeRegExp)
            .join('.+?')}$`,
          's',
        ),
      );
  }
  return (text) => {
    const normalised = squash(text);
    return exact.has(normalised) || patterns.some((pattern) => pattern.test(normalised));
  };
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
