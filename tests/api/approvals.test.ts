// The one approval engine, through the annual activity plan (its first subject): chain order, who
// may decide which step, region scope, rejection with a revision deadline in working days, the
// decisions kept and audited, and the steps on the workbench.
import { beforeAll, describe, expect, it } from 'vitest';
import { clubToday } from '../../server/src/calendar/calendar.service.ts';
import { useApi } from '../support/fixture.ts';

const f = useApi({ members: 0, users: ['manager', 'leader', 'gm', 'vp', 'activity'] });

/** Regional staff of Shanghai and Nanjing (the demo accounts are the group's). */
beforeAll(async () => {
  const { passwordHash } = await f.db.staffUser.findFirstOrThrow({ where: { username: 'manager' } });
  const users = [
    ['activity_sh', 'activity_officer', 'SH'],
    ['cm_sh', 'club_manager', 'SH'],
    ['cm2_sh', 'club_manager', 'SH'],
    ['dl_sh', 'division_leader', 'SH'],
    ['gm_sh', 'general_manager', 'SH'],
    ['cm_nj', 'club_manager', 'NJ'],
  ] as const;
  await f.db.staffUser.createMany({ data: users.map(([username, role, regionCode]) => ({ username, displayName: username, role, regionCode, passwordHash })) });
});

const day = (d: Date) => d.toISOString().slice(0, 10);

function planBody(year: number, extra: Record<string, unknown> = {}) {
  return {
    year,
    title: '年度会员活动计划',
    lastYearFixes: '去年报名通知太晚，今年提前两周发布',
    memberSummary: '截至12月31日会员1,200人，30-45岁占六成',
    memberFigures: { members: 1200, age30to45: 0.6 },
    activities: [
      { name: '春季亲子徒步', startsOn: `${year}-04-12`, endsOn: `${year}-04-12`, expectedParticipants: 120, departments: ['客户会'], budgetLines: [{ item: '交通', amountFen: 800000 }, { item: '保险', amountFen: 60000 }] },
      { name: '中秋游园会', startsOn: `${year}-09-20`, endsOn: `${year}-09-20`, expectedParticipants: 200, budgetLines: [{ item: '场地布置', amountFen: 1500000 }] },
    ],
    ...extra,
  };
}

async function submittedPlan(author: string, year: number) {
  const token = await f.token(author);
  const created = await f.call('POST', '/api/activity-plans', { token, body: planBody(year) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const submitted = await f.call('POST', `/api/activity-plans/${created.body.id}/submit`, { token });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  const round = submitted.body.approvals.at(-1);
  return { planId: created.body.id as number, roundId: round.id as number, round };
}

const decide = async (user: string, roundId: number, decision: 'approve' | 'reject', reason?: string, lang?: string) =>
  f.call('POST', `/api/approvals/${roundId}/${decision}`, { token: await f.token(user), body: reason === undefined ? {} : { reason }, lang });

/** The n-th working day after `from`, counted here from the calendar table (independently of the server). */
async function addWorkingDays(from: Date, n: number): Promise<string> {
  const rows = await f.db.calendarDay.findMany();
  const kind = new Map(rows.map((r) => [day(r.date), r.kind]));
  const working = (d: Date) => {
    const k = kind.get(day(d));
    return k ? k === 'WORKDAY' : d.getUTCDay() !== 0 && d.getUTCDay() !== 6;
  };
  const d = new Date(from);
  while (!working(d)) d.setUTCDate(d.getUTCDate() + 1);
  while (n > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (working(d)) n--;
  }
  return day(d);
}

describe('the approval engine', () => {
  it('a region’s plan goes club manager → division leader → the region’s leadership → the group, one step at a time', async () => {
    const { planId, roundId, round } = await submittedPlan('activity_sh', 2027);
    expect(round.steps.map((s: any) => [s.role, s.scope, s.status])).toEqual([
      ['club_manager', 'REGION', 'PENDING'],
      ['division_leader', 'REGION', 'WAITING'],
      ['general_manager', 'REGION', 'WAITING'],
      ['general_manager', 'GROUP', 'WAITING'],
    ]);
    expect(round.steps[0].dueOn).toBe(await addWorkingDays(clubToday(), 3));
    // The division leader's step is not yet theirs: not in their list, and refused.
    const early = await f.call('GET', '/api/approvals/pending', { token: await f.token('dl_sh') });
    expect(early.body.map((p: any) => p.id)).not.toContain(roundId);
    expect((await decide('dl_sh', roundId, 'approve')).status).toBe(403);

    const mine = await f.call('GET', '/api/approvals', { token: await f.token('cm_sh') });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('x-total-count')).toBe(String(mine.body.length));
    expect(mine.body.find((p: any) => p.id === roundId)).toMatchObject({ subjectType: 'activity-plan', subjectId: planId, position: 1, link: `/activity-plans/show/${planId}` });

    for (const [user, position] of [['cm_sh', 1], ['dl_sh', 2], ['gm_sh', 3]] as const) {
      const r = await decide(user, roundId, 'approve', position === 2 ? '同意，注意控制交通费用' : undefined);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body.steps[position - 1]).toMatchObject({ status: 'APPROVED', decidedByName: user });
      expect(r.body.steps[position]).toMatchObject({ status: 'PENDING' });
      expect(r.body.status).toBe('PENDING');
    }
    expect((await f.call('GET', `/api/activity-plans/${planId}`, { token: await f.token('activity_sh') })).body.status).toBe('SUBMITTED');
    const last = await decide('gm', roundId, 'approve');
    expect(last.status).toBe(201);
    expect(last.body.status).toBe('APPROVED');
    const plan = await f.call('GET', `/api/activity-plans/${planId}`, { token: await f.token('activity_sh') });
    expect(plan.body).toMatchObject({ status: 'APPROVED', version: 1 });
    expect(plan.body.approvals[0].steps.map((s: any) => s.decidedByName)).toEqual(['cm_sh', 'dl_sh', 'gm_sh', '郑总']);
    expect(plan.body.approvals[0].steps[1].reason).toBe('同意，注意控制交通费用');
    // Closed: a further decision is refused, never a 500.
    expect((await decide('gm', roundId, 'approve')).status).toBe(409);

    // Every decision is in the audit log.
    const audit = await f.db.auditLog.findMany({ where: { resource: 'approvals', recordId: String(roundId) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [(a.detail as any).event, a.actorName])).toEqual([['SUBMIT', 'activity_sh'], ['APPROVE', 'cm_sh'], ['APPROVE', 'dl_sh'], ['APPROVE', 'gm_sh'], ['APPROVE', 'gm']]);
  });

  it('nobody approves their own submission, and one person decides one step of a subject only', async () => {
    const { roundId } = await submittedPlan('cm_sh', 2028);
    const own = await decide('cm_sh', roundId, 'approve', undefined, 'en');
    expect(own.status).toBe(403);
    expect(own.body.message).toMatch(/submitted yourself/);
    expect((await decide('cm2_sh', roundId, 'approve')).status).toBe(201);
    // cm2_sh becomes a division leader: still may not decide a second step of the same plan.
    await f.db.staffUser.update({ where: { username: 'cm2_sh' }, data: { role: 'division_leader' } });
    const promoted = await f.api.login('cm2_sh');
    const second = await f.call('POST', `/api/approvals/${roundId}/approve`, { token: promoted, body: {} });
    expect(second.status).toBe(403);
    expect(second.body.message).toMatch(/其他环节/);
    const pending = await f.call('GET', '/api/approvals/pending', { token: promoted });
    expect(pending.body.map((p: any) => p.id)).not.toContain(roundId);
    await f.db.staffUser.update({ where: { username: 'cm2_sh' }, data: { role: 'club_manager' } });
    expect((await decide('dl_sh', roundId, 'approve')).status).toBe(201);
  });

  it('a step is decided by its role in the subject’s region: other roles, other regions and the group are refused', async () => {
    const { roundId } = await submittedPlan('activity_sh', 2029);
    const wrongRole = await decide('dl_sh', roundId, 'approve', undefined, 'zh-CN');
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.message).toContain('客户会经理');
    const wrongRoleEn = await decide('dl_sh', roundId, 'approve', undefined, 'en');
    expect(wrongRoleEn.body.message).toContain('club manager');
    // Another region's club manager does not see it at all.
    expect((await decide('cm_nj', roundId, 'approve')).status).toBe(404);
    expect((await f.call('GET', `/api/approvals/${roundId}`, { token: await f.token('cm_nj') })).status).toBe(404);
    expect((await f.call('GET', '/api/approvals/pending', { token: await f.token('cm_nj') })).body.map((p: any) => p.id)).not.toContain(roundId);
    // The group's club manager sees it but the step belongs to the region.
    const group = await decide('manager', roundId, 'approve');
    expect(group.status).toBe(403);
    expect(group.body.message).toContain('本区域');
    // An activity officer may not decide at all.
    expect((await decide('activity_sh', roundId, 'approve')).status).toBe(403);
    expect((await decide('cm_sh', roundId, 'approve')).status).toBe(201);
  });

  it('a rejection returns the plan to its author with 10 working days to revise, counted over a holiday; a resubmission is a new round', async () => {
    const { planId, roundId } = await submittedPlan('activity_sh', 2030);
    expect((await decide('cm_sh', roundId, 'approve')).status).toBe(201);
    // A holiday inside the next 10 working days, edited through the calendar API.
    const holiday = await addWorkingDays(clubToday(), 4);
    const put = await f.call('PUT', `/api/calendar-days/${holiday}`, { token: await f.token('manager'), body: { kind: 'HOLIDAY', name: '临时停工' } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const withHoliday = await addWorkingDays(clubToday(), 10);

    expect((await decide('dl_sh', roundId, 'reject')).status).toBe(400); // a reason is required
    const rejected = await decide('dl_sh', roundId, 'reject', '预算缺少分项说明');
    expect(rejected.status).toBe(201);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', revisionDueOn: withHoliday });
    expect(rejected.body.steps.map((s: any) => s.status)).toEqual(['APPROVED', 'REJECTED', 'SKIPPED', 'SKIPPED']);
    expect(rejected.body.steps[1]).toMatchObject({ reason: '预算缺少分项说明', decidedByName: 'dl_sh' });
    const calendarDays = Math.round((new Date(`${withHoliday}T00:00:00Z`).getTime() - clubToday().getTime()) / 86_400_000);
    expect(calendarDays).toBeGreaterThan(14); // 10 working days, never 10 calendar days
    expect(await f.call('DELETE', `/api/calendar-days/${holiday}`, { token: await f.token('manager') }).then((r) => r.status)).toBe(200);

    const plan = await f.call('GET', `/api/activity-plans/${planId}`, { token: await f.token('activity_sh') });
    expect(plan.body.status).toBe('REJECTED');

    // The author's revision is on the author's workbench; overdue once past its day.
    const wb = async () => (await f.call('GET', '/api/workbench', { token: await f.token('activity_sh') })).body.items.find((i: any) => i.source === 'approvals' && i.recordId === planId);
    expect(await wb()).toMatchObject({ kind: 'deadline', action: 'approvals.revise.activity-plan', dueOn: withHoliday, overdue: false, link: `/activity-plans/show/${planId}` });
    await f.db.approvalRequest.update({ where: { id: roundId }, data: { revisionDueOn: new Date(clubToday().getTime() - 86_400_000) } });
    expect(await wb()).toMatchObject({ overdue: true });

    // Revised and submitted again: a second round from the first step; the revision is done.
    const edit = await f.call('PATCH', `/api/activity-plans/${planId}`, { token: await f.token('activity_sh'), body: { lastYearFixes: '去年报名通知太晚；今年预算按分项列出' } });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    const again = await f.call('POST', `/api/activity-plans/${planId}/submit`, { token: await f.token('activity_sh') });
    expect(again.status).toBe(201);
    expect(again.body.approvals.map((r: any) => [r.round, r.status])).toEqual([[1, 'REJECTED'], [2, 'PENDING']]);
    expect(again.body.approvals[0].revisedAt).not.toBeNull();
    expect(await wb()).toBeUndefined();
    const history = await f.call('GET', `/api/approvals/subjects/activity-plan/${planId}`, { token: await f.token('cm_sh') });
    expect(history.body).toHaveLength(2);
    expect((await f.call('GET', `/api/approvals/subjects/nothing/${planId}`, { token: await f.token('cm_sh') })).status).toBe(404);
  });

  it('the pending step is a decision on the workbench of whoever may decide it, and only theirs', async () => {
    const { planId, roundId } = await submittedPlan('activity_sh', 2031);
    const item = async (user: string) => (await f.call('GET', '/api/workbench', { token: await f.token(user) })).body.items.find((i: any) => i.source === 'approvals' && i.action === 'approvals.next.activity-plan' && i.recordId === planId);
    expect(await item('cm_sh')).toMatchObject({ kind: 'decision', link: `/activity-plans/show/${planId}`, overdue: false, dueOn: await addWorkingDays(clubToday(), 3) });
    expect(await item('dl_sh')).toBeUndefined();
    expect(await item('cm_nj')).toBeUndefined();
    expect(await item('manager')).toBeUndefined();
    await f.db.approvalStep.updateMany({ where: { requestId: roundId, position: 1 }, data: { dueOn: new Date(clubToday().getTime() - 86_400_000) } });
    expect(await item('cm_sh')).toMatchObject({ overdue: true });
    const overdueList = await f.call('GET', '/api/approvals/pending?overdue=true', { token: await f.token('cm_sh') });
    expect(overdueList.body.map((p: any) => p.id)).toContain(roundId);
    expect((await f.call('GET', '/api/approvals/pending?overdue=maybe', { token: await f.token('cm_sh') })).status).toBe(400);
    expect((await decide('cm_sh', roundId, 'approve')).status).toBe(201);
    expect(await item('cm_sh')).toBeUndefined();
    expect(await item('dl_sh')).toMatchObject({ kind: 'decision' });
  });
});
