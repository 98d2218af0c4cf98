// Pre-compresses the built JS and CSS (gzip, level 9) so the API can serve
// them small on 2G without compressing at request time. Static files only:
// API responses are never compressed (BREACH: secrets beside attacker input).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = 'apps/web/dist/assets';
for (const name of readdirSync(dir)) {
  if (!/\.(js|css|svg)$/.test(name)) continue;
  writeFileSync(join(dir, `${name}.gz`), gzipSync(readFileSync(join(dir, name)), { level: 9 }));
}
