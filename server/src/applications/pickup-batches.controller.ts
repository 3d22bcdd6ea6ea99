import { Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import * as z from 'zod';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { IdParam, ListRoute, ZodBody } from '../crud/crud-http.js';
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
  @ListRoute(pickupBatchListSpec)
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.batches.list(query, ctx);
  }

  @Get(':id')
  @RequirePermission('applications:list')
  @ApiOperation({ summary: 'One batch with the rows of the handover record (appendix 2)' })
  get(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.batches.get(id, ctx);
  }

  @Post()
  @RequirePermission('applications:manage')
  @ApiOperation({ summary: 'A weekly pickup (normally Tuesday) of applications not yet in a batch' })
  create(@ZodBody(PickupBatchInput) body: z.output<typeof PickupBatchInput>, @Ctx() ctx: RequestContext) {
    return this.batches.create(body, ctx);
  }
}
