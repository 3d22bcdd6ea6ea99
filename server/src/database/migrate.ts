import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { repoRoot } from '../config/app-config.js';
import { applyGrants, type GrantRoles } from './grants.js';

export const migrationsDir = join(repoRoot, 'prisma', 'migrations');

/**
 * Applies prisma/migrations/<ts>_<name>/migration.sql in order, recording each in Prisma's own
 * `_prisma_migrations` table (same columns and sha256 checksum) so that `prisma migrate deploy`
 * on a connected machine would see them as applied. Prisma's CLI cannot run its schema engine
 * on these offline machines; see docs/development.md.
 *
 * `databaseUrl` is the owner of the tables (DATABASE_OWNER_URL); with `roles`, the API's and
 * Cube's roles get their rights afterwards, on every run (grants.ts), so the append-only tables
 * stay SELECT and INSERT only for the API whatever a migration created.
 */
export async function migrate(databaseUrl: string, roles: GrantRoles = {}): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // One migrator at a time (two processes starting against one server).
    await client.query('SELECT pg_advisory_lock(7261123)');
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const done = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Map(done.rows.map((r) => [r.migration_name, r.checksum]));
    const names = readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    const ran: string[] = [];
    for (const name of names) {
      const sql = readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const previous = applied.get(name);
      if (previous) {
        if (previous !== checksum) throw new Error(`Migration ${name} was changed after it was applied. Add a new migration instead.`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), now(), 1)',
          [randomUUID(), checksum, name],
        );
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${name} failed: ${(e as Error).message}`);
      }
      ran.push(name);
    }
    await applyGrants(client, roles);
    return ran;
  } finally {
    await client.query('SELECT pg_advisory_unlock(7261123)').catch(() => undefined);
    await client.end();
  }
}
