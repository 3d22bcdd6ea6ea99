// R-1 / M-12: the membership as it stood at each quarter's end — frozen by the scheduled job when
// the API starts, rebuilt from the member history on request — against the same figures computed
// independently in SQL, and unmoved by today's edits.
import ExcelJS from 'exceljs';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { FROZEN_QUARTERS } from '../../server/src/analysis/member-quarters.service.ts';
import { endedQuarters, isoDay, previousQuarter } from '../../server/src/calendar/quarters.ts';
import { useApi } from '../support/fixture.ts';

const f = useApi({ members: 300, users: ['officer', 'manager', 'marketing', 'editor', 'activity'] });

async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: f.t.url });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}

const last = endedQuarters(1)[0];
const before = previousQuarter(last);

/** The scheduled freeze runs in the background at start: wait for it. */
beforeAll(async () => {
  for (let i = 0; i < 300; i++) {
    const r = await f.call('GET', '/api/analysis/member-quarters', { token: f.tokens.manager });
    if (r.status === 200 && r.body.length >= FROZEN_QUARTERS) return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('the scheduled job did not freeze the quarters');
});

/**
 * Members at the end of a quarter by education, computed another way than the API's builder: one
 * correlated subquery over the history, no jsonb. Membership by the members' own joining and
 * leaving dates (effective dates, whenever they were entered).
 */
async function educationAt(quarterEnd: string) {
  return sql<{ education: string | null; n: number }>(
    `WITH cut AS (SELECT (($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS at),
     v AS (
       SELECT m.id,
         m."joinedOn" AS joined, m."leftOn" AS left_on,
         CASE WHEN EXISTS (SELECT 1 FROM member_changes c, cut WHERE c."memberId" = m.id AND c.field = 'education' AND c."changedAt" >= cut.at)
              THEN (SELECT c."oldValue" FROM member_changes c, cut WHERE c."memberId" = m.id AND c.field = 'education' AND c."changedAt" >= cut.at ORDER BY c."changedAt", c.id LIMIT 1)
              ELSE m.education::text END AS education
       FROM members m
       WHERE NOT EXISTS (SELECT 1 FROM member_changes c, cut WHERE c."memberId" = m.id AND c.field = '_created' AND c."changedAt" >= cut.at))
     SELECT education, count(*)::int n FROM v WHERE joined <= $1::date AND (left_on IS NULL OR left_on > $1::date) GROUP BY 1 ORDER BY 1 NULLS FIRST`,
    [quarterEnd],
  );
}

const snapshotEducation = (quarterEnd: string) =>
  sql<{ education: string | null; n: number }>(
    `SELECT education::text, count(*)::int n FROM member_quarter_snapshots WHERE "quarterEnd" = $1::date AND "memberAtEnd" GROUP BY 1 ORDER BY 1 NULLS FIRST`,
    [quarterEnd],
  );

const row = async (quarterEnd: string, memberId: number) =>
  (await sql<Record<string, unknown>>(`SELECT * FROM member_quarter_snapshots WHERE "quarterEnd" = $1::date AND "memberId" = $2`, [quarterEnd, memberId]))[0];

describe('R-1: the membership at each quarter’s end', () => {
  it('the scheduled job froze every ended quarter it keeps, each with its row count', async () => {
    const runs = (await f.call('GET', '/api/analysis/member-quarters', { token: f.tokens.manager })).body;
    expect(runs.map((r: any) => r.quarterEnd)).toEqual(endedQuarters(FROZEN_QUARTERS).map((q) => isoDay(q.end)));
    expect(runs.every((r: any) => r.source === 'SCHEDULED')).toBe(true);
    for (const r of runs) {
      const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int n FROM member_quarter_snapshots WHERE "quarterEnd" = $1::date`, [r.quarterEnd]);
      expect(r.rows).toBe(n);
    }
    expect(runs[0].rows).toBeGreaterThan(100);
  });

  it('figures equal the same figures computed independently from the members and their history', async () => {
    for (const q of [last, before]) {
      const expected = await educationAt(isoDay(q.end));
      expect(expected.reduce((s, r) => s + r.n, 0)).toBeGreaterThan(0);
      expect(await snapshotEducation(isoDay(q.end))).toEqual(expected);
    }
    // New members and leavers in the quarter, from the members' own dates.
    const [flow] = await sql<{ joined: number; left: number }>(
      `SELECT count(*) FILTER (WHERE "joinedOn" BETWEEN $1::date AND $2::date)::int joined,
              count(*) FILTER (WHERE "leftOn" BETWEEN $1::date AND $2::date)::int "left" FROM members`,
      [isoDay(last.start), isoDay(last.end)],
    );
    const [snap] = await sql<{ joined: number; left: number }>(
      `SELECT count(*) FILTER (WHERE "joinedInQuarter")::int joined, count(*) FILTER (WHERE "leftInQuarter")::int "left" FROM member_quarter_snapshots WHERE "quarterEnd" = $1::date`,
      [isoDay(last.end)],
    );
    expect(snap).toEqual(flow);
  });

  it('a change today leaves a frozen quarter as it was; a rebuild reads the old value back from the history', async () => {
    const [m] = await sql<{ id: number; education: string }>(
      `SELECT m.id, m.education::text FROM members m JOIN member_quarter_snapshots s ON s."memberId" = m.id AND s."quarterEnd" = $1::date
        WHERE s."memberAtEnd" AND m.education = 'UNIVERSITY' ORDER BY m.id LIMIT 1`,
      [isoDay(last.end)],
    );
    const frozen = await row(isoDay(last.end), m.id);
    expect(frozen.education).toBe('UNIVERSITY');
    const r = await f.call('PATCH', `/api/members/${m.id}`, { token: f.tokens.officer, body: { education: 'POSTGRADUATE', carModel: '比亚迪汉' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await row(isoDay(last.end), m.id)).toEqual(frozen);

    const rebuilt = await f.call('POST', `/api/analysis/member-quarters/${last.label}/rebuild`, { token: f.tokens.manager });
    expect(rebuilt.status, JSON.stringify(rebuilt.body)).toBe(201);
    expect(rebuilt.body).toMatchObject({ quarter: last.label, source: 'REBUILT' });
    expect(await row(isoDay(last.end), m.id)).toMatchObject({ education: 'UNIVERSITY', hasCar: frozen.hasCar });
    expect(await f.db.auditLog.count({ where: { resource: 'member-quarters', recordId: last.label } })).toBe(1);
  });

  it('a member who left during a quarter counts at the end of the one before and not at the end of that one', async () => {
    const [m] = await sql<{ id: number }>(`SELECT id FROM members WHERE status = 'ACTIVE' AND "joinedOn" < $1::date ORDER BY id DESC LIMIT 1`, [isoDay(before.start)]);
    const leftOn = new Date(last.start.getTime() + 40 * 86_400_000);
    const r = await f.call('PATCH', `/api/members/${m.id}`, { token: f.tokens.officer, body: { status: 'LEFT', leftOn: isoDay(leftOn) } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    for (const q of [last, before]) expect((await f.call('POST', `/api/analysis/member-quarters/${q.label}/rebuild`, { token: f.tokens.manager })).status).toBe(201);
    expect(await row(isoDay(before.end), m.id)).toMatchObject({ memberAtEnd: true, leftInQuarter: false });
    expect(await row(isoDay(last.end), m.id)).toMatchObject({ memberAtEnd: false, leftInQuarter: true });
    // And the independent count agrees after the change.
    expect(await snapshotEducation(isoDay(last.end))).toEqual(await educationAt(isoDay(last.end)));
  });

  it('exports the quarter as Excel: the changes and every section against the quarter before and a year earlier, audited', async () => {
    const d = await f.download(`/api/analysis/member-quarters/${last.label}/export.xlsx`, { token: f.tokens.marketing });
    expect(d.status, d.json ? JSON.stringify(d.json) : '').toBe(200);
    expect(decodeURIComponent(d.headers.get('content-disposition') ?? '')).toContain(`季度会员分析-${last.year}年第${last.quarter}季度`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(d.body as unknown as ArrayBuffer);
    // Every row, a blank one between blocks kept as [].
    const values = wb.worksheets[0].getSheetValues();
    const rows = Array.from({ length: values.length }, (_, i) => ((values[i] as unknown[] | undefined) ?? [undefined]).slice(1));
    const block = (title: string) => {
      const at = rows.findIndex((r) => r[0] === title);
      expect(at, title).toBeGreaterThan(-1);
      const out: unknown[][] = [];
      for (let i = at + 2; i < rows.length && rows[i].length && rows[i][0] !== undefined; i++) out.push(rows[i]);
      return out;
    };
    // The marketing user's region only (the group club's staff would see every region).
    const [{ region }] = await sql<{ region: string | null }>(`SELECT "regionCode" region FROM staff_users WHERE username = 'marketing'`);
    const scope = `($2::text IS NULL OR "regionCode" = $2)`;
    const [now] = await sql<{ members: number; joined: number; left: number }>(
      `SELECT count(*) FILTER (WHERE "memberAtEnd")::int members, count(*) FILTER (WHERE "joinedInQuarter")::int joined, count(*) FILTER (WHERE "leftInQuarter")::int "left" FROM member_quarter_snapshots WHERE "quarterEnd" = $1::date AND ${scope}`,
      [isoDay(last.end), region],
    );
    const [prev] = await sql<{ members: number }>(`SELECT count(*) FILTER (WHERE "memberAtEnd")::int members FROM member_quarter_snapshots WHERE "quarterEnd" = $1::date AND ${scope}`, [isoDay(before.end), region]);
    const changes = block('本季变化');
    expect(changes[0]).toEqual(['季末会员', now.members, prev.members, now.members - prev.members, expect.anything(), expect.anything()]);
    expect(changes[1].slice(0, 2)).toEqual(['本季入会', now.joined]);
    expect(changes[2].slice(0, 2)).toEqual(['本季退会', now.left]);
    // A section: education, with the form's labels.
    const labels: Record<string, string> = { SECONDARY_OR_BELOW: '中专及以下', UNIVERSITY: '大学', POSTGRADUATE: '研究生及以上' };
    const education = await sql<{ education: string | null; n: number }>(
      `SELECT education::text, count(*)::int n FROM member_quarter_snapshots WHERE "quarterEnd" = $1::date AND "memberAtEnd" AND ${scope} GROUP BY 1`,
      [isoDay(last.end), region],
    );
    const expected = Object.fromEntries(education.map((r) => [r.education ? labels[r.education] : '未填写', r.n]));
    expect(Object.fromEntries(block('按学历').map((r) => [r[0], r[1]]))).toEqual(expected);
    expect(await f.db.auditLog.count({ where: { action: 'EXPORT', resource: 'member-quarters', recordId: last.label } })).toBe(1);
    // A quarter never frozen.
    const none = await f.download('/api/analysis/member-quarters/2001-Q1/export.xlsx', { token: f.tokens.marketing, lang: 'en' });
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.json)).toContain('no quarter-end figures');
  });

  it('an annual plan starts from the membership as of 31 Dec of the year before (A-1, R-4)', async () => {
    const year = last.year; // the plan of this year takes last year's 31 Dec, a frozen quarter
    const decEnd = `${year - 1}-12-31`;
    const r = await f.call('POST', '/api/activity-plans', {
      token: f.tokens.activity,
      body: { year, title: `${year}年度活动计划`, lastYearFixes: '报名统计不及时', memberSummary: '见下列数字', activities: [] },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const [x] = await sql<{ members: number; women: number; university: number }>(
      `SELECT count(*) FILTER (WHERE "memberAtEnd")::int members, count(*) FILTER (WHERE "memberAtEnd" AND sex = 'FEMALE')::int women,
              count(*) FILTER (WHERE "memberAtEnd" AND education = 'UNIVERSITY')::int university
         FROM member_quarter_snapshots WHERE "quarterEnd" = $1::date`,
      [decEnd],
    );
    expect(x.members).toBeGreaterThan(0);
    expect(r.body.memberFigures).toMatchObject({ members: x.members, 'sex.FEMALE': x.women, 'education.UNIVERSITY': x.university, source: `${year - 1}-Q4（${decEnd}）` });
    // Figures the author gives are kept as given.
    const own = await f.call('POST', '/api/activity-plans', {
      token: f.tokens.activity,
      body: { year: year + 5, title: 'x', lastYearFixes: 'x', memberSummary: 'x', memberFigures: { members: 1 }, activities: [] },
    });
    expect(own.body.memberFigures).toEqual({ members: 1 });
  });

  it('refuses a quarter not yet ended or written another way, in the caller’s language; only the club manager rebuilds', async () => {
    const now = new Date();
    const thisQuarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    const open = await f.call('POST', `/api/analysis/member-quarters/${thisQuarter}/rebuild`, { token: f.tokens.manager, lang: 'en' });
    expect(open.status).toBe(400);
    expect(open.body.errors.quarter).toMatch(/has not ended/);
    const bad = await f.call('POST', '/api/analysis/member-quarters/2026-Q5/rebuild', { token: f.tokens.manager });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.quarter).toContain('2026-Q3');
    expect((await f.call('POST', `/api/analysis/member-quarters/${last.label}/rebuild`, { token: f.tokens.marketing })).status).toBe(403);
    expect((await f.call('GET', '/api/analysis/member-quarters', { token: f.tokens.marketing })).status).toBe(200);
    expect((await f.call('GET', '/api/analysis/member-quarters', { token: f.tokens.editor })).status).toBe(403);
  });
});
