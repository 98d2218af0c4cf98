// Transpiles the API and the shared package to JavaScript with swc, file by
// file, without type-checking: `npm start` on a fresh clone waits for this
// (about a second) instead of `tsc -b` (half a minute, most of it checking
// the generated Prisma client). Type-checking stays in `npm test` and CI
// (`npm run typecheck`); jest compiles the same sources with the same swc
// options, so what the tests run is what starts.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { transformFile } from '@swc/core';

const PACKAGES = [
  { source: 'packages/shared/src', output: 'packages/shared/dist' },
  { source: 'apps/api/src', output: 'apps/api/dist' },
];
const SKIPPED = /\.(spec|testing)\.ts$|\.d\.ts$/;

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: true,
};

function sources(folder) {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !SKIPPED.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

async function transpile({ source, output }) {
  rmSync(output, { recursive: true, force: true });
  const files = sources(source);
  await Promise.all(
    files.map(async (file) => {
      const target = join(output, relative(source, file)).replace(/\.ts$/, '.js');
      const result = await transformFile(file, { ...options, sourceFileName: relative(dirname(target), file) });
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, `${result.code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
      if (result.map) writeFileSync(`${target}.map`, result.map);
    }),
  );
  return files.length;
}

let count = 0;
for (const pkg of PACKAGES) count += await transpile(pkg);
process.stdout.write(`build: ${count} files transpiled\n`);
