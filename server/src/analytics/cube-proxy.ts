import { request, type IncomingHttpHeaders } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import * as z from 'zod';
import { langFrom, t, type Lang, type MessageKey } from '../common/i18n.js';

/** Cube's own maximum rows per query (CUBEJS_DB_QUERY_LIMIT's default); above it Cube fails with a 500. */
export const CUBE_MAX_LIMIT = 50_000;
const MAX_BODY_BYTES = 1_000_000;
const MAX_ANSWER_BYTES = 200_000_000;

/** The Cube API routes the admin uses, with the methods each takes and whether it carries a query. */
const ROUTES: Record<string, { methods: string[]; query: boolean }> = {
  '/cubejs-api/v1/load': { methods: ['GET', 'POST'], query: true },
  '/cubejs-api/v1/sql': { methods: ['GET', 'POST'], query: true },
  '/cubejs-api/v1/dry-run': { methods: ['GET', 'POST'], query: true },
  '/cubejs-api/v1/meta': { methods: ['GET'], query: false },
};

const members = z.array(z.string().max(200)).max(200);
/** One Cube query: what Cube would otherwise answer with a 500 (wrong types, a huge limit) is refused here. */
const CubeQuery = z.looseObject({
  measures: members.optional(),
  dimensions: members.optional(),
  segments: members.optional(),
  timeDimensions: z.array(z.looseObject({ dimension: z.string().max(200) })).max(50).optional(),
  filters: z.array(z.record(z.string(), z.unknown())).max(200).optional(),
  order: z.union([z.record(z.string(), z.enum(['asc', 'desc', 'none'])), z.array(z.tuple([z.string().max(200), z.enum(['asc', 'desc', 'none'])]))]).optional(),
  limit: z.number().int().min(1).optional(),
  offset: z.number().int().min(0).max(10_000_000).optional(),
  total: z.boolean().optional(),
  ungrouped: z.boolean().optional(),
  renewQuery: z.boolean().optional(),
  timezone: z.string().max(64).optional(),
});
const CubeQueries = z.union([CubeQuery, z.array(CubeQuery).min(1).max(20)]);

type Verdict = { ok: true; value: unknown } | { ok: false; status: number; key: MessageKey; params?: Record<string, number> };

/** Checks a query (parsed JSON, or a JSON text from the URL) before it reaches Cube. */
export function checkQuery(input: unknown): Verdict {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { ok: false, status: 400, key: 'auth.cubeBadQuery' };
    }
  }
  const parsed = CubeQueries.safeParse(value);
  if (!parsed.success) return { ok: false, status: 400, key: 'auth.cubeBadQuery' };
  const list = Array.isArray(value) ? value : [value];
  if (list.some((q: { limit?: number }) => (q.limit ?? 0) > CUBE_MAX_LIMIT)) return { ok: false, status: 400, key: 'auth.cubeLimit', params: { max: CUBE_MAX_LIMIT } };
  return { ok: true, value };
}

const PATHS = [
  // file URLs and absolute paths of a few segments (/work/main/cube/model/x.js, /home/u/app/…)
  /(?:file:\/\/)?(?<![\w/])\/(?:[\w.@+-]+\/)+[\w.@+-]*(?::\d+){0,2}/g,
  // Windows paths
  /[A-Za-z]:\\(?:[^\\\s'"]+\\)+[^\\\s'"]*/g,
];

/** A text without stack lines and file-system paths. */
export function scrub(text: string): string {
  const noStack = text
    .split('\n')
    .filter((line) => !/^\s+at\s/.test(line))
    .join('\n');
  return PATHS.reduce((s, re) => s.replace(re, '…'), noStack).trim();
}

/**
 * Removes stack traces anywhere in an answer (the rows under `data` are left as they are). In an
 * error answer (`errors`), texts are scrubbed of paths too: `error` keeps its scrubbed message,
 * any other text that named a path is dropped.
 */
export function stripStacks(value: unknown, errors: boolean, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => stripStacks(v, errors, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'stack' || k === 'stackTrace') continue;
    if (k === 'data' && Array.isArray(v)) out[k] = v;
    else if (typeof v === 'string' && (errors || k === 'error')) {
      const clean = scrub(v);
      if (k === 'error' || k === 'message') out[k] = clean;
      else if (clean === v) out[k] = v;
    } else out[k] = stripStacks(v, errors, depth + 1);
  }
  return out;
}

function tokenOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const token = header.startsWith('Bearer ') ? header.slice(7) : header;
  return token.trim() || undefined;
}

function readBody(req: Request): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) over = true;
      else if (!over) chunks.push(c);
    });
    req.on('end', () => resolve(over ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export interface CubeProxyOptions {
  cubeUrl: string;
  /** True when the Cube token is valid for a session that is still open (AnalyticsController issues them). */
  verifyToken: (token: string) => Promise<boolean>;
}

/**
 * Forwards /cubejs-api/* to Cube so the admin talks to one origin, but not blindly: the Cube token
 * is checked first (signature, a short lifetime, and that its session is still open and its user
 * active; without one the answer is 401 before anything is read), then only the routes the admin
 * uses, with their query checked (valid JSON of the right shape, `limit` at most Cube's 50,000),
 * are forwarded with a few request headers. Cube's answer is re-sent as our own JSON: no stack
 * traces or server paths, none of Cube's headers (CORS, X-Powered-By), and a 5xx replaced by our
 * error in the caller's language.
 */
export function cubeProxy(opts: CubeProxyOptions) {
  const target = new URL(opts.cubeUrl);
  return async (req: Request & { requestId?: string }, res: Response, next: NextFunction) => {
    if (!req.originalUrl.startsWith('/cubejs-api/')) return next();
    const lang: Lang = langFrom(req.headers['accept-language']);
    const requestId = req.requestId ?? '-';
    const fail = (status: number, key: MessageKey, params: Record<string, string | number> = {}) => {
      if (!res.headersSent) res.status(status).json({ statusCode: status, message: t(lang, key, params), ...(status >= 500 ? { requestId } : {}) });
    };
    try {
      const token = tokenOf(req.headers.authorization);
      if (!token || !(await opts.verifyToken(token))) return fail(401, 'errors.unauthenticated');
      const url = new URL(req.originalUrl, 'http://proxy.invalid');
      const route = ROUTES[url.pathname];
      if (!route || !route.methods.includes(req.method)) return fail(404, 'errors.routeNotFound');

      if (route.query) {
        const inUrl = url.searchParams.get('query');
        if (inUrl !== null) {
          const verdict = checkQuery(inUrl);
          if (!verdict.ok) return fail(verdict.status, verdict.key, verdict.params);
          url.searchParams.set('query', JSON.stringify(verdict.value));
        } else if (req.method === 'GET') {
          return fail(400, 'auth.cubeBadQuery');
        }
      }
      let body: Buffer | undefined;
      if (req.method === 'POST') {
        const raw = await readBody(req);
        if (raw === 'too-large') return fail(413, 'errors.payloadTooLarge');
        let parsed: unknown;
        try {
          parsed = raw.length ? JSON.parse(raw.toString('utf8')) : {};
        } catch {
          return fail(400, 'errors.malformedJson');
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return fail(400, 'auth.cubeBadQuery');
        const params = parsed as Record<string, unknown>;
        if (route.query) {
          if (params.query === undefined && url.searchParams.get('query') === null) return fail(400, 'auth.cubeBadQuery');
          if (params.query !== undefined) {
            const verdict = checkQuery(params.query);
            if (!verdict.ok) return fail(verdict.status, verdict.key, verdict.params);
            params.query = verdict.value;
          }
        }
        body = Buffer.from(JSON.stringify(params));
      }

      const headers: IncomingHttpHeaders = { host: target.host, authorization: token, accept: 'application/json', 'x-request-id': requestId };
      if (req.headers['accept-language']) headers['accept-language'] = req.headers['accept-language'];
      if (body) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(body.length);
      }
      const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const upstream = request(
          { hostname: target.hostname, port: target.port, method: req.method, path: url.pathname + url.search, headers, timeout: 120_000 },
          (r) => {
            const chunks: Buffer[] = [];
            let size = 0;
            r.on('data', (c: Buffer) => {
              size += c.length;
              if (size > MAX_ANSWER_BYTES) r.destroy(new Error('answer too large'));
              else chunks.push(c);
            });
            r.on('end', () => resolve({ status: r.statusCode ?? 502, text: Buffer.concat(chunks).toString('utf8') }));
            r.on('error', reject);
          },
        );
        upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
        upstream.on('error', reject);
        upstream.end(body);
      }).catch(() => null);
      if (!answer) return fail(502, 'errors.cubeUnavailable');
      if (answer.status >= 500) return fail(502, 'auth.cubeFailed', { requestId });
      let json: unknown;
      try {
        json = JSON.parse(answer.text);
      } catch {
        return fail(502, 'auth.cubeFailed', { requestId });
      }
      res.status(answer.status).type('application/json').send(JSON.stringify(stripStacks(json, answer.status >= 400)));
    } catch {
      fail(502, 'auth.cubeFailed', { requestId });
    }
  };
}
