import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import express, { type NextFunction, type Request, type Response } from 'express';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Vite names every file under assets/ by its content hash: it never changes under that name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.map', '.txt', '.xml', '.wasm']);

interface Encoded {
  mtimeMs: number;
  etag: string;
  identity: Buffer;
  br?: Promise<Buffer>;
  gzip?: Promise<Buffer>;
}

/**
 * The built admin: /assets/* compressed (brotli or gzip, made once per file and kept in memory)
 * and cached for a year (hashed names), other files for an hour, and index.html for every
 * other GET outside /api (the admin is a single-page app), never cached so a new build is
 * picked up at once.
 */
export function adminFiles(adminDist: string) {
  const assetsDir = join(adminDist, 'assets');
  const cache = new Map<string, Encoded>();
  const indexFile = join(adminDist, 'index.html');
  const others = express.static(adminDist, {
    index: false,
    maxAge: '1h',
    setHeaders: (res, path) => {
      if (path === indexFile) res.setHeader('Cache-Control', 'no-cache');
    },
  });

  async function encoded(file: string): Promise<Encoded | undefined> {
    const s = await stat(file).catch(() => undefined);
    if (!s?.isFile()) return undefined;
    const known = cache.get(file);
    if (known && known.mtimeMs === s.mtimeMs) return known;
    const identity = await readFile(file);
    const entry: Encoded = { mtimeMs: s.mtimeMs, etag: `"${createHash('sha1').update(identity).digest('base64url')}"`, identity };
    cache.set(file, entry);
    return entry;
  }

  async function asset(req: Request, res: Response, next: NextFunction): Promise<void> {
    let relative: string;
    try {
      relative = decodeURIComponent(req.path.slice('/assets/'.length));
    } catch {
      return next();
    }
    const file = normalize(join(assetsDir, relative));
    if (!file.startsWith(assetsDir + sep)) return next();
    const entry = await encoded(file);
    if (!entry) return next();
    const ext = extname(file);
    res.type(ext);
    res.setHeader('Cache-Control', IMMUTABLE);
    res.setHeader('ETag', entry.etag);
    if (COMPRESSIBLE.has(ext)) res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === entry.etag) {
      res.status(304).end();
      return;
    }
    let body = entry.identity;
    if (COMPRESSIBLE.has(ext) && entry.identity.length > 1024) {
      const accepts = String(req.headers['accept-encoding'] ?? '');
      if (/\bbr\b/.test(accepts)) {
        entry.br ??= brotli(entry.identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: entry.identity.length } });
        body = await entry.br;
        res.setHeader('Content-Encoding', 'br');
      } else if (/\bgzip\b/.test(accepts)) {
        entry.gzip ??= gzipAsync(entry.identity, { level: 9 });
        body = await entry.gzip;
        res.setHeader('Content-Encoding', 'gzip');
      }
    }
    res.setHeader('Content-Length', String(body.length));
    res.status(200);
    if (req.method === 'HEAD') res.end();
    else res.end(body);
  }

  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/api') || req.path.startsWith('/cubejs-api')) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path.startsWith('/assets/')) return void asset(req, res, next).catch(next);
    others(req, res, () => {
      if (req.method !== 'GET') return next();
      // The single-page app's index: every route of the admin.
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexFile, { cacheControl: false });
    });
  };
}
