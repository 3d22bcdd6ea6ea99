import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedClub } from '../../prisma/seed/seed-club.ts';
import { DEMO_PASSWORD } from '../../prisma/seed/factories.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { startApi, type RunningApi } from '../support/api.ts';

let t: TestDatabase;
let api: RunningApi;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedClub(t.db, { members: 30, demoAccounts: true });
  api = await startApi(t.db, { maxFailedLogins: 3, lockMinutes: 15 });
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

describe('sign-in', () => {
  it('returns a token, and /me gives role, region and permissions', async () => {
    const token = await api.login('officer_sh');
    const me = await api.call('GET', '/api/auth/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: 'officer_sh', role: 'member_officer', regionCode: 'SH' });
    expect(me.body.permissions).toContain('members:create');
    expect(me.body.permissions).not.toContain('audit:list');
  });

  it('gives each role the permissions of domain.md', async () => {
    const editor = await api.call('GET', '/api/auth/me', { token: await api.login('editor') });
    expect(editor.body.permissions).toEqual(['members:list', 'members:show', 'calendar:view', 'data-use:request']);
    const leader = await api.call('GET', '/api/auth/me', { token: await api.login('leader') });
    expect(leader.body.permissions).toContain('members:unmask');
    expect(leader.body.permissions).not.toContain('members:create');
  });

  it('refuses a wrong password or unknown user with 401 in the caller language', async () => {
    const wrong = await api.call('POST', '/api/auth/login', { body: { username: 'gm', password: 'nope' }, lang: 'en' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe('Wrong username or password');
    const unknown = await api.call('POST', '/api/auth/login', { body: { username: 'nobody', password: 'x' } });
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toBe('用户名或密码错误');
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 2; i++) expect((await api.call('POST', '/api/auth/login', { body: { username: 'vp', password: 'bad' } })).status).toBe(401);
    expect((await api.call('POST', '/api/auth/login', { body: { username: 'vp', password: 'bad' } })).status).toBe(423);
    const right = await api.call('POST', '/api/auth/login', { body: { username: 'vp', password: DEMO_PASSWORD } });
    expect(right.status).toBe(423);
    expect(right.body.message).toMatch(/锁定/);
    const log = await t.db.auditLog.findMany({ where: { resource: 'auth', actorName: 'vp' }, orderBy: { id: 'asc' } });
    expect(log.map((l) => l.action)).toEqual(['LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_LOCKED']);
  });

  it('a burst of concurrent wrong passwords locks the account, and none slips past the limit', async () => {
    const burst = await Promise.all(Array.from({ length: 8 }, () => api.call('POST', '/api/auth/login', { body: { username: 'merchant', password: 'bad' } })));
    expect(burst.every((r) => r.status === 401 || r.status === 423)).toBe(true);
    const staff = await t.db.staffUser.findUniqueOrThrow({ where: { username: 'merchant' } });
    // Counted in one UPDATE per attempt: at least the limit, however the attempts interleaved.
    expect(staff.failedLogins).toBeGreaterThanOrEqual(3);
    expect(staff.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect((await api.call('POST', '/api/auth/login', { body: { username: 'merchant', password: DEMO_PASSWORD } })).status).toBe(423);
  });

  it('rejects requests without a valid token', async () => {
    expect((await api.call('GET', '/api/members')).status).toBe(401);
    expect((await api.call('GET', '/api/members', { token: 'x.y.z' })).status).toBe(401);
    expect((await api.call('GET', '/api/health')).status).toBe(200);
  });

  it('keeps the audit log append-only', async () => {
    await expect(t.db.$executeRawUnsafe('DELETE FROM audit_log')).rejects.toThrow(/append-only|permission denied/);
  });
});
