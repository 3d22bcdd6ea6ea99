// Who may do what in the database (docs/operations.md, "Database roles").
//
// Three roles, none of them a superuser:
//   owner — owns every table; runs the migrations (migrate.ts) and nothing else.
//   api   — what the API connects as: reads and writes rows, owns nothing. On the append-only
//           tables (audit log, fee ledger, member history) only SELECT and INSERT, so neither
//           TRUNCATE, DELETE, UPDATE, ALTER TABLE … DISABLE TRIGGER nor
//           `session_replication_role` (superuser only) can remove a row.
//   cube  — what Cube connects as: SELECT on the tables its model reads; it owns only the schema
//           its rollup tables live in (CUBE_SCHEMA).
// `applyGrants` runs as the owner after every migration run, so the rights are re-derived from
// the tables as they are now; default privileges give tables created later the API's rights
// in between.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { repoRoot } from '../config/app-config.js';

/** Where Cube keeps its rollup tables (Cube's default for production mode). */
export const CUBE_SCHEMA = 'prod_pre_aggregations';

/**
 * Tables whose rows are never changed or removed (M-8, M-11). Tables with an append-only trigger
 * (a trigger function whose name ends in `append_only`) are found as well, so a new append-only
 * table that follows the same pattern is covered without an edit here.
 */
export const APPEND_ONLY_TABLES = ['audit_log', 'fee_entries', 'member_changes'];

export interface GrantRoles {
  /** The API's role (DATABASE_URL's user); no grants for it when unset or the owner itself. */
  api?: string;
  /** Cube's role; no grants for it when unset or the owner itself. */
  cube?: string;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The public tables Cube's model reads (`sql_table: \`public.<table>\`` in cube/model). */
export function cubeTables(modelDir = join(repoRoot, 'cube', 'model')): string[] {
  const tables = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(js|ya?ml)$/.test(entry.name)) {
        for (const m of readFileSync(path, 'utf8').matchAll(/sql_table:\s*[`'"]?(?:public\.)?"?([a-z_][a-z0-9_]*)"?/g)) tables.add(m[1]);
      }
    }
  };
  walk(modelDir);
  return [...tables].sort();
}

/** The append-only tables that exist: the list above plus any table with an `*append_only` trigger. */
export async function appendOnlyTables(client: pg.Client): Promise<string[]> {
  const r = await client.query<{ table: string }>(
    `SELECT DISTINCT c.relname AS table
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE n.nspname = 'public' AND NOT t.tgisinternal AND (p.proname LIKE '%append_only' OR c.relname = ANY($1))`,
    [APPEND_ONLY_TABLES],
  );
  return r.rows.map((row) => row.table).sort();
}

/**
 * Gives the API's and Cube's roles exactly their rights on the schema as it is now, in one
 * transaction (a running API never sees a half-applied set). Run by the owner of the tables.
 */
export async function applyGrants(client: pg.Client, roles: GrantRoles): Promise<void> {
  const me = (await client.query<{ u: string }>('SELECT current_user AS u')).rows[0].u;
  const api = roles.api && roles.api !== me ? roles.api : undefined;
  const cube = roles.cube && roles.cube !== me && roles.cube !== api ? roles.cube : undefined;
  if (!api && !cube) return;
  const appendOnly = await appendOnlyTables(client);
  const existing = new Set(
    (await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.t),
  );
  const statements: string[] = [];
  if (api) {
    const a = ident(api);
    statements.push(
      `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${a}`,
      `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${a}`,
      `GRANT USAGE ON SCHEMA public TO ${a}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${a}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${a}`,
      // Tables and sequences later migrations create get the same rights until the next run
      // of this function narrows them (append-only tables).
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${a}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${a}`,
    );
    for (const t of appendOnly) statements.push(`REVOKE UPDATE, DELETE ON ${ident(t)} FROM ${a}`);
    if (existing.has('_prisma_migrations')) statements.push(`REVOKE ALL ON "_prisma_migrations" FROM ${a}`);
  }
  if (cube) {
    const c = ident(cube);
    statements.push(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${c}`, `GRANT USAGE ON SCHEMA public TO ${c}`);
    for (const t of cubeTables()) if (existing.has(t)) statements.push(`GRANT SELECT ON ${ident(t)} TO ${c}`);
  }
  await client.query('BEGIN');
  try {
    for (const s of statements) await client.query(s);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw new Error(`Granting the database roles their rights failed: ${(e as Error).message}`);
  }
}

/** The user name of a postgresql:// URL. */
export function roleOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).username) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why the connection is more powerful than the API should be (a superuser, or the owner of
 * tables), or undefined when it is not. Start-up prints it as a warning.
 */
export async function excessRights(client: pg.Client): Promise<string | undefined> {
  const r = await client.query<{ role: string; superuser: boolean; owned: number }>(
    `SELECT current_user AS role, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned`,
  );
  const { role, superuser, owned } = r.rows[0];
  if (superuser) return `the API connects as "${role}", a superuser: it could empty the audit log`;
  if (owned > 0) return `the API connects as "${role}", which owns ${owned} tables: it could empty the audit log (TRUNCATE, DISABLE TRIGGER)`;
  return undefined;
}

/** `excessRights` over a connection of its own. */
export async function checkApiRole(databaseUrl: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await excessRights(client);
  } finally {
    await client.end();
  }
}
