import pg from 'pg';
import { join } from 'node:path';
import { loadConfig } from '../../server/src/config/app-config.ts';
import { roleOf, type GrantRoles } from '../../server/src/database/grants.ts';
import { embeddedRoles, ensureRoles, grantRoles, prepareDatabase, urlAs } from './database-roles.ts';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.ts';

export interface DatabaseHandle {
  /** The owner of the tables: migrations, seeding, scripts (the same as ownerUrl). */
  url: string;
  /** The owner of the tables: what `migrate` connects as. */
  ownerUrl: string;
  /** What the API connects as: reads and writes rows, owns nothing. */
  apiUrl: string;
  /** What Cube connects as: reads the tables of its model, owns its rollup schema. */
  cubeUrl: string;
  /** The roles `migrate` grants rights to (none when they are the owner itself). */
  roles: GrantRoles;
  /** Stops the embedded server this handle started; nothing for an outside DATABASE_URL. */
  close(): Promise<void>;
  embedded: boolean;
}

/** Creates the database on the server if it is missing; with `reset`, drops it first. */
export async function ensureDatabase(serverUrl: string, name: string, reset = false, owner?: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    if (reset) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"${owner ? ` OWNER "${owner}"` : ''}`);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * The database `npm start`, `npm run seed` and the benchmarks use: DATABASE_URL (the API) and
 * DATABASE_OWNER_URL (migrations) when set, otherwise the embedded PostgreSQL whose data lives
 * in .data/postgres, with its three roles set up by its superuser (database-roles.ts).
 */
export async function openDatabase(opts: { database?: string; reset?: boolean; log?: (m: string) => void } = {}): Promise<DatabaseHandle> {
  const config = loadConfig();
  if (config.databaseUrl) {
    let apiUrl = config.databaseUrl;
    let ownerUrl = config.databaseOwnerUrl ?? apiUrl;
    let cubeUrl = config.cubeDatabaseUrl ?? ownerUrl;
    if (opts.reset || opts.database) {
      const name = opts.database ?? new URL(ownerUrl).pathname.slice(1);
      await ensureDatabase(withDatabase(ownerUrl, 'postgres'), name, opts.reset);
      [apiUrl, ownerUrl, cubeUrl] = [apiUrl, ownerUrl, cubeUrl].map((u) => withDatabase(u, name));
    }
    return { url: ownerUrl, ownerUrl, apiUrl, cubeUrl, roles: { api: roleOf(apiUrl), cube: roleOf(cubeUrl) }, close: async () => undefined, embedded: false };
  }
  const server: RunningPostgres = await startEmbeddedPostgres({ dir: join(config.dataDir, 'postgres'), port: config.pgPort, persistent: true, log: opts.log });
  try {
    const name = opts.database ?? 'club';
    const roles = embeddedRoles(config.dataDir);
    await ensureRoles(server.url('postgres'), roles);
    await ensureDatabase(server.url('postgres'), name, opts.reset, roles.owner.name);
    await prepareDatabase(server.url(name), roles);
    const ownerUrl = urlAs(server.url(name), roles.owner);
    return {
      url: ownerUrl,
      ownerUrl,
      apiUrl: urlAs(server.url(name), roles.api),
      cubeUrl: urlAs(server.url(name), roles.cube),
      roles: grantRoles(roles),
      close: () => server.stop(),
      embedded: true,
    };
  } catch (e) {
    await server.stop().catch(() => undefined);
    throw e;
  }
}
