// npm run i18n:extract — writes locales/messages.pot from the French source
// and merges it into every language's PO file (docs/TRANSLATING.md).
import { LANGUAGES } from '../../packages/shared/src/i18n/languages.js';
import { messagesFor, readSourceMessages } from './catalogue-source.js';
import { mergeCatalogue } from './merge.js';
import { LOCALES_FOLDER, poData, readPo, templateEntry, writePoText } from './po-files.js';
import { checkSource } from './check-source.js';
import { writeIfChanged } from './write-if-changed.js';

const messages = readSourceMessages();
const problems = checkSource(messages);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
writeIfChanged(`${LOCALES_FOLDER}/messages.pot`, writePoText(poData('', messages.map(templateEntry))));
for (const language of LANGUAGES.filter((item) => item.status !== 'source')) {
  const path = `${LOCALES_FOLDER}/${language.code}.po`;
  const changed = writeIfChanged(path, writePoText(mergeCatalogue(language.code, messagesFor(language.code, messages), readPo(path))));
  console.log(`${path}: ${changed ? 'updated' : 'unchanged'}`);
}
