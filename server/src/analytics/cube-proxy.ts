import { request } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { langFrom, t } from '../common/i18n.js';

/**
 * Forwards /cubejs-api/* to Cube so the admin talks to one origin. Cube checks the token itself
 * (issued by /api/analytics/token); the API adds nothing and reads nothing of the answer.
 */
export function cubeProxy(cubeUrl: string) {
  const target = new URL(cubeUrl);
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.originalUrl.startsWith('/cubejs-api/')) return next();
    const headers = { ...req.headers, host: target.host };
    const upstream = request(
      { hostname: target.hostname, port: target.port, method: req.method, path: req.originalUrl, headers, timeout: 120_000 },
      (answer) => {
        res.status(answer.statusCode ?? 502);
        for (const [k, v] of Object.entries(answer.headers)) if (v !== undefined && k !== 'connection') res.setHeader(k, v);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.status(502).json({ statusCode: 502, message: t(langFrom(req.headers['accept-language']), 'errors.cubeUnavailable') });
    });
    req.pipe(upstream);
  };
}
