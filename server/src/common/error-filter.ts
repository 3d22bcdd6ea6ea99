import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isCardLimitViolation } from '../cards/card-limit.js';
import { AppError } from './app-error.js';
import { langFrom, t, type Lang } from './i18n.js';
import { renderFieldError } from './validation.js';

interface ErrorBody {
  statusCode: number;
  message: string;
  errors?: Record<string, string>;
  requestId?: string;
}

/** Prisma's known errors mapped to what the caller did wrong (never a 500). */
function fromPrisma(e: { code: string; meta?: Record<string, unknown> }, lang: Lang): ErrorBody | null {
  switch (e.code) {
    case 'P2002': {
      const target = e.meta?.target ?? (e.meta?.driverAdapterError as { cause?: { constraint?: { fields?: string[] } } } | undefined)?.cause?.constraint?.fields;
      const fields = Array.isArray(target) ? target.join(', ') : String(target ?? '');
      return { statusCode: 409, message: t(lang, 'errors.conflict', { fields }) };
    }
    case 'P2025':
    case 'P2001':
    case 'P2015':
      return { statusCode: 404, message: t(lang, 'errors.notFound') };
    case 'P2003':
    case 'P2014':
      return { statusCode: 409, message: t(lang, 'errors.reference') };
    case 'P2000':
    case 'P2006':
    case 'P2007':
    case 'P2009':
    case 'P2033':
      return { statusCode: 400, message: t(lang, 'errors.validation') };
    default:
      return null;
  }
}

/** The SQLSTATE behind an error from the database, wherever the driver adapter put it. */
function sqlStateOf(err: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length) {
    const e = queue.shift() as Record<string, unknown> | null;
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    for (const k of ['originalCode', 'sqlState', 'code']) {
      const v = e[k];
      if (typeof v === 'string' && /^[0-9A-Z]{5}$/.test(v) && !/^P\d{4}$/.test(v)) return v;
    }
    queue.push(e.cause, (e.meta as Record<string, unknown> | undefined)?.driverAdapterError);
  }
  return undefined;
}

export function renderError(err: unknown, req: Request & { requestId?: string }, logger: Logger): ErrorBody {
  const lang = langFrom(req.headers['accept-language']);
  const requestId = req.requestId;
  if (err instanceof AppError) {
    const body: ErrorBody = { statusCode: err.status, message: t(lang, err.key, err.params) };
    const entries = Object.entries(err.fields);
    if (entries.length) body.errors = Object.fromEntries(entries.map(([k, v]) => [k, renderFieldError(v, lang)]));
    return body;
  }
  // M-3: the households CHECK refused a card over the limit, from whichever feature.
  if (isCardLimitViolation(err)) return { statusCode: 409, message: t(lang, 'cards.limitReached') };
  const e = err as { name?: string; code?: unknown; status?: number; type?: string; meta?: Record<string, unknown> };
  if (typeof e?.code === 'string' && /^P\d{4}$/.test(e.code)) {
    const mapped = fromPrisma(e as { code: string }, lang);
    if (mapped) return mapped;
  }
  // A value PostgreSQL cannot take (SQLSTATE class 22: out of range, bad encoding, bad date) is the
  // caller's mistake; the input boundary refuses these first, this is the backstop.
  if (sqlStateOf(err)?.startsWith('22')) return { statusCode: 400, message: t(lang, 'errors.validation') };
  // body-parser: malformed JSON, too large, wrong charset.
  if (e?.type === 'entity.parse.failed') return { statusCode: 400, message: t(lang, 'errors.malformedJson') };
  if (e?.type === 'entity.too.large') return { statusCode: 413, message: t(lang, 'errors.payloadTooLarge') };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && typeof e?.type === 'string') {
    return { statusCode: e.status, message: t(lang, 'errors.badQuery') };
  }
  // Uploads: storage/upload.ts turns multer's errors into AppErrors with the limit of the kind;
  // a multer error or a 413 from anywhere else still answers in the caller's language.
  if (e?.name === 'MulterError') return e.code === 'LIMIT_FILE_SIZE' ? { statusCode: 413, message: t(lang, 'errors.payloadTooLarge') } : { statusCode: 400, message: t(lang, 'uploads.malformed') };
  if (err instanceof HttpException && err.getStatus() === 413) return { statusCode: 413, message: t(lang, 'errors.payloadTooLarge') };
  if (err instanceof HttpException) {
    const status = err.getStatus();
    if (status === 404) return { statusCode: 404, message: t(lang, 'errors.routeNotFound') };
    if (status < 500) return { statusCode: status, message: err.message };
  }
  logger.error(`request ${requestId} failed: ${(err as Error)?.stack ?? String(err)}`);
  return { statusCode: 500, message: t(lang, 'errors.internal', { requestId: requestId ?? '-' }), requestId };
}

/** One filter for every error: expected ones in the caller's language, the rest hidden behind a request id. */
@Catch()
export class AllErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(err: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { requestId?: string }>();
    const res = http.getResponse<Response>();
    const body = renderError(err, req, this.logger);
    if (!res.headersSent) res.status(body.statusCode).json(body);
  }
}
