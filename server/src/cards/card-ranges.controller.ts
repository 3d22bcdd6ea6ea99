import * as z from 'zod';
import { Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { IdParam, ListRoute, ZodBody } from '../crud/crud-http.js';
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
  @ListRoute(rangeListSpec)
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.ranges.listRanges(query, ctx);
  }

  @Get(':id')
  @RequirePermission('cards:list')
  get(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.ranges.getRange(id, ctx);
  }

  @Post()
  @RequirePermission('cards:ranges')
  @ApiOperation({ summary: 'Set up a range (prefix, from, to, project or channel); overlapping ranges of a prefix are refused' })
  create(@ZodBody(CardRangeCreateInput) body: z.output<typeof CardRangeCreateInput>, @Ctx() ctx: RequestContext) {
    return this.ranges.createRange(body, ctx);
  }

  @Post(':id/deactivate')
  @RequirePermission('cards:ranges')
  @ApiOperation({ summary: 'Stop handing out numbers from a range (numbers are never reused)' })
  deactivate(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.ranges.deactivateRange(id, ctx);
  }
}
