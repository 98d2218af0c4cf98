import { PDFArray, PDFContentStream, PDFDict, PDFDocument, PDFName, rgb, type PDFNumber } from 'pdf-lib';
import { fontFile, sharedFontkit } from './font-files.js';
import { ShapedFont, textsOf } from './shaped-font.js';

const cp = (text: string) => [...text].map((c) => c.codePointAt(0) ?? 0);

describe('the text each drawn glyph stands for', () => {
  it('keeps left-to-right glyphs as they are', () => {
    expect(textsOf([cp('K'), cp('ɛ'), cp('fi')], false)).toEqual(['K', 'ɛ', 'fi']);
  });

  it('gives a right-to-left ligature its letters in visual order (a reader reverses the run back)', () => {
    // lam-alef drawn as one glyph: "لا" in reading order.
    expect(textsOf([cp('ل\u0627')], true)).toEqual(['\u0627ل']);
  });

  it('folds the marks drawn before a right-to-left letter into that letter: a reader would attach them to the previous word', () => {
    // Visual order of "ߏ߫" at a word's end: the tone mark first, then its letter.
    expect(textsOf([cp('\u07eb'), cp('ߏ'), cp(' '), cp('ߞ')], true)).toEqual(['\u200d', '\u07ebߏ', ' ', 'ߞ']);
    // Shadda and damma tanwin on the same letter, both before it.
    expect(textsOf([cp('\u064c'), cp('\u0651'), cp('د')], true)).toEqual(['\u200d', '\u200d', '\u064c\u0651د']);
  });

  it('leaves a mark with no letter after it as itself', () => {
    expect(textsOf([cp('ߏ'), cp('\u07eb')], true)).toEqual(['ߏ', '\u07eb']);
  });
});

describe('drawing a shaped run', () => {
  // What a PDF reader does with the page: each glyph where the text matrix, the TJ moves, the text rise and the font's widths put it.
  function placesRead(contents: string, widths: readonly number[], size: number): { x: number; y: number }[] {
    const places: { x: number; y: number }[] = [];
    const operands: number[] = [];
    let x = 0;
    let rise = 0;
    let inArray = false;
    for (const token of contents.match(/<[0-9a-f]+>|\[|\]|-?\d+(?:\.\d+)?|[A-Za-z]+|\/\S+/g) ?? []) {
      if (token === '[' || token === ']') inArray = token === '[';
      else if (token.startsWith('<')) {
        const code = Number.parseInt(token.slice(1, -1), 16);
        places.push({ x, y: rise });
        x += ((widths[code - 1] ?? 0) * size) / 1000;
      } else if (/^-?\d/.test(token)) {
        if (inArray) x -= (Number(token) * size) / 1000;
        else operands.push(Number(token));
      } else {
        if (token === 'Tm') x = operands.at(-2) ?? 0;
        if (token === 'Ts') rise = operands.at(-1) ?? 0;
        operands.length = 0;
      }
    }
    return places;
  }

  it.each([
    ['Arabic with harakat and the Allah ligature', 'arabic', 'مُحَمَّدٌ عبد الله الأنصاري'],
    ['N’Ko with tone marks', 'nko', 'ߒߞߏ߫ ߞߊ߲ߜߍ߲'],
  ] as const)('puts every glyph where fontkit’s shaping puts it: %s', async (_, file, text) => {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    const font = new ShapedFont(doc, fontFile(file));
    const size = 12;
    font.draw(page, text, { x: 0, y: 0, size, color: rgb(0, 0, 0), angle: 0, rightToLeft: true });
    font.embed();
    const objects = doc.context.enumerateIndirectObjects().map(([, object]) => object);
    const contents = objects.flatMap((object) => (object instanceof PDFContentStream ? [object.getContentsString()] : [])).join('\n');
    const cidFont = objects.find((object) => object instanceof PDFDict && object.get(PDFName.of('Subtype')) === PDFName.of('CIDFontType2')) as PDFDict;
    const widths = (cidFont.lookup(PDFName.of('W'), PDFArray).lookup(1, PDFArray).asArray() as PDFNumber[]).map((n) => n.asNumber());

    const shaped = sharedFontkit.create(fontFile(file)) as unknown as {
      unitsPerEm: number;
      layout: (...args: unknown[]) => { positions: { xAdvance: number; xOffset: number; yOffset: number }[] };
    };
    const scale = size / shaped.unitsPerEm;
    let pen = 0;
    const expected = shaped.layout(text, undefined, undefined, undefined, 'rtl').positions.map((position) => {
      const place = { x: pen + position.xOffset * scale, y: position.yOffset * scale };
      pen += position.xAdvance * scale;
      return place;
    });
    const round = (places: { x: number; y: number }[]) => places.map(({ x, y }) => [Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
    expect(round(placesRead(contents, widths, size))).toEqual(round(expected));
  });
});
