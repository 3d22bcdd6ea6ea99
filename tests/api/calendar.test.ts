import { describe, expect, it } from 'vitest';
import { useApi } from '../support/fixture.ts';

const f = useApi({ members: 20, users: ['manager', 'officer', 'editor'] });


const due = async (from: string, add: number, token = f.tokens.editor) => {
  const r = await f.call('GET', `/api/calendar/working-days?from=${from}&add=${add}`, { token });
  expect(r.status).toBe(200);
  return r.body.date as string;
};

describe('working-day calendar (M-6: every deadline counts Chinese working days)', () => {
  it('M-6: 2026 National Day (1–7 Oct off) and its adjusted working Saturday 10 Oct', async () => {
    expect(await due('2026-09-30', 1)).toBe('2026-10-08');
    expect(await due('2026-10-09', 1)).toBe('2026-10-10'); // the worked Saturday
    expect(await due('2026-10-03', 0)).toBe('2026-10-08'); // received in the holiday: day 0 is the first working day
    expect(await due('2026-11-20', 1)).toBe('2026-11-23'); // an ordinary weekend: Friday → Monday
    expect(await due('2026-09-18', 1)).toBe('2026-09-20'); // Sunday 20 Sep is worked (调休上班)
    expect(await due('2026-09-19', 1)).toBe('2026-09-21'); // received Saturday: day 0 is that Sunday
    const between = await f.call('GET', '/api/calendar/working-days?from=2026-09-30&to=2026-10-12', { token: f.tokens.editor });
    expect(between.body).toMatchObject({ workingDays: 4 }); // 8, 9, 10, 12
  });

  it('lists the seeded calendar by year (simple-rest) and marks 2027 as estimates', async () => {
    const y2026 = await f.call('GET', '/api/calendar-days?date_gte=2026-01-01&date_lte=2026-12-31&_end=1000', { token: f.tokens.editor });
    expect(y2026.status).toBe(200);
    expect(y2026.headers.get('x-total-count')).toBe(String(y2026.body.length));
    expect(y2026.body.find((d: any) => d.date === '2026-10-10')).toMatchObject({ id: '2026-10-10', kind: 'WORKDAY', weekday: 6, estimate: false });
    expect(y2026.body.every((d: any) => d.date.startsWith('2026-'))).toBe(true);
    const workdays = await f.call('GET', '/api/calendar-days?date_gte=2026-01-01&date_lte=2026-12-31&kind=WORKDAY', { token: f.tokens.editor });
    expect(workdays.body.map((d: any) => d.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    const y2027 = await f.call('GET', '/api/calendar-days?date_gte=2027-01-01&date_lte=2027-12-31', { token: f.tokens.editor });
    expect(y2027.body.length).toBeGreaterThan(5);
    expect(y2027.body.every((d: any) => d.estimate)).toBe(true);
    expect((await f.call('GET', '/api/calendar-days?kind=SOMETIMES', { token: f.tokens.editor })).status).toBe(400);
  });

  it('M-6: an edit by the club manager changes a computed deadline immediately, and removing it restores it', async () => {
    // Warm the cache first, so the test proves the edit invalidates it.
    expect(await due('2026-11-30', 1)).toBe('2026-12-01');
    const put = await f.call('PUT', '/api/calendar-days/2026-12-01', { token: f.tokens.manager, body: { kind: 'HOLIDAY', name: '临时停工' } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ date: '2026-12-01', kind: 'HOLIDAY', name: '临时停工', estimate: false });
    expect(await due('2026-11-30', 1)).toBe('2026-12-02');

    const saturday = await f.call('PUT', '/api/calendar-days/2026-12-05', { token: f.tokens.manager, body: { kind: 'WORKDAY', name: '调休上班' } });
    expect(saturday.status).toBe(200);
    expect(await due('2026-12-04', 1)).toBe('2026-12-05');

    const rename = await f.call('PUT', '/api/calendar-days/2026-12-01', { token: f.tokens.manager, body: { kind: 'HOLIDAY', name: '临时停工（已确认）' } });
    expect(rename.status).toBe(200);
    expect((await f.call('DELETE', '/api/calendar-days/2026-12-01', { token: f.tokens.manager })).status).toBe(200);
    expect((await f.call('DELETE', '/api/calendar-days/2026-12-05', { token: f.tokens.manager })).status).toBe(200);
    expect(await due('2026-11-30', 1)).toBe('2026-12-01');
    expect(await due('2026-12-04', 1)).toBe('2026-12-07');
    expect((await f.call('DELETE', '/api/calendar-days/2026-12-01', { token: f.tokens.manager })).status).toBe(404);

    const audit = await f.db.auditLog.findMany({ where: { resource: 'calendar-days' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.recordId, a.actorName])).toEqual([
      ['CREATE', '2026-12-01', 'manager'],
      ['CREATE', '2026-12-05', 'manager'],
      ['UPDATE', '2026-12-01', 'manager'],
      ['DELETE', '2026-12-01', 'manager'],
      ['DELETE', '2026-12-05', 'manager'],
    ]);
  });

  it('corrects a 2027 estimate into an official day', async () => {
    const r = await f.call('PUT', '/api/calendar-days/2027-01-01', { token: f.tokens.manager, body: { kind: 'HOLIDAY', name: '元旦' } });
    expect(r.body).toMatchObject({ estimate: false, name: '元旦' });
  });

  it('refuses edits that would change nothing: a holiday on a weekend, a working day on a weekday', async () => {
    const sat = await f.call('PUT', '/api/calendar-days/2026-12-12', { token: f.tokens.manager, body: { kind: 'HOLIDAY', name: '周末' } });
    expect(sat.status).toBe(400);
    expect(sat.body.errors.kind).toBeTruthy();
    const tue = await f.call('PUT', '/api/calendar-days/2026-12-15', { token: f.tokens.manager, body: { kind: 'WORKDAY', name: '上班' }, lang: 'en' });
    expect(tue.status).toBe(400);
    expect(String(tue.body.errors.kind)).toMatch(/weekday/);
    const bad = await f.call('PUT', '/api/calendar-days/2026-02-30', { token: f.tokens.manager, body: { kind: 'HOLIDAY', name: 'x' } });
    expect(bad.status).toBe(400);
    const noName = await f.call('PUT', '/api/calendar-days/2026-12-14', { token: f.tokens.manager, body: { kind: 'HOLIDAY' } });
    expect(noName.status).toBe(400);
    const q = await f.call('GET', '/api/calendar/working-days?from=2026-12-01', { token: f.tokens.editor });
    expect(q.status).toBe(400);
    const both = await f.call('GET', '/api/calendar/working-days?from=2026-12-01&add=1&to=2026-12-09', { token: f.tokens.editor });
    expect(both.status).toBe(400);
    expect(await f.db.calendarDay.count({ where: { date: { gte: new Date('2026-12-12'), lte: new Date('2026-12-15') } } })).toBe(0);
  });

  it('only the club manager edits the calendar; everyone reads it', async () => {
    for (const token of [f.tokens.officer, f.tokens.editor]) {
      expect((await f.call('PUT', '/api/calendar-days/2026-12-01', { token, body: { kind: 'HOLIDAY', name: 'x' } })).status).toBe(403);
      expect((await f.call('DELETE', '/api/calendar-days/2026-10-01', { token })).status).toBe(403);
      expect((await f.call('GET', '/api/calendar-days?_end=5', { token })).status).toBe(200);
      expect((await f.call('GET', '/api/calendar/working-days?from=2026-12-01&add=3', { token })).status).toBe(200);
    }
    expect((await f.call('GET', '/api/calendar-days')).status).toBe(401);
    expect(await f.db.calendarDay.findUnique({ where: { date: new Date('2026-10-01') } })).not.toBeNull();
  });
});
