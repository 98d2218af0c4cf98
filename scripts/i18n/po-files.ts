// Reading and writing the PO catalogues under locales/: the template
// (messages.pot, from the French source) and one file per language.
import { existsSync, readFileSync } from 'node:fs';
import gettextParser, { type PoData, type PoEntry } from 'gettext-parser';
import type { SourceMessage } from './catalogue-source.js';

export const LOCALES_FOLDER = 'locales';

/** Weblate and Poedit check each message's ICU syntax when this flag is set. */
export const ICU_FLAG = 'icu-message-format';
export const FUZZY_FLAG = 'fuzzy';

export function flagsOf(entry: PoEntry): string[] {
  return (entry.comments?.flag ?? '')
    .split(',')
    .map((flag) => flag.trim())
    .filter(Boolean);
}

export function withFlags(entry: PoEntry, flags: readonly string[]): PoEntry {
  // Fuzzy first, as Poedit and msgmerge write it.
  const unique = [...new Set(flags)].sort((a, b) => Number(b === FUZZY_FLAG) - Number(a === FUZZY_FLAG));
  return { ...entry, comments: { ...entry.comments, flag: unique.join(', ') || undefined } };
}

export function isFuzzy(entry: PoEntry): boolean {
  return flagsOf(entry).includes(FUZZY_FLAG);
}

/** The file's entries by msgctxt (each key path appears once). */
export function entriesByKey(section: PoData['translations'] | undefined): Map<string, PoEntry> {
  const entries = new Map<string, PoEntry>();
  for (const [context, byId] of Object.entries(section ?? {})) {
    if (context === '') continue;
    for (const entry of Object.values(byId)) entries.set(context, entry);
  }
  return entries;
}

export function templateEntry(message: SourceMessage): PoEntry {
  return {
    msgctxt: message.key,
    msgid: message.text,
    msgstr: [''],
    comments: { extracted: message.note || undefined, flag: ICU_FLAG },
  };
}

export function readPo(path: string): PoData | undefined {
  return existsSync(path) ? gettextParser.po.parse(readFileSync(path)) : undefined;
}

/** Entries in the order given, keyed as gettext-parser expects. */
export function poData(language: string, entries: readonly PoEntry[], obsolete: readonly PoEntry[] = []): PoData {
  const section = (list: readonly PoEntry[]) => Object.fromEntries(list.map((entry) => [entry.msgctxt ?? '', { [entry.msgid]: clean(entry) }]));
  return {
    charset: 'utf-8',
    headers: {
      'Project-Id-Version': 'mnpddh-portal',
      Language: language,
      'MIME-Version': '1.0',
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': '8bit',
    },
    translations: { '': { '': { msgid: '', msgstr: [''] } }, ...section(entries) },
    obsolete: obsolete.length ? section(obsolete) : undefined,
  };
}

export function writePoText(data: PoData): string {
  return `${gettextParser.po.compile(data, { foldLength: 0 }).toString('utf8')}\n`;
}

/** Without empty comment fields, so the file stays the same from one run to the next. */
function clean(entry: PoEntry): PoEntry {
  const comments = Object.fromEntries(Object.entries(entry.comments ?? {}).filter(([, value]) => Boolean(value)));
  return { msgctxt: entry.msgctxt, msgid: entry.msgid, msgstr: entry.msgstr, comments };
}
