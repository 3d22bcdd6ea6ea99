// The Cube proxy in front of a real Cube (slow to start, so one file of its own): a query gets
// through, a malformed one never reaches Cube, and Cube's own errors and headers stay behind.
import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/free-port.ts';
import { spawnCube, type CubeProcess } from '../../scripts/lib/cube-process.ts';
import dashboard from '../../cube/dashboard-queries.json' with { type: 'json' };
import type { ApiResponse } from '../support/api.ts';
import { useApi } from '../support/fixture.ts';

const SECRET = 'cube-proxy-test-secret-0123456789abcdef';
let cube: CubeProcess | undefined;
let token: string;

// A real Cube on the seeded database starts before the API, which is pointed at it.
const f = useApi({
  members: 60,
  setupTimeout: 180_000,
  beforeApi: async () => {
    const databaseUrl = (f.t as { cubeUrl?: string }).cubeUrl ?? f.t.url;
    cube = await spawnCube({ databaseUrl, port: await freePort(), apiSecret: SECRET });
    f.cleanup(() => cube?.stop());
    return { cubeUrl: cube.url, cubeApiSecret: SECRET };
  },
});
beforeAll(async () => {
  const r = await f.api.call('GET', '/api/analytics/token', { token: await f.api.login('leader') });
  token = r.body.token;
});

/** Cube answers "Continue wait" while it works; ask again like the client does. */
async function proxied(method: string, path: string, raw?: string): Promise<ApiResponse> {
  for (let i = 0; i < 60; i++) {
    const r = await f.api.call(method, path, { raw, headers: { authorization: token, 'content-type': 'application/json' } });
    if (!(r.status === 200 && r.body?.error === 'Continue wait')) return r;
    await new Promise((res) => setTimeout(res, 500));
  }
  throw new Error('Cube kept answering "Continue wait"');
}

function expectClean(r: ApiResponse) {
  expect(JSON.stringify(r.body)).not.toMatch(/"stack"|\/work\/|node_modules|\.js:\d+/);
  expect(r.headers.get('access-control-allow-origin')).toBeNull();
  expect(r.headers.get('x-powered-by')).toBeNull();
}

describe('the Cube proxy in front of Cube', () => {
  it('forwards a dashboard query and answers it without Cube headers', async () => {
    const q = encodeURIComponent(JSON.stringify(dashboard.membersByProject));
    const r = await proxied('GET', `/cubejs-api/v1/load?query=${q}&queryType=multi`);
    expect(r.status).toBe(200);
    expect(r.body.results[0].data.length).toBeGreaterThan(0);
    expectClean(r);
  });

  it('refuses a malformed body and a huge limit itself, and passes on Cube errors without stack traces', async () => {
    const broken = await proxied('POST', '/cubejs-api/v1/load', '{"query": {"measures": [');
    expect(broken.status).toBe(400);
    expectClean(broken);
    const huge = await proxied('POST', '/cubejs-api/v1/load', JSON.stringify({ query: { ...dashboard.membersByProject, limit: 1e9 } }));
    expect(huge.status).toBe(400);
    expectClean(huge);
    const unknown = await proxied('POST', '/cubejs-api/v1/load', JSON.stringify({ query: { measures: ['no_such_view.count'] } }));
    expect(unknown.status).toBeGreaterThanOrEqual(400);
    expect(unknown.status).toBeLessThan(500);
    expectClean(unknown);
    const noToken = await f.api.call('POST', '/cubejs-api/v1/load', { raw: '{"query": {"measures": [' });
    expect(noToken.status).toBe(401);
  });
});
