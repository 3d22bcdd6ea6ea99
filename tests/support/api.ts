import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '../../server/src/config/app-config.ts';
import { repoRoot } from '../../server/src/config/app-config.ts';
import { createApp } from '../../server/src/create-app.ts';
import type { Db } from '../../server/src/database/prisma.service.ts';
import { DEMO_PASSWORD } from '../../prisma/seed/factories.ts';
import { responseContract, type ResponseContract } from './response-contract.ts';

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    apiPort: 0,
    cubePort: 0,
    pgPort: 0,
    databaseUrl: undefined,
    dataDir: `${repoRoot}/.data/test`,
    jwtSecret: randomBytes(16).toString('hex'),
    cubeApiSecret: randomBytes(16).toString('hex'),
    cubeUrl: 'http://127.0.0.1:9',
    adminDist: `${repoRoot}/admin/dist`,
    maxFailedLogins: 5,
    lockMinutes: 15,
    cardFeeFen: 2000,
    cachedTotalMinRows: 5000,
    ...overrides,
  };
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RunningApi {
  baseUrl: string;
  app: INestApplication;
  config: AppConfig;
  close(): Promise<void>;
  login(username: string, password?: string): Promise<string>;
  /** Throws when a 2xx JSON answer does not fit the body the OpenAPI document gives its route. */
  checkAnswer(method: string, path: string, status: number, contentType: string | null, body: unknown): Promise<void>;
  call<T = any>(method: string, path: string, opts?: { token?: string; body?: unknown; raw?: string; lang?: string; headers?: Record<string, string> }): Promise<ApiResponse<T>>;
}

/** The real API on a free port, over a real database. */
export async function startApi(db: Db, overrides: Partial<AppConfig> = {}): Promise<RunningApi> {
  const config = testConfig(overrides);
  const app = await createApp(config, db, { logLevels: ['error'] });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const call: RunningApi['call'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { 'accept-language': opts.lang ?? 'zh-CN', ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    await checkAnswer(method, path, res.status, res.headers.get('content-type'), parsed);
    return { status: res.status, headers: res.headers, body: parsed as any };
  };
  let documented: Promise<ResponseContract> | undefined;
  const contract = () => (documented ??= fetch(`${baseUrl}/api/docs-json`).then(async (r) => responseContract((await r.json()) as Parameters<typeof responseContract>[0])));
  const checkAnswer: RunningApi['checkAnswer'] = async (method, path, status, contentType, body) => {
    if (path !== '/api/docs-json') (await contract()).check(method, path, status, contentType, body);
  };
  return {
    baseUrl,
    app,
    config,
    call,
    checkAnswer,
    close: () => app.close(),
    login: async (username, password = DEMO_PASSWORD) => {
      const r = await call('POST', '/api/auth/login', { body: { username, password } });
      if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.token as string;
    },
  };
}
