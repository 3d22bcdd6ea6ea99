// The API connects as a role that owns nothing (server/src/database/grants.ts): whatever it is
// made to run, it cannot remove or change a row of the audit log, the fee ledger or the member
// history, nor switch their triggers off. The owner runs the migrations; Cube only reads.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { APPEND_ONLY_TABLES, applyGrants, cubeTables, excessRights } from '../../server/src/database/grants.ts';
import { migrate } from '../../server/src/database/migrate.ts';
import { useApi } from '../support/fixture.ts';

const f = useApi({ members: 30 });

/** A connection as one of the database's roles, closed by the fixture. */
const connect = (url: string): Promise<pg.Client> => f.sql(url);

describe('the API role', () => {
  it('is no superuser and owns nothing', async () => {
    const c = await connect(f.t.apiUrl);
    expect(await excessRights(c)).toBeUndefined();
    const owned = await c.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
    );
    expect(owned.rows).toEqual([]);
    // The owner does own them, and would be reported.
    expect(await excessRights(await connect(f.t.ownerUrl))).toMatch(/owns \d+ tables/);
  });

  it('signs in, writes the audit log and reads it back through the API', async () => {
    const token = await f.api.login('manager');
    const r = await f.api.call('GET', '/api/audit-log?_start=0&_end=5&_sort=id&_order=desc', { token });
    expect(r.status).toBe(200);
    expect(r.body.some((e: { action: string }) => e.action === 'LOGIN')).toBe(true);
  });

  const attacks: [string, string][] = [
    ['TRUNCATE', 'TRUNCATE audit_log'],
    ['TRUNCATE … CASCADE', 'TRUNCATE audit_log CASCADE'],
    ['DISABLE TRIGGER ALL', 'ALTER TABLE audit_log DISABLE TRIGGER ALL'],
    ['DISABLE TRIGGER by name', 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update'],
    ['DROP TRIGGER', 'DROP TRIGGER audit_log_no_update ON audit_log'],
    ['replace the trigger function', `CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$`],
    ['session_replication_role', 'SET session_replication_role = replica'],
    ['DELETE', 'DELETE FROM audit_log'],
    ['UPDATE', `UPDATE audit_log SET action = 'FORGED'`],
    ['DROP TABLE', 'DROP TABLE audit_log'],
    ['change the owner', 'ALTER TABLE audit_log OWNER TO CURRENT_USER'],
    ['make a table in public', 'CREATE TABLE public.evil (id int)'],
  ];
  for (const [what, sql] of attacks) {
    it(`cannot empty or change the audit log: ${what}`, async () => {
      const c = await connect(f.t.apiUrl);
      await expect(c.query(sql)).rejects.toThrow(/permission denied|must be owner|must be superuser|append-only/);
    });
  }

  it('leaves the audit log as it was after all that', async () => {
    const admin = await connect(f.t.adminUrl);
    const n = Number((await admin.query('SELECT count(*) AS n FROM audit_log')).rows[0].n);
    expect(n).toBeGreaterThan(0);
    expect((await admin.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'FORGED'`)).rows[0].n).toBe(0);
    const triggers = await admin.query(`SELECT tgenabled FROM pg_trigger WHERE tgname = 'audit_log_no_update'`);
    expect(triggers.rows).toEqual([{ tgenabled: 'O' }]);
  });

  for (const table of APPEND_ONLY_TABLES) {
    it(`may only read and add rows of ${table}`, async () => {
      const c = await connect(f.t.apiUrl);
      const rights = await c.query<{ p: string; granted: boolean }>(
        `SELECT p, has_table_privilege(current_user, $1, p) AS granted FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','TRIGGER','REFERENCES']) p`,
        [table],
      );
      expect(Object.fromEntries(rights.rows.map((r) => [r.p, r.granted]))).toEqual({
        SELECT: true,
        INSERT: true,
        UPDATE: false,
        DELETE: false,
        TRUNCATE: false,
        TRIGGER: false,
        REFERENCES: false,
      });
      await expect(c.query(`TRUNCATE ${table}`)).rejects.toThrow(/permission denied/);
      await expect(c.query(`DELETE FROM ${table}`)).rejects.toThrow(/permission denied/);
      await expect(c.query(`ALTER TABLE ${table} DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
    });
  }

  it('reads and writes the other tables (but cannot truncate them), and cannot read the migrations', async () => {
    const c = await connect(f.t.apiUrl);
    const r = await c.query<{ u: boolean; d: boolean; t: boolean }>(
      `SELECT has_table_privilege('members', 'UPDATE') AS u, has_table_privilege('members', 'DELETE') AS d, has_table_privilege('members', 'TRUNCATE') AS t`,
    );
    expect(r.rows[0]).toEqual({ u: true, d: true, t: false });
    await expect(c.query('SELECT * FROM "_prisma_migrations"')).rejects.toThrow(/permission denied/);
  });

  it('gets the same rights on a table a later migration creates, narrowed again for an append-only one', async () => {
    const owner = await connect(f.t.ownerUrl);
    await owner.query(`CREATE TABLE later_ledger (id serial PRIMARY KEY, note text)`);
    await owner.query(`CREATE TRIGGER later_ledger_no_update BEFORE UPDATE OR DELETE ON later_ledger FOR EACH ROW EXECUTE FUNCTION append_only()`);
    const c = await connect(f.t.apiUrl);
    // Default privileges: usable at once, including its sequence.
    await c.query(`INSERT INTO later_ledger (note) VALUES ('a')`);
    expect((await c.query(`SELECT has_table_privilege('later_ledger', 'DELETE') AS d`)).rows[0].d).toBe(true);
    // What migrate does after every run: an append-only table loses UPDATE and DELETE.
    await applyGrants(owner, { api: 'club_api', cube: 'club_cube' });
    expect((await c.query(`SELECT has_table_privilege('later_ledger', 'DELETE') AS d, has_table_privilege('later_ledger', 'INSERT') AS i`)).rows[0]).toEqual({ d: false, i: true });
  });
});

describe('the owner role', () => {
  it('runs the migrations (nothing left to apply in a clone) and re-applies the grants', async () => {
    expect(await migrate(f.t.ownerUrl, { api: 'club_api', cube: 'club_cube' })).toEqual([]);
    const c = await connect(f.t.apiUrl);
    expect((await c.query(`SELECT has_table_privilege('audit_log', 'DELETE') AS d`)).rows[0].d).toBe(false);
  });

  it('is no superuser either: it cannot switch off triggers for the session', async () => {
    const c = await connect(f.t.ownerUrl);
    await expect(c.query('SET session_replication_role = replica')).rejects.toThrow(/permission denied/);
  });
});

describe('the Cube role', () => {
  it("reads only its model's tables, writes nowhere but its rollup schema", async () => {
    const c = await connect(f.t.cubeUrl);
    expect(cubeTables()).toEqual(expect.arrayContaining(['members', 'households', 'projects']));
    expect(Number((await c.query('SELECT count(*) AS n FROM members')).rows[0].n)).toBeGreaterThan(0);
    await expect(c.query('SELECT * FROM staff_users')).rejects.toThrow(/permission denied/);
    await expect(c.query('SELECT * FROM audit_log')).rejects.toThrow(/permission denied/);
    await expect(c.query(`UPDATE members SET name = name`)).rejects.toThrow(/permission denied/);
    await expect(c.query('CREATE TABLE public.x (id int)')).rejects.toThrow(/permission denied/);
    await c.query('CREATE TABLE prod_pre_aggregations.probe (id int)');
    await c.query('DROP TABLE prod_pre_aggregations.probe');
  });
});
