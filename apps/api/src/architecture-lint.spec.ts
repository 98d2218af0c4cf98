import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';

/*
 * The lint rules that hold the architecture, tried on planted code through
 * the project's real configuration: they must catch what they claim to.
 */
const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function rulesBroken(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

const controller = (decorators: string) => `
import { Controller, Get } from '@nestjs/common';
import { ApiSchemas } from '../common/openapi.js';
import { z } from 'zod';
@Controller('planted')
export class PlantedController {
  @Get()
  ${decorators}
  list() { return { items: [] }; }
}
void ApiSchemas; void z;
`;

const service = `
export class PlantedService {
  constructor(private readonly prisma: { protectionCase: { findMany(): Promise<unknown[]> }; $queryRaw(parts: TemplateStringsArray): Promise<unknown> }) {}
  async all() { return this.prisma.protectionCase.findMany(); }
  async raw() { return this.prisma.$queryRaw\`SELECT 1\`; }
}
`;

describe('lint rules that hold the architecture', () => {
  it('refuses a route that declares no answer, accepts one whose answer is checked', async () => {
    expect(await rulesBroken(controller(''), 'apps/api/src/cases/planted.controller.ts')).toContain('project/checked-answer');
    expect(
      await rulesBroken(
        controller('@ApiSchemas({ responses: { 200: z.object({ items: z.array(z.string()) }) } })'),
        'apps/api/src/cases/planted.controller.ts',
      ),
    ).not.toContain('project/checked-answer');
  });

  it('refuses a route whose declared answers miss the status it answers with (every answer would be a 500)', async () => {
    expect(await rulesBroken(controller('@ApiSchemas({ responses: {} })'), 'apps/api/src/cases/planted.controller.ts')).toContain('project/checked-answer');
    expect(await rulesBroken(controller('@ApiSchemas({ responses: { 201: z.object({}) } })'), 'apps/api/src/cases/planted.controller.ts')).toContain(
      'project/checked-answer',
    );
  });

  it('refuses a query outside a repository (a model delegate and raw SQL), accepts it in a repository', async () => {
    const outside = await rulesBroken(service, 'apps/api/src/cases/planted.service.ts');
    expect(outside.filter((rule) => rule === 'project/repository-door')).toHaveLength(2);
    expect(await rulesBroken(service, 'apps/api/src/cases/planted.repository.ts')).not.toContain('project/repository-door');
  });

  it('reads the Prisma schema once per process, not once per linted file', async () => {
    const { modelDelegates } = (await import(resolve(root, 'eslint-rules/index.js'))) as { modelDelegates: (path: string) => Set<string> };
    const schema = resolve(root, 'prisma/schema.prisma');
    const first = modelDelegates(schema);
    expect(first.has('protectionCase')).toBe(true);
    expect(modelDelegates(schema)).toBe(first);
  });

  it('keeps the list of files from before the rule honest: each still exists and still queries (fix one, drop it from the list)', async () => {
    const { REPOSITORY_DEBT } = (await import(resolve(root, 'eslint.config.js'))) as { REPOSITORY_DEBT: string[] };
    const { default: project } = (await import(resolve(root, 'eslint-rules/index.js'))) as { default: ESLint.Plugin };
    const strict = new ESLint({
      cwd: root,
      overrideConfig: { files: ['**/*.ts'], plugins: { strict: project }, rules: { 'strict/repository-door': 'error' } },
    });
    for (const file of REPOSITORY_DEBT) {
      expect(existsSync(resolve(root, file))).toBe(true);
      const [result] = await strict.lintFiles([resolve(root, file)]);
      const stillQueries = (result?.messages ?? []).some((message) => message.ruleId === 'strict/repository-door');
      expect({ file, stillQueries }).toEqual({ file, stillQueries: true });
    }
  });

  it('refuses VaultRepository outside the case store, accepts the vault services and the row shapes beside it', async () => {
    const planted = (name: string) => `import { ${name} } from '../vault/vault.repository.js';\nexport const planted = ${name};\n`;
    expect(await rulesBroken(planted('VaultRepository'), 'apps/api/src/rekey/planted.ts')).toContain('no-restricted-imports');
    expect(await rulesBroken(planted('INDEX_ROW_SELECT'), 'apps/api/src/rekey/planted.ts')).not.toContain('no-restricted-imports');
    expect(await rulesBroken(planted('VaultRepository'), 'apps/api/src/vault/planted.ts')).not.toContain('no-restricted-imports');
  });

  it('keeps the list of files that still read case rows honest: each still imports VaultRepository (move one, drop it from the list)', async () => {
    const { CASE_ROWS_DEBT } = (await import(resolve(root, 'eslint.config.js'))) as { CASE_ROWS_DEBT: string[] };
    for (const file of CASE_ROWS_DEBT) {
      const source = readFileSync(resolve(root, file), 'utf8');
      expect({ file, imports: /import \{[^}]*\bVaultRepository\b[^}]*\} from '[./]+\/vault\/vault\.repository\.js'/.test(source) }).toEqual({
        file,
        imports: true,
      });
    }
  });
});
