import { defineConfig } from 'prisma/config';

// The CLI is used only for `prisma generate`: migrations go through the
// WebAssembly schema engine (scripts/db), because the CLI's native engine is
// downloaded from a host these machines cannot reach.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
