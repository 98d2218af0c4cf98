// Merges the template (the French source's messages) into one language's
// catalogue, as gettext's msgmerge does: a new message comes in empty, a
// message whose French changed keeps its translation marked fuzzy (to
// review), a message gone from the source becomes obsolete (#~).
import type { PoData, PoEntry } from 'gettext-parser';
import type { SourceMessage } from './catalogue-source.js';
import { entriesByKey, flagsOf, FUZZY_FLAG, poData, templateEntry, withFlags } from './po-files.js';

export function mergeCatalogue(language: string, messages: readonly SourceMessage[], existing: PoData | undefined): PoData {
  const current = entriesByKey(existing?.translations);
  const obsolete = entriesByKey(existing?.obsolete);
  const keys = new Set(messages.map((message) => message.key));
  const entries = messages.map((message) => mergeEntry(message, current.get(message.key) ?? obsolete.get(message.key)));
  const gone = [...current.values(), ...obsolete.values()].filter((entry) => !keys.has(entry.msgctxt ?? '') && entry.msgstr.some(Boolean));
  return poData(language, entries, gone);
}

function mergeEntry(message: SourceMessage, previous: PoEntry | undefined): PoEntry {
  const fresh = templateEntry(message);
  if (!previous || !previous.msgstr.some(Boolean)) return { ...fresh, comments: { ...fresh.comments, translator: previous?.comments?.translator } };
  const kept: PoEntry = { ...fresh, msgstr: previous.msgstr, comments: { ...fresh.comments, translator: previous.comments?.translator } };
  const flags = [...flagsOf(fresh), ...flagsOf(previous)];
  if (previous.msgid === message.text) return withFlags({ ...kept, comments: { ...kept.comments, previous: previous.comments?.previous } }, flags);
  // The French changed: the translation may no longer say the same thing.
  return withFlags({ ...kept, comments: { ...kept.comments, previous: `msgid ${JSON.stringify(previous.msgid)}` } }, [...flags, FUZZY_FLAG]);
}
