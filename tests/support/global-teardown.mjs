import { rm } from 'node:fs/promises';

export default async function globalTeardown() {
  await globalThis.__testPostgres?.stop();
  if (process.env.TEST_DATA_ROOT) await rm(process.env.TEST_DATA_ROOT, { recursive: true, force: true });
}
