import { defineConfig } from 'prisma/config';

// The CLI is used here only for `prisma generate`; migrations are applied by
// scripts/lib/migrate.ts (see docs/development.md for why).
export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:54329/club' },
});
