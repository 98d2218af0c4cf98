// Turns the PO catalogues into one TypeScript module per language
// (packages/shared/src/i18n/compiled/<code>.ts): the key path → the text to
// show. The web app loads a language's module only when it is chosen; the
// API imports them all. A message is kept when it is translated, and when it
// awaits review if its language is in review (or a test catalogue);
// otherwise the page shows it in French.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { PoEntry } from 'gettext-parser';
import { LANGUAGES, type Language } from '../../packages/shared/src/i18n/languages.js';
import type { CatalogueCounts } from '../../packages/shared/src/i18n/translate.js';
import { messagesFor, type SourceMessage } from './catalogue-source.js';
import { entriesByKey, isFuzzy, LOCALES_FOLDER, readPo } from './po-files.js';

export const COMPILED_FOLDER = 'packages/shared/src/i18n/compiled';

export type LanguageCounts = CatalogueCounts;

export interface CompiledLanguage {
  readonly language: Language;
  readonly translations: Readonly<Record<string, string>>;
  readonly counts: LanguageCounts;
  /** Messages left out because they would break the page (bad ICU syntax, unknown placeholder). */
  readonly problems: readonly string[];
}

export function compileLanguage(language: Language, messages: readonly SourceMessage[], root = process.cwd()): CompiledLanguage {
  const entries = entriesByKey(readPo(`${root}/${LOCALES_FOLDER}/${language.code}.po`)?.translations);
  const showsReview = language.status === 'review' || language.status === 'test';
  const translations: Record<string, string> = {};
  const problems: string[] = [];
  let translated = 0;
  let review = 0;
  for (const message of messages) {
    const entry = entries.get(message.key);
    const text = entry?.msgstr[0] ?? '';
    if (!entry || !text || isStale(entry, message)) continue;
    const problem = checkTranslation(message, text);
    if (problem) {
      problems.push(`${LOCALES_FOLDER}/${language.code}.po: ${message.key}: ${problem}`);
      continue;
    }
    if (isFuzzy(entry)) review += 1;
    else translated += 1;
    if (!isFuzzy(entry) || showsReview) translations[message.key] = text;
  }
  const total = messages.length;
  return { language, translations, problems, counts: { code: language.code, total, translated, review, missing: total - translated - review } };
}

/** French is its own source: every message is there. */
export function sourceCounts(messages: readonly SourceMessage[]): LanguageCounts {
  return { code: 'fr', total: messages.length, translated: messages.length, review: 0, missing: 0 };
}

export function compileAll(messages: readonly SourceMessage[], root = process.cwd()): CompiledLanguage[] {
  return LANGUAGES.filter((language) => language.status !== 'source').map((language) => compileLanguage(language, messagesFor(language.code, messages), root));
}

/** A translation of an older French text that extract has not yet marked fuzzy: not shown. */
function isStale(entry: PoEntry, message: SourceMessage): boolean {
  return entry.msgid !== message.text;
}

/** Why a translation cannot be shown, or undefined when it can. */
export function checkTranslation(message: SourceMessage, text: string): string | undefined {
  let translated: MessageFormatElement[];
  try {
    translated = parse(text, { ignoreTag: true });
  } catch (error) {
    return `ICU syntax: ${(error as Error).message}`;
  }
  const known = argumentsOf(parse(message.text, { ignoreTag: true }));
  const unknown = [...argumentsOf(translated)].filter((name) => !known.has(name));
  return unknown.length ? `unknown placeholder {${unknown.join('}, {')}}` : undefined;
}

function argumentsOf(elements: readonly MessageFormatElement[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    names.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, names);
    }
  }
  return names;
}
