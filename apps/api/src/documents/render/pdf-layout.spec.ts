import { PDFDocument } from 'pdf-lib';
import { isolate } from './font-family.js';
import { embedFonts, wrap, type Fonts } from './pdf-layout.js';

const fonts = async (): Promise<Fonts> => embedFonts(await PDFDocument.create());

describe('sanitize', () => {
  it('keeps French, Bambara, Fula, Arabic and N’Ko as they are', async () => {
    const { regular, bold } = await fonts();
    const text = 'Défenseure « Aminata » — l’œuvre de la CNDH, n°2018-003 : 12 € — Kɛnɛ Ɲɔlɔ Sɛŋɔ, Ɓuubu Ɗiallo Ƴero — عائشة الأنصاري — ߒߞߏ';
    expect(regular.sanitize(text)).toBe(text);
    expect(bold.sanitize(text)).toBe(text);
  });

  it('replaces what no font can draw instead of failing', async () => {
    const { regular, mono } = await fonts();
    expect(regular.sanitize('Ségou → Mopti 🙂\u00a0fin')).toBe('Ségou -> Mopti ?\u00a0fin');
    // Fingerprints are set in Courier: hexadecimal only, anything else folded or replaced.
    expect(mono.sanitize('Ōuagadougou ɛ')).toBe('Ouagadougou ?');
  });
});

describe('runs', () => {
  it('gives each script its font and puts a right-to-left name where a reader expects it', async () => {
    const { regular } = await fonts();
    const runs = regular.runsOf('certifie que عائشة الأنصاري et ߒߞߏ ߞߊ߲ߜߍ, défenseure');
    // A space or a comma between two scripts stays with the sentence (its level and its font).
    expect(runs.map((run) => run.text)).toEqual(['certifie que ', 'عائشة الأنصاري', ' et ', 'ߒߞߏ ߞߊ߲ߜߍ', ', défenseure']);
    expect(new Set(runs.map((run) => run.font)).size).toBe(3);
  });

  it('keeps a French line left to right even when it starts with an Arabic name', async () => {
    const { regular } = await fonts();
    expect(regular.runsOf('محمد ABC').map((run) => run.text)).toEqual(['محمد', ' ABC']);
  });

  it('keeps an isolated name in its place: a date after an Arabic name stays after it, the marks are not drawn', async () => {
    const { regular } = await fonts();
    const line = `Destinataire : ${isolate('سفارة تونس') ?? ''} — 5 décembre 2026`;
    expect(regular.runsOf(line).map((run) => run.text)).toEqual(['Destinataire : ', 'سفارة تونس', ' — 5 décembre 2026']);
    // Without the isolate, the bidi algorithm rightly carries the "5" into the Arabic run's side: what the isolate prevents.
    expect(regular.runsOf('Destinataire : سفارة تونس — 5 décembre').map((run) => run.text)).not.toEqual(['Destinataire : ', 'سفارة تونس', ' — 5 décembre']);
  });
});

describe('wrap', () => {
  it('breaks at spaces within the width, and cuts a word longer than a line', async () => {
    const { regular } = await fonts();
    const lines = wrap(`un deux trois ${'a'.repeat(200)}`, regular, 10, 200);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(regular.widthOf(line, 10)).toBeLessThanOrEqual(200);
    expect(lines.join('').replace(/ /g, '')).toBe(`undeuxtrois${'a'.repeat(200)}`);
  });

  it('keeps line breaks', async () => {
    expect(wrap('un\ndeux', (await fonts()).regular, 10, 500)).toEqual(['un', 'deux']);
  });
});

describe('wrap in a column narrower than a letter', () => {
  it('still ends, one character per line', async () => {
    expect(wrap('abc', (await fonts()).regular, 10, 1)).toEqual(['a', 'b', 'c']);
  });
});
