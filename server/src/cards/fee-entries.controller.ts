import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { listQueryDocs, parseId, sendList } from '../crud/crud-http.js';
import { validate } from '../common/validation.js';
import { schemaDoc } from './cards.shared.js';
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
  @ApiQuery({ name: 'filters', required: false, description: listQueryDocs(feeListSpec) })
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return sendList(res, await this.fees.list(query, ctx));
  }

  @Get(':id')
  @RequirePermission('fees:list')
  @ApiOperation({ summary: 'One entry: the data of its printed receipt' })
  get(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.fees.get(parseId(id), ctx);
  }

  @Post()
  @RequirePermission('fees:record')
  @ApiOperation({ summary: 'Record a card fee (waived for newly launched projects); numbered receipt' })
  @ApiBody(schemaDoc(FeeRecordInput))
  record(@Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.fees.record(validate(FeeRecordInput, body), ctx);
  }

  @Post(':id/reverse')
  @RequirePermission('fees:record')
  @ApiOperation({ summary: 'Append a reversing entry (the ledger is append-only)' })
  @ApiBody(schemaDoc(FeeReverseInput))
  reverse(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.fees.reverse(parseId(id), validate(FeeReverseInput, body).reason, ctx);
  }
}
