// Every endpoint of the OpenAPI document, walked with what a hostile or careless caller sends:
// junk and out-of-range ids, control characters, filter keys named after object built-ins, empty
// keys, out-of-range numbers and dates, huge paging, malformed and too-deep JSON. None may answer
// 5xx, and every answer carries a message. A new endpoint is covered from its first day.
import { describe, expect, it } from 'vitest';
import { useApi } from '../support/fixture.ts';

const f = useApi({ members: 40, users: ['manager', 'officer', 'leader'] });

type Operation = { method: string; path: string; hasBody: boolean; multipart: boolean; properties: string[] };

async function operations(): Promise<Operation[]> {
  const doc = (await f.call('GET', '/api/docs-json')).body as { paths: Record<string, Record<string, any>> };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content ?? {};
      const schema = content['application/json']?.schema;
      ops.push({ method: method.toUpperCase(), path, hasBody: !!schema, multipart: !!content['multipart/form-data'], properties: Object.keys(schema?.properties ?? {}) });
    }
  }
  return ops;
}

const JUNK_IDS = ['%00', 'a%00b', '2147483648', '99999999999999999999', '-1', '0', 'abc', '1e309', '%E0%A4%A', "1'--", '__proto__', 'constructor'];
const HOSTILE_QUERIES = [
  'constructor=x',
  'toString=1',
  'hasOwnProperty_ne=1',
  '__proto__=1',
  'valueOf_like=a',
  '=1',
  '&&=',
  '_start=1e309',
  '_end=1e309',
  '_start=99999999999',
  '_start=-1',
  '_sort=constructor',
  '_sort=__proto__&_order=desc',
  'q=%00abc',
  'q=a%01b',
  'id=2147483648',
  'projectId=2147483648',
  'id_gte=-99999999999',
  'createdAt_gte=-200000-01-01',
  'birthDate_gte=-200000-01-01',
  'receivedOn_lte=275760-09-14',
  'at_gte=0000-01-01',
  'status=%00',
  'name%00=x',
];
const HOSTILE_VALUES: unknown[] = ['a\u0000b', '\u0007bell', 2147483648, -2147483649, 1e300, '-200000-01-01', '275760-09-14', { constructor: 1 }, [[[[[[]]]]]], 'x'.repeat(20000)];

function fill(path: string, id: string): string {
  return path.replace(/\{[^}]+\}/g, id);
}

describe('the whole API under hostile input', () => {
  it('never answers 5xx, always with a message, on every endpoint of the OpenAPI document', async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(60);
    let token = f.tokens.manager;
    const failures: string[] = [];
    let sent = 0;
    const send = async (method: string, path: string, opts: { body?: unknown; raw?: string } = {}) => {
      sent++;
      let r = await f.call(method, path, { token, ...opts });
      if (r.status === 401 && path !== '/api/auth/login') {
        // The walk itself signed the manager out (logout, password change): sign in again.
        token = await f.api.login('manager');
        r = await f.call(method, path, { token, ...opts });
      }
      if (r.status >= 500 || (r.status >= 400 && typeof r.body?.message !== 'string')) failures.push(`${method} ${path} ${opts.raw ?? JSON.stringify(opts.body ?? '').slice(0, 80)} → ${r.status} ${JSON.stringify(r.body).slice(0, 160)}`);
      return r;
    };
    for (const op of ops) {
      if (op.path === '/api/auth/logout' || op.path === '/api/auth/password') continue; // walked last
      const withParams = op.path.includes('{');
      for (const id of withParams ? JUNK_IDS : []) await send(op.method, fill(op.path, id));
      const target = fill(op.path, '1');
      if (op.method === 'GET') {
        for (const q of HOSTILE_QUERIES) await send('GET', `${target}?${q}`);
      }
      if (op.hasBody || op.multipart) {
        for (const raw of ['{bad', '[', '"\\u0000"', '{"a\\u0000":1}', `{"x":${'['.repeat(200)}${']'.repeat(200)}}`, '{"__proto__":{"admin":true}}']) await send(op.method, target, { raw });
        for (const prop of op.properties) for (const v of HOSTILE_VALUES) await send(op.method, target, { body: { [prop]: v } });
      }
    }
    for (const path of ['/api/auth/password', '/api/auth/logout']) {
      for (const v of HOSTILE_VALUES) await send('POST', path, { body: { currentPassword: v, newPassword: v } });
    }
    // Login takes no token: the NUL byte that once reached PostgreSQL.
    for (const v of HOSTILE_VALUES) {
      sent++;
      const r = await f.call('POST', '/api/auth/login', { body: { username: v, password: v } });
      if (r.status >= 500) failures.push(`login ${JSON.stringify(v).slice(0, 40)} → ${r.status}`);
    }
    console.log(`hostile input: ${sent} requests over ${ops.length} operations, ${failures.length} answered 5xx or without a message`);
    expect(failures).toEqual([]);
  }, 300_000);

  it('control characters are refused with a message in the caller’s language, not stored', async () => {
    const zh = await f.call('GET', '/api/members?q=%00abc', { token: f.tokens.officer });
    expect(zh.status).toBe(400);
    expect(zh.body.message).toMatch(/[\u4e00-\u9fff]/);
    const en = await f.call('GET', '/api/members?q=%00abc', { token: f.tokens.officer, lang: 'en' });
    expect(en.status).toBe(400);
    expect(en.body.errors.q).toMatch(/control characters/);
    const member = await f.db.member.findFirstOrThrow();
    const patch = await f.call('PATCH', `/api/members/${member.id}`, { token: f.tokens.officer, body: { hobbyOther: 'a\u0000b' } });
    expect(patch.status).toBe(400);
    expect(patch.body.errors.hobbyOther).toBeDefined();
    expect((await f.db.member.findUniqueOrThrow({ where: { id: member.id } })).hobbyOther ?? '').not.toContain('\u0000');
    // Tabs and line breaks are text.
    const ok = await f.call('PATCH', `/api/members/${member.id}`, { token: f.tokens.officer, body: { hobbyOther: '钓鱼\n登山' } });
    expect(ok.status).toBe(200);
  });

  it('filter keys are looked up among the list’s own fields only', async () => {
    for (const q of ['constructor=x', 'toString=1', 'hasOwnProperty_ne=1', '__proto__=1']) {
      const r = await f.call('GET', `/api/members?${q}`, { token: f.tokens.officer });
      expect(r.status, q).toBe(400);
      expect(Object.keys(r.body.errors ?? {}).length, q).toBeGreaterThan(0);
    }
    expect((await f.call('GET', '/api/members?=1', { token: f.tokens.officer })).status).toBe(400);
  });

  it('numbers beyond a database integer and dates beyond PostgreSQL’s years are 400s on their field', async () => {
    const r = await f.call('POST', '/api/card-limit-exceptions', { token: f.tokens.officer, body: { householdId: 2147483648, reason: 'x' } });
    expect(r.status).toBe(400);
    expect(r.body.errors.householdId).toBeDefined();
    const d = await f.call('GET', '/api/members?birthDate_gte=-200000-01-01', { token: f.tokens.officer });
    expect(d.status).toBe(400);
    expect(d.body.errors.birthDate_gte).toBeDefined();
    const p = await f.call('GET', '/api/members?_start=1e309', { token: f.tokens.officer });
    expect(p.status).toBe(400);
    const tasks = await f.call('GET', '/api/applications/tasks?_start=1e309', { token: f.tokens.officer });
    expect(tasks.status).toBe(400);
  });
});
