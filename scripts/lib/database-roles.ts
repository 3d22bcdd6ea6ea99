// The database roles of the embedded PostgreSQL (npm start) and of the test cluster, set up by
// its superuser: the owner of the tables (migrations), the API's role and Cube's role. The
// rights themselves are granted by the owner after every migration run
// (server/src/database/grants.ts); docs/operations.md, "Database roles", explains them.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { CUBE_SCHEMA, type GrantRoles } from '../../server/src/database/grants.ts';

export interface RoleLogin {
  name: string;
  password: string;
}

export interface ClubRoles {
  owner: RoleLogin;
  api: RoleLogin;
  cube: RoleLogin;
}

export const ROLE_NAMES = { owner: 'club_owner', api: 'club_api', cube: 'club_cube' } as const;

/** The names `migrate` grants rights to. */
export function grantRoles(roles: ClubRoles): GrantRoles {
  return { api: roles.api.name, cube: roles.cube.name };
}

/** The same server and database as `url`, logged in as `login`. */
export function urlAs(url: string, login: RoleLogin): string {
  const u = new URL(url);
  u.username = encodeURIComponent(login.name);
  u.password = encodeURIComponent(login.password);
  return u.toString();
}

/** A password made once and kept in the data folder (mode 600), like the signing keys. */
function storedPassword(dataDir: string, role: string): string {
  const file = join(dataDir, `db_${role}_password.secret`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(24).toString('hex');
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}

/** The roles of the embedded database, their passwords kept in `dataDir` (.data/db_*_password.secret). */
export function embeddedRoles(dataDir: string): ClubRoles {
  return {
    owner: { name: ROLE_NAMES.owner, password: storedPassword(dataDir, 'owner') },
    api: { name: ROLE_NAMES.api, password: storedPassword(dataDir, 'api') },
    cube: { name: ROLE_NAMES.cube, password: storedPassword(dataDir, 'cube') },
  };
}

/** Roles with fresh random passwords (tests). */
export function randomRoles(): ClubRoles {
  const pw = () => randomBytes(16).toString('hex');
  return {
    owner: { name: ROLE_NAMES.owner, password: pw() },
    api: { name: ROLE_NAMES.api, password: pw() },
    cube: { name: ROLE_NAMES.cube, password: pw() },
  };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Creates the three login roles on the server (or sets their password and attributes again when
 * they exist): none is a superuser, none may create roles or databases. Run as a superuser.
 */
export async function ensureRoles(superuserUrl: string, roles: ClubRoles): Promise<void> {
  await withClient(superuserUrl, async (c) => {
    // One process at a time (two starts against one server).
    await c.query('SELECT pg_advisory_lock(7261124)');
    try {
      for (const role of [roles.owner, roles.api, roles.cube]) {
        const exists = (await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.name])).rowCount! > 0;
        const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${c.escapeLiteral(role.password)}`;
        await c.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${ident(role.name)} WITH ${attributes}`);
      }
      // The owner may act on Cube's rollup schema too (scripts that run Cube as the owner).
      await c.query(`GRANT ${ident(roles.cube.name)} TO ${ident(roles.owner.name)}`);
    } finally {
      await c.query('SELECT pg_advisory_unlock(7261124)');
    }
  });
}

/**
 * Makes the owner role own the database and every object of schema public (a database migrated
 * before these roles existed was owned by the superuser), and gives Cube its own rollup schema.
 * Run as a superuser, connected to that database, before `migrate`.
 */
export async function prepareDatabase(superuserDatabaseUrl: string, roles: ClubRoles): Promise<void> {
  const owner = ident(roles.owner.name);
  const cube = ident(roles.cube.name);
  await withClient(superuserDatabaseUrl, async (c) => {
    const database = (await c.query<{ d: string }>('SELECT current_database() AS d')).rows[0].d;
    await c.query(`ALTER DATABASE ${ident(database)} OWNER TO ${owner}`);
    // Objects an extension created (pg_trgm's functions and types) stay with the extension.
    const notExtension = `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = o.oid AND d.deptype = 'e')`;
    const relations = await c.query<{ kind: string; name: string }>(
      `SELECT o.relkind AS kind, o.relname AS name FROM pg_class o JOIN pg_namespace n ON n.oid = o.relnamespace
        WHERE n.nspname = 'public' AND o.relkind IN ('r', 'p', 'v', 'm', 'f') AND o.relowner <> (SELECT oid FROM pg_roles WHERE rolname = $1) AND ${notExtension}`,
      [roles.owner.name],
    );
    const command: Record<string, string> = { r: 'TABLE', p: 'TABLE', v: 'VIEW', m: 'MATERIALIZED VIEW', f: 'FOREIGN TABLE' };
    // A table's own sequences (serial, identity) change owner with it.
    for (const r of relations.rows) await c.query(`ALTER ${command[r.kind]} public.${ident(r.name)} OWNER TO ${owner}`);
    const sequences = await c.query<{ name: string }>(
      `SELECT o.relname AS name FROM pg_class o JOIN pg_namespace n ON n.oid = o.relnamespace
        WHERE n.nspname = 'public' AND o.relkind = 'S' AND o.relowner <> (SELECT oid FROM pg_roles WHERE rolname = $1) AND ${notExtension}
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = o.oid AND d.deptype IN ('a', 'i'))`,
      [roles.owner.name],
    );
    for (const s of sequences.rows) await c.query(`ALTER SEQUENCE public.${ident(s.name)} OWNER TO ${owner}`);
    const functions = await c.query<{ signature: string }>(
      `SELECT o.oid::regprocedure::text AS signature FROM pg_proc o JOIN pg_namespace n ON n.oid = o.pronamespace
        WHERE n.nspname = 'public' AND o.proowner <> (SELECT oid FROM pg_roles WHERE rolname = $1) AND ${notExtension}`,
      [roles.owner.name],
    );
    for (const f of functions.rows) await c.query(`ALTER ROUTINE ${f.signature} OWNER TO ${owner}`);
    const types = await c.query<{ name: string }>(
      `SELECT o.typname AS name FROM pg_type o JOIN pg_namespace n ON n.oid = o.typnamespace
        WHERE n.nspname = 'public' AND o.typtype IN ('e', 'd', 'r') AND o.typowner <> (SELECT oid FROM pg_roles WHERE rolname = $1) AND ${notExtension}`,
      [roles.owner.name],
    );
    for (const t of types.rows) await c.query(`ALTER TYPE public.${ident(t.name)} OWNER TO ${owner}`);

    // What migrate's grants (server/src/database/grants.ts) also say, set here too so that tables a
    // script migrates without naming the roles (npm run seed -- --reset) are usable by the API at once.
    await c.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${ident(roles.api.name)}`);
    await c.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${ident(roles.api.name)}`);

    // Cube's rollups: a schema Cube's role owns, and nothing else it could write to. Rollup
    // tables made by another role before are dropped; Cube rebuilds them.
    const schema = await c.query<{ owner: string }>(
      `SELECT r.rolname AS owner FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = $1`,
      [CUBE_SCHEMA],
    );
    if (schema.rowCount && schema.rows[0].owner !== roles.cube.name) await c.query(`DROP SCHEMA ${ident(CUBE_SCHEMA)} CASCADE`);
    await c.query(`CREATE SCHEMA IF NOT EXISTS ${ident(CUBE_SCHEMA)} AUTHORIZATION ${cube}`);
  });
}
