// One-off helper kept for translators' leads: lays a JSON file of draft
// translations (key path → text) into a language's PO file, every entry
// marked fuzzy with a translator's comment, never as reviewed.
// Usage: npx tsx scripts/i18n/fill-draft.ts <code> <drafts.json> "<comment>"
import { readFileSync } from 'node:fs';
import { flagsOf, FUZZY_FLAG, LOCALES_FOLDER, readPo, withFlags, writePoText } from './po-files.js';
import { writeIfChanged } from './write-if-changed.js';

const [code, draftsFile, comment] = process.argv.slice(2);
if (!code || !draftsFile || !comment) throw new Error('usage: fill-draft.ts <code> <drafts.json> "<comment>"');
const drafts = JSON.parse(readFileSync(draftsFile, 'utf8')) as Record<string, string>;
const path = `${LOCALES_FOLDER}/${code}.po`;
const data = readPo(path);
if (!data) throw new Error(`${path}: run npm run i18n:extract first`);
const unknown = new Set(Object.keys(drafts));
for (const [context, byId] of Object.entries(data.translations)) {
  for (const [id, entry] of Object.entries(byId)) {
    const draft = drafts[context];
    if (draft === undefined) continue;
    unknown.delete(context);
    byId[id] = withFlags({ ...entry, msgstr: [draft], comments: { ...entry.comments, translator: comment } }, [FUZZY_FLAG, ...flagsOf(entry)]);
  }
}
if (unknown.size) throw new Error(`not in ${path}: ${[...unknown].join(', ')}`);
writeIfChanged(path, writePoText(data));
