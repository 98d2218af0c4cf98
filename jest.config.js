// ESM all the way (NestJS 12 is ESM-only): @swc/jest compiles TypeScript with
// decorator metadata; relative `.js` specifiers map back to their `.ts` source.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: false },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@mnpddh/shared$': '<rootDir>/packages/shared/src/index.ts',
  },
  testEnvironment: 'node',
};

export default {
  // Per test: integration and browser tests start a portal and Chromium (a project-level value is ignored).
  testTimeout: 60_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/apps/api/src/**/*.spec.ts', '<rootDir>/packages/shared/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'],
    },
    {
      // The web app's own logic (no DOM): forms' checks, formatting. Browser behaviour is tested under tests/e2e.
      ...shared,
      displayName: 'web',
      testMatch: ['<rootDir>/apps/web/src/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.mjs',
      globalTeardown: '<rootDir>/tests/support/global-teardown.mjs',
    },
  ],
};
