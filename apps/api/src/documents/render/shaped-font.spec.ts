import { textsOf } from './shaped-font.js';

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
