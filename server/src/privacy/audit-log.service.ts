import { Inject, Injectable } from '@nestjs/common';
import type { ListPage } from '../crud/crud-http.js';
import { parseListQuery, parsePaging, type ListSpec } from '../crud/list-query.js';
import { staffNames } from '../auth/staff-names.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import type { AuditLog, Prisma } from '../generated/prisma/client.js';

/**
 * What an entry is: an event (a sign-in, a change, an export), an unmasked read of one record, or
 * an unmasked read of a list page (a privileged user opening a list: many, and rarely what an
 * auditor looks for first, so the admin shows them grouped per day).
 */
export const AUDIT_KINDS = ['EVENT', 'READ', 'LIST_READ'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

const KIND_WHERE: Record<AuditKind, Prisma.AuditLogWhereInput> = {
  EVENT: { action: { not: 'READ_UNMASKED' } },
  READ: { action: 'READ_UNMASKED', recordId: { not: null } },
  LIST_READ: { action: 'READ_UNMASKED', recordId: null },
};

/** Resources were once logged under table names (import_jobs); they are the API's names (import-jobs). */
export function resourceName(raw: string): string {
  return raw.replace(/_/g, '-');
}

export const auditListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    at: { kind: 'date', sortable: true },
    actorId: { kind: 'int', sortable: true },
    actorName: { kind: 'string', sortable: true },
    action: { kind: 'string', sortable: true },
    recordId: { kind: 'string' },
    ip: { kind: 'string' },
    requestId: { kind: 'string' },
  },
  filters: {
    kind: { kind: 'enum', values: AUDIT_KINDS, doc: 'EVENT, READ (one record unmasked) or LIST_READ (a list page unmasked)', where: (k: AuditKind) => KIND_WHERE[k] },
    resource: { kind: 'string', doc: 'the API resource, e.g. members, import-jobs', where: (r: string) => ({ resource: { in: [...new Set([r, r.replace(/_/g, '-'), r.replace(/-/g, '_')])] } }) },
  },
  search: (q) => ({ OR: [{ actorName: { contains: q, mode: 'insensitive' } }, { resource: { contains: q, mode: 'insensitive' } }, { action: { contains: q, mode: 'insensitive' } }] }),
  defaultSort: [{ at: 'desc' }, { id: 'desc' }],
  maxPageSize: 500,
};

function kindOf(r: Pick<AuditLog, 'action' | 'recordId'>): AuditKind {
  if (r.action !== 'READ_UNMASKED') return 'EVENT';
  return r.recordId === null ? 'LIST_READ' : 'READ';
}

/** An entry as the audit pages show it: who by name, what kind of entry, which resource. */
export function toItem(r: AuditLog, names: Map<number, string> = new Map()) {
  const ids = (r.detail as { ids?: unknown } | null)?.ids;
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    actorId: r.actorId,
    /** The username at the time (kept even if the account is renamed or removed). */
    actorName: r.actorName,
    /** The staff member's name, as colleagues know them. */
    actorDisplayName: (r.actorId !== null ? names.get(r.actorId) : undefined) ?? r.actorName,
    action: r.action,
    kind: kindOf(r),
    resource: resourceName(r.resource),
    recordId: r.recordId,
    /** How many records a list read showed. */
    records: Array.isArray(ids) ? ids.length : r.recordId !== null ? 1 : null,
    detail: r.detail,
    ip: r.ip,
    requestId: r.requestId,
  };
}

export interface ListReadGroup {
  id: string;
  day: string;
  actorId: number | null;
  actorName: string | null;
  actorDisplayName: string | null;
  resource: string;
  views: number;
  records: number;
  firstAt: string;
  lastAt: string;
}

/** Filters of the grouped list reads: the period and the person. */
export const listReadSpec: ListSpec = {
  fields: { at: { kind: 'date' }, actorId: { kind: 'int' } },
  filters: { resource: auditListSpec.filters!.resource },
  defaultSort: [{ id: 'desc' }],
};
/** Grouping reads at most this many list reads (the newest); narrow the period to see older ones. */
const LIST_READ_SCAN_MAX = 200_000;

/** Reading the audit log (M-11); writing it is AuditService's. */
@Injectable()
export class AuditLogService {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  query(query: Record<string, unknown>) {
    const q = parseListQuery(auditListSpec, query);
    return { ...q, where: q.where as Prisma.AuditLogWhereInput, orderBy: q.orderBy as Prisma.AuditLogOrderByWithRelationInput[] };
  }

  async list(query: Record<string, unknown>): Promise<ListPage<ReturnType<typeof toItem>>> {
    const q = this.query(query);
    const [total, rows] = await Promise.all([
      this.db.auditLog.count({ where: q.where }),
      this.db.auditLog.findMany({ where: q.where, orderBy: q.orderBy, skip: q.skip, take: q.take }),
    ]);
    const names = await staffNames(this.db, rows.map((r) => r.actorId));
    return { total, data: rows.map((r) => toItem(r, names)) };
  }

  /**
   * Unmasked list reads grouped per day (China), person and resource: how often each opened which
   * list, and how many records those pages showed. Newest day first.
   */
  async listReads(query: Record<string, unknown>): Promise<ListPage<ListReadGroup>> {
    const { skip, take } = parsePaging(query, 50, 500);
    const q = parseListQuery(listReadSpec, Object.fromEntries(Object.entries(query).filter(([k]) => k !== '_start' && k !== '_end')));
    const where = { AND: [q.where as Prisma.AuditLogWhereInput, KIND_WHERE.LIST_READ] };
    const ids = await this.db.auditLog.findMany({ where, select: { id: true }, take: LIST_READ_SCAN_MAX, orderBy: { id: 'desc' } });
    const idList = ids.map((r) => r.id);
    if (!idList.length) return { total: 0, data: [] };
    const rows = await this.db.$queryRaw<{ day: Date; actorId: number | null; actorName: string | null; resource: string; views: number; records: number; first: Date; last: Date; total: number }[]>`
      SELECT (at AT TIME ZONE 'Asia/Shanghai')::date AS day, "actorId", max("actorName") AS "actorName", replace(resource, '_', '-') AS resource,
             count(*)::int AS views, coalesce(sum(jsonb_array_length(CASE WHEN jsonb_typeof(detail->'ids') = 'array' THEN detail->'ids' ELSE '[]'::jsonb END)), 0)::int AS records,
             min(at) AS first, max(at) AS last, (count(*) OVER ())::int AS total
        FROM audit_log WHERE id = ANY(${idList}::bigint[])
       GROUP BY 1, 2, 4
       ORDER BY 1 DESC, views DESC, 2, 4
       OFFSET ${skip} LIMIT ${take}`;
    const names = await staffNames(this.db, rows.map((r) => r.actorId));
    return {
      total: rows[0]?.total ?? 0,
      data: rows.map((r) => ({
        id: `${r.day.toISOString().slice(0, 10)}:${r.actorId ?? '-'}:${r.resource}`,
        day: r.day.toISOString().slice(0, 10),
        actorId: r.actorId,
        actorName: r.actorName,
        actorDisplayName: (r.actorId !== null ? names.get(r.actorId) : undefined) ?? r.actorName,
        resource: r.resource,
        views: r.views,
        records: r.records,
        firstAt: r.first.toISOString(),
        lastAt: r.last.toISOString(),
      })),
    };
  }

  count(where: Prisma.AuditLogWhereInput): Promise<number> {
    return this.db.auditLog.count({ where });
  }

  /** The display names of the people behind some entries. */
  names(rows: Pick<AuditLog, 'actorId'>[]): Promise<Map<number, string>> {
    return staffNames(this.db, rows.map((r) => r.actorId));
  }

  page(q: ReturnType<AuditLogService['query']>, skip: number, take: number): Promise<AuditLog[]> {
    return this.db.auditLog.findMany({ where: q.where, orderBy: q.orderBy, skip, take });
  }
}
