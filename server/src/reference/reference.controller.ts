import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Ctx, type RequestContext } from '../auth/current-user.js';
import { ListRoute } from '../crud/crud-http.js';
import { referenceResources } from './reference.registry.js';
import { ReferenceService } from './reference.service.js';

const NAMES = Object.keys(referenceResources);

/** The resource name is the path segment after the global prefix: /api/<name>[/<id>]. */
function resourceName(req: Request): string {
  return req.path.split('/').filter(Boolean)[1] ?? '';
}

@ApiTags('reference')
@ApiBearerAuth()
@Controller()
export class ReferenceController {
  constructor(@Inject(ReferenceService) private readonly reference: ReferenceService) {}

  @Get(NAMES)
  @ListRoute()
  @ApiOperation({ summary: "Reference list, simple-rest contract, scoped to the caller's region" })
  list(@Req() req: Request, @Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.reference.list(resourceName(req), query, ctx);
  }

  @Get(NAMES.map((n) => `${n}/:id`))
  @ApiOperation({ summary: 'One reference record (regions by their code)' })
  get(@Req() req: Request, @Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.reference.get(resourceName(req), id, ctx);
  }
}
