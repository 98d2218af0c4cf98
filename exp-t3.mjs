import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
for (const path of process.argv.slice(2)) {
  const f = fontkit.create(readFileSync(path));
  const run = f.layout('عائشة بنت محمد الأنصاري عبد الله');
  const byId = new Map();
  let bad = 0;
  for (const g of run.glyphs) {
    const s = g.codePoints.map((c) => String.fromCodePoint(c)).join('');
    if (!s) bad++;
    if (byId.has(g.id) && byId.get(g.id) !== s) bad++;
    byId.set(g.id, s);
  }
  console.log(path.split('/').pop(), 'glyphs', run.glyphs.length, 'ambiguous/empty', bad, run.glyphs.map((g) => g.name).join(' '));
}
