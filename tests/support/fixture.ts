// One line gives an API test file what it needs:
//
//   const f = useApi({ members: 200 });
//
// a fresh database cloned from the migrated template, the demo staff accounts and `members` seeded
// members, the real API on a free port, and signed-in users of any role (`await f.token('officer')`),
// plus upload and download helpers. Set-up runs in the file's beforeAll, clean-up in its afterAll.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { seedApplications } from '../../prisma/seed/seed-applications.ts';
import { seedClub, type SeedOptions } from '../../prisma/seed/seed-club.ts';
import type { AppConfig } from '../../server/src/config/app-config.ts';
import type { Db } from '../../server/src/database/prisma.service.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { startApi, type ApiResponse, type RunningApi } from './api.ts';

export interface ApiFixtureOptions {
  /** Members to seed (default 60); 0 seeds the places and staff only. */
  members?: number;
  /** Options of seedClub, or false for an empty (migrated) database. */
  seed?: Partial<Omit<SeedOptions, 'members'>> | false;
  /** Also seed the demo applications (prisma/seed/seed-applications.ts) after the members. */
  seedApplications?: boolean;
  /** Settings of the API under test (lockout, card fee, cache thresholds, ...). */
  config?: Partial<AppConfig>;
  /**
   * Runs after the seed and before the API starts (more seed data, a fake Cube to point the API
   * at); what it returns is added to `config`. Register its clean-up with `f.cleanup`.
   */
  beforeApi?: (f: ApiFixture) => Promise<Partial<AppConfig> | void>;
  /** false: a seeded database only, no API (a file that starts the API its own way, or none). */
  api?: false;
  /** Time for the whole set-up (default vitest's hook timeout); a real Cube takes longer. */
  setupTimeout?: number;
  /** Users to sign in during set-up, so `f.tokens.x` can be read synchronously in tests. */
  users?: string[];
}

export interface UploadFile {
  name: string;
  type: string;
  data: Buffer | Uint8Array | string;
}

export interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
  /** The body as JSON when it is JSON (an error answer), else undefined. */
  json?: any;
}

export interface ApiFixture {
  readonly t: TestDatabase;
  readonly db: Db;
  readonly api: RunningApi;
  /** Tokens of the users signed in during set-up (options.users), by username. */
  readonly tokens: Record<string, string>;
  /** A signed-in token for a demo user (signed in once, then kept). */
  token(username: string): Promise<string>;
  call: RunningApi['call'];
  /** A multipart POST: form fields plus one file under `fileField` (default 'file'). */
  upload<T = any>(path: string, opts: { token: string; fields?: Record<string, string>; file?: UploadFile; fileField?: string; lang?: string }): Promise<ApiResponse<T>>;
  /** A GET whose answer is a file (Excel, PDF, a document). */
  download(path: string, opts: { token: string; lang?: string }): Promise<Download>;
  /** Another API on the same database (its own process state: caches, change feed, throttles), with the default settings plus `config` (not the file's `config`); closed by the fixture. */
  startAnotherApi(config?: Partial<AppConfig>): Promise<RunningApi>;
  /** A plain PostgreSQL connection to the test database (as psql would change it), closed by the fixture. */
  sql(url?: string): Promise<pg.Client>;
  /** A temporary folder, removed afterwards. */
  tempDir(prefix?: string): string;
  /** Clean-up run in the file's afterAll (last registered first), after the APIs close and before the database is dropped. */
  cleanup(fn: () => unknown): void;
}

export function useApi(options: ApiFixtureOptions = {}): ApiFixture {
  let t: TestDatabase | undefined;
  let api: RunningApi | undefined;
  const tokens: Record<string, string> = {};
  const pending = new Map<string, Promise<string>>();
  const ready = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`useApi: ${what} is used before the file's beforeAll ran`);
    return v;
  };

  const others: RunningApi[] = [];
  const cleanups: (() => unknown)[] = [];
  const dirs: string[] = [];
  let dataDir: string | undefined;
  beforeAll(async () => {
    t = await createTestDatabase();
    if (options.seed !== false) await seedClub(t.db, { members: options.members ?? 60, demoAccounts: true, ...options.seed });
    if (options.seedApplications) await seedApplications(t.db);
    const config = { ...options.config, ...(await options.beforeApi?.(fixture)) };
    if (options.api === false) return;
    // Uploaded files of this file's API go to a folder of its own, removed afterwards.
    if (!config.dataDir) dataDir = fixture.tempDir();
    api = await startApi(t.db, { ...(dataDir ? { dataDir } : {}), ...config });
    for (const u of options.users ?? []) tokens[u] = await fixture.token(u);
  }, options.setupTimeout);
  afterAll(async () => {
    for (const other of others) await other.close().catch(() => undefined);
    await api?.close();
    for (const fn of cleanups.reverse()) await fn();
    await t?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const fixture: ApiFixture = {
    get t() {
      return ready(t, 'the database');
    },
    get db() {
      return ready(t, 'the database').db;
    },
    get api() {
      return ready(api, 'the API');
    },
    tokens,
    token(username) {
      if (tokens[username]) return Promise.resolve(tokens[username]);
      let p = pending.get(username);
      if (!p) {
        p = ready(api, 'the API').login(username).then((tok) => (tokens[username] = tok));
        pending.set(username, p);
      }
      return p;
    },
    call: (method, path, opts) => ready(api, 'the API').call(method, path, opts),
    async upload(path, opts) {
      const form = new FormData();
      for (const [k, v] of Object.entries(opts.fields ?? {})) form.append(k, v);
      if (opts.file) form.append(opts.fileField ?? 'file', new Blob([opts.file.data as Uint8Array<ArrayBuffer>], { type: opts.file.type }), opts.file.name);
      const res = await fetch(`${ready(api, 'the API').baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.token}`, 'accept-language': opts.lang ?? 'zh-CN' },
        body: form,
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        /* not JSON */
      }
      await ready(api, 'the API').checkAnswer('POST', path, res.status, res.headers.get('content-type'), body);
      return { status: res.status, headers: res.headers, body: body as any };
    },
    async download(path, opts) {
      const res = await fetch(`${ready(api, 'the API').baseUrl}${path}`, { headers: { authorization: `Bearer ${opts.token}`, 'accept-language': opts.lang ?? 'zh-CN' } });
      const body = Buffer.from(await res.arrayBuffer());
      let json: unknown;
      if ((res.headers.get('content-type') ?? '').includes('json')) json = JSON.parse(body.toString('utf8'));
      await ready(api, 'the API').checkAnswer('GET', path, res.status, res.headers.get('content-type'), json);
      return { status: res.status, headers: res.headers, body, json };
    },
    async startAnotherApi(config = {}) {
      const other = await startApi(ready(t, 'the database').db, { ...(dataDir ? { dataDir } : {}), ...config });
      // Closed by the fixture unless the test closes it first.
      let closed = false;
      const close = other.close;
      other.close = async () => {
        if (closed) return;
        closed = true;
        await close();
      };
      others.push(other);
      return other;
    },
    async sql(url) {
      const client = new pg.Client({ connectionString: url ?? ready(t, 'the database').url });
      await client.connect();
      cleanups.push(() => client.end().catch(() => undefined));
      return client;
    },
    tempDir(prefix = 'club-test-') {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    cleanup(fn) {
      cleanups.push(fn);
    },
  };
  return fixture;
}
