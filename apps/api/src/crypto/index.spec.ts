import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, test } from '@jest/globals';

import * as sut from './index.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('public surface of the crypto module', () => {
  test('exposes no raw key bytes and no libsodium handle', () => {
    for (const internal of ['keyBytes', 'keyPairSecrets', 'signingKeySeed', 'sodium', 'encryptWithNonce', 'memzero']) {
      expect(Object.keys(sut)).not.toContain(internal);
    }
  });

  test('only sodium.ts imports a libsodium build', () => {
    const importers = readdirSync(here)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts') && !file.endsWith('.d.ts'))
      .filter((file) => /from '(sodium-native|libsodium[^']*)'/.test(readFileSync(join(here, file), 'utf8')));

    expect(importers).toEqual(['sodium.ts']);
  });
});
