// Runs Cube (cube/server.cjs) as a child process for tests and benchmarks, and queries its REST
// API. The child prints `CUBE_READY <port>` once it listens and its rollups are built.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../server/src/config/app-config.ts';

export interface CubeProcess {
  /** Base URL, e.g. http://127.0.0.1:4300 */
  url: string;
  stop(): Promise<void>;
}

export interface SpawnCubeOptions {
  databaseUrl: string;
  port: number;
  apiSecret: string;
  /** Every line Cube writes (stdout and stderr). */
  log?: (line: string) => void;
  /** Extra environment, e.g. { CUBE_DISABLE_PREAGGREGATIONS: '1' } for benchmarks. */
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

const STOP_GRACE_MS = 10_000;

export async function spawnCube(opts: SpawnCubeOptions): Promise<CubeProcess> {
  const child = spawn(process.execPath, [join(repoRoot, 'cube', 'server.cjs')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...opts.env,
      DATABASE_URL: opts.databaseUrl,
      CUBE_PORT: String(opts.port),
      CUBEJS_API_SECRET: opts.apiSecret,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );

  const stop = async (): Promise<void> => {
    if (exited) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exit;
    clearTimeout(killer);
  };

  const ready = new Promise<void>((resolve, reject) => {
    const timeoutMs = opts.startTimeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      void stop().then(() => reject(new Error(`Cube did not start within ${timeoutMs / 1000} s:\n${output.join('\n')}`)));
    }, timeoutMs);
    const onLine = (line: string) => {
      output.push(line);
      if (output.length > 500) output.shift();
      opts.log?.(line);
      if (line.trim() === `CUBE_READY ${opts.port}`) {
        clearTimeout(timer);
        resolve();
      }
    };
    lines(child.stdout, onLine);
    lines(child.stderr, onLine);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Cube exited (${signal ?? `code ${code}`}) before it was ready:\n${output.join('\n')}`));
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
  await ready;
  return { url: `http://127.0.0.1:${opts.port}`, stop };
}

function lines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffer += chunk;
    let i: number;
    while ((i = buffer.indexOf('\n')) >= 0) {
      onLine(buffer.slice(0, i));
      buffer = buffer.slice(i + 1);
    }
  });
  stream.on('end', () => {
    if (buffer) onLine(buffer);
  });
}

/** The part of Cube's REST load query this project uses. */
export interface CubeQuery {
  measures?: string[];
  dimensions?: string[];
  timeDimensions?: { dimension: string; granularity?: string; dateRange?: string | string[] }[];
  filters?: unknown[];
  order?: Record<string, 'asc' | 'desc'> | [string, 'asc' | 'desc'][];
  limit?: number;
  [key: string]: unknown;
}

export type CubeRow = Record<string, string | number | boolean | null>;

/** The whole answer of /cubejs-api/v1/load; `data` holds the rows. */
export interface CubeLoadResponse {
  data: CubeRow[];
  query?: unknown;
  usedPreAggregations?: Record<string, { targetTableName: string; [key: string]: unknown }>;
  slowQuery?: boolean;
  [key: string]: unknown;
}

export class CubeError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'CubeError';
  }
}

/**
 * POSTs a query to /cubejs-api/v1/load, waiting while Cube answers "Continue wait" (a query or
 * a rollup build still running), for up to `waitMs`. Throws CubeError on any other error.
 */
export async function cubeLoadResponse(url: string, token: string, query: CubeQuery, waitMs = 60_000): Promise<CubeLoadResponse> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const res = await fetch(`${url}/cubejs-api/v1/load`, {
      method: 'POST',
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const text = await res.text();
    let body: { error?: string } & Partial<CubeLoadResponse>;
    try {
      body = JSON.parse(text);
    } catch {
      throw new CubeError(`Cube answered ${res.status} with non-JSON: ${text.slice(0, 200)}`, res.status, text);
    }
    if (body.error === 'Continue wait') {
      if (Date.now() > deadline) throw new CubeError(`Cube still answered "Continue wait" after ${waitMs / 1000} s`, res.status, body);
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    if (!res.ok || body.error) throw new CubeError(`Cube: ${body.error ?? `HTTP ${res.status}`}`, res.status, body);
    return body as CubeLoadResponse;
  }
}

/** The rows of a load query (see cubeLoadResponse). */
export async function cubeLoad(url: string, token: string, query: CubeQuery, waitMs?: number): Promise<CubeRow[]> {
  return (await cubeLoadResponse(url, token, query, waitMs)).data;
}

/** What /cubejs-api/v1/sql says Cube would run for a query, including the rollups it would use. */
export interface CubeSqlResponse {
  sql: {
    sql: [string, unknown[]];
    preAggregations: { preAggregationId: string; tableName: string }[];
    [key: string]: unknown;
  };
}

export async function cubeSql(url: string, token: string, query: CubeQuery): Promise<CubeSqlResponse['sql']> {
  const res = await fetch(`${url}/cubejs-api/v1/sql?query=${encodeURIComponent(JSON.stringify(query))}`, { headers: { authorization: token } });
  const body = (await res.json()) as Partial<CubeSqlResponse> & { error?: string };
  if (!res.ok || body.error || !body.sql) throw new CubeError(`Cube: ${body.error ?? `HTTP ${res.status}`}`, res.status, body);
  return body.sql;
}
