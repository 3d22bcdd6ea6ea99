// Annual activity plans (A-1, A-1a), large activities, in-year adjustments as numbered
// versions, and implementation plans: the one-month rule, the unplanned route, the
// 3-working-day revision and actual cost by line.
import { beforeAll, describe, expect, it } from 'vitest';
import { clubToday } from '../../server/src/calendar/calendar.service.ts';
import { latestSubmission } from '../../server/src/activities/implementation-plans.service.ts';
import { useApi } from '../support/fixture.ts';

const f = useApi({ members: 0, users: ['manager', 'leader', 'gm', 'vp', 'activity'] });

beforeAll(async () => {
  const { passwordHash } = await f.db.staffUser.findFirstOrThrow({ where: { username: 'manager' } });
  const users = [
    ['activity_sh', 'activity_officer', 'SH'],
    ['cm_sh', 'club_manager', 'SH'],
    ['dl_sh', 'division_leader', 'SH'],
    ['gm_sh', 'general_manager', 'SH'],
    ['activity_nj', 'activity_officer', 'NJ'],
  ] as const;
  await f.db.staffUser.createMany({ data: users.map(([username, role, regionCode]) => ({ username, displayName: username, role, regionCode, passwordHash })) });
});

const day = (d: Date) => d.toISOString().slice(0, 10);
const inDays = (n: number) => day(new Date(clubToday().getTime() + n * 86_400_000));
const tok = (u: string) => f.token(u);

const activity = (name: string, startsOn: string, extra: Record<string, unknown> = {}) => ({ name, startsOn, endsOn: startsOn, expectedParticipants: 80, departments: ['客户会'], budgetLines: [{ item: '物料', amountFen: 300000 }], ...extra });

async function plan(author: string, year: number, activities: unknown[], extra: Record<string, unknown> = {}) {
  const r = await f.call('POST', '/api/activity-plans', { token: await tok(author), body: { year, title: `${year}年度活动计划`, lastYearFixes: '活动反馈收集不及时', memberSummary: '会员以年轻家庭为主', activities, ...extra } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

async function approveAll(roundId: number, users: string[]) {
  let last: any;
  for (const u of users) {
    last = await f.call('POST', `/api/approvals/${roundId}/approve`, { token: await tok(u), body: {} });
    expect(last.status, `${u}: ${JSON.stringify(last.body)}`).toBe(201);
  }
  return last.body;
}

const chainOf = (round: any) => round.steps.map((s: any) => `${s.scope}:${s.role}`);

/** An approved Shanghai plan whose first activity is `soonDays` from today. */
async function approvedShPlan(year: number, soonDays: number) {
  const p = await plan('activity_sh', year, [activity('会员沙龙', inDays(soonDays)), activity('读书会', inDays(soonDays + 60)), activity('年终答谢会', inDays(soonDays + 90))]);
  const s = await f.call('POST', `/api/activity-plans/${p.id}/submit`, { token: await tok('activity_sh') });
  await approveAll(s.body.approvals[0].id, ['cm_sh', 'dl_sh', 'gm_sh', 'gm']);
  return (await f.call('GET', `/api/activity-plans/${p.id}`, { token: await tok('activity_sh') })).body;
}

describe('annual activity plans', () => {
  it('the group plan goes club manager → division leader → the group customer-service GM → the marketing VP', async () => {
    const p = await plan('activity', 2027, [activity('集团会员日', '2027-05-18')], { goals: { recruitmentTarget: 5000, merchantGoal: '新增联盟商家 30 家', onlineService: '上线会员小程序' } });
    expect(p.regionCode).toBeNull();
    const s = await f.call('POST', `/api/activity-plans/${p.id}/submit`, { token: await tok('activity') });
    expect(chainOf(s.body.approvals[0])).toEqual(['REGION:club_manager', 'REGION:division_leader', 'GROUP:general_manager', 'GROUP:marketing_vp']);
    expect(s.body.approvals[0].chainKey).toBe('activity-plan.group');
    const done = await approveAll(s.body.approvals[0].id, ['manager', 'leader', 'gm', 'vp']);
    expect(done.status).toBe('APPROVED');
    const shown = await f.call('GET', `/api/activity-plans/${p.id}`, { token: await tok('gm') });
    expect(shown.body).toMatchObject({ status: 'APPROVED', version: 1, goals: { recruitmentTarget: 5000 } });
    expect(shown.body.activities[0]).toMatchObject({ quarter: 2, month: 5 });
    // One plan per year and level.
    const twice = await f.call('POST', '/api/activity-plans', { token: await tok('activity'), body: { year: 2027, title: 'x', lastYearFixes: 'x', memberSummary: 'x', activities: [] } });
    expect(twice.status).toBe(409);
  });

  it('one plan per year and level is the database’s rule: two authors at once get one plan and a 409, for a region and for the group', async () => {
    const body = { year: 2061, title: 'x', lastYearFixes: 'x', memberSummary: 'x', activities: [] };
    for (const author of ['activity_sh', 'activity']) {
      const token = await tok(author);
      const both = await Promise.all([0, 1].map(() => f.call('POST', '/api/activity-plans', { token, body })));
      expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(both.find((r) => r.status === 409)!.body.message).toContain('2061');
    }
    const c = await f.sql();
    const rows = (await c.query(`SELECT "regionCode" FROM activity_plans WHERE year = 2061 ORDER BY "regionCode" NULLS FIRST`)).rows;
    expect(rows.map((r) => r.regionCode)).toEqual([null, 'SH']);
    // The index, not only the service: a second group plan (NULL region) written directly is refused too.
    await expect(c.query(`INSERT INTO activity_plans (year, "regionCode", title, "lastYearFixes", "memberSummary", "createdById", "updatedAt") SELECT 2061, NULL, 'y', 'y', 'y', "createdById", now() FROM activity_plans WHERE year = 2061 LIMIT 1`)).rejects.toThrow(/activity_plans_year_regionCode_key/);
  });

  it('a regional club sees and writes only its own region’s plans; the group reads them all', async () => {
    const p = await plan('activity_sh', 2030, [activity('端午包粽子', '2030-06-01')]);
    expect(p.regionCode).toBe('SH');
    expect((await f.call('GET', `/api/activity-plans/${p.id}`, { token: await tok('activity_nj') })).status).toBe(404);
    const nj = await f.call('GET', '/api/activity-plans', { token: await tok('activity_nj') });
    expect(nj.body.every((x: any) => x.regionCode === 'NJ')).toBe(true);
    const group = await f.call('GET', '/api/activity-plans?regionCode=SH', { token: await tok('gm') });
    expect(group.body.map((x: any) => x.id)).toContain(p.id);
    const wrong = await f.call('POST', '/api/activity-plans', { token: await tok('activity_nj'), body: { year: 2030, regionCode: 'SH', title: 'x', lastYearFixes: 'x', memberSummary: 'x', activities: [] } });
    expect(wrong.status).toBe(400);
    expect((await f.call('POST', `/api/activity-plans/${p.id}/submit`, { token: await tok('activity_nj') })).status).toBe(404);
    // Dates that end before they start are refused with a message on the field.
    const bad = await f.call('POST', '/api/activity-plans', { token: await tok('activity_sh'), body: { year: 2031, title: 'x', lastYearFixes: 'x', memberSummary: 'x', activities: [activity('x', '2031-05-02', { endsOn: '2031-05-01' })] } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('结束日期不能早于开始日期');
  });

  it('a large activity, by its own figures, routes the plan to the group’s review and the marketing VP as well', async () => {
    const cases: [string, Record<string, unknown>, boolean][] = [
      ['300 people is not large', { expectedParticipants: 300 }, false],
      ['over 300 people', { expectedParticipants: 301 }, true],
      ['over 100,000 RMB', { budgetLines: [{ item: '场地', amountFen: 6_000_000 }, { item: '演出', amountFen: 4_000_001 }] }, true],
      ['several departments', { departments: ['客户会', '营销部'] }, true],
      ['the brand', { brand: true }, true],
    ];
    let year = 2040;
    for (const [what, extra, large] of cases) {
      const p = await plan('activity_sh', year++, [activity('小型沙龙', `${year}-03-01`), activity('主活动', `${year}-06-01`, extra)]);
      const s = await f.call('POST', `/api/activity-plans/${p.id}/submit`, { token: await tok('activity_sh') });
      expect(s.body.large, what).toBe(large);
      expect(chainOf(s.body.approvals[0]), what).toEqual(['REGION:club_manager', 'REGION:division_leader', 'REGION:general_manager', 'GROUP:general_manager', ...(large ? ['GROUP:marketing_vp'] : [])]);
    }
  });

  it('an in-year adjustment is the next numbered version with what changed, in force only once club manager and division leader approve', async () => {
    const p = await approvedShPlan(2050, 90);
    expect(p.versions.map((v: any) => [v.number, v.status])).toEqual([[1, 'APPROVED']]);
    const [salon, reading, gala] = p.activities;
    const body = {
      reason: '读书会取消，改为亲子运动会；答谢会人数增加',
      activities: [
        { ...activity(salon.name, salon.startsOn), id: salon.id },
        { ...activity(gala.name, gala.startsOn, { expectedParticipants: 150 }), id: gala.id },
        activity('亲子运动会', gala.startsOn),
      ],
    };
    const adj = await f.call('POST', `/api/activity-plans/${p.id}/adjustments`, { token: await tok('activity_sh'), body });
    expect(adj.status, JSON.stringify(adj.body)).toBe(201);
    expect(adj.body.number).toBe(2);
    // A second adjustment waits until this one is decided.
    expect((await f.call('POST', `/api/activity-plans/${p.id}/adjustments`, { token: await tok('activity_sh'), body })).status).toBe(409);
    let shown = (await f.call('GET', `/api/activity-plans/${p.id}`, { token: await tok('activity_sh') })).body;
    const v2 = shown.versions.find((v: any) => v.number === 2);
    expect(v2.changes).toEqual({ added: ['亲子运动会'], removed: [{ id: reading.id, name: reading.name }], changed: [{ id: gala.id, name: gala.name, fields: { expectedParticipants: [80, 150] } }] });
    expect(chainOf(v2.approvals[0])).toEqual(['REGION:club_manager', 'REGION:division_leader']);
    expect(shown.version).toBe(1);
    expect(shown.activities.filter((a: any) => !a.cancelled).map((a: any) => a.name)).toEqual([salon.name, reading.name, gala.name]);

    // Rejected, revised (same number, a new round), then approved.
    const rej = await f.call('POST', `/api/approvals/${v2.approvals[0].id}/reject`, { token: await tok('cm_sh'), body: { reason: '请说明读书会取消的原因' } });
    expect(rej.status).toBe(201);
    expect(rej.body.revisionDueOn).toBe((await f.call('GET', `/api/calendar/working-days?from=${day(clubToday())}&add=10`, { token: await tok('cm_sh') })).body.date);
    const again = await f.call('POST', `/api/activity-plans/adjustments/${v2.id}/resubmit`, { token: await tok('activity_sh'), body: { ...body, reason: '读书会场地装修无法举办，改为亲子运动会；答谢会人数增加' } });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    shown = (await f.call('GET', `/api/activity-plans/${p.id}`, { token: await tok('activity_sh') })).body;
    const round2 = shown.versions.find((v: any) => v.number === 2).approvals;
    expect(round2.map((r: any) => [r.round, r.status])).toEqual([[1, 'REJECTED'], [2, 'PENDING']]);
    await approveAll(round2[1].id, ['cm_sh', 'dl_sh']);

    shown = (await f.call('GET', `/api/activity-plans/${p.id}`, { token: await tok('gm') })).body;
    expect(shown.version).toBe(2);
    expect(shown.activities.filter((a: any) => !a.cancelled).map((a: any) => [a.name, a.expectedParticipants]).sort()).toEqual([[gala.name, 150], [salon.name, 80], ['亲子运动会', 80]].sort());
    expect(shown.activities.find((a: any) => a.id === reading.id).cancelled).toBe(true);
    const v2done = shown.versions.find((v: any) => v.number === 2);
    expect(v2done.status).toBe('APPROVED');
    expect(v2done.approvals[1].steps.map((s: any) => s.decidedByName)).toEqual(['cm_sh', 'dl_sh']);

    // A third version; an activity named by an id of another plan is refused.
    expect((await f.call('POST', `/api/activity-plans/${p.id}/adjustments`, { token: await tok('activity_sh'), body: { reason: 'x', activities: [{ ...activity('x', '2050-01-01'), id: 999999 }] } })).status).toBe(400);
    const v3 = await f.call('POST', `/api/activity-plans/${p.id}/adjustments`, { token: await tok('activity_sh'), body: { reason: '答谢会升级为品牌活动', activities: [{ ...activity(gala.name, gala.startsOn, { expectedParticipants: 150, brand: true }), id: gala.id }] } });
    expect(v3.body.number).toBe(3);
    shown = (await f.call('GET', `/api/activity-plans/${p.id}`, { token: await tok('activity_sh') })).body;
    // It makes an activity large: the group's review and the marketing VP too.
    expect(chainOf(shown.versions.find((v: any) => v.number === 3).approvals[0])).toEqual(['REGION:club_manager', 'REGION:division_leader', 'GROUP:general_manager', 'GROUP:marketing_vp']);
  });
});

describe('implementation plans', () => {
  const impl = (plannedActivityId: number | undefined, startsOn: string, extra: Record<string, unknown> = {}) => ({
    ...(plannedActivityId ? { plannedActivityId } : {}),
    name: '会员沙龙',
    theme: '家居收纳与生活美学',
    audiences: ['MEMBERS', 'PROSPECTS'],
    place: '会所多功能厅',
    startsOn,
    endsOn: startsOn,
    expectedParticipants: 60,
    departments: ['客户会'],
    staffRoles: [{ role: '总协调', name: '赵活动' }, { role: '签到', name: '陈专员' }],
    announcementDates: [inDays(3)],
    budgetLines: [{ item: '讲师费', budgetFen: 200000, sharedBy: ['客户会'] }, { item: '茶歇', budgetFen: 80000, sharedBy: ['客户会', '物业公司'] }],
    ...extra,
  });

  it('is submitted at least a month before the activity; later only as unplanned, with the group’s approval first', async () => {
    const p = await approvedShPlan(2051, 20);
    const soon = p.activities[0];
    const later = p.activities[1];
    const late = await f.call('POST', '/api/implementation-plans', { token: await tok('activity_sh'), body: impl(soon.id, soon.startsOn) });
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    const refused = await f.call('POST', `/api/implementation-plans/${late.body.id}/submit`, { token: await tok('activity_sh') });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.startsOn).toContain('一个月前');
    const refusedEn = await f.call('POST', `/api/implementation-plans/${late.body.id}/submit`, { token: await tok('activity_sh'), lang: 'en' });
    expect(refusedEn.body.errors.startsOn).toContain('at least a month before');
    expect((await f.call('GET', `/api/implementation-plans/${late.body.id}`, { token: await tok('activity_sh') })).body.status).toBe('DRAFT');
    // Marked unplanned: the group customer-service centre decides first.
    expect((await f.call('PATCH', `/api/implementation-plans/${late.body.id}`, { token: await tok('activity_sh'), body: { unplanned: true } })).status).toBe(200);
    const unplanned = await f.call('POST', `/api/implementation-plans/${late.body.id}/submit`, { token: await tok('activity_sh') });
    expect(unplanned.status, JSON.stringify(unplanned.body)).toBe(201);
    expect(chainOf(unplanned.body.approvals[0])).toEqual(['GROUP:general_manager', 'REGION:club_manager', 'REGION:division_leader']);
    expect((await f.call('POST', `/api/approvals/${unplanned.body.approvals[0].id}/approve`, { token: await tok('cm_sh'), body: {} })).status).toBe(403);

    const onTime = await f.call('POST', '/api/implementation-plans', { token: await tok('activity_sh'), body: impl(later.id, later.startsOn) });
    const ok = await f.call('POST', `/api/implementation-plans/${onTime.body.id}/submit`, { token: await tok('activity_sh') });
    expect(ok.status).toBe(201);
    expect(chainOf(ok.body.approvals[0])).toEqual(['REGION:club_manager', 'REGION:division_leader']);
    expect(ok.body).toMatchObject({ regionCode: 'SH', annualPlanId: p.id, plannedActivityName: later.name, unplanned: false, large: false });

    // Neither planned nor marked unplanned: refused on the field.
    const neither = await f.call('POST', '/api/implementation-plans', { token: await tok('activity_sh'), body: impl(undefined, inDays(60)) });
    expect(neither.status).toBe(400);
    expect(Object.keys(neither.body.errors)).toContain('plannedActivityId');
    // An activity of an unapproved or another region's plan is not found.
    expect((await f.call('POST', '/api/implementation-plans', { token: await tok('activity_nj'), body: impl(later.id, later.startsOn) })).status).toBe(400);
  });

  it('each activity of an approved plan is a workbench deadline of its level’s activity officer, due a month before it starts, until its implementation plan is submitted', async () => {
    const p = await approvedShPlan(2054, 20);
    const [soon, later] = p.activities;
    const items = async (u: string) => (await f.call('GET', '/api/workbench', { token: await tok(u) })).body.items.filter((i: any) => i.source === 'implementation-plans');
    const mine = async (id: number) => (await items('activity_sh')).find((i: any) => i.recordId === id);
    expect(await mine(soon.id)).toMatchObject({ kind: 'deadline', action: 'implementation-plans.next.SUBMIT', dueOn: day(latestSubmission(new Date(`${soon.startsOn}T00:00:00Z`))), overdue: true, link: `/activity-plans/show/${p.id}` });
    expect(await mine(later.id)).toMatchObject({ dueOn: day(latestSubmission(new Date(`${later.startsOn}T00:00:00Z`))), overdue: false });
    const wb = (await f.call('GET', '/api/workbench', { token: await tok('activity_sh') })).body;
    const ownActivities = (await f.db.plannedActivity.findMany({ where: { cancelled: false, startsOn: { gte: clubToday() }, plan: { status: 'APPROVED', regionCode: 'SH' }, implementationPlans: { none: { status: { not: 'DRAFT' } } } } })).length;
    expect(wb.sources.find((s: any) => s.name === 'implementation-plans').total).toBe(ownActivities);
    // Another region's officer, the group's own officer and other roles do not get the region's deadlines.
    for (const u of ['activity_nj', 'activity', 'cm_sh']) expect((await items(u)).some((i: any) => i.recordId === soon.id)).toBe(false);
    // A draft does not meet the deadline; the submitted plan does.
    const draft = await f.call('POST', '/api/implementation-plans', { token: await tok('activity_sh'), body: impl(later.id, later.startsOn) });
    expect(draft.status).toBe(201);
    expect(await mine(later.id)).toBeDefined();
    expect((await f.call('POST', `/api/implementation-plans/${draft.body.id}/submit`, { token: await tok('activity_sh') })).status).toBe(201);
    expect(await mine(later.id)).toBeUndefined();
    expect(await mine(soon.id)).toBeDefined();
  });

  it('a rejection gives 3 working days to revise; once approved, actual cost is recorded by line against the budget', async () => {
    const p = await approvedShPlan(2052, 60);
    const a = p.activities[0];
    const created = await f.call('POST', '/api/implementation-plans', { token: await tok('activity_sh'), body: impl(a.id, a.startsOn) });
    const s = await f.call('POST', `/api/implementation-plans/${created.body.id}/submit`, { token: await tok('activity_sh') });
    const roundId = s.body.approvals[0].id;
    const rej = await f.call('POST', `/api/approvals/${roundId}/reject`, { token: await tok('cm_sh'), body: { reason: '茶歇预算偏高' } });
    const due3 = (await f.call('GET', `/api/calendar/working-days?from=${day(clubToday())}&add=3`, { token: await tok('cm_sh') })).body.date;
    expect(rej.body.revisionDueOn).toBe(due3);
    expect((await f.call('GET', `/api/implementation-plans/${created.body.id}`, { token: await tok('activity_sh') })).body.status).toBe('REJECTED');
    // Actual costs only on an approved plan.
    expect((await f.call('PUT', `/api/implementation-plans/${created.body.id}/actual-costs`, { token: await tok('activity_sh'), body: { lines: [{ position: 1, actualFen: 1 }] } })).status).toBe(409);

    const fixed = await f.call('PATCH', `/api/implementation-plans/${created.body.id}`, { token: await tok('activity_sh'), body: { budgetLines: [{ item: '讲师费', budgetFen: 200000, sharedBy: ['客户会'] }, { item: '茶歇', budgetFen: 50000, sharedBy: ['客户会', '物业公司'] }] } });
    expect(fixed.status).toBe(200);
    const again = await f.call('POST', `/api/implementation-plans/${created.body.id}/submit`, { token: await tok('activity_sh') });
    await approveAll(again.body.approvals[1].id, ['cm_sh', 'dl_sh']);
    const approved = await f.call('GET', `/api/implementation-plans/${created.body.id}`, { token: await tok('activity_sh') });
    expect(approved.body).toMatchObject({ status: 'APPROVED', budgetFen: 250000, actualFen: null });

    const cost = await f.call('PUT', `/api/implementation-plans/${created.body.id}/actual-costs`, { token: await tok('activity_sh'), body: { lines: [{ position: 1, actualFen: 200000 }, { position: 2, actualFen: 61200 }] } });
    expect(cost.status, JSON.stringify(cost.body)).toBe(200);
    expect(cost.body.budgetLines.map((l: any) => [l.item, l.budgetFen, l.actualFen, l.varianceFen, l.sharedBy])).toEqual([
      ['讲师费', 200000, 200000, 0, ['客户会']],
      ['茶歇', 50000, 61200, 11200, ['客户会', '物业公司']],
    ]);
    expect(cost.body.actualFen).toBe(261200);
    expect((await f.call('PUT', `/api/implementation-plans/${created.body.id}/actual-costs`, { token: await tok('activity_sh'), body: { lines: [{ position: 9, actualFen: 1 }] } })).status).toBe(400);
    const audit = await f.db.auditLog.findMany({ where: { resource: 'implementation-plans', recordId: String(created.body.id) } });
    expect(audit.map((x) => (x.detail as any).event ?? x.action)).toEqual(expect.arrayContaining(['CREATE', 'SUBMIT', 'ACTUAL_COST']));
  });

  it('a large implementation plan goes to the group’s review and the marketing VP after club manager and division leader', async () => {
    const p = await approvedShPlan(2053, 60);
    const a = p.activities[0];
    const created = await f.call('POST', '/api/implementation-plans', { token: await tok('activity_sh'), body: impl(a.id, a.startsOn, { expectedParticipants: 500 }) });
    const s = await f.call('POST', `/api/implementation-plans/${created.body.id}/submit`, { token: await tok('activity_sh') });
    expect(s.body.large).toBe(true);
    expect(chainOf(s.body.approvals[0])).toEqual(['REGION:club_manager', 'REGION:division_leader', 'GROUP:general_manager', 'GROUP:marketing_vp']);
    const done = await approveAll(s.body.approvals[0].id, ['cm_sh', 'dl_sh', 'gm', 'vp']);
    expect(done.status).toBe('APPROVED');
    const wb = await f.call('GET', '/api/workbench', { token: await tok('vp') });
    expect(wb.body.items.find((i: any) => i.source === 'approvals' && i.recordId === created.body.id)).toBeUndefined();
  });
});
