// One input boundary for the whole API: what no endpoint can store or mean is refused here, before
// any feature sees it, so every current and future route has it.
import type { NextFunction, Request, Response } from 'express';
import { AppError, type FieldErrors } from './app-error.js';

/** C0 control characters (NUL included) and DEL; tab, line feed and carriage return are text. */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** In a path or a query nothing below a space is meaningful. */
const CONTROL_IN_URL = /[\u0000-\u001F\u007F]/;
/** Deeper JSON than this is no form of ours. */
export const MAX_DEPTH = 32;
const INT4 = 2_147_483_647;

function pathOf(parts: (string | number)[]): string {
  return parts.map(String).join('.') || '_';
}

/** Every string and key of a parsed JSON body, with its path; refuses control characters and depth. */
function checkBody(body: unknown): void {
  const fields: FieldErrors = {};
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: body, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (path.length > MAX_DEPTH) throw AppError.field(pathOf(path.slice(0, MAX_DEPTH)), 'errors.tooDeep', { max: MAX_DEPTH });
    if (typeof value === 'string') {
      if (CONTROL_IN_TEXT.test(value)) fields[pathOf(path)] ??= { key: 'errors.controlCharacter' };
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (CONTROL_IN_URL.test(k)) fields[pathOf([...path, k.replace(CONTROL_IN_URL, '?')])] ??= { key: 'errors.controlCharacter' };
        else stack.push({ value: v, path: [...path, k] });
      }
    }
  }
  if (Object.keys(fields).length) throw AppError.validation(fields);
}

function decoded(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** Express middleware for /api: the path, the query and the JSON body. */
export function inputBoundary(req: Request, _res: Response, next: NextFunction): void {
  try {
    const path = decoded(req.path);
    // An id or a code with a control character names nothing: 404 like any other unknown record.
    if (path === null || CONTROL_IN_URL.test(path)) throw AppError.notFound();
    const query = req.query as Record<string, unknown>;
    for (const [key, value] of Object.entries(query)) {
      if (!key) throw AppError.field('_', 'errors.badQuery');
      const values = Array.isArray(value) ? value : [value];
      if (CONTROL_IN_URL.test(key) || values.some((v) => typeof v !== 'string' || CONTROL_IN_URL.test(v))) throw AppError.field(key.replace(CONTROL_IN_URL, '?') || '_', 'errors.controlCharacter');
    }
    if (req.body !== undefined) checkBody(req.body);
    next();
  } catch (e) {
    next(e);
  }
}

/**
 * Validated input bounded to what PostgreSQL holds: whole numbers within a 4-byte integer (every
 * integer column of ours), dates within years 1–9999. Returns the value unchanged.
 */
export function checkBounds<T>(value: T): T {
  const fields: FieldErrors = {};
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || (Number.isInteger(v) && Math.abs(v) > INT4)) fields[pathOf(path)] ??= { key: 'errors.tooBig', params: { max: INT4 } };
    } else if (v instanceof Date) {
      const y = v.getUTCFullYear();
      if (Number.isNaN(v.getTime()) || y < 1 || y > 9999) fields[pathOf(path)] ??= { key: 'errors.date' };
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => stack.push({ value: x, path: [...path, i] }));
    } else if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      for (const [k, x] of Object.entries(v)) stack.push({ value: x, path: [...path, k] });
    }
  }
  if (Object.keys(fields).length) throw AppError.validation(fields);
  return value;
}
