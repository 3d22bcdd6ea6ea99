import { Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import * as z from 'zod';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { IdParam, ListRoute, ZodBody } from '../crud/crud-http.js';
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
  @ListRoute(dataUseListSpec)
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.requests.list(query, ctx);
  }

  @Get(':id')
  @RequirePermission('data-use:request')
  @ApiOperation({ summary: 'One data-use request (also the printable appendix-5 form)' })
  get(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.requests.get(id, ctx);
  }

  @Post()
  @RequirePermission('data-use:request')
  @ApiOperation({ summary: 'File a data-use request (M-11); the approval chain follows from who asks' })
  create(@ZodBody(DataUseRequestInput) body: z.output<typeof DataUseRequestInput>, @Ctx() ctx: RequestContext) {
    return this.requests.create(body, ctx);
  }

  @Post(':id/approve')
  @RequirePermission('data-use:request')
  @ApiOperation({ summary: 'Approve as club manager or division leader (whichever step is the caller’s)' })
  approve(@IdParam() id: number, @ZodBody(DecisionInput) body: z.output<typeof DecisionInput>, @Ctx() ctx: RequestContext) {
    return this.requests.decide(id, true, body, ctx);
  }

  @Post(':id/reject')
  @RequirePermission('data-use:request')
  @ApiOperation({ summary: 'Reject with a reason' })
  reject(@IdParam() id: number, @ZodBody(DecisionInput) body: z.output<typeof DecisionInput>, @Ctx() ctx: RequestContext) {
    return this.requests.decide(id, false, body, ctx);
  }
}
