// Sessions: sign-out, password change, deactivation, and which tokens are accepted at all.
import pg from 'pg';
import { SignJWT, decodeJwt } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../prisma/seed/factories.ts';
import { useApi } from '../support/fixture.ts';
import { AuthService } from '../../server/src/auth/auth.service.ts';

const f = useApi({ members: 10 });
let sql: pg.Client;

beforeAll(async () => {
  // Changes made outside the API, as an administrator with psql would.
  sql = await f.sql();
});

const me = (token: string) => f.api.call('GET', '/api/auth/me', { token });

/** Polls until the token is refused; the time it took. */
async function refusedWithin(token: string, ms: number): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if ((await me(token)).status === 401) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`token still accepted after ${ms} ms`);
}

function sign(payload: Record<string, unknown>, build: (j: SignJWT) => SignJWT = (j) => j, secret = f.api.config.jwtSecret) {
  return build(new SignJWT(payload).setProtectedHeader({ alg: 'HS256' })).sign(new TextEncoder().encode(secret));
}

describe('sign-out', () => {
  it('ends this session only', async () => {
    const a = await f.api.login('editor');
    const b = await f.api.login('editor');
    expect((await me(a)).status).toBe(200);
    const out = await f.api.call('POST', '/api/auth/logout', { token: a });
    expect(out.status).toBe(204);
    expect(out.body).toBeNull();
    expect((await me(a)).status).toBe(401);
    expect((await f.api.call('POST', '/api/auth/logout', { token: a })).status).toBe(401);
    expect((await me(b)).status).toBe(200);
    const editor = await f.db.staffUser.findUniqueOrThrow({ where: { username: 'editor' } });
    expect(await f.db.auditLog.count({ where: { action: 'LOGOUT', actorId: editor.id } })).toBe(1);
  });
});

describe('password change', () => {
  const change = (token: string, body: unknown, lang?: string) => f.api.call('POST', '/api/auth/password', { token, body, lang });

  it('checks the current password and the policy, with field errors in both languages', async () => {
    const token = await f.api.login('activity');
    const wrong = await change(token, { currentPassword: 'not-it', newPassword: 'Abcdefgh123' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual({ currentPassword: '当前密码不正确' });
    const cases: [string, string, string][] = [
      ['Ab1', '新密码至少需要 10 个字符', 'The new password needs at least 10 characters'],
      ['abcdefghijkl', '新密码须同时包含字母和数字', 'The new password must contain both letters and digits'],
      ['123456789012', '新密码须同时包含字母和数字', 'The new password must contain both letters and digits'],
      ['my-Activity-2026', '新密码不能包含用户名', 'The new password must not contain the username'],
    ];
    for (const [pw, zh, en] of cases) {
      const r = await change(token, { currentPassword: DEMO_PASSWORD, newPassword: pw });
      expect(r.status, pw).toBe(400);
      expect(r.body).toMatchObject({ statusCode: 400, errors: { newPassword: zh } });
      expect((await change(token, { currentPassword: DEMO_PASSWORD, newPassword: pw }, 'en')).body.errors).toEqual({ newPassword: en });
    }
    const missing = await change(token, { newPassword: 'Abcdefgh123' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toHaveProperty('currentPassword');
    // Nothing changed: the token and the old password still work.
    expect((await me(token)).status).toBe(200);
    expect((await f.api.call('POST', '/api/auth/login', { body: { username: 'activity', password: DEMO_PASSWORD } })).status).toBe(200);
  });

  it('refuses the current password as the new one', async () => {
    const token = await f.api.login('marketing');
    const first = await change(token, { currentPassword: DEMO_PASSWORD, newPassword: 'Harbour2026ok' });
    expect(first.status).toBe(200);
    const same = await change(first.body.token, { currentPassword: 'Harbour2026ok', newPassword: 'Harbour2026ok' }, 'en');
    expect(same.status).toBe(400);
    expect(same.body.errors).toEqual({ newPassword: 'The new password must differ from the current one' });
  });

  it('returns a fresh token and ends every other session of the user', async () => {
    const mine = await f.api.login('gm');
    const other = await f.api.login('gm');
    const r = await change(mine, { currentPassword: DEMO_PASSWORD, newPassword: 'Lantern42river' });
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ username: 'gm', role: 'general_manager' });
    expect(typeof r.body.token).toBe('string');
    expect((await me(r.body.token)).status).toBe(200);
    expect((await me(mine)).status).toBe(401);
    expect((await me(other)).status).toBe(401);
    expect((await f.api.call('POST', '/api/auth/login', { body: { username: 'gm', password: DEMO_PASSWORD } })).status).toBe(401);
    expect((await f.api.call('POST', '/api/auth/login', { body: { username: 'gm', password: 'Lantern42river' } })).status).toBe(200);
    const gm = await f.db.staffUser.findUniqueOrThrow({ where: { username: 'gm' } });
    expect(await f.db.auditLog.count({ where: { action: 'UPDATE', resource: 'staff', recordId: String(gm.id) } })).toBe(1);
  });

  it('a new password set outside the API (psql) ends the sessions too', async () => {
    const token = await f.api.login('officer_sh');
    expect((await me(token)).status).toBe(200);
    await sql.query(`UPDATE staff_users SET "passwordHash" = "passwordHash" || '' WHERE username = 'officer_sh'`);
    expect((await me(token)).status).toBe(200); // the same hash: nothing changed
    const hash = (await f.db.staffUser.findUniqueOrThrow({ where: { username: 'leader' } })).passwordHash;
    await sql.query(`UPDATE staff_users SET "passwordHash" = $1 WHERE username = 'officer_sh'`, [hash + ' ']);
    await refusedWithin(token, 2000);
  });
});

describe('deactivation', () => {
  it("ends the user's sessions within a second or two, whoever deactivates", async () => {
    const token = await f.api.login('merchant');
    // Twice, so the second answer comes from the cache.
    expect((await me(token)).status).toBe(200);
    expect((await me(token)).status).toBe(200);
    await sql.query(`UPDATE staff_users SET active = false WHERE username = 'merchant'`);
    const ms = await refusedWithin(token, 2000);
    console.log(`[probe] deactivated token refused after ${ms} ms`);
    expect(ms).toBeLessThan(2000);
    // Reactivation does not revive the old sessions.
    await sql.query(`UPDATE staff_users SET active = true WHERE username = 'merchant'`);
    await new Promise((r) => setTimeout(r, 200));
    expect((await me(token)).status).toBe(401);
    expect((await me(await f.api.login('merchant'))).status).toBe(200);
  });
});

describe('tokens', () => {
  it('refuses tokens without expiry, with too long a lifetime, or without a session, even when signed with the right key', async () => {
    const good = await f.api.login('leader');
    const claims = decodeJwt(good) as { sub: string; sid: string; sv: number };
    const base = { sid: claims.sid, sv: claims.sv };
    // The control: a token made like the API makes them is accepted.
    expect((await me(await sign(base, (j) => j.setSubject(claims.sub).setIssuedAt().setExpirationTime('1h')))).status).toBe(200);
    const refused = [
      await sign(base, (j) => j.setSubject(claims.sub).setIssuedAt()),
      await sign(base, (j) => j.setSubject(claims.sub).setIssuedAt().setExpirationTime('30d')),
      await sign(base, (j) => j.setSubject(claims.sub).setExpirationTime('1h')),
      await sign({ sv: claims.sv }, (j) => j.setSubject(claims.sub).setIssuedAt().setExpirationTime('1h')),
      await sign({ ...base, sv: claims.sv + 1 }, (j) => j.setSubject(claims.sub).setIssuedAt().setExpirationTime('1h')),
      await sign(base, (j) => j.setSubject('1').setIssuedAt().setExpirationTime('1h')),
      await sign(base, (j) => j.setSubject(claims.sub).setIssuedAt().setExpirationTime('1h'), 'another-secret'),
    ];
    for (const [i, token] of refused.entries()) expect((await me(token)).status, `token ${i}`).toBe(401);
  });

  it('Cube tokens live five minutes and name the user and the session', async () => {
    const token = await f.api.login('leader');
    const r = await f.api.call('GET', '/api/analytics/token', { token });
    expect(r.status).toBe(200);
    expect(r.body.expiresInSeconds).toBe(300);
    const cube = decodeJwt(r.body.token) as { exp: number; iat: number; userId: number; sid: string; sv: number; region: string };
    const session = decodeJwt(token) as { sid: string; sv: number; sub: string };
    expect(cube.exp - cube.iat).toBe(300);
    expect(cube).toMatchObject({ userId: Number(session.sub), sid: session.sid, sv: session.sv, region: 'ALL' });
  });
});

describe('housekeeping', () => {
  it('forgets day-old sign-in counters and sessions expired a week ago, and nothing newer', async () => {
    const editor = await f.db.staffUser.findUniqueOrThrow({ where: { username: 'editor' } });
    await sql.query(`INSERT INTO login_throttle (key, failures, "windowStart") VALUES ('user:old-guess', 3, now() - interval '2 days'), ('user:new-guess', 3, now())`);
    await sql.query(
      `INSERT INTO staff_sessions (id, "staffUserId", "expiresAt") VALUES ('00000000-0000-4000-8000-000000000001', $1, now() - interval '8 days'),
       ('00000000-0000-4000-8000-000000000002', $1, now() - interval '1 day')`,
      [editor.id],
    );
    await f.api.app.get(AuthService).pruneOld();
    const keys = (await sql.query(`SELECT key FROM login_throttle WHERE key LIKE 'user:%-guess'`)).rows.map((r) => r.key);
    expect(keys).toEqual(['user:new-guess']);
    const ids = (await sql.query(`SELECT id FROM staff_sessions WHERE id::text LIKE '00000000-%'`)).rows.map((r) => r.id);
    expect(ids).toEqual(['00000000-0000-4000-8000-000000000002']);
  });
});
