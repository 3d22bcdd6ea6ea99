import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { listQueryDocs, parseId, sendList } from '../crud/crud-http.js';
import { validate } from '../common/validation.js';
import { schemaDoc } from './cards.shared.js';
import { ReissueApproveInput, ReissueRejectInput } from './cards.schema.js';
import { ReissueRequestsService, reissueListSpec } from './reissue-requests.service.js';

@ApiTags('cards')
@ApiBearerAuth()
@Controller('card-reissue-requests')
export class ReissueRequestsController {
  constructor(@Inject(ReissueRequestsService) private readonly reissues: ReissueRequestsService) {}

  @Get()
  @RequirePermission('cards:list')
  @ApiQuery({ name: 'filters', required: false, description: listQueryDocs(reissueListSpec) })
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return sendList(res, await this.reissues.listReissues(query, ctx));
  }

  @Get(':id')
  @RequirePermission('cards:list')
  get(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.reissues.getReissue(parseId(id), ctx);
  }

  @Post(':id/approve')
  @RequirePermission('cards:manage')
  @ApiOperation({ summary: 'M-10: approve after checking the same documents as a new application (documentsChecked: true); records the replacement fee, allocates a new number, voids the old card' })
  @ApiBody(schemaDoc(ReissueApproveInput))
  approve(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.reissues.approveReissue(parseId(id), validate(ReissueApproveInput, body), ctx);
  }

  @Post(':id/reject')
  @RequirePermission('cards:manage')
  @ApiBody(schemaDoc(ReissueRejectInput))
  reject(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.reissues.rejectReissue(parseId(id), validate(ReissueRejectInput, body ?? {}).note, ctx);
  }
}
