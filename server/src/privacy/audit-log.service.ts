import { Inject, Injectable } from '@nestjs/common';
import type { ListPage } from '../crud/crud-http.js';
import { parseListQuery, type ListSpec } from '../crud/list-query.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import type { AuditLog, Prisma } from '../generated/prisma/client.js';

export const auditListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    at: { kind: 'date', sortable: true },
    actorId: { kind: 'int', sortable: true },
    actorName: { kind: 'string', sortable: true },
    action: { kind: 'string', sortable: true },
    resource: { kind: 'string', sortable: true },
    recordId: { kind: 'string' },
    ip: { kind: 'string' },
    requestId: { kind: 'string' },
  },
  search: (q) => ({ OR: [{ actorName: { contains: q, mode: 'insensitive' } }, { resource: { contains: q, mode: 'insensitive' } }, { action: { contains: q, mode: 'insensitive' } }] }),
  defaultSort: [{ at: 'desc' }, { id: 'desc' }],
  maxPageSize: 500,
};

export function toItem(r: AuditLog) {
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    resource: r.resource,
    recordId: r.recordId,
    detail: r.detail,
    ip: r.ip,
    requestId: r.requestId,
  };
}

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
    return { total, data: rows.map(toItem) };
  }

  count(where: Prisma.AuditLogWhereInput): Promise<number> {
    return this.db.auditLog.count({ where });
  }

  page(q: ReturnType<AuditLogService['query']>, skip: number, take: number): Promise<AuditLog[]> {
    return this.db.auditLog.findMany({ where: q.where, orderBy: q.orderBy, skip, take });
  }
}
