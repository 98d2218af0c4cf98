// `npm run test:load`: the load suite alone, on the same embedded PostgreSQL
// set-up as the integration tests. Its files end in `.load.ts`, so the main
// config (tests/**/*.test.ts) never runs them under `npm test`.
import { fileURLToPath } from 'node:url';
import root from '../../jest.config.js';

const integration = root.projects.find((project) => project.displayName === 'integration');

export default {
  rootDir: fileURLToPath(new URL('../..', import.meta.url)),
  testTimeout: 1_800_000,
  projects: [
    {
      ...integration,
      rootDir: fileURLToPath(new URL('../..', import.meta.url)),
      displayName: 'load',
      testMatch: ['<rootDir>/tests/load/**/*.load.ts'],
    },
  ],
};
