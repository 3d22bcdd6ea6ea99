// The Cube proxy (/cubejs-api) against a fake Cube that answers like the real one, stack traces
// and headers included: what reaches Cube, and what reaches the caller.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { SignJWT, decodeJwt } from 'jose';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../support/api.ts';
import { useApi } from '../support/fixture.ts';

let fake: Server;
let sql: pg.Client;
/** What the fake Cube received. */
let received: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];

const STACK = 'Error: Compile error\n    at Object.load (/work/main/node_modules/@cubejs-backend/server-core/dist/src/core/CompilerApi.js:97:13)\n    at async /work/main/cube/server.cjs:40:5';

/** Cube-like answers, chosen by the path or the query's first measure. */
function answer(url: URL, body: string): { status: number; json: unknown } {
  if (url.pathname.endsWith('/meta')) return { status: 200, json: { cubes: [{ name: 'member_profile', measures: [] }] } };
  const query = JSON.parse(url.searchParams.get('query') ?? (body ? JSON.parse(body).query && JSON.stringify(JSON.parse(body).query) : 'null'));
  const measure = (Array.isArray(query) ? query[0] : query)?.measures?.[0];
  if (measure === 'boom.count') return { status: 500, json: { error: 'Error: connect ECONNREFUSED 127.0.0.1:5432 at /work/main/cube/server.cjs', stack: STACK } };
  if (measure === 'nope.count') {
    return { status: 400, json: { error: "Error: Cube 'nope' not found for path 'nope.count' in /work/main/cube/model/cubes/members.js:12:3", stack: STACK, file: '/work/main/cube/model/cubes/members.js', type: 'UserError' } };
  }
  return { status: 200, json: { query, data: [{ 'member_profile.count': '12', 'member_profile.region_code': 'SH' }], lastRefreshTime: '2026-12-02T00:00:00.000Z', stack: STACK } };
}

// The fake Cube starts before the API, which is pointed at it.
const f = useApi({
  members: 10,
  beforeApi: async () => {
    fake = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        const { status, json } = answer(new URL(req.url!, 'http://cube'), body);
        res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'x-powered-by': 'Express', 'set-cookie': 'cube=1', etag: 'W/"1"' });
        res.end(JSON.stringify(json));
      });
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    f.cleanup(() => new Promise((r) => fake.close(r)));
    return { cubeUrl: `http://127.0.0.1:${(fake.address() as AddressInfo).port}` };
  },
});
beforeAll(async () => {
  sql = await f.sql();
});
beforeEach(() => {
  received = [];
});

async function cubeToken(username: string): Promise<{ api: string; cube: string }> {
  const token = await f.api.login(username);
  const r = await f.api.call('GET', '/api/analytics/token', { token });
  expect(r.status).toBe(200);
  return { api: token, cube: r.body.token };
}

const QUERY = { measures: ['member_profile.count'], dimensions: ['member_profile.region_code'] };
const load = (token: string | undefined, query: unknown, lang?: string) =>
  f.api.call('GET', `/cubejs-api/v1/load?query=${encodeURIComponent(typeof query === 'string' ? query : JSON.stringify(query))}&queryType=multi`, { headers: token ? { authorization: token } : {}, lang });
const post = (token: string | undefined, raw: string, path = '/cubejs-api/v1/load') =>
  f.api.call('POST', path, { raw, headers: { 'content-type': 'application/json', ...(token ? { authorization: token } : {}) } });

function expectNoLeak(r: ApiResponse) {
  const text = JSON.stringify(r.body);
  expect(text).not.toMatch(/stack|\/work\/|node_modules|server\.cjs|\.js:\d+/);
  for (const h of ['access-control-allow-origin', 'x-powered-by', 'set-cookie']) expect(r.headers.get(h), h).toBeNull();
  expect(r.headers.get('etag')).not.toBe('W/"1"');
}

describe('the Cube proxy', () => {
  it('answers 401 without a valid Cube token, before reading or forwarding anything', async () => {
    for (const r of [await load(undefined, QUERY), await post(undefined, '{not json'), await post(undefined, '{}', '/cubejs-api/v1/whatever')]) {
      expect(r.status).toBe(401);
      expectNoLeak(r);
    }
    // An API token is not a Cube token.
    const { api: apiToken } = await cubeToken('leader');
    expect((await load(apiToken, QUERY)).status).toBe(401);
    expect((await load(`Bearer ${apiToken}`, QUERY)).status).toBe(401);
    expect(received).toEqual([]);
  });

  it('forwards a valid query, with the token, and passes the answer without stacks or Cube headers', async () => {
    const { cube } = await cubeToken('leader');
    const r = await load(cube, QUERY);
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual([{ 'member_profile.count': '12', 'member_profile.region_code': 'SH' }]);
    expect(r.body).not.toHaveProperty('stack');
    expectNoLeak(r);
    expect(received).toHaveLength(1);
    expect(received[0].headers.authorization).toBe(cube);
    expect(received[0].headers.cookie).toBeUndefined();
    expect(JSON.parse(new URL(received[0].url, 'http://cube').searchParams.get('query')!)).toEqual(QUERY);
    // POST with a body (the client's form for long queries), and with "Bearer ".
    const p = await post(`Bearer ${cube}`, JSON.stringify({ query: QUERY, queryType: 'multi' }));
    expect(p.status).toBe(200);
    expect(JSON.parse(received[1].body)).toEqual({ query: QUERY, queryType: 'multi' });
    expect((await f.api.call('GET', '/cubejs-api/v1/meta', { headers: { authorization: cube } })).status).toBe(200);
  });

  it('answers malformed queries itself with 400, and bounds limit to 50,000', async () => {
    const { cube } = await cubeToken('leader');
    const bad = [
      await post(cube, '{"query": {"measures": ['),
      await post(cube, '[1,2]'),
      await post(cube, '{"query": "not a query object"}'),
      await post(cube, '{"query": {"measures": "member_profile.count"}}'),
      await post(cube, '{}'),
      await load(cube, '{"measures": ['),
      await load(cube, { measures: [{ $ne: 1 }] }),
      await load(cube, { ...QUERY, limit: -1 }),
      await load(cube, { ...QUERY, limit: 1.5 }),
      await f.api.call('GET', '/cubejs-api/v1/load', { headers: { authorization: cube } }),
    ];
    for (const [i, r] of bad.entries()) {
      expect(r.status, `case ${i}`).toBe(400);
      expect(r.body.message, `case ${i}`).toBeTruthy();
      expectNoLeak(r);
    }
    const huge = await load(cube, { ...QUERY, limit: 1e9 }, 'en');
    expect(huge.status).toBe(400);
    expect(huge.body.message).toBe('An analysis query returns at most 50000 rows');
    const hugePost = await post(cube, JSON.stringify({ query: [{ ...QUERY, limit: 50_001 }] }));
    expect(hugePost.status).toBe(400);
    expect(received).toEqual([]);
    expect((await load(cube, { ...QUERY, limit: 50_000 })).status).toBe(200);
    expect(received).toHaveLength(1);
    expect((await f.api.call('GET', '/cubejs-api/v1/nothing-here', { headers: { authorization: cube } })).status).toBe(404);
    expect((await f.api.call('DELETE', '/cubejs-api/v1/load', { headers: { authorization: cube } })).status).toBe(404);
    expect(received).toHaveLength(1);
  });

  it("strips stacks and paths from Cube's errors and replaces its 5xx with our own message", async () => {
    const { cube } = await cubeToken('leader');
    const user = await load(cube, { measures: ['nope.count'] });
    expect(user.status).toBe(400);
    expect(user.body.error).toMatch(/Cube 'nope' not found for path 'nope.count'/);
    expect(user.body).not.toHaveProperty('file');
    expect(user.body.type).toBe('UserError');
    expectNoLeak(user);
    const zh = await load(cube, { measures: ['boom.count'] });
    expect(zh.status).toBe(502);
    expect(zh.body.message).toMatch(/^分析服务出错/);
    expect(zh.body.requestId).toBe(zh.headers.get('x-request-id'));
    expectNoLeak(zh);
    const en = await load(cube, { measures: ['boom.count'] }, 'en');
    expect(en.body.message).toMatch(/^The analysis service failed/);
    expect(JSON.stringify(en.body)).not.toMatch(/ECONNREFUSED|5432/);
  });

  it('refuses Cube tokens without expiry or living too long, though signed with the right key', async () => {
    const { cube } = await cubeToken('leader');
    const claims = decodeJwt(cube);
    const { exp: _e, iat: _i, ...rest } = claims;
    const key = new TextEncoder().encode(f.api.config.cubeApiSecret);
    const make = (build: (j: SignJWT) => SignJWT) => build(new SignJWT(rest).setProtectedHeader({ alg: 'HS256' })).sign(key);
    expect((await load(await make((j) => j.setIssuedAt().setExpirationTime('5m')), QUERY)).status).toBe(200);
    expect((await load(await make((j) => j.setIssuedAt()), QUERY)).status).toBe(401);
    expect((await load(await make((j) => j.setIssuedAt().setExpirationTime('1h')), QUERY)).status).toBe(401);
    expect((await load(await make((j) => j.setExpirationTime('5m')), QUERY)).status).toBe(401);
    // Another region than the user's.
    const other = await new SignJWT({ ...rest, region: 'SH' }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('5m').sign(key);
    expect((await load(other, QUERY)).status).toBe(401);
    expect(received).toHaveLength(1);
  });

  it('a Cube token stops working with its session: sign-out, and deactivation within a second or two', async () => {
    const a = await cubeToken('activity');
    expect((await load(a.cube, QUERY)).status).toBe(200);
    expect((await f.api.call('POST', '/api/auth/logout', { token: a.api })).status).toBe(204);
    expect((await load(a.cube, QUERY)).status).toBe(401);

    const b = await cubeToken('officer');
    expect((await load(b.cube, QUERY)).status).toBe(200);
    expect((await load(b.cube, QUERY)).status).toBe(200);
    await sql.query(`UPDATE staff_users SET active = false WHERE username = 'officer'`);
    const start = Date.now();
    while ((await load(b.cube, QUERY)).status !== 401) {
      if (Date.now() - start > 2000) throw new Error('Cube token still accepted 2 s after deactivation');
      await new Promise((r) => setTimeout(r, 20));
    }
    console.log(`[probe] deactivated Cube token refused after ${Date.now() - start} ms`);
  });
});
