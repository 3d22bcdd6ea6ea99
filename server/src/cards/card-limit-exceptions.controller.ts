import * as z from 'zod';
import { Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { IdParam, ListRoute, ZodBody } from '../crud/crud-http.js';
import { DecisionInput, ExceptionCreateInput } from './cards.schema.js';
import { CardLimitExceptionsService, exceptionListSpec } from './card-limit-exceptions.service.js';

@ApiTags('cards')
@ApiBearerAuth()
@Controller('card-limit-exceptions')
export class CardLimitExceptionsController {
  constructor(@Inject(CardLimitExceptionsService) private readonly exceptions: CardLimitExceptionsService) {}

  @Get()
  @RequirePermission('cards:list')
  @ListRoute(exceptionListSpec)
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.exceptions.listExceptions(query, ctx);
  }

  @Get(':id')
  @RequirePermission('cards:list')
  get(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.exceptions.getException(id, ctx);
  }

  @Post()
  @RequirePermission('card-exceptions:request')
  @ApiOperation({ summary: 'M-3: the member officer requests a card beyond the household limit' })
  create(@ZodBody(ExceptionCreateInput) body: z.output<typeof ExceptionCreateInput>, @Ctx() ctx: RequestContext) {
    return this.exceptions.requestException(body, ctx);
  }

  @Post(':id/approve')
  @ApiOperation({ summary: 'M-3: approve as club manager (card-exceptions:approve-manager) or division leader (card-exceptions:approve-leader); both raise the limit' })
  approve(@IdParam() id: number, @ZodBody(DecisionInput) body: z.output<typeof DecisionInput>, @Ctx() ctx: RequestContext) {
    return this.exceptions.decideException(id, true, body.note, ctx);
  }

  @Post(':id/reject')
  @ApiOperation({ summary: 'M-3: a rejection by either approver ends the exception' })
  reject(@IdParam() id: number, @ZodBody(DecisionInput) body: z.output<typeof DecisionInput>, @Ctx() ctx: RequestContext) {
    return this.exceptions.decideException(id, false, body.note, ctx);
  }
}
