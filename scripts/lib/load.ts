// The API under load for benchmarks: run it in its own process, sign in, and drive scenarios
// with autocannon, printing req/s and client-side p50/p95/p99.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { repoRoot } from '../../server/src/config/app-config.ts';
import { freePort } from './free-port.ts';
import { percentile } from './machine.ts';

export interface ApiProcess {
  base: string;
  login(username: string, password: string): Promise<string>;
  stop(): Promise<void>;
}

/** `server/src/main.ts` against the database, on a free port, without Cube; `env` adds settings. */
export async function startApiProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  const port = await freePort();
  const api: ChildProcess = spawn(join(repoRoot, 'node_modules/.bin/tsx'), ['server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), CUBE_URL: 'http://127.0.0.1:9', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    api.stdout!.on('data', (b: Buffer) => b.toString().includes('API listening') && resolve());
    api.on('exit', (c) => reject(new Error(`API exited ${c}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    login: async (username, password) => {
      const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      return ((await r.json()) as { token: string }).token;
    },
    stop: async () => {
      api.kill('SIGTERM');
      await new Promise((r) => api.once('exit', r));
    },
  };
}

export interface Scenario {
  name: string;
  /** Paths taken in turn by successive requests. */
  paths: string[];
  token: string;
}

/** Runs one scenario and prints requests, req/s, p50/p95/p99 and failures. */
export async function runScenario(base: string, s: Scenario, connections: number, seconds: number): Promise<{ p50: number; p95: number; rps: number }> {
  const latencies: number[] = [];
  let i = 0;
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${s.token}` },
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: s.paths[i++ % s.paths.length] }) }],
    setupClient: (client: { on: (e: string, f: (...a: unknown[]) => void) => void }) => {
      client.on('response', (_status: unknown, _bytes: unknown, responseTime: unknown) => latencies.push(responseTime as number));
    },
  } as unknown as autocannon.Options);
  latencies.sort((a, b) => a - b);
  const figures = { p50: percentile(latencies, 50), p95: percentile(latencies, 95), rps: result.requests.average };
  console.log(
    `${s.name}\n  requests ${result.requests.total}, ${figures.rps.toFixed(0)} req/s, ` +
      `p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, errors/non-2xx ${result.non2xx + result.errors}`,
  );
  return figures;
}

/**
 * Requests every path once, `connections` at a time (a warm-up: the first request of each list
 * reads cold index pages and fills the API's kept totals and place names). Returns the seconds taken.
 */
export async function visitEach(base: string, token: string, paths: string[], connections: number): Promise<number> {
  const t0 = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const res = await fetch(base + paths[next++], { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return (Date.now() - t0) / 1000;
}
