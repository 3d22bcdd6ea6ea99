// Cube's dashboard figures against the same figures in plain SQL, per region, on a seeded
// database; the region rule in cube/cube.js; and that the dashboard is served from rollups.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { freePort } from '../scripts/lib/free-port.ts';
import { seedClub } from '../prisma/seed/seed-club.ts';
import { repoRoot } from '../server/src/config/app-config.ts';
import { CubeError, cubeLoad, cubeLoadResponse, cubeSql, spawnCube, type CubeProcess, type CubeQuery, type CubeRow } from '../scripts/lib/cube-process.ts';
import dashboard from '../cube/dashboard-queries.json' with { type: 'json' };
import memberQuarterQueries from '../cube/member-quarter-queries.json' with { type: 'json' };
import { writeMemberQuarter } from '../server/src/analysis/member-quarter-sql.ts';
import { rowsAt, sectionOverQuarters, type QueryName } from '../admin/src/features/dashboard/member-quarters/queries.ts';
import { endedQuarters, isoDay } from '../server/src/calendar/quarters.ts';

const SECRET = 'analysis-test-secret-0123456789abcdef';
const QUERIES = dashboard as Record<keyof typeof dashboard, CubeQuery>;
const MEMBER_CHARTS = ['membersByProject', 'newMembersPerQuarter', 'ageBands', 'sex'] as const;

let database: TestDatabase;
let client: pg.Client;
let cube: CubeProcess | undefined;
let region: string;

async function token(payload: Record<string, unknown>, secret = SECRET): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('10m').sign(new TextEncoder().encode(secret));
}

/** Rows as "key → count" so the comparison does not depend on the order of ties. */
type Figures = Record<string, number>;

function fromCube(rows: CubeRow[], keys: string[], measure: string): Figures {
  const out: Figures = {};
  for (const r of rows) out[keys.map((k) => String(r[k]).slice(0, k.endsWith('.quarter') ? 10 : undefined)).join('|')] = Number(r[measure]);
  return out;
}

async function fromSql(sql: string, regionCode: string | null): Promise<Figures> {
  const { rows } = await client.query<{ k: string; n: string }>(sql, [regionCode]);
  return Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]));
}

// Written independently of the Cube model: the figures a reader would compute by hand.
const REGION = `($1::text IS NULL OR m."regionCode" = $1)`;
const PLAIN_SQL: Record<(typeof MEMBER_CHARTS)[number] | 'householdsByProject', { sql: string; keys: string[]; measure: string }> = {
  membersByProject: {
    sql: `SELECT p.name || '|' || p.code AS k, count(*) AS n FROM members m JOIN projects p ON p.id = m."projectId"
          WHERE m.status = 'ACTIVE' AND ${REGION} GROUP BY p.name, p.code`,
    keys: ['member_profile.project_name', 'member_profile.project_code'],
    measure: 'member_profile.count',
  },
  newMembersPerQuarter: {
    sql: `SELECT to_char(date_trunc('quarter', m."joinedOn"), 'YYYY-MM-DD') AS k, count(*) AS n FROM members m
          WHERE ${REGION} GROUP BY 1`,
    keys: ['member_profile.joined_on.quarter'],
    measure: 'member_profile.count',
  },
  ageBands: {
    sql: `SELECT CASE WHEN a < 18 THEN '0-17' WHEN a < 30 THEN '18-29' WHEN a >= 70 THEN '70+'
                      ELSE (a / 10 * 10)::text || '-' || (a / 10 * 10 + 9)::text END AS k, count(*) AS n
          FROM (SELECT extract(year FROM age(current_date, m."birthDate"))::int AS a FROM members m
                WHERE m.status = 'ACTIVE' AND ${REGION}) ages GROUP BY 1`,
    keys: ['member_profile.age_band'],
    measure: 'member_profile.count',
  },
  sex: {
    sql: `SELECT m.sex::text AS k, count(*) AS n FROM members m WHERE m.status = 'ACTIVE' AND ${REGION} GROUP BY 1`,
    keys: ['member_profile.sex'],
    measure: 'member_profile.count',
  },
  householdsByProject: {
    sql: `SELECT p.name || '|' || p.code AS k, count(*) AS n FROM households h JOIN projects p ON p.id = h."projectId"
          WHERE ($1::text IS NULL OR p."regionCode" = $1) GROUP BY p.name, p.code`,
    keys: ['household_overview.project_name', 'household_overview.project_code'],
    measure: 'household_overview.count',
  },
};
const CHARTS = [...MEMBER_CHARTS, 'householdsByProject'] as const;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedClub(database.db, { members: 1500, demoAccounts: false });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  // The region of the first project: it has members, and the other regions have some too.
  region = (await client.query<{ r: string }>(`SELECT "regionCode" AS r FROM projects ORDER BY id LIMIT 1`)).rows[0].r;
  const output: string[] = [];
  // R-1: the last two ended quarters frozen, as the API's scheduled job does.
  for (const q of endedQuarters(2)) await database.db.$transaction((tx) => writeMemberQuarter(tx, q.start, q.end));
  cube = await spawnCube({ databaseUrl: database.cubeUrl, port: await freePort(), apiSecret: SECRET, log: (l) => output.push(l) });
});

afterAll(async () => {
  await cube?.stop();
  await client?.end();
  await database?.drop();
});

describe('dashboard figures equal plain SQL', () => {
  for (const chart of CHARTS) {
    it(`${chart} for the group club (ALL)`, async () => {
      const { sql, keys, measure } = PLAIN_SQL[chart];
      const rows = await cubeLoad(cube!.url, await token({ role: 'general_manager', region: 'ALL' }), QUERIES[chart]);
      const expected = await fromSql(sql, null);
      expect(Object.keys(expected).length).toBeGreaterThan(1);
      expect(fromCube(rows, keys, measure)).toEqual(expected);
    });

    it(`${chart} for one region`, async () => {
      const { sql, keys, measure } = PLAIN_SQL[chart];
      const rows = await cubeLoad(cube!.url, await token({ role: 'club_manager', region }), QUERIES[chart]);
      const regional = fromCube(rows, keys, measure);
      expect(regional).toEqual(await fromSql(sql, region));
      expect(regional).not.toEqual(await fromSql(sql, null));
    });
  }

  it('a region sees only its own projects', async () => {
    const rows = await cubeLoad(cube!.url, await token({ role: 'club_manager', region }), QUERIES.membersByProject);
    const own = (await client.query<{ code: string }>(`SELECT code FROM projects WHERE "regionCode" = $1`, [region])).rows.map((r) => r.code);
    const all = (await client.query<{ code: string }>(`SELECT code FROM projects`)).rows.map((r) => r.code);
    expect(own.length).toBeLessThan(all.length);
    const seen = rows.map((r) => String(r['member_profile.project_code']));
    expect(seen.length).toBeGreaterThan(0);
    for (const code of seen) expect(own).toContain(code);
  });

  it('cube/README.md shows the same dashboard queries', () => {
    const readme = readFileSync(join(repoRoot, 'cube', 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
    for (const chart of CHARTS) expect(blocks).toContainEqual(QUERIES[chart]);
  });
});

describe('region rule (cube/cube.js)', () => {
  it('refuses a token without a region', async () => {
    const err = await cubeLoad(cube!.url, await token({ role: 'general_manager' }), QUERIES.sex).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CubeError);
    expect((err as CubeError).status).toBe(403);
    expect((err as CubeError).message).toMatch(/region/);
  });

  it('refuses a token signed with another secret', async () => {
    const err = await cubeLoad(cube!.url, await token({ role: 'general_manager', region: 'ALL' }, 'not-the-secret-0123456789abcdef'), QUERIES.sex).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CubeError);
    expect((err as CubeError).status).toBe(403);
  });

  it('refuses the private cubes even to the group club', async () => {
    const err = await cubeLoad(cube!.url, await token({ role: 'general_manager', region: 'ALL' }), { measures: ['members.count'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CubeError);
    expect((err as CubeError).status).toBe(403);
  });

  it('adds the region filter for a region and none for ALL', async () => {
    const regional = await cubeLoadResponse(cube!.url, await token({ role: 'club_manager', region }), QUERIES.sex);
    expect((regional.query as { filters: unknown[] }).filters).toContainEqual({ member: 'member_profile.region_code', operator: 'equals', values: [region] });
    const all = await cubeLoadResponse(cube!.url, await token({ role: 'general_manager', region: 'ALL' }), QUERIES.sex);
    expect(JSON.stringify((all.query as { filters: unknown[] }).filters)).not.toContain('region_code');
  });
});

describe('pre-aggregations', () => {
  for (const chart of CHARTS) {
    it(`${chart} is served from a rollup, for ALL and for a region`, async () => {
      for (const r of ['ALL', region]) {
        const sql = await cubeSql(cube!.url, await token({ role: 'club_manager', region: r }), QUERIES[chart]);
        expect(sql.preAggregations.length).toBe(1);
        expect(sql.sql[0]).toMatch(/FROM prod_pre_aggregations\./);
        expect(sql.sql[0]).not.toMatch(/public\.members|public\.households/);
      }
    });
  }
});

// R-1: every section of the quarterly member analysis against SQL over the quarter's frozen rows,
// the bands written another way than the Cube model's.
const QUARTER_END = isoDay(endedQuarters(1)[0].end);
const R1 = Object.fromEntries(Object.entries(memberQuarterQueries).filter(([k]) => k !== '//')) as Record<string, CubeQuery>;
const r1Query = (name: string) => JSON.parse(JSON.stringify(R1[name]).replaceAll('QUARTER_END', QUARTER_END)) as CubeQuery;
const SNAP = `FROM member_quarter_snapshots s WHERE s."quarterEnd" = $2::date AND ($1::text IS NULL OR s."regionCode" = $1)`;
const AT_END = `${SNAP} AND s."memberAtEnd"`;
const band = (col: string, edges: number[], top: string) =>
  `CASE ${edges.map((e, i) => `WHEN ${col} ${i === 0 ? '<=' : '='} ${e} THEN '${e}'`).join(' ')} ELSE '${top}' END`;
const R1_SQL: Record<string, string> = {
  changes: `SELECT count(*) FILTER (WHERE s."joinedInQuarter") || '|' || count(*) FILTER (WHERE s."leftInQuarter") || '|' || count(*) FILTER (WHERE s."memberAtEnd") AS k, 1 AS n ${SNAP}`,
  project: `SELECT p.name || '|' || p.code AS k, count(*) AS n ${AT_END.replace('FROM member_quarter_snapshots s', 'FROM member_quarter_snapshots s JOIN projects p ON p.id = s."projectId"')} GROUP BY 1`,
  region: `SELECT s."regionCode" AS k, count(*) AS n ${AT_END} GROUP BY 1`,
  ageBand: `SELECT CASE WHEN s."ageYears" >= 70 THEN '70+' WHEN s."ageYears" < 30 THEN '18-29' ELSE (s."ageYears" / 10 * 10) || '-' || (s."ageYears" / 10 * 10 + 9) END AS k, count(*) AS n ${AT_END} GROUP BY 1`,
  sex: `SELECT s.sex::text AS k, count(*) AS n ${AT_END} GROUP BY 1`,
  education: `SELECT coalesce(s.education::text, 'UNKNOWN') AS k, count(*) AS n ${AT_END} GROUP BY 1`,
  industry: `SELECT CASE WHEN coalesce(s."businessType", '') = '' THEN '—' ELSE s."businessType" END AS k, count(*) AS n ${AT_END} GROUP BY 1`,
  occupation: `SELECT CASE WHEN coalesce(s.position, '') = '' THEN '—' ELSE s.position END AS k, count(*) AS n ${AT_END} GROUP BY 1`,
  maritalStatus: `SELECT s."maritalStatus"::text AS k, count(*) AS n ${AT_END} GROUP BY 1`,
  children: `SELECT ${band('s."childrenCount"', [0, 1, 2], '3+')} AS k, count(*) AS n ${AT_END} GROUP BY 1`,
  householdSize: `SELECT ${band('s."householdSize"', [1, 2, 3, 4], '5+')} AS k, count(*) AS n ${AT_END} GROUP BY 1`,
  cardsInHousehold: `SELECT CASE WHEN s."cardsInHousehold" >= 3 THEN '3' ELSE s."cardsInHousehold"::text END AS k, count(*) AS n ${AT_END} GROUP BY 1`,
  car: `SELECT s."hasCar"::text AS k, count(*) AS n ${AT_END} GROUP BY 1`,
  tenure: `SELECT CASE WHEN s."tenureYears" = 0 THEN '<1' WHEN s."tenureYears" <= 2 THEN '1-2' WHEN s."tenureYears" <= 4 THEN '3-4' WHEN s."tenureYears" <= 9 THEN '5-9' ELSE '10+' END AS k, count(*) AS n ${AT_END} GROUP BY 1`,
  hobbies: `SELECT h."nameZh" AS k, count(*) AS n FROM member_quarter_snapshots s JOIN hobbies h ON h.id = ANY (s."hobbyIds")
            WHERE s."quarterEnd" = $2::date AND ($1::text IS NULL OR s."regionCode" = $1) AND s."memberAtEnd" GROUP BY 1`,
  joinReasons: `SELECT r::text AS k, count(*) AS n FROM member_quarter_snapshots s, unnest(s."joinReasons") r
            WHERE s."quarterEnd" = $2::date AND ($1::text IS NULL OR s."regionCode" = $1) AND s."memberAtEnd" GROUP BY 1`,
};

function r1FromCube(rows: CubeRow[], query: CubeQuery): Figures {
  const dims = (query.dimensions ?? []) as string[];
  const measures = query.measures as string[];
  const out: Figures = {};
  for (const r of rows) {
    if (!dims.length) out[measures.map((m) => String(Number(r[m]))).join('|')] = 1;
    else out[dims.map((d) => String(r[d])).join('|')] = Number(r[measures[0]]);
  }
  return out;
}

async function r1FromSql(sql: string, regionCode: string | null): Promise<Figures> {
  const { rows } = await client.query<{ k: string; n: string }>(sql, [regionCode, QUARTER_END]);
  return Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]));
}

describe('R-1: the quarterly member analysis equals SQL over the frozen quarter', () => {
  it('every section of cube/member-quarter-queries.json has its SQL here', () => {
    expect(Object.keys(R1).sort()).toEqual(Object.keys(R1_SQL).sort());
  });

  for (const name of Object.keys(R1_SQL)) {
    it(`${name}, for the group club and for one region`, async () => {
      const query = r1Query(name);
      const all = r1FromCube(await cubeLoad(cube!.url, await token({ role: 'general_manager', region: 'ALL' }), query), query);
      const expected = await r1FromSql(R1_SQL[name], null);
      expect(Object.keys(expected).length).toBeGreaterThan(0);
      expect(all).toEqual(expected);
      const regional = r1FromCube(await cubeLoad(cube!.url, await token({ role: 'club_manager', region }), query), query);
      expect(regional).toEqual(await r1FromSql(R1_SQL[name], region));
    });
  }
});

describe('R-1 as the report page asks it: one query a section over the quarters it compares', () => {
  const [last, before] = endedQuarters(2);
  for (const name of ['changes', 'education', 'hobbies'] as QueryName[]) {
    it(`${name}: each quarter's rows of the combined query equal that quarter's own query`, async () => {
      const t = await token({ role: 'general_manager', region: 'ALL' });
      const combined = await cubeLoad(cube!.url, t, sectionOverQuarters(name, isoDay(before.end), isoDay(last.end)) as CubeQuery);
      for (const q of [last, before]) {
        const end = isoDay(q.end);
        const own = JSON.parse(JSON.stringify(R1[name]).replaceAll('QUARTER_END', end)) as CubeQuery;
        const expected = r1FromCube(await cubeLoad(cube!.url, t, own), own);
        expect(Object.keys(expected).length).toBeGreaterThan(0);
        expect(r1FromCube(rowsAt(name, combined, end), own)).toEqual(expected);
      }
    });
  }
});
