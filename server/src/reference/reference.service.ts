import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { RequestContext } from '../auth/current-user.js';
import { parseId, type ListPage } from '../crud/crud-http.js';
import { parseListQuery } from '../crud/list-query.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { referenceResources, type ReferenceResource } from './reference.registry.js';

type Delegate = { findMany: Function; count: Function; findFirst: Function };

/** The read-only lookup lists of reference.registry.ts, read from the database. */
@Injectable()
export class ReferenceService {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  private resource(name: string): ReferenceResource {
    const r = Object.hasOwn(referenceResources, name) ? referenceResources[name] : undefined;
    if (!r) throw new AppError(404, 'errors.routeNotFound');
    return r;
  }

  private delegate(r: ReferenceResource): Delegate {
    return (this.db as unknown as Record<string, Delegate>)[r.model];
  }

  async list(name: string, query: Record<string, unknown>, ctx: RequestContext): Promise<ListPage<unknown>> {
    const r = this.resource(name);
    const q = parseListQuery(r.spec, query);
    const where = { AND: [q.where, r.scope(ctx.user)] };
    const d = this.delegate(r);
    const [total, rows] = await Promise.all([d.count({ where }), d.findMany({ where, orderBy: q.orderBy, skip: q.skip, take: q.take, select: r.select })]);
    return { total, data: (rows as unknown[]).map(r.map) };
  }

  /** One record by its id, or by its code for resources keyed by code (regions). */
  async get(name: string, rawId: string, ctx: RequestContext): Promise<unknown> {
    const r = this.resource(name);
    const key = r.idField ?? 'id';
    if (key !== 'id' && rawId.length > 50) throw AppError.notFound();
    const value = key === 'id' ? parseId(rawId) : rawId;
    const row = await this.delegate(r).findFirst({ where: { AND: [{ [key]: value }, r.scope(ctx.user)] }, select: r.select });
    if (!row) throw AppError.notFound();
    return r.map(row);
  }
}
