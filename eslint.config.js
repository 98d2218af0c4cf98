import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import project from './eslint-rules/index.js';

/** Files that still query the database directly, from before the rule: the list may only shrink (docs/ARCHITECTURE.md). */
export const REPOSITORY_DEBT = [];

/**
 * Files outside the case store that still read case rows through VaultRepository: the list may only
 * shrink; the vault's services offer the narrow methods to move them to (docs/ARCHITECTURE.md, vault).
 */
export const CASE_ROWS_DEBT = [
  'apps/api/src/cases/agenda.service.ts',
  'apps/api/src/cases/assignee-access.ts',
  'apps/api/src/cases/case-downloads.ts',
  'apps/api/src/cases/case-links.service.ts',
  'apps/api/src/cases/case-work.service.ts',
  'apps/api/src/cases/cases.service.ts',
  'apps/api/src/cases/consent-thread.ts',
  'apps/api/src/cases/details-merge.ts',
  'apps/api/src/cases/staff-messages.ts',
];

const sodium = ['libsodium-wrappers-sumo', 'libsodium-wrappers', 'sodium-native'];

/** The architecture's boundaries, enforced (ARCHITECTURE.md, SECURITY.md). */
const boundaries = {
  everywhere: { paths: sodium.map((name) => ({ name, message: 'Only apps/api/src/crypto may import libsodium.' })) },
};

export default tseslint.config(
  {
    ignores: ['**/node_modules/', '**/dist/', 'apps/api/src/generated/', '.data/', 'coverage/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', boundaries.everywhere],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // The case rows are the case store's own: other modules go through its services, which hold the rules.
    files: ['apps/api/src/**'],
    ignores: ['apps/api/src/vault/**', ...CASE_ROWS_DEBT],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: boundaries.everywhere.paths,
          patterns: [
            {
              group: ['**/vault/vault.repository.js'],
              importNames: ['VaultRepository'],
              message: 'Only the case store (vault/) uses VaultRepository: call the vault service that owns the rule.',
            },
          ],
        },
      ],
    },
  },
  {
    // The crypto module is the one importer of libsodium.
    files: ['apps/api/src/crypto/**', 'bench/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Universal code: runs in the browser and in Node.
    files: ['packages/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: boundaries.everywhere.paths, patterns: [{ group: ['node:*', '@prisma/*', '@nestjs/*'], message: 'packages/shared is universal code.' }] },
      ],
    },
  },
  {
    // The web app talks to the API over HTTP only.
    files: ['apps/web/**'],
    ignores: ['apps/web/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: boundaries.everywhere.paths, patterns: [{ group: ['**/apps/api/**', '@mnpddh/api', 'node:*'], message: 'apps/web never imports the API.' }] },
      ],
    },
  },
  {
    // Only repositories (and the database module) touch the Prisma client.
    files: ['apps/api/src/**'],
    ignores: ['apps/api/src/**/*.repository.ts', 'apps/api/src/database/**', 'apps/api/src/crypto/**'],
    rules: {
      // Types of rows may travel; the client itself stays in repositories.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/generated/prisma/*'], message: 'Only repositories import the Prisma client.', allowTypeImports: true }] },
      ],
    },
  },
  {
    // Every route's answer is declared, and so checked at run time (common/checked-answers.ts).
    files: ['apps/api/src/**/*.controller.ts'],
    plugins: { project },
    rules: { 'project/checked-answer': 'error' },
  },
  {
    // Repositories are the one door to the database: a query anywhere else is refused.
    files: ['apps/api/src/**'],
    ignores: ['apps/api/src/**/*.repository.ts', 'apps/api/src/database/**', 'apps/api/src/generated/**', ...REPOSITORY_DEBT],
    plugins: { project },
    rules: { 'project/repository-door': 'error' },
  },
);
