import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import * as z from 'zod';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { validate } from '../common/validation.js';
import { listQueryDocs, parseId, sendList } from '../crud/crud-http.js';
import { PickupBatchInput } from './application.schema.js';
import { PickupBatchesService, pickupBatchListSpec } from './pickup-batches.service.js';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('pickup-batches')
export class PickupBatchesController {
  constructor(@Inject(PickupBatchesService) private readonly batches: PickupBatchesService) {}

  @Get()
  @RequirePermission('applications:list')
  @ApiOperation({ summary: 'Pickup batches (M-5), simple-rest' })
  @ApiQuery({ name: 'filters', required: false, description: listQueryDocs(pickupBatchListSpec) })
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return sendList(res, await this.batches.list(query, ctx));
  }

  @Get(':id')
  @RequirePermission('applications:list')
  @ApiOperation({ summary: 'One batch with the rows of the handover record (appendix 2)' })
  get(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.batches.get(parseId(id), ctx);
  }

  @Post()
  @RequirePermission('applications:manage')
  @ApiOperation({ summary: 'A weekly pickup (normally Tuesday) of applications not yet in a batch' })
  @ApiBody({ schema: z.toJSONSchema(PickupBatchInput, { io: 'input', unrepresentable: 'any' }) as object })
  create(@Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.batches.create(validate(PickupBatchInput, body, ctx.lang), ctx);
  }
}
