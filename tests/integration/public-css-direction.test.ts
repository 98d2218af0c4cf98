import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT_DIR } from '../../apps/api/src/paths.js';

/*
 * The public pages are laid out right to left for Arabic (the north of
 * Mali): a physical side (margin-left, right: 0, text-align: left) stays on
 * the same side in both directions and breaks the mirrored layout. Logical
 * properties (margin-inline-start, inset-inline-end, text-align: start) follow
 * the reading direction. A physical side is allowed only where a comment on
 * the line before says why it does not matter in right to left.
 */
const PUBLIC_CSS = [join(ROOT_DIR, 'apps/web/src/styles.css'), ...cssUnder(join(ROOT_DIR, 'apps/web/src/intake'))];
const PHYSICAL =
  /(?:^|[\s;{])(?:(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right)[\w-]*|left|right)\s*:|text-align:\s*(?:left|right)|float:\s*(?:left|right)|clear:\s*(?:left|right)|border-(?:top|bottom)-(?:left|right)-radius/;

function cssUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.css'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function physicalSides(file: string): string[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.flatMap((line, index) => {
    if (!PHYSICAL.test(line)) return [];
    if (/right-to-left/.test(lines[index - 1] ?? '')) return [];
    return [`${relative(ROOT_DIR, file)}:${index + 1}: ${line.trim()}`];
  });
}

describe('the public CSS in a right-to-left language', () => {
  it('reads the public stylesheets', () => {
    expect(PUBLIC_CSS.length).toBeGreaterThanOrEqual(3);
  });

  it('uses logical properties where a side is meant', () => {
    expect(PUBLIC_CSS.flatMap(physicalSides)).toEqual([]);
  });
});
