import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Language } from '../../packages/shared/src/i18n/languages.js';
import { fr as siteFr } from '../../packages/shared/src/i18n/site-fr.js';
import { translateCatalogue } from '../../packages/shared/src/i18n/translate.js';
import type { SourceMessage } from './catalogue-source.js';
import { compileLanguage } from './compile.js';
import { reportTable } from './report.js';

const source: SourceMessage[] = [
  { key: 'site.home.title', text: 'Nous protégeons les défenseurs', note: '' },
  { key: 'site.home.lead', text: 'Vous pouvez nous demander de l’aide.', note: '' },
  { key: 'site.layout.call', text: 'Appeler le {phone}', note: '' },
  { key: 'site.layout.callBack', text: 'Être rappelé', note: '' },
  { key: 'site.nav.help', text: 'Aide et sécurité', note: '' },
];

const po = `msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#, icu-message-format
msgctxt "site.home.title"
msgid "Nous protégeons les défenseurs"
msgstr "Reviewed title"

# à relire par un locuteur natif
#, fuzzy, icu-message-format
msgctxt "site.home.lead"
msgid "Vous pouvez nous demander de l’aide."
msgstr "Draft lead"

#, icu-message-format
msgctxt "site.layout.call"
msgid "Appeler le {phone}"
msgstr "Call {telephone}"

#, icu-message-format
msgctxt "site.layout.callBack"
msgid "Être rappelé"
msgstr "{broken"
`;

function language(status: Language['status']): Language {
  return { code: 'xx', name: 'Test', dir: 'ltr', offered: false, status };
}

describe('compiling a language: per-message fallback to French and completeness', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'i18n-'));
    mkdirSync(join(root, 'locales'));
    writeFileSync(join(root, 'locales', 'xx.po'), po);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('shows messages awaiting review for a language in review, and French for every other message', () => {
    const sut = compileLanguage(language('review'), source, root);
    const site = translateCatalogue(siteFr, sut.translations, 'site');
    expect(site.home.title).toBe('Reviewed title');
    expect(site.home.lead).toBe('Draft lead');
    // Untranslated, broken or naming a placeholder French does not give: French.
    expect(site.nav.help).toBe(siteFr.nav.help);
    expect(site.layout.call).toBe(siteFr.layout.call);
    expect(site.layout.callBack).toBe(siteFr.layout.callBack);
  });

  it('shows only reviewed messages for a reviewed language', () => {
    const sut = compileLanguage(language('reviewed'), source, root);
    expect(sut.translations).toEqual({ 'site.home.title': 'Reviewed title' });
  });

  it('leaves out, and names, a translation that would break the page', () => {
    const sut = compileLanguage(language('review'), source, root);
    expect(sut.problems).toEqual([
      'locales/xx.po: site.layout.call: unknown placeholder {telephone}',
      expect.stringMatching(/^locales\/xx\.po: site\.layout\.callBack: ICU syntax: /),
    ]);
  });

  it('counts translated, awaiting review and missing messages', () => {
    const sut = compileLanguage(language('review'), source, root);
    expect(sut.counts).toEqual({ code: 'xx', total: 5, translated: 1, review: 1, missing: 3 });
    expect(reportTable([sut.counts])).toMatch(/^xx\s+1\s+1\s+3\s+5\s+40 %$/m);
  });

  it('takes a language without a PO file as entirely missing', () => {
    rmSync(join(root, 'locales', 'xx.po'));
    const sut = compileLanguage(language('review'), source, root);
    expect(sut.counts).toEqual({ code: 'xx', total: 5, translated: 0, review: 0, missing: 5 });
    writeFileSync(join(root, 'locales', 'xx.po'), po);
  });
});
