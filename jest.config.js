// ESM all the way (NestJS 12 is ESM-only): @swc/jest compiles TypeScript with
// decorator metadata; relative `.js` specifiers map back to their `.ts` source.
const swcFor = ({ tsx }) => [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx },
      // JSX as Vite builds it (the automatic runtime: no `import React` in the components).
      transform: { legacyDecorator: true, decoratorMetadata: true, ...(tsx ? { react: { runtime: 'automatic' } } : {}) },
      target: 'es2022',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];
const swc = swcFor({ tsx: false });

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
      // The web app's components (*.spec.tsx), rendered in jsdom and used as a caseworker would; the network is faked at fetch.
      ...shared,
      displayName: 'web',
      extensionsToTreatAsEsm: ['.ts', '.tsx'],
      transform: { '^.+\\.ts$': swc, '^.+\\.tsx$': swcFor({ tsx: true }) },
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/apps/web/src/**/*.spec.tsx'],
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
