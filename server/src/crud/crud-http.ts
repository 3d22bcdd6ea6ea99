import type { Response } from 'express';
import { AppError } from '../common/app-error.js';
import type { ListSpec } from './list-query.js';

/** Sends a page of records with the total in X-Total-Count (exposed to the browser). */
export function sendList<T>(res: Response, page: { total: number; data: T[] }): T[] {
  res.setHeader('X-Total-Count', String(page.total));
  res.setHeader('Access-Control-Expose-Headers', 'X-Total-Count');
  return page.data;
}

/** A path id: a positive 32-bit integer, else 404 (never a 500 from the database). */
export function parseId(raw: string): number {
  if (!/^\d{1,10}$/.test(raw)) throw AppError.notFound();
  const n = Number(raw);
  if (n < 1 || n > 2_147_483_647) throw AppError.notFound();
  return n;
}

export function listQueryDocs(spec: ListSpec): string {
  const filters = Object.entries(spec.fields).map(([k, f]) => `${k} (${f.kind}${f.sortable ? ', sortable' : ''})`);
  return `Paging _start/_end; sorting _sort/_order; filters field=value, field_like, field_gte, field_lte, field_ne on: ${filters.join(', ')}; q: free-text search.`;
}
