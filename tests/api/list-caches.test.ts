// List totals and place names are kept in the API process until PostgreSQL announces a change
// to their table (server/src/database/change-feed.ts). These tests change the database behind
// the API's back — from another connection, as an import script or a second API process would —
// and use `session_replication_role = replica` (triggers off, so no change notice) to prove
// that a value really was cached rather than recounted.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningApi } from '../support/api.ts';
import { useApi } from '../support/fixture.ts';

// The fixture's API keeps every total (threshold 1 row); a second one on the same database has the default threshold.
const f = useApi({ members: 200, seedApplications: true, config: { cachedTotalMinRows: 1 } });
let caching: RunningApi; // keeps every total (threshold 1 row)
let plain: RunningApi; // the default threshold: this small database's totals are always counted
let sql: pg.Client;
let token: string;
let plainToken: string;
let projectId: number;

/** A statement whose change the API is not told about. */
async function unannounced(text: string, values: unknown[] = []): Promise<void> {
  await sql.query('SET session_replication_role = replica');
  try {
    await sql.query(text, values);
  } finally {
    await sql.query('SET session_replication_role = origin');
  }
}

async function total(api: RunningApi, bearer: string, path: string): Promise<number> {
  const r = await api.call('GET', path, { token: bearer });
  expect(r.status).toBe(200);
  return Number(r.headers.get('x-total-count'));
}

/** Change notices arrive asynchronously (within milliseconds); poll briefly for the expected value. */
async function eventually<T>(read: () => Promise<T>, expected: T): Promise<T> {
  let last = await read();
  for (let i = 0; i < 40 && last !== expected; i++) {
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  return last;
}

async function memberCount(where: string, values: unknown[]): Promise<number> {
  return Number((await sql.query(`SELECT count(*) AS n FROM members WHERE ${where}`, values)).rows[0].n);
}

beforeAll(async () => {
  caching = f.api;
  plain = await f.startAnotherApi();
  [token, plainToken] = await Promise.all([caching.login('officer'), plain.login('officer')]);
  sql = await f.sql();
  projectId = (await f.db.member.findFirstOrThrow({ orderBy: { id: 'asc' } })).projectId;
});

describe('list totals kept until their table changes', () => {
  it('answers a repeated filter from the kept total, and recounts after any announced change', async () => {
    const path = `/api/members?projectId=${projectId}&_start=0&_end=10`;
    const before = await memberCount('"projectId" = $1', [projectId]);
    expect(await total(caching, token, path)).toBe(before);

    // Moved out of the project without a notice: the kept total is still served…
    const [first, second] = (await sql.query('SELECT id FROM members WHERE "projectId" = $1 ORDER BY id LIMIT 2', [projectId])).rows.map((r) => r.id as number);
    const other = (await sql.query('SELECT id FROM projects WHERE id <> $1 ORDER BY id LIMIT 1', [projectId])).rows[0].id as number;
    await unannounced('UPDATE members SET "projectId" = $1 WHERE id = $2', [other, first]);
    expect(await total(caching, token, path)).toBe(before);
    // …while below the threshold every total is counted afresh.
    expect(await total(plain, plainToken, path)).toBe(before - 1);

    // An ordinary statement from any connection announces itself: the next answer is recounted.
    await sql.query('UPDATE members SET "projectId" = $1 WHERE id = $2', [other, second]);
    expect(await eventually(() => total(caching, token, path), before - 2)).toBe(before - 2);

    await sql.query('UPDATE members SET "projectId" = $1 WHERE id = ANY($2)', [projectId, [first, second]]);
    expect(await eventually(() => total(caching, token, path), before)).toBe(before);
  });

  it('keeps totals per filter and per region scope', async () => {
    const regional = await caching.login('officer_sh');
    const all = await total(caching, token, '/api/members?_start=0&_end=5');
    const sh = await total(caching, regional, '/api/members?_start=0&_end=5');
    expect(all).toBe(await memberCount('true', []));
    expect(sh).toBe(await memberCount('"regionCode" = $1', ['SH']));
    expect(sh).toBeLessThan(all);
    const females = await total(caching, token, '/api/members?sex=FEMALE&_start=0&_end=5');
    expect(females).toBe(await memberCount('sex = $1', ['FEMALE']));
  });

  it('forgets everything when it lost the change notices for a while', async () => {
    const path = `/api/members?projectId=${projectId}&_start=0&_end=10`;
    const before = await total(caching, token, path);
    const [id] = (await sql.query('SELECT id FROM members WHERE "projectId" = $1 ORDER BY id DESC LIMIT 1', [projectId])).rows.map((r) => r.id as number);
    const other = (await sql.query('SELECT id FROM projects WHERE id <> $1 ORDER BY id LIMIT 1', [projectId])).rows[0].id as number;
    await unannounced('UPDATE members SET "projectId" = $1 WHERE id = $2', [other, id]);
    expect(await total(caching, token, path)).toBe(before);

    // The listening connection drops (a database restart, a network blip): the API reconnects and,
    // since notices sent meanwhile are lost, drops what it kept.
    const listeners = async () => (await sql.query(`SELECT pid FROM pg_stat_activity WHERE application_name = 'club-change-feed' AND datname = current_database()`)).rows.map((r) => r.pid as number);
    const old = await listeners();
    expect(old.length).toBe(2); // one per API process
    await sql.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = ANY($1)', [old]);
    let now: number[] = [];
    for (let i = 0; i < 100 && !(now.length === 2 && now.every((p) => !old.includes(p))); i++) {
      await new Promise((r) => setTimeout(r, 50));
      now = await listeners();
    }
    expect(now).toHaveLength(2);
    expect(await total(caching, token, path)).toBe(before - 1);
    await sql.query('UPDATE members SET "projectId" = $1 WHERE id = $2', [projectId, id]);
    expect(await eventually(() => total(caching, token, path), before)).toBe(before);
  });

  it('keeps nothing while it cannot follow changes (DATABASE_LISTEN_URL unreachable)', async () => {
    const deaf = await f.startAnotherApi({ cachedTotalMinRows: 1, listenUrl: 'postgresql://club:club@127.0.0.1:1/nowhere' });
    try {
      const bearer = await deaf.login('officer');
      const path = `/api/members?projectId=${projectId}&_start=0&_end=10`;
      const before = await total(deaf, bearer, path);
      const [id] = (await sql.query('SELECT id FROM members WHERE "projectId" = $1 ORDER BY id LIMIT 1', [projectId])).rows.map((r) => r.id as number);
      const other = (await sql.query('SELECT id FROM projects WHERE id <> $1 ORDER BY id LIMIT 1', [projectId])).rows[0].id as number;
      await unannounced('UPDATE members SET "projectId" = $1 WHERE id = $2', [other, id]);
      expect(await total(deaf, bearer, path)).toBe(before - 1);
      await sql.query('UPDATE members SET "projectId" = $1 WHERE id = $2', [projectId, id]);
      expect(await total(deaf, bearer, path)).toBe(before);
    } finally {
      await deaf.close();
    }
  });

  it('keeps the "my tasks" counts per state, recounted after a change of state', async () => {
    const manager = await caching.login('manager');
    const counts = async () => (await caching.call('GET', '/api/applications/tasks?_start=0&_end=5', { token: manager })).body.overdue as number;
    const expected = async () =>
      Number(
        (await sql.query(`SELECT count(*) AS n FROM applications WHERE status NOT IN ('ISSUED','REJECTED') AND "dueOn" < (now() AT TIME ZONE 'Asia/Shanghai')::date`)).rows[0].n,
      );
    const before = await counts();
    expect(before).toBe(await expected());
    const open = (await sql.query(`SELECT id FROM applications WHERE status NOT IN ('ISSUED','REJECTED') AND "dueOn" IS NOT NULL ORDER BY id LIMIT 1`)).rows[0]?.id as number | undefined;
    expect(open).toBeDefined();
    // Made overdue (or less overdue) behind the API's back: no notice, the kept counts stand.
    const due = (await sql.query('SELECT "dueOn" < (now() AT TIME ZONE \'Asia/Shanghai\')::date AS late FROM applications WHERE id = $1', [open])).rows[0].late as boolean;
    const newDue = due ? '2099-01-01' : '2000-01-01';
    await unannounced('UPDATE applications SET "dueOn" = $1 WHERE id = $2', [newDue, open]);
    expect(await counts()).toBe(before);
    await sql.query('UPDATE applications SET "updatedAt" = now() WHERE id = $1', [open]);
    const after = await eventually(counts, due ? before - 1 : before + 1);
    expect(after).toBe(await expected());
    expect(after).toBe(due ? before - 1 : before + 1);
  });
});

describe('place names kept until a place changes', () => {
  it('shows a renamed building once the rename is announced', async () => {
    const path = `/api/members?projectId=${projectId}&_sort=id&_order=asc&_start=0&_end=1`;
    const [row] = (await caching.call('GET', path, { token })).body;
    const building = (await sql.query('SELECT b.id, b.name FROM members m JOIN units u ON u.id = m."unitId" JOIN buildings b ON b.id = u."buildingId" WHERE m.id = $1', [row.id])).rows[0];
    expect(row.buildingName).toBe(building.name);

    await unannounced('UPDATE buildings SET name = $1 WHERE id = $2', ['暗改楼', building.id]);
    expect((await caching.call('GET', path, { token })).body[0].buildingName).toBe(building.name);

    await sql.query('UPDATE buildings SET name = $1 WHERE id = $2', ['新名楼', building.id]);
    const renamed = async () => (await caching.call('GET', path, { token })).body[0].buildingName as string;
    expect(await eventually(renamed, '新名楼')).toBe('新名楼');
    await sql.query('UPDATE buildings SET name = $1 WHERE id = $2', [building.name, building.id]);
  });
});
