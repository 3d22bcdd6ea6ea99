import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import * as z from 'zod';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { validate } from '../common/validation.js';
import { listQueryDocs, parseId, sendList } from '../crud/crud-http.js';
import { DataUseRequestInput, DecisionInput } from './data-use.schema.js';
import { DataUseService, dataUseListSpec } from './data-use.service.js';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('data-use-requests')
export class DataUseController {
  constructor(@Inject(DataUseService) private readonly requests: DataUseService) {}

  @Get()
  @RequirePermission('data-use:request')
  @ApiOperation({ summary: 'Data-use requests (appendix 5): approvers see all, others their own; mine=true for one’s own' })
  @ApiQuery({ name: 'filters', required: false, description: `${listQueryDocs(dataUseListSpec)}; mine=true` })
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return sendList(res, await this.requests.list(query, ctx));
  }

  @Get(':id')
  @RequirePermission('data-use:request')
  @ApiOperation({ summary: 'One data-use request (also the printable appendix-5 form)' })
  get(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.requests.get(parseId(id), ctx);
  }

  @Post()
  @RequirePermission('data-use:request')
  @ApiOperation({ summary: 'File a data-use request (M-11); the approval chain follows from who asks' })
  @ApiBody({ schema: z.toJSONSchema(DataUseRequestInput, { io: 'input', unrepresentable: 'any' }) as object })
  create(@Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.requests.create(validate(DataUseRequestInput, body, ctx.lang), ctx);
  }

  @Post(':id/approve')
  @RequirePermission('data-use:request')
  @ApiOperation({ summary: 'Approve as club manager or division leader (whichever step is the caller’s)' })
  approve(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.requests.decide(parseId(id), true, validate(DecisionInput, body ?? {}, ctx.lang), ctx);
  }

  @Post(':id/reject')
  @RequirePermission('data-use:request')
  @ApiOperation({ summary: 'Reject with a reason' })
  reject(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.requests.decide(parseId(id), false, validate(DecisionInput, body ?? {}, ctx.lang), ctx);
  }
}
