import pg from 'pg';
import { join } from 'node:path';
import { loadConfig } from '../../server/src/config/app-config.ts';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.ts';

export interface DatabaseHandle {
  url: string;
  /** Stops the embedded server this handle started; nothing for an outside DATABASE_URL. */
  close(): Promise<void>;
  embedded: boolean;
}

/** Creates the database on the server if it is missing; with `reset`, drops it first. */
export async function ensureDatabase(serverUrl: string, name: string, reset = false): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    if (reset) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * The database `npm start`, `npm run seed` and the benchmarks use: DATABASE_URL when set,
 * otherwise the embedded PostgreSQL whose data lives in .data/postgres.
 */
export async function openDatabase(opts: { database?: string; reset?: boolean; log?: (m: string) => void } = {}): Promise<DatabaseHandle> {
  const config = loadConfig();
  if (config.databaseUrl) {
    if (opts.reset || opts.database) {
      const u = new URL(config.databaseUrl);
      const name = opts.database ?? u.pathname.slice(1);
      const server = new URL(config.databaseUrl);
      server.pathname = '/postgres';
      await ensureDatabase(server.toString(), name, opts.reset);
      u.pathname = `/${name}`;
      return { url: u.toString(), close: async () => undefined, embedded: false };
    }
    return { url: config.databaseUrl, close: async () => undefined, embedded: false };
  }
  const server: RunningPostgres = await startEmbeddedPostgres({ dir: join(config.dataDir, 'postgres'), port: config.pgPort, persistent: true, log: opts.log });
  const name = opts.database ?? 'club';
  await ensureDatabase(server.url('postgres'), name, opts.reset);
  return { url: server.url(name), close: () => server.stop(), embedded: true };
}
