import * as z from 'zod';
import { Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { IdParam, ListRoute, ZodBody } from '../crud/crud-http.js';
import { FeeRecordInput, FeeReverseInput } from './cards.schema.js';
import { FeesService, feeListSpec } from './fees.service.js';

@ApiTags('fees')
@ApiBearerAuth()
@Controller('fee-entries')
export class FeeEntriesController {
  constructor(@Inject(FeesService) private readonly fees: FeesService) {}

  @Get()
  @RequirePermission('fees:list')
  @ApiOperation({ summary: 'M-8: the card-fee ledger (filters: paidOn_gte/paidOn_lte, projectId, kind, q by receipt number)' })
  @ListRoute(feeListSpec)
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.fees.list(query, ctx);
  }

  @Get(':id')
  @RequirePermission('fees:list')
  @ApiOperation({ summary: 'One entry: the data of its printed receipt' })
  get(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.fees.get(id, ctx);
  }

  @Post()
  @RequirePermission('fees:record')
  @ApiOperation({ summary: 'Record a card fee (waived for newly launched projects); numbered receipt' })
  record(@ZodBody(FeeRecordInput) body: z.output<typeof FeeRecordInput>, @Ctx() ctx: RequestContext) {
    return this.fees.record(body, ctx);
  }

  @Post(':id/reverse')
  @RequirePermission('fees:record')
  @ApiOperation({ summary: 'Append a reversing entry (the ledger is append-only)' })
  reverse(@IdParam() id: number, @ZodBody(FeeReverseInput) body: z.output<typeof FeeReverseInput>, @Ctx() ctx: RequestContext) {
    return this.fees.reverse(id, body.reason, ctx);
  }
}
