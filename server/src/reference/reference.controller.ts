import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppError } from '../common/app-error.js';
import { Ctx, type RequestContext } from '../auth/current-user.js';
import { parseId, sendList } from '../crud/crud-http.js';
import { parseListQuery } from '../crud/list-query.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { referenceResources, type ReferenceResource } from './reference.registry.js';

const NAMES = Object.keys(referenceResources);

/** The resource name is the path segment after the global prefix: /api/<name>[/<id>]. */
function resourceName(req: Request): string {
  return req.path.split('/').filter(Boolean)[1] ?? '';
}

@ApiTags('reference')
@ApiBearerAuth()
@Controller()
export class ReferenceController {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  private resource(name: string): ReferenceResource {
    const r = referenceResources[name];
    if (!r) throw new AppError(404, 'errors.routeNotFound');
    return r;
  }

  private delegate(r: ReferenceResource): { findMany: Function; count: Function; findFirst: Function } {
    return (this.db as unknown as Record<string, { findMany: Function; count: Function; findFirst: Function }>)[r.model];
  }

  @Get(NAMES)
  @ApiOperation({ summary: "Reference list, simple-rest contract, scoped to the caller's region" })
  async list(@Req() req: Request, @Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const r = this.resource(resourceName(req));
    const q = parseListQuery(r.spec, query);
    const where = { AND: [q.where, r.scope(ctx.user)] };
    const d = this.delegate(r);
    const [total, rows] = await Promise.all([d.count({ where }), d.findMany({ where, orderBy: q.orderBy, skip: q.skip, take: q.take, select: r.select })]);
    return sendList(res, { total, data: (rows as unknown[]).map(r.map) });
  }

  @Get(NAMES.map((n) => `${n}/:id`))
  @ApiOperation({ summary: 'One reference record' })
  async get(@Req() req: Request, @Param('id') id: string, @Ctx() ctx: RequestContext) {
    const r = this.resource(resourceName(req));
    const key = r.idField ?? 'id';
    const value = key === 'id' ? parseId(id) : id.slice(0, 50);
    const row = await this.delegate(r).findFirst({ where: { AND: [{ [key]: value }, r.scope(ctx.user)] }, select: r.select });
    if (!row) throw AppError.notFound();
    return r.map(row);
  }
}
