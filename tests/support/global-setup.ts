// One embedded PostgreSQL per test run; a migrated template database that each test file clones
// (tests/support/database.ts). Nothing here is mocked.
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { makeTempDir, startEmbeddedPostgres, type RunningPostgres } from '../../scripts/lib/embedded-postgres.ts';
import { ensureDatabase } from '../../scripts/lib/database.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { migrate } from '../../server/src/database/migrate.ts';

import { TEMPLATE_DB } from './template-db.ts';

// embedded-postgres installs async-exit-hook, whose 'beforeExit' handler calls process.exit(0):
// that would turn a failed test run into exit code 0. Keep the code vitest chose.
let exitCode: string | number | undefined;
process.prependListener('beforeExit', () => {
  exitCode = process.exitCode ?? undefined;
});
process.on('exit', () => {
  if (exitCode) process.exitCode = exitCode;
});

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

let server: RunningPostgres | undefined;

export default async function setup(project: TestProject) {
  const root = makeTempDir('club-test-');
  server = await startEmbeddedPostgres({ dir: join(root, 'pg'), port: await freePort(), persistent: false });
  await ensureDatabase(server.url('postgres'), TEMPLATE_DB, true);
  await migrate(server.url(TEMPLATE_DB));
  project.provide('pgServerUrl', server.url('postgres'));
  return async () => {
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  };
}
