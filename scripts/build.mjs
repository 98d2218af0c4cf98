// Builds what is missing or older than its sources: the Prisma client, the
// API and the shared package (transpiled by swc, scripts/transpile.mjs: no
// type-check here, `npm run typecheck` does that) and the web app (vite).
// `--force` rebuilds all. The translations are compiled first (scripts/i18n).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const force = process.argv.includes('--force');

function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== 'node_modules' && name !== 'dist')
    .reduce((latest, name) => Math.max(latest, newest(join(path, name))), info.mtimeMs);
}

function stale(output, sources) {
  return force || !existsSync(output) || sources.some((source) => newest(source) > statSync(output).mtimeMs);
}

function run(label, command, args) {
  process.stdout.write(`build: ${label}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The translations (locales/*.po) into the modules the API and the web app import; the stamp
// records the run, as the modules are rewritten only when their text changes.
const I18N_STAMP = 'node_modules/.cache/i18n-compiled';
if (stale(I18N_STAMP, ['locales', 'scripts/i18n', 'packages/shared/src/i18n'])) {
  run('translations', process.execPath, ['--import', 'tsx', 'scripts/i18n/compile-command.ts']);
  mkdirSync('node_modules/.cache', { recursive: true });
  writeFileSync(I18N_STAMP, '');
}
if (stale('apps/api/src/generated/prisma/client.ts', ['prisma/schema.prisma'])) {
  run('prisma client', process.execPath, ['scripts/prisma-generate.mjs']);
}
// The API and the web app do not depend on each other: built side by side, the API's transpile hides in vite's time.
await Promise.all([
  stale('apps/api/dist/main.js', ['apps/api/src', 'packages/shared/src', 'scripts/transpile.mjs']) &&
    runAside('api', process.execPath, ['scripts/transpile.mjs']),
  stale('apps/web/dist/index.html', ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages/shared/src']) &&
    runAside('web', 'npx', ['vite', 'build', 'apps/web', '--logLevel', 'warn']).then(() =>
      runAside('web: gzip', process.execPath, ['scripts/compress-assets.mjs']),
    ),
]);

/** Like run, without blocking the other step; the first failure ends the build with its status. */
function runAside(label, command, args) {
  process.stdout.write(`build: ${label}\n`);
  return new Promise((resolve) => {
    spawn(command, args, { stdio: 'inherit' }).on('exit', (code) => (code === 0 ? resolve() : process.exit(code ?? 1)));
  });
}
