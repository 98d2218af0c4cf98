import { readFileSync } from 'node:fs';
import { LANGUAGES } from '../../packages/shared/src/i18n/languages.js';
import { messagesFor, readSourceMessages } from './catalogue-source.js';
import { checkSource } from './check-source.js';
import { COMPILED_FOLDER, compileAll, sourceCounts } from './compile.js';
import { indexModule, languageModules, staffModule } from './compiled-modules.js';
import { mergeCatalogue } from './merge.js';
import { LOCALES_FOLDER, poData, readPo, templateEntry, writePoText } from './po-files.js';

// What `npm run i18n:extract` and `npm run i18n:compile` would write, compared with what is committed:
// a French message changed without extracting, or a PO file changed without compiling, fails here.
describe('the PO catalogues and the compiled modules follow the French source', () => {
  const messages = readSourceMessages();

  it('has only valid ICU MessageFormat in French', () => {
    expect(checkSource(messages)).toEqual([]);
  });

  it('has a template that extract would not change', () => {
    expect(readFileSync(`${LOCALES_FOLDER}/messages.pot`, 'utf8')).toBe(writePoText(poData('', messages.map(templateEntry))));
  });

  it.each(LANGUAGES.filter((language) => language.status !== 'source').map((language) => language.code))('has %s.po merged with the current French', (code) => {
    const path = `${LOCALES_FOLDER}/${code}.po`;
    expect(readFileSync(path, 'utf8')).toBe(writePoText(mergeCatalogue(code, messagesFor(code, messages), readPo(path))));
  });

  it('has compiled modules that compile would not change, and no translation left out', () => {
    const languages = compileAll(messages);
    expect(languages.flatMap((language) => language.problems)).toEqual([]);
    for (const compiled of languages) {
      for (const { file, text } of languageModules(compiled)) expect(readFileSync(`${COMPILED_FOLDER}/${file}`, 'utf8')).toBe(text);
    }
    expect(readFileSync(`${COMPILED_FOLDER}/staff.ts`, 'utf8')).toBe(staffModule(languages));
    const counts = [sourceCounts(messages), ...languages.map((compiled) => compiled.counts)];
    expect(readFileSync(`${COMPILED_FOLDER}/index.ts`, 'utf8')).toBe(indexModule(languages, counts));
  });
});

describe('staff-only messages', () => {
  const messages = readSourceMessages();

  it('are in the staff side languages’ catalogues only', () => {
    const staffKeys = (code: string) => messagesFor(code, messages).filter((message) => message.key.startsWith('staff.')).length;
    expect(staffKeys('en')).toBeGreaterThan(0);
    expect(staffKeys('bm')).toBe(0);
    expect(messagesFor('bm', messages).some((message) => message.key === 'api.errors.NOT_FOUND')).toBe(true);
  });
});
