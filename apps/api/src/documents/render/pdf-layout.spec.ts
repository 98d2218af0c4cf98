import { PDFDocument, StandardFonts } from 'pdf-lib';
import { sanitize, wrap } from './pdf-layout.js';

const font = async () => (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);

describe('sanitize', () => {
  it('keeps French (accents, œ, guillemets, apostrophes, dashes) as it is', async () => {
    const text = 'Défenseure « Aminata » — l’œuvre de la CNDH, n°2018-003 : 12 €';
    expect(sanitize(text, await font())).toBe(text);
  });

  it('replaces what the standard fonts cannot draw instead of failing', async () => {
    const helvetica = await font();
    const sanitized = sanitize('Bamanankan ɛ ŋ, Ségou → Mopti 🙂\u00a0fin', helvetica);
    expect(sanitized).toBe('Bamanankan ? ?, Ségou -> Mopti ?\u00a0fin');
    expect(() => helvetica.encodeText(sanitized)).not.toThrow();
  });

  it('folds a decomposable letter to its base when the font lacks it', async () => {
    expect(sanitize('Ōuagadougou ǹ', await font())).toBe('Ouagadougou n');
  });
});

describe('wrap', () => {
  it('breaks at spaces within the width, and cuts a word longer than a line', async () => {
    const helvetica = await font();
    const lines = wrap(`un deux trois ${'a'.repeat(200)}`, helvetica, 10, 200);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(helvetica.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(200);
    expect(lines.join('').replace(/ /g, '')).toBe(`undeuxtrois${'a'.repeat(200)}`);
  });

  it('keeps line breaks', async () => {
    expect(wrap('un\ndeux', await font(), 10, 500)).toEqual(['un', 'deux']);
  });
});

describe('wrap in a column narrower than a letter', () => {
  it('still ends, one character per line', async () => {
    expect(wrap('abc', await font(), 10, 1)).toEqual(['a', 'b', 'c']);
  });
});
