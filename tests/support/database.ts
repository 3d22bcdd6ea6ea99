import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { urlAs } from '../../scripts/lib/database-roles.ts';
import { createPrismaClient, type Db } from '../../server/src/database/prisma.service.ts';
import { TEMPLATE_DB } from './template-db.ts';

export interface TestDatabase {
  /**
   * The superuser (the same as adminUrl): for set-up behind the API's back that the API's role
   * may not do (`session_replication_role`, ending backends, reading anything).
   */
  url: string;
  /** The superuser, connected to this database. */
  adminUrl: string;
  /** The owner of the tables (what migrations run as). */
  ownerUrl: string;
  /** The API's role, which owns nothing: what `db` and so the API under test connect as. */
  apiUrl: string;
  /** Cube's role: SELECT on its model's tables, owner of its rollup schema. */
  cubeUrl: string;
  /** Prisma over the API's role (startApi(t.db) runs the API as that role). */
  db: Db;
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: inject('pgServerUrl') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fresh database cloned from the migrated template: each test file gets its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const roles = inject('pgRoles');
  const name = `t_${randomBytes(6).toString('hex')}`;
  // A clone keeps the template's owners, grants and default privileges; the database itself
  // belongs to whoever creates it unless told.
  await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE ${TEMPLATE_DB} OWNER "${roles.owner.name}"`));
  const adminUrl = inject('pgServerUrl').replace(/\/postgres$/, `/${name}`);
  const apiUrl = urlAs(adminUrl, roles.api);
  const db = createPrismaClient(apiUrl, 5);
  return {
    url: adminUrl,
    adminUrl,
    ownerUrl: urlAs(adminUrl, roles.owner),
    apiUrl,
    cubeUrl: urlAs(adminUrl, roles.cube),
    db,
    drop: async () => {
      await db.$disconnect();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
