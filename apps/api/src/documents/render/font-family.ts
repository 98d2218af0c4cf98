import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';
import type { MeasuredFont } from './shaped-font.js';

/*
 * Text in several scripts drawn with several fonts. A line is cut into runs
 * of one font and one bidi level; runs are placed in visual order (Unicode
 * bidi algorithm), and each run's own glyphs are shaped and ordered by
 * fontkit (Arabic and N'Ko joining forms, right to left). Every run stays
 * text in the PDF, in the order a reader copies it: the name printed is the
 * name entered.
 */

// A CommonJS factory whose typings TypeScript reads as a namespace under NodeNext: required, as it runs.
const bidi = (createRequire(import.meta.url)('bidi-js') as () => Bidi)();

export interface Run {
  readonly text: string;
  readonly font: MeasuredFont;
  /** Its bidi level is odd: Arabic or N'Ko letters (digits inside an Arabic name are a left-to-right run of their own). */
  readonly rightToLeft: boolean;
}

/** Which font draws a script that the first font cannot. */
export interface ScriptFont {
  readonly font: MeasuredFont;
  readonly covers: (codePoint: number) => boolean;
}

const ISOLATES = /[\u2066-\u2069]/;

/**
 * A name or any other text typed by a person, set apart for the bidi
 * algorithm (first-strong isolate): an Arabic name followed by a date or a
 * bracket keeps its place in a French sentence, and the sentence keeps its
 * order around the name. The isolate marks steer the layout; they are not drawn.
 */
export function isolate(value: string | undefined): string | undefined {
  return value === undefined ? undefined : `\u2068${value}\u2069`;
}

export const isArabic = (c: number) =>
  (c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff);
export const isNko = (c: number) => c >= 0x07c0 && c <= 0x07ff;

// Characters that take the font of the letters around them (spaces, punctuation, digits, marks).
const NEUTRAL = /[\s\p{P}\p{S}\p{N}\p{M}]/u;
// Look-alikes first; anything else no font can draw becomes "?".
const REPLACEMENTS: Record<string, string> = {
  '\u2192': '->',
  '\t': ' ',
  '\u202f': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
};
const characterSets = new WeakMap<MeasuredFont, Set<number>>();

function charactersOf(font: MeasuredFont): Set<number> {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  return set;
}

export class FontFamily {
  constructor(
    /** Draws everything it can that no script font claims. */
    private readonly base: MeasuredFont,
    private readonly scripts: readonly ScriptFont[] = [],
  ) {}

  /** Whether some font of the family can draw this character. */
  draws(codePoint: number): boolean {
    return charactersOf(this.base).has(codePoint) || this.scripts.some((s) => s.covers(codePoint) && charactersOf(s.font).has(codePoint));
  }

  /** The text with every character no font of the family can draw replaced (look-alike, base letter, or "?"). */
  sanitize(text: string): string {
    return [...text.normalize('NFC')]
      .map((character) => {
        if (character === '\n' || ISOLATES.test(character) || this.draws(character.codePointAt(0) ?? 0)) return character;
        const replaced = REPLACEMENTS[character];
        if (replaced) return replaced;
        const base = character.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
        return base && [...base].every((c) => this.draws(c.codePointAt(0) ?? 0)) ? base : '?';
      })
      .join('');
  }

  private readonly wordWidths = new Map<string, number>();

  /** Width of a line, word by word (words are shaped on their own: a space breaks every join), cached: wrapping measures each word once. */
  widthOf(text: string, size: number): number {
    const words = text.split(' ');
    return (words.reduce((sum, word) => sum + this.unitWidthOf(word), 0) + (words.length - 1) * this.unitWidthOf(' ')) * size;
  }

  private unitWidthOf(word: string): number {
    let width = this.wordWidths.get(word);
    if (width === undefined) {
      width = this.runsOf(word).reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, 1), 0);
      this.wordWidths.set(word, width);
    }
    return width;
  }

  /** The line's runs, left to right as drawn; each run's text in logical order (fontkit shapes and orders its glyphs). */
  runsOf(line: string): Run[] {
    if (!line) return [];
    // Documents are written in French or English: left to right, whatever script a line starts with.
    const { levels } = bidi.getEmbeddingLevels(line, 'ltr');
    const pieces: { text: string; font: MeasuredFont; level: number }[] = [];
    let previous: MeasuredFont | undefined;
    let index = 0;
    let previousLevel = -1;
    for (const character of line) {
      const level = levels[index] ?? 0;
      if (ISOLATES.test(character)) {
        index += 1;
        continue;
      }
      // A neutral takes the font before it only inside the same run: a bracket after a right-to-left name stays with the sentence.
      const font = this.fontFor(character, level === previousLevel ? previous : undefined);
      const last = pieces[pieces.length - 1];
      if (last && last.font === font && last.level === level) pieces[pieces.length - 1] = { ...last, text: last.text + character };
      else pieces.push({ text: character, font, level });
      previous = font;
      previousLevel = level;
      index += character.length;
    }
    return visualOrder(pieces).map(({ text, font, level }) => ({ text, font, rightToLeft: level % 2 === 1 }));
  }

  private fontFor(character: string, previous: MeasuredFont | undefined): MeasuredFont {
    const codePoint = character.codePointAt(0) ?? 0;
    if (previous && NEUTRAL.test(character) && charactersOf(previous).has(codePoint)) return previous;
    const script = this.scripts.find((s) => s.covers(codePoint) && charactersOf(s.font).has(codePoint));
    return script?.font ?? this.base;
  }
}

/** Unicode bidi rule L2 on whole runs: from the highest level down to the lowest odd one, reverse every stretch at or above it. */
function visualOrder<T extends { level: number }>(runs: T[]): T[] {
  const ordered = [...runs];
  const highest = Math.max(0, ...ordered.map((r) => r.level));
  const lowestOdd = Math.min(...ordered.map((r) => (r.level % 2 ? r.level : r.level + 1)));
  for (let level = highest; level >= lowestOdd; level -= 1) {
    let start = 0;
    while (start < ordered.length) {
      if ((ordered[start]?.level ?? 0) < level) {
        start += 1;
        continue;
      }
      let end = start;
      while (end < ordered.length && (ordered[end]?.level ?? 0) >= level) end += 1;
      ordered.splice(start, end - start, ...ordered.slice(start, end).reverse());
      start = end;
    }
  }
  return ordered;
}
