// One embedded PostgreSQL per test run; a migrated template database that each test file clones
// (tests/support/database.ts). Nothing here is mocked.
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { makeTempDir, startEmbeddedPostgres, type RunningPostgres } from '../../scripts/lib/embedded-postgres.ts';
import { ensureDatabase } from '../../scripts/lib/database.ts';
import { ensureRoles, grantRoles, prepareDatabase, randomRoles, urlAs, type ClubRoles } from '../../scripts/lib/database-roles.ts';
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
    /** The superuser, database `postgres`. */
    pgServerUrl: string;
    /** The owner of the tables, the API's role and Cube's role (scripts/lib/database-roles.ts). */
    pgRoles: ClubRoles;
  }
}

let server: RunningPostgres | undefined;

export default async function setup(project: TestProject) {
  const root = makeTempDir('club-test-');
  server = await startEmbeddedPostgres({ dir: join(root, 'pg'), port: await freePort(), persistent: false });
  // The same roles as the embedded database of `npm start`: the template belongs to the owner,
  // which migrates it; the clones keep its owners and grants.
  const roles = randomRoles();
  await ensureRoles(server.url('postgres'), roles);
  await ensureDatabase(server.url('postgres'), TEMPLATE_DB, true, roles.owner.name);
  await prepareDatabase(server.url(TEMPLATE_DB), roles);
  await migrate(urlAs(server.url(TEMPLATE_DB), roles.owner), grantRoles(roles));
  project.provide('pgServerUrl', server.url('postgres'));
  project.provide('pgRoles', roles);
  return async () => {
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  };
}
