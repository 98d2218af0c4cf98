// Loaded with `node --import` by benchmarks that only need many cases to
// exist (the case list): the receipt's Argon2id (3 passes, 64 MiB, most of a
// case's creation) runs at libsodium's minimum cost instead, so 10 000 cases
// are made in minutes. Those receipts never open anything afterwards (the
// portal derives them at full cost); nothing measured derives a receipt.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
export async function load(url, context, next) {
  const loaded = await next(url, context);
  if (!url.endsWith('/apps/api/dist/crypto/argon2.js')) return loaded;
  const source = String(loaded.source).replace(/opslimit: 3,\\s*memlimit: 64 \\* MIB/, 'opslimit: 1, memlimit: 8 * 1024');
  return { ...loaded, source };
}`)}`,
);
