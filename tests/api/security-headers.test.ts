// Every answer carries the security headers (server/src/common/security-headers.ts): the API's,
// the admin's files, the single-page app's index and what the /cubejs-api proxy passes on. The
// request id is the API's own. The admin's hashed assets are compressed and cached for a year.
import { createServer, type Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../server/src/common/security-headers.ts';
import { useApi } from '../support/fixture.ts';

const upstreamHits: string[] = [];
const SCRIPT = `export const rows = [${Array.from({ length: 2000 }, (_, i) => `{ id: ${i}, label: "row ${i}" }`).join(', ')}];\n`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A stand-in for Cube behind the proxy: answers every request with JSON of its own. */
async function fakeCube(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    upstreamHits.push(req.url ?? '');
    // Headers that would weaken the API's if the proxy passed them on.
    res.setHeader('x-frame-options', 'SAMEORIGIN');
    res.setHeader('content-security-policy', "default-src *");
    res.writeHead(200, { 'content-type': 'application/json', 'x-powered-by': 'Express' });
    res.end(JSON.stringify({ cubes: [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

function expectSecurityHeaders(headers: Headers, what: string) {
  expect(headers.get('content-security-policy'), what).toBe(CONTENT_SECURITY_POLICY);
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(headers.get('x-powered-by'), what).toBeNull();
}

const f = useApi({
  members: 20,
  beforeApi: async () => {
    // A small build of the admin: index.html and hashed assets, as vite writes them.
    const dist = f.tempDir('club-admin-');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="root"></div></body></html>');
    writeFileSync(join(dist, 'assets', 'index-AbC123.js'), SCRIPT);
    writeFileSync(join(dist, 'assets', 'tiny-AbC123.css'), 'body{margin:0}');
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const c = await fakeCube();
    f.cleanup(() => new Promise((r) => c.server.close(r)));
    return { adminDist: dist, cubeUrl: c.url };
  },
});

describe('security headers', () => {
  it('on API answers, successful or not', async () => {
    expectSecurityHeaders((await f.api.call('GET', '/api/health')).headers, 'health');
    const denied = await f.api.call('GET', '/api/members');
    expect(denied.status).toBe(401);
    expectSecurityHeaders(denied.headers, '401');
    const bad = await f.api.call('POST', '/api/auth/login', { raw: '{not json' });
    expect(bad.status).toBe(400);
    expectSecurityHeaders(bad.headers, 'bad JSON');
    const docs = await fetch(`${f.api.baseUrl}/api/docs`);
    expectSecurityHeaders(docs.headers, 'docs');
  });

  it("on the admin's index, its routes and its files", async () => {
    for (const path of ['/', '/members/show/12', '/index.html', '/assets/index-AbC123.js', '/assets/tiny-AbC123.css', '/favicon.svg']) {
      const r = await fetch(`${f.api.baseUrl}${path}`);
      expect(r.status, path).toBe(200);
      expectSecurityHeaders(r.headers, path);
    }
  });

  it('on answers the /cubejs-api proxy passes on from Cube', async () => {
    const token = await f.api.login('manager');
    const cubeToken = (await f.api.call('GET', '/api/analytics/token', { token })).body.token as string;
    const r = await fetch(`${f.api.baseUrl}/cubejs-api/v1/meta`, { headers: { authorization: cubeToken } });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ cubes: [] });
    expect(upstreamHits).toContain('/cubejs-api/v1/meta');
    // Cube's own answer said otherwise (x-frame-options, a CSP, x-powered-by): ours stand.
    expectSecurityHeaders(r.headers, 'proxied');
  });

  it('has a CSP the built admin can live with: own scripts only, inline styles (antd), data:/blob: images (ECharts)', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toContain("'unsafe-inline'");
    expect(directives['img-src']).toEqual(expect.arrayContaining(['data:', 'blob:']));
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
  });
});

describe('the request id', () => {
  it('is made by the API, whatever the caller sends, and is the one written to the audit log', async () => {
    const r = await f.api.call('POST', '/api/auth/login', { body: { username: 'manager', password: 'Club@2026' }, headers: { 'x-request-id': 'forged-request-id' } });
    expect(r.status).toBe(200);
    const id = r.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    expect(id).not.toBe('forged-request-id');
    const logged = await f.db.auditLog.findMany({ where: { action: 'LOGIN' }, orderBy: { id: 'desc' }, take: 1 });
    expect(logged[0].requestId).toBe(id);
    expect(await f.db.auditLog.count({ where: { requestId: 'forged-request-id' } })).toBe(0);
  });

  it('differs on every answer', async () => {
    const a = await f.api.call('GET', '/api/health', { headers: { 'x-request-id': 'same' } });
    const b = await f.api.call('GET', '/api/health', { headers: { 'x-request-id': 'same' } });
    expect(a.headers.get('x-request-id')).toMatch(UUID);
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
  });
});

describe("the admin's files", () => {
  const asset = '/assets/index-AbC123.js';

  it('serves hashed assets compressed with brotli or gzip, cached for a year', async () => {
    for (const [encoding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const r = await fetch(`${f.api.baseUrl}${asset}`, { headers: { 'accept-encoding': encoding } });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-encoding')).toBe(encoding);
      expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(r.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(r.headers.get('content-type')).toMatch(/javascript/);
      // fetch would decompress by itself; read what came over the wire through node:http instead.
      const raw = await rawGet(asset, encoding);
      expect(raw.length).toBeLessThan(SCRIPT.length / 3);
      expect(decode(raw).toString()).toBe(SCRIPT);
    }
    const plain = await rawGet(asset, 'identity');
    expect(plain.toString()).toBe(SCRIPT);
  });

  it('answers 304 to a revalidation, 404 to a missing asset (not the index), and never caches the index', async () => {
    const first = await fetch(`${f.api.baseUrl}${asset}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await fetch(`${f.api.baseUrl}${asset}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const missing = await fetch(`${f.api.baseUrl}/assets/gone-XyZ.js`);
    expect(missing.status).toBe(404);
    for (const path of ['/', '/members', '/index.html']) {
      const r = await fetch(`${f.api.baseUrl}${path}`);
      expect(r.headers.get('cache-control'), path).toBe('no-cache');
      expect(await r.text()).toContain('<div id="root">');
    }
    const escape = await fetch(`${f.api.baseUrl}/assets/..%2F..%2Fpackage.json`);
    expect(escape.status).not.toBe(200);
  });
});

/** GET without decompression: the bytes as sent. */
async function rawGet(path: string, encoding: string): Promise<Buffer> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(`${f.api.baseUrl}${path}`, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    });
    req.on('error', reject);
    req.end();
  });
}
