import { translations as arabicForm } from './compiled/ar-form.js';
import { translations as arabicLater } from './compiled/ar-later.js';
import { translations as bambara } from './compiled/bm-form.js';
import { formatMessage } from './format-message.js';
import { intakeFr } from './intake-fr.js';
import { translateCatalogue } from './translate.js';
import { uploadsFr } from './uploads-fr.js';

/** The Arabic test catalogue's form words, in the two parts the web app downloads. */
const arabic = { ...arabicForm, ...arabicLater };

const NBSP = '\u00a0';

describe('formatMessage: ICU MessageFormat with the language’s plural rules', () => {
  it('says "0 minute", "1 minute", "2 minutes" in French (0 is singular in French)', () => {
    const sut = (count: number) => formatMessage(intakeFr.common.minutes, { count }, 'fr');
    expect([sut(0), sut(1), sut(2)]).toEqual([`0${NBSP}minute`, `1${NBSP}minute`, `2${NBSP}minutes`]);
  });

  it('uses Arabic’s six plural categories from the test catalogue', () => {
    const message = arabic['intake.common.minutes'] ?? '';
    const sut = (count: number) => formatMessage(message, { count }, 'ar');
    expect(sut(0)).toBe('0 دقيقة');
    expect(sut(1)).toBe('دقيقة واحدة');
    expect(sut(2)).toBe('دقيقتان');
    expect(sut(3)).toBe('3 دقائق');
    expect(sut(11)).toBe('11 دقيقة');
    expect(sut(100)).toBe('100 دقيقة');
    const files = arabic['uploads.file.chosen'] ?? '';
    expect(formatMessage(files, { count: 2 }, 'ar')).toBe('تم اختيار ملفين:');
    expect(formatMessage(files, { count: 5 }, 'ar')).toBe('تم اختيار 5 ملفات:');
  });

  it('has one form in Bambara, the number after the noun', () => {
    const message = translateCatalogue(intakeFr, bambara, 'intake').common.minutes;
    expect([1, 2].map((count) => formatMessage(message, { count }, 'bm'))).toEqual(['miniti 1', 'miniti 2']);
  });

  it('asks about the person at risk in the gender the form knows: never "A-t-elle" to a man', () => {
    const legend = intakeFr.details.person.disabilityLegend;
    expect(formatMessage(legend, { gender: 'man' }, 'fr')).toBe(`A-t-il un handicap${NBSP}?`);
    expect(formatMessage(legend, { gender: 'woman' }, 'fr')).toBe(`A-t-elle un handicap${NBSP}?`);
    for (const gender of ['', 'other', 'prefer_not_to_say']) {
      expect(formatMessage(legend, { gender }, 'fr')).toBe(`Cette personne a-t-elle un handicap${NBSP}?`);
    }
  });

  it('fills plain placeholders, keeps an unknown one visible, and reads quoted braces as text', () => {
    expect(formatMessage('Étape {current} sur {total}', { current: 1, total: 3 }, 'fr')).toBe('Étape 1 sur 3');
    expect(formatMessage('Appeler le {phone}', {}, 'fr')).toBe('Appeler le {phone}');
    expect(formatMessage("Tapez '{code}' : {n}", { n: 2 }, 'fr')).toBe('Tapez {code} : 2');
    expect(formatMessage("l''aide", {}, 'fr')).toBe("l'aide");
    expect(formatMessage(uploadsFr.file.chosen, { count: 1 }, 'fr')).toBe(`1 fichier choisi${NBSP}:`);
  });

  it('does not read a value from the prototype', () => {
    expect(formatMessage('{constructor}', {}, 'fr')).toBe('{constructor}');
  });
});
