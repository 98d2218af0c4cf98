// npm run i18n:compile (also run by scripts/build.mjs) — PO files to the
// modules the web app and the API import.
import { readSourceMessages } from './catalogue-source.js';
import { COMPILED_FOLDER, compileAll, sourceCounts } from './compile.js';
import { indexModule, languageModules, staffModule } from './compiled-modules.js';
import { writeIfChanged } from './write-if-changed.js';

const messages = readSourceMessages();
const languages = compileAll(messages);
for (const compiled of languages) {
  for (const problem of compiled.problems) console.warn(`i18n: left out (shown in French): ${problem}`);
  for (const { file, text } of languageModules(compiled)) writeIfChanged(`${COMPILED_FOLDER}/${file}`, text);
}
writeIfChanged(`${COMPILED_FOLDER}/staff.ts`, staffModule(languages));
writeIfChanged(`${COMPILED_FOLDER}/index.ts`, indexModule(languages, [sourceCounts(messages), ...languages.map((compiled) => compiled.counts)]));
