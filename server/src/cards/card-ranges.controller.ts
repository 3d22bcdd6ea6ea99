import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { listQueryDocs, parseId, sendList } from '../crud/crud-http.js';
import { validate } from '../common/validation.js';
import { schemaDoc } from './cards.shared.js';
import { CardRangeCreateInput } from './cards.schema.js';
import { CardRangesService, rangeListSpec } from './card-ranges.service.js';

@ApiTags('cards')
@ApiBearerAuth()
@Controller('card-ranges')
export class CardRangesController {
  constructor(@Inject(CardRangesService) private readonly ranges: CardRangesService) {}

  @Get()
  @RequirePermission('cards:list')
  @ApiOperation({ summary: 'Card number ranges (M-7)' })
  @ApiQuery({ name: 'filters', required: false, description: listQueryDocs(rangeListSpec) })
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return sendList(res, await this.ranges.listRanges(query, ctx));
  }

  @Get(':id')
  @RequirePermission('cards:list')
  get(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.ranges.getRange(parseId(id), ctx);
  }

  @Post()
  @RequirePermission('cards:ranges')
  @ApiOperation({ summary: 'Set up a range (prefix, from, to, project or channel); overlapping ranges of a prefix are refused' })
  @ApiBody(schemaDoc(CardRangeCreateInput))
  create(@Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.ranges.createRange(validate(CardRangeCreateInput, body), ctx);
  }

  @Post(':id/deactivate')
  @RequirePermission('cards:ranges')
  @ApiOperation({ summary: 'Stop handing out numbers from a range (numbers are never reused)' })
  deactivate(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.ranges.deactivateRange(parseId(id), ctx);
  }
}
