import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstClosedFolder } from './reachable-by-postgres.js';

describe('firstClosedFolder (can the postgres system user reach a checkout?)', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'mnpddh-reach-'));
    await mkdir(join(root, 'checkout', 'node_modules'), { recursive: true });
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('names the 0700 folder that mktemp -d makes, above the checkout', async () => {
    await chmod(root, 0o700);
    await expect(firstClosedFolder(join(root, 'checkout', 'node_modules'))).resolves.toBe(root);
  });

  it('finds nothing once every folder may be traversed by others', async () => {
    await chmod(root, 0o711);
    await expect(firstClosedFolder(join(root, 'checkout', 'node_modules'))).resolves.toBeUndefined();
  });

  it('stops at a folder that does not exist yet (the portal creates it traversable)', async () => {
    await chmod(root, 0o755);
    await expect(firstClosedFolder(join(root, 'not-yet', 'pg'))).resolves.toBeUndefined();
  });
});
