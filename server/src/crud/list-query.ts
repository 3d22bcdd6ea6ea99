// The list contract of @refinedev/simple-rest, implemented once for every resource:
// _start/_end paging, _sort/_order (comma lists), field=value (repeat for "in"),
// field_like / field_gte / field_lte / field_ne, and q for free-text search.
import { AppError } from '../common/app-error.js';

export type FieldKind = 'int' | 'string' | 'date' | 'enum' | 'bool';

export interface FieldSpec {
  kind: FieldKind;
  /** Allowed values of an enum. */
  values?: readonly string[];
  sortable?: boolean;
  /** Prisma field name when it differs from the API name. */
  column?: string;
}

/**
 * A filter that is not a column: `overdue=true`, `mine=true`. Its value is checked like a field of
 * its kind, then turned into a where-clause (which may depend on the caller).
 */
export interface CustomFilter<C = unknown> {
  kind: FieldKind;
  values?: readonly string[];
  where: (value: never, ctx: C) => Record<string, unknown>;
  /** What it does, for the API docs. */
  doc?: string;
}

export interface ListSpec {
  fields: Record<string, FieldSpec>;
  /** Filters that are not columns, applied with the caller's context. */
  filters?: Record<string, CustomFilter<any>>;
  /** Prisma where-clause for `q`. */
  search?: (q: string) => Record<string, unknown>;
  /**
   * A broader where-clause for `q`, for the caller to use when `search` finds nothing (e.g. the
   * start of a name first, anywhere in it only then); null when there is none for this text.
   */
  searchWhenNoneFound?: (q: string) => Record<string, unknown> | null;
  defaultSort: Record<string, 'asc' | 'desc'>[];
  defaultPageSize?: number;
  maxPageSize?: number;
}

export interface ListQuery {
  where: Record<string, unknown>;
  /** The trimmed `q`, when there is one. */
  q?: string;
  /** `where` with the spec's `searchWhenNoneFound` in place of `search`, when it has one for `q`. */
  whereWhenNoneFound?: Record<string, unknown>;
  orderBy: Record<string, 'asc' | 'desc'>[];
  skip: number;
  take: number;
}

const OPERATORS = { like: 'contains', gte: 'gte', lte: 'lte', ne: 'not' } as const;
const RESERVED = new Set(['_start', '_end', '_sort', '_order', 'q']);
/** Paging never reaches further than this into a list (a deeper page is a search, not a page). */
export const MAX_OFFSET = 1_000_000;

/** Own properties only: `?constructor=x` must not find Object.prototype.constructor. */
function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

function bad(path: string): AppError {
  return AppError.field(path, 'errors.badQuery');
}

function one(value: unknown, path: string): string {
  if (typeof value === 'string') return value;
  // A repeated operator (name_gte=a&name_gte=b) has no single meaning.
  throw bad(path);
}

function convert(spec: FieldSpec, raw: string, path: string): unknown {
  switch (spec.kind) {
    case 'int': {
      if (!/^-?\d{1,10}$/.test(raw)) throw bad(path);
      const n = Number(raw);
      if (!Number.isSafeInteger(n) || Math.abs(n) > 2_147_483_647) throw bad(path);
      return n;
    }
    case 'date': {
      // A day, or a moment in ISO form; years PostgreSQL and people can both mean.
      if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw)) throw bad(path);
      const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : raw);
      if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1 || d.getUTCFullYear() > 9999) throw bad(path);
      return d;
    }
    case 'bool':
      if (raw !== 'true' && raw !== 'false') throw bad(path);
      return raw === 'true';
    case 'enum':
      if (!spec.values?.includes(raw)) throw bad(path);
      return raw;
    default:
      if (raw.length > 200) throw bad(path);
      return raw;
  }
}

/** `_start`/`_end` of a list request, bounded; a page is at most `maxPage` rows. */
export function parsePaging(query: Record<string, unknown>, defaultPageSize = 25, maxPage = 500): { skip: number; take: number } {
  const start = query._start === undefined ? 0 : (convert({ kind: 'int' }, one(query._start, '_start'), '_start') as number);
  const end = query._end === undefined ? start + defaultPageSize : (convert({ kind: 'int' }, one(query._end, '_end'), '_end') as number);
  if (start < 0 || start > MAX_OFFSET) throw bad('_start');
  if (end < start) throw bad('_end');
  return { skip: start, take: Math.min(end - start, maxPage) };
}

export function parseListQuery<C = unknown>(spec: ListSpec, query: Record<string, unknown>, ctx?: C): ListQuery {
  const and: Record<string, unknown>[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (RESERVED.has(key)) continue;
    if (!key) throw AppError.field('_', 'errors.badQuery');
    const custom = own(spec.filters, key);
    if (custom) {
      const v = convert({ kind: custom.kind, values: custom.values }, one(value, key), key);
      and.push(custom.where(v as never, ctx));
      continue;
    }
    const m = /^(.+?)(?:_(like|gte|lte|ne))?$/.exec(key)!;
    const name = m[1];
    const op = m[2] as keyof typeof OPERATORS | undefined;
    const field = own(spec.fields, name);
    if (!field) throw AppError.field(key, 'errors.unknownField');
    const column = field.column ?? name;
    if (!op) {
      const values = (Array.isArray(value) ? value : [value]).map((v) => {
        if (typeof v !== 'string') throw bad(key);
        return convert(field, v, key);
      });
      and.push({ [column]: values.length === 1 ? values[0] : { in: values } });
    } else if (op === 'like') {
      if (field.kind !== 'string') throw bad(key);
      const v = one(value, key);
      if (v.length > 200) throw bad(key);
      and.push({ [column]: { contains: v, mode: 'insensitive' } });
    } else {
      if (op !== 'ne' && field.kind === 'bool') throw bad(key);
      and.push({ [column]: { [OPERATORS[op]]: convert(field, one(value, key), key) } });
    }
  }
  let q: string | undefined;
  let broader: Record<string, unknown> | null = null;
  if (query.q !== undefined && spec.search) {
    const text = one(query.q, 'q').trim();
    if (text.length > 100) throw bad('q');
    if (text) {
      q = text;
      broader = spec.searchWhenNoneFound?.(text) ?? null;
    }
  }

  const orderBy: Record<string, 'asc' | 'desc'>[] = [];
  const orders = query._order === undefined ? [] : one(query._order, '_order').toLowerCase().split(',');
  if (orders.some((o) => o !== 'asc' && o !== 'desc')) throw bad('_order');
  if (query._sort !== undefined) {
    one(query._sort, '_sort').split(',').forEach((s, i) => {
      const field = own(spec.fields, s);
      if (!field?.sortable) throw bad('_sort');
      orderBy.push({ [field.column ?? s]: (orders[i] ?? 'asc') as 'asc' | 'desc' });
    });
  }
  // The default order breaks ties so pages never overlap.
  orderBy.push(...spec.defaultSort.filter((d) => !orderBy.some((o) => Object.keys(o)[0] === Object.keys(d)[0])));

  const { skip, take } = parsePaging(query, spec.defaultPageSize, spec.maxPageSize);
  const where = (extra: Record<string, unknown> | null) => (and.length || extra ? { AND: extra ? [...and, extra] : and } : {});
  return {
    where: where(q ? spec.search!(q) : null),
    ...(q ? { q } : {}),
    ...(broader ? { whereWhenNoneFound: where(broader) } : {}),
    orderBy,
    skip,
    take,
  };
}
