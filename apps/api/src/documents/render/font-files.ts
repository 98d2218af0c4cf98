import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';

/*
 * The open fonts the documents embed, read from their npm packages (SIL Open
 * Font License 1.1; nothing is fetched at install or at run time):
 * - Noto Sans for Latin, Latin Extended (Bambara's ɛ ɔ ɲ ŋ, Fula's ɓ ɗ ƴ),
 *   Greek and Cyrillic;
 * - Amiri for Arabic script: every shaped form is a glyph of its own, so the
 *   PDF's text layer gives back the name exactly as entered (Noto's Arabic
 *   fonts draw dotted letters as a dotless base plus a dot, which copies out
 *   as the wrong letter);
 * - Noto Sans NKo for N'Ko (one weight exists: bold text uses it too).
 */

export type FontFileName = 'latin' | 'latinBold' | 'arabic' | 'arabicBold' | 'nko';

const FILES: Record<FontFileName, string> = {
  latin: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  latinBold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  arabic: '@expo-google-fonts/amiri/400Regular/Amiri_400Regular.ttf',
  arabicBold: '@expo-google-fonts/amiri/700Bold/Amiri_700Bold.ttf',
  nko: '@expo-google-fonts/noto-sans-nko/400Regular/NotoSansNKo_400Regular.ttf',
};

const require = createRequire(import.meta.url);
const cache = new Map<FontFileName, Uint8Array>();

/** The font file's bytes, read once per process (a few hundred kilobytes each). */
export function fontFile(name: FontFileName): Uint8Array {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = readFileSync(require.resolve(FILES[name]));
    cache.set(name, bytes);
  }
  return bytes;
}

type Fontkit = Pick<typeof fontkit, 'create'>;
const parsed = new WeakMap<Uint8Array, ReturnType<Fontkit['create']>>();

/**
 * Fontkit for pdf-lib, parsing each font file once per process: the shaping
 * tables of these fonts take a second or more to decode, and a document is
 * rendered while its case is locked. The parsed font holds only caches (each
 * document still gets its own subset).
 */
export const sharedFontkit: Fontkit = {
  create(bytes: Uint8Array, postscriptName?: string) {
    let font = parsed.get(bytes);
    if (!font) {
      font = fontkit.create(bytes, postscriptName);
      parsed.set(bytes, font);
    }
    return font;
  },
};
