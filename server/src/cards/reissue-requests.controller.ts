import * as z from 'zod';
import { Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { IdParam, ListRoute, ZodBody } from '../crud/crud-http.js';
import { ReissueApproveInput, ReissueRejectInput } from './cards.schema.js';
import { ReissueRequestsService, reissueListSpec } from './reissue-requests.service.js';

@ApiTags('cards')
@ApiBearerAuth()
@Controller('card-reissue-requests')
export class ReissueRequestsController {
  constructor(@Inject(ReissueRequestsService) private readonly reissues: ReissueRequestsService) {}

  @Get()
  @RequirePermission('cards:list')
  @ListRoute(reissueListSpec)
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.reissues.listReissues(query, ctx);
  }

  @Get(':id')
  @RequirePermission('cards:list')
  get(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.reissues.getReissue(id, ctx);
  }

  @Post(':id/approve')
  @RequirePermission('cards:manage')
  @ApiOperation({ summary: 'M-10: approve after checking the same documents as a new application (documentsChecked: true); records the replacement fee, allocates a new number, voids the old card' })
  approve(@IdParam() id: number, @ZodBody(ReissueApproveInput) body: z.output<typeof ReissueApproveInput>, @Ctx() ctx: RequestContext) {
    return this.reissues.approveReissue(id, body, ctx);
  }

  @Post(':id/reject')
  @RequirePermission('cards:manage')
  reject(@IdParam() id: number, @ZodBody(ReissueRejectInput) body: z.output<typeof ReissueRejectInput>, @Ctx() ctx: RequestContext) {
    return this.reissues.rejectReissue(id, body.note, ctx);
  }
}
