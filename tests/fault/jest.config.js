// `npm run test:fault`: the fault suite alone. Each file starts a PostgreSQL
// of its own (it stops and restarts it), so there is no global set-up. Its
// files end in `.fault.ts`, so `npm test` (tests/**/*.test.ts) never runs them.
import { fileURLToPath } from 'node:url';
import root from '../../jest.config.js';

const integration = root.projects.find((project) => project.displayName === 'integration');
const { globalSetup: _setup, globalTeardown: _teardown, ...shared } = integration;

export default {
  rootDir: fileURLToPath(new URL('../..', import.meta.url)),
  testTimeout: 900_000,
  projects: [
    {
      ...shared,
      rootDir: fileURLToPath(new URL('../..', import.meta.url)),
      displayName: 'fault',
      testMatch: ['<rootDir>/tests/fault/**/*.fault.ts'],
    },
  ],
};
