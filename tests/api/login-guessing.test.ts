// Password guessing against POST /api/auth/login: a burst of parallel guesses for one account, the
// answers for unknown and known usernames, and the limit per client address.
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../prisma/seed/factories.ts';
import type { ApiResponse, RunningApi } from '../support/api.ts';
import { useApi } from '../support/fixture.ts';

const MAX = 5;

// A generous address limit here (each case below uses its own address); the address limit has its own case.
const f = useApi({ members: 10, config: { maxFailedLogins: MAX, lockMinutes: 15, loginMaxPerAddress: 1000, loginAddressWindowMinutes: 15 } });

/** A sign-in attempt from a given client address (the API trusts X-Forwarded-For from loopback only). */
function attempt(username: string, password: string, address: string, lang = 'zh-CN'): Promise<ApiResponse> {
  return f.api.call('POST', '/api/auth/login', { body: { username, password }, lang, headers: { 'x-forwarded-for': address } });
}

async function timed(fn: () => Promise<ApiResponse>): Promise<{ ms: number; r: ApiResponse }> {
  const start = performance.now();
  const r = await fn();
  return { ms: performance.now() - start, r };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function auditCount(username: string, action: string): Promise<number> {
  const staff = await f.db.staffUser.findUniqueOrThrow({ where: { username } });
  return f.db.auditLog.count({ where: { resource: 'auth', action, actorId: staff.id } });
}

describe('parallel guessing', () => {
  it('150 guesses at once: at most five passwords are checked, and the right one last does not get in', async () => {
    const guesses = Array.from({ length: 149 }, (_, i) => attempt('manager', `wrong-${i}`, '10.1.0.1'));
    guesses.push(attempt('manager', DEMO_PASSWORD, '10.1.0.1'));
    const started = performance.now();
    const answers = await Promise.all(guesses);
    const elapsed = performance.now() - started;
    const failed = await auditCount('manager', 'LOGIN_FAILED');
    const statuses = answers.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
    console.log(`[probe] 150 parallel: LOGIN_FAILED rows ${failed}, right password status ${answers[149].status}, statuses ${JSON.stringify(statuses)}, ${Math.round(elapsed)} ms`);
    expect(failed).toBeLessThanOrEqual(MAX);
    expect(answers[149].status).toBe(401);
    expect(answers.every((r) => r.status === 401)).toBe(true);
    // Still locked for the right password, from another address too.
    expect((await attempt('manager', DEMO_PASSWORD, '10.1.0.2')).status).toBe(401);
  }, 90_000);

  it('unknown and known usernames answer alike, locked or not, in similar time', async () => {
    const answers: Record<string, { ms: number[]; bodies: string[]; statuses: number[] }> = {};
    const once = async (label: string, username: string, password: string, address: string) => {
      answers[label] ??= { ms: [], bodies: [], statuses: [] };
      const { ms, r } = await timed(() => attempt(username, password, address));
      answers[label].ms.push(ms);
      answers[label].statuses.push(r.status);
      answers[label].bodies.push(JSON.stringify(r.body));
    };
    // Warm up argon2 and the connection pool.
    for (let i = 0; i < 2; i++) await once('warmup', 'nobody-warm', 'x', '10.2.0.9');
    // Interleaved, so a busy machine slows every case alike. manager is locked since the burst above.
    for (let i = 0; i < MAX - 1; i++) {
      await once('unknown', 'nobody-at-all', 'wrong-password', '10.2.0.1');
      await once('known', 'gm', 'wrong-password', '10.2.0.2');
      await once('locked', 'manager', 'wrong-password', '10.2.0.3');
    }
    // Past the limit: both lock.
    for (let i = 0; i < 3; i++) {
      await once('unknown-locked', 'nobody-at-all', 'wrong-password', '10.2.0.1');
      await once('known-locked', 'gm', 'wrong-password', '10.2.0.2');
    }
    const summary = Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, { medianMs: Math.round(median(v.ms)), statuses: [...new Set(v.statuses)] }]));
    console.log(`[probe] timing ${JSON.stringify(summary)}`);
    const allBodies = new Set(Object.entries(answers).filter(([k]) => k !== 'warmup').flatMap(([, v]) => v.bodies));
    const allStatuses = new Set(Object.entries(answers).filter(([k]) => k !== 'warmup').flatMap(([, v]) => v.statuses));
    expect([...allStatuses]).toEqual([401]);
    expect(allBodies.size).toBe(1);
    // Similar time: one argon2 verification in every case (before: a locked account answered ten
    // times faster). Compared as groups, checked against refused, each within a factor of two.
    const checked = median([...answers.unknown.ms, ...answers.known.ms]);
    const refused = median([...answers.locked.ms, ...answers['unknown-locked'].ms, ...answers['known-locked'].ms]);
    expect(Math.max(checked, refused) / Math.min(checked, refused)).toBeLessThan(2);
    // gm is locked now: the right password is refused too, with the same answer.
    const right = await attempt('gm', DEMO_PASSWORD, '10.2.0.2');
    expect(right.status).toBe(401);
    expect(JSON.stringify(right.body)).toBe([...allBodies][0]);
  });
});

describe('the limit per client address', () => {
  it('counts failures per address across API processes, answers 429 past it, and does not lock the accounts', async () => {
    // Two API processes over one database, with a limit of four per address.
    const one = await f.startAnotherApi({ loginMaxPerAddress: 4, loginAddressWindowMinutes: 15 });
    const two = await f.startAnotherApi({ loginMaxPerAddress: 4, loginAddressWindowMinutes: 15 });
    try {
      const from = (a: RunningApi, username: string, password: string, address: string) =>
        a.call('POST', '/api/auth/login', { body: { username, password }, headers: { 'x-forwarded-for': address }, lang: 'en' });
      const checkedBefore = await f.db.auditLog.count({ where: { action: 'LOGIN_FAILED' } });
      // Four different accounts from one address, alternating processes: each account is far from its own lock.
      expect((await from(one, 'editor', 'guess-1', '10.3.0.1')).status).toBe(401);
      expect((await from(two, 'leader', 'guess-2', '10.3.0.1')).status).toBe(401);
      expect((await from(one, 'no-such-user', 'guess-3', '10.3.0.1')).status).toBe(401);
      expect((await from(two, 'officer', 'guess-4', '10.3.0.1')).status).toBe(401);
      const blocked = await from(one, 'editor', DEMO_PASSWORD, '10.3.0.1');
      expect(blocked.status).toBe(429);
      expect(blocked.body.message).toBe('Too many failed sign-ins from this network address; try again in 15 minutes');
      expect((await from(two, 'vp', 'guess-5', '10.3.0.1')).status).toBe(429);
      // Only the four were checked.
      expect(await f.db.auditLog.count({ where: { action: 'LOGIN_FAILED' } })).toBe(checkedBefore + 4);
      // The same account from another address is not affected.
      expect((await from(two, 'editor', DEMO_PASSWORD, '10.3.0.2')).status).toBe(200);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('a successful sign-in gives its attempt back', async () => {
    const one = await f.startAnotherApi({ loginMaxPerAddress: 4, loginAddressWindowMinutes: 15 });
    try {
      const from = (username: string, password: string) => one.call('POST', '/api/auth/login', { body: { username, password }, headers: { 'x-forwarded-for': '10.4.0.1' } });
      for (const u of ['x1', 'x2', 'x3']) expect((await from(u, 'wrong-password')).status).toBe(401);
      expect((await from('activity', DEMO_PASSWORD)).status).toBe(200);
      expect((await from('x4', 'wrong-password')).status).toBe(401);
      expect((await from('x5', 'wrong-password')).status).toBe(429);
    } finally {
      await one.close();
    }
  });
});
